// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models kernel/pid_namespace.c: a new pid namespace one level below its
 * parent (owner and depth checks), references, and the child reaper's
 * death closing the namespace to new pids, and the pid cache of each
 * level, created on first use and kept. Per-user namespace counts,
 * ns_last_pid and the killing of the remaining tasks are left out. A
 * namespace is an object of the pid_namespace cache (init_pid_ns is
 * static), freed a grace period after its last reference.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "kernel/cred.h"
#include "kernel/pid.h"
#include "kernel/pid_namespace.h"
#include "kernel/rcu/tree.h"
#include "lib/err.h"
#include "mm/slab.h"
#include "mm/slab_common.h"
#include "mm/slub.h"
#include "uapi/linux/sched.h"

/* models kernel/pid_namespace.c:pid_ns_cachep */
static struct kmem_cache *pid_ns_cachep(const struct nc_machine *m)
{
	return m->slab->boot[NC_CACHE_PID_NS];
}

/* models kernel/pid_namespace.c:create_pid_cachep(): "pid_<level+1>",
 * sized for level + 1 upids over level 0's struct pid; created once (the
 * kernel's pid_cache[] is found here by name) and never destroyed */
static struct kmem_cache *create_pid_cachep(struct nc_machine *m, unsigned int level)
{
	unsigned int size = m->slab->boot[NC_CACHE_PID]->object_size +
			    level * (unsigned int)sizeof(struct upid);
	struct kmem_cache *kc;
	char name[4 + 10 + 1];

	snprintf(name, sizeof(name), "pid_%u", level + 1);
	kc = nc_kmem_cache_find(m, name);
	if (kc)
		return kc;
	return kmem_cache_create(m, name, size, NULL, SLAB_HWCACHE_ALIGN | SLAB_ACCOUNT);
}

/* models kernel/pid_namespace.c:create_pid_namespace() */
static struct pid_namespace *create_pid_namespace(struct nc_machine *m,
						  struct user_namespace *user_ns,
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
	ns = kmem_cache_alloc(m, pid_ns_cachep(m), GFP_KERNEL | __GFP_ZERO);
	if (!ns)
		return ERR_PTR(-ENOMEM);
	ns->idr = nc_pid_idr_new();            /* idr_init() */
	ns->pid_cachep = ns->idr ? create_pid_cachep(m, parent->level + 1) : NULL;
	if (!ns->pid_cachep) {
		if (ns->idr)
			nc_pid_idr_free(ns->idr);
		kmem_cache_free(m, pid_ns_cachep(m), ns);
		return ERR_PTR(-ENOMEM);
	}
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

/* models kernel/pid_namespace.c:delayed_free_pidns() */
static void delayed_free_pidns(struct nc_machine *m, struct rcu_head *p)
{
	kmem_cache_free(m, pid_ns_cachep(m), container_of(p, struct pid_namespace, rcu));
}

/* models kernel/pid_namespace.c:destroy_pid_namespace(): the idr goes at
 * once, the namespace after a grace period */
static void destroy_pid_namespace(struct nc_machine *m, struct pid_namespace *ns)
{
	nc_pid_idr_free(ns->idr);
	ns->idr = NULL;
	call_rcu(m, &ns->rcu, delayed_free_pidns);
}

void put_pid_ns(struct nc_machine *m, struct pid_namespace *ns)
{
	while (ns && ns->parent && !--ns->count) {
		struct pid_namespace *parent = ns->parent;

		destroy_pid_namespace(m, ns);
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
	return create_pid_namespace(m, user_ns, old_ns);
}

/* models the first step of kernel/pid_namespace.c:zap_pid_ns_processes() */
void disable_pid_allocation(struct pid_namespace *ns)
{
	ns->pid_allocated &= ~PIDNS_ADDING;
}
