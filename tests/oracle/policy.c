// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel as oracle for nice values and scheduling policies:
 * setpriority/getpriority on a process, a process group (the program's
 * own, set up first) and a user without processes; sched_setscheduler,
 * sched_setparam, sched_getscheduler, sched_getparam, sched_setattr (every
 * size rule, the flags, SCHED_DEADLINE's argument checks),
 * sched_getattr, sched_get_priority_max/min and sched_rr_get_interval,
 * with valid and invalid arguments, on the caller and on a live child;
 * forks after each change (RT, reset-on-fork, a deadline parent's EAGAIN)
 * whose children ask getpriority and sched_getscheduler; then the same
 * calls without CAP_SYS_NICE, inside a new user namespace.
 * tests/cli/oracle_policy.sh replays the log with --check.
 */
#define _GNU_SOURCE
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "oracle.h"

#define NO_PID 0x3fffffff           /* above any pid_max */
#define NO_UID 54321                /* a user with no processes */

struct attr {
	uint32_t size, policy;
	uint64_t flags;
	int32_t nice;
	uint32_t prio;
	uint64_t runtime, deadline, period;
	uint32_t util_min, util_max;
	unsigned char more[72];
};

static long setprio(int which, int who, int nice)
{
	return syscall(SYS_setpriority, which, who, nice);
}

static long getprio(int which, int who)
{
	return syscall(SYS_getpriority, which, who);
}

static long setsched(long pid, long policy, int prio)
{
	return syscall(SYS_sched_setscheduler, pid, policy, &prio);
}

static long setattr(long pid, const struct attr *a, unsigned int flags)
{
	return syscall(SYS_sched_setattr, pid, a, flags);
}

static long getsched(long pid)
{
	return syscall(SYS_sched_getscheduler, pid);
}

/* A fork whose child reports what it inherited, reaped: the fork itself
 * may fail (a deadline parent). */
static void fork_and_ask(void)
{
	long pid = syscall(SYS_clone, SIGCHLD, 0, NULL, NULL, 0);

	if (pid == 0) {
		getprio(PRIO_PROCESS, 0);
		getsched(0);
		syscall(SYS_exit, 0);
	}
	reap(pid, 0);
}

/* A child sharing our memory that waits on a futex until released, so it
 * is alive while the calls name it */
static volatile int released;
static char child_stack[65536] __attribute__((aligned(16)));

static int waiter(void *arg)
{
	(void)arg;
	while (!released)
		syscall(SYS_futex, &released, FUTEX_WAIT, 0, NULL, NULL, 0);
	return 0;
}

static void other_task(void)
{
	int pid = clone(waiter, child_stack + sizeof(child_stack), CLONE_VM | SIGCHLD, NULL);
	int prio = 0;

	setprio(PRIO_PROCESS, pid, 7);
	getprio(PRIO_PROCESS, pid);
	setprio(PRIO_PGRP, 0, 3);           /* us and the waiter */
	getprio(PRIO_PGRP, 0);
	setprio(PRIO_PROCESS, pid, -4);
	getprio(PRIO_PGRP, 0);
	setsched(pid, SCHED_BATCH, 0);
	getsched(pid);
	setsched(pid, SCHED_RR, 20);
	syscall(SYS_sched_getparam, pid, &prio);
	getsched(pid);
	setsched(pid, SCHED_OTHER, 0);
	released = 1;
	syscall(SYS_futex, &released, FUTEX_WAKE, 1, NULL, NULL, 0);
	reap(pid, 0);
	setprio(PRIO_PGRP, 0, 0);
}

static void nice_calls(void)
{
	/* not PRIO_USER of root: the host's every root process answers */
	for (int which = -1; which <= 3; which++) {
		if (which != PRIO_USER)
			getprio(which, 0);
		getprio(which, NO_PID);
		getprio(which, -3);
	}
	getprio(PRIO_USER, NO_UID);
	setprio(PRIO_USER, NO_UID, 5);
	setprio(3, 0, 1);
	setprio(-1, 0, 1);
	setprio(PRIO_PROCESS, NO_PID, 1);
	setprio(PRIO_PGRP, NO_PID, 1);
	setprio(PRIO_PROCESS, -2, 1);
	int nices[] = { 5, -25, 100, 19, -1, 0 };
	for (size_t i = 0; i < sizeof(nices) / sizeof(nices[0]); i++) {
		setprio(PRIO_PROCESS, 0, nices[i]);
		getprio(PRIO_PROCESS, 0);
		fork_and_ask();
	}
}

static void policy_calls(void)
{
	int prio = 0;

	for (long policy = -1; policy <= 8; policy++) {
		syscall(SYS_sched_get_priority_max, policy);
		syscall(SYS_sched_get_priority_min, policy);
		setsched(0, policy, 0);
		setsched(0, policy, 1);
	}
	setsched(0, SCHED_FIFO, 100);
	setsched(0, SCHED_FIFO, -1);
	setsched(-1, SCHED_OTHER, 0);
	setsched(NO_PID, SCHED_OTHER, 0);
	syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, NULL);
	syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, 8);
	syscall(SYS_sched_setscheduler, 0, 0x80000000L | SCHED_FIFO, &prio);
	getsched(-1);
	getsched(NO_PID);
	syscall(SYS_sched_getparam, 0, NULL);
	syscall(SYS_sched_getparam, -1, &prio);
	syscall(SYS_sched_getparam, NO_PID, &prio);

	/* each policy, forks after it */
	static const long policies[] = {
		SCHED_FIFO, SCHED_FIFO | SCHED_RESET_ON_FORK, SCHED_RR,
		SCHED_RR | SCHED_RESET_ON_FORK, SCHED_BATCH, SCHED_IDLE,
		SCHED_OTHER | SCHED_RESET_ON_FORK, SCHED_OTHER,
	};
	for (size_t i = 0; i < sizeof(policies) / sizeof(policies[0]); i++) {
		int rt = (policies[i] & ~SCHED_RESET_ON_FORK) == SCHED_FIFO ||
			 (policies[i] & ~SCHED_RESET_ON_FORK) == SCHED_RR;
		struct timespec ts;

		setsched(0, policies[i], rt ? 10 + (int)i : 0);
		getsched(0);
		syscall(SYS_sched_getparam, 0, &prio);
		syscall(SYS_sched_rr_get_interval, 0, &ts);
		prio = rt ? 30 : 0;
		syscall(SYS_sched_setparam, 0, &prio);
		prio = rt ? 0 : 5;
		syscall(SYS_sched_setparam, 0, &prio);
		fork_and_ask();
	}
	/* a negative nice with reset-on-fork: the child is back at 0 */
	setprio(PRIO_PROCESS, 0, -5);
	setsched(0, SCHED_OTHER | SCHED_RESET_ON_FORK, 0);
	fork_and_ask();
	setsched(0, SCHED_OTHER, 0);
	setprio(PRIO_PROCESS, 0, 0);
	syscall(SYS_sched_rr_get_interval, -1, NULL);
	syscall(SYS_sched_rr_get_interval, NO_PID, NULL);
}

