// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/kernel/sched/syscalls.c: sched_setaffinity, sched_getaffinity
 * and getcpu on a 1x2 machine (as many CPUs as this host has), each case
 * also made as a raw syscall() on the host with the same arguments: the
 * host kernel is the oracle for the errno. The test process's affinity is
 * restored after every real call.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <cmocka.h>

#include "kernel/sched/core.h"
#include "kernel/sched/prio.h"
#include "kernel/sched/syscalls.h"
#include "uapi/linux/sched/types.h"
#include "user_task.h"

#define NOPE 1UL /* below mmap_min_addr: faults on the host and in the model */

static cpu_set_t saved_affinity;

static long host(long ret)
{
	long r = ret < 0 ? -errno : ret;

	if (sched_setaffinity(0, sizeof(saved_affinity), &saved_affinity))
		fail_msg("cannot restore the test's affinity");
	return r;
}

struct fixture {
	bool host_matches;       /* the host has 2 CPUs, as the model */
	struct user_machine um;
	unsigned long buf[512];  /* host memory, mirrored into the model */
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	f->host_matches = sysconf(_SC_NPROCESSORS_CONF) == 2 &&
			  !sched_getaffinity(0, sizeof(saved_affinity), &saved_affinity);
	f->um = user_machine("1x2");
	cpumask_set_cpu(0, &f->um.task->cpus_mask);
	cpumask_set_cpu(1, &f->um.task->cpus_mask);
	if (nc_sched_run(f->um.m, f->um.task, 0))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	nc_sched_exit(f->um.m, f->um.task);
	user_machine_free(&f->um);
	free(f);
	return 0;
}

/* Fills the buffer with mask (rest zero) on the host and in the model. */
static unsigned long fill(struct fixture *f, unsigned long mask)
{
	memset(f->buf, 0, sizeof(f->buf));
	f->buf[0] = mask;
	put_user_bytes(f->um.m, (unsigned long)f->buf, f->buf, sizeof(f->buf));
	return (unsigned long)f->buf;
}

/* sched_setaffinity(pid, len, ptr) on both; returns the model's answer
 * after checking it against the host's */
static long both_set(struct fixture *f, pid_t pid, unsigned int len, unsigned long ptr)
{
	long h = host(syscall(SYS_sched_setaffinity, pid, len, ptr));
	long m = kernel_sched_setaffinity(f->um.m, pid, len, ptr);

	assert_int_equal(m, h);
	return m;
}

static long both_get(struct fixture *f, pid_t pid, unsigned int len, unsigned long ptr)
{
	long h = host(syscall(SYS_sched_getaffinity, pid, len, ptr));
	long m = kernel_sched_getaffinity(f->um.m, pid, len, ptr);

	assert_int_equal(m, h);
	return m;
}

/* The host is the oracle only when it has the model's 2 CPUs. */
static struct fixture *oracle(void **state)
{
	struct fixture *f = *state;

	if (!f->host_matches)
		skip();
	return f;
}

static void test_setaffinity_errors(void **state)
{
	struct fixture *f = oracle(state);

	/* len 0: nothing copied, the empty mask has no active CPU */
	assert_int_equal(both_set(f, 0, 0, fill(f, 3)), -EINVAL);
	assert_int_equal(both_set(f, 0, 0, 0), -EINVAL);
	assert_int_equal(both_set(f, 0, 8, fill(f, 0)), -EINVAL);
	/* CPUs 2 and 5 are not present */
	assert_int_equal(both_set(f, 0, 8, fill(f, 1UL << 5 | 1UL << 2)), -EINVAL);
	assert_int_equal(both_set(f, 0, 8, 0), -EFAULT);
	assert_int_equal(both_set(f, 0, 8, NOPE), -EFAULT);
	/* the copy comes before the pid lookup */
	assert_int_equal(both_set(f, -1, 8, 0), -EFAULT);
	assert_int_equal(both_set(f, -1, 8, fill(f, 3)), -ESRCH);
	assert_int_equal(both_set(f, 0x3ffffff0, 8, fill(f, 3)), -ESRCH);
	/* the model still runs on both CPUs */
	assert_int_equal(f->um.task->nr_cpus_allowed, 2);
}

