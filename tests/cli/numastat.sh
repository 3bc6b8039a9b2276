#!/usr/bin/env bash
# numaclone numastat: numastat(8)'s two layouts for a fresh machine, its
# width folding, and usage errors. Counts are checked by the unit tests;
# here the shape: headers, labels, column widths.
set -u
fail() { echo "FAIL: $*"; exit 1; }

out=$("$NUMACLONE" numastat --topology 2x2) || fail "numastat exited $?"
[ "$(printf '%s\n' "$out" | sed -n 1p)" = "                           node0           node1" ] ||
	fail "compat header: $(printf '%s\n' "$out" | sed -n 1p)"
labels=$(printf '%s\n' "$out" | sed -n '2,$p' | cut -c1-16 | tr -d ' ' | paste -sd,)
[ "$labels" = "numa_hit,numa_miss,numa_foreign,interleave_hit,local_node,other_node" ] ||
	fail "compat labels: $labels"
[ "$(printf '%s\n' "$out" | awk '{print length($0)}' | sort -u)" = 48 ] || fail "compat widths"

out=$("$NUMACLONE" numastat --topology 2x2 -n) || fail "numastat -n exited $?"
[ "$(printf '%s\n' "$out" | sed -n 2p)" = "Per-node numastat info (in MBs):" ] || fail "-n title"
[ "$(printf '%s\n' "$out" | sed -n 3p)" = "                          Node 0          Node 1           Total" ] ||
	fail "-n header: $(printf '%s\n' "$out" | sed -n 3p)"
[ "$(printf '%s\n' "$out" | sed -n 4p)" = "                 --------------- --------------- ---------------" ] ||
	fail "-n dashes"
[ "$(printf '%s\n' "$out" | sed -n 5p | cut -c1-16)" = "Numa_Hit        " ] || fail "-n labels"

# 40 columns hold one node: one section per node, a blank line between
out=$(NUMASTAT_WIDTH=40 "$NUMACLONE" numastat --topology 3x1) || fail "folded numastat"
[ "$(printf '%s\n' "$out" | grep -c '^ *node[0-9]$')" = 3 ] || fail "not folded into 3 sections"
[ "$(printf '%s\n' "$out" | grep -c '^$')" = 2 ] || fail "sections not separated"

"$NUMACLONE" numastat --help | grep -q '^usage: numaclone numastat' || fail "--help"
"$NUMACLONE" numastat --bogus 2>/dev/null && fail "unknown option accepted"
[ $? -eq 1 ] || fail "unknown option: exit status not 1"
err=$("$NUMACLONE" numastat --topology nonsense 2>&1) && fail "bad topology accepted"
printf '%s\n' "$err" | grep -q nonsense || fail "bad topology message does not name the input: $err"
exit 0
