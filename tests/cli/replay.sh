#!/usr/bin/env bash
# numaclone replay: recorded logs of real programs replay with every modelled
# result agreeing; scripts with directives; disagreements reported with their
# line numbers and exit 1; the exact last lines; bad input answered with exit 1.
set -euo pipefail
nc=${NUMACLONE:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# the machine the logs were recorded on: 1 node, 2 CPUs, a kernel built for
# 256 (sched_getaffinity copies 32 bytes)
for log in tests/strace/*.log; do
	"$nc" replay --topology tests/golden/topology/sysfs/recorder-1n2c --check "$log" > "$tmp/out" ||
		fail "$log: exit $?"
	tail -n 1 "$tmp/out" | grep -Eq '^replay: [1-9][0-9]* agree, 0 disagree, [0-9]+ not modelled$' ||
		fail "$log: last line '$(tail -n 1 "$tmp/out")'"
	! grep -q 'not understood' "$tmp/out" || fail "$log: unknown lines"
done

# a created task is named by the file it exec'd (the log's execve lines)
"$nc" replay --topology 1x2 tests/strace/bash-pipeline.log > "$tmp/out"
grep -Eq '^ls +18968 ' "$tmp/out" && grep -Eq '^cat +18971 ' "$tmp/out" ||
	fail "exec'd names: $(grep -A5 '^created task' "$tmp/out")"

# strace -ff -ttt -T: one file per task, merged by completion time
"$nc" replay --topology 1x2 --check tests/strace/prefork-ff/prefork.* > "$tmp/out" || fail "-ff: exit $?"
tail -n 1 "$tmp/out" | grep -Eq '^replay: [1-9][0-9]* agree, 0 disagree, [0-9]+ not modelled$' ||
	fail "-ff: last line '$(tail -n 1 "$tmp/out")'"
# recorded under load: an older worker's exit printed after the one the
# master's wait4(-1) reaped (-z hides the wait's start, as -ff does here)
"$nc" replay --topology 1x2 --check tests/strace/prefork-ff-wait-race/prefork.* > "$tmp/out" ||
	fail "-ff wait race: $(grep '^line' "$tmp/out")"
# strace -ff without times: a parent's WNOHANG wait4() that reaped a child
# waits for the child's file to run its exit (the program forks
# three children, sleeps, then reaps them with WNOHANG until ECHILD)
"$nc" replay --topology 1x2 --check tests/strace/ff-untimed-wnohang/wn.* > "$tmp/out" ||
	fail "-ff untimed WNOHANG: $(grep '^line' "$tmp/out")"
{ ! "$nc" replay tests/strace/prefork-ff/prefork.* tests/strace/threads.log 2> "$tmp/err"; } ||
	fail "a file not of -ff among several"
grep -q 'threads.log: not a file of strace -ff (NAME.PID)' "$tmp/err" || fail "-ff name: $(cat "$tmp/err")"

# a script: the first pid is init's child (pid 3 after init and kthreadd)
cat > "$tmp/script" <<'S'
#! topology 2x2
#! seed 7
# comments and blank lines are fine

500 getpid() = 500
500 getppid() = 1
500 gettid()
500 getpid() = 501
500 brk(NULL) = 0x1000
500 exit_group(0) = ?
500 +++ exited with 0 +++
S
set +e
"$nc" replay --check "$tmp/script" > "$tmp/out"; st=$?
set -e
[ "$st" = 1 ] || fail "disagreement should exit 1, got $st"
grep -q '^line 8: log:   500   getpid()  *= 501$' "$tmp/out" || fail "no report for line 8: $(cat "$tmp/out")"
grep -q '^line 8: model: 3     getpid()  *= 3$' "$tmp/out" || fail "no model line for line 8"
grep -Eq '^getpid +2 +1 +1 +0$' "$tmp/out" || fail "summary row for getpid"
grep -Eq '^gettid +1 +0 +0 +1$' "$tmp/out" || fail "summary row for gettid (unchecked)"
grep -Eq '^brk +1$' "$tmp/out" || fail "brk is not modelled"
[ "$(tail -n 1 "$tmp/out")" = "replay: 3 agree, 1 disagree, 1 not modelled" ] ||
	fail "last line: $(tail -n 1 "$tmp/out")"

# without --check: the model's calls in strace's format, from stdin
"$nc" replay --topology 1x2 - < "$tmp/script" > "$tmp/out"
grep -q '^3     getppid()  *= 1$' "$tmp/out" || fail "model output: $(cat "$tmp/out")"
grep -q '^3     exit_group(0)  *= ?$' "$tmp/out" || fail "exit_group output"
[ "$(tail -n 1 "$tmp/out")" = "replay: 5 modelled, 1 not modelled" ] || fail "last line without --check"

# #! cpu moves the next call's task; a CPU the topology lacks is an error
printf '#! topology 1x2\n#! cpu 1\ngetpid() = 3\n' | "$nc" replay --check - > /dev/null || fail "cpu 1"
printf '#! topology 1x2\n#! cpu 2\ngetpid() = 3\n' | { ! "$nc" replay - > /dev/null 2> "$tmp/err"; } || fail "cpu 2 accepted"
grep -q -- '-:2:' "$tmp/err" || fail "cpu error names no line: $(cat "$tmp/err")"
printf 'getpid() = 3\n#! topology 2x2\n' | { ! "$nc" replay --topology 1x2 - >/dev/null 2>&1; } || fail "late topology"

# unknown lines: counted and named; fatal with --strict
printf 'getpid() = 3\nnonsense here\ngetpid( = 3\n' > "$tmp/bad"
"$nc" replay --topology 1x2 "$tmp/bad" > "$tmp/out" || fail "unknown lines are not fatal"
grep -q '^lines not understood: 2 (2, 3)$' "$tmp/out" || fail "unknown lines: $(cat "$tmp/out")"
{ ! "$nc" replay --topology 1x2 --strict "$tmp/bad" > /dev/null 2> "$tmp/err"; } || fail "--strict"
grep -q 'bad:2:1: not a line strace prints' "$tmp/err" || fail "--strict message: $(cat "$tmp/err")"
# a modelled call whose arguments do not decode: named and counted; fatal with --strict
printf 'exit_group(zero) = ?\n' | "$nc" replay --topology 1x2 - > "$tmp/out" || fail "bad argument is fatal"
grep -q "^line 1: not decoded: exit_group(): argument 1 'zero' is not a number$" "$tmp/out" ||
	fail "not-decoded note: $(cat "$tmp/out")"
printf 'exit_group(zero) = ?\n' | { ! "$nc" replay --strict --topology 1x2 - 2> "$tmp/err"; } || fail "bad argument"
grep -q -- '-:1: exit_group(): argument 1' "$tmp/err" || fail "argument message: $(cat "$tmp/err")"

# command line
"$nc" replay --help | grep -q '^usage: numaclone replay' || fail "--help"
{ ! "$nc" replay --bogus x 2>/dev/null; } || fail "unknown option"
{ ! "$nc" replay 2>/dev/null; } || fail "no file"
{ ! "$nc" replay "$tmp/missing" 2>/dev/null; } || fail "missing file"
{ ! "$nc" replay --topology nonsense "$tmp/script" 2>/dev/null; } || fail "bad topology"
echo ok
