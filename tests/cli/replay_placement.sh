#!/usr/bin/env bash
# replay prints where each created task's task_struct and stack landed.
# Worked by hand for 2s4n (node 1 = CPUs 4-7, 20-23): a fork on CPU 4 takes
# its task_struct from CPU 4's SLUB slab, opened on CPU 4's node (1); its
# stack pages come from the page allocator under the default (local) policy,
# also node 1. The next fork, on CPU 8 (node 2), lands on node 2. Children
# start on their parent's CPU until the scheduler places them.
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
grep -qE '^[a-z]+ +101 +4 +1 1,1,1,1$' "$tmp/out" || { echo "pid 101 placement"; cat "$tmp/out"; exit 1; }
grep -qE '^[a-z]+ +102 +8 +2 2,2,2,2$' "$tmp/out" || { echo "pid 102 placement"; cat "$tmp/out"; exit 1; }
