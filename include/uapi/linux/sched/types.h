/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct sched_attr of Linux v6.12's UAPI (include/uapi/linux/sched/types.h),
 * the model's own copy: sched_setattr()/sched_getattr() pass it versioned
 * by its size, later fields appended.
 */
#ifndef NC_UAPI_LINUX_SCHED_TYPES_H
#define NC_UAPI_LINUX_SCHED_TYPES_H

#include "uapi/linux/types.h"

#define SCHED_ATTR_SIZE_VER0	48	/* size .. sched_period */
#define SCHED_ATTR_SIZE_VER1	56	/* + sched_util_min, sched_util_max */

struct sched_attr {
	__u32 size;
	__u32 sched_policy;
	__u64 sched_flags;
	__s32 sched_nice;             /* SCHED_NORMAL, SCHED_BATCH */
	__u32 sched_priority;         /* SCHED_FIFO, SCHED_RR */
	__u64 sched_runtime;          /* SCHED_DEADLINE; a fair task's slice */
	__u64 sched_deadline;
	__u64 sched_period;
	__u32 sched_util_min;
	__u32 sched_util_max;
};

#endif
