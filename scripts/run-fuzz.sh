#!/usr/bin/env bash
# Runs each built libFuzzer target for a bounded time from its seed corpus
# (fuzz/corpus/NAME/, checked in). Any crash, leak or sanitizer report fails.
#   run-fuzz.sh SECONDS
set -uo pipefail
secs=${1:-20}
pass=0 fail=0
for f in build/fuzz/fuzz_*; do
	[ -x "$f" ] || continue
	name=$(basename "$f")
	work=$(mktemp -d)
	[ -d "fuzz/corpus/$name" ] && cp -r "fuzz/corpus/$name/." "$work/"
	if "$f" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$work/" \
		"$work" >"$work.log" 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); echo "--- FAIL $name"; tail -n 40 "$work.log"
		ls "$work"/crash-* "$work"/leak-* 2>/dev/null
	fi
	rm -rf "$work" "$work.log"
done
echo "suite fuzz: $pass passed, $fail failed, 0 skipped"
