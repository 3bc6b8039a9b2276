// SPDX-License-Identifier: GPL-2.0-only
/*
 * The scheduler's system calls as v6.12 takes them (kernel/sched/syscalls.c):
 * affinity (user mask copy rules, check order and errno), getcpu(2)
 * (kernel/sys.c), nice values and policies (sched_setscheduler() and its
 * kin: the permission rules with RLIMIT_NICE, RLIMIT_RTPRIO and
 * CAP_SYS_NICE, the queue's sums following a queued task's weight).
 * Left out: security hooks, cpusets other than the root one, PI boosting,
 * SCHED_DEADLINE bandwidth admission (-EBUSY never comes), utilization
 * clamps (no CONFIG_UCLAMP_TASK, as on this project's host: -EOPNOTSUPP),
 * RT group scheduling, sched_ext.
 */
#include <errno.h>
#include <string.h>

#include "arch/param.h"
#include "kernel/cred.h"
#include "kernel/pid.h"
#include "kernel/sched/core.h"
#include "kernel/sched/prio.h"
#include "kernel/sched/syscalls.h"
#include "kernel/signal.h"
#include "mm/page_alloc.h"
#include "mm/uaccess.h"
#include "mm/usercopy.h"
#include "uapi/linux/sched/types.h"

/* models include/linux/cpumask.h:cpumask_size(): the bytes, in longs, of
 * large_cpumask_bits, which is NR_CPUS up to 4 longs of bits (a kernel
 * built for 256 CPUs, as this host's 6.18) and nr_cpu_ids above (Debian's
 * 6.12, NR_CPUS 8192 with CPUMASK_OFFSTACK) */
static unsigned int cpumask_size(const struct nc_machine *m)
{
	unsigned int nr_cpus = m->topo->config_nr_cpus;

	return BITS_TO_LONGS(nr_cpus <= 4 * BITS_PER_LONG ? nr_cpus : m->sched->nr_cpu_ids) *
	       sizeof(long);
}

/* models kernel/sched/syscalls.c:find_process_by_pid(): 0 is the caller,
 * other pids as the caller's namespace numbers them */
static struct task_struct *find_process_by_pid(struct nc_machine *m, pid_t pid)
{
	if (!pid)
		return nc_current(m);
	return pid > 0 ? pid_task(find_pid_ns(pid, m->init_pid_ns), PIDTYPE_PID) : NULL;
}

/* models kernel/sched/syscalls.c: sched_setaffinity(2) with get_user_cpu_mask(),
 * sched_setaffinity() and __sched_setaffinity() */
long kernel_sched_setaffinity(struct nc_machine *m, pid_t pid, unsigned int len,
			      unsigned long user_mask_ptr)
{
	unsigned int size = cpumask_size(m);
	struct task_struct *p;
	cpumask_t mask;

	/* get_user_cpu_mask(): a short mask is zero-extended, a long one cut */
	memset(&mask, 0, sizeof(mask));
	if (len > size)
		len = size;
	if (copy_from_user(m, mask.bits, user_mask_ptr, len))
		return -EFAULT;
	p = find_process_by_pid(m, pid);
	if (!p)
		return -ESRCH;
	if (p->flags & PF_NO_SETAFFINITY)
		return -EINVAL;
	/* __sched_setaffinity(): within the (root) cpuset's CPUs */
	bitmap_and(mask.bits, mask.bits, m->sched->cpu_map, m->sched->nr_cpu_ids);
	return __set_cpus_allowed_ptr(m, p, &mask);
}

/* models kernel/sched/syscalls.c: sched_getaffinity(2) and sched_getaffinity() */
long kernel_sched_getaffinity(struct nc_machine *m, pid_t pid, unsigned int len,
			      unsigned long user_mask_ptr)
{
	unsigned int size = cpumask_size(m), retlen;
	struct task_struct *p;
	cpumask_t mask;

	if ((unsigned long)len * 8 < m->sched->nr_cpu_ids)
		return -EINVAL;
	if (len & (sizeof(long) - 1))
		return -EINVAL;
	p = find_process_by_pid(m, pid);
	if (!p)
		return -ESRCH;
	memset(&mask, 0, sizeof(mask));
	bitmap_and(mask.bits, p->cpus_mask.bits, m->sched->cpu_map, m->sched->nr_cpu_ids);
	retlen = len < size ? len : size;
	if (copy_to_user(m, user_mask_ptr, mask.bits, retlen))
		return -EFAULT;
	return retlen;
}

