#!/usr/bin/env bash
# Runs one oracle program, tests/oracle/NAME.c, under real `strace -f` and
# replays its log with `numaclone replay --check`: every modelled call must
# agree with this kernel's result (unmodelled calls are only counted).
#   run.sh NAME MIN_AGREE CALL...
# MIN_AGREE: the fewest agreeing calls a sound run has; each CALL must have
# been modelled at least once. Exit 0 pass, 77 skip (reason last), 1 fail.
# The tests in tests/cli/oracle*.sh call it; NUMACLONE is the binary.
name=$1 min=$2; shift 2
source tests/oracle/setup.sh
oracle_build "$name"
if ! strace -f -o "$tmp/log" "$tmp/$name" > "$tmp/prog" 2> "$tmp/err"; then
	cat "$tmp/prog" "$tmp/err"; echo "FAIL: $name under strace"; exit 1
fi
# the log describes this machine, so the default topology (host) is the right one
"$nc" replay --check "$tmp/log" > "$tmp/out" 2> "$tmp/err"; st=$?
# the report without its table of created tasks (one row per child)
awk '/^created task/ { skip = 1; next } /^(replay:|lines not)/ { skip = 0 } !skip' "$tmp/out"
cat "$tmp/err"
if [ $st -ne 0 ]; then
	echo "FAIL: replay exit $st; the log:"; cat "$tmp/log"; exit 1
fi
last=$(tail -n 1 "$tmp/out")
[[ $last =~ ^replay:\ ([0-9]+)\ agree,\ 0\ disagree,\ [0-9]+\ not\ modelled$ ]] || { echo "FAIL: $last"; exit 1; }
[ "${BASH_REMATCH[1]}" -ge "$min" ] || { echo "FAIL: only ${BASH_REMATCH[1]} calls checked"; exit 1; }
for call in "$@"; do
	grep -Eq "^$call +[1-9]" "$tmp/out" || { echo "FAIL: no modelled $call"; exit 1; }
done
