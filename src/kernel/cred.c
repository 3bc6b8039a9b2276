// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models kernel/cred.c's fork side (copy_creds(), prepare_creds(),
 * exit_creds()), commit_creds(), create_user_ns()'s checks and
 * unshare_userns() (kernel/user_namespace.c) and
 * the NPROC ucounts (kernel/ucount.c). Left out: keyrings, LSM hooks, id
 * maps (a new user namespace counts as unmapped), max_user_namespaces.
 * Credentials are cred_jar objects (init_cred is static), freed after a
 * grace period; user namespaces and ucounts are host allocations.
 */
#include <errno.h>
#include <stdlib.h>

#include "arch/task.h"
#include "kernel/cred.h"
#include "kernel/fork.h"
#include "kernel/rcu/tree.h"
#include "kernel/signal.h"
#include "mm/slab.h"
#include "mm/slub.h"
#include "uapi/linux/sched.h"

#define UID_ROOT 0

static struct ucounts *alloc_ucounts(struct nc_machine *m, struct user_namespace *ns, uid_t uid)
{
	struct ucounts *uc;

	list_for_each_entry(uc, &m->cred->ucounts, node)
		if (uc->ns == ns && uc->uid == uid) {
			uc->count++;
			return uc;
		}
	uc = calloc(1, sizeof(*uc));
	if (!uc)
		return NULL;
	uc->ns = ns;
	uc->uid = uid;
	uc->count = 1;
	list_add_tail(&uc->node, &m->cred->ucounts);
	return uc;
}

static void put_ucounts(struct ucounts *uc)
{
	if (uc && !--uc->count) {
		list_del_init(&uc->node);
		free(uc);
	}
}

static void put_user_ns(struct user_namespace *ns)
{
	while (ns && ns->parent && !--ns->count) {
		struct user_namespace *parent = ns->parent;

		put_ucounts(ns->ucounts);
		free(ns);
		ns = parent;
	}
}

/* models kernel/cred.c:cred_jar */
static struct kmem_cache *cred_jar(const struct nc_machine *m)
{
	return m->slab->boot[NC_CACHE_CRED];
}

int cred_init(struct nc_machine *m, struct task_struct *init_task)
{
	struct cred_state *cs = calloc(1, sizeof(*cs));
	struct cred *init_cred;

	if (!cs)
		return -ENOMEM;
	init_cred = &cs->init_cred;
	INIT_LIST_HEAD(&cs->ucounts);
	cs->init_user_ns.count = 1;
	cs->init_user_ns.nproc_max = RLIM_INFINITY;
	m->cred = cs;
	init_cred->usage = 2;
	init_cred->cap_effective = CAP_FULL_SET;
	init_cred->user_ns = &cs->init_user_ns;
	init_cred->ucounts = alloc_ucounts(m, &cs->init_user_ns, UID_ROOT);
	if (!init_cred->ucounts)
		return -ENOMEM;
	init_task->cred = init_task->real_cred = init_cred;
	return 0;
}

void cred_exit(struct nc_machine *m)
{
	free(m->cred);
	m->cred = NULL;
}

/* models kernel/cred.c:put_cred_rcu() */
static void put_cred_rcu(struct nc_machine *m, struct rcu_head *rcu)
{
	struct cred *cred = container_of(rcu, struct cred, rcu);

	put_ucounts(cred->ucounts);
	put_user_ns(cred->user_ns);
	if (cred != &m->cred->init_cred)   /* its last put is the teardown's */
		kmem_cache_free(m, cred_jar(m), cred);
}

void put_cred(struct nc_machine *m, const struct cred *cred)
{
	struct cred *c = (struct cred *)cred;

	if (c && !--c->usage)
		call_rcu(m, &c->rcu, put_cred_rcu);
}

/* models kernel/cred.c:prepare_creds() */
static struct cred *prepare_creds(struct nc_machine *m, const struct cred *old)
{
	struct cred *new = kmem_cache_alloc(m, cred_jar(m), GFP_KERNEL);

	if (!new)
		return NULL;
	*new = *old;
	new->usage = 1;
	new->ucounts->count++;
	new->user_ns->count++;
	return new;
}

