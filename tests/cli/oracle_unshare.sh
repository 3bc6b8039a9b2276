#!/usr/bin/env bash
# The kernel as oracle for unshare(): every flag alone and in pairs, as root
# and inside a new user namespace, followed by forks and threads whose
# results depend on it, and what sharing a thread group, an mm or handlers
# forbids (tests/oracle/unshare.c) under real `strace -f`, replayed with --check.
exec bash tests/oracle/run.sh unshare 1000 unshare clone wait4 exit exit_group getpid
