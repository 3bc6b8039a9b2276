// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models kernel/rseq.c's rseq() system call: registration and
 * unregistration of a thread's struct rseq with v6.12's checks, the
 * area's rseq_cs cleared on registration and its ids reset on
 * unregistration. Left out: what the kernel writes to the area on the
 * way back to user space, and aborting critical sections.
 */
#include <errno.h>

#include "kernel/rseq.h"
#include "mm/mmap.h"
#include "mm/uaccess.h"

/* offsets in struct rseq (include/uapi/linux/rseq.h) */
#define RSEQ_CPU_ID_START 0
#define RSEQ_CPU_ID       4
#define RSEQ_CS           8
#define RSEQ_NODE_ID      20
#define RSEQ_MM_CID       24
#define RSEQ_END          28         /* offsetof(struct rseq, end) */
#define RSEQ_CPU_ID_UNINITIALIZED 0xffffffffu

/* models kernel/rseq.c:rseq_reset_rseq_cpu_node_id() */
static int rseq_reset_rseq_cpu_node_id(struct nc_machine *m, unsigned long rseq)
{
	const struct { unsigned int off; uint32_t val; } resets[] = {
		{ RSEQ_CPU_ID_START, 0 }, { RSEQ_CPU_ID, RSEQ_CPU_ID_UNINITIALIZED },
		{ RSEQ_NODE_ID, 0 }, { RSEQ_MM_CID, 0 },
	};

	for (unsigned int i = 0; i < sizeof(resets) / sizeof(resets[0]); i++)
		if (copy_to_user(m, rseq + resets[i].off, &resets[i].val, sizeof(uint32_t)))
			return -EFAULT;
	return 0;
}

static bool aligned(unsigned long addr)
{
	return !(addr & (ORIG_RSEQ_SIZE - 1));
}

long kernel_rseq(struct nc_machine *m, unsigned long rseq, uint32_t rseq_len, int flags,
		 uint32_t sig)
{
	struct task_struct *current = nc_current(m);
	uint64_t rseq_cs, zero = 0;
	int ret;

	if (flags & RSEQ_FLAG_UNREGISTER) {
		if (flags & ~RSEQ_FLAG_UNREGISTER)
			return -EINVAL;
		if (current->rseq != rseq || !current->rseq)
			return -EINVAL;
		if (rseq_len != current->rseq_len)
			return -EINVAL;
		if (current->rseq_sig != sig)
			return -EPERM;
		ret = rseq_reset_rseq_cpu_node_id(m, rseq);
		if (ret)
			return ret;
		current->rseq = 0;
		current->rseq_len = current->rseq_sig = 0;
		return 0;
	}
	if (flags)
		return -EINVAL;
	if (current->rseq) {
		/* registered: the same area again is busy, another is invalid */
		if (current->rseq != rseq || rseq_len != current->rseq_len)
			return -EINVAL;
		if (current->rseq_sig != sig)
			return -EPERM;
		return -EBUSY;
	}
	/* the original size aligned to itself, or a larger one (holding
	 * every field) aligned as struct rseq is: to 32 bytes as well */
	if (rseq_len < ORIG_RSEQ_SIZE || !aligned(rseq) ||
	    (rseq_len != ORIG_RSEQ_SIZE && rseq_len < RSEQ_END))
		return -EINVAL;
	if (rseq + rseq_len < rseq || rseq + rseq_len > TASK_SIZE_MAX - 1)
		return -EFAULT;                 /* access_ok() */
	if (copy_from_user(m, &rseq_cs, rseq + RSEQ_CS, sizeof(rseq_cs)))
		return -EFAULT;
	if (rseq_cs && copy_to_user(m, rseq + RSEQ_CS, &zero, sizeof(zero)))
		return -EFAULT;
	current->rseq = rseq;
	current->rseq_len = rseq_len;
	current->rseq_sig = sig;
	return 0;
}
