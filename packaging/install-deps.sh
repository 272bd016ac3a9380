#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages QAOA Workbench needs to build, run and test; installs only what is missing.
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ pkg-config ccache git
  qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools libqcustomplot-dev
  libeigen3-dev libcurl4-openssl-dev nlohmann-json3-dev coinor-libcbc-dev
  libnlopt-dev libnlopt-cxx-dev libmetis-dev qtkeychain-qt6-dev libsqlite3-dev
  libcpp-httplib-dev
  zlib1g-dev libgl-dev xvfb xauth fonts-dejavu-core dpkg-dev file
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "install-deps: not root and sudo is not available; install these packages: ${missing[*]}" >&2
    exit 1
  fi
fi

echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
$SUDO apt-get update -q
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "install-deps: done"
