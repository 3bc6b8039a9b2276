#!/usr/bin/env bash
# The kernel as oracle for nice values and scheduling policies: setpriority,
# getpriority and the sched_* policy calls with valid and invalid arguments,
# as root and without CAP_SYS_NICE (in a new user namespace, RLIMIT_NICE
# and RLIMIT_RTPRIO 0), forks after each change asking what the children
# inherited (tests/oracle/policy.c), under real `strace -f`, replayed with
# --check.
exec bash tests/oracle/run.sh policy 350 setpriority getpriority sched_setscheduler \
	sched_setparam sched_getscheduler sched_getparam sched_setattr sched_getattr \
	sched_get_priority_max sched_get_priority_min sched_rr_get_interval clone wait4 unshare