static void attr_calls(void)
{
	struct attr a;

	setattr(0, NULL, 0);
	a = (struct attr){ .size = 56 };
	setattr(0, &a, 1);
	setattr(-1, &a, 0);
	setattr(NO_PID, &a, 0);
	uint32_t sizes[] = { 0, 8, 40, 47, 48, 56, 64, 128 };
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		a = (struct attr){ .size = sizes[i], .nice = 2 };
		setattr(0, &a, 0);
		syscall(SYS_sched_getattr, 0, &a, sizes[i], 0);
	}
	a = (struct attr){ .size = 128 };
	a.more[30] = 1;                        /* unknown nonzero bytes */
	setattr(0, &a, 0);
	a = (struct attr){ .size = 8192 };
	setattr(0, &a, 0);
	syscall(SYS_sched_getattr, 0, &a, 8192, 0);
	syscall(SYS_sched_getattr, 0, &a, 56, 1);
	syscall(SYS_sched_getattr, 0, NULL, 56, 0);
	syscall(SYS_sched_getattr, -1, &a, 56, 0);
	syscall(SYS_sched_getattr, NO_PID, &a, 56, 0);
	/* flags: unknown, clamps (no CONFIG_UCLAMP_TASK; too short for them) */
	uint64_t flags[] = { 0x80, 0x20, 0x40, 0x60, 0x01, 0x08, 0x10, 0x18, 1ULL << 40 };
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		a = (struct attr){ .size = 56, .flags = flags[i], .nice = 1 };
		setattr(0, &a, 0);
		getsched(0);
		a.size = 48;
		setattr(0, &a, 0);
	}
	a = (struct attr){ .size = 56, .policy = 0xffffffff };
	setattr(0, &a, 0);
	a = (struct attr){ .size = 56, .nice = -30 };
	setattr(0, &a, 0);
	getprio(PRIO_PROCESS, 0);
	a = (struct attr){ .size = 56, .nice = 30, .runtime = 5000000 };
	setattr(0, &a, 0);
	getprio(PRIO_PROCESS, 0);
	a = (struct attr){ .size = 56, .policy = SCHED_RR, .prio = 7 };
	setattr(0, &a, 0);
	a = (struct attr){ .size = 56, .flags = 0x10, .nice = 5 };   /* KEEP_PARAMS */
	setattr(0, &a, 0);
	a = (struct attr){ .size = 56, .flags = 0x08, .prio = 9 };    /* KEEP_POLICY */
	setattr(0, &a, 0);
	syscall(SYS_sched_getattr, 0, &a, 56, 0);
	fork_and_ask();
	a = (struct attr){ .size = 56, .policy = SCHED_OTHER };
	setattr(0, &a, 0);

	/* SCHED_DEADLINE: the argument checks, then a deadline task's fork */
	static const uint64_t dl[][3] = {
		{ 1000000, 0, 0 }, { 1000, 2000000, 0 }, { 1000000, 2000000, 1000000 },
		{ 3000000, 2000000, 0 }, { 50000, 50000, 50000 }, { 1000000, 2000000, 5000000000ULL },
		{ 1000000, 1ULL << 63, 0 }, { 1000000, 2000000, 1ULL << 63 },
		{ 1000000, 2000000, 3000000 },
	};
	for (size_t i = 0; i < sizeof(dl) / sizeof(dl[0]); i++) {
		a = (struct attr){ .size = 48, .policy = SCHED_DEADLINE, .runtime = dl[i][0],
				   .deadline = dl[i][1], .period = dl[i][2] };
		setattr(0, &a, 0);
	}
	a = (struct attr){ .size = 48, .policy = SCHED_DEADLINE, .prio = 1,
			   .runtime = 1000000, .deadline = 2000000 };
	setattr(0, &a, 0);
	getsched(0);
	syscall(SYS_sched_getattr, 0, &a, 56, 0);
	fork_and_ask();                        /* EAGAIN */
	a = (struct attr){ .size = 48, .policy = SCHED_DEADLINE, .flags = 1, .runtime = 1000000,
			   .deadline = 2000000, .period = 3000000 };
	setattr(0, &a, 0);
	getsched(0);
	fork_and_ask();                        /* reset on fork: a SCHED_OTHER child */
	a = (struct attr){ .size = 48, .policy = SCHED_OTHER };
	setattr(0, &a, 0);
}

