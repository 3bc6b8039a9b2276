#!/usr/bin/env bash
# numaclone replay --fail-nth N: the first task's N-th allocation fails, as
# after writing N to /proc/thread-self/fail-nth; the fork that meets it
# gives ENOMEM and --check reports it; a count beyond the log's
# allocations changes nothing; bad counts are refused.
set -euo pipefail
nc=${NUMACLONE:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat > "$tmp/script" <<'S'
#! topology 1x2
500 getpid() = 500
500 fork() = 501
501 exit_group(0) = ?
501 +++ exited with 0 +++
500 wait4(-1, NULL, 0, NULL) = 501
500 fork() = 502
500 exit_group(0) = ?
S
"$nc" replay --check "$tmp/script" > "$tmp/out" || fail "no injection: exit $?: $(cat "$tmp/out")"
# the first allocation of the first task is its first fork's task_struct
set +e
"$nc" replay --check --fail-nth 1 "$tmp/script" > "$tmp/out"; st=$?
set -e
[ "$st" = 1 ] || fail "--fail-nth 1 should disagree, got $st: $(cat "$tmp/out")"
grep -Eq '^line 3: model: 3 +fork\(\) += -1 ENOMEM' "$tmp/out" ||
	fail "no ENOMEM for line 3: $(cat "$tmp/out")"
# the count outlives the log: nothing fails (children start disarmed)
"$nc" replay --check --fail-nth 100000 "$tmp/script" > /dev/null ||
	fail "--fail-nth 100000 should agree"
for bad in 0 -1 x 4294967296 ''; do
	if "$nc" replay --fail-nth "$bad" "$tmp/script" > /dev/null 2> "$tmp/err"; then
		fail "--fail-nth '$bad' accepted"
	fi
	grep -q 'fail-nth' "$tmp/err" || fail "--fail-nth '$bad': message $(cat "$tmp/err")"
done
