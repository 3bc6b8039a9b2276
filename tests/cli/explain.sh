#!/usr/bin/env bash
# numaclone explain: the decision chain of one task of a run (or replay),
# re-run deterministically; an unknown pid or bad input exits 1.
set -u
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
nc=$NUMACLONE

# every worker of a small run is explained, naming its pid
for pid in $("$nc" run --workload prefork:workers=3,mem=4K --show tasks | awk 'NR>1 {print $1}'); do
	"$nc" explain "$pid" --workload prefork:workers=3,mem=4K >"$t/e" 2>"$t/err" ||
		bad "explain $pid exited $?: $(cat "$t/err")"
	grep -q "$pid" "$t/e" || bad "explain $pid does not name it: $(head -3 "$t/e")"
done
# the same run, the same answer
"$nc" explain 5 >"$t/a" && "$nc" explain 5 >"$t/b" && cmp -s "$t/a" "$t/b" || bad "explain differs between runs"
# a replay's task
printf '100 clone(child_stack=NULL, flags=SIGCHLD) = 101\n' >"$t/s"
"$nc" explain 4 --replay "$t/s" --topology 2s4n >/dev/null || bad "explain --replay"

. "$(dirname "$0")/lib/expect.sh"
expect "explain: no task 999 in this run (see run --show tasks)" explain 999
expect "explain: 'x' is not a pid" explain x
expect "explain: which PID? (see numaclone explain --help)" explain
expect "explain: unexpected argument '7'" explain 5 7
expect "explain: --show and --json are for run" explain 5 --json
exit $fail
