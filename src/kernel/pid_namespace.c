// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models kernel/pid_namespace.c: a new pid namespace one level below its
 * parent (owner and depth checks), references, and the child reaper's
 * death closing the namespace to new pids. Per-user namespace counts,
 * ns_last_pid and the killing of the remaining tasks are left out.
 */
#include <errno.h>
#include <stdlib.h>

#include "kernel/cred.h"
#include "kernel/pid.h"
#include "kernel/pid_namespace.h"
#include "lib/err.h"
#include "uapi/linux/sched.h"

/* models kernel/pid_namespace.c:create_pid_namespace() */
static struct pid_namespace *create_pid_namespace(struct user_namespace *user_ns,
						  struct pid_namespace *parent)
{
	struct pid_namespace *ns;
	struct user_namespace *u = user_ns;

	while (u && u != parent->user_ns)
		u = u->parent;
	if (!u)
		return ERR_PTR(-EINVAL);
	if (parent->level + 1 > MAX_PID_NS_LEVEL)
		return ERR_PTR(-ENOSPC);
	ns = calloc(1, sizeof(*ns));
	if (!ns)
		return ERR_PTR(-ENOMEM);
	idr_init(&ns->idr);
	ns->pid_allocated = PIDNS_ADDING;
	ns->level = parent->level + 1;
	ns->parent = parent;
	parent->count++;
	ns->user_ns = user_ns;
	ns->count = 1;
	ns->pid_max = parent->pid_max;        /* one global pid_max in v6.12 */
	ns->pid_max_min = parent->pid_max_min;
	return ns;
}

void put_pid_ns(struct pid_namespace *ns)
{
	while (ns && ns->parent && !--ns->count) {
		struct pid_namespace *parent = ns->parent;

		idr_destroy(&ns->idr);
		free(ns);
		ns = parent;
	}
	if (ns && !ns->parent)
		ns->count--;
}

/* models kernel/pid_namespace.c:copy_pid_ns() */
struct pid_namespace *copy_pid_ns(struct nc_machine *m, uint64_t flags,
					 struct user_namespace *user_ns,
					 struct pid_namespace *old_ns)
{
	if (!(flags & CLONE_NEWPID)) {
		old_ns->count++;
		return old_ns;
	}
	if (task_active_pid_ns(nc_current(m)) != old_ns)
		return ERR_PTR(-EINVAL);
	return create_pid_namespace(user_ns, old_ns);
}

/* models the first step of kernel/pid_namespace.c:zap_pid_ns_processes() */
void disable_pid_allocation(struct pid_namespace *ns)
{
	ns->pid_allocated &= ~PIDNS_ADDING;
}
