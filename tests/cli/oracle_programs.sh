#!/usr/bin/env bash
# Real programs under real `strace -f` on this machine, replayed with
# --check: a shell pipeline in bash and in dash, a multi-threaded program
# (tests/oracle/threads.c), a prefork server (tests/oracle/prefork.c),
# numactl running a child under each policy and binding option, unshare
# and ionice running a shell, and nice and chrt running a shell under a
# nice value and each scheduling policy. Every modelled call must agree;
# unmodelled ones are only counted. A program this machine lacks (dash,
# numactl, unshare, ionice, chrt) is left out and named.
source tests/oracle/setup.sh
oracle_build threads prefork
fails=0 runs=0

# NAME MIN_AGREE COMMAND...: record, replay, check
run() {
	local name=$1 min=$2; shift 2
	runs=$((runs + 1))
	if ! strace -f -o "$tmp/$name.log" "$@" > /dev/null 2> "$tmp/$name.err"; then
		echo "FAIL $name: the program failed under strace"; cat "$tmp/$name.err"
		fails=$((fails + 1)); return
	fi
	"$nc" replay --check "$tmp/$name.log" > "$tmp/$name.out" 2>&1
	local st=$? last
	last=$(tail -n 1 "$tmp/$name.out")
	echo "$name: $last"
	if [ $st -ne 0 ] || ! [[ $last =~ ^replay:\ ([0-9]+)\ agree,\ 0\ disagree ]] ||
	   [ "${BASH_REMATCH[1]}" -lt "$min" ] || grep -q 'not understood' "$tmp/$name.out"; then
		echo "FAIL $name (exit $st)"; grep -v '^[a-z]* *[0-9]* *[0-9]* *[0-9]* [0-9,-]*$' "$tmp/$name.out"
		fails=$((fails + 1))
	fi
}

run bash-pipeline 50 bash -c 'ls / | sort | head -n 3'
if command -v dash >/dev/null; then
	run dash-pipeline 50 dash -c 'ls / | sort | head -n 3'
else
	echo "left out: dash-pipeline (no dash here)"
fi
run threads 60 "$tmp/threads"
run prefork 20 "$tmp/prefork"
if command -v numactl >/dev/null; then
	for opt in --interleave=all --membind=0 --preferred=0 --localalloc --cpunodebind=0 --physcpubind=0; do
		run "numactl$opt" 20 numactl "$opt" sh -c 'true'
	done
else
	echo "left out: numactl (not installed)"
fi
# unshare(1) between its fork and exec, and ionice(1) giving a shell its class
if command -v unshare >/dev/null && unshare -U -r -p -f -T true 2>/dev/null; then
	run unshare-pid 30 unshare -p -f -m --mount-proc sh -c 'true'
	run unshare-user 30 unshare -U -r -p -f -n -u -i -T sh -c 'true'
else
	echo "left out: unshare (no unshare(1), or namespaces refused here)"
fi
if command -v ionice >/dev/null; then
	run ionice 20 ionice -c 3 sh -c 'ionice -p $$'
else
	echo "left out: ionice (not installed)"
fi
run nice 20 nice -n 5 sh -c 'true'
if command -v chrt >/dev/null; then
	for opt in "-b 0" "-i 0" "-o 0" "-f 10" "-r -R 5"; do
		run "chrt${opt// /}" 20 chrt $opt sh -c 'true'
	done
else
	echo "left out: chrt (not installed)"
fi
[ $fails -eq 0 ] || { echo "FAIL: $fails of $runs programs disagree"; exit 1; }
