#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# ctest packaging_deb: builds the .deb with cpack, unpacks it into a scratch root and runs the programs from there.
#
# Usage: test-package.sh --build-dir DIR --cpack CPACK --version X.Y.Z --app-id ID --source-dir DIR [--no-gui]
# Needs dpkg-deb and dpkg-shlibdeps (dpkg-dev); desktop-file-validate, appstreamcli and update-mime-database are
# used when installed. Everything it writes lives in one temporary folder that is removed on exit.
set -euo pipefail

build_dir="" cpack="cpack" version="" app_id="" source_dir="" gui=1
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build_dir="$2"; shift 2 ;;
    --cpack) cpack="$2"; shift 2 ;;
    --version) version="$2"; shift 2 ;;
    --app-id) app_id="$2"; shift 2 ;;
    --source-dir) source_dir="$2"; shift 2 ;;
    --no-gui) gui=0; shift ;;
    *) echo "test-package: unknown argument $1" >&2; exit 2 ;;
  esac
done
for required in build_dir version app_id source_dir; do
  if [ -z "${!required}" ]; then
    echo "test-package: --${required//_/-} is required" >&2
    exit 2
  fi
done

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

scratch="$(mktemp -d "${TMPDIR:-/tmp}/qaoa-package-test.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
root="$scratch/root"
mkdir -p "$scratch/out" "$root" "$scratch/home" "$scratch/config" "$scratch/data" "$scratch/runtime"
chmod 700 "$scratch/runtime"

# --- Build the package --------------------------------------------------------------------------------------
# -B keeps cpack's staging tree (_CPack_Packages) and the .deb out of the build folder.
start=$SECONDS
(cd "$build_dir" && "$cpack" -G DEB --config "$build_dir/CPackConfig.cmake" -B "$scratch/out") \
  > "$scratch/cpack.log" 2>&1 || { cat "$scratch/cpack.log" >&2; echo "FAIL: cpack -G DEB" >&2; exit 1; }
