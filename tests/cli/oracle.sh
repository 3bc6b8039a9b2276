#!/usr/bin/env bash
# The kernel as oracle: tests/oracle/oracle.c makes clone/clone3/fork/vfork,
# mempolicy and identity calls with valid and invalid arguments under real
# `strace -f`; `numaclone replay --check` must agree with every result.
exec bash tests/oracle/run.sh oracle 60 clone clone3 fork vfork set_mempolicy get_mempolicy \
	mbind getpid gettid getppid exit_group
