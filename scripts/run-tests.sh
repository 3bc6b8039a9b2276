#!/usr/bin/env bash
# Runs every unit test binary and CLI test of one build directory.
#   run-tests.sh LABEL BUILD_DIR
# Prints failures in full, then "suite LABEL: N passed, N failed".
# CLI tests (tests/cli/*.sh) get NUMACLONE=<binary>; exit 77 means skipped.
set -uo pipefail
label=$1 dir=$2
pass=0 fail=0 skip=0
log=$(mktemp); trap 'rm -f "$log"' EXIT
for t in "$dir"/tests/test_*; do
	[ -x "$t" ] || continue
	if "$t" >"$log" 2>&1; then st=0; else st=$?; fi
	p=$(sed -n 's/.*\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
	f=$(sed -n 's/.*\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
	if [ "$st" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # crashed or sanitizer abort
	pass=$((pass + p)); fail=$((fail + f))
	if [ "$f" -ne 0 ]; then echo "--- FAIL $t (exit $st)"; cat "$log"; fi
	grep -h '^\[  SKIPPED \]' "$log" | sed "s|^|$(basename "$t"): |" || true
done
for t in tests/cli/*.sh; do
	[ -f "$t" ] || continue
	if NUMACLONE="$dir/numaclone" BUILD="$dir" bash "$t" >"$log" 2>&1; then st=0; else st=$?; fi
	case $st in
	0) pass=$((pass + 1)) ;;
	77) skip=$((skip + 1)); echo "skipped $t: $(tail -n 1 "$log")" ;;
	*) fail=$((fail + 1)); echo "--- FAIL $t (exit $st)"; cat "$log" ;;
	esac
done
echo "suite $label: $pass passed, $fail failed, $skip skipped"
