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

check() { # NAME FILE...: replay the log(s) with --check
	local name=$1 st last; shift
	"$nc" replay --check "$@" > "$tmp/out" 2>&1; st=$?
	last=$(tail -n 1 "$tmp/out")
	echo "$name: $last"
	if [ $st -ne 0 ] || ! [[ $last =~ ^replay:\ [1-9][0-9]*\ agree,\ 0\ disagree ]] ||
	   grep -q 'not understood\|not decoded' "$tmp/out"; then
		echo "FAIL $name (exit $st)"; grep '^line\|not understood\|not decoded\|replay:' "$tmp/out"
		fails=$((fails + 1))
	fi
}

for opts in "-tt" "-ttt" "-r" "-T" "-tt -T" "-yy" "-i" "-n" "-Y" "-k" "-v -s 256" "-X raw" \
	    "-X verbose" "-xx" "-z" "--seccomp-bpf" "-qq" "-e trace=%process,%memory" \
	    "--timestamps=unix,ns" "-i -n -Y -tt -T -yy" "-e read=all -e write=all" \
	    "--quiet=all" "-e status=successful"; do
	for p in prefork threads; do
		# -z drops the header of a resumed call: with several threads
		# unfinished at once, which call it resumes is a guess
		[ "$opts" = -z ] && [ $p = threads ] && continue
		# shellcheck disable=SC2086
		strace -f $opts -o "$tmp/log" "$tmp/$p" > /dev/null 2>&1 || { echo "FAIL: strace $opts $p"; fails=$((fails + 1)); continue; }
		check "$p strace -f $opts" "$tmp/log"
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
