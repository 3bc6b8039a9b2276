#!/usr/bin/env bash
# The kernel as oracle: tests/oracle/oracle.c makes clone/clone3/fork/vfork,
# mempolicy and identity calls with valid and invalid arguments under real
# `strace -f`; `numaclone replay --check` must agree with every modelled
# result (calls the model lacks are counted as not modelled).
set -uo pipefail
nc=${NUMACLONE:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
command -v strace >/dev/null || { echo "strace is not installed"; exit 77; }
cc -std=gnu11 -O1 -Iinclude -Isrc -o "$tmp/oracle" tests/oracle/oracle.c -lpthread || exit 1
if ! strace -f -o "$tmp/log" "$tmp/oracle" 2> "$tmp/err"; then
	grep -q 'Operation not permitted' "$tmp/err" && { echo "ptrace is not permitted here"; exit 77; }
	cat "$tmp/err"; exit 1
fi
# the log describes this machine, so the default topology (host) is the right one
"$nc" replay --check "$tmp/log" > "$tmp/out" 2> "$tmp/err"; st=$?
if [ $st -ne 0 ] && grep -q "topology 'host': not a known form" "$tmp/err"; then
	echo "(no host topology yet: replaying on 1x$(nproc), this host's shape)"
	"$nc" replay --topology "1x$(nproc)" --check "$tmp/log" > "$tmp/out" 2> "$tmp/err"; st=$?
fi
cat "$tmp/out" "$tmp/err"
[ $st -eq 0 ] || { echo "FAIL: replay exit $st"; exit 1; }
last=$(tail -n 1 "$tmp/out")
[[ $last =~ ^replay:\ ([0-9]+)\ agree,\ 0\ disagree,\ [0-9]+\ not\ modelled$ ]] || { echo "FAIL: $last"; exit 1; }
[ "${BASH_REMATCH[1]}" -ge 60 ] || { echo "FAIL: only ${BASH_REMATCH[1]} calls checked"; exit 1; }
for call in clone clone3 fork vfork set_mempolicy get_mempolicy mbind getpid gettid getppid exit_group; do
	grep -Eq "^$call +[1-9]" "$tmp/out" || { echo "FAIL: no modelled $call"; exit 1; }
done
