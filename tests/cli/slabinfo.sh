#!/usr/bin/env bash
# numaclone slabinfo: the /proc/slabinfo layout of a fresh machine, the
# sysfs view of a cache (alias names too), usage errors. Counts are
# checked by the unit tests; here the shape.
set -u
fail() { echo "FAIL: $*"; exit 1; }

out=$("$NUMACLONE" slabinfo --topology 2x4) || fail "exited $?"
[ "$(printf '%s\n' "$out" | sed -n 1p)" = "slabinfo - version: 2.1" ] || fail "title"
printf '%s\n' "$out" | sed -n 2p | grep -q '^# name            <active_objs> <num_objs> <objsize>' ||
	fail "header"
printf '%s\n' "$out" | grep -q '^task_struct  *[0-9]* *[0-9]*   5952    5    8 : tunables    0    0    0 : slabdata' ||
	fail "task_struct line"
printf '%s\n' "$out" | grep -q '^fs_cache ' && fail "an alias has a line"
[ "$(printf '%s\n' "$out" | tail -n 1 | cut -d' ' -f1)" = "kmem_cache" ] || fail "oldest cache not last"

[ "$("$NUMACLONE" slabinfo --topology 2x4 --sysfs fs_cache aliases)" = 1 ] || fail "alias lookup"
all=$("$NUMACLONE" slabinfo --topology 2x4 --sysfs task_struct) || fail "--sysfs exited $?"
printf '%s\n' "$all" | grep -q '^remote_node_defrag_ratio: 100$' || fail "defrag ratio"
printf '%s\n' "$all" | grep -q '^alloc_fastpath: ' || fail "stat files"

"$NUMACLONE" slabinfo --help | grep -q '^usage: numaclone slabinfo' || fail "--help"
"$NUMACLONE" slabinfo --topology 2x4 --sysfs nothere 2>/dev/null && fail "unknown cache accepted"
[ $? -eq 1 ] || fail "unknown cache: exit status not 1"
"$NUMACLONE" slabinfo --bogus 2>/dev/null && fail "unknown option accepted"
err=$("$NUMACLONE" slabinfo --topology nonsense 2>&1) && fail "bad topology accepted"
printf '%s\n' "$err" | grep -q nonsense || fail "bad topology message: $err"
exit 0
