#!/usr/bin/env bash
# Installs the system programs the tests use, when missing: Debian's chromium (browser tests) and
# xmllint (GEXF schema validation). Runs before `npm test` and in CI; does nothing when both are there.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "kg: the tests need ${need[*]}: install them with your package manager (Debian: apt-get install ${need[*]})" >&2
  exit 1
fi
echo "kg: installing ${need[*]} for the tests" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
