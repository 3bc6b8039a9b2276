#!/usr/bin/env bash
# numaclone hardware on every preset (and with no --topology: the default
# 2s4n) against tests/golden/topology/presets/NAME.txt. The goldens leave
# out the "free:" lines, which belong to the page allocator; each was
# checked by hand against the preset's definition in topology_presets.c.
set -u
dir=tests/golden/topology/presets
fail=0
for p in 1n 2s 4n 2s4n 8n; do
	if ! diff -u "$dir/$p.txt" <("$NUMACLONE" hardware --topology "$p" | grep -v '^node [0-9]* free: '); then
		echo "preset $p differs"; fail=1
	fi
done
diff -u "$dir/2s4n.txt" <("$NUMACLONE" hardware | grep -v '^node [0-9]* free: ') || fail=1
# every node's free figure is there, in MB, at most its size
"$NUMACLONE" hardware -t 8n | awk '/ size: /{s[$2]=$4} / free: /{n++; if ($5 != "MB" || $4 > s[$2]) bad=1}
	END {exit (n != 8 || bad)}' || { echo "free lines wrong"; fail=1; }
exit $fail
