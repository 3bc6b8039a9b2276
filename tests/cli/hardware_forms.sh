#!/usr/bin/env bash
# Every input form through the CLI: numactl --hardware files (both spacings
# print in 2.0.16's), a sysfs tree, QEMU options as a string and as a file.
set -u
g=tests/golden/topology
fail=0
nofree() { grep -v '^node [0-9]* free: '; }
check() { # expected-file, hardware args...
	local want=$1; shift
	if ! diff -u <(nofree <"$want") <("$NUMACLONE" hardware "$@" | nofree); then
		echo "FAIL: hardware $*"; fail=1
	fi
}
for f in "$g"/numactl/*-2.0.16.txt; do
	check "$f" --topology "$f"
done
check "$g/numactl/intel-2s-xeon6248-2.0.16.txt" --topology "$g/numactl/intel-2s-xeon6248-2.0.19.txt"
check "$g/numactl/amd-epyc7742-nps4-2.0.16.txt" --topology "$g/numactl/amd-epyc7742-nps4-2.0.19.txt"
check "$g/sysfs/epyc-2n.hardware" --topology "$g/sysfs/epyc-2n"
check "$g/sysfs/epyc-2n.hardware" --topology "$g/sysfs/epyc-2n/node"
check "$g/sysfs/sparse-memoryless.hardware" --topology "$g/sysfs/sparse-memoryless"
check "$g/qemu/q35-2n.hardware" --topology "$g/qemu/q35-2n.args"
# the same options as one string: comments, line joins and the program name gone
args=$(grep -v '^#' "$g/qemu/q35-2n.args" | sed 's/\\$//' | tr '\n' ' ' | sed 's/^qemu-system-x86_64 //')
check "$g/qemu/q35-2n.hardware" --topology "$args"
check "$g/compact-3x2.hardware" --topology 3x2:1G --distance "10,15,25;15,10,15;25,15,10"
exit $fail
