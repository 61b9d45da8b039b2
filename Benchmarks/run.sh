#!/usr/bin/env bash
# make bench: taro-tui side by side with curl, aria2c and axel on this
# machine, in one run. Each workload runs alternately with every tool for
# ROUNDS rounds; every output is checked (size and sha256) so a fast wrong
# answer cannot count. Prints median wall time, CPU time (user+sys), peak
# RSS and the ratio taro-tui/peer per workload.
#
#   ROUNDS=9 make bench          more rounds (default 5)
#   ONLY="W1 W3" make bench      a subset; ONLY=W8 runs the TUI at scale (needs tmux)
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-5}
ONLY=${ONLY:-"W1 W2 W3 W4 W5 W6 W7 W8"}
# TARO=PATH measures another binary (one under heaptrack, say).
TARO=${TARO:-$PWD/.build/release/taro-tui}
WORK=$PWD/bench-out
PORT=${BENCH_PORT:-18391}
SINK_PORT=$((PORT + 1))
TLS_PORT=$((PORT + 2))
BASE=http://127.0.0.1:$PORT
RESULTS=$WORK/results.tsv

[ -x "$TARO" ] || { echo "build first: make release" >&2; exit 1; }
for tool in curl aria2c axel nginx openssl /usr/bin/time python3 sha256sum; do
  command -v "$tool" >/dev/null || { echo "missing $tool (make bench installs it)" >&2; exit 1; }
done

mkdir -p "$WORK/www/small" "$WORK/out" "$WORK/nginx" "$WORK/put"
: > "$RESULTS"

# --- data ------------------------------------------------------------------
if [ ! -f "$WORK/www/big.bin" ] || [ "$(stat -c %s "$WORK/www/big.bin")" != 1073741824 ]; then
  echo "generating 1 GiB of test data…"
  head -c 1073741824 /dev/urandom > "$WORK/www/big.bin"
fi
if [ ! -f "$WORK/www/mid.bin" ]; then head -c 268435456 "$WORK/www/big.bin" > "$WORK/www/mid.bin"; fi
if [ ! -f "$WORK/www/small/f999.bin" ]; then
  for i in $(seq 0 999); do head -c 16384 /dev/urandom > "$WORK/www/small/f$i.bin"; done
fi
BIG_SHA=$(sha256sum < "$WORK/www/big.bin" | cut -d' ' -f1)
MID_SHA=$(sha256sum < "$WORK/www/mid.bin" | cut -d' ' -f1)
SMALL_SUMS=$WORK/small.sha256
(cd "$WORK/www/small" && sha256sum f*.bin | sort -k2) > "$SMALL_SUMS"

# --- servers ---------------------------------------------------------------
# W7's certificate, made now: nothing on this machine trusts it until --cacert says so.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -keyout "$WORK/nginx/key.pem" -out "$WORK/nginx/cert.pem" \
  -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2>/dev/null
