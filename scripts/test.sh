#!/usr/bin/env bash
# Runs klartext's whole test suite: the release build's tests, the same tests under
# AddressSanitizer + UBSan, a format check, and each libFuzzer target briefly.
# Usage: bash scripts/test.sh   (the README's second command; .ci/run runs exactly this)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

echo "== format check =="
bash scripts/check_format.sh

echo "== release build: tests =="
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DKLARTEXT_WERROR=ON \
  -DKLARTEXT_PYTHON=ON -DPython3_EXECUTABLE=/usr/bin/python3 >/dev/null
cmake --build build -j "$jobs"
log=$(mktemp)
(cd build && ctest --output-on-failure -j "$jobs") | tee "$log"

echo "== AddressSanitizer + UBSan build: tests =="
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKLARTEXT_SANITIZE=ON \
  -DKLARTEXT_BENCH=OFF -DKLARTEXT_WERROR=ON >/dev/null
cmake --build build-asan -j "$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure -j "$jobs") | tee -a "$log"

echo "== libFuzzer targets (${KLARTEXT_FUZZ_SECONDS:=20}s each) =="
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKLARTEXT_FUZZ=ON -DKLARTEXT_DEVELOPER=OFF -DKLARTEXT_BENCH=OFF >/dev/null
# Only the fuzzers and what they link: the CLI and tests are already covered above.
mapfile -t fuzz_targets < <(ninja -C build-fuzz -t targets all | sed -n 's/^\(fuzz_[a-z_0-9]*\): .*/\1/p' | sort -u)
cmake --build build-fuzz -j "$jobs" --target "${fuzz_targets[@]}"
shopt -s nullglob
for fuzzer in build-fuzz/fuzz/fuzz_*; do
  [ -x "$fuzzer" ] || continue
  name=$(basename "$fuzzer")
  corpus=$(mktemp -d)
  seeds=()
  [ -d "fuzz/seeds/${name#fuzz_}" ] && seeds=("fuzz/seeds/${name#fuzz_}")
  # Extraction also starts from the pages we wrote for its tests and the example.
  [ "$name" = fuzz_extract ] && seeds+=(tests/data/extract examples)
  echo "-- $name"
  "$fuzzer" -max_total_time="$KLARTEXT_FUZZ_SECONDS" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=0 "$corpus" "${seeds[@]}" 2>&1 | tail -n 2
  rm -rf "$corpus"
done
fuzzers=$(find build-fuzz/fuzz -maxdepth 1 -name 'fuzz_*' -type f -executable | wc -l)
# Both ctest runs passed (set -e stops at the first failure); count their tests and the fuzzers.
tests=$(awk '/tests failed out of/ {sum += $NF} END {print sum + 0}' "$log")
rm -f "$log"
echo "test suites: release + ASan/UBSan ctest, $fuzzers fuzzers run clean"
echo "$((tests + fuzzers)) passed, 0 failed"
