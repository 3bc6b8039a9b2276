// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models block/blk-ioc.c: io_context objects of the "blkdev_ioc" cache
 * (a boot cache here, mm/slab_common.c), their two counts, the
 * CLONE_IO sharing and priority copy of __copy_io(), and set_task_ioprio().
 * Left out: io_cq lookup and release (no request queues), the LSM hook.
 */
#include <errno.h>

#include "block/blk-ioc.h"
#include "kernel/cred.h"
#include "kernel/fork.h"
#include "mm/slab.h"
#include "mm/slub.h"
#include "uapi/linux/ioprio.h"
#include "uapi/linux/sched.h"


/* models block/blk-ioc.c:iocontext_cachep, made by blk_ioc_init() */
static struct kmem_cache *iocontext_cachep(const struct nc_machine *m)
{
	return m->slab->boot[NC_CACHE_BLKDEV_IOC];
}

/* models block/blk-ioc.c:alloc_io_context(): one task, no priority */
static struct io_context *alloc_io_context(struct nc_machine *m, gfp_t gfp_flags, int node)
{
	struct io_context *ioc = kmem_cache_alloc_node(m, iocontext_cachep(m),
						       gfp_flags | __GFP_ZERO, node);

	if (ioc) {
		ioc->refcount = 1;
		ioc->active_ref = 1;
	}
	return ioc;
}

void put_io_context(struct nc_machine *m, struct io_context *ioc)
{
	if (!--ioc->refcount)
		kmem_cache_free(m, iocontext_cachep(m), ioc);
}

void exit_io_context(struct nc_machine *m, struct task_struct *task)
{
	struct io_context *ioc = task->io_context;

	task->io_context = NULL;
	/* put_io_context_active(): the last task drops the tasks' reference */
	if (!--ioc->active_ref)
		put_io_context(m, ioc);
}

/* models include/linux/ioprio.h:ioprio_valid(): RT, BE or IDLE */
static bool ioprio_valid(unsigned short ioprio)
{
	unsigned short class = IOPRIO_PRIO_CLASS(ioprio);

	return class > IOPRIO_CLASS_NONE && class <= IOPRIO_CLASS_IDLE;
}

int copy_io(struct nc_machine *m, uint64_t clone_flags, struct task_struct *tsk)
{
	struct io_context *ioc = nc_current(m)->io_context;

	if (!ioc)
		return 0;
	if (clone_flags & CLONE_IO) {
		ioc->active_ref++;
		tsk->io_context = ioc;
	} else if (ioprio_valid(ioc->ioprio)) {
		tsk->io_context = alloc_io_context(m, GFP_KERNEL, NUMA_NO_NODE);
		if (!tsk->io_context)
			return -ENOMEM;
		tsk->io_context->ioprio = ioc->ioprio;
	}
	return 0;
}

int set_task_ioprio(struct nc_machine *m, struct task_struct *task, int ioprio)
{
	const struct cred *cred = nc_current(m)->cred, *tcred = task->cred;

	if (tcred->uid != cred->euid && tcred->uid != cred->uid && !capable(m, CAP_SYS_NICE))
		return -EPERM;
	if (!task->io_context) {
		struct io_context *ioc = alloc_io_context(m, GFP_ATOMIC, NUMA_NO_NODE);

		if (!ioc)
			return -ENOMEM;
		/* an exiting task gets none */
		if (task->flags & PF_EXITING) {
			kmem_cache_free(m, iocontext_cachep(m), ioc);
			return 0;
		}
		task->io_context = ioc;
	}
	task->io_context->ioprio = (unsigned short)ioprio;
	return 0;
}
