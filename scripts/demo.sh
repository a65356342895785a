#!/usr/bin/env bash
# Starts the daemon on Config/demo.toml with a fresh state directory and follows the alerts.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/diplowatch
config=Config/demo.toml
rm -rf demo-state
mkdir -p demo-state

"$bin" config check -c "$config"
echo "starting the daemon (log: demo-state/daemon.log); alerts follow as they are committed:"
"$bin" run -c "$config" 2>demo-state/daemon.log &
daemon=$!
stop() { kill -TERM "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; }
trap stop EXIT INT TERM

# Wait for the first cycle to deliver, then show each alert line as it lands in the log.
for _ in $(seq 1 100); do [ -s demo-state/alerts.jsonl ] && break; sleep 0.1; done
if [ -n "${DEMO_SECONDS:-}" ]; then
  timeout "$DEMO_SECONDS" "$bin" alerts -c "$config" --follow || true
  echo
  echo "alert log: demo-state/alerts.jsonl ($(wc -l <demo-state/alerts.jsonl) lines); try: jq . demo-state/alerts.jsonl"
else
  echo "(Ctrl-C to stop; the raw JSON lines are in demo-state/alerts.jsonl)"
  "$bin" alerts -c "$config" --follow
fi
