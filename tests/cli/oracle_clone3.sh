#!/usr/bin/env bash
# The kernel as oracle for clone3(): sizes 0..104 and past a page, trailing
# bytes, an unreadable tail, every flag bit, exit signals, stacks, set_tid
# (nested pid namespaces too), pidfds, the cgroup field
# (tests/oracle/clone3.c) under real `strace -f`, replayed with --check.
exec bash tests/oracle/run.sh clone3 600 clone3 clone wait4 exit exit_group
