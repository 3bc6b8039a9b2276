#!/usr/bin/env bash
# The strace output forms replay must read: the prefork server and the
# threads program (tests/oracle/) under real strace with each option that
# changes how lines look (timestamps, durations, fd and pid decorations,
# instruction pointers, syscall numbers, stack traces, data dumps, raw and
# verbose values, filters, stderr output, one file per task). Each log must read
# without a line not understood and replay with --check in agreement.
source tests/oracle/setup.sh
oracle_build threads prefork
fails=0

agrees() { # FILE...: replay the log(s) with --check; true if all agree
	local st
	"$nc" replay --check "$@" > "$tmp/out" 2>&1; st=$?
	[ $st -eq 0 ] && [[ $(tail -n 1 "$tmp/out") =~ ^replay:\ [1-9][0-9]*\ agree,\ 0\ disagree ]] &&
		! grep -q 'not understood\|not decoded' "$tmp/out"
}

report() { # NAME STATUS: the verdict on $tmp/out
	echo "$1: $(tail -n 1 "$tmp/out")"
	if [ "$2" -ne 0 ]; then
		echo "FAIL $1"; grep '^line\|not understood\|not decoded\|replay:' "$tmp/out"
		fails=$((fails + 1))
	fi
}

# The programs race (workers exit, threads unmap) and strace's order of
# what it sees is not always the order the kernel acted in: the replay
# reads such logs as the kernel ran them (tests/strace/*wait-race* keep
# logs recorded under load that once disagreed).
record_check() { # NAME CMD...: CMD records into $tmp/rec; replay what it wrote
	local name=$1 ok=0; shift
	rm -rf "$tmp/rec" && mkdir "$tmp/rec"
	"$@" > /dev/null 2>&1 || { echo "FAIL: $name: strace failed"; fails=$((fails + 1)); return; }
	agrees "$tmp/rec"/* || ok=$?
	report "$name" $ok
}

for opts in "-tt" "-ttt" "-r" "-T" "-tt -T" "-yy" "-i" "-n" "-Y" "-k" "-v -s 256" "-X raw" \
	    "-X verbose" "-xx" "-z" "--seccomp-bpf" "-qq" "-e trace=%process,%memory" \
	    "--timestamps=unix,ns" "-i -n -Y -tt -T -yy" "-e read=all -e write=all" \
	    "--quiet=all" "-e status=successful"; do
	for p in prefork threads; do
		# shellcheck disable=SC2086
		record_check "$p strace -f $opts" strace -f $opts -o "$tmp/rec/log" "$tmp/$p"
	done
done
# stderr mode: "[pid N]" prefixes, strace's notes spliced into lines
stderr_mode() { strace -f "$tmp/prefork" > /dev/null 2> "$tmp/rec/log"; }
record_check "prefork strace -f (stderr)" stderr_mode
# one file per task, with and without timestamps to merge them by
for opts in "-tt" "-ttt -T"; do
	# shellcheck disable=SC2086
	record_check "prefork strace -ff $opts" strace -ff $opts -o "$tmp/rec/p" "$tmp/prefork"
done
record_check "threads strace -ff -ttt -T" strace -ff -ttt -T -o "$tmp/rec/t" "$tmp/threads"
[ $fails -eq 0 ] || { echo "FAIL: $fails forms"; exit 1; }
