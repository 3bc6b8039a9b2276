#!/usr/bin/env bash
# numaclone compare: the same workload under two option sets, every figure
# side by side and the differing ones marked; bad input exits 1.
set -u
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
nc=$NUMACLONE

"$nc" compare --workload prefork:workers=4,mem=1M --a '--localalloc' --b '--interleave=all' >"$t/c" ||
	bad "compare exited $?"
[ "$(sed -n 1,3p "$t/c")" = "numaclone compare: prefork:workers=4,mem=1M on 2s4n
  A: --localalloc
  B: --interleave=all" ] || bad "header: $(sed -n 1,3p "$t/c")"
[ "$(awk 'length($0) > 80' "$t/c" | wc -l)" = 0 ] || bad "wider than 80 columns"
# by hand: local allocation keeps each worker's 256 pages on its node;
# interleaving all four nodes puts 3/4 of 1024 pages elsewhere
row() { grep -E "^. $1 +[^ ]+ +[^ ]+$" "$t/c" | tr -s ' '; }
[ "$(row 'user pages remote')" = "* user pages remote 0 768" ] || bad "$(row 'user pages remote')"
[ "$(row 'user pages remote share')" = "* user pages remote share 0.0% 75.0%" ] || bad "share row"
[ "$(row 'created tasks')" = " created tasks 4 4" ] || bad "created row: $(row 'created tasks')"
n=$(grep -c '^\*' "$t/c")
grep -q "^$n of [0-9]* figures differ (marked \*)$" "$t/c" || bad "count line: $(tail -1 "$t/c")"
# the kernel's fork node against the child's: no remote task_struct in B
"$nc" compare --a '--fork-node=parent' --b '--fork-node=child' >"$t/f" || bad "fork-node compare"
[ "$(grep -E '^\* task_structs remote +[0-9]+ +0$' "$t/f" | wc -l)" = 1 ] ||
	bad "fork-node compare: $(grep 'task_structs remote ' "$t/f")"

# the same options on both sides: nothing differs
"$nc" compare --a '-m 1' --b '--membind=1' --workload threads:threads=2 | tail -1 |
	grep -q '^0 of ' || bad "identical sides differ"

. "$(dirname "$0")/lib/expect.sh"
expect "compare: both --a and --b are needed (see numaclone compare --help)" compare --a -l
expect "compare --b: --membind: '9' at offset 0: node argument 9 is out of range" compare --a -l --b '--membind=9'
expect "compare --a: unknown option '--nope' (see numaclone compare --a --help)" compare --a '--nope' --b -l
expect "compare --a: unexpected argument 'x'" compare --a 'x' --b -l
expect "compare: --trace, --show and --json are for run" compare --a -l --b -l --json
expect "compare: unknown option '--zzz' (see numaclone compare --help)" compare --zzz x
exit $fail
