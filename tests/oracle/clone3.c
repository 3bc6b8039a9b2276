// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel as oracle for clone3(): every size 0..104 and sizes past a
 * page, with zero and non-zero trailing bytes, a struct running into an
 * unmapped page; every flag bit; exit signals; stack rules; set_tid sizes
 * and values (0, 1, taken, free, pid_max, nested in new pid namespaces);
 * pidfd combinations (and the same through clone()); the cgroup field.
 * Children leave at once (oracle.h). Cases left out are named, with the
 * reason, in tests/oracle/SKIPS.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>

#include "oracle.h"

#define PAGE 4096

static int pidfd_out, ptid_out, ctid_out;

/* clone3 with the struct at buf, reaping what it made */
static void call3(void *buf, size_t size)
{
	const struct clone_args *ca = buf;
	long ret = raw_clone3(buf, size);

	if (ret > 0 && size >= CLONE_ARGS_SIZE_VER0 && (ca->flags & CLONE_PIDFD))
		close(pidfd_out);
	reap(ret, size >= CLONE_ARGS_SIZE_VER0 ? ca->flags : 0);
}

static void args3(struct clone_args ca)
{
	call3(&ca, sizeof(ca));
}

static void sizes(void)
{
	static unsigned char buf[2 * PAGE];
	struct clone_args ca = { .exit_signal = SIGCHLD };
	unsigned char *edge;

	memcpy(buf, &ca, sizeof(ca));
	for (size_t size = 0; size <= 104; size++)
		call3(buf, size);
	for (size_t size = sizeof(ca) + 1; size <= 104; size++) {
		buf[size - 1] = 1;            /* one non-zero byte past the struct */
		call3(buf, size);
		buf[size - 1] = 0;
	}
	call3(buf, PAGE);
	buf[PAGE - 1] = 1;
	call3(buf, PAGE);
	buf[PAGE - 1] = 0;
	call3(buf, PAGE + 1);
	call3(buf, 1UL << 20);
	call3(buf, ~0UL);
	call3(NULL, 0);
	call3(NULL, PAGE + 1);
	call3(NULL, CLONE_ARGS_SIZE_VER0);
	call3((void *)8, CLONE_ARGS_SIZE_VER2);
	call3((void *)(1UL << 47), CLONE_ARGS_SIZE_VER2);
	/* a struct ending a page whose successor is unmapped */
	edge = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (edge == MAP_FAILED)
		return;
	munmap(edge + PAGE, PAGE);
	memcpy(edge + PAGE - sizeof(ca), &ca, sizeof(ca));
	call3(edge + PAGE - sizeof(ca), sizeof(ca));              /* all readable */
	call3(edge + PAGE - sizeof(ca), sizeof(ca) + 8);          /* tail unreadable */
	call3(edge + PAGE - CLONE_ARGS_SIZE_VER0, CLONE_ARGS_SIZE_VER1);
	memcpy(edge + PAGE - CLONE_ARGS_SIZE_VER0, &ca, CLONE_ARGS_SIZE_VER0);
	call3(edge + PAGE - CLONE_ARGS_SIZE_VER0, CLONE_ARGS_SIZE_VER0);
	call3(edge + PAGE, CLONE_ARGS_SIZE_VER0);
	munmap(edge, PAGE);
}

static void flags(void)
{
	for (int bit = 0; bit < 64; bit++) {
		args3((struct clone_args){ .flags = 1ULL << bit, .exit_signal = SIGCHLD,
					   .pidfd = (uintptr_t)&pidfd_out,
					   .parent_tid = (uintptr_t)&ptid_out,
					   .child_tid = (uintptr_t)&ctid_out });
		args3((struct clone_args){ .flags = 1ULL << bit,
					   .pidfd = (uintptr_t)&pidfd_out,
					   .parent_tid = (uintptr_t)&ptid_out,
					   .child_tid = (uintptr_t)&ctid_out });
	}
	args3((struct clone_args){ .flags = CLONE_CLEAR_SIGHAND | CLONE_SIGHAND | CLONE_VM });
	args3((struct clone_args){ .flags = CLONE_CLEAR_SIGHAND | CLONE_VM, .exit_signal = SIGCHLD });
	args3((struct clone_args){ .flags = CLONE_THREAD | CLONE_SIGHAND | CLONE_VM,
				   .exit_signal = SIGCHLD });
	args3((struct clone_args){ .flags = CLONE_THREAD | CLONE_SIGHAND | CLONE_VM });
	args3((struct clone_args){ .flags = CLONE_PARENT, .exit_signal = SIGCHLD });
	args3((struct clone_args){ .flags = CLONE_PARENT });
	args3((struct clone_args){ .flags = CLONE_NEWTIME | CLONE_NEWUSER, .exit_signal = SIGCHLD });
	args3((struct clone_args){ .flags = CLONE_NEWTIME | CLONE_THREAD | CLONE_SIGHAND | CLONE_VM });
}

