#!/usr/bin/env bash
# numaclone run: the default run, determinism, numactl's options moving
# pages as numactl would, the JSON document (checked with jq), --show, and
# every bad option or spec answered with a message naming it and exit 1.
set -u
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
nc=$NUMACLONE

# the default: prefork on 2s4n, the report's sections, within 80 columns
"$nc" run >"$t/a" 2>"$t/err" || bad "run exited $?: $(cat "$t/err")"
head -1 "$t/a" | grep -q '^numaclone run: prefork:workers=16,mem=1M on 2s4n (4 nodes, 32 CPUs), seed 0$' ||
	bad "header: $(head -1 "$t/a")"
for s in "Held at the end, per node:" "Created tasks: 16." "SLUB, fork caches, during the workload:" "numastat:"; do
	grep -q "^$s" "$t/a" || bad "no '$s' section"
done
[ "$(awk 'length($0) > 80' "$t/a" | wc -l)" = 0 ] || bad "report wider than 80 columns"
"$nc" run >"$t/b" && cmp -s "$t/a" "$t/b" || bad "two default runs differ"
"$nc" run --json >"$t/j1" && "$nc" run --json >"$t/j2" && cmp -s "$t/j1" "$t/j2" ||
	bad "two JSON runs differ"

# user pages held per node (the report's third column), node 0..3
pages() { "$nc" run --workload prefork:workers=4,mem=64K "$@" |
	awk '/^Held/{h=1;next} h&&/^[0-9]/{printf "%s ", $4} /^$/{if(h)exit}'; }
# 4 workers x 16 pages; the first task holds none (it never writes)
[ "$(pages --membind=2)" = "0 0 64 0 " ] || bad "--membind=2: $(pages --membind=2)"
[ "$(pages --preferred=3)" = "0 0 0 64 " ] || bad "--preferred=3: $(pages --preferred=3)"
[ "$(pages --interleave=0,2)" = "32 0 32 0 " ] || bad "--interleave=0,2: $(pages --interleave=0,2)"
[ "$(pages -i '!0')" != "" ] && [ "$(pages -i '!0' | cut -d' ' -f1)" = 0 ] || bad "-i !0"
[ "$(pages --membind=+1)" = "0 64 0 0 " ] || bad "--membind=+1: $(pages --membind=+1)"
# the workers run where the first task was bound, and fault locally
[ "$(pages --cpunodebind=1)" = "0 64 0 0 " ] || bad "--cpunodebind=1: $(pages --cpunodebind=1)"
[ "$(pages --physcpubind=9)" = "0 0 64 0 " ] || bad "--physcpubind=9: $(pages --physcpubind=9)"
"$nc" run --workload prefork:workers=2 --physcpubind=9 --show tasks | awk 'NR>1 && $5 != 9 {exit 1}' ||
	bad "--physcpubind=9: a worker not on CPU 9"

# Worked by hand: prefork workers=2, mem=1M under --interleave=all puts a
# worker's 256 pages 64 on each node (interleave by page offset in the
# VMA), so 384 of 512 are remote wherever the workers run, at a mean SLIT
# distance of (10+12+32+32)/4 = 21.50 from any node of 2s4n.
"$nc" run --workload prefork:workers=2,mem=1M --interleave=all >"$t/il" || bad "interleave run"
grep -q '^user pages *512 *384 *75.0% *21.50$' "$t/il" || bad "interleave figures: $(grep '^user pages' "$t/il")"

# Worked by hand, v6.12's fork balancing on 2x1 (two nodes of one CPU,
# SLIT 10/20, one NUMA domain of two one-CPU groups). find_idlest_group()
# caps imb_numa_nr at the local group's allowed CPUs, 1, so a fork with
# its parent running (dst_running 2) may not leave an imbalance: init on
# CPU 0 forks the server, whose group is busy and the other idle, so the
# server starts on CPU 1.
# Worker 1, forked there, goes to the idle CPU 0; worker 2 finds both
# CPUs busy (imbalance 0) and stays on CPU 1. Both workers' task_structs
# and stacks come from the server's node 1 (CPU 1's slab and stack pages,
# NUMA_NO_NODE): worker 1's are remote at distance 20, worker 2's local.
# So 1 of 2 task_structs and 4 of 8 stack pages are remote, mean distance
# (20+10)/2 = 15. With --fork-node=child dup_task_struct() allocates on
# the node of the CPU the child will run on: none remote.
"$nc" run --topology 2x1 --workload prefork:workers=2,mem=8K >"$t/h" || bad "2x1 run"
grep -q '^task_structs            2          1    50.0%          15.00$' "$t/h" ||
	bad "2x1 task_structs: $(grep '^task_structs ' "$t/h")"
