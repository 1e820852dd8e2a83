#!/usr/bin/env bash
# Kills `kg build` (kill -9) at random moments of its write phase, TRIALS times (default 50), and checks after each
# kill that the output folder shows a complete old or a complete new generation (every file whole: graph.json
# parses, the GEXF is well-formed, each JSONL line parses) and, after the next build, no leftovers
# (test/cli/crash.test.ts); then does the same to a bare generation writer with larger files
# (test/export/generation.test.ts). The test suite runs a handful of these trials; this runs the full count.
# Needs a built dist/ (npm run build).
set -euo pipefail
cd "$(dirname "$0")/.."
KG_CRASH_TRIALS="${1:-50}" NODE_OPTIONS="--import tsx" npx mocha --no-config --timeout 1800000 test/cli/crash.test.ts test/export/generation.test.ts -g 'kill -9'
