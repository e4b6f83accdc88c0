#!/usr/bin/env bash
# The long run of the parsers' libFuzzer harnesses (fuzz/README.md): each for MINUTES (default 10),
# one after the other, in libFuzzer's fork mode so a crash is counted and saved and the run goes on.
# Prints per harness the executions, the crashes, timeouts and out-of-memory inputs found (saved
# under build-fuzz/fuzz-long/NAME/findings/) and the corpus grown. Reports figures; never fails.
# Usage: bench/fuzz_long.sh [MINUTES] [HARNESS…]   (FUZZ_LONG_SECONDS overrides MINUTES, for a try-out)
set -uo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
shift || true
seconds=${FUZZ_LONG_SECONDS:-$((minutes * 60))}

cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOKIENKO_FUZZ=ON \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null || exit 0
cmake --build build-fuzz -j "$(nproc)" --target okienko_fuzzers >/dev/null || exit 0

if (($# > 0)); then
    harnesses=("$@")
else
    mapfile -t harnesses < <(cd fuzz/corpus && ls)
fi

export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
printf '%-20s %14s %8s %9s %5s %8s\n' harness executions crashes timeouts ooms corpus
for name in "${harnesses[@]}"; do
    work="build-fuzz/fuzz-long/$name"
    mkdir -p "$work/corpus" "$work/findings"
    log="$work/run.log"
    build-fuzz/fuzz/fuzz_"$name" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$work/findings/" \
        "$work/corpus" "fuzz/corpus/$name" >"$log" 2>&1
    # Fork mode's status lines: "#EXECS: cov: … corp: N … oom/timeout/crash: O/T/C time: …"
    last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -n 1)
    execs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$last")
    read -r ooms timeouts crashes < <(sed -E 's#.*oom/timeout/crash: ([0-9]+)/([0-9]+)/([0-9]+).*#\1 \2 \3#' <<<"$last")
    corpus=$(find "$work/corpus" -type f | wc -l)
    printf '%-20s %14s %8s %9s %5s %8s\n' "$name" "${execs:-?}" "${crashes:-?}" "${timeouts:-?}" "${ooms:-?}" "$corpus"
done
echo "findings (reproduce: build-fuzz/fuzz/fuzz_NAME FILE): build-fuzz/fuzz-long/*/findings/"
exit 0
