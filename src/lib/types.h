/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * include/linux/types.h's struct callback_head (struct rcu_head), the
 * 16 bytes that objects of every layer (task_struct, cred, pid, slab)
 * embed to be freed after a grace period. Defined here, below them all;
 * kernel/rcu/tree.c runs the callbacks.
 */
#ifndef NC_LIB_TYPES_H
#define NC_LIB_TYPES_H

struct nc_machine;
struct rcu_head;
/* The kernel's rcu_callback_t, with the machine the callback runs on. */
typedef void (*rcu_callback_t)(struct nc_machine *m, struct rcu_head *head);

struct rcu_head {
	struct rcu_head *next;
	rcu_callback_t func;
};

#endif
