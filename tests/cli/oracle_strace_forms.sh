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

check() { # NAME FILE...: replay the log(s) with --check
	local name=$1 ok=0; shift
	agrees "$@" || ok=$?
	report "$name" $ok
}

report() { # NAME STATUS: the verdict on $tmp/out
	echo "$1: $(tail -n 1 "$tmp/out")"
	if [ "$2" -ne 0 ]; then
		echo "FAIL $1"; grep '^line\|not understood\|not decoded\|replay:' "$tmp/out"
		fails=$((fails + 1))
	fi
}

# The programs race (workers exit, threads unmap) and some options hide the
# lines that say who won, so a busy machine can record a log whose order
# the replay reads otherwise: such a form is recorded once more, and fails
# only if the second log disagrees too (a real reader or model bug fails
# both; the retry is reported).
record_check() { # NAME OPTS PROGRAM
	local name=$1 opts=$2 p=$3 ok
	for attempt in 1 2; do
		# shellcheck disable=SC2086
		strace -f $opts -o "$tmp/log" "$tmp/$p" > /dev/null 2>&1 ||
			{ echo "FAIL: strace $opts $p"; fails=$((fails + 1)); return; }
		ok=0
		agrees "$tmp/log" || ok=$?
		[ $ok -eq 0 ] && break
		[ $attempt = 1 ] && echo "$name: disagreed once, recorded again: $(grep -m 2 '^line\|not understood' "$tmp/out" | tr '\n' ' ')"
	done
	report "$name" $ok
}

for opts in "-tt" "-ttt" "-r" "-T" "-tt -T" "-yy" "-i" "-n" "-Y" "-k" "-v -s 256" "-X raw" \
	    "-X verbose" "-xx" "-z" "--seccomp-bpf" "-qq" "-e trace=%process,%memory" \
	    "--timestamps=unix,ns" "-i -n -Y -tt -T -yy" "-e read=all -e write=all" \
	    "--quiet=all" "-e status=successful"; do
	for p in prefork threads; do
		# -z drops the header of a resumed call: with several threads
		# unfinished at once, which call it resumes is a guess
		[ "$opts" = -z ] && [ $p = threads ] && continue
		record_check "$p strace -f $opts" "$opts" "$p"
	done
done
# stderr mode: "[pid N]" prefixes, strace's notes spliced into lines
strace -f "$tmp/prefork" > /dev/null 2> "$tmp/log"
check "prefork strace -f (stderr)" "$tmp/log"
# one file per task, with and without timestamps to merge them by
for opts in "-tt" "-ttt -T"; do
	rm -rf "$tmp/ff" && mkdir "$tmp/ff"
	# shellcheck disable=SC2086
	strace -ff $opts -o "$tmp/ff/p" "$tmp/prefork" > /dev/null 2>&1
	check "prefork strace -ff $opts" "$tmp/ff"/p.*
done
rm -rf "$tmp/ff" && mkdir "$tmp/ff"
strace -ff -ttt -T -o "$tmp/ff/t" "$tmp/threads" > /dev/null 2>&1
check "threads strace -ff -ttt -T" "$tmp/ff"/t.*
[ $fails -eq 0 ] || { echo "FAIL: $fails forms"; exit 1; }
