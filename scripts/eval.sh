#!/usr/bin/env bash
# Scores `diplowatch extract --json` against the annotated development set.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
scorer="$shared/tools/score-extraction.py"
if [ ! -f "$scorer" ] || [ ! -d "$shared/data/dev-set" ]; then
  echo "eval: no development set found (looked for $scorer and $shared/data/dev-set); set SHARED=DIR" >&2
  exit 2
fi
python3 "$scorer" --cmd '.build/release/diplowatch extract --json {file}' --verbose
echo
echo "PETRARCH-2 gold-standard records (real news sentences coded in CAMEO, mapped to PLOVER):"
python3 scripts/eval-gsr.py "$shared" .build/release/diplowatch