/* models kernel/user_namespace.c:create_user_ns() and set_cred_ucounts() */
static int create_user_ns(struct nc_machine *m, struct cred *new, const struct task_struct *p)
{
	struct user_namespace *parent = new->user_ns, *ns;
	struct ucounts *uc;

	if (parent->level > MAX_USER_NS_LEVEL)
		return -ENOSPC;
	/* the creator's ids must map into the parent; a new namespace's
	 * maps are never written in the model */
	if (parent != &m->cred->init_user_ns)
		return -EPERM;
	ns = calloc(1, sizeof(*ns));
	if (!ns)
		return -ENOMEM;
	ns->parent = parent;
	ns->level = parent->level + 1;
	ns->owner = new->euid;
	ns->count = 1;
	ns->ucounts = new->ucounts;
	new->ucounts->count++;
	/* root of the initial namespace creates without an NPROC ceiling */
	ns->nproc_max = new->uid == UID_ROOT && parent == &m->cred->init_user_ns
			? RLIM_INFINITY : task_rlimit(p, RLIMIT_NPROC);
	new->user_ns = ns;               /* the reference prepare_creds() took */
	put_user_ns(parent);
	new->cap_effective = CAP_FULL_SET;
	uc = alloc_ucounts(m, ns, new->uid);
	if (!uc)
		return -EAGAIN;
	put_ucounts(new->ucounts);
	new->ucounts = uc;
	return 0;
}

/* models kernel/cred.c:copy_creds() */
int copy_creds(struct nc_machine *m, struct task_struct *p, uint64_t clone_flags)
{
	struct cred *new;
	int ret;

	if (clone_flags & CLONE_THREAD) {
		((struct cred *)p->cred)->usage += 2;
		p->real_cred = p->cred;
		inc_rlimit_nproc(p->cred->ucounts, 1);
		return 0;
	}
	new = prepare_creds(m, p->cred);
	if (!new)
		return -ENOMEM;
	if (clone_flags & CLONE_NEWUSER) {
		ret = create_user_ns(m, new, p);
		if (ret < 0) {
			put_cred(m, new);
			return ret;
		}
	}
	new->usage++;
	p->cred = p->real_cred = new;
	inc_rlimit_nproc(new->ucounts, 1);
	return 0;
}

/* models kernel/cred.c:exit_creds() */
void exit_creds(struct nc_machine *m, struct task_struct *tsk)
{
	put_cred(m, tsk->real_cred);
	put_cred(m, tsk->cred);
	tsk->cred = tsk->real_cred = NULL;
}

/* models kernel/capability.c:ns_capable() via cap_capable(): the cap in
 * the namespace itself, or being the owner of it or of an ancestor
 * below the cred's own namespace */
bool ns_capable(struct nc_machine *m, struct user_namespace *ns, int cap)
{
	const struct cred *cred = nc_current(m)->cred;

	for (;;) {
		if (ns == cred->user_ns)
			return cred->cap_effective & (1ULL << cap);
		if (ns->level <= cred->user_ns->level)
			return false;
		if (ns->parent == cred->user_ns && ns->owner == cred->euid)
			return true;
		ns = ns->parent;
	}
}

bool capable(struct nc_machine *m, int cap)
{
	return ns_capable(m, &m->cred->init_user_ns, cap);
}

void inc_rlimit_nproc(struct ucounts *ucounts, long v)
{
	for (struct ucounts *iter = ucounts; iter; iter = iter->ns->ucounts)
		iter->nproc += v;
}

bool is_rlimit_nproc_overlimit(const struct ucounts *ucounts, unsigned long rlimit)
{
	long max = rlimit > (unsigned long)__LONG_MAX__ ? __LONG_MAX__ : (long)rlimit;

	for (const struct ucounts *iter = ucounts; iter; iter = iter->ns->ucounts) {
		if (iter->nproc < 0 || iter->nproc > max)
			return true;
		max = iter->ns->nproc_max > (unsigned long)__LONG_MAX__ ? __LONG_MAX__
									  : (long)iter->ns->nproc_max;
	}
	return false;
}

int unshare_userns(struct nc_machine *m, uint64_t unshare_flags, struct cred **new_cred)
{
	struct task_struct *current = nc_current(m);
	struct cred *cred;
	int err;

	if (!(unshare_flags & CLONE_NEWUSER))
		return 0;
	cred = prepare_creds(m, current->cred);
	if (!cred)
		return -ENOMEM;
	err = create_user_ns(m, cred, current);
	if (err) {
		put_cred(m, cred);
		return err;
	}
	*new_cred = cred;
	return 0;
}