static void signals_and_stacks(void)
{
	static const unsigned long long sigs[] = {
		0, SIGCHLD, SIGUSR1, 63, 64, 65, 128, 255, 256, 1ULL << 32 | SIGCHLD, ~0ULL,
	};
	static char stack[PAGE];

	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		args3((struct clone_args){ .exit_signal = sigs[i] });
	args3((struct clone_args){ .exit_signal = SIGCHLD, .stack = (uintptr_t)stack,
				   .stack_size = sizeof(stack) });
	args3((struct clone_args){ .exit_signal = SIGCHLD, .stack = (uintptr_t)stack });
	args3((struct clone_args){ .exit_signal = SIGCHLD, .stack_size = sizeof(stack) });
	args3((struct clone_args){ .exit_signal = SIGCHLD, .stack = (1ULL << 47) - PAGE,
				   .stack_size = 2 * PAGE });
	args3((struct clone_args){ .exit_signal = SIGCHLD, .stack = ~0ULL - 16, .stack_size = 8 });
	args3((struct clone_args){ .flags = CLONE_VM | CLONE_VFORK, .exit_signal = SIGCHLD,
				   .stack = (uintptr_t)stack, .stack_size = sizeof(stack) });
	args3((struct clone_args){ .flags = CLONE_SETTLS, .exit_signal = SIGCHLD, .tls = 1ULL << 47 });
}

static int pid_max(void)
{
	FILE *f = fopen("/proc/sys/kernel/pid_max", "r");
	int v = 32768;

	if (f) {
		if (fscanf(f, "%d", &v) != 1)
			v = 32768;
		fclose(f);
	}
	return v;
}

/* A free pid near the top of the range: one this run will not reach. */
static int free_pid(int max)
{
	for (int pid = max - 100; pid > 300; pid--)
		if (kill(pid, 0) && errno == ESRCH)
			return pid;
	return 0;
}

static void set_tid_case(pid_t *tids, size_t n, unsigned long long flags)
{
	args3((struct clone_args){ .flags = flags, .exit_signal = SIGCHLD,
				   .set_tid = (uintptr_t)tids, .set_tid_size = n });
}

static void set_tids(int max, int free)
{
	static pid_t tids[40];

	for (size_t n = 0; n <= 33; n++) {
		args3((struct clone_args){ .exit_signal = SIGCHLD, .set_tid_size = n });
		set_tid_case(tids, n, 0);    /* zeros: no pid 0 */
	}
	tids[0] = 1;                         /* init's */
	set_tid_case(tids, 1, 0);
	tids[0] = (pid_t)syscall(SYS_getpid);  /* this process's */
	set_tid_case(tids, 1, 0);
	tids[0] = -1;
	set_tid_case(tids, 1, 0);
	tids[0] = max;
	set_tid_case(tids, 1, 0);
	tids[0] = max + 1;
	set_tid_case(tids, 1, 0);
	tids[0] = free;                      /* free: the child gets it */
	set_tid_case(tids, 1, 0);
	set_tid_case(tids, 1, 0);            /* reaped: free again */
	set_tid_case(tids, 2, 0);            /* deeper than the namespace */
	set_tid_case((pid_t *)8, 1, 0);
	/* a new pid namespace: tids[0] is the pid there, tids[1] here */
	tids[0] = 1;
	tids[1] = free;
	set_tid_case(tids, 2, CLONE_NEWPID);
	set_tid_case(tids, 1, CLONE_NEWPID);
	tids[0] = 2;
	set_tid_case(tids, 1, CLONE_NEWPID);  /* no init there yet */
	set_tid_case(tids, 2, CLONE_NEWPID);
	tids[0] = 1;
	set_tid_case(tids, 3, CLONE_NEWPID);  /* deeper than one new level */
	tids[1] = 0;
	set_tid_case(tids, 2, CLONE_NEWPID);
}

