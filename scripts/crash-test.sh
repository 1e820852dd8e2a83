#!/usr/bin/env bash
# Kills a graph writer (kill -9) at random moments of its write phase, TRIALS times (default 50), and checks after
# each kill that the output folder shows a complete old or a complete new generation, and no leftovers after the
# next write. The test suite runs a handful of these trials; this runs the full count.
set -euo pipefail
cd "$(dirname "$0")/.."
KG_CRASH_TRIALS="${1:-50}" NODE_OPTIONS="--import tsx" npx mocha --no-config --timeout 900000 test/export/generation.test.ts -g 'kill -9'
