#!/usr/bin/env bash
# The option messages every command shares (src/cli/options.c): a missing
# argument, an unknown long or short option, a stray operand, a bad --seed;
# each exits 1 with one line on stderr naming the command and the option.
set -u
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail=0
. "$(dirname "$0")/lib/expect.sh"
for cmd in hardware numastat replay sched-domains slabinfo; do
	expect "$cmd: option '--topology' needs an argument" $cmd --topology
	expect "$cmd: option '--distance' needs an argument" $cmd --distance
	expect "$cmd: unknown option '--bogus' (see numaclone $cmd --help)" $cmd --bogus
	expect "$cmd: unknown option '-q' (see numaclone $cmd --help)" $cmd -q
	"$NUMACLONE" $cmd --help >"$t/out" 2>&1 || { echo "FAIL: $cmd --help"; fail=1; }
	grep -q -- "--topology SPEC" "$t/out" || { echo "FAIL: $cmd --help lacks --topology"; fail=1; }
done
for cmd in hardware numastat sched-domains; do
	expect "$cmd: unexpected argument 'x'" $cmd x
done
expect "kmem-geometry: option '--cpus' needs an argument" kmem-geometry --cpus
expect "--seed 'x': not a number" slabinfo --seed x
exit $fail
