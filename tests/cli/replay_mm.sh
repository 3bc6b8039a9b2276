#!/usr/bin/env bash
# Replay of the address-space calls by the user-address rule of
# src/mm/uaccess.c: memory no log line mapped is the process's own (mapped),
# what munmap() removed is unmapped, low and kernel addresses are bad.
set -uo pipefail
nc=${NUMACLONE:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cat > "$tmp/script" <<'LOG'
#! topology 1x2
mprotect(0x20000000, 8192, PROT_READ) = 0
munmap(0x20000000, 4096) = 0
mprotect(0x20000000, 8192, PROT_READ) = -1 ENOMEM (Cannot allocate memory)
madvise(0x20001000, 4096, MADV_DONTNEED) = 0
madvise(0x20000000, 8192, MADV_DONTNEED) = -1 ENOMEM (Cannot allocate memory)
madvise(0x20001000, 4096, 0x63) = -1 EINVAL (Invalid argument)
mprotect(0x1000, 4096, PROT_READ|PROT_WRITE) = -1 ENOMEM (Cannot allocate memory)
mprotect(0x20001001, 4096, PROT_NONE) = -1 EINVAL (Invalid argument)
munmap(0x20001001, 4096) = -1 EINVAL (Invalid argument)
munmap(0x20001000, 0) = -1 EINVAL (Invalid argument)
set_mempolicy(MPOL_BIND, 0x20000000, 2) = -1 EFAULT (Bad address)
set_mempolicy(MPOL_BIND, [0x1], 2) = 0
LOG
"$nc" replay --check "$tmp/script" > "$tmp/out" || { cat "$tmp/out"; fail "replay --check exit $?"; }
last=$(tail -n 1 "$tmp/out")
[ "$last" = "replay: 12 agree, 0 disagree, 0 not modelled" ] || { cat "$tmp/out"; fail "$last"; }
# a disagreement is found: own memory is mapped, so this mprotect succeeds
printf '#! topology 1x2\nmprotect(0x30000000, 4096, PROT_READ) = -1 ENOMEM (Cannot allocate memory)\n' |
	"$nc" replay --check - > "$tmp/out"
[ $? -eq 1 ] || fail "a wrong recorded result is not reported"
exit 0