# The worker must be able to write the PUT sink: run it as whoever runs the bench.
NGINX_USER=$(id -un)
cat > "$WORK/nginx/nginx.conf" <<CONF
user $NGINX_USER;
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  # W7 counts the connections a tool opened: one distinct \$connection each.
  log_format w7 '\$connection \$request_uri';
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server {
    listen 127.0.0.1:$PORT;
    root $WORK/www;
    # W3: a mirror that gives each connection 20 MB/s.
    location /limited/ { alias $WORK/www/; limit_rate 20000000; }
    # W4: a PUT sink that stores the body at disk speed (checked afterwards).
    location /put/ {
      alias $WORK/put/;
      dav_methods PUT;
      client_max_body_size 0;
      client_body_buffer_size 1m;
    }
    # W6: many tiny distinct files.
    location /tiny/ { default_type application/octet-stream; return 200 "taro-tui bench payload"; }
  }
  # W7: HTTPS with HTTP/2 (nginx allows 128 streams and 1000 requests per connection).
  server {
    listen 127.0.0.1:$TLS_PORT ssl http2;
    ssl_certificate $WORK/nginx/cert.pem;
    ssl_certificate_key $WORK/nginx/key.pem;
    access_log $WORK/nginx/w7.log w7;
    root $WORK/www;
  }
}
CONF
# The trap is set before anything starts, and covers interrupts too, so no
# server outlives a run that stops early.
NGINX_PID="" SINK_PID=""
cleanup() { kill $NGINX_PID $SINK_PID 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
NGINX_PID=$!
"$TARO" serve --port "$SINK_PORT" > "$WORK/sink.url" &
SINK_PID=$!
for _ in $(seq 50); do curl -sf -o /dev/null "$BASE/small/f0.bin" && break; sleep 0.1; done
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$SINK_PORT/json" && break; sleep 0.1; done
kill -0 "$NGINX_PID" 2>/dev/null || { echo "nginx did not start (is port $PORT taken? set BENCH_PORT)" >&2; exit 1; }

# --- measuring -------------------------------------------------------------
# Each timed command starts in an empty output directory: it moves the
# last run's directory aside and makes a new one, the same two calls for
# every tool. Nothing is deleted while the small-file workloads run. A
# deletion inside the timed command charged each tool for the tool before
# it (a thousand synced files cost ext4 more to free than a thousand not
# yet written back), and ext4 then skips every inode freed in the last 60
# seconds (300 more while its table block is dirty) when it allocates one,
# so every create of the following runs grew slower with the deletions
# before them: W2's sys time rose from 0.16 to 0.75 s over six rounds of
# the same command. Directories of a few large files are deleted after
# their run, outside the timing; the rest at the end of the bench.
ASIDE=$WORK/aside
ASIDE_N=0
# An interrupted bench's leftovers go with this one's, at the end.
if [ -d "$ASIDE" ]; then mv "$ASIDE" "$WORK/aside.old.$$"; fi
mkdir -p "$ASIDE"

# run WORKLOAD TOOL CHECK -- command…   (CHECK verifies the output)
run() {
  local workload=$1 tool=$2 check=$3; shift 4
  ASIDE_N=$((ASIDE_N + 1))
  local aside=$ASIDE/$ASIDE_N
  # Same start for every tool: inputs in the page cache, nothing dirty.
  cat "$WORK/www/big.bin" "$WORK/www/mid.bin" > /dev/null
  sync
  if ! /usr/bin/time -o "$WORK/last.time" -f "%e %U %S %M" \
      sh -c 'out=$0 aside=$1; shift; mv "$out" "$aside" 2>/dev/null; mkdir -p "$out"; exec "$@"' "$WORK/out" "$aside" "$@" \
      >"$WORK/last.out" 2>"$WORK/last.err"; then
    echo "  $workload $tool FAILED: $(tail -3 "$WORK/last.err")" >&2; return 1
  fi
  if ! "$check"; then echo "  $workload $tool produced a wrong result" >&2; return 1; fi
  # A gigabyte file costs the disk space, not inodes: it goes now.
  if [ -d "$aside" ] && [ "$(find "$aside" -maxdepth 1 -type f | head -11 | wc -l)" -le 10 ]; then rm -rf "$aside"; fi
  read -r wall user sys rss < <(tail -1 "$WORK/last.time")
  local cpu; cpu=$(python3 -c "print(round($user+$sys,2))")
  # User time kept apart as well: a target may bound it alone (W2's).
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$workload" "$tool" "$wall" "$cpu" "$rss" "$user" >> "$RESULTS"
  printf '  %-3s %-8s %7.2fs wall %6.2fs cpu (%5.2fs user) %8d KiB\n' "$workload" "$tool" "$wall" "$cpu" "$user" "$rss"
}

check_big() { [ "$(sha256sum < "$WORK/out/big.bin" | cut -d' ' -f1)" = "$BIG_SHA" ]; }
check_mid() { [ "$(sha256sum < "$WORK/out/mid.bin" | cut -d' ' -f1)" = "$MID_SHA" ]; }
check_small() { [ "$(cd "$WORK/out" && sha256sum f*.bin | sort -k2)" = "$(cat "$SMALL_SUMS")" ]; }
check_put() {
  local ok=1
  [ "$(sha256sum < "$WORK/put/big.bin" | cut -d' ' -f1)" = "$BIG_SHA" ] || ok=0
  rm -f "$WORK/put/big.bin"
  [ $ok = 1 ]
}
check_upload() {
  # The sink answers with the byte count and sha256 of what it received.
  grep -q "\"sha256\":\"$BIG_SHA\"" "$WORK/last.out" || grep -q "\"sha256\" *: *\"$BIG_SHA\"" "$WORK/last.out"
}
# W7: the files, and how many connections the run opened (logged per tool).
check_w7() {
  check_small || return 1
  local n; n=$(cut -d' ' -f1 "$WORK/nginx/w7.log" | sort -u | wc -l)
  printf '%s\t%s\n' "$CURRENT_TOOL" "$n" >> "$WORK/w7.connections"
  : > "$WORK/nginx/w7.log"
}
check_w6() { [ "$(find "$WORK/out" -type f | wc -l)" = 100000 ]; }

wants() { [[ " $ONLY " == *" $1 "* ]]; }

# --- workloads -------------------------------------------------------------
SMALL_LIST=$WORK/small.list
CURL_K=$WORK/small.curlrc
: > "$SMALL_LIST"; : > "$CURL_K"
for i in $(seq 0 999); do
  echo "$BASE/small/f$i.bin" >> "$SMALL_LIST"
  printf 'url = "%s/small/f%d.bin"\noutput = "%s/out/f%d.bin"\n' "$BASE" "$i" "$WORK" "$i" >> "$CURL_K"
done
SINK=$(cat "$WORK/sink.url")/upload
TLS_LIST=$WORK/tls.list
TLS_K=$WORK/tls.curlrc
: > "$TLS_LIST"; : > "$TLS_K"; : > "$WORK/w7.connections"
for i in $(seq 0 999); do
  echo "https://127.0.0.1:$TLS_PORT/small/f$i.bin" >> "$TLS_LIST"
  printf 'url = "https://127.0.0.1:%s/small/f%d.bin"\noutput = "%s/out/f%d.bin"\n' "$TLS_PORT" "$i" "$WORK" "$i" >> "$TLS_K"
done

# Each workload's tools, one line each: TOOL CHECK command…  Rounds rotate
# which tool goes first, so none always meets the page cache as another left it.
declare -A TOOLS
TOOLS[W1]="taro-tui check_big $TARO get --state-dir $WORK/state -o $WORK/out/big.bin $BASE/big.bin
curl check_big curl -sS -o $WORK/out/big.bin $BASE/big.bin
aria2c check_big aria2c -q --allow-overwrite=true --auto-file-renaming=false -d $WORK/out -o big.bin $BASE/big.bin"
TOOLS[W2]="taro-tui check_small $TARO get --state-dir $WORK/state -j 16 -d $WORK/out -i $SMALL_LIST
curl check_small curl -sS -Z --parallel-max 16 -K $CURL_K
aria2c check_small aria2c -q -j16 --allow-overwrite=true --auto-file-renaming=false -d $WORK/out -i $SMALL_LIST"
TOOLS[W3]="taro-tui check_mid $TARO get --state-dir $WORK/state -s 8 -o $WORK/out/mid.bin $BASE/limited/mid.bin
aria2c check_mid aria2c -q -x8 -s8 -k1M --allow-overwrite=true --auto-file-renaming=false -d $WORK/out -o mid.bin $BASE/limited/mid.bin
axel check_mid axel -q -n 8 -o $WORK/out/mid.bin $BASE/limited/mid.bin"
TOOLS[W4]="taro-tui check_put $TARO upload --put $WORK/www/big.bin $BASE/put/big.bin
curl check_put curl -sS -T $WORK/www/big.bin $BASE/put/big.bin"
TOOLS[W5]="taro-tui check_upload $TARO upload $WORK/www/big.bin $SINK
curl check_upload curl -sS -F file=@$WORK/www/big.bin $SINK"
TOOLS[W7]="taro-tui check_w7 $TARO get --state-dir $WORK/state -j 200 --cacert $WORK/nginx/cert.pem -d $WORK/out -i $TLS_LIST
curl check_w7 curl -sS -Z --parallel-max 200 --cacert $WORK/nginx/cert.pem -K $TLS_K"

for round in $(seq "$ROUNDS"); do
  echo "round $round of $ROUNDS"
  for w in W1 W2 W3 W4 W5 W7; do
    wants "$w" || continue
    mapfile -t lines <<<"${TOOLS[$w]}"
    n=${#lines[@]}
    # One untimed run first: the first transfer after another workload pays
    # for the disk state that one left (seen as 1.7 s against 0.5 s on W4).
    # shellcheck disable=SC2086
    set -- ${lines[0]}
    shift 2
    ASIDE_N=$((ASIDE_N + 1))
    mv "$WORK/out" "$ASIDE/$ASIDE_N" 2>/dev/null; mkdir -p "$WORK/out"
    "$@" >/dev/null 2>&1 || true
    rm -f "$WORK/put/big.bin"
    : > "$WORK/nginx/w7.log"
    for k in $(seq 0 $((n - 1))); do
      # shellcheck disable=SC2086
      set -- ${lines[$(( (k + round - 1) % n ))]}
      tool=$1 check=$2; shift 2
      CURRENT_TOOL=$tool
      run "$w" "$tool" "$check" -- "$@"
    done
  done
done

if wants W6; then
  W6_ROUNDS=${W6_ROUNDS:-2}
  echo "W6: 100,000 URLs listed, 16 active ($W6_ROUNDS alternating rounds)"
  python3 -c "
with open('$WORK/w6.list','w') as f, open('$WORK/w6.curlrc','w') as k:
    for i in range(100000):
        f.write('$BASE/tiny/t%d\\n' % i)
        k.write('url = \"$BASE/tiny/t%d\"\\noutput = \"$WORK/out/t%d\"\\n' % (i, i))"
  for round in $(seq "$W6_ROUNDS"); do
    if [ $((round % 2)) = 1 ]; then order="taro curl"; else order="curl taro"; fi
    for tool in $order; do
      if [ "$tool" = taro ]; then
        run W6 taro-tui check_w6 -- "$TARO" get --state-dir "$WORK/state" -j 16 -d "$WORK/out" -i "$WORK/w6.list"
      else
        run W6 curl check_w6 -- curl -sS -Z --parallel-max 16 -K "$WORK/w6.curlrc"
      fi
    done
  done
fi

if wants W8; then
  echo "W8: the TUI, 100,000 URLs imported with -i, 16 active (one run)"
  TARO="$TARO" WORK="$WORK" BASE="$BASE" RESULTS="$RESULTS" Benchmarks/w8.sh
fi

python3 Benchmarks/report.py "$RESULTS"
echo "deleting the runs' output directories…"
rm -rf "$ASIDE" "$WORK"/aside.old.* "$WORK/out"
if wants W7; then
  echo "W7 connections opened per run (distinct \$connection in nginx's log):"
  sort "$WORK/w7.connections" | awk '{c[$1] = c[$1] " " $2} END {for (t in c) printf "  %-8s%s\n", t, c[t]}'
fi
