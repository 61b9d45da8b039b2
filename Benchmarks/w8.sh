#!/usr/bin/env bash
# W8, the TUI at scale: the real release binary in a real terminal (a
# private tmux server, 120x40) imports 100,000 URLs with -i from the nginx
# that Benchmarks/run.sh started, 16 at a time, into a fresh download
# directory with a fresh --state-dir. Reports
#
#   peak RSS     VmHWM from /proc/PID/status just before quitting
#   idle CPU     utime+stime over 30 s once every row is done, % of one core
#   tick time    median and p95 of one tick (feed + apply + render + draw)
#                while 16 are active and the rest wait, from the binary's
#                own TARO_TUI_TICK_LOG (only ticks that did work), and the
#                part of it spent in the controller (changes(since:) and
#                the limit, lock waits included), and the UI thread's CPU
#                time in it
#
# and appends three rows to results.tsv for Benchmarks/report.py:
#   W8       taro-tui  wall-until-done-s  cpu-until-done-s  peak-rss-KiB
#   W8-idle  taro-tui  window-s           cpu-in-window-s   0
#   W8-tick  taro-tui  p95-ms             median-ms         ticks-counted
#
# run.sh calls this with TARO, WORK, BASE and RESULTS set (ONLY=W8). Bounded
# in time: W8_TIMEOUT seconds (default 2700) for the list to finish,
# W8_QUIT_TIMEOUT (default 300) for the program to exit after q; everything
# it started is stopped on exit.
#   W8_COUNT=10000   a shorter list (default 100000)
set -euo pipefail

: "${TARO:?run through Benchmarks/run.sh (TARO unset)}"
: "${WORK:?run through Benchmarks/run.sh (WORK unset)}"
: "${BASE:?run through Benchmarks/run.sh (BASE unset)}"
: "${RESULTS:?run through Benchmarks/run.sh (RESULTS unset)}"
COUNT=${W8_COUNT:-100000}
TIMEOUT=${W8_TIMEOUT:-2700}
QUIT_TIMEOUT=${W8_QUIT_TIMEOUT:-300}
IDLE_WINDOW=30
JOBS=16
COLS=120
ROWS=40

command -v tmux >/dev/null || { echo "W8 needs tmux (apt-get install tmux)" >&2; exit 1; }
[ -x "$TARO" ] || { echo "W8: no executable at $TARO (make release)" >&2; exit 1; }

DIR=$WORK/w8
# The last run's 100,000 files are moved aside, not deleted here: ext4
# would skip each freed inode for a minute or more while this run
# allocates its own (run.sh deletes the aside directories at the end).
if [ -d "$DIR" ]; then
  mkdir -p "$WORK/aside"
  mv "$DIR" "$WORK/aside/w8.$$"
fi
mkdir -p "$DIR/dl" "$DIR/state"
LIST=$DIR/list.txt
TICKS=$DIR/ticks.tsv
SOCKET=taro-w8-$$
PID=""

tm() { tmux -L "$SOCKET" "$@"; }

cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill -TERM "$PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$PID" 2>/dev/null || true
  fi
  tm kill-server 2>/dev/null || true
}
trap cleanup EXIT

python3 -c "
with open('$LIST', 'w') as f:
    for i in range($COUNT): f.write('$BASE/tiny/w8-%d\n' % i)"

# The totals line (second to last row): '[importing… N URLs · ]A active · Q queued · …'
footer() { tm capture-pane -p -t w8 | sed -n "$((ROWS - 1))p"; }
count_of() { grep -o "[0-9]* $1" <<<"$2" | head -1 | cut -d' ' -f1 || true; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }
HZ=$(getconf CLK_TCK)

echo "  W8: launching the TUI (${COLS}x${ROWS}), -j $JOBS, -i with $COUNT URLs"
# remain-on-exit: an early exit leaves the pane (and its last screen) to report.
tm -f /dev/null set-option -g remain-on-exit on \; new-session -d -s w8 -x "$COLS" -y "$ROWS" \
  "exec env TERM=tmux-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 TARO_TUI_TICK_LOG=$TICKS \
   TARO_TUI_LOG=$DIR/stderr.log $TARO -d $DIR/dl -j $JOBS --state-dir $DIR/state -i $LIST"
PID=$(tm display-message -p -t w8 '#{pane_pid}')
START=$(date +%s.%N)

# --- until every row is done (from the footer) ------------------------------
deadline=$(( $(date +%s) + TIMEOUT ))
last_report=0
while :; do
  if [ "$(tm display-message -p -t w8 '#{pane_dead}')" = 1 ]; then
    echo "  W8 FAILED: taro-tui exited early; screen:" >&2
    tm capture-pane -p -t w8 >&2
    exit 1
  fi
  line=$(footer)
  if [[ "$line" != *importing* ]]; then
    active=$(count_of active "$line"); queued=$(count_of queued "$line")
    done=$(count_of done "$line"); failed=$(count_of failed "$line")
    paused=$(count_of paused "$line"); aborted=$(count_of aborted "$line")
    if [ "${active:-1}" = 0 ] && [ "${queued:-1}" = 0 ] && [ "${paused:-0}" = 0 ] \
       && [ $(( ${done:-0} + ${failed:-0} + ${aborted:-0} )) -ge "$COUNT" ]; then
      break
    fi
  fi
  now=$(date +%s)
  if [ "$now" -ge "$deadline" ]; then
    echo "  W8 FAILED: not done after ${TIMEOUT}s; footer: $line" >&2
    exit 1
  fi
  if [ $((now - last_report)) -ge 30 ]; then
    echo "  W8 $(date +%T): $line"
    last_report=$now
  fi
  sleep 1
