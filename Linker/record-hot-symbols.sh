#!/usr/bin/env bash
# Adds to Linker/hot-symbols.order the functions of taro-tui that one run of
# a command executes, as callgrind saw them. The linker places those first
# in .text (see Package.swift): the code a run touches then shares pages,
# and the kernel maps 64 KiB around every page a process first touches, so
# scattered code costs resident memory far beyond its size (W7: 7.7 MiB of
# the binary's text resident for 0.7 MiB executed).
#
#   Linker/record-hot-symbols.sh .build/release/taro-tui get -j 200 -i LIST … >/dev/null
#   Linker/record-hot-symbols.sh .build/release/taro-tui -i LIST     (in a terminal; quit with q)
#
# Run it for each workload that matters (the file keeps the union, first
# seen first), then relink: rm .build/release/taro-tui && make release.
# Symbols that no longer exist are ignored by the linker, so a stale list
# costs only the locality it no longer gives.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: $0 TARO-BINARY ARGS…" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 1; }
binary=$1
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# The command keeps its terminal (the TUI needs one); valgrind's own words go to a file.
valgrind --tool=callgrind --callgrind-out-file="$out" --log-file="$out.log" --demangle=no "$@" || true
rm -f "$out.log"
python3 - "$(basename "$binary")" "$out" Linker/hot-symbols.order <<'PY'
import re, sys
binary, profile, order = sys.argv[1:]
# callgrind names an object or function once as "(id) name", then by "(id)".
objects, functions = {}, {}
def name(table, spec):
    m = re.match(r"\((\d+)\)(?: (.*))?", spec)
    if not m:
        return spec
    if m.group(2) is not None:
        table[m.group(1)] = m.group(2)
    return table.get(m.group(1))
current, found = None, []
for line in open(profile, errors="replace"):
    key, _, value = line.rstrip("\n").partition("=")
    if key == "ob":
        current = name(objects, value)
    elif key == "cob":
        name(objects, value)
    elif key == "cfn":
        name(functions, value)
    elif key == "fn":
        fn = name(functions, value)
        if current and current.endswith("/" + binary) and fn and not fn.startswith("0x"):
            # "'2" marks a recursion level, not another symbol.
            found.append(re.sub(r"'\d+$", "", fn))
try:
    kept = [l.rstrip("\n") for l in open(order)]
except FileNotFoundError:
    kept = []
seen = set(kept)
added = [s for s in dict.fromkeys(found) if s not in seen]
with open(order, "a") as f:
    for s in added:
        f.write(s + "\n")
print(f"{len(added)} symbols added, {len(kept) + len(added)} in {order}")
PY
