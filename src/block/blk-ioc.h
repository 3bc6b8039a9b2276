/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A task's I/O context (block/blk-ioc.c, include/linux/iocontext.h): made
 * the first time ioprio_set() gives the task a priority (the model has no
 * block I/O, which would make one too), shared by CLONE_IO children,
 * copied to other children only if its priority is set. The per-queue
 * io_cq list is left out.
 */
#ifndef NC_BLOCK_BLK_IOC_H
#define NC_BLOCK_BLK_IOC_H

#include <stdint.h>

#include "arch/machine.h"
#include "arch/task.h"

/* models include/linux/iocontext.h:struct io_context */
struct io_context {
	long refcount;                /* one for all its tasks, one per get */
	int active_ref;               /* tasks using it */
	unsigned short ioprio;
};

/* models block/blk-ioc.c:put_io_context() */
void put_io_context(struct nc_machine *m, struct io_context *ioc);
/* models block/blk-ioc.c:exit_io_context(): task drops its context */
void exit_io_context(struct nc_machine *m, struct task_struct *task);
/* models include/linux/iocontext.h:copy_io() with block/blk-ioc.c:__copy_io():
 * 0 or -ENOMEM */
int copy_io(struct nc_machine *m, uint64_t clone_flags, struct task_struct *tsk);
/* models block/blk-ioc.c:set_task_ioprio(): 0, -EPERM or -ENOMEM */
int set_task_ioprio(struct nc_machine *m, struct task_struct *task, int ioprio);

#endif
