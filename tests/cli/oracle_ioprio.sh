#!/usr/bin/env bash
# The kernel as oracle for ioprio_set()/ioprio_get() and the io_context a
# child inherits with and without CLONE_IO (tests/oracle/ioprio.c) under
# real `strace -f`, replayed with --check.
exec bash tests/oracle/run.sh ioprio 60 ioprio_set ioprio_get clone wait4