/* models kernel/sys.c: getcpu(2) */
long kernel_getcpu(struct nc_machine *m, unsigned long cpup, unsigned long nodep,
		   unsigned long unused)
{
	unsigned int cpu = smp_processor_id(m);
	unsigned int node = (unsigned int)cpu_to_node(m->topo, cpu);
	unsigned long err = 0;

	(void)unused;
	if (cpup)
		err |= copy_to_user(m, cpup, &cpu, sizeof(cpu));
	if (nodep)
		err |= copy_to_user(m, nodep, &node, sizeof(node));
	return err ? -EFAULT : 0;
}


/* models kernel/sched/syscalls.c:__normal_prio() */
static int __normal_prio(unsigned int policy, unsigned int rt_prio, int nice)
{
	if (dl_policy(policy))
		return MAX_DL_PRIO - 1;
	if (rt_policy(policy))
		return MAX_RT_PRIO - 1 - (int)rt_prio;
	return NICE_TO_PRIO(nice);
}

/* models kernel/sched/syscalls.c:normal_prio() */
static int normal_prio(const struct task_struct *p)
{
	return __normal_prio(p->policy, p->rt_priority, task_nice(p));
}

/* models kernel/sched/syscalls.c:effective_prio(): a task at an RT or DL
 * priority keeps it */
static int effective_prio(struct task_struct *p)
{
	p->normal_prio = normal_prio(p);
	return rt_or_dl_prio(p->prio) ? p->prio : p->normal_prio;
}

void set_user_nice(struct task_struct *p, long nice)
{
	if (task_nice(p) == nice || nice < MIN_NICE || nice > MAX_NICE)
		return;
	/* an RT or DL task keeps the value for when it is fair again */
	if (rt_policy(p->policy) || dl_policy(p->policy)) {
		p->static_prio = NICE_TO_PRIO((int)nice);
		return;
	}
	nc_sched_dequeue_save(p);
	p->static_prio = NICE_TO_PRIO((int)nice);
	set_load_weight(p);
	p->prio = effective_prio(p);
	nc_sched_enqueue_restore(p);
}

/* models kernel/sched/syscalls.c:is_nice_reduction(): within RLIMIT_NICE */
static bool is_nice_reduction(const struct task_struct *p, int nice)
{
	return (unsigned long)nice_to_rlimit(nice) <= task_rlimit(p, RLIMIT_NICE);
}

bool can_nice(struct nc_machine *m, const struct task_struct *p, int nice)
{
	return is_nice_reduction(p, nice) || capable(m, CAP_SYS_NICE);
}

/* models kernel/sched/syscalls.c:check_same_owner(): current's euid is p's uid or euid */
static bool check_same_owner(struct nc_machine *m, const struct task_struct *p)
{
	const struct cred *cred = nc_current(m)->cred, *pcred = p->cred;

	return cred->euid == pcred->euid || cred->euid == pcred->uid;
}

#define SETPARAM_POLICY ((unsigned int)-1)   /* sched_setparam(): keep the policy */
#define SCHED_FLAG_SUGOV 0x10000000          /* kernel-internal: schedutil's DL task */
#define SCHED_DL_FLAGS (SCHED_FLAG_RECLAIM | SCHED_FLAG_DL_OVERRUN | SCHED_FLAG_SUGOV)
#define DL_SCALE 10
#define NSEC_PER_USEC 1000ULL
#define SCHED_DL_PERIOD_MIN 100ULL           /* us: sysctl_sched_dl_period_min */
#define SCHED_DL_PERIOD_MAX (1ULL << 22)     /* us: sysctl_sched_dl_period_max, ~4 s */

/* models kernel/sched/deadline.c:__checkparam_dl(): 0 < runtime <= deadline
 * <= period (0: the deadline), the period within the sysctl bounds */
static bool __checkparam_dl(const struct sched_attr *attr)
{
	uint64_t period = attr->sched_period ? attr->sched_period : attr->sched_deadline;

	if (attr->sched_flags & SCHED_FLAG_SUGOV)
		return true;
	if (!attr->sched_deadline || attr->sched_runtime < (1ULL << DL_SCALE))
		return false;
	if ((attr->sched_deadline | attr->sched_period) & (1ULL << 63))
		return false;
	if (period < attr->sched_deadline || attr->sched_deadline < attr->sched_runtime)
		return false;
	return period >= SCHED_DL_PERIOD_MIN * NSEC_PER_USEC &&
	       period <= SCHED_DL_PERIOD_MAX * NSEC_PER_USEC;
}

