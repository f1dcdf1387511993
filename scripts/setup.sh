#!/usr/bin/env bash
# Sets up klartext on Debian 12: installs every dependency from Debian, builds, and runs the main
# job on the example page. Usage: bash scripts/setup.sh   (the README's first command)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config python3 python3-dev
  libicu-dev libuchardet-dev zlib1g-dev libdeflate-dev libzstd-dev libbrotli-dev libxxhash-dev
  libcld2-dev libfasttext-dev fasttext libsimdjson-dev pybind11-dev python3-readability
  libgtest-dev libgmock-dev libbenchmark-dev libgumbo-dev libxml2-dev
  clang libclang-rt-14-dev clang-format
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DKLARTEXT_WERROR=ON \
  -DKLARTEXT_PYTHON=ON -DPython3_EXECUTABLE=/usr/bin/python3 >/dev/null
cmake --build build
echo
echo "== klartext extract examples/press-release.html =="
./build/tools/klartext/klartext extract examples/press-release.html
