#!/usr/bin/env bash
# Runs the libFuzzer harnesses of a `make fuzz` build, each for a bounded time or a fixed
# number of executions, and prints one line per harness: executions, speed, crashes.
#   tests/fuzz/run.sh BUILD_DIR [HARNESS...]
#   FUZZ_SECONDS=60 (per harness) or FUZZ_RUNS=N (executions per harness instead of a time)
# Each harness starts from its committed seed corpus (tests/fuzz/corpus/NAME, never written
# to) plus what earlier runs found (BUILD_DIR/fuzz-corpus/NAME); a crash leaves its input in
# BUILD_DIR/fuzz-artifacts/NAME/ and makes the script exit 1 (only this run's crashes count). A crash input worth keeping goes
# into the seed corpus, so that `make test` replays it from then on.
set -uo pipefail
build=${1:?usage: tests/fuzz/run.sh BUILD_DIR [HARNESS...]}
shift
here=$(cd "$(dirname "$0")" && pwd)
seconds=${FUZZ_SECONDS:-60}
limit=(-max_total_time="$seconds")
[ -n "${FUZZ_RUNS:-}" ] && limit=(-runs="$FUZZ_RUNS")

if [ $# -gt 0 ]; then
    names=("$@")
else
    names=()
    for binary in "$build"/tests/fuzz/fuzz_*; do
        [ -f "$binary" ] && [ -x "$binary" ] && names+=("${binary##*/fuzz_}")
    done
fi
[ ${#names[@]} -gt 0 ] || { echo "no harness built in $build (make fuzz builds them)"; exit 1; }

status=0
printf '%-16s %14s %10s %8s\n' harness executions exec/s crashes
for name in "${names[@]}"; do
    work="$build/fuzz-corpus/$name" artifacts="$build/fuzz-artifacts/$name/" log="$build/fuzz-$name.log"
    mkdir -p "$work" "$artifacts"
    started="$build/fuzz-$name.started" # crashes are what this run leaves, not earlier runs
    touch "$started"
    extra=()
    [ -f "$here/$name.dict" ] && extra+=(-dict="$here/$name.dict")
    # NAME.options: libFuzzer flags of that harness, one per line ('#' starts a comment)
    [ -f "$here/$name.options" ] && extra+=($(sed 's/#.*//' "$here/$name.options"))
    "$build/tests/fuzz/fuzz_$name" "${limit[@]}" "${extra[@]}" -print_final_stats=1 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts" "$work" "$here/corpus/$name" >"$log" 2>&1
    code=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    crashes=$(find "$artifacts" -type f -newer "$started" | wc -l)
    printf '%-16s %14s %10s %8s\n' "$name" "${runs:-?}" "${speed:-?}" "$crashes"
    if [ $code -ne 0 ] || [ "$crashes" -gt 0 ]; then
        echo "  finding: see $log and $artifacts" >&2
        status=1
    fi
done
exit $status
