#!/usr/bin/env bash
# The test suite under AddressSanitizer and under ThreadSanitizer (make sanitize), each in a build folder of its own
# so that .build is never touched. Suites that start the built binary run it instrumented too. Exits non-zero at
# the first report: a sanitizer report fails the test process.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
# Leaks outside Yardstick, each named and explained in the file; the binaries the tests start inherit it.
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
for s in address thread; do
  echo "== swift test --sanitize=$s"
  "$SWIFT" test --sanitize="$s" --scratch-path ".build-$s" ${SANITIZE_ARGS:-}
done