static void test_setaffinity_moves_caller(void **state)
{
	struct fixture *f = oracle(state);
	unsigned int hcpu = 99, hnode = 99, cpu = 99, node = 99;
	long h;

	/* pinned to CPU1 the caller returns there */
	h = syscall(SYS_sched_setaffinity, 0, 8, fill(f, 2));
	assert_int_equal(syscall(SYS_getcpu, &hcpu, &hnode, NULL), 0);
	assert_int_equal(host(h), 0);
	assert_int_equal(kernel_sched_setaffinity(f->um.m, 0, 8, (unsigned long)f->buf), 0);
	assert_int_equal(kernel_getcpu(f->um.m, (unsigned long)&cpu, (unsigned long)&node, 0), 0);
	assert_int_equal(copy_from_user(f->um.m, &cpu, (unsigned long)&cpu, sizeof(cpu)), 0);
	assert_int_equal(copy_from_user(f->um.m, &node, (unsigned long)&node, sizeof(node)), 0);
	assert_int_equal(cpu, hcpu);
	assert_int_equal(node, hnode);
	assert_int_equal(f->um.task->cpu, 1);
	/* a short mask is zero-extended, a long one cut to cpumask_size() */
	assert_int_equal(both_set(f, 0, 4, fill(f, 3)), 0);
	assert_int_equal(both_set(f, 0, sizeof(f->buf), fill(f, 3)), 0);
	assert_int_equal(f->um.task->nr_cpus_allowed, 2);
}

static void test_getaffinity(void **state)
{
	struct fixture *f = oracle(state);
	unsigned long got = 0;

	/* len * 8 below nr_cpu_ids, then len not a multiple of a long */
	assert_int_equal(both_get(f, 0, 0, fill(f, 0)), -EINVAL);
	assert_int_equal(both_get(f, 0, 4, fill(f, 0)), -EINVAL);
	assert_int_equal(both_get(f, 0, 12, fill(f, 0)), -EINVAL);
	assert_int_equal(both_get(f, -1, 8, fill(f, 0)), -ESRCH);
	assert_int_equal(both_get(f, 0, 8, 0), -EFAULT);
	assert_int_equal(both_get(f, 0, 8, NOPE), -EFAULT);
	/* the length check comes before the pid lookup */
	assert_int_equal(both_get(f, -1, 4, 0), -EINVAL);
	assert_int_equal(both_get(f, 0, 8, fill(f, 0)), 8);
	assert_int_equal(copy_from_user(f->um.m, &got, (unsigned long)f->buf, 8), 0);
	assert_int_equal(got, 3);
	/* len 16: a preset's kernel is Debian's v6.12, NR_CPUS 8192, whose
	 * cpumask_size() follows nr_cpu_ids: 8 (this host's, built for 256
	 * CPUs, answers 16: compared on --topology host below) */
	assert_int_equal(kernel_sched_getaffinity(f->um.m, 0, 16, fill(f, 0)), 8);
	/* pid 1 is init, allowed everywhere after sched_init_smp() */
	assert_int_equal(kernel_sched_getaffinity(f->um.m, 1, 8, fill(f, 0)), 8);
	assert_int_equal(copy_from_user(f->um.m, &got, (unsigned long)f->buf, 8), 0);
	assert_int_equal(got, 3);
}

/* On --topology host the kernel's NR_CPUS is the host's (cpu/kernel_max):
 * the call copies what the host's copies, at every length */
static void test_getaffinity_size_as_host(void **state)
{
	struct user_machine um = user_machine("host");
	static unsigned long buf[128];      /* 8192 CPUs */

	(void)state;
	put_user_bytes(um.m, (unsigned long)buf, buf, sizeof(buf));
	for (unsigned int len = 8; len <= sizeof(buf); len *= 2)
		assert_int_equal(kernel_sched_getaffinity(um.m, 0, len, (unsigned long)buf),
				 host(syscall(SYS_sched_getaffinity, 0, len, buf)));
	user_machine_free(&um);
}