debs=("$scratch"/out/*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
  cat "$scratch/cpack.log" >&2
  echo "FAIL: cpack made ${#debs[@]} .deb files, expected one" >&2
  exit 1
fi
deb="${debs[0]}"
pass "cpack built $(basename "$deb") ($(stat -c %s "$deb") bytes) in $((SECONDS - start)) s"

# --- Control fields -----------------------------------------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = "qaoa-workbench" ] && pass "Package: qaoa-workbench" || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] && pass "Version: $version" || fail "Version is '$(field Version)', want $version"
[ "$(field Section)" = "science" ] && pass "Section: science" || fail "Section is '$(field Section)'"
[ -n "$(field Maintainer)" ] && pass "Maintainer: $(field Maintainer)" || fail "no Maintainer"
[ -n "$(field Description)" ] && pass "Description present" || fail "no Description"
depends="$(field Depends)"
echo "   Depends: $depends"
# A few libraries only dpkg-shlibdeps can have added; their presence shows it ran on both binaries.
expected_depends=(libc6 libstdc++6 coinor-libcbc3 libnlopt0)
[ "$gui" -eq 1 ] && expected_depends+=(libqt6widgets6 libqt6svg6 libqcustomplot2.1-qt6 fonts-dejavu-core)
# One package name per line, version constraints dropped, so names compare as plain strings.
depends_names="$(tr ',' '\n' <<< "$depends" | awk '{print $1}')"
for package in "${expected_depends[@]}"; do
  if grep -qxF "$package" <<< "$depends_names"; then pass "Depends names $package"
  else fail "Depends lacks $package"; fi
done

# --- Contents -----------------------------------------------------------------------------------------------
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' > "$scratch/contents.txt"
expected_files=(
  /usr/bin/qaoa-cli
  /usr/share/qaoa-workbench/backends/fez/
  /usr/share/qaoa-workbench/examples/paper-4x3.qwproj
  /usr/share/qaoa-workbench/schemas/project.schema.json
  /usr/share/doc/qaoa-workbench/copyright
)
if [ "$gui" -eq 1 ]; then
  expected_files+=(
    /usr/bin/qaoa-workbench
    "/usr/share/applications/$app_id.desktop"
    "/usr/share/metainfo/$app_id.metainfo.xml"
    "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    /usr/share/mime/packages/qaoa-workbench.xml
  )
fi
for file in "${expected_files[@]}"; do
  grep -qxF "$file" "$scratch/contents.txt" && pass "package holds $file" || fail "package lacks $file"
done
# Every device snapshot and schema in the source tree must have been packaged, not only the ones named above.
while IFS= read -r -d '' file; do
  relative="${file#"$source_dir"/resources/}"
  grep -qxF "/usr/share/qaoa-workbench/$relative" "$scratch/contents.txt" \
    || fail "package lacks /usr/share/qaoa-workbench/$relative"
done < <(find "$source_dir/resources/backends" "$source_dir/resources/schemas" "$source_dir/resources/examples" \
              -type f -print0)
pass "package holds every file under resources/backends, schemas and examples"

# --- Unpack and run -----------------------------------------------------------------------------------------
dpkg-deb -x "$deb" "$root"
# The programs must find their data through <program>/../share/qaoa-workbench, as after a real installation.
run_env=(env -u QAOA_RESOURCE_DIR HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/config"
         XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/runtime")

cli_version="$("${run_env[@]}" "$root/usr/bin/qaoa-cli" --version)" || fail "qaoa-cli --version exited non-zero"
[ "$cli_version" = "qaoa-cli $version" ] && pass "qaoa-cli --version: $cli_version" \
  || fail "qaoa-cli --version printed '$cli_version', want 'qaoa-cli $version'"

example="$root/usr/share/qaoa-workbench/examples/paper-4x3.qwproj"
if "${run_env[@]}" "$root/usr/bin/qaoa-cli" transpile "$example" --backend fez --json > "$scratch/transpile.json" \
     2> "$scratch/transpile.err"; then
  if grep -q '"backend": "ibm_fez"' "$scratch/transpile.json"; then pass "qaoa-cli transpile --backend fez"
  else fail "qaoa-cli transpile did not report ibm_fez"; fi
else
  cat "$scratch/transpile.err" >&2
  fail "qaoa-cli transpile --backend fez exited non-zero"
fi

if [ "$gui" -eq 1 ]; then
  gui_env=("${run_env[@]}" QT_QPA_PLATFORM=offscreen QAOA_WORKBENCH_NO_RECOVERY=1)
  gui_version="$("${gui_env[@]}" "$root/usr/bin/qaoa-workbench" --version)" || fail "qaoa-workbench --version"
  [ "$gui_version" = "qaoa-workbench $version" ] && pass "qaoa-workbench --version: $gui_version" \
    || fail "qaoa-workbench --version printed '$gui_version'"

  # The German catalogue is compiled into the program; --help shows whether the installed binary loads it.
  if "${gui_env[@]}" "$root/usr/bin/qaoa-workbench" --lang de --help 2>&1 | grep -q "Probleme bearbeiten"; then
    pass "qaoa-workbench --lang de speaks German"
  else
    fail "qaoa-workbench --lang de --help is not German"
  fi

  png="$scratch/screenshot.png"
  if "${gui_env[@]}" "$root/usr/bin/qaoa-workbench" --no-recovery --screenshot "$png" > "$scratch/gui.log" 2>&1; then
    if [ -s "$png" ] && [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]; then
      pass "qaoa-workbench --screenshot wrote a $(stat -c %s "$png")-byte PNG"
    else
      fail "qaoa-workbench --screenshot did not write a PNG"
    fi
  else
    cat "$scratch/gui.log" >&2
    fail "qaoa-workbench --screenshot exited non-zero"
  fi

  # --- Desktop integration files --------------------------------------------------------------------------
  desktop="$root/usr/share/applications/$app_id.desktop"
  if command -v desktop-file-validate > /dev/null; then
    desktop-file-validate "$desktop" && pass "desktop-file-validate" || fail "desktop-file-validate"
  else
    # Without the validator: the group header comes first, every line is a comment, group or key=value, and
    # the keys a launcher needs are present once.
    if awk '
      /^[ \t]*(#|$)/ { next }
      !seen_group { if ($0 != "[Desktop Entry]") { print "first group is not [Desktop Entry]"; bad = 1 } seen_group = 1; next }
      /^\[.*\]$/ { next }
      !/^[A-Za-z0-9-]+(\[[A-Za-z@_.-]+\])?=/ { print "not key=value: " $0; bad = 1 }
      END { exit bad }' "$desktop"; then
      pass "desktop entry parses"
    else
      fail "desktop entry does not parse"
    fi
    for key in Type Name Exec Icon Categories MimeType; do
      [ "$(grep -c "^$key=" "$desktop")" -eq 1 ] || fail "desktop entry has no single $key="
    done
  fi
  desktop_value() { sed -n "s/^$1=//p" "$desktop"; }
  [ "$(desktop_value Type)" = "Application" ] || fail "desktop entry Type is not Application"
  exec_program="$(desktop_value Exec | awk '{print $1}')"
  [ -x "$root/usr/bin/$exec_program" ] && pass "Exec=$exec_program is packaged" || fail "Exec=$exec_program not in /usr/bin"
  icon="$(desktop_value Icon)"
  [ -f "$root/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] && pass "Icon=$icon is packaged" \
    || fail "Icon=$icon has no scalable hicolor icon"

  metainfo="$root/usr/share/metainfo/$app_id.metainfo.xml"
  if command -v appstreamcli > /dev/null; then
    appstreamcli validate --no-net "$metainfo" && pass "appstreamcli validate" || fail "appstreamcli validate"
  elif command -v xmllint > /dev/null; then
    xmllint --noout "$metainfo" && pass "metainfo is well-formed XML" || fail "metainfo is not well-formed XML"
  fi
  grep -q "<id>$app_id</id>" "$metainfo" || fail "metainfo id is not $app_id"
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
    || fail "metainfo does not launch $app_id.desktop"

  # Every MIME type the desktop entry claims must be defined by the packaged shared-mime-info file.
  mime_xml="$root/usr/share/mime/packages/qaoa-workbench.xml"
  IFS=';' read -r -a mime_types <<< "$(desktop_value MimeType)"
  for type in "${mime_types[@]}"; do
    [ -z "$type" ] && continue
    grep -q "<mime-type type=\"$type\">" "$mime_xml" && pass "MIME type $type is defined" \
      || fail "MIME type $type is not in the shared-mime-info file"
  done
  if command -v update-mime-database > /dev/null; then
    # Compiling a private copy of the database shows the XML is accepted and yields the globs and magic.
    mkdir -p "$scratch/mime/packages"
    cp "$mime_xml" "$scratch/mime/packages/"
    if update-mime-database "$scratch/mime" > "$scratch/mime.log" 2>&1 && ! grep -qi "error\|warning" "$scratch/mime.log"; then
      grep -q ":application/x-qaoa-workbench-project:\*\.qwproj" "$scratch/mime/globs2" \
        && grep -q ":application/x-qaoa-workbench-bundle:\*\.qwbundle" "$scratch/mime/globs2" \
        && grep -q "application/x-qaoa-workbench-project" "$scratch/mime/magic" \
        && pass "update-mime-database: globs and magic" || fail "update-mime-database output lacks the globs or magic"
    else
      cat "$scratch/mime.log" >&2
      fail "update-mime-database rejected the MIME file"
    fi
  fi
fi

if [ "$failures" -ne 0 ]; then
  echo "test-package: $failures check(s) failed" >&2
  exit 1
fi
echo "test-package: all checks passed in $SECONDS s"
