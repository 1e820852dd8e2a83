#!/usr/bin/env bash
# Scores named-entity recognition and within-document resolution on GUM news (split: dev, train, test or all).
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 ../shared/eval/gum-news/score.py --split "${1:-dev}" --cmd 'node bin/kg.js extract {} --format json'
