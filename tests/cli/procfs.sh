#!/usr/bin/env bash
# --show PATH on run and replay: several files printed exactly as head
# prints them, the model's files by path, each workload process's last CPU
# in /proc/PID/stat (field 39) under --physcpubind, the host's own
# /sys/devices/system/{node,cpu} masks on a machine that mirrors it, and a
# path the model does not have named with its offset before any output.
set -u
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
nc=$NUMACLONE
. "$(dirname "$0")/lib/expect.sh"

# several files as head prints them (coreutils head is the oracle)
files="/proc/buddyinfo /proc/1/status /sys/devices/system/node/node1/cpulist /proc/3/task"
for f in $files; do
	mkdir -p "$t/root$(dirname "$f")"
	"$nc" run --show "$f" | tail -n +2 >"$t/root$f" || bad "--show $f"
	[ -s "$t/root$f" ] || bad "--show $f: empty"
done
# shellcheck disable=SC2086
(cd "$t/root" && head -n 1000000 $(for f in $files; do echo ".$f"; done)) | sed 's|==> \./|==> /|' >"$t/head"
"$nc" run --show "$(echo $files | tr ' ' ,)" >"$t/show" || bad "--show $(echo $files | tr ' ' ,)"
cmp -s "$t/head" "$t/show" || bad "--show differs from head: $(diff "$t/head" "$t/show" | head -5)"

# --physcpubind=3: every process the workload made ran last on CPU 3
pids=$("$nc" run --workload prefork:workers=3 --physcpubind=3 --show tasks | awk 'NR>1 {print $1}')
[ -n "$pids" ] || bad "no tasks"
for p in $pids; do
	cpu=$("$nc" run --workload prefork:workers=3 --physcpubind=3 --show "/proc/$p/stat" |
		tail -1 | sed 's/.*) //' | cut -d' ' -f37)
	[ "$cpu" = 3 ] || bad "/proc/$p/stat processor: '$cpu', want 3"
done

# the host's masks, on a machine that mirrors the host (the model has no
# CPU hotplug: a host whose possible or present CPUs are not its online
# ones differs there)
for f in node/online node/possible node/has_cpu node/has_memory node/has_normal_memory \
	node/node0/cpulist node/node0/cpumap cpu/online cpu/possible cpu/present; do
	[ -r "/sys/devices/system/$f" ] || continue
	case $f in cpu/p*) [ "$(cat "/sys/devices/system/$f")" = "$(cat /sys/devices/system/cpu/online)" ] ||
		continue;;
	esac
	"$nc" run --topology host --show "/sys/devices/system/$f" | tail -n +2 >"$t/m" ||
		bad "host $f"
	# through a pipe: sysfs files claim a page of size, which cmp -s trusts
	cat "/sys/devices/system/$f" | cmp -s "$t/m" - || bad "$f: model '$(cat "$t/m")', host '$(cat "/sys/devices/system/$f")'"
done

# replay --show: the machine after the log, its created task's status
printf '%s\n' 'clone(child_stack=NULL, flags=SIGCHLD) = 7' >"$t/s.strace"
"$nc" replay --topology 2x2 --show /proc,numastat "$t/s.strace" >"$t/r" || bad "replay --show"
grep -q '^==> /proc <==$' "$t/r" || bad "replay --show: no /proc header"
grep -q '^numa_hit ' "$t/r" || bad "replay --show: no numastat"
child=$(sed -n '/^==> \/proc <==$/,/^$/p' "$t/r" | grep '/$' | tail -1 | tr -d /)
"$nc" replay --topology 2x2 --show "/proc/$child/status" "$t/s.strace" | grep -q "^Pid:	$child$" ||
	bad "replay --show /proc/$child/status"

expect "run: --show '/proc/buddyinfo,/proc/99999/status' at offset 16: '/proc/99999/status': the model has no such file or directory" \
	run --show /proc/buddyinfo,/proc/99999/status
expect "run: --show '/proc/buddyinfo/' at offset 0: '/proc/buddyinfo/': not a directory" \
	run --show /proc/buddyinfo/
expect "replay: --show 'tasks' at offset 0: not one of numastat, slabinfo, nor a /proc or /sys path" \
	replay --show tasks "$t/s.strace"
exit $fail
