// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/kernel/sched/core.c: boot state after sched_init_smp(),
 * sched_fork(), run queue bookkeeping as tasks run, sleep, wake and exit,
 * select_fallback_rq() and __set_cpus_allowed_ptr()'s choice of CPU.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "kernel/exit.h"
#include "kernel/kthread.h"
#include "lib/err.h"
#include "kernel/pid.h"
#include "mm/mmap.h"
#include "sched_machine.h"
#include "unit/nc_boot.h"
#include "uapi/linux/sched.h"
#include "uapi/linux/signal.h"

static void test_boot_state(void **state)
{
	struct nc_machine_config cfg = { .topology = "2x2" };
	struct nc_machine *m = nc_machine_create(&cfg, NULL);
	struct task_struct *init;

	(void)state;
	assert_non_null(m);
	/* init_idle(): the boot CPU's idle task is pinned there */
	assert_int_equal(m->init_task->nr_cpus_allowed, 1);
	assert_true(cpumask_test_cpu(0, &m->init_task->cpus_mask));
	assert_true(m->init_task->flags & PF_NO_SETAFFINITY);
	/* sched_init_smp(): init may run anywhere */
	init = pid_task(find_pid_ns(1, m->init_pid_ns), PIDTYPE_PID);
	assert_non_null(init);
	assert_int_equal(init->nr_cpus_allowed, 4);
	/* nothing queued yet: every CPU is idle */
	for (unsigned int c = 0; c < 4; c++)
		assert_int_equal(cpu_rq(m, c)->nr_running, 0);
	nc_machine_destroy(m);
}

static void test_sched_fork(void **state)
{
	struct nc_machine *m = sm_create(2, 2, 1, 1, (const uint8_t[]){ 10, 20, 20, 10 }, 30);
	struct task_struct *p = sm_task(m, 10);

	(void)state;
	nc_set_cpu(m, 3);
	p->numa_preferred_nid = 1;
	assert_int_equal(sched_fork(m, CLONE_VM, p), 0);
	assert_int_equal(p->__state, TASK_NEW);
	assert_int_equal(sched_cgroup_fork(m, p), 0);
	assert_int_equal(p->cpu, 3);
	assert_int_equal(p->nr_cpus_allowed, 4);
	assert_int_equal(p->numa_preferred_nid, 1);   /* a thread keeps it */
	assert_int_equal(sched_fork(m, 0, p), 0);
	assert_int_equal(p->numa_preferred_nid, -1);  /* a new mm forgets it */
	wake_up_new_task(m, p);
	assert_int_equal(p->__state, TASK_RUNNING);
	assert_int_equal(p->on_rq, TASK_ON_RQ_QUEUED);
	/* idle machine: the forking CPU 3 counts nothing queued, yet its
	 * node's other CPU 2 and the far node are as idle; NUMA(20): local
	 * {2,3} has 2 idle, {0,1} 2 idle: equal, stay; MC: {3},{2} equal: 3 */
	assert_int_equal(p->cpu, 3);
	assert_ptr_equal(m->curr[3], p);
	free(p);
	sm_destroy(m);
}

/* Through the clone path: the child is queued where wake_up_new_task()
 * put it and runs there (its CPU was idle); the parent is queued on its
 * own CPU; do_exit() takes the child off its queue, and reaping it later
 * touches no scheduler state (ASan watches the freed task_struct). */
static void test_clone_path_queues(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	struct task_struct *init = nc_run_as(m, 1), *child;
	long nr;

	(void)state;
	assert_int_equal(nc_new_mm(m, init), 0);
	nr = nc_clone(m, 0, SIGCHLD);
	assert_true(nr > 0);
	child = pid_task(find_pid_ns((int)nr, m->init_pid_ns), PIDTYPE_PID);
	assert_int_equal(child->__state, TASK_RUNNING);
	assert_int_equal(child->on_rq, TASK_ON_RQ_QUEUED);
	assert_ptr_equal(m->curr[child->cpu], child);
	assert_int_not_equal(child->cpu, 0);
	assert_int_equal(cpu_rq(m, child->cpu)->nr_running, 1);
	assert_int_equal(cpu_rq(m, 0)->nr_running, 1);      /* init, running */
	assert_int_equal(init->on_rq, TASK_ON_RQ_QUEUED);

	nc_run_as(m, (pid_t)nr);
	unsigned int cpu = child->cpu;
	kernel_exit(m, 0);
	assert_int_equal(cpu_rq(m, cpu)->nr_running, 0);
	assert_int_equal(cpu_rq(m, cpu)->load, 0);
	assert_true(list_empty(&cpu_rq(m, cpu)->cfs_tasks));
	assert_true(is_idle_task(m, m->curr[cpu]));
	nc_run_as(m, 1);
	assert_int_equal(kernel_wait4(m, (pid_t)nr, 0, 0, 0), nr);
	assert_int_equal(cpu_rq(m, 0)->nr_running, 1);
	nc_machine_destroy(m);
}

/* kthreadd forks a kthread and goes back to sleep: only the new kthread
 * is queued. */
static void test_kthreadd_sleeps_again(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	struct task_struct *k = kthread_create_on_node(m, 1, "kworker");
	unsigned int queued = 0;

	(void)state;
	assert_false(IS_ERR(k));
	assert_int_equal(m->fork->kthreadd->on_rq, 0);
	assert_int_equal(k->on_rq, TASK_ON_RQ_QUEUED);
	for (unsigned int c = 0; c < 4; c++)
		queued += cpu_rq(m, c)->nr_running;
	assert_int_equal(queued, 1);
	nc_machine_destroy(m);
}

