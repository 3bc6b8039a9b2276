/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Resource limits of Linux v6.12 as user space names them
 * (include/uapi/asm-generic/resource.h, include/uapi/linux/resource.h):
 * the RLIMIT_* numbers, struct rlimit64, the initial sizes and
 * setpriority()'s PRIO_* targets. The model's
 * own copy; glibc's <sys/resource.h> defines the same names, so model code
 * includes only this one.
 */
#ifndef NC_UAPI_LINUX_RESOURCE_H
#define NC_UAPI_LINUX_RESOURCE_H

#include <stdint.h>

/* setpriority()/getpriority()'s which */
#define PRIO_PROCESS      0
#define PRIO_PGRP         1
#define PRIO_USER         2

#define RLIMIT_CPU        0
#define RLIMIT_FSIZE      1
#define RLIMIT_DATA       2
#define RLIMIT_STACK      3
#define RLIMIT_CORE       4
#define RLIMIT_RSS        5
#define RLIMIT_NPROC      6
#define RLIMIT_NOFILE     7
#define RLIMIT_MEMLOCK    8
#define RLIMIT_AS         9
#define RLIMIT_LOCKS      10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE   12
#define RLIMIT_NICE       13
#define RLIMIT_RTPRIO     14
#define RLIMIT_RTTIME     15
#define RLIM_NLIMITS      16

#define RLIM64_INFINITY   (~0ULL)

#define _STK_LIM          (8UL << 20)  /* init's stack soft limit: 8 MiB */
#define MLOCK_LIMIT       (8UL << 20)  /* init's locked-memory limit */

/* prlimit64()'s argument: 64-bit on every architecture */
struct rlimit64 {
	uint64_t rlim_cur;
	uint64_t rlim_max;
};

#endif
