#!/usr/bin/env bash
# execve in a recorded log: a posix_spawn program (tests/oracle/spawn.c,
# glibc's clone(CLONE_VM|CLONE_VFORK) and execve in the child) under real
# `strace -f`, replayed with --check: every modelled call agrees, execve
# among them; the parent, woken by its child's exec, spawns again while
# the first child still runs its new program (the trace's order), and the
# children are named after the programs they exec'd. A thread's exec
# (tests/oracle/thread_exec.c) kills the other threads and goes on under
# the leader's pid, as strace shows it.
source tests/oracle/setup.sh
oracle_build spawn thread_exec
fail() { echo "FAIL: $*"; exit 1; }

strace -f -o "$tmp/spawn.log" "$tmp/spawn" > /dev/null 2> "$tmp/err" ||
	fail "spawn under strace: $(cat "$tmp/err")"
"$nc" replay --check --trace "$tmp/trace" --trace-events sched "$tmp/spawn.log" > "$tmp/out" 2>&1 ||
	{ cat "$tmp/out"; fail "replay --check: exit $?"; }
last=$(tail -n 1 "$tmp/out")
[[ $last =~ ^replay:\ [1-9][0-9]*\ agree,\ 0\ disagree ]] || fail "$last"
! grep -q 'not understood' "$tmp/out" || fail "unknown lines: $(cat "$tmp/out")"
# the program's own exec and the two children's, all modelled, all agree
execs=$(grep -Ec '(execve\(.*\)|<\.\.\. execve resumed>.*) += 0$' "$tmp/spawn.log")
[ "$execs" = 3 ] || fail "the log has $execs successful execs, not 3"
grep -Eq "^execve +3 +3 +0 +0$" "$tmp/out" || fail "execve row: $(grep '^execve' "$tmp/out")"
# the children (the clones' results, in order) are named by their programs
mapfile -t kids < <(sed -nE 's/^[0-9]+ +(clone3?\(|<\.\.\. clone3? resumed>).* += ([0-9]+)$/\2/p' \
	"$tmp/spawn.log")
[ "${#kids[@]}" = 2 ] || fail "spawning clones: ${kids[*]}"
grep -Eq "^sleep +${kids[0]} " "$tmp/out" || fail "first child's name: $(cat "$tmp/out")"
grep -Eq "^true +${kids[1]} " "$tmp/out" || fail "second child's name: $(cat "$tmp/out")"
# the trace (model pids): the sleeper execs, the parent forks the second
# child, and only then does the sleeper exit
sleeper=$(sed -nE 's/.* sched_process_exec: filename=\/bin\/sleep pid=([0-9]+) .*/\1/p' "$tmp/trace")
second=$(sed -nE 's/.* sched_process_exec: filename=\/bin\/true pid=([0-9]+) .*/\1/p' "$tmp/trace")
[ -n "$sleeper" ] && [ -n "$second" ] || fail "no exec events: $(cat "$tmp/trace")"
order=$(sed -nE "s/.* sched_process_exec: filename=[^ ]+ pid=($sleeper) .*/exec \1/p
	s/.* sched_process_fork: .* child_pid=($second)$/fork \1/p
	s/.* sched_process_exit: comm=[^ ]+ pid=($sleeper) .*/exit \1/p" "$tmp/trace")
[ "$order" = "exec $sleeper
fork $second
exit $sleeper" ] || fail "trace order: $order"

strace -f -o "$tmp/thread.log" "$tmp/thread_exec" > /dev/null 2> "$tmp/err" ||
	fail "thread_exec under strace: $(cat "$tmp/err")"
grep -q '+++ superseded by execve in pid' "$tmp/thread.log" || fail "no takeover: $(cat "$tmp/thread.log")"
"$nc" replay --check "$tmp/thread.log" > "$tmp/out" 2>&1 || { cat "$tmp/out"; fail "thread exec: exit $?"; }
last=$(tail -n 1 "$tmp/out")
[[ $last =~ ^replay:\ [1-9][0-9]*\ agree,\ 0\ disagree ]] || fail "thread exec: $last"
grep -Eq "^execve +2 +2 +0 +0$" "$tmp/out" || fail "thread execve row: $(grep '^execve' "$tmp/out")"
# the thread created by the log's second clone is the task that exec'd true:
# it goes on as the leader, under the leader's pid
leader=$(head -n 1 "$tmp/thread.log" | cut -d' ' -f1)
grep -Eq "^true +$leader " "$tmp/out" || fail "the exec'd thread under $leader: $(cat "$tmp/out")"

# the same under strace -ff: the thread's file ends in its execve's
# "<pid changed to LEADER ...>", the leader's has the takeover and the
# rest. Recorded logs, with and without timestamps (without, the merge
# runs the thread's file up to its exec before the leader's takeover
# line), and a fresh one.
strace -ff -o "$tmp/ff" "$tmp/thread_exec" > /dev/null 2> "$tmp/err" ||
	fail "thread_exec under strace -ff: $(cat "$tmp/err")"
check_ff() { # NAME FILE...: the files of one strace -ff run
	local name=$1 leader; shift
	"$nc" replay --topology 1x2 --check "$@" > "$tmp/out" 2>&1 ||
		{ cat "$tmp/out"; fail "$name: exit $?"; }
	last=$(tail -n 1 "$tmp/out")
	[[ $last =~ ^replay:\ [1-9][0-9]*\ agree,\ 0\ disagree ]] || fail "$name: $last"
	! grep -q 'not understood' "$tmp/out" || fail "$name: unknown lines: $(cat "$tmp/out")"
	grep -Eq "^execve +2 +2 +0 +0$" "$tmp/out" || fail "$name: execve row: $(grep '^execve' "$tmp/out")"
	leader=$(printf '%s\n' "$@" | sed 's/.*\.//' | sort -n | head -n 1)
	grep -Eq "^true +$leader " "$tmp/out" || fail "$name: the exec'd thread under $leader: $(cat "$tmp/out")"
}
check_ff recorded tests/strace/thread-exec-ff/thread_exec.*
check_ff "recorded -tt" tests/strace/thread-exec-ff-tt/thread_exec.*
check_ff fresh "$tmp"/ff.*
