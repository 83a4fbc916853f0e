#!/usr/bin/env bash
# Configures (once) and builds (incrementally) the native shim into $1. Serialised with flock so that
# concurrent `dotnet build`s never run two CMake builds in the same folder.
# Environment: TORCH_DIR (a libtorch CMake prefix, e.g. a pip torch's), PANOPTIC_NATIVE_JOBS (default: nproc).
set -euo pipefail
src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?usage: build.sh OUTPUT_DIR}"
mkdir -p "$out"
exec 9>"$out/.lock"
flock 9
if [ ! -f "$out/CMakeCache.txt" ]; then
  if ! command -v cmake >/dev/null; then
    echo "error PN0001: cmake is not installed; run ./Tools/setup/ensure-deps.sh (as root) or apt-get install cmake g++ libtorch-dev" >&2
    exit 1
  fi
  args=(-S "$src" -B "$out" -DCMAKE_BUILD_TYPE=Release)
  [ -n "${TORCH_DIR:-}" ] && args+=(-DTORCH_DIR="$TORCH_DIR")
  if ! cmake "${args[@]}" >"$out/configure.log" 2>&1; then
    cat "$out/configure.log" >&2
    echo "error PN0002: CMake could not configure the native shim (is libtorch-dev installed? TORCH_DIR=${TORCH_DIR:-unset}); see $out/configure.log" >&2
    rm -f "$out/CMakeCache.txt"
    exit 1
  fi
fi
cmake --build "$out" -j "${PANOPTIC_NATIVE_JOBS:-$(nproc)}" 2>&1 | grep -Ev '^\[ *[0-9]+%\]|^(Consolidate|Scanning)' || true
test "${PIPESTATUS[0]}" = 0 || { echo "error PN0003: the native shim failed to compile" >&2; exit 1; }
