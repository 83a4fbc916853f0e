#!/usr/bin/env bash
# Installs what Panoptic needs on Debian (as root) when it is missing; quiet when all is there.
# Used by ./panoptic and ./run-tests. Set PANOPTIC_SKIP_DEPS=1 to skip the check entirely.
set -euo pipefail

[ "${PANOPTIC_SKIP_DEPS:-0}" = "1" ] && exit 0

need_pkgs=(
  cmake g++ libtorch-dev libgloo-dev libopenblas0-pthread
  libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev
  python3-torch python3-torchvision
)

missing=()
for p in "${need_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ ! -f /etc/debian_version ]; then
    echo "panoptic: missing packages: ${missing[*]}" >&2
    echo "panoptic: this is not a Debian system; install the equivalents by hand (libtorch 1.13+ with CMake config," >&2
    echo "          OpenBLAS, OpenCV core/imgproc/imgcodecs, Python torch + torchvision), then set PANOPTIC_SKIP_DEPS=1." >&2
    exit 3
  fi
  if [ "$(id -u)" != "0" ]; then
    echo "panoptic: missing Debian packages: ${missing[*]}" >&2
    echo "panoptic: not root, so they cannot be installed here. Run as root, or ask an administrator for:" >&2
    echo "          sudo apt-get install -y ${missing[*]}" >&2
    exit 3
  fi
  echo "panoptic: installing ${missing[*]} (apt-get)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "panoptic: the .NET SDK 10 (dotnet) is not on PATH; install it (https://dot.net) and run again." >&2
  exit 3
fi
