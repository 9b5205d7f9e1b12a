#!/bin/sh
# Builds the fuzz targets (Fuzz/Package.swift) with libFuzzer and AddressSanitizer, optimised, in a scratch
# directory of their own (.build-fuzz), so that the main package's .build is never touched or locked.
# Extra arguments go to `swift build` (for example `--product FuzzLong` or `-j 1`).
# The sanitizers are given as one -sanitize=fuzzer,address: SwiftPM's `--sanitize fuzzer --sanitize address` passes
# two -sanitize flags, and swiftc 6.3 keeps only the last, so the Swift code got AddressSanitizer and no coverage.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
exec swift build --package-path "$root/Fuzz" --scratch-path "${FUZZ_SCRATCH:-$root/.build-fuzz}" \
    -c release -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address "$@"