/* A failed fork leaves no trace on any queue. */
static void test_failed_fork_not_queued(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	unsigned int queued = 0;

	(void)state;
	nc_run_as(m, 1);
	/* CLONE_SIGHAND without CLONE_VM: copy_process() refuses early */
	assert_int_equal(nc_clone(m, CLONE_SIGHAND, SIGCHLD), -EINVAL);
	for (unsigned int c = 0; c < 4; c++)
		queued += cpu_rq(m, c)->nr_running;
	assert_int_equal(queued, 1);                          /* init only */
	nc_machine_destroy(m);
}

/* node_reclaim_distance as the vendor code leaves it (by hand from
 * arch/x86/kernel/cpu/amd.c: Zen sets 32, everything else keeps 30), and
 * the 2s4n consequence: the distance-32 level still balances forks. */
static void test_reclaim_distance_by_vendor(void **state)
{
	static const struct { const char *topo; int dist; } want[] = {
		{ "2s4n", 32 }, { "8n", 32 }, { "2s", 30 }, { "4n", 30 }, { "4x2", 30 },
	};
	struct nc_machine *m;
	struct sched_domain *sd;

	(void)state;
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		m = nc_boot(want[i].topo);
		assert_int_equal(m->sched->node_reclaim_distance, want[i].dist);
		nc_machine_destroy(m);
	}
	m = nc_boot("2s4n");
	for (sd = cpu_rq(m, 0)->sd; sd->parent; sd = sd->parent)
		;
	assert_int_equal(sd->span_weight, 32);
	assert_true(sd->flags & SD_BALANCE_FORK);
	nc_machine_destroy(m);
}

/* Running, runnable, sleeping: the queue counts and the CPU's current. */
static void test_run_sleep_wake_exit(void **state)
{
	struct nc_machine *m = sm_create(1, 2, 1, 1, (const uint8_t[]){ 10 }, 30);
	struct task_struct *a = sm_task(m, 10), *b = sm_task(m, 11);
	struct rq *rq = cpu_rq(m, 0);

	(void)state;
	assert_int_equal(nc_sched_run(m, a, 0), 0);
	assert_int_equal(nc_sched_run(m, b, 0), 0);
	assert_int_equal(rq->nr_running, 2);
	assert_int_equal(rq->load, 2048);
	assert_ptr_equal(m->curr[0], b);             /* a waits, runnable */
	nc_sched_sleep(m, b);
	assert_int_equal(b->__state, TASK_INTERRUPTIBLE);
	assert_int_equal(b->on_rq, 0);
	assert_ptr_equal(m->curr[0], a);             /* the queue's next runs */
	assert_int_equal(rq->idle_stamp, 0);
	nc_sched_exit(m, a);
	assert_int_equal(a->__state, TASK_DEAD);
	assert_null(m->curr[0]);
	assert_int_equal(rq->idle_stamp, 1);         /* went idle at tick 1 */
	nc_sched_wake(m, b);
	assert_ptr_equal(m->curr[0], b);
	assert_int_equal(rq->nr_running, 1);
	nc_sched_wake(m, b);                         /* already queued: no-op */
	assert_int_equal(rq->nr_running, 1);
	free(a);
	free(b);
	sm_destroy(m);
}

/*
 * __set_cpus_allowed_ptr(): a task off its new mask moves to
 * cpumask_any_and_distribute()'s CPU, the next allowed CPU after the one
 * the calling CPU handed out last (0 at boot, so the first pick skips 0).
 * A woken task whose CPU is no longer allowed takes select_fallback_rq():
 * its node's allowed CPU first.
 */
static void test_affinity_moves(void **state)
{
	struct nc_machine *m = sm_create(2, 2, 1, 1, (const uint8_t[]){ 10, 20, 20, 10 }, 30);
	struct task_struct *a = sm_task(m, 10), *b = sm_task(m, 11);
	cpumask_t low = { { 0x3 } }, cpu1 = { { 0x2 } };

	(void)state;
	nc_sched_run(m, a, 2);
	nc_sched_run(m, b, 3);
	assert_int_equal(__set_cpus_allowed_ptr(m, a, &low), 0);
	assert_int_equal(a->cpu, 1);
	assert_ptr_equal(m->curr[1], a);
	assert_null(m->curr[2]);
	assert_int_equal(__set_cpus_allowed_ptr(m, b, &low), 0);
	assert_int_equal(b->cpu, 0);                 /* after 1 comes 0, wrapping */
	/* b sleeps on CPU0 and stays there when confined to CPU1; it wakes
	 * through select_fallback_rq(): CPU0's node has CPU1 allowed */
	nc_sched_sleep(m, b);
	assert_int_equal(__set_cpus_allowed_ptr(m, b, &cpu1), 0);
	assert_int_equal(b->cpu, 0);
	nc_sched_wake(m, b);
	assert_int_equal(b->cpu, 1);
	assert_int_equal(cpu_rq(m, 1)->nr_running, 2);
	/* no active CPU in the mask */
	assert_int_equal(__set_cpus_allowed_ptr(m, b, &(cpumask_t){ { 0x10 } }), -EINVAL);
	free(a);
	free(b);
	sm_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boot_state),
		cmocka_unit_test(test_sched_fork),
		cmocka_unit_test(test_clone_path_queues),
		cmocka_unit_test(test_kthreadd_sleeps_again),
		cmocka_unit_test(test_failed_fork_not_queued),
		cmocka_unit_test(test_reclaim_distance_by_vendor),
		cmocka_unit_test(test_run_sleep_wake_exit),
		cmocka_unit_test(test_affinity_moves),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