/* models kernel/cred.c:cred_cap_issubset(): subset's capabilities are
 * within set's, or subset lives in a namespace set's euid owns below it */
static bool cred_cap_issubset(const struct cred *set, const struct cred *subset)
{
	const struct user_namespace *ns = subset->user_ns;

	if (set->user_ns == ns)
		return !(subset->cap_effective & ~set->cap_effective);
	for (; ns->parent; ns = ns->parent)
		if (ns->parent == set->user_ns && ns->owner == set->euid)
			return true;
	return false;
}

void commit_creds(struct nc_machine *m, struct cred *new)
{
	struct task_struct *task = nc_current(m);
	const struct cred *old = task->real_cred;

	new->usage++;                    /* the subjective reference */
	/* a task that changes identity or gains capabilities forgets the
	 * signal its parent's death would send */
	if (old->euid != new->euid || old->egid != new->egid || !cred_cap_issubset(old, new))
		task->pdeath_signal = 0;
	/* the NPROC count follows the task to its new user or namespace */
	if (new->ucounts != old->ucounts) {
		inc_rlimit_nproc(new->ucounts, 1);
		inc_rlimit_nproc(old->ucounts, -1);
	}
	task->cred = task->real_cred = new;
	put_cred(m, old);
	put_cred(m, old);
}

int nc_set_user(struct nc_machine *m, uid_t uid)
{
	struct cred *new = prepare_creds(m, nc_current(m)->cred);
	struct ucounts *uc;

	if (!new)
		return -ENOMEM;
	uc = alloc_ucounts(m, new->user_ns, uid);
	if (!uc) {
		put_cred(m, new);
		return -EAGAIN;
	}
	put_ucounts(new->ucounts);
	new->ucounts = uc;
	new->uid = new->euid = new->suid = uid;
	new->gid = new->egid = new->sgid = uid;
	if (uid)
		new->cap_effective = 0;
	commit_creds(m, new);
	return 0;
}

static unsigned int *cred_id(struct cred *c, enum nc_cred_id which)
{
	unsigned int *ids[] = { &c->uid, &c->euid, &c->suid, &c->gid, &c->egid, &c->sgid };

	return ids[which];
}

unsigned int nc_cred_id(const struct cred *cred, enum nc_cred_id which)
{
	return *cred_id((struct cred *)cred, which);
}

/* How many tasks have cred as their real credentials: each counts once
 * in its ucounts' NPROC */
static long cred_users(const struct nc_machine *m, const struct cred *cred)
{
	const struct task_struct *t;
	long n = 0;

	list_for_each_entry(t, &m->fork->all_tasks, nc_all)
		n += t->real_cred == cred;
	return n;
}

int nc_adopt_id(struct nc_machine *m, enum nc_cred_id which, unsigned int id, bool own)
{
	const struct cred *mine = nc_current(m)->real_cred;
	unsigned int old = nc_cred_id(mine, which);
	struct task_struct *t;

	if (old == id)
		return 0;
	list_for_each_entry(t, &m->fork->all_tasks, nc_all) {
		struct cred *c = (struct cred *)t->real_cred;
		struct ucounts *uc;
		long n;

		if (!t->mm || !c || nc_cred_id(c, which) != old || (own && c != mine))
			continue;
		if (which == NC_UID) {
			uc = alloc_ucounts(m, c->user_ns, id);
			if (!uc)
				return -ENOMEM;
			n = cred_users(m, c);
			inc_rlimit_nproc(c->ucounts, -n);
			inc_rlimit_nproc(uc, n);
			put_ucounts(c->ucounts);
			c->ucounts = uc;
		}
		/* a user other than root runs with no capabilities */
		if (which == NC_EUID && c->user_ns == &m->cred->init_user_ns)
			c->cap_effective = id ? 0 : CAP_FULL_SET;
		*cred_id(c, which) = id;
	}
	return 0;
}

void nc_adopt_no_cap(struct nc_machine *m, int cap)
{
	uint64_t had = nc_current(m)->real_cred->cap_effective;
	struct task_struct *t;

	list_for_each_entry(t, &m->fork->all_tasks, nc_all) {
		struct cred *c = (struct cred *)t->real_cred;

		if (t->mm && c && c->cap_effective == had)
			c->cap_effective &= ~(1ULL << cap);
	}
}
