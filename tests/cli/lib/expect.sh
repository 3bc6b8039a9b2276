# Sourced by CLI tests: expect MESSAGE COMMAND ARGS... runs numaclone and
# checks it exits 1, prints nothing on stdout and exactly
# "numaclone: MESSAGE" on stderr; a mismatch is printed and sets fail=1.
# Needs $t (a scratch directory) and $fail.
expect() {
	local want=$1; shift
	"$NUMACLONE" "$@" >"$t/out" 2>"$t/err"; local st=$?
	if [ $st -ne 1 ] || [ -s "$t/out" ] || [ "$(cat "$t/err")" != "numaclone: $want" ]; then
		echo "FAIL: $* (exit $st)"; echo " want: numaclone: $want"
		echo " got:  $(cat "$t/err")"; fail=1
	fi
}
