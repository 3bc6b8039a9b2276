// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel as oracle for clone(), fork() and vfork(): every legacy flag
 * alone and every pair of them, each with no exit signal and with SIGCHLD;
 * the combinations the pre-checks of copy_process() and kernel_clone()
 * name; exit signals in and out of range; fork and vfork from the main
 * thread, from another thread and from a pid namespace's init. Children
 * leave at once (oracle.h). tests/cli/oracle_clone.sh replays the log.
 * Clones after unshare() are tests/oracle/unshare.c's.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>

#include "oracle.h"

static int ptid, ctid;

static void one(unsigned long flags)
{
	long ret = raw_clone(flags, NULL, &ptid, &ctid, 0);

	if (ret >= 0 && (flags & CLONE_PIDFD))
		close((int)ptid);
	reap(ret, flags);
}

/* fork() and vfork() as raw calls, the child leaving at once */
static void forks(void)
{
	reap(syscall_child_exits(SYS_fork, 0, 0, 0, 0, 0), 0);
	reap(syscall_child_exits(SYS_vfork, 0, 0, 0, 0, 0), 0);
}

static void *thread_forks(void *arg)
{
	(void)arg;
	forks();
	one(CLONE_PARENT_SETTID | SIGCHLD);
	return NULL;
}

/* A fork-like child, init of a new pid namespace, that tries what init may not. */
static void pid_namespace_init(void)
{
	long pid = syscall(SYS_clone, CLONE_NEWPID | SIGCHLD, 0, NULL, NULL, 0);

	if (pid == 0) {
		syscall(SYS_getpid);
		syscall(SYS_getppid);
		one(CLONE_PARENT | SIGCHLD);   /* init may not make siblings */
		one(CLONE_PARENT);
		one(SIGCHLD);                  /* pid 2 of the namespace */
		one(CLONE_NEWPID | SIGCHLD);   /* a namespace two deep */
		forks();
		syscall(SYS_exit_group, 0);
	}
	reap(pid, 0);
}

int main(void)
{
	static const unsigned long signals[] = { 0, SIGCHLD, SIGUSR1, 63, 64, 65, 128, 255 };
	/* the combinations the pre-checks name, in their order */
	static const unsigned long prechecks[] = {
		CLONE_NEWNS | CLONE_FS,
		CLONE_NEWUSER | CLONE_FS,
		CLONE_THREAD | CLONE_SIGHAND | CLONE_VM,
		CLONE_THREAD | CLONE_VM,
		CLONE_SIGHAND | CLONE_VM,
		CLONE_THREAD | CLONE_SIGHAND | CLONE_VM | CLONE_NEWUSER,
		CLONE_THREAD | CLONE_SIGHAND | CLONE_VM | CLONE_NEWPID,
		CLONE_THREAD | CLONE_SIGHAND | CLONE_VM | CLONE_PARENT,
		CLONE_THREAD | CLONE_SIGHAND | CLONE_VM | CLONE_PIDFD,
		CLONE_THREAD | CLONE_SIGHAND | CLONE_VM | CLONE_SETTLS | CLONE_PARENT_SETTID |
			CLONE_CHILD_CLEARTID,
		CLONE_PIDFD | CLONE_PARENT_SETTID,
		CLONE_PIDFD | CLONE_DETACHED,
		CLONE_PIDFD | CLONE_VFORK | CLONE_VM,
		CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC,
		CLONE_NEWUSER | CLONE_THREAD | CLONE_SIGHAND | CLONE_VM,
		CLONE_NEWNS | CLONE_FS | CLONE_NEWUSER,
	};

	/* exit signals other than SIGCHLD would end this process */
	for (int sig = 1; sig < 65; sig++)
		if (sig != SIGKILL && sig != SIGSTOP && sig != SIGCHLD)
			signal(sig, SIG_IGN);
	syscall(SYS_getpid);
	for (int bit = 8; bit < 32; bit++)
		for (int other = bit; other < 32; other++)
			for (int sig = 0; sig < 2; sig++)
				one((1UL << bit) | (1UL << other) | (sig ? SIGCHLD : 0));
	for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++)
		one(signals[i]);
	/* clone() keeps the low 32 bits of its flags only */
	one(0x1ff00000000UL | SIGCHLD);
	one((1UL << 32) | CLONE_SIGHAND | SIGCHLD);
	for (size_t i = 0; i < sizeof(prechecks) / sizeof(prechecks[0]); i++) {
		one(prechecks[i]);
		one(prechecks[i] | SIGCHLD);
	}
	/* an fs base the task cannot have */
	raw_clone(CLONE_SETTLS | SIGCHLD, NULL, NULL, NULL, 1UL << 47);
	raw_clone(CLONE_SETTLS | SIGCHLD, NULL, NULL, NULL, ~0UL);
	/* where the kernel writes the child's id */
	raw_clone(CLONE_PARENT_SETTID | SIGCHLD, NULL, (int *)8, NULL, 0);
	raw_clone(CLONE_PIDFD | SIGCHLD, NULL, (int *)8, NULL, 0);
	pid_namespace_init();
	forks();
	{
		pthread_t t;

		if (!pthread_create(&t, NULL, thread_forks, NULL))
			pthread_join(t, NULL);
	}
	syscall(SYS_exit_group, 0);
	return 0;
}