grep -q '^stack pages             8          4    50.0%          15.00$' "$t/h" ||
	bad "2x1 stack pages: $(grep '^stack pages ' "$t/h")"
"$nc" run --topology 2x1 --workload prefork:workers=2,mem=8K --show tasks |
	awk 'NR>1 {printf "%s:%s ", $5, $7}' | grep -qx '0:1 1:1 ' || bad "2x1 first CPUs and task_struct nodes"
"$nc" run --topology 2x1 --workload prefork:workers=2,mem=8K --fork-node=child |
	grep -q '^task_structs            2          0     0.0%          10.00$' || bad "2x1 --fork-node=child"
# Worked by hand on 2s4n (CPU 4 on node 1, CPU 8 on node 2, SLIT 32
# between them): prefork workers=4 with --physcpubind=4,8. The server
# runs on CPU 4 (its first CPU is allowed, or sched_setaffinity() moves
# it to the first allowed CPU after the distribution cursor, 4); its
# children inherit {4,8}. At the top NUMA level find_idlest_group() sees,
# through the allowed CPUs only, the local group {4} and the other {8};
# imb_numa_nr is capped at the local group's one allowed CPU. Worker 1:
# CPU 4 busy (the server), CPU 8 idle: dst_running 2 > 1, so the
# imbalance of 1 counts and the idler group wins: CPU 8. Workers 2-4:
# both CPUs busy (worker 1 stays runnable), imbalance 0: stay on CPU 4.
# Every task_struct and stack comes from the server's CPU 4, node 1: only
# worker 1's are remote. 1 of 4 task_structs (25.0%), mean distance
# (32+10+10+10)/4 = 15.50; 4 of 16 stack pages.
"$nc" run --workload prefork:workers=4,mem=8K --physcpubind=4,8 >"$t/p" || bad "2s4n pinned run"
grep -q '^task_structs            4          1    25.0%          15.50$' "$t/p" ||
	bad "2s4n pinned task_structs: $(grep '^task_structs ' "$t/p")"
grep -q '^stack pages            16          4    25.0%          15.50$' "$t/p" ||
	bad "2s4n pinned stack pages: $(grep '^stack pages ' "$t/p")"
"$nc" run --workload prefork:workers=4,mem=8K --physcpubind=4,8 --show tasks |
	awk 'NR>1 {printf "%s:%s ", $5, $7}' | grep -qx '8:1 4:1 4:1 4:1 ' || bad "2s4n pinned first CPUs"

# the default workload: some task_structs remote, none with --fork-node=child
[ "$("$nc" run | awk '/^task_structs /{print $3}')" -gt 0 ] || bad "default run: no remote task_struct"
[ "$("$nc" run --fork-node=child | awk '/^task_structs /{print $3}')" = 0 ] ||
	bad "--fork-node=child: remote task_structs left"
grep -q '^what-if: fork-node=parent stack-cache=kernel$' "$t/a" || bad "what-if line"

# JSON: one document, the same figures
if command -v jq >/dev/null; then
	"$nc" run --workload prefork:workers=2,mem=1M --interleave=all --json >"$t/j" || bad "--json exited"
	jq -e '.created.user_pages.objects == 512 and .created.user_pages.remote == 384 and
	       .created.user_pages.mean_distance == 21.5 and (.nodes | length) == 4 and
	       (.tasks | length) == 2 and .topology == "2s4n" and
	       ([.nodes[].user_pages] | add) == 512 and
	       (.slub | map(.cache) | index("task_struct")) != null' "$t/j" >/dev/null ||
		bad "JSON figures: $(cat "$t/j")"
	for w in threads forkexec kthreads hackbench hackbench:mode=thread; do
		"$nc" run --workload "$w" --json | jq -e . >/dev/null || bad "--json $w is not JSON"
	done
else
	echo "jq not installed: JSON checks skipped"
fi

# --script: an strace-syntax script through the replay engine; its first
# process is init's child and inherits init's policy: two forks, both
# children's stacks on node 3 under --membind=3
cat >"$t/s.strace" <<'END'
#! topology 2s4n
100 clone(child_stack=NULL, flags=SIGCHLD) = 101
100 clone(child_stack=NULL, flags=SIGCHLD) = 102
101 exit_group(0) = ?
100 wait4(-1, NULL, 0, NULL) = 101
END
"$nc" run --script "$t/s.strace" | grep -q '^Created tasks: 2\.' || bad "--script: created tasks"
[ "$("$nc" run --script "$t/s.strace" --membind=3 --show tasks | awk 'NR>1 {print $8}' | paste -sd' ')" = \
  "3,3,3,3 3,3,3,3" ] || bad "--script --membind=3: $("$nc" run --script "$t/s.strace" --membind=3 --show tasks)"

