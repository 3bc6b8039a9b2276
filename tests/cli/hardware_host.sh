#!/usr/bin/env bash
# numaclone hardware --topology host must print what the real numactl
# --hardware prints on this machine, byte for byte, but for the "free:"
# figures (which change by the moment).
set -u
command -v numactl >/dev/null || { echo "numactl is not installed"; exit 77; }
real=$(numactl --hardware) || { echo "numactl --hardware failed here"; exit 77; }
ours=$("$NUMACLONE" hardware --topology host) || exit 1
strip() { sed 's/^\(node [0-9]* free:\) [0-9]* MB$/\1 X MB/'; }
diff -u <(strip <<<"$real") <(strip <<<"$ours")
