#!/usr/bin/env bash
# Runs every cargo-fuzz target in fuzz/ for a given time, one at a time, one
# job each (the machines are shared), and prints a summary: run time,
# executions and whether it crashed. Needs a nightly toolchain and
# `cargo install cargo-fuzz`.
#
#   scripts/fuzz.sh [seconds-per-target] [target...]
#
# Crashes land in fuzz/artifacts/<target>/; reproduce one with
#   cd fuzz && cargo +nightly fuzz run <target> artifacts/<target>/crash-...
# and turn it into a regression test (a Rust unit test in the relevant src/
# file, or a case in __test__/hostile.test.js) before fixing it.
# Records and envelopes are framed in JS (lib/callsites/frame.js), so their
# decoders are fuzzed from JS in __test__/hostile.test.js, not here.
set -u
cd "$(dirname "$0")/../fuzz"

SECS="${1:-60}"
shift || true
ALL="lz4_decompress gunzip inflate unbrotli aes_gcm_open json_check regex_check depth_estimate js_validate js_outline codec_roundtrip hook_payload"
TARGETS="${*:-$ALL}"

# Text targets get longer inputs than libFuzzer's 4096-byte default.
max_len() {
  case "$1" in
    js_validate|js_outline|depth_estimate|json_check|hook_payload) echo 16384 ;;
    *) echo 4096 ;;
  esac
}

cargo +nightly fuzz build -O >/dev/null 2>&1 || { cargo +nightly fuzz build -O; exit 1; }

summary=()
status=0
for t in $TARGETS; do
  mkdir -p "corpus/$t" "artifacts/$t"
  log="artifacts/$t/last.log"
  start=$(date +%s)
  # -rss_limit_mb: a decoder that allocates past its cap fails the run.
  # -malloc_limit_mb: one allocation over 256 MiB is a crash too (caps are
  # 1-4 MiB in the targets; swc's arenas stay well below it).
  cargo +nightly fuzz run -O "$t" -- \
    -max_total_time="$SECS" -jobs=1 -workers=1 -timeout=10 \
    -rss_limit_mb=2048 -malloc_limit_mb=256 -max_len="$(max_len "$t")" \
    -print_final_stats=1 >"$log" 2>&1
  rc=$?
  # With -jobs, libFuzzer writes the run's own output to fuzz-<job>.log.
  if [ -f fuzz-0.log ]; then cat fuzz-0.log >>"$log"; rm -f fuzz-0.log; fi
  secs=$(( $(date +%s) - start ))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  crashes=$(ls "artifacts/$t" | grep -cE '^(crash|oom|timeout|leak)-' || true)
  if [ "$rc" -ne 0 ]; then status=1; fi
  summary+=("$(printf '%-16s %4ss  %10s execs  exit %s  artifacts %s' "$t" "$secs" "${execs:-?}" "$rc" "$crashes")")
  echo "${summary[-1]}"
done

echo
echo "target           time       executions    result"
printf '%s\n' "${summary[@]}"
exit $status