# a script's process is credited with the pages its address space holds:
# two populated pages under --membind=3, remote unless it runs on node 3
printf '#! topology 2s4n\n100 clone(child_stack=NULL, flags=SIGCHLD) = 101\n%s\n' \
	'101 mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0) = 0x7f0000000000' \
	>"$t/p.strace"
"$nc" run --script "$t/p.strace" --membind=3 --show tasks |
	awk 'NR==2 && $9 == 2 && $10 == ($6 == 3 ? 0 : 2) {ok=1} END {exit !ok}' ||
	bad "--script pages: $("$nc" run --script "$t/p.strace" --membind=3 --show tasks)"

# --trace: the forks as ftrace lines (init forks the first task, which
# forks the workers)
"$nc" run --workload prefork:workers=3,mem=4K --trace "$t/trace" --trace-events sched:sched_process_fork >/dev/null ||
	bad "--trace exited"
[ "$(grep -c ' sched_process_fork: ' "$t/trace")" = 4 ] || bad "--trace: $(cat "$t/trace")"
grep -q 'sched_process_fork: comm=prefork pid=3 child_comm=prefork child_pid=6$' "$t/trace" ||
	bad "--trace: no fork of pid 6"

# --show in the kernel's formats
"$nc" run --show slabinfo | head -1 | grep -q '^slabinfo - version: 2.1$' || bad "--show slabinfo"
"$nc" run --show numastat | head -2 | tail -1 | grep -q '^numa_hit ' || bad "--show numastat"
"$nc" run --workload prefork:workers=1,mem=8K --show numa_maps | grep -q ' anon=2 dirty=2 .*N0=2' ||
	bad "--show numa_maps: $("$nc" run --workload prefork:workers=1,mem=8K --show numa_maps)"

# the host's numactl and the model agree on which node strings are bad
if [ "$(cat /sys/devices/system/node/online 2>/dev/null)" = 0 ] && command -v numactl >/dev/null; then
	for s in 0 1 all '!0' +0 0-1 x 1- 0,0 ''; do
		numactl --membind="$s" true >/dev/null 2>"$t/host"; h=$?
		"$nc" run --topology host --workload prefork:workers=1,mem=4K --membind="$s" >/dev/null 2>"$t/model"; m=$?
		[ $h -eq $m ] || bad "--membind='$s': numactl exit $h, model $m ($(cat "$t/model"))"
		w=$(sed -n 's/^libnuma: Warning: \(node argument [0-9]* is out of range\)$/\1/p' "$t/host")
		[ -z "$w" ] || grep -q "$w" "$t/model" || bad "--membind='$s': model says $(cat "$t/model"), libnuma $w"
	done
fi

. "$(dirname "$0")/lib/expect.sh"
expect "run: --membind: '5' at offset 0: node argument 5 is out of range" run --membind=5
expect "run: --interleave: '0;1' at offset 1: unexpected ';'" run --interleave='0;1'
expect "run: --preferred '0-1': specify exactly one node" run --preferred=0-1
expect "run: --physcpubind: '40' at offset 0: cpu argument 40 is out of range" run --physcpubind=40
expect "run: --cpunodebind: 'x' at offset 0: unparseable node description" run --cpunodebind=x
expect "run: conflicting policies --membind and --localalloc" run --membind=0 --localalloc
expect "run: --workload 'prefork:workers=0' at offset 16: workers must be a number from 1 to 1024" \
	run --workload prefork:workers=0
expect "run: --workload 'spin': no workload 'spin' (there are prefork, threads, forkexec, kthreads, hackbench)" \
	run --workload spin
expect "run: --show 'numastat,maps' at offset 9: not one of numastat, slabinfo, numa_maps, tasks, nor a /proc or /sys path" \
	run --show numastat,maps
expect "run: option '--workload' needs an argument" run --workload
expect "run: unknown option '--bogus' (see numaclone run --help)" run --bogus
expect "run: unexpected argument 'x'" run x
expect "--seed 'z': not a number" run --seed z
expect "run: $t/none: No such file or directory" run --script "$t/none"
"$nc" run --fork-node=sideways >/dev/null 2>"$t/err"; [ $? -eq 1 ] && grep -q "sideways" "$t/err" ||
	bad "--fork-node=sideways: $(cat "$t/err")"
"$nc" run --stack-cache=x >/dev/null 2>"$t/err"; [ $? -eq 1 ] && grep -q 'stack-cache=x' "$t/err" ||
	bad "--stack-cache=x: $(cat "$t/err")"
"$nc" run --help | grep -q -- '--interleave=NODES' || bad "run --help"
exit $fail
