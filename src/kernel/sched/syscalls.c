// SPDX-License-Identifier: GPL-2.0-only
/*
 * The affinity system calls as v6.12 takes them (kernel/sched/syscalls.c):
 * user mask copy rules, check order and errno; and getcpu(2) (kernel/sys.c).
 * Left out: credentials (the CAP_SYS_NICE check passes), security hooks,
 * cpusets other than the root one, SCHED_DEADLINE admission.
 */
#include <errno.h>
#include <string.h>

#include "kernel/pid.h"
#include "kernel/sched/core.h"
#include "kernel/sched/syscalls.h"
#include "mm/uaccess.h"

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