/* Without CAP_SYS_NICE in the initial user namespace, RLIMIT_NICE and
 * RLIMIT_RTPRIO 0: only raising the nice value and lowering RT priority */
static void unprivileged(void)
{
	struct attr a;
	int prio = 5;

	syscall(SYS_unshare, CLONE_NEWUSER);
	setprio(PRIO_PROCESS, 0, 3);
	setprio(PRIO_PROCESS, 0, 2);
	setprio(PRIO_PROCESS, 0, 3);
	setprio(PRIO_PROCESS, 0, 10);
	getprio(PRIO_PROCESS, 0);
	setprio(PRIO_PROCESS, getppid(), 19);  /* same owner: allowed */
	setprio(PRIO_PROCESS, getppid(), 0);
	setsched(0, SCHED_FIFO, 1);
	setsched(0, SCHED_BATCH, 0);
	setsched(0, SCHED_IDLE, 0);
	setsched(0, SCHED_OTHER, 0);           /* leaving IDLE is a nice reduction */
	getsched(0);
	syscall(SYS_sched_setparam, 0, &prio);
	a = (struct attr){ .size = 56, .nice = 12 };
	setattr(0, &a, 0);
	a = (struct attr){ .size = 56, .nice = 11 };
	setattr(0, &a, 0);
	a = (struct attr){ .size = 48, .policy = SCHED_DEADLINE, .runtime = 1000000,
			   .deadline = 2000000 };
	setattr(0, &a, 0);
	fork_and_ask();
}

/* The child of a reset-on-fork parent starts without the flag; once it
 * set the flag itself, without CAP_SYS_NICE it may not clear it */
static void unprivileged_reset(void)
{
	syscall(SYS_unshare, CLONE_NEWUSER);
	setsched(0, SCHED_OTHER | SCHED_RESET_ON_FORK, 0);
	setsched(0, SCHED_OTHER, 0);
	getsched(0);
	setsched(0, SCHED_BATCH | SCHED_RESET_ON_FORK, 0);
	fork_and_ask();
}

static void in_child(void (*fn)(void))
{
	long pid = syscall(SYS_clone, SIGCHLD, 0, NULL, NULL, 0);

	if (pid == 0) {
		fn();
		syscall(SYS_exit, 0);
	}
	reap(pid, 0);
}

int main(void)
{
	syscall(SYS_setpgid, 0, 0);
	nice_calls();
	other_task();
	policy_calls();
	attr_calls();
	in_child(unprivileged);
	setsched(0, SCHED_OTHER | SCHED_RESET_ON_FORK, 0);
	in_child(unprivileged_reset);
	return 0;
}
