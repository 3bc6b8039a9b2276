/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tree RCU (kernel/rcu/tree.c in v6.12, PREEMPT_RCU) as SLUB and the
 * scheduler need it: call_rcu() callbacks run after a grace period, which
 * ends once every online CPU has context-switched or idled since it began
 * (or at once when synchronize_rcu() or rcu_barrier() waits for it);
 * kvfree_call_rcu() for kfree_rcu().
 */
#ifndef NC_KERNEL_RCU_TREE_H
#define NC_KERNEL_RCU_TREE_H

#include <stdbool.h>

#include "arch/machine.h"
#include "lib/types.h"

/* models kernel/rcu/tree.c:rcu_init() */
int rcu_init(struct nc_machine *m);
/* Frees RCU's state; callbacks still queued are dropped (the machine's
 * memory goes with it). */
void rcu_exit(struct nc_machine *m);

/* models kernel/rcu/tree.c:call_rcu(): func(m, head) runs, on the CPU that
 * queued it, when a grace period that starts after the call ends (one
 * queued during a grace period waits for the next) */
void call_rcu(struct nc_machine *m, struct rcu_head *head, rcu_callback_t func);
/* models kernel/rcu/tree_plugin.h:rcu_note_context_switch() (PREEMPT_RCU):
 * cpu goes through __schedule() and so passes a quiescent state. The model
 * has no clock: the event also counts as a jiffy of the grace period
 * kthread's, which scans for idle CPUs every few, and the grace period
 * ends (callbacks run) once no CPU holds it up. The scheduler calls it for
 * the CPU it (re)schedules; a machine without RCU ignores it. */
void rcu_note_context_switch(struct nc_machine *m, unsigned int cpu);
/* models kernel/rcu/tree.c:synchronize_rcu(): the waiting caller forces
 * a full grace period (the one in progress, then one that starts now);
 * the callbacks of both run */
void synchronize_rcu(struct nc_machine *m);
/* models kernel/rcu/tree.c:rcu_barrier(): every callback queued so far has
 * run when it returns */
void rcu_barrier(struct nc_machine *m);
/* Ends grace periods until RCU idles: every callback queued, and every one
 * those queue (a task's queues its cred's), has run. For the machine's
 * teardown and for tests that count what is left; a machine without RCU
 * has nothing queued. */
void nc_rcu_drain(struct nc_machine *m);
/* models kernel/rcu/tree.c:kvfree_call_rcu(): kvfree(ptr) after a grace
 * period, head being the rcu_head inside the object (its func field holds
 * ptr, as the kernel's head channel does); head NULL is
 * kvfree_rcu_mightsleep(): synchronize_rcu() then kvfree(). The model has
 * no vmalloc addresses: kvfree() is kfree(). */
void kvfree_call_rcu(struct nc_machine *m, struct rcu_head *head, void *ptr);
/* models include/linux/rcupdate.h:kfree_rcu()/kvfree_rcu(): ptr's rcu_head
 * field rhf carries it through a grace period; kfree_rcu_mightsleep() has
 * no head */
#define kfree_rcu(m, ptr, rhf) kvfree_call_rcu(m, &(ptr)->rhf, (void *)(ptr))
#define kvfree_rcu(m, ptr, rhf) kfree_rcu(m, ptr, rhf)
#define kfree_rcu_mightsleep(m, ptr) kvfree_call_rcu(m, NULL, (void *)(ptr))
/* models kernel/rcu/tree.c:kvfree_rcu_barrier(): waits (rcu_barrier())
 * only if kvfree_call_rcu() objects are in flight */
void kvfree_rcu_barrier(struct nc_machine *m);

/* Grace periods completed so far (the kernel's rcu_state.gp_seq >> 2). */
unsigned long rcu_completed_gps(const struct nc_machine *m);
/* True while a grace period waits for quiescent states. */
bool rcu_gp_in_progress(const struct nc_machine *m);

#endif
