#!/bin/sh
# Runs one fuzz target: Fuzz/run.sh TARGET [SECONDS] [extra libFuzzer options]
# TARGET is long, wdi, sdmx, eurostat, wide, metadata, xlsx or text. The corpus grows in
# .build-fuzz/corpus/TARGET (seeded from Fuzz/corpus/TARGET and the repository's own data), crashes and hangs are
# written to .build-fuzz/artifacts/TARGET/, and the run's log to .build-fuzz/logs/TARGET.log; Fuzz/dict/TARGET.dict
# gives libFuzzer the format's words (column names, qualifiers, the report rules' words).
# One process at a time (fork mode with one job: a crash, hang or out-of-memory is written and fuzzing goes on).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=${FUZZ_SCRATCH:-$root/.build-fuzz}
target=${1:?usage: Fuzz/run.sh TARGET [SECONDS] [libFuzzer options]}
seconds=${2:-600}
[ $# -ge 2 ] && shift 2 || shift $#
max_len=8192
seeds="$root/Fuzz/corpus/$target"
case $target in
  long)     name=Long;     seeds="$seeds $root/Data/zhuzhou $root/Data/hunan" ;;
  wdi)      name=WDI ;;
  sdmx)     name=SDMX ;;
  eurostat) name=Eurostat ;;
  wide)     name=Wide ;;
  metadata) name=Metadata ;;
  xlsx)     name=XLSX;     seeds="$root/Tests/Fixtures/xlsx"; max_len=65536 ;;
  text)     name=Text       # the seed document is read where it is (../shared/seed), never copied
            [ -d "$root/../shared/seed" ] && seeds="$seeds $root/../shared/seed" ;;
  *) echo "unknown target '$target' (long, wdi, sdmx, eurostat, wide, metadata, xlsx, text)" >&2; exit 2 ;;
esac
binary="$scratch/release/Fuzz$name"
[ -x "$binary" ] || { echo "$binary is missing: run Fuzz/build.sh (or make fuzz)" >&2; exit 1; }
corpus="$scratch/corpus/$target" artifacts="$scratch/artifacts/$target/"
dict=""
[ -f "$root/Fuzz/dict/$target.dict" ] && dict="-dict=$root/Fuzz/dict/$target.dict"      # the format's words
mkdir -p "$corpus" "$artifacts" "$scratch/logs"
# Swift's own backtracer is turned off so that libFuzzer and ASan handle every signal and write the input.
# shellcheck disable=SC2086
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} \
  "$binary" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$artifacts" -print_final_stats=1 $dict "$@" "$corpus" $seeds 2>&1 | tee "$scratch/logs/$target.log"