/* se.slice as sched_getattr() reports it: the custom one or the default */
static uint64_t se_slice(const struct nc_machine *m, const struct task_struct *p)
{
	return p->se_custom_slice ? p->se_slice : sysctl_sched_base_slice(m);
}

/* models kernel/sched/syscalls.c:__setscheduler_params() with
 * deadline.c:__setparam_dl() */
static void __setscheduler_params(struct task_struct *p, const struct sched_attr *attr)
{
	unsigned int policy = attr->sched_policy;

	if (policy == SETPARAM_POLICY)
		policy = p->policy;
	p->policy = policy;
	if (dl_policy(policy)) {
		p->dl_runtime = attr->sched_runtime;
		p->dl_deadline = attr->sched_deadline;
		p->dl_period = attr->sched_period ? attr->sched_period : attr->sched_deadline;
		p->dl_flags = (unsigned int)(attr->sched_flags & SCHED_DL_FLAGS);
	} else if (fair_policy(policy)) {
		p->static_prio = NICE_TO_PRIO(attr->sched_nice);
		/* a custom slice, between 0.1 ms and 100 ms */
		p->se_custom_slice = attr->sched_runtime != 0;
		p->se_slice = attr->sched_runtime < 100000 ? 100000
			    : attr->sched_runtime > 100000000 ? 100000000 : attr->sched_runtime;
	}
	p->rt_priority = attr->sched_priority;
	p->normal_prio = normal_prio(p);
	set_load_weight(p);
}

/* models kernel/sched/syscalls.c:user_check_sched_setscheduler(): what an
 * unprivileged caller may do; else it needs CAP_SYS_NICE */
static int user_check_sched_setscheduler(struct nc_machine *m, struct task_struct *p,
					 const struct sched_attr *attr, unsigned int policy,
					 bool reset_on_fork)
{
	bool priv = false;

	if (fair_policy(policy) && attr->sched_nice < task_nice(p) &&
	    !is_nice_reduction(p, attr->sched_nice))
		priv = true;
	if (!priv && rt_policy(policy)) {
		unsigned long rlim_rtprio = task_rlimit(p, RLIMIT_RTPRIO);

		if ((policy != p->policy && !rlim_rtprio) ||
		    (attr->sched_priority > p->rt_priority && attr->sched_priority > rlim_rtprio))
			priv = true;
	}
	/* SCHED_IDLE counts as nice 20: leaving it is a nice reduction */
	if (!priv && (dl_policy(policy) ||
		      (idle_policy(p->policy) && !idle_policy(policy) &&
		       !is_nice_reduction(p, task_nice(p))) ||
		      !check_same_owner(m, p) || (p->sched_reset_on_fork && !reset_on_fork)))
		priv = true;
	return priv && !capable(m, CAP_SYS_NICE) ? -EPERM : 0;
}

/* models kernel/sched/syscalls.c:__sched_setscheduler() for a user call */
static int __sched_setscheduler(struct nc_machine *m, struct task_struct *p,
				const struct sched_attr *attr)
{
	unsigned int policy = attr->sched_policy;
	bool reset_on_fork;
	int retval, newprio;

	if (policy == SETPARAM_POLICY) {
		reset_on_fork = p->sched_reset_on_fork;
		policy = p->policy;
	} else {
		reset_on_fork = attr->sched_flags & SCHED_FLAG_RESET_ON_FORK;
		if (!valid_policy(policy))
			return -EINVAL;
	}
	if (attr->sched_flags & ~(uint64_t)(SCHED_FLAG_ALL | SCHED_FLAG_SUGOV))
		return -EINVAL;
	/* 1..99 for FIFO and RR, 0 for the others */
	if (attr->sched_priority > MAX_RT_PRIO - 1)
		return -EINVAL;
	if ((dl_policy(policy) && !__checkparam_dl(attr)) ||
	    rt_policy(policy) != (attr->sched_priority != 0))
		return -EINVAL;
	retval = user_check_sched_setscheduler(m, p, attr, policy, reset_on_fork);
	if (retval)
		return retval;
	if (attr->sched_flags & SCHED_FLAG_SUGOV)
		return -EINVAL;
	if (attr->sched_flags & SCHED_FLAG_UTIL_CLAMP)
		return -EOPNOTSUPP;              /* uclamp_validate() without UCLAMP_TASK */
	/* nothing changes: only the reset-on-fork flag is kept */
	if (policy == p->policy &&
	    !(fair_policy(policy) && (attr->sched_nice != task_nice(p) ||
				      attr->sched_runtime != se_slice(m, p))) &&
	    !(rt_policy(policy) && attr->sched_priority != p->rt_priority) &&
	    !(dl_policy(policy) && (attr->sched_runtime != p->dl_runtime ||
				    attr->sched_deadline != p->dl_deadline ||
				    attr->sched_period != p->dl_period ||
				    (attr->sched_flags & SCHED_DL_FLAGS) != p->dl_flags))) {
		p->sched_reset_on_fork = reset_on_fork;
		return 0;
	}
	/* a deadline task must be allowed every CPU of its root domain */
	if (dl_policy(policy) &&
	    !bitmap_subset(m->sched->cpu_map, p->cpus_mask.bits, m->sched->nr_cpu_ids))
		return -EPERM;
	p->sched_reset_on_fork = reset_on_fork;
	newprio = __normal_prio(policy, attr->sched_priority, attr->sched_nice);
	nc_sched_dequeue_save(p);
	if (!(attr->sched_flags & SCHED_FLAG_KEEP_PARAMS)) {
		__setscheduler_params(p, attr);
		p->prio = newprio;
	}
	nc_sched_enqueue_restore(p);
	return 0;
}

