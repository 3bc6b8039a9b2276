#!/usr/bin/env bash
# Installs what numaclone needs on Debian 12, idempotently.
#   scripts/install-deps.sh          build tools only (gcc, make)
#   scripts/install-deps.sh --test   also what `make check` needs
set -euo pipefail
pkgs=(gcc make libc6-dev)
if [ "${1:-}" = "--test" ]; then
	pkgs+=(libcmocka-dev clang libclang-rt-14-dev strace numactl pkg-config jq)
fi
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps: missing packages: ${missing[*]} (run as root to install)" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
