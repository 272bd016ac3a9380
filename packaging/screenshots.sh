#!/bin/sh
# SPDX-License-Identifier: MIT
# Writes resources/screenshots/*.png (README "Screenshots") with qaoa-screenshots under a virtual X server.
# Usage: packaging/screenshots.sh [BUILD_DIR]   (default: build; needs xvfb-run, uses optipng when installed)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
program=$build/bin/qaoa-screenshots
out=$root/resources/screenshots
if [ ! -x "$program" ]; then
    echo "screenshots.sh: $program is missing; build it first: cmake --build $build --target qaoa-screenshots" >&2
    exit 1
fi
if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "screenshots.sh: xvfb-run is not installed (Debian: apt-get install xvfb)" >&2
    exit 1
fi
mkdir -p "$out"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# A scratch home: no settings, autosaves or job store of the user's take part.
HOME=$scratch XDG_CONFIG_HOME=$scratch/config XDG_DATA_HOME=$scratch/data QT_QPA_PLATFORM=xcb \
    xvfb-run -a -s "-screen 0 1600x1000x24" "$program" "$out" --size 1280x800
if command -v optipng >/dev/null 2>&1; then
    optipng -quiet -o2 "$out"/*.png
fi
ls -l "$out"/*.png
