#!/usr/bin/env bash
# BENCH=scale make bench: polls that grow one database to at least SCALE_ARTICLES articles
# (default 1,000,000) and SCALE_ALERTS alerts (default 500,000). Each step writes a new generation
# of the corpus (2,000 feeds x SCALE_ITEMS new entries, served gzipped by nginx), polls it cold,
# polls it again warm (all 304), then times housekeeping and the CLI queries on the grown database.
# One line per step; the last line is
#   scale articles=N alerts=N warm_s=X housekeeping_s=X since7d_s=X search_s=X alerts24h_s=X
# with the figures of the last step. Times are wall seconds of the whole process (start included);
# CPU seconds are printed beside them in the step lines.
set -euo pipefail
cd "$(dirname "$0")/.."
want_articles=${SCALE_ARTICLES:-1000000}
want_alerts=${SCALE_ALERTS:-500000}
feeds=${SCALE_FEEDS:-2000}
items=${SCALE_ITEMS:-125}
# Mostly one-paragraph summaries, as most feeds carry: the database grows faster than the CPU bill.
full=${SCALE_FULL_SHARE:-0.05}
diplomatic=${SCALE_DIPLOMATIC_SHARE:-0.4}
# Each step is a year of news, the one before the last step's: developments between 102 states,
# each dated in the week before its entry, so occurred or planned and alerting. (Steps that dated
# every entry in the same 30 days and their developments over 2015-2026 found mostly stored
# developments, or ones whose old date made them background, which raises no alert: 20,000 entries
# gave 766 alerts, and 250,000 gave 57,800.)
# SCALE_UNTIL=epoch seconds: start no step after then (a loaded machine), and print what was reached.
until=${SCALE_UNTIL:-0}
# Each step adds fewer alerts than the last (more of its developments are already stored);
# SCALE_DIPLOMATIC_SHARE=1.0 for a resumed step makes every entry diplomatic.
# BENCH_WORK=dir keeps the corpus and the database there; a later run with the same BENCH_WORK
# (a newer build, say) resumes from the grown database and does at least one more step.

need=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
[ -x /usr/bin/time ] || need+=(time)
[ ${#need[@]} -eq 0 ] || "$(dirname "$0")/install-packages.sh" --no-start "${need[@]}"
echo "scale: load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores, $(date -u +%FT%TZ)"
swift build -c release --product diplowatch >/dev/null
swift build -c release --product DiploWatchBench >/dev/null
. scripts/bench-lib.sh
# The builds measured are copied first, so a rebuild during a long run does not change them.
mkdir -p "$work/bin"
cp .build/release/diplowatch .build/release/DiploWatchBench "$work/bin/"
bin=$work/bin/diplowatch
tool=$work/bin/DiploWatchBench
command -v newsboat >/dev/null || newsboat() { echo "newsboat (not installed)"; }
bench_versions "$bin"

step=$(cat "$work/step" 2>/dev/null || echo 0)
[ "$step" -gt 0 ] || "$tool" corpus "$work/corpus" "$feeds" "$items" 1 0 "$diplomatic" "$full" 0 >/dev/null
bench_nginx
# The run is long and meant to be started with nice; what it times is not: the warm poll, the
# housekeeping and the CLI queries run (with nginx) at the default priority, as a user's command
# would, so that their wall times on a shared machine are not those of a niced job.
now=()
if [ "$(nice)" -gt 0 ] && [ "$(id -u)" -eq 0 ]; then
  now=(nice -n "-$(nice)")
  renice -n 0 -p "$(cat "$work/nginx.pid")" $(pgrep -P "$(cat "$work/nginx.pid")") >/dev/null
fi
# Four topics over the developments (one rate-limited high enough to count but not hold), text
# kept 30 days, and the metrics file written after each cycle: housekeeping as a daemon runs it.
topics='
[[topics]]
name = "all"

[[topics]]
name = "consultations"
types = ["CONSULT"]
max_per_hour = 100000

[[topics]]
name = "pressure"
types = ["SANCTION", "REQUEST", "AGREE", "ACCUSE", "THREATEN"]

[[topics]]
name = "firm"
status = ["occurred", "planned"]'
bench_config "$work/scale.toml" "$work/scale.sqlite" "$topics" "retention = \"30d\"
metrics = \"$work/metrics.prom\""

count() { python3 -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$work/scale.sqlite" "$1"; }
resumed=$step articles=0 alerts=0
[ "$resumed" -eq 0 ] || echo "scale: resuming after step $resumed in $work"
while [ "$articles" -lt "$want_articles" ] || [ "$alerts" -lt "$want_alerts" ] || [ "$step" -eq "$resumed" ]; do
  if [ "$until" -gt 0 ] && [ "$(date +%s)" -ge "$until" ]; then
    echo "scale: SCALE_UNTIL reached after $step steps, short of $want_articles articles or $want_alerts alerts"
    break
  fi
  step=$((step + 1))
  [ "$step" -eq 1 ] || "$tool" corpus "$work/corpus" "$feeds" "$items" "$step" "$step" "$diplomatic" "$full" "$((step - 1))" >/dev/null
  read -r cold cold_cpu _ < <(measure cold "$bin" poll -c "$work/scale.toml")
  read -r warm warm_cpu _ < <(measure warm "${now[@]}" "$bin" poll -c "$work/scale.toml")
  grep -q "(0 fetched" "$work/warm.out" || { echo "scale: the warm poll fetched feeds again: $(cat "$work/warm.out")" >&2; exit 1; }
  read -r _ house_cpu _ < <(measure house "${now[@]}" "$tool" housekeeping "$work/scale.toml")
  house=$(sed -n 's/^housekeeping_s=//p' "$work/house.out")
  read -r since7d since7d_cpu _ < <(measure since7d "${now[@]}" "$bin" developments -c "$work/scale.toml" --since 7d)
  read -r search search_cpu _ < <(measure search "${now[@]}" "$bin" developments -c "$work/scale.toml" --search "Geneva talks")
  read -r alerts24h alerts24h_cpu _ < <(measure alerts24h "${now[@]}" "$bin" alerts -c "$work/scale.toml" --since 24h)
  articles=$(count "SELECT COUNT(*) FROM articles")
  alerts=$(count "SELECT COUNT(*) FROM alerts")
  developments=$(count "SELECT COUNT(*) FROM developments")
  echo "step $step: articles=$articles developments=$developments alerts=$alerts" \
    "cold_s=$cold (cpu $cold_cpu) warm_s=$warm (cpu $warm_cpu) housekeeping_s=$house (process cpu $house_cpu)" \
    "since7d_s=$since7d (cpu $since7d_cpu, $(wc -l <"$work/since7d.out") lines) search_s=$search (cpu $search_cpu," \
    "$(wc -l <"$work/search.out") lines) alerts24h_s=$alerts24h (cpu $alerts24h_cpu, $(wc -l <"$work/alerts24h.out") lines)" \
    "load $(cut -d' ' -f1 /proc/loadavg)"
  echo "$step" >"$work/step"
done
if [ "$step" -eq "$resumed" ]; then
  echo "scale: no step ran (SCALE_UNTIL had passed), so there are no figures to print" >&2
  exit 1
fi
echo "scale: database $(du -m "$work/scale.sqlite" | cut -f1) MB after $step steps"
echo "scale articles=$articles alerts=$alerts warm_s=$warm housekeeping_s=$house since7d_s=$since7d search_s=$search alerts24h_s=$alerts24h"
