#!/usr/bin/env bash
# numaclone kmem-geometry: worked examples (by hand from v6.12's
# calculate_sizes()/calculate_order()), agreement with the host kernel's
# /sys/kernel/slab for its own caches, and usage errors.
set -u
fail() { echo "FAIL: $*"; exit 1; }

# 64 present CPUs: min_objects 4*(fls(64)+1) = 32.
#  256 HWCACHE: align 64; 32*256 = 8 KiB -> order 1, 32 objects.
#  5952 align 64: at most 32768/5952 = 5 objects; order 3 wastes 2992,
#   over 1/16 but within 1/8 -> order 3, 5.
#  2080 HWCACHE|RCU|ctor: pointer after the object, 2088 -> 2112; 15 fit
#   in order 3 (1088 wasted, within 1/16) -> order 3, 15.
#  100 POISON: 104 + pointer -> 112; 32*112 = 3584 -> order 0, 36.
out=$("$NUMACLONE" kmem-geometry --cpus 64 256:0:SLAB_HWCACHE_ALIGN 5952:64 \
	'2080:0:SLAB_HWCACHE_ALIGN|SLAB_TYPESAFE_BY_RCU|ctor' 100:0:SLAB_POISON) ||
	fail "exited $?"
want=$'256 256 64 1 32\n5952 5952 64 3 5\n2080 2112 64 3 15\n100 112 8 0 36'
[ "$out" = "$want" ] || fail "worked examples: got
$out"

# 1 CPU: nr_cpu_ids (1) too -> min_objects 8; 8*256 = 2 KiB -> order 0, 16
[ "$("$NUMACLONE" kmem-geometry --cpus 1 256:0:SLAB_HWCACHE_ALIGN)" = "256 256 64 0 16" ] ||
	fail "1 CPU"

# The host's own caches, at the host's CPU count (the default)
if [ -r /sys/kernel/slab/task_struct/object_size ]; then
	for c in task_struct kmalloc-192 kmalloc-1k mm_struct; do
		d=/sys/kernel/slab/$c
		[ -d "$d" ] || continue
		flags=
		[ "$(cat "$d/hwcache_align")" = 1 ] && flags=SLAB_HWCACHE_ALIGN
		got=$("$NUMACLONE" kmem-geometry "$(cat "$d/object_size"):$(cat "$d/align"):$flags") ||
			fail "$c: exited $?"
		want="$(cat "$d/object_size") $(cat "$d/slab_size") $(cat "$d/align") $(cat "$d/order") $(cat "$d/objs_per_slab")"
		[ "$got" = "$want" ] || fail "$c: model '$got', host '$want'"
	done
fi

"$NUMACLONE" kmem-geometry --help | grep -q '^usage: numaclone kmem-geometry' || fail "--help"
err=$("$NUMACLONE" kmem-geometry 64:8:SLAB_BOGUS 2>&1) && fail "bad flag accepted"
printf '%s\n' "$err" | grep -q "position 6: unknown flag 'SLAB_BOGUS'" || fail "flag message: $err"
"$NUMACLONE" kmem-geometry --cpus 0 64 2>/dev/null && fail "--cpus 0 accepted"
[ $? -eq 1 ] || fail "--cpus 0: exit status not 1"
"$NUMACLONE" kmem-geometry 2>/dev/null && fail "no SIZE accepted"
"$NUMACLONE" kmem-geometry --bogus 64 2>/dev/null && fail "unknown option accepted"
exit 0
