// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models kernel/nsproxy.c: copy_namespaces() (the CAP_SYS_ADMIN check in
 * the child's user namespace, NEWIPC with SYSVSEM, create_new_namespaces()
 * in its order, the time namespace made for children entered on fork or
 * exec) and unshare_nsproxy_namespaces(). Namespaces other than pid are empty
 * objects: no mounts, hostnames, SysV objects or devices. An nsproxy is an object
 * of the nsproxy cache (init_nsproxy is static); the namespaces other than
 * pid are host allocations.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/cred.h"
#include "kernel/nsproxy.h"
#include "kernel/pid.h"
#include "kernel/pid_namespace.h"
#include "lib/err.h"
#include "mm/slab.h"
#include "mm/slub.h"
#include "uapi/linux/sched.h"

#define NC_CLONE_NEW_NAMESPACES (CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWPID | \
				 CLONE_NEWNET | CLONE_NEWCGROUP | CLONE_NEWTIME)

static const uint64_t ns_clone_flag[NC_NR_NS] = {
	[NC_NS_MNT] = CLONE_NEWNS, [NC_NS_UTS] = CLONE_NEWUTS, [NC_NS_IPC] = CLONE_NEWIPC,
	[NC_NS_CGROUP] = CLONE_NEWCGROUP, [NC_NS_NET] = CLONE_NEWNET,
};

static struct nc_ns *nc_ns_new(struct user_namespace *owner)
{
	struct nc_ns *ns = calloc(1, sizeof(*ns));

	if (ns) {
		ns->count = 1;
		ns->user_ns = owner;
		owner->count++;
	}
	return ns;
}

static void nc_ns_put(struct nc_ns *ns)
{
	if (ns && !--ns->count) {
		ns->user_ns->count--;   /* namespaces never outlive their owners here */
		free(ns);
	}
}

/* models kernel/nsproxy.c:nsproxy_cachep */
static struct kmem_cache *nsproxy_cachep(const struct nc_machine *m)
{
	return m->slab->boot[NC_CACHE_NSPROXY];
}

/* models kernel/nsproxy.c:free_nsproxy() */
static void free_nsproxy(struct nc_machine *m, struct nsproxy *nsp)
{
	for (int i = 0; i < NC_NR_NS; i++)
		nc_ns_put(nsp->ns[i]);
	nc_ns_put(nsp->time_ns_for_children);
	put_pid_ns(m, nsp->pid_ns_for_children);
	if (virt_to_slab(m, nsp))
		kmem_cache_free(m, nsproxy_cachep(m), nsp);
	else
		free(nsp);                      /* init_nsproxy */
}

int nsproxy_init(struct nc_machine *m, struct task_struct *init_task)
{
	struct nsproxy *nsp = calloc(1, sizeof(*nsp));

	if (!nsp)
		return -ENOMEM;
	nsp->count = 1;
	nsp->pid_ns_for_children = m->init_pid_ns;
	m->init_pid_ns->count++;
	m->init_pid_ns->user_ns = &m->cred->init_user_ns;
	for (int i = 0; i < NC_NR_NS; i++)
		if (!(nsp->ns[i] = nc_ns_new(&m->cred->init_user_ns))) {
			free_nsproxy(m, nsp);
			return -ENOMEM;
		}
	nsp->time_ns_for_children = nsp->ns[NC_NS_TIME];
	nsp->time_ns_for_children->count++;
	init_task->nsproxy = nsp;
	return 0;
}

/* A namespace of the old nsproxy shared, or a new one if flags ask for it. */
static struct nc_ns *copy_ns(uint64_t flags, uint64_t flag, struct nc_ns *old,
			     struct user_namespace *user_ns)
{
	if (flags & flag)
		return nc_ns_new(user_ns);
	old->count++;
	return old;
}

/* models kernel/nsproxy.c:create_new_namespaces(): mnt, uts, ipc, pid,
 * cgroup, net, then time for children (copy_time_ns()); the task's own
 * time namespace is the old one's */
static struct nsproxy *create_new_namespaces(struct nc_machine *m, uint64_t flags,
					     struct task_struct *tsk,
					     struct user_namespace *user_ns)
{
	/* NC_NR_NS stands for the pid namespace's turn */
	static const enum nc_ns_type order[] = { NC_NS_MNT, NC_NS_UTS, NC_NS_IPC, NC_NR_NS,
						 NC_NS_CGROUP, NC_NS_NET };
	struct nsproxy *old = tsk->nsproxy;
	struct nsproxy *new = kmem_cache_alloc(m, nsproxy_cachep(m), GFP_KERNEL); /* create_nsproxy() */
	struct pid_namespace *pidns;

	if (!new)
		return ERR_PTR(-ENOMEM);
	memset(new, 0, sizeof(*new));
	new->count = 1;
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		enum nc_ns_type t = order[i];

