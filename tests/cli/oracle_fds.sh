#!/usr/bin/env bash
# The kernel as oracle for the descriptor table: open/close, dup/dup2/dup3,
# fcntl's fd commands, close_range(), pipe2(), socketpair(), the other
# fd-making calls, pidfd_open(), fork/CLONE_FILES/exec (tests/oracle/fds.c)
# under real `strace -f`, replayed with --check; then exhaustion under a
# lowered RLIMIT_NOFILE (tests/oracle/fds_limit.c), once the replay models
# the setrlimit() that lowers it.
bash tests/oracle/run.sh fds 120 close close_range dup dup2 dup3 fcntl openat pipe pipe2 \
	socketpair pidfd_open eventfd2 || exit $?
source tests/oracle/setup.sh
printf 'setrlimit(RLIMIT_NOFILE, {rlim_cur=8, rlim_max=8}) = 0\n' > "$tmp/probe"
if ! "$nc" replay "$tmp/probe" | sed -n '/^not modelled/,$p' | grep -q '^setrlimit '; then
	exec bash tests/oracle/run.sh fds_limit 15 dup openat pipe2 fcntl dup2
fi
echo "left out: fds_limit (setrlimit is not modelled, so the lowered limit cannot reach the model)"
