#!/usr/bin/env bash
# CaRB: runs `kg extract --lines --format carb` on a split's sentences and prints the scorer's line.
# Usage: scripts/eval-carb.sh [dev|test]   (tune on dev only; test is for the README's figure)
set -euo pipefail
cd "$(dirname "$0")/.."
split=${1:-dev}
carb=${CARB_DIR:-../shared/eval/carb}
out=${TMPDIR:-/tmp}/kg-carb-$split.tsv
npx tsc -p tsconfig.build.json
node bin/kg.js extract --lines --format carb "$carb/$split.txt" > "$out"
python3 "$carb/score.py" "$carb/gold/$split.tsv" "$out"