		if (t == NC_NR_NS) {
			pidns = copy_pid_ns(m, flags, user_ns, old->pid_ns_for_children);
			if (IS_ERR(pidns)) {
				free_nsproxy(m, new);
				return (struct nsproxy *)pidns;
			}
			new->pid_ns_for_children = pidns;
		} else if (!(new->ns[t] = copy_ns(flags, ns_clone_flag[t], old->ns[t], user_ns))) {
			free_nsproxy(m, new);
			return ERR_PTR(-ENOMEM);
		}
	}
	new->time_ns_for_children = copy_ns(flags, CLONE_NEWTIME, old->time_ns_for_children,
					    user_ns);
	if (!new->time_ns_for_children) {
		free_nsproxy(m, new);
		return ERR_PTR(-ENOMEM);
	}
	new->ns[NC_NS_TIME] = old->ns[NC_NS_TIME];
	new->ns[NC_NS_TIME]->count++;
	return new;
}

/* models kernel/time/namespace.c:timens_on_fork(): a child that does not
 * share the mm enters the time namespace made for children */
static void timens_on_fork(struct nsproxy *nsproxy)
{
	struct nc_ns *ns = nsproxy->time_ns_for_children;

	if (nsproxy->ns[NC_NS_TIME] == ns)
		return;
	ns->count++;
	nc_ns_put(nsproxy->ns[NC_NS_TIME]);
	nsproxy->ns[NC_NS_TIME] = ns;
}

int copy_namespaces(struct nc_machine *m, uint64_t flags, struct task_struct *tsk)
{
	struct user_namespace *user_ns = tsk->cred->user_ns;
	struct nsproxy *old_ns = tsk->nsproxy, *new_ns;

	if (!(flags & NC_CLONE_NEW_NAMESPACES)) {
		/* after unshare(CLONE_NEWTIME), a fork's child gets an nsproxy
		 * of its own: its time namespace is not its parent's */
		if ((flags & CLONE_VM) || old_ns->time_ns_for_children == old_ns->ns[NC_NS_TIME]) {
			old_ns->count++;
			return 0;
		}
	} else if (!ns_capable(m, user_ns, CAP_SYS_ADMIN)) {
		return -EPERM;
	}
	/* a new ipc namespace cannot share the old one's semaphore undo list */
	if ((flags & (CLONE_NEWIPC | CLONE_SYSVSEM)) == (CLONE_NEWIPC | CLONE_SYSVSEM))
		return -EINVAL;
	new_ns = create_new_namespaces(m, flags, tsk, user_ns);
	if (IS_ERR(new_ns))
		return (int)PTR_ERR(new_ns);
	if (!(flags & CLONE_VM))
		timens_on_fork(new_ns);
	tsk->nsproxy = new_ns;
	return 0;
}

int unshare_nsproxy_namespaces(struct nc_machine *m, uint64_t unshare_flags,
			       struct nsproxy **new_nsp, const struct cred *new_cred)
{
	struct task_struct *current = nc_current(m);
	struct user_namespace *user_ns;
	struct nsproxy *nsp;

	if (!(unshare_flags & NC_CLONE_NEW_NAMESPACES))
		return 0;
	/* the new namespaces belong to the new user namespace, if any, and
	 * the caller's old credentials must have CAP_SYS_ADMIN over it */
	user_ns = new_cred ? new_cred->user_ns : current->cred->user_ns;
	if (!ns_capable(m, user_ns, CAP_SYS_ADMIN))
		return -EPERM;
	nsp = create_new_namespaces(m, unshare_flags, current, user_ns);
	if (IS_ERR(nsp))
		return (int)PTR_ERR(nsp);
	*new_nsp = nsp;
	return 0;
}

int exec_task_namespaces(struct nc_machine *m)
{
	struct task_struct *tsk = nc_current(m);
	struct nsproxy *new;

	if (tsk->nsproxy->time_ns_for_children == tsk->nsproxy->ns[NC_NS_TIME])
		return 0;
	new = create_new_namespaces(m, 0, tsk, tsk->cred->user_ns);
	if (IS_ERR(new))
		return (int)PTR_ERR(new);
	timens_on_fork(new);
	switch_task_namespaces(m, tsk, new);
	return 0;
}

void put_nsproxy(struct nc_machine *m, struct nsproxy *ns)
{
	if (!--ns->count)
		free_nsproxy(m, ns);
}

void switch_task_namespaces(struct nc_machine *m, struct task_struct *p, struct nsproxy *new)
{
	struct nsproxy *ns = p->nsproxy;

	p->nsproxy = new;
	if (ns)
		put_nsproxy(m, ns);
}

void exit_task_namespaces(struct nc_machine *m, struct task_struct *tsk)
{
	switch_task_namespaces(m, tsk, NULL);
}
