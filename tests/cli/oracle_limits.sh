#!/usr/bin/env bash
# The kernel as oracle for resource limits, ids, set_tid_address, robust
# lists and rseq (tests/oracle/limits.c): valid and invalid calls in a
# process, a thread, across fork, clone(CLONE_VM), CLONE_NEWUSER and exec,
# under real `strace -f`, replayed with --check; the limits written back
# are compared too.
exec bash tests/oracle/run.sh limits 300 prlimit64 getrlimit setrlimit set_tid_address \
	set_robust_list get_robust_list rseq getuid geteuid getgid getegid getresuid getresgid