static void test_getcpu(void **state)
{
	struct fixture *f = oracle(state);
	unsigned int cpu = 7;

	assert_int_equal(kernel_getcpu(f->um.m, 0, 0, 0), host(syscall(SYS_getcpu, NULL, NULL, NULL)));
	assert_int_equal(kernel_getcpu(f->um.m, NOPE, 0, 0), host(syscall(SYS_getcpu, NOPE, NULL, NULL)));
	assert_int_equal(kernel_getcpu(f->um.m, 0, NOPE, 0), host(syscall(SYS_getcpu, NULL, NOPE, NULL)));
	assert_int_equal(kernel_getcpu(f->um.m, (unsigned long)&cpu, 0, 0), 0);
	assert_int_equal(copy_from_user(f->um.m, &cpu, (unsigned long)&cpu, sizeof(cpu)), 0);
	assert_int_equal(cpu, f->um.m->cpu);
}

/* The boot idle task is pinned and may not be moved. */
static void test_idle_no_setaffinity(void **state)
{
	struct fixture *f = *state;

	assert_true(f->um.m->init_task->flags & PF_NO_SETAFFINITY);
	assert_int_equal(__set_cpus_allowed_ptr(f->um.m, f->um.m->init_task,
						&f->um.task->cpus_mask), -EINVAL);
}

/* The policy calls' argument errors, each made on the host too (they
 * fail before changing anything there) */
static void test_policy_errors(void **state)
{
	struct fixture *f = oracle(state);
	struct sched_attr *a = (struct sched_attr *)f->buf;
	unsigned long buf = (unsigned long)f->buf;
	struct {
		long nr, a0, a1, a2, a3;
	} calls[] = {
		{ SYS_sched_setscheduler, 0, -1, 0, 0 },
		{ SYS_sched_setscheduler, 0, SCHED_FIFO, 0, 0 },
		{ SYS_sched_setscheduler, -1, SCHED_FIFO, 0, 0 },
		{ SYS_sched_setscheduler, 0, SCHED_OTHER, (long)NOPE, 0 },
		{ SYS_sched_getscheduler, -1, 0, 0, 0 },
		{ SYS_sched_getscheduler, 0x3ffffff0, 0, 0, 0 },
		{ SYS_sched_getparam, 0, 0, 0, 0 },
		{ SYS_sched_getparam, 0, (long)NOPE, 0, 0 },
		{ SYS_sched_setattr, 0, 0, 0, 0 },
		{ SYS_sched_setattr, 0, (long)buf, 1, 0 },
		{ SYS_sched_setattr, 0, (long)NOPE, 0, 0 },
		{ SYS_sched_getattr, 0, (long)buf, 47, 0 },
		{ SYS_sched_getattr, 0, (long)buf, 4097, 0 },
		{ SYS_sched_getattr, 0, (long)buf, 56, 1 },
		{ SYS_sched_getattr, 0, (long)NOPE, 56, 0 },
		{ SYS_sched_rr_get_interval, -1, (long)buf, 0, 0 },
		{ SYS_sched_rr_get_interval, 0, (long)NOPE, 0, 0 },
		{ SYS_sched_get_priority_max, 4, 0, 0, 0 },
		{ SYS_sched_get_priority_min, -1, 0, 0, 0 },
	};

	for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		long h = syscall(calls[i].nr, calls[i].a0, calls[i].a1, calls[i].a2, calls[i].a3);
		long m;

		h = h < 0 ? -errno : h;
		switch (calls[i].nr) {
		case SYS_sched_setscheduler:
			m = kernel_sched_setscheduler(f->um.m, (pid_t)calls[i].a0, (int)calls[i].a1,
						      (unsigned long)calls[i].a2);
			break;
		case SYS_sched_getscheduler:
			m = kernel_sched_getscheduler(f->um.m, (pid_t)calls[i].a0);
			break;
		case SYS_sched_getparam:
			m = kernel_sched_getparam(f->um.m, (pid_t)calls[i].a0,
						  (unsigned long)calls[i].a1);
			break;
		case SYS_sched_setattr:
			m = kernel_sched_setattr(f->um.m, (pid_t)calls[i].a0,
						 (unsigned long)calls[i].a1, (unsigned)calls[i].a2);
			break;
		case SYS_sched_getattr:
			m = kernel_sched_getattr(f->um.m, (pid_t)calls[i].a0,
						 (unsigned long)calls[i].a1, (unsigned)calls[i].a2,
						 (unsigned)calls[i].a3);
			break;
		case SYS_sched_rr_get_interval:
			m = kernel_sched_rr_get_interval(f->um.m, (pid_t)calls[i].a0,
							 (unsigned long)calls[i].a1);
			break;
		case SYS_sched_get_priority_max:
			m = kernel_sched_get_priority_max((int)calls[i].a0);
			break;
		default:
			m = kernel_sched_get_priority_min((int)calls[i].a0);
		}
		if (m != h)
			fail_msg("call %zu (nr %ld): model %ld, host %ld", i, calls[i].nr, m, h);
	}
	/* a size the kernel does not take: E2BIG, and its own size written back */
	fill(f, 0);
	a->size = 40;
	put_user_bytes(f->um.m, buf, f->buf, sizeof(f->buf));
	assert_int_equal(kernel_sched_setattr(f->um.m, 0, buf, 0), -E2BIG);
	assert_int_equal(syscall(SYS_sched_setattr, 0, buf, 0), -1);
	assert_int_equal(errno, E2BIG);
	assert_int_equal(a->size, 56);
	assert_int_equal(copy_from_user(f->um.m, a, buf, 4), 0);
	assert_int_equal(a->size, 56);
}

