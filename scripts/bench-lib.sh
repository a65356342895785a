# Shared by scripts/bench.sh and scripts/bench-scale.sh (sourced): a work directory, nginx serving
# $work/corpus gzipped on 16 loopback addresses, DiploWatch configs, and timing.
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
# BENCH_WORK=dir keeps the work directory (corpus, database, nginx port) for a later run to resume.
if [ -n "${BENCH_WORK:-}" ]; then
  mkdir -p "$BENCH_WORK"
  work=$(cd "$BENCH_WORK" && pwd)
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/diplowatch-bench.XXXXXX")
fi
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  [ -n "${BENCH_WORK:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
# nginx's workers run as an unprivileged user when started by root: let them read the corpus.
chmod 755 "$work"

# The versions of everything measured, printed and kept for the report.
bench_versions() {
  {
    echo "diplowatch $("$1" --version 2>&1 | head -1)"
    echo "newsboat $(newsboat --version 2>&1 | head -1 | awk '{print $2}')"
    echo "feedparser $(/usr/bin/python3 -c 'import feedparser; print(feedparser.__version__)' 2>/dev/null) on python $(/usr/bin/python3 -c 'import platform; print(platform.python_version())')"
    echo "nginx $("$NGINX" -v 2>&1 | sed 's|.*/||')"
    echo "libcurl $(curl-config --version 2>/dev/null | awk '{print $2}')"
  } >"$work/versions"
  sed 's/^/bench: /' "$work/versions"
}

# nginx on 127.0.0.1-16, gzip on (as news sites serve feeds), ETag and Last-Modified on.
bench_nginx() {
  # A kept work directory keeps its port: the feeds' URLs, and so the database's feeds, stay the same.
  if [ -s "$work/port" ]; then
    port=$(cat "$work/port")
  else
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    echo "$port" >"$work/port"
  fi
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
  gzip on; gzip_types application/rss+xml application/atom+xml; gzip_min_length 256;
  keepalive_requests 10000;
  server { $(for h in $(seq 1 16); do printf 'listen 127.0.0.%d:%d; ' "$h" "$port"; done) root $work/corpus; etag on; }
}
CONF
  "$NGINX" -c "$work/nginx.conf" -p "$work/nginx" &
  local ready=""
  for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/feed-0.xml" && ready=1 && break; sleep 0.1; done
  [ -n "$ready" ] || { echo "bench: nginx on 127.0.0.1:$port does not serve the corpus" >&2; cat "$work/nginx/error.log" >&2; exit 1; }
  # The feeds stand for many sites: spread over 16 loopback addresses (16 hosts to DiploWatch's
  # per-host limit of 2, as real feeds would be), all served by this nginx.
  ls "$work/corpus" | sort -V | awk -v port="$port" '{ printf "http://127.0.0.%d:%d/%s\n", NR % 16 + 1, port, $0 }' >"$work/urls"
}

# bench_config FILE DATABASE [EXTRA_TOML]: every corpus feed, one topic (or EXTRA_TOML's).
bench_config() {
  local topics=${3:-}
  [ -n "$topics" ] || topics=$'\n[[topics]]\nname = "consultations"\ntypes = ["CONSULT"]'
  # The corpus spreads its dates over weeks, older than the default max_age: every entry may alert
  # (BENCH_OLD_CONFIG=1 leaves the key out, for a build older than it).
  local age=$'max_age = "36500d"\n'
  [ -z "${BENCH_OLD_CONFIG:-}" ] || age=""
  {
    printf '[daemon]\ndatabase = "%s"\nconcurrency = 16\n%s\n[alerts]\nlog = "%s.alerts.jsonl"\n%s' "$2" "${4:-}" "$2" "$age"
    while read -r u; do printf '\n[[feeds]]\nurl = "%s"\n' "$u"; done <"$work/urls"
    printf '%s\n' "$topics"
  } >"$1"
}

# measure LABEL COMMAND… → "wall_seconds cpu_seconds peak_rss_kb" (CPU: user + system).
measure() {
  local label=$1; shift
  /usr/bin/time -v "$@" >"$work/$label.out" 2>"$work/$label.time" || { cat "$work/$label.out" "$work/$label.time" >&2; exit 1; }
  python3 - "$work/$label.time" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", t)
secs = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
cpu = float(re.search(r"User time \(seconds\): ([\d.]+)", t).group(1)) + float(re.search(r"System time \(seconds\): ([\d.]+)", t).group(1))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
print(f"{secs:.2f} {cpu:.2f} {rss}")
PY
}
