#!/usr/bin/env bash
# make bench: DiploWatch's whole daemon against newsboat and a feedparser loop on the same seeded
# corpus (full articles and summaries, spread dates), served gzipped by nginx on 127.0.0.1.
# BENCH=quick (200 feeds x 50 items, the default), BENCH=large (2,000 x 50), or BENCH=scale (polls
# that grow one database past 1,000,000 articles and 500,000 alerts; see scripts/bench-scale.sh).
# OLD_BIN=path/to/diplowatch also runs an older build's cold and warm cycles, for before/after;
# PEERS=no leaves out newsboat, feedparser and the per-stage figures.
# Prints wall and CPU seconds (user + system, children included) and the load average first.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${BENCH:-quick}
case "$size" in
  quick) feeds=200 ;;
  large) feeds=2000 ;;
  scale) exec scripts/bench-scale.sh ;;
  *) echo "bench: BENCH must be quick, large or scale, not $size" >&2; exit 64 ;;
esac
items=50

need=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v newsboat >/dev/null || need+=(newsboat)
/usr/bin/python3 -c 'import feedparser' 2>/dev/null || need+=(python3-feedparser)
[ -x /usr/bin/time ] || need+=(time)
[ ${#need[@]} -eq 0 ] || "$(dirname "$0")/install-packages.sh" --no-start "${need[@]}"

echo "bench: load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores, $(date -u +%FT%TZ)"
swift build -c release --product diplowatch >/dev/null
swift build -c release --product DiploWatchBench >/dev/null
bin=$PWD/.build/release/diplowatch
. scripts/bench-lib.sh
bench_versions "$bin"

echo "bench: generating $feeds feeds x $items items (seed 7)…"
.build/release/DiploWatchBench corpus "$work/corpus" "$feeds" "$items" 7
bench_nginx
bench_config "$work/diplowatch.toml" "$work/db.sqlite"

echo "bench: DiploWatch cold cycle (fetch, parse, extract, store, alert)…"
read -r dw_cold dw_cold_cpu dw_cold_rss < <(measure dw-cold "$bin" poll -c "$work/diplowatch.toml")
before=$(wc -l <"$work/nginx/access.log")
echo "bench: DiploWatch warm cycle…"
read -r dw_warm dw_warm_cpu dw_warm_rss < <(measure dw-warm "$bin" poll -c "$work/diplowatch.toml")
warm_304=$(tail -n +"$((before + 1))" "$work/nginx/access.log" | grep -c '" 304 ' || true)
old_cold=null old_cold_cpu=null old_warm=null old_warm_cpu=null
if [ -n "${OLD_BIN:-}" ]; then
  echo "bench: the older build ($OLD_BIN), cold and warm…"
  BENCH_OLD_CONFIG=1 bench_config "$work/old.toml" "$work/old.sqlite"
  read -r old_cold old_cold_cpu _ < <(measure old-cold "$OLD_BIN" poll -c "$work/old.toml")
  read -r old_warm old_warm_cpu _ < <(measure old-warm "$OLD_BIN" poll -c "$work/old.toml")
fi
if [ "${PEERS:-yes}" = no ]; then
  # Only this build against the older one (OLD_BIN), for a before/after on a loaded machine.
  echo "DiploWatch cold: $dw_cold s wall, $dw_cold_cpu s CPU; warm: $dw_warm s wall, $dw_warm_cpu s CPU ($warm_304 answered 304)"
  [ -z "${OLD_BIN:-}" ] || echo "older build cold: $old_cold s wall, $old_cold_cpu s CPU; warm: $old_warm s wall, $old_warm_cpu s CPU"
  echo "DiploWatch cold cycle: $(cat "$work/dw-cold.out")"
  [ -z "${OLD_BIN:-}" ] || echo "older build cold cycle: $(cat "$work/old-cold.out")"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi
# newsboat 2.21 sends no validators on its second reload (its issue #2734): only the third is a
# conditional, warm pass.
echo "bench: newsboat reloads 1 (cold), 2 and 3 (warm)…"
read -r nb_cold nb_cold_cpu nb_cold_rss < <(measure nb-cold newsboat -u "$work/urls" -c "$work/newsboat.db" -x reload)
read -r nb_second nb_second_cpu _ < <(measure nb-second newsboat -u "$work/urls" -c "$work/newsboat.db" -x reload)
before=$(wc -l <"$work/nginx/access.log")
read -r nb_warm nb_warm_cpu nb_warm_rss < <(measure nb-warm newsboat -u "$work/urls" -c "$work/newsboat.db" -x reload)
nb_304=$(tail -n +"$((before + 1))" "$work/nginx/access.log" | grep -c '" 304 ' || true)
echo "bench: feedparser loop, cold and warm…"
read -r fp_cold fp_cold_cpu fp_cold_rss < <(measure fp-cold /usr/bin/python3 scripts/feedparser-loop.py "$work/urls" "$work/feedparser.json")
before=$(wc -l <"$work/nginx/access.log")
read -r fp_warm fp_warm_cpu _ < <(measure fp-warm /usr/bin/python3 scripts/feedparser-loop.py "$work/urls" "$work/feedparser.json")
fp_304=$(tail -n +"$((before + 1))" "$work/nginx/access.log" | grep -c '" 304 ' || true)
echo "bench: per-stage throughput on one core…"
taskset -c 0 .build/release/DiploWatchBench >"$work/stages.txt"

mkdir -p bench-results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="bench-results/bench-$size-$stamp.json"
python3 scripts/bench-report.py "$work" "$out" "$size" "$feeds" "$items" \
  "$dw_cold $dw_cold_cpu $dw_cold_rss $dw_warm $dw_warm_cpu $dw_warm_rss $warm_304" \
  "$nb_cold $nb_cold_cpu $nb_cold_rss $nb_warm $nb_warm_cpu $nb_warm_rss $nb_304 $nb_second $nb_second_cpu" \
  "$fp_cold $fp_cold_cpu $fp_cold_rss $fp_warm $fp_warm_cpu $fp_304" \
  "$old_cold $old_cold_cpu $old_warm $old_warm_cpu" "$(cat "$work/versions")"