/* A queued caller turned real-time leaves its queue's cfs load, comes
 * back at its nice value; reset-on-fork shows in sched_getscheduler() */
static void test_policy_changes(void **state)
{
	struct fixture *f = *state;
	struct nc_machine *m = f->um.m;
	struct rq *rq = cpu_rq(m, 0);
	unsigned long prio = (unsigned long)f->buf, ts = prio + 64;
	unsigned long load = rq->load;
	int64_t t[2];

	f->um.task->cred = f->um.task->real_cred = m->init_task->cred;
	f->um.task->signal = m->init_task->signal;
	fill(f, 30);
	assert_int_equal(kernel_sched_setscheduler(m, 0, SCHED_RR | SCHED_RESET_ON_FORK, prio), 0);
	assert_int_equal(f->um.task->prio, 69);
	assert_int_equal(rq->load, load - 1024);
	assert_int_equal(kernel_sched_getscheduler(m, 0), SCHED_RR | SCHED_RESET_ON_FORK);
	assert_int_equal(kernel_sched_rr_get_interval(m, 0, ts), 0);
	assert_int_equal(copy_from_user(m, t, ts, sizeof(t)), 0);
	assert_int_equal(t[0], 0);
	assert_int_equal(t[1], 100000000);     /* RR_TIMESLICE: 100 ms */
	fill(f, 0);
	assert_int_equal(kernel_sched_setscheduler(m, 0, SCHED_OTHER, prio), 0);
	assert_int_equal(kernel_sched_getscheduler(m, 0), SCHED_OTHER);
	assert_int_equal(rq->load, load);
	f->um.task->cred = f->um.task->real_cred = NULL;
	f->um.task->signal = NULL;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_policy_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_policy_changes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_setaffinity_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_setaffinity_moves_caller, setup, teardown),
		cmocka_unit_test_setup_teardown(test_getaffinity, setup, teardown),
		cmocka_unit_test(test_getaffinity_size_as_host),
		cmocka_unit_test_setup_teardown(test_getcpu, setup, teardown),
		cmocka_unit_test_setup_teardown(test_idle_no_setaffinity, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
