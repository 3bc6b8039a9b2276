#!/usr/bin/env bash
# Bad input to numaclone hardware: exit status 1, nothing on stdout, and one
# line on stderr naming the input and the position (offsets count from 0,
# file positions are line:column).
set -u
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail=0
expect() { # message, hardware args...
	local want=$1; shift
	"$NUMACLONE" hardware "$@" >"$t/out" 2>"$t/err"; local st=$?
	if [ $st -ne 1 ] || [ -s "$t/out" ] || [ "$(cat "$t/err")" != "numaclone: $want" ]; then
		echo "FAIL: hardware $* (exit $st)"; echo " want: numaclone: $want"
		echo " got:  $(cat "$t/err")"; fail=1
	fi
}
printf 'available: 2 nodes (0-1)\nnode 0 cpus: 0 1\nnode 0 size: 100 MB\nnode 0 free: 50 MB\nnode 1 cpus: 1 2\n' >"$t/twice.txt"
printf 'available: 1 nodes (0)\nnode 0 cpus: 0\nnode 0 size: 100 MB\nnode 0 free: 50 MB\nnode distances:\nnode   0 \n  0:  11 \n' >"$t/local.txt"
mkdir -p "$t/tree/node0"; echo "0-1,x" >"$t/tree/node0/cpulist"

expect "hardware: unexpected argument 'x'" -t 2s4n x
expect "hardware: unknown option '--bogus' (see numaclone hardware --help)" --bogus
expect "hardware: option '--topology' needs an argument" --topology
expect "--topology 'nope' at offset 0: unknown preset or file 'nope' (presets: 1n 2s 4n 2s4n 8n host)" -t nope
expect "$t/none: No such file or directory" -t "$t/none"
expect "--topology '4x8:16Q' at offset 6: unknown size suffix 'Q' (K, M, G, T, P, E)" -t 4x8:16Q
expect "--topology '4x' at offset 2: expected a CPU count per node" -t 4x
expect "--topology '1025x1' at offset 0: expected a node count of at most 1024" -t 1025x1
expect "--topology '1x8193' at offset 2: expected a CPU count per node of at most 8192" -t 1x8193
expect "--topology '2x1:99999999T' at offset 4: size is above 4 PiB, the x86-64 limit" -t 2x1:99999999T
expect "--distance '10,20;21,10' at offset 6: distance 1->0 is 21 but 0->1 is 20 (this form needs a symmetric matrix)" -t 2x1 -d '10,20;21,10'
expect "--distance '10,5' at offset 3: distance 5 is below 10" -t 3x1 -d 10,5
expect "--distance applies only to a compact NxC[:MEM] topology, not '2s'" -t 2s -d 10,20
expect "$t/twice.txt:5:14: CPU 1 is in node 0 and node 1" -t "$t/twice.txt"
expect "$t/local.txt:7:7: distance of node 0 to itself is 11, not 10" -t "$t/local.txt"
expect "$t/tree/node0/cpulist:1:5: not a CPU list" -t "$t/tree"
expect "--topology '-numa node,cpus=0,mem=1G,foo=2' at offset 25: unknown parameter 'foo' for -numa node" -t '-numa node,cpus=0,mem=1G,foo=2'
exit $fail
