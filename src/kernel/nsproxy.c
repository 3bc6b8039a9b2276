// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models kernel/nsproxy.c:copy_namespaces() (the CAP_SYS_ADMIN check in
 * the child's user namespace, NEWIPC with SYSVSEM, create_new_namespaces()
 * in its order). Namespaces other than pid are empty objects; the
 * time-namespace-for-children switch is left out. An nsproxy is an object
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

static const uint64_t ns_clone_flag[NC_NR_NS] = {
	[NC_NS_MNT] = CLONE_NEWNS, [NC_NS_UTS] = CLONE_NEWUTS, [NC_NS_IPC] = CLONE_NEWIPC,
	[NC_NS_CGROUP] = CLONE_NEWCGROUP, [NC_NS_NET] = CLONE_NEWNET,
	[NC_NS_TIME] = CLONE_NEWTIME,
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
	init_task->nsproxy = nsp;
	return 0;
}

/* models kernel/nsproxy.c:create_new_namespaces(): mnt, uts, ipc, pid,
 * cgroup, net, time */
static struct nsproxy *create_new_namespaces(struct nc_machine *m, uint64_t flags,
					     struct task_struct *tsk,
					     struct user_namespace *user_ns)
{
	static const enum nc_ns_type before_pid[] = { NC_NS_MNT, NC_NS_UTS, NC_NS_IPC };
	static const enum nc_ns_type after_pid[] = { NC_NS_CGROUP, NC_NS_NET, NC_NS_TIME };
	struct nsproxy *old = tsk->nsproxy;
	struct nsproxy *new = kmem_cache_alloc(m, nsproxy_cachep(m), GFP_KERNEL); /* create_nsproxy() */
	struct pid_namespace *pidns;

	if (!new)
		return ERR_PTR(-ENOMEM);
	memset(new, 0, sizeof(*new));
	new->count = 1;
	for (int pass = 0; pass < 2; pass++) {
		const enum nc_ns_type *t = pass ? after_pid : before_pid;

		for (int i = 0; i < 3; i++) {
			struct nc_ns *ns = old->ns[t[i]];

			if (flags & ns_clone_flag[t[i]])
				ns = nc_ns_new(user_ns);
			else
				ns->count++;
			if (!ns) {
				free_nsproxy(m, new);
				return ERR_PTR(-ENOMEM);
			}
			new->ns[t[i]] = ns;
		}
		if (pass)
			break;
		pidns = copy_pid_ns(m, flags, user_ns, old->pid_ns_for_children);
		if (IS_ERR(pidns)) {
			free_nsproxy(m, new);
			return (struct nsproxy *)pidns;
		}
		new->pid_ns_for_children = pidns;
	}
	return new;
}

int copy_namespaces(struct nc_machine *m, uint64_t flags, struct task_struct *tsk)
{
	struct user_namespace *user_ns = tsk->cred->user_ns;
	struct nsproxy *new_ns;

	if (!(flags & (CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWPID |
		       CLONE_NEWNET | CLONE_NEWCGROUP | CLONE_NEWTIME))) {
		tsk->nsproxy->count++;
		return 0;
	}
	if (!ns_capable(m, user_ns, CAP_SYS_ADMIN))
		return -EPERM;
	/* a new ipc namespace cannot share the old one's semaphore undo list */
	if ((flags & (CLONE_NEWIPC | CLONE_SYSVSEM)) == (CLONE_NEWIPC | CLONE_SYSVSEM))
		return -EINVAL;
	new_ns = create_new_namespaces(m, flags, tsk, user_ns);
	if (IS_ERR(new_ns))
		return (int)PTR_ERR(new_ns);
	tsk->nsproxy = new_ns;
	return 0;
}

void exit_task_namespaces(struct nc_machine *m, struct task_struct *tsk)
{
	struct nsproxy *nsp = tsk->nsproxy;

	tsk->nsproxy = NULL;
	if (nsp && !--nsp->count)
		free_nsproxy(m, nsp);
}
