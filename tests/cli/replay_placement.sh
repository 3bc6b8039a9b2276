#!/usr/bin/env bash
# replay prints where each created task's task_struct and stack landed.
# Worked by hand for 2s4n (node 1 = CPUs 4-7, 20-23): a fork on CPU 4 takes
# its task_struct from CPU 4's SLUB slab, opened on CPU 4's node (1); its
# stack pages come from the page allocator under the default (local) policy,
# also node 1. The next fork, on CPU 8 (node 2), lands on node 2.
# First CPUs by hand from v6.12's select_task_rq_fair() (WF_FORK): the
# distance-32 level does not balance forks (RECLAIM_DISTANCE 30), the
# distance-12 one does and allows an imbalance of 1 task (imb_numa_nr 1:
# one 8-CPU LLC per node). init forked the first task on CPU 0 and stays
# runnable there (the replay never puts it to sleep). Fork 1, on CPU 4:
# nodes 0 and 1 each have 7 idle CPUs, so node 1; its cores {4,20} (busy
# 4) and {5,21}... (idle): the first idle core, CPU 5. Fork 2, on CPU 8:
# node 2 has 7 idle CPUs, node 3 has 8: with 2 running the imbalance
# stands, so node 3, its first idle CPU 12.
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
grep -qE '^[a-z]+ +101 +5 +1 1,1,1,1$' "$tmp/out" || { echo "pid 101 placement"; cat "$tmp/out"; exit 1; }
grep -qE '^[a-z]+ +102 +12 +2 2,2,2,2$' "$tmp/out" || { echo "pid 102 placement"; cat "$tmp/out"; exit 1; }
