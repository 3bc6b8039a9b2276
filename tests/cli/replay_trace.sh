#!/usr/bin/env bash
# numaclone replay --trace: the fork path's tracepoints in ftrace text (the
# header, one line per event in order, with the pids the replay printed)
# and as Perfetto JSON that python3's json module loads; bad options exit 1.
set -euo pipefail
nc=${NUMACLONE:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat > "$tmp/script" <<'S'
#! topology 2x2
500 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f0000000a10) = 501
501 exit_group(0) = ?
500 exit_group(0) = ?
S
"$nc" replay --trace "$tmp/trace" --trace-events task,sched "$tmp/script" > "$tmp/out" ||
	fail "replay --trace: exit $?"
head -n 1 "$tmp/trace" | grep -qx '# tracer: nop' || fail "header: $(head -n 1 "$tmp/trace")"
grep -qx '# entries-in-buffer/entries-written: 8/8   #P:4' "$tmp/trace" || fail "entries line"
# init (1) forks the replay's first task (3), which forks 4; both exit.
# First CPUs by hand (v6.12 WF_FORK placement; 2x2's NUMA level allows an
# imbalance of 1 task, imb_numa_nr 1): init runs on CPU 0, so node 1 (2
# idle CPUs against 1, 2 running > 1) takes 3, on CPU 2, the first of two
# CPUs idle since boot. init then sleeps, waiting as strace does: CPU 0 is
# the latest to go idle. 3 forks on CPU 2: node 0 has 2 idle CPUs against
# node 1's 1, 2 running > 1: node 0, its latest idle CPU, 0.
events=$(grep -v '^#' "$tmp/trace" | sed -E 's/^ *[^ ]+ +\[[0-9]+\] [^ ]+ +[0-9.]+: ([a-z_]+): (.*)$/\1 \2/')
[ "$events" = "task_newtask pid=3 comm=init clone_flags=0 oom_score_adj=0
sched_process_fork comm=init pid=1 child_comm=init child_pid=3
sched_wakeup_new comm=init pid=3 prio=120 target_cpu=002
task_newtask pid=4 comm=init clone_flags=1200000 oom_score_adj=0
sched_process_fork comm=init pid=3 child_comm=init child_pid=4
sched_wakeup_new comm=init pid=4 prio=120 target_cpu=000
sched_process_exit comm=init pid=4 prio=120
sched_process_exit comm=init pid=3 prio=120" ] || fail "events: $events"
grep -q '^3 *clone(.*) = 4$' "$tmp/out" || fail "replay output changed: $(cat "$tmp/out")"

"$nc" replay --trace "$tmp/json" --trace-format=perfetto "$tmp/script" > /dev/null ||
	fail "perfetto: exit $?"
if command -v python3 > /dev/null; then
	python3 - "$tmp/json" <<'P' || fail "perfetto JSON"
import json, sys
ev = json.load(open(sys.argv[1]))["traceEvents"]
assert sum(e["ph"] == "B" for e in ev) == 2 and sum(e["ph"] == "E" for e in ev) == 2
names = [e["name"] for e in ev if e["ph"] == "i"]
first = names.index("task_newtask")
assert names[first:first + 3] == ["task_newtask", "sched_process_fork", "sched_wakeup_new"]
# dup_task_struct() allocates the child's task_struct before task_newtask
assert "kmem_cache_alloc" in names[:first]
P
fi

set +e
"$nc" replay --trace "$tmp/x" --trace-events irq "$tmp/script" > /dev/null 2> "$tmp/err"; st=$?
set -e
[ "$st" = 1 ] || fail "bad event should exit 1, got $st"
grep -qx "numaclone: replay: trace events: no event 'irq' at column 1 (see kmem, sched, task)" "$tmp/err" ||
	fail "bad event message: $(cat "$tmp/err")"
set +e
"$nc" replay --trace-format=xml "$tmp/script" > /dev/null 2> "$tmp/err"; st=$?
set -e
[ "$st" = 1 ] || fail "bad format should exit 1, got $st"
grep -qx "numaclone: replay: trace format 'xml': expected ftrace or perfetto" "$tmp/err" ||
	fail "bad format message: $(cat "$tmp/err")"
echo ok
