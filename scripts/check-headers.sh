#!/usr/bin/env bash
# Every header must compile on its own (include-what-you-use): each is
# included alone into an empty translation unit with the project's warnings.
set -uo pipefail
cd "$(dirname "$0")/.."
cc=${CC:-gcc} fail=0 n=0
for h in $(find include src -name '*.h' | sort); do
	n=$((n + 1))
	inc=${h#include/}; inc=${inc#src/}
	if ! echo "#include \"$inc\"" | $cc -std=gnu11 -Wall -Wextra -Werror -Wshadow \
		-Wstrict-prototypes -Wmissing-prototypes -Iinclude -Isrc -fsyntax-only -x c - 2>/tmp/hdr.$$; then
		echo "--- FAIL header $h"; cat /tmp/hdr.$$; fail=$((fail + 1))
	fi
done
rm -f /tmp/hdr.$$
echo "suite headers: $((n - fail)) passed, $fail failed, 0 skipped"