/* Inside a new pid namespace: set_tid across two levels and then three. */
static void nested(int free)
{
	long pid = syscall(SYS_clone, CLONE_NEWPID | SIGCHLD, 0, NULL, NULL, 0);
	pid_t tids[3] = { 1 };

	if (pid == 0) {
		set_tid_case(tids, 1, 0);             /* 1 is this task */
		tids[0] = 5;
		set_tid_case(tids, 1, 0);             /* pid 5 here */
		tids[0] = 6;
		tids[1] = 1;
		set_tid_case(tids, 2, 0);             /* 1 of the root namespace is taken */
		tids[1] = free;
		set_tid_case(tids, 2, 0);             /* 6 here, free there */
		tids[2] = 9;
		set_tid_case(tids, 3, 0);             /* deeper than two levels */
		tids[0] = 1;
		tids[1] = 7;
		set_tid_case(tids, 2, CLONE_NEWPID);  /* 1 in the new one, 7 here */
		tids[2] = free;
		set_tid_case(tids, 3, CLONE_NEWPID);  /* and free in the root */
		tids[0] = 2;
		set_tid_case(tids, 2, CLONE_NEWPID);  /* no init there yet */
		syscall(SYS_exit_group, 0);
	}
	reap(pid, 0);
}

static void pidfds(void)
{
	/* clone3: pidfd and parent_tid are separate fields */
	args3((struct clone_args){ .flags = CLONE_PIDFD, .exit_signal = SIGCHLD,
				   .pidfd = (uintptr_t)&pidfd_out });
	args3((struct clone_args){ .flags = CLONE_PIDFD | CLONE_PARENT_SETTID, .exit_signal = SIGCHLD,
				   .pidfd = (uintptr_t)&pidfd_out, .parent_tid = (uintptr_t)&ptid_out });
	args3((struct clone_args){ .flags = CLONE_PIDFD | CLONE_PARENT_SETTID, .exit_signal = SIGCHLD,
				   .pidfd = (uintptr_t)&pidfd_out, .parent_tid = (uintptr_t)&pidfd_out });
	args3((struct clone_args){ .flags = CLONE_PIDFD | CLONE_THREAD | CLONE_SIGHAND | CLONE_VM,
				   .pidfd = (uintptr_t)&pidfd_out });
	args3((struct clone_args){ .flags = CLONE_PIDFD | CLONE_DETACHED, .exit_signal = SIGCHLD,
				   .pidfd = (uintptr_t)&pidfd_out });
	args3((struct clone_args){ .flags = CLONE_PIDFD, .exit_signal = SIGCHLD, .pidfd = 0 });
	args3((struct clone_args){ .flags = CLONE_PIDFD, .exit_signal = SIGCHLD, .pidfd = 8 });
	args3((struct clone_args){ .flags = CLONE_PIDFD | CLONE_VFORK | CLONE_VM,
				   .exit_signal = SIGCHLD, .pidfd = (uintptr_t)&pidfd_out });
	args3((struct clone_args){ .flags = CLONE_PIDFD | CLONE_PARENT,
				   .pidfd = (uintptr_t)&pidfd_out });
	args3((struct clone_args){ .flags = CLONE_PARENT_SETTID | CLONE_CHILD_SETTID |
					    CLONE_CHILD_CLEARTID, .exit_signal = SIGCHLD,
				   .parent_tid = (uintptr_t)&ptid_out, .child_tid = (uintptr_t)&ctid_out });
	args3((struct clone_args){ .flags = CLONE_PARENT_SETTID, .exit_signal = SIGCHLD,
				   .parent_tid = 8 });
}

/* CLONE_INTO_CGROUP: the checks made before any cgroup is looked at */
static void cgroups(void)
{
	struct clone_args ca = { .flags = CLONE_INTO_CGROUP, .exit_signal = SIGCHLD };

	ca.cgroup = 1ULL << 31;
	args3(ca);
	ca.cgroup = ~0ULL;
	args3(ca);
	ca.cgroup = 0;
	call3(&ca, CLONE_ARGS_SIZE_VER1);    /* no cgroup field at this size */
	ca.flags = 0;
	ca.cgroup = 12345;                    /* ignored without the flag */
	args3(ca);
}

int main(void)
{
	int max = pid_max(), free = free_pid(max);

	/* exit signals other than SIGCHLD would end this process */
	for (int sig = 1; sig < 65; sig++)
		if (sig != SIGKILL && sig != SIGSTOP && sig != SIGCHLD)
			signal(sig, SIG_IGN);
	sizes();
	flags();
	signals_and_stacks();
	set_tids(max, free);
	nested(free);
	pidfds();
	cgroups();
	syscall(SYS_exit_group, 0);
	return 0;
}
