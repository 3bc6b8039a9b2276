#!/usr/bin/env bash
# numaclone sched-domains on machines with several NUMA levels and
# overlapping groups (a 4x4 grid of nodes, a ring of 8, a 2-socket Xeon with
# interleaved CPU numbers) against tests/golden/sched/: the outputs were
# saved before the domain build was rewritten for speed, so any change in
# spans, groups, balance masks, capacities or flags shows here.
set -u
nc=${NUMACLONE:?}
g=tests/golden/sched
fail() { echo "FAIL: $*"; exit 1; }

check() { # golden file, then sched-domains arguments
	local want=$1 out
	shift
	out=$("$nc" sched-domains "$@") || fail "exit status for $want"
	[ "$out" = "$(cat "$g/$want")" ] || { diff <(echo "$out") "$g/$want" | head; fail "$want differs"; }
}

check grid-16x4.dmesg --topology 16x4 --distance "$(cat $g/grid-16x4.distance)" --format dmesg
check grid-16x4.debugfs --topology 16x4 --distance "$(cat $g/grid-16x4.distance)"
check ring-8x2.dmesg --topology 8x2 --distance "$(cat $g/ring-8x2.distance)" --format dmesg
check xeon6248.dmesg --topology tests/golden/topology/numactl/intel-2s-xeon6248-2.0.16.txt --format dmesg
exit 0
