/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Pid namespaces (kernel/pid_namespace.c): creation under CLONE_NEWPID,
 * references, and closing a namespace whose init died.
 */
#ifndef NC_KERNEL_PID_NAMESPACE_H
#define NC_KERNEL_PID_NAMESPACE_H

#include <stdint.h>

#include "arch/machine.h"

#define MAX_PID_NS_LEVEL 32          /* include/linux/pid_namespace.h */

struct pid_namespace;
struct user_namespace;

/* models kernel/pid_namespace.c:copy_pid_ns(): a reference to old_ns, a
 * new child namespace, or ERR_PTR(-EINVAL/-ENOSPC/-ENOMEM) */
struct pid_namespace *copy_pid_ns(struct nc_machine *m, uint64_t flags,
				  struct user_namespace *user_ns,
				  struct pid_namespace *old_ns);
/* models kernel/pid_namespace.c:put_pid_ns() */
void put_pid_ns(struct nc_machine *m, struct pid_namespace *ns);
/* models kernel/pid.c:disable_pid_allocation() */
void disable_pid_allocation(struct pid_namespace *ns);

#endif
