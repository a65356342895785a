#!/usr/bin/env bash
# make bench: DiploWatch's whole daemon against newsboat on the same seeded corpus, served by nginx
# on 127.0.0.1. BENCH=quick (200 feeds x 50 items, the default) or BENCH=large (2,000 x 50).
# Prints a table and writes the figures to bench-results/bench-SIZE-TIME.json.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${BENCH:-quick}
case "$size" in
  quick) feeds=200 ;;
  large) feeds=2000 ;;
  *) echo "bench: BENCH must be quick or large, not $size" >&2; exit 64 ;;
esac
items=50

need=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v newsboat >/dev/null || need+=(newsboat)
[ -x /usr/bin/time ] || need+=(time)
[ ${#need[@]} -eq 0 ] || "$(dirname "$0")/install-packages.sh" --no-start "${need[@]}"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

swift build -c release --product diplowatch >/dev/null
swift build -c release --product DiploWatchBench >/dev/null
bin=$PWD/.build/release/diplowatch
work=$(mktemp -d "${TMPDIR:-/tmp}/diplowatch-bench.XXXXXX")
cleanup() { [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
# nginx's workers run as an unprivileged user when started by root: let them read the corpus.
chmod 755 "$work"

echo "bench: generating $feeds feeds x $items items (seed 7)…"
.build/release/DiploWatchBench corpus "$work/corpus" "$feeds" "$items" 7
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/nginx"
cat >"$work/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log $work/nginx/access.log;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  types { application/rss+xml xml; application/atom+xml atom; }
  server { $(for h in $(seq 1 16); do printf 'listen 127.0.0.%d:%d; ' "$h" "$port"; done) root $work/corpus; etag on; }
}
CONF
"$NGINX" -c "$work/nginx.conf" -p "$work/nginx" &
ready=""
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/feed-0.xml" && ready=1 && break; sleep 0.1; done
[ -n "$ready" ] || { echo "bench: nginx on 127.0.0.1:$port does not serve the corpus (see $work/nginx/error.log)" >&2; cat "$work/nginx/error.log" >&2; exit 1; }

# The feeds stand for many sites: spread them over 16 loopback addresses (16 hosts to DiploWatch's
# per-host limit of 2, as real feeds would be), all served by this nginx.
ls "$work/corpus" | awk -v port="$port" '{ printf "http://127.0.0.%d:%d/%s\n", NR % 16 + 1, port, $0 }' >"$work/urls"
{
  printf '[daemon]\ndatabase = "%s/db.sqlite"\nconcurrency = 16\n\n[alerts]\nlog = "%s/alerts.jsonl"\n' "$work" "$work"
  while read -r u; do printf '\n[[feeds]]\nurl = "%s"\n' "$u"; done <"$work/urls"
  printf '\n[[topics]]\nname = "consultations"\ntypes = ["CONSULT"]\n'
} >"$work/diplowatch.toml"

measure() {  # label, command… → "seconds rss_kb"
  local label=$1; shift
  /usr/bin/time -v "$@" >"$work/$label.out" 2>"$work/$label.time" || { cat "$work/$label.out" "$work/$label.time" >&2; exit 1; }
  python3 - "$work/$label.time" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", t)
secs = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
print(f"{secs:.2f} {rss}")
PY
}

echo "bench: DiploWatch cold cycle (fetch, parse, extract, store, alert)…"
read -r dw_cold dw_cold_rss < <(measure dw-cold "$bin" poll -c "$work/diplowatch.toml")
before=$(wc -l <"$work/nginx/access.log")
echo "bench: DiploWatch warm cycle…"
read -r dw_warm dw_warm_rss < <(measure dw-warm "$bin" poll -c "$work/diplowatch.toml")
warm_304=$(tail -n +"$((before + 1))" "$work/nginx/access.log" | grep -c '" 304 ' || true)
echo "bench: newsboat cold reload…"
read -r nb_cold nb_cold_rss < <(measure nb-cold newsboat -u "$work/urls" -c "$work/newsboat.db" -x reload)
echo "bench: newsboat warm reload…"
read -r nb_warm nb_warm_rss < <(measure nb-warm newsboat -u "$work/urls" -c "$work/newsboat.db" -x reload)
echo "bench: per-stage throughput on one core…"
taskset -c 0 .build/release/DiploWatchBench >"$work/stages.txt"

mkdir -p bench-results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="bench-results/bench-$size-$stamp.json"
python3 - "$work" "$out" "$size" "$feeds" "$items" "$dw_cold" "$dw_cold_rss" "$dw_warm" "$dw_warm_rss" "$nb_cold" "$nb_cold_rss" "$nb_warm" "$nb_warm_rss" "$warm_304" <<'PY'
import json, os, re, sys
work, out, size, feeds, items = sys.argv[1:6]
dw_cold, dw_cold_rss, dw_warm, dw_warm_rss, nb_cold, nb_cold_rss, nb_warm, nb_warm_rss, warm_304 = sys.argv[6:15]
stages = open(os.path.join(work, "stages.txt")).read()
poll = open(os.path.join(work, "dw-cold.out")).read().strip()
corpus_mb = sum(os.path.getsize(os.path.join(work, "corpus", f)) for f in os.listdir(os.path.join(work, "corpus"))) / 1e6
def num(pattern):
    m = re.search(pattern, stages)
    return float(m.group(1)) if m else None
r = {
    "size": size, "feeds": int(feeds), "items_per_feed": int(items), "corpus_mb": round(corpus_mb, 1),
    "diplowatch": {"cold_s": float(dw_cold), "cold_peak_rss_mb": round(int(dw_cold_rss) / 1024, 1),
                   "warm_s": float(dw_warm), "warm_peak_rss_mb": round(int(dw_warm_rss) / 1024, 1),
                   "warm_304_responses": int(warm_304), "cold_summary": poll},
    "newsboat": {"cold_s": float(nb_cold), "cold_peak_rss_mb": round(int(nb_cold_rss) / 1024, 1),
                 "warm_s": float(nb_warm), "warm_peak_rss_mb": round(int(nb_warm_rss) / 1024, 1)},
    "ratio_diplowatch_over_newsboat": {"cold": round(float(dw_cold) / float(nb_cold), 3),
                                       "warm": round(float(dw_warm) / float(nb_warm), 3)},
    "stages_one_core": {"parse_mb_s": num(r"feed parsing: ([\d.]+) MB/s"),
                        "extraction_articles_s": num(r"extraction: ([\d.]+) articles/s"),
                        "extraction_diplomatic_only_articles_s": num(r"diplomatic articles only: ([\d.]+) articles/s"),
                        "storage_rows_s": num(r"storage: ([\d.]+) rows/s")},
}
json.dump(r, open(out, "w"), indent=2)
d, n, q = r["diplowatch"], r["newsboat"], r["ratio_diplowatch_over_newsboat"]
print()
print(f"{size}: {feeds} feeds x {items} items, {corpus_mb:.0f} MB, served by nginx on 127.0.0.1-16")
print(f"{'':24}{'DiploWatch':>12}{'newsboat':>12}{'ratio':>8}")
print(f"{'cold cycle (s)':24}{d['cold_s']:>12.2f}{n['cold_s']:>12.2f}{q['cold']:>8.2f}")
print(f"{'warm cycle (s)':24}{d['warm_s']:>12.2f}{n['warm_s']:>12.2f}{q['warm']:>8.2f}")
print(f"{'peak RSS cold (MB)':24}{d['cold_peak_rss_mb']:>12.1f}{n['cold_peak_rss_mb']:>12.1f}")
print(f"{'peak RSS warm (MB)':24}{d['warm_peak_rss_mb']:>12.1f}{n['warm_peak_rss_mb']:>12.1f}")
print(f"warm cycle: {d['warm_304_responses']} of {feeds} requests answered 304")
s = r["stages_one_core"]
print(f"one core: parse {s['parse_mb_s']} MB/s, extraction {s['extraction_articles_s']} articles/s "
      f"({s['extraction_diplomatic_only_articles_s']} when all are diplomatic), storage {s['storage_rows_s']} rows/s")
print(f"DiploWatch cold cycle: {d['cold_summary']}")
print(f"figures written to {out}")
PY
