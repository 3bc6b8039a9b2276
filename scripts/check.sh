#!/usr/bin/env bash
# `make check`: the whole suite, three ways, then a bounded fuzz run.
#   1. gcc build: unit tests (cmocka) and CLI tests (tests/cli/*.sh)
#   2. clang build: warning-clean compile and the same tests
#   3. gcc -fsanitize=address,undefined build: the same tests
#   4. every header compiles on its own
#   5. clang libFuzzer targets, FUZZ_SECONDS each (default 20)
# The last line is "N passed, N failed" over everything.
set -uo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
tally=$(mktemp); trap 'rm -f "$tally"' EXIT
fail_build=0

build() { # label, make args...
	local label=$1; shift
	echo "== build: $label"
	if ! make -s -j"$jobs" "$@" all tests bench; then
		echo "BUILD FAILED: $label"; fail_build=1; return 1
	fi
}

for cfg in "gcc|build|" "clang|build-clang|" "asan|build-asan|address,undefined"; do
	IFS='|' read -r label dir san <<<"$cfg"
	cc=gcc; [ "$label" = clang ] && cc=clang
	if build "$label" CC=$cc BUILD="$dir" SANITIZE="$san"; then
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
			./scripts/run-tests.sh "$label" "$dir" | tee -a "$tally"
	fi
done

echo "== headers"
./scripts/check-headers.sh | tee -a "$tally"

if [ -n "$(ls fuzz/fuzz_*.c 2>/dev/null)" ]; then
	echo "== fuzz"
	if make -s -j"$jobs" fuzz; then
		./scripts/run-fuzz.sh "${FUZZ_SECONDS:-20}" | tee -a "$tally"
	else
		echo "BUILD FAILED: fuzz"; fail_build=1
	fi
fi

count() { awk -v w="$1" '/^suite / {for (i = 2; i <= NF; i++) if ($i == w) n += $(i-1)} END {print n+0}' "$tally"; }
passed=$(count passed,)
failed=$(count failed,)
failed=$((failed + fail_build))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
