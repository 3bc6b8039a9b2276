/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The per-task half of lib/fault-inject.c: current->fail_nth, written
 * through /proc/<pid>/task/<tid>/fail-nth in the kernel, counts down on
 * every allocation failslab or fail_page_alloc would consider, and the one
 * that brings it to zero fails. It lives in mm/ because it reads current.
 * Left out: the stack-trace filter that gates the countdown.
 */
#ifndef NC_MM_FAULT_INJECT_H
#define NC_MM_FAULT_INJECT_H

#include <stdbool.h>

#include "arch/machine.h"
#include "arch/task.h"

/* models the fail_nth branch that opens lib/fault-inject.c:should_fail_ex():
 * true if current is armed and this candidate is its n-th (the attribute's
 * own settings are then not consulted); *counted says whether the task's
 * counter took this candidate at all */
bool should_fail_nth(struct nc_machine *m, bool *counted);

/* The library form of writing n to tsk's fail-nth (0 disarms): the n-th
 * candidate allocation tsk makes from now fails. Like a fuzzer preparing
 * debugfs, it also clears the default filters that would hide GFP_KERNEL
 * and order-0 requests (failslab's ignore-gfp-wait; fail_page_alloc's
 * ignore-gfp-wait, ignore-gfp-highmem and min-order), so that every slab
 * and page allocation counts. */
void nc_fail_nth(struct nc_machine *m, struct task_struct *tsk, unsigned int n);

#endif