/* models kernel/sched/syscalls.c:do_sched_setscheduler() with
 * _sched_setscheduler(): the legacy calls, nice and slice kept */
static long do_sched_setscheduler(struct nc_machine *m, pid_t pid, unsigned int policy,
				  unsigned long param)
{
	struct sched_attr attr = { .sched_policy = policy };
	struct task_struct *p;
	int prio;

	if (!param || pid < 0)
		return -EINVAL;
	if (copy_from_user(m, &prio, param, sizeof(prio)))
		return -EFAULT;
	p = find_process_by_pid(m, pid);
	if (!p)
		return -ESRCH;
	attr.sched_priority = (unsigned int)prio;
	attr.sched_nice = task_nice(p);
	if (p->se_custom_slice)
		attr.sched_runtime = p->se_slice;
	if (policy != SETPARAM_POLICY && (policy & SCHED_RESET_ON_FORK)) {
		attr.sched_flags |= SCHED_FLAG_RESET_ON_FORK;
		attr.sched_policy = policy & ~SCHED_RESET_ON_FORK;
	}
	return __sched_setscheduler(m, p, &attr);
}

long kernel_sched_setscheduler(struct nc_machine *m, pid_t pid, int policy, unsigned long param)
{
	if (policy < 0)
		return -EINVAL;
	return do_sched_setscheduler(m, pid, (unsigned int)policy, param);
}

long kernel_sched_setparam(struct nc_machine *m, pid_t pid, unsigned long param)
{
	return do_sched_setscheduler(m, pid, SETPARAM_POLICY, param);
}

/* models kernel/sched/syscalls.c:sched_copy_attr(): size 0 is the first
 * version's 48; a size out of range or nonzero bytes past what the model
 * knows are -E2BIG, with the kernel's size written back */
static int sched_copy_attr(struct nc_machine *m, unsigned long uattr, struct sched_attr *attr)
{
	uint32_t size, ksize = sizeof(*attr);
	int ret;

	memset(attr, 0, sizeof(*attr));
	if (copy_from_user(m, &size, uattr, sizeof(size)))
		return -EFAULT;
	if (!size)
		size = SCHED_ATTR_SIZE_VER0;
	if (size < SCHED_ATTR_SIZE_VER0 || size > PAGE_SIZE)
		goto err_size;
	ret = copy_struct_from_user(m, attr, sizeof(*attr), uattr, size);
	if (ret == -E2BIG)
		goto err_size;
	if (ret)
		return ret;
	if ((attr->sched_flags & SCHED_FLAG_UTIL_CLAMP) && size < SCHED_ATTR_SIZE_VER1)
		return -EINVAL;
	attr->sched_nice = attr->sched_nice < MIN_NICE ? MIN_NICE
			 : attr->sched_nice > MAX_NICE ? MAX_NICE : attr->sched_nice;
	return 0;
err_size:
	copy_to_user(m, uattr, &ksize, sizeof(ksize));
	return -E2BIG;
}

/* models kernel/sched/syscalls.c:get_params() */
static void get_params(const struct nc_machine *m, const struct task_struct *p,
		       struct sched_attr *attr)
{
	if (dl_policy(p->policy)) {
		attr->sched_priority = p->rt_priority;
		attr->sched_runtime = p->dl_runtime;
		attr->sched_deadline = p->dl_deadline;
		attr->sched_period = p->dl_period;
		attr->sched_flags |= p->dl_flags;
	} else if (rt_policy(p->policy)) {
		attr->sched_priority = p->rt_priority;
	} else {
		attr->sched_nice = task_nice(p);
		attr->sched_runtime = se_slice(m, p);
	}
}

