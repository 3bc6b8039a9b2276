#!/usr/bin/env bash
# replay prints where each created task's task_struct and stack landed.
# Worked by hand for 2s4n (node 1 = CPUs 4-7, 20-23): a fork on CPU 4 takes
# its task_struct from CPU 4's SLUB slab, opened on CPU 4's node (1); its
# stack pages come from the page allocator under the default (local) policy,
# also node 1. The next fork, on CPU 8 (node 2), lands on node 2.
# First CPUs by hand from v6.12's select_task_rq_fair() (WF_FORK). 2s4n is
# AMD Zen 3, so node_reclaim_distance is 32 and every NUMA level balances
# forks: the whole machine (imb_numa_nr 2) and each socket (imb_numa_nr 1,
# one 8-CPU LLC per node). init (the tracer's stand-in) forks the first
# task on CPU 0, running: socket 0 has 15 idle CPUs to 16, 2 running <= 2
# forgives that; node 0 has 7 to node 1's 8 and the imbalance stands: CPU 4
# (node 1's first idle CPU). Then init sleeps, waiting as strace does, and
# CPU 0 is the latest CPU to go idle. Fork 1, on CPU 4: socket 0 has 15
# idle to 16, 2 running <= 2: stay; node 1 has 7 idle to node 0's 8 and 2
# running > 1: node 0, whose latest idle CPU is 0; nothing below it is
# less loaded. Fork 2, the parent moved to CPU 8: 15 idle CPUs on each
# socket (child 101 runs on CPU 0), stay; node 2 has 7 idle to node 3's 8
# and 2 running: node 3, none of whose CPUs has gone idle since boot: the
# first, CPU 12.
set -euo pipefail
nc=${NUMACLONE:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/script" <<'S'
#! topology 2s4n
#! cpu 4
100 fork() = 101
#! cpu 8
100 fork() = 102
S
"$nc" replay "$tmp/script" > "$tmp/out"
grep -qE '^created task +pid +cpu +ts_node +stack_nodes$' "$tmp/out" || { cat "$tmp/out"; exit 1; }
grep -qE '^[a-z]+ +101 +0 +1 1,1,1,1$' "$tmp/out" || { echo "pid 101 placement"; cat "$tmp/out"; exit 1; }
grep -qE '^[a-z]+ +102 +12 +2 2,2,2,2$' "$tmp/out" || { echo "pid 102 placement"; cat "$tmp/out"; exit 1; }
