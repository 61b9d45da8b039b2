"""Turns bench-out/results.tsv into the Performance table: medians per
workload and tool, and the ratio taro-tui/peer (below 1.0: taro-tui faster)."""
import math
import statistics
import sys
from collections import defaultdict

WORKLOADS = {
    "W1": "1 GiB file to disk",
    "W2": "1000 × 16 KiB, 16 at a time",
    "W3": "256 MiB, 20 MB/s per connection, 8 connections",
    "W4": "1 GiB raw PUT upload (to nginx)",
    "W5": "1 GiB multipart upload (hashing sink)",
    "W7": "1000 × 16 KiB, HTTPS + HTTP/2, -j 200",
    "W6": "get -i with 100,000 URLs, 16 active (peak RSS)",
    "W8": "TUI -i with 100,000 URLs, 16 active (wall until all done)",
}
IDEAL_W3 = 268435456 / (8 * 20_000_000)

rows = defaultdict(list)
with open(sys.argv[1]) as f:
    for line in f:
        # wall, CPU (user + sys), peak RSS, and user CPU where it was kept
        # (W8's own rows carry other measures and no user time).
        w, tool, wall, cpu, rss, *user = line.rstrip("\n").split("\t")
        rows[(w, tool)].append((float(wall), float(cpu), int(rss), float(user[0]) if user else float("nan")))

def med(values, i):
    return statistics.median(v[i] for v in values)

def ratio(taro, peer, i):
    return "%.2f" % (med(taro, i) / med(peer, i)) if taro and med(peer, i) > 0 else ""

print()
print("| workload | tool | median wall | median CPU (user) | peak RSS | taro-tui/peer: wall, CPU, user |")
print("|---|---|---:|---:|---:|---:|")
for w, title in WORKLOADS.items():
    tools = [t for (ww, t) in rows if ww == w]
    if not tools:
        continue
    taro = rows.get((w, "taro-tui"))
    for tool in ["taro-tui"] + sorted(t for t in tools if t != "taro-tui"):
        values = rows[(w, tool)]
        ratios = ""
        if tool != "taro-tui" and taro:
            ratios = ", ".join(r for r in (ratio(taro, values, i) for i in (0, 1, 3)) if r)
        user = med(values, 3)
        print("| %s %s | %s | %.2f s | %.2f s%s | %.1f MiB | %s |" % (
            w, title if tool == "taro-tui" else "", tool, med(values, 0), med(values, 1),
            "" if math.isnan(user) else " (%.2f s)" % user, max(v[2] for v in values) / 1024, ratios))
    if w in ("W2", "W7") and taro and rows.get((w, "curl")):
        # Pairs as they ran, next to each other in one round: the machine's
        # load changes between rounds more than between the two runs of one.
        for i, what in ((0, "wall"), (1, "CPU"), (3, "user CPU")):
            pairs = [t[i] / c[i] for t, c in zip(taro, rows[(w, "curl")]) if c[i] > 0]
            if pairs:
                print("| %s pairs | %s taro-tui/curl per round: %s | median %.2f | | | |" % (
                    w, what, " ".join("%.2f" % p for p in pairs), statistics.median(pairs)))
    if w == "W3" and taro:
        print("| W3 ideal | 256 MiB / (8 × 20 MB/s) | %.2f s | | | %.2f |" % (IDEAL_W3, med(taro, 0) / IDEAL_W3))
print()

# W8's own measures (rows written by Benchmarks/w8.sh).
w8, idle, tick = rows.get(("W8", "taro-tui")), rows.get(("W8-idle", "taro-tui")), rows.get(("W8-tick", "taro-tui"))
if w8 and idle and tick:
    print("| W8 TUI at scale | peak RSS | CPU idle after done | tick median | tick p95 (phase: see w8.sh output) |")
    print("|---|---:|---:|---:|---:|")
    print("| taro-tui | %.1f MiB | %.2f %% of a core over %d s | %.3f ms | %.3f ms (%d ticks) |" % (
        max(v[2] for v in w8) / 1024, idle[-1][1] / idle[-1][0] * 100, idle[-1][0],
        tick[-1][1], tick[-1][0], tick[-1][2]))
    print()
