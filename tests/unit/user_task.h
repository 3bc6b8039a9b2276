/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test helper: a booted machine whose current task is a user task of the
 * test's own, with an empty address space (nc_new_mm()) and the machine's
 * memory nodes as its cpuset mems.
 */
#ifndef NC_TESTS_USER_TASK_H
#define NC_TESTS_USER_TASK_H

#include <stdlib.h>
#include <string.h>

#include <numaclone/numaclone.h>
#include "arch/machine.h"
#include "arch/task.h"
#include "mm/mempolicy.h"
#include "mm/mmap.h"
#include "mm/uaccess.h"

struct user_machine {
	struct nc_machine *m;
	struct task_struct *task;   /* current on CPU 0 */
	struct task_struct *saved;  /* what CPU 0 ran before */
};

static inline struct task_struct *user_task_new(struct nc_machine *m)
{
	struct task_struct *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->pid = 1000;
	t->prio = t->static_prio = t->normal_prio = 120;   /* SCHED_NORMAL, nice 0 */
	t->se_load_weight = 1024;
	t->mems_allowed = m->topo->memory;
	t->il_prev = 0;
	if (nc_new_mm(m, t)) {
		free(t);
		return NULL;
	}
	return t;
}

static inline void user_task_free(struct nc_machine *m, struct task_struct *t)
{
	exit_mm(m, t);
	mpol_put(t->mempolicy);
	free(t);
}

static inline struct user_machine user_machine(const char *topology)
{
	struct nc_machine_config cfg = { .topology = topology };
	struct user_machine um = { 0 };

	um.m = nc_machine_create(&cfg, NULL);
	if (!um.m)
		abort();
	um.m->cpu = 0;
	um.task = user_task_new(um.m);
	if (!um.task)
		abort();
	um.saved = um.m->curr[0];
	um.m->curr[0] = um.task;
	return um;
}

static inline void user_machine_free(struct user_machine *um)
{
	um->m->curr[0] = um->saved;
	user_task_free(um->m, um->task);
	nc_machine_destroy(um->m);
}

/* Writes n bytes at user address addr of the current task (must succeed). */
static inline void put_user_bytes(struct nc_machine *m, unsigned long addr,
				  const void *p, unsigned long n)
{
	if (copy_to_user(m, addr, p, n))
		abort();
}

#endif
