/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * I/O priority system calls (block/ioprio.c): ioprio_set() gives a process,
 * a process group or a user's tasks a priority (their io_context, made on
 * first use), ioprio_get() reads it back.
 */
#ifndef NC_BLOCK_IOPRIO_H
#define NC_BLOCK_IOPRIO_H

#include "arch/machine.h"

/* models block/ioprio.c:ioprio_check_cap(): 0, -EPERM or -EINVAL */
int ioprio_check_cap(struct nc_machine *m, int ioprio);
/* models block/ioprio.c:SYSCALL_DEFINE3(ioprio_set): 0 or -errno */
long kernel_ioprio_set(struct nc_machine *m, int which, int who, int ioprio);
/* models block/ioprio.c:SYSCALL_DEFINE2(ioprio_get): the priority or -errno */
long kernel_ioprio_get(struct nc_machine *m, int which, int who);

#endif