long kernel_sched_setattr(struct nc_machine *m, pid_t pid, unsigned long uattr,
			  unsigned int flags)
{
	struct sched_attr attr;
	struct task_struct *p;
	int retval;

	if (!uattr || pid < 0 || flags)
		return -EINVAL;
	retval = sched_copy_attr(m, uattr, &attr);
	if (retval)
		return retval;
	if ((int)attr.sched_policy < 0)
		return -EINVAL;
	if (attr.sched_flags & SCHED_FLAG_KEEP_POLICY)
		attr.sched_policy = SETPARAM_POLICY;
	p = find_process_by_pid(m, pid);
	if (!p)
		return -ESRCH;
	if (attr.sched_flags & SCHED_FLAG_KEEP_PARAMS)
		get_params(m, p, &attr);
	return __sched_setscheduler(m, p, &attr);
}

long kernel_sched_getscheduler(struct nc_machine *m, pid_t pid)
{
	struct task_struct *p;

	if (pid < 0)
		return -EINVAL;
	p = find_process_by_pid(m, pid);
	if (!p)
		return -ESRCH;
	return p->policy | (p->sched_reset_on_fork ? SCHED_RESET_ON_FORK : 0);
}

long kernel_sched_getparam(struct nc_machine *m, pid_t pid, unsigned long param)
{
	struct task_struct *p;
	int prio = 0;

	if (!param || pid < 0)
		return -EINVAL;
	p = find_process_by_pid(m, pid);
	if (!p)
		return -ESRCH;
	if (rt_policy(p->policy))
		prio = (int)p->rt_priority;
	return copy_to_user(m, param, &prio, sizeof(prio)) ? -EFAULT : 0;
}

long kernel_sched_getattr(struct nc_machine *m, pid_t pid, unsigned long uattr,
			  unsigned int usize, unsigned int flags)
{
	struct sched_attr kattr = { 0 };
	struct task_struct *p;

	if (!uattr || pid < 0 || usize > PAGE_SIZE || usize < SCHED_ATTR_SIZE_VER0 || flags)
		return -EINVAL;
	p = find_process_by_pid(m, pid);
	if (!p)
		return -ESRCH;
	kattr.sched_policy = p->policy;
	if (p->sched_reset_on_fork)
		kattr.sched_flags |= SCHED_FLAG_RESET_ON_FORK;
	get_params(m, p, &kattr);
	kattr.sched_flags &= SCHED_FLAG_ALL;
	/* sched_attr_copy_to_user(): as much as both sides know */
	kattr.size = usize < sizeof(kattr) ? usize : (uint32_t)sizeof(kattr);
	return copy_to_user(m, uattr, &kattr, kattr.size) ? -EFAULT : 0;
}

long kernel_sched_get_priority_max(int policy)
{
	if (policy == SCHED_FIFO || policy == SCHED_RR)
		return MAX_RT_PRIO - 1;
	return policy == SCHED_DEADLINE || policy == SCHED_NORMAL || policy == SCHED_BATCH ||
	       policy == SCHED_IDLE || policy == SCHED_EXT ? 0 : -EINVAL;
}

long kernel_sched_get_priority_min(int policy)
{
	if (policy == SCHED_FIFO || policy == SCHED_RR)
		return 1;
	return kernel_sched_get_priority_max(policy);
}

#define RR_TIMESLICE (100 * HZ / 1000)           /* 100 ms in jiffies */

long kernel_sched_rr_get_interval(struct nc_machine *m, pid_t pid, unsigned long interval)
{
	struct task_struct *p;
	unsigned long long ns = 0;
	int64_t ts[2];

	if (pid < 0)
		return -EINVAL;
	p = find_process_by_pid(m, pid);
	if (!p)
		return -ESRCH;
	/* get_rr_interval: RR's time slice; a fair task's slice in whole
	 * jiffies if its queue has load; FIFO and DL have none */
	if (p->policy == SCHED_RR)
		ns = RR_TIMESLICE * (1000000000ULL / HZ);
	else if (!rt_policy(p->policy) && !dl_policy(p->policy) && cpu_rq(m, p->cpu)->load)
		ns = se_slice(m, p) / (1000000000ULL / HZ) * (1000000000ULL / HZ);
	ts[0] = (int64_t)(ns / 1000000000ULL);
	ts[1] = (int64_t)(ns % 1000000000ULL);
	return copy_to_user(m, interval, ts, sizeof(ts)) ? -EFAULT : 0;
}
