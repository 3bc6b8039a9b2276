# Sourced by the oracle tests (tests/oracle/run.sh, tests/cli/oracle_*.sh):
# $nc, a scratch $tmp removed at exit, a skip (exit 77) where strace cannot
# trace, and oracle_build NAME... compiling tests/oracle/NAME.c to $tmp/NAME.
set -uo pipefail
nc=${NUMACLONE:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
command -v strace >/dev/null || { echo "strace is not installed"; exit 77; }
strace -f -o /dev/null true 2>/dev/null || { echo "ptrace is not permitted here"; exit 77; }

oracle_build() {
	for p in "$@"; do
		cc -std=gnu11 -O1 -Wall -Wextra -Iinclude -Isrc -o "$tmp/$p" "tests/oracle/$p.c" \
			-lpthread || exit 1
	done
}
