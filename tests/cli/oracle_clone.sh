#!/usr/bin/env bash
# The kernel as oracle for clone(): every legacy flag and pair of flags,
# the pre-check combinations, exit signals, a pid namespace's init
# (tests/oracle/clone_flags.c) under real `strace -f`, replayed with --check.
exec bash tests/oracle/run.sh clone_flags 1500 clone wait4 exit exit_group getpid getppid
