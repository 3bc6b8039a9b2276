/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Priorities as include/linux/sched/prio.h and kernel/sched/sched.h number
 * them: 0-99 real time (lower is higher), 100-139 nice -20..19, and the
 * policy tests the scheduler makes of them.
 */
#ifndef NC_KERNEL_SCHED_PRIO_H
#define NC_KERNEL_SCHED_PRIO_H

#include <stdbool.h>

#include "arch/task.h"
#include "uapi/linux/sched.h"

#define MAX_NICE	19
#define MIN_NICE	-20
#define NICE_WIDTH	(MAX_NICE - MIN_NICE + 1)
#define MAX_RT_PRIO	100
#define MAX_DL_PRIO	0
#define MAX_PRIO	(MAX_RT_PRIO + NICE_WIDTH)
#define DEFAULT_PRIO	(MAX_RT_PRIO + NICE_WIDTH / 2)
#define NICE_TO_PRIO(nice)	((nice) + DEFAULT_PRIO)
#define PRIO_TO_NICE(prio)	((prio) - DEFAULT_PRIO)

/* models include/linux/sched/prio.h:nice_to_rlimit(): nice 19..-20 as 1..40 */
static inline long nice_to_rlimit(long nice)
{
	return MAX_NICE - nice + 1;
}

/* models include/linux/sched.h:task_nice() */
static inline int task_nice(const struct task_struct *p)
{
	return PRIO_TO_NICE(p->static_prio);
}

/* kernel/sched/sched.h's policy tests; SCHED_EXT counts as invalid, as
 * without CONFIG_SCHED_CLASS_EXT (this project's host refuses it too) */
static inline bool idle_policy(unsigned int policy)
{
	return policy == SCHED_IDLE;
}

static inline bool fair_policy(unsigned int policy)
{
	return policy == SCHED_NORMAL || policy == SCHED_BATCH;
}

static inline bool rt_policy(unsigned int policy)
{
	return policy == SCHED_FIFO || policy == SCHED_RR;
}

static inline bool dl_policy(unsigned int policy)
{
	return policy == SCHED_DEADLINE;
}

static inline bool valid_policy(unsigned int policy)
{
	return idle_policy(policy) || fair_policy(policy) || rt_policy(policy) ||
	       dl_policy(policy);
}

/* models include/linux/sched/rt.h:rt_prio() and rt_or_dl_prio() (deadline
 * tasks have prio -1) */
static inline bool rt_prio(int prio)
{
	return prio >= 0 && prio < MAX_RT_PRIO;
}

static inline bool rt_or_dl_prio(int prio)
{
	return prio < MAX_RT_PRIO;
}

static inline bool dl_prio(int prio)
{
	return prio < MAX_DL_PRIO;
}

/* models include/linux/sched/rt.h:rt_or_dl_task(): not the fair class */
static inline bool rt_or_dl_task(const struct task_struct *p)
{
	return rt_or_dl_prio(p->prio);
}

#endif
