// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models the task-directed part of lib/fault-inject.c:should_fail_ex() and
 * fs/proc/base.c:proc_fail_nth_write(): one countdown per task shared by
 * failslab and fail_page_alloc. The slab fast path is kept honest by a
 * count of armed tasks (the kernel tests current->fail_nth every time).
 */
#include "mm/fail_page_alloc.h"
#include "mm/failslab.h"
#include "mm/fault_inject.h"
#include "mm/slab.h"

static void set_fail_nth(struct nc_machine *m, struct task_struct *tsk, unsigned int n)
{
	struct failslab_attr *fa = &m->slab->failslab;

	fa->nr_nth_tasks += (n != 0) - (tsk->fail_nth != 0);
	tsk->fail_nth = n;
	failslab_update_active(m);
}

bool should_fail_nth(struct nc_machine *m, bool *counted)
{
	struct task_struct *current = nc_current(m);

	*counted = current && current->fail_nth;
	if (!*counted)
		return false;
	set_fail_nth(m, current, current->fail_nth - 1);
	return current->fail_nth == 0;
}

void nc_fail_nth(struct nc_machine *m, struct task_struct *tsk, unsigned int n)
{
	m->slab->failslab.ignore_gfp_reclaim = false;
	nc_fail_page_alloc_clear_filters(m);
	set_fail_nth(m, tsk, n);
}
