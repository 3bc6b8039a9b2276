#!/usr/bin/env bash
# numaclone sched-domains: output for a 2-node machine worked by hand (one
# package per node, SLIT 10/20: PKG and NODE equal MC and are removed; the
# NUMA level at 20 <= RECLAIM_DISTANCE keeps fork balancing, and loses it
# with --reclaim-distance 15), and the errors of bad options.
set -u
nc=${NUMACLONE:?}
fail() { echo "FAIL: $*"; exit 1; }

out=$("$nc" sched-domains --topology 2x2 --cpu 3 --format dmesg) || fail "dmesg exit"
want='CPU3 attaching sched-domain(s):
 domain-0: span=2-3 level=MC
  groups: 3:{ span=3 }, 2:{ span=2 }
  domain-1: span=0-3 level=NUMA
   groups: 2:{ span=2-3 cap=2048 }, 0:{ span=0-1 cap=2048 }'
[ "$out" = "$want" ] || fail "dmesg output: $out"

out=$("$nc" sched-domains --topology 2x2 --cpu 1 --reclaim-distance 15) || fail "debugfs exit"
want='cpu1/domain0/name:MC
cpu1/domain0/flags:SD_BALANCE_NEWIDLE SD_BALANCE_EXEC SD_BALANCE_FORK SD_WAKE_AFFINE SD_SHARE_LLC SD_PREFER_SIBLING 
cpu1/domain1/name:NUMA
cpu1/domain1/flags:SD_BALANCE_NEWIDLE SD_SERIALIZE SD_OVERLAP SD_NUMA '
[ "$out" = "$want" ] || fail "debugfs output: $out"

[ "$("$nc" sched-domains --topology 2x2 | grep -c '/name:')" = 8 ] || fail "4 CPUs x 2 domains"

for bad in "--cpu 4" "--cpu x" "--cpu -1" "--format xml" "--reclaim-distance 300" "--bogus" "extra" "--cpu"; do
	# shellcheck disable=SC2086
	msg=$("$nc" sched-domains --topology 2x2 $bad 2>&1 >/dev/null)
	[ $? -eq 1 ] || fail "exit status for $bad"
	[[ $msg == "numaclone: "* ]] || fail "no message for $bad: $msg"
done
"$nc" sched-domains --help | grep -q '^usage: numaclone sched-domains' || fail "help"
exit 0