done
END=$(date +%s.%N)
CPU_DONE=$(cpu_ticks)
echo "  W8 all done: $line"
files=$(find "$DIR/dl" -type f ! -name '*.part' | wc -l)
echo "  W8 files in the download directory: $files"

# --- idle: nothing left to do, nothing changes ------------------------------
sleep 2
c0=$(cpu_ticks)
sleep "$IDLE_WINDOW"
c1=$(cpu_ticks)
RSS=$(awk '/^VmHWM:/ { print $2 }' "/proc/$PID/status")
echo "  W8 peak RSS (VmHWM) before quitting: $((RSS / 1024)) MiB;" \
     "CPU over ${IDLE_WINDOW} s idle: $(python3 -c "print('%.2f' % (($c1 - $c0) / $HZ / $IDLE_WINDOW * 100))") % of one core"

# --- quit; the tick log is written as the screen closes ----------------------
# The program writes it before shutting the transfer manager down, which can
# take long with a long list; that wait is reported, bounded, not measured.
QUIT_START=$(date +%s.%N)
tm send-keys -t w8 q
for _ in $(seq 600); do [ -s "$TICKS" ] && break; sleep 0.1; done
[ -s "$TICKS" ] || { echo "  W8 FAILED: no tick log at $TICKS 60 s after q" >&2; exit 1; }
for _ in $(seq $((QUIT_TIMEOUT * 10))); do
  [ "$(tm display-message -p -t w8 '#{pane_dead}')" = 1 ] && break
  sleep 0.1
done
if [ "$(tm display-message -p -t w8 '#{pane_dead}')" = 1 ]; then
  echo "  W8 exited $(python3 -c "print('%.1f' % ($(date +%s.%N) - $QUIT_START))") s after q"
  PID=""
else
  echo "  W8 WARNING: still running ${QUIT_TIMEOUT} s after q (shutting the manager down); stopping it" >&2
fi

python3 - "$TICKS" "$START" "$END" "$CPU_DONE" "$c0" "$c1" "$HZ" "$IDLE_WINDOW" "$RSS" "$RESULTS" "$JOBS" <<'PY'
import statistics, sys
ticks, start, end, cpu_done, c0, c1, hz, window, rss, results, jobs = sys.argv[1:]
hz, window, jobs = int(hz), float(window), int(jobs)
rows = []
with open(ticks) as f:
    for line in f:
        micros, active, queued, done, listed, importing, feed, cpu = map(int, line.split())
        rows.append((micros, active, queued, importing, feed, cpu))
# The phase W8 is about: the whole list listed, 16 moving, the rest waiting.
# When the import is slower than the downloads, that phase never comes:
# then the ticks while 16 moved and more waited (import still running), and
# failing that every tick with a transfer moving. The note says which.
tiers = [
    ("16 active, the rest queued, import over", lambda r: r[3] == 0 and r[2] > 0 and r[1] >= jobs),
    ("16 active and more queued, import still running", lambda r: r[2] > 0 and r[1] >= jobs),
    ("any transfer active", lambda r: r[1] > 0),
    ("every tick logged", lambda r: True),
]
for note, keep in tiers:
    phase = [r for r in rows if keep(r)]
    if len(phase) >= 20 or (phase and keep is tiers[-1][1]):
        break
def centiles(values):
    values = sorted(values)
    return statistics.median(values) / 1000, values[min(len(values) - 1, int(len(values) * 0.95))] / 1000
median, p95 = centiles([r[0] for r in phase])
feed_median, feed_p95 = centiles([r[4] for r in phase])
tui_median, tui_p95 = centiles([r[0] - r[4] for r in phase])
cpu_median, cpu_p95 = centiles([r[5] for r in phase])
wall = float(end) - float(start)
cpu = int(cpu_done) / hz
idle_cpu = (int(c1) - int(c0)) / hz
idle_pct = idle_cpu / window * 100
rss = int(rss)
print("  W8 peak RSS (VmHWM)            %.1f MiB" % (rss / 1024))
print("  W8 idle CPU after done (%ds)   %.2f %% of one core" % (window, idle_pct))
print("  W8 tick (%s): median %.3f ms, p95 %.3f ms (%d ticks of %d logged)"
      % (note, median, p95, len(phase), len(rows)))
print("  W8   of which in the controller: median %.3f ms, p95 %.3f ms; the rest (apply + render + draw):"
      " median %.3f ms, p95 %.3f ms" % (feed_median, feed_p95, tui_median, tui_p95))
print("  W8   UI thread CPU in the tick (the rest is waiting for a core or a lock):"
      " median %.3f ms, p95 %.3f ms" % (cpu_median, cpu_p95))
print("  W8 until done: %.1f s wall, %.1f s CPU" % (wall, cpu))
with open(results, "a") as f:
    f.write("W8\ttaro-tui\t%.2f\t%.2f\t%d\n" % (wall, cpu, rss))
    f.write("W8-idle\ttaro-tui\t%.1f\t%.3f\t0\n" % (window, idle_cpu))
    f.write("W8-tick\ttaro-tui\t%.3f\t%.3f\t%d\n" % (p95, median, len(phase)))
PY
