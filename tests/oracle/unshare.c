// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel as oracle for unshare(): every flag alone and every pair, in a
 * process of its own, first as root of the initial user namespace and then
 * inside a new user namespace (unmapped, so a nested one is refused), each
 * followed by a fork, a thread and a second fork whose results depend on it
 * (pid 1 of a new pid namespace, then ENOMEM once that init died; EINVAL
 * for a thread). Then what sharing forbids: a multithreaded process, a
 * CLONE_VM child, a vfork child, a child sharing handlers; and nesting.
 * tests/cli/oracle_unshare.sh replays the log with --check.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>

#include "oracle.h"

#define THREAD_FLAGS (CLONE_THREAD | CLONE_SIGHAND | CLONE_VM)

static const unsigned long flags[] = {
	CLONE_THREAD, CLONE_FS, CLONE_NEWNS, CLONE_SIGHAND, CLONE_VM, CLONE_FILES,
	CLONE_SYSVSEM, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWNET, CLONE_NEWUSER,
	CLONE_NEWPID, CLONE_NEWCGROUP, CLONE_NEWTIME,
	/* no unshare() flag */
	CLONE_IO, CLONE_VFORK, CLONE_PARENT, CLONE_PIDFD, 1, 1UL << 32,
};
#define NR_FLAGS (sizeof(flags) / sizeof(flags[0]))

static long unshare_(unsigned long f)
{
	return syscall(SYS_unshare, f);
}

/* A fork whose child leaves at once, reaped. */
static void fork_now(void)
{
	reap(raw_clone(SIGCHLD, NULL, NULL, NULL, 0), 0);
}

/* What follows an unshare(): a fork, a thread, another fork. */
static void after(void)
{
	fork_now();
	raw_clone(THREAD_FLAGS, NULL, NULL, NULL, 0);
	fork_now();
	syscall(SYS_getpid);
}

/* Runs fn in a fork-like child process of its own, reaped. The child
 * ends by exit(), not exit_group(): a thread of its own may still be in
 * exit() when strace prints the end, and exit_group() would race it. */
static void in_child(void (*fn)(unsigned long), unsigned long arg)
{
	long pid = syscall(SYS_clone, SIGCHLD, 0, NULL, NULL, 0);

	if (pid == 0) {
		fn(arg);
		syscall(SYS_exit, 0);
	}
	reap(pid, 0);
}

static void pair(unsigned long f)
{
	unshare_(f);
	after();
}

static void pairs(unsigned long in_userns)
{
	if (in_userns)
		unshare_(CLONE_NEWUSER);
	for (size_t i = 0; i < NR_FLAGS; i++)
		for (size_t j = i; j < NR_FLAGS; j++)
			in_child(pair, flags[i] | flags[j]);
}

/* Nesting: a pid namespace for children twice, a user namespace twice,
 * and the namespaces a new user namespace allows. */
static void nested(unsigned long arg)
{
	(void)arg;
	unshare_(CLONE_NEWPID);
	unshare_(CLONE_NEWPID);              /* children's namespace is not mine */
	unshare_(CLONE_NEWUSER);
	unshare_(CLONE_NEWUSER);             /* unmapped: no nested one */
	unshare_(CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNET | CLONE_NEWCGROUP |
		 CLONE_NEWTIME);
	after();
}

/* The init of a namespace made by unshare() forks pid 2 and unshares again. */
static void init_forks(unsigned long arg)
{
	long pid;

	(void)arg;
	unshare_(CLONE_NEWPID);
	pid = syscall(SYS_clone, SIGCHLD, 0, NULL, NULL, 0);
	if (pid == 0) {
		syscall(SYS_getpid);
		fork_now();                      /* pid 2 */
		unshare_(CLONE_NEWPID);
		fork_now();                      /* pid 1 two deep */
		unshare_(CLONE_NEWPID);          /* that one is not active */
		syscall(SYS_exit_group, 0);
	}
	reap(pid, 0);
	fork_now();                              /* its init is gone */
}

static int pipefd[2];

static void *blocked(void *arg)
{
	char c;

	(void)arg;
	return (void *)read(pipefd[0], &c, 1);
}

/* Two live threads: what would split the group is refused. */
static void threaded(unsigned long arg)
{
	static const unsigned long tries[] = {
		CLONE_NEWUSER, CLONE_THREAD, CLONE_SIGHAND, CLONE_VM, CLONE_FS, CLONE_FILES,
		CLONE_NEWNS, CLONE_NEWPID,
	};
	pthread_t t;

	(void)arg;
	if (pipe(pipefd) || pthread_create(&t, NULL, blocked, NULL))
		return;
	for (size_t i = 0; i < sizeof(tries) / sizeof(tries[0]); i++)
		unshare_(tries[i]);
	raw_clone(THREAD_FLAGS, NULL, NULL, NULL, 0);
	if (write(pipefd[1], "x", 1) == 1)
		pthread_join(t, NULL);
}

static char stack[1 << 16];

static int sharer(void *arg)
{
	(void)arg;
	unshare_(CLONE_VM);
	unshare_(CLONE_SIGHAND);
	unshare_(CLONE_THREAD);
	unshare_(CLONE_FS);
	unshare_(CLONE_FILES);
	unshare_(CLONE_NEWNS);
	return 0;
}

/* Children sharing the mm, the handlers, fs and files with their parent. */
static void sharing(unsigned long arg)
{
	static const unsigned long how[] = {
		CLONE_VM, CLONE_VM | CLONE_SIGHAND, CLONE_VM | CLONE_FS | CLONE_FILES, CLONE_FS,
	};

	(void)arg;
	for (size_t i = 0; i < sizeof(how) / sizeof(how[0]); i++)
		reap(clone(sharer, stack + sizeof(stack), how[i] | SIGCHLD, NULL), 0);
	if (vfork() == 0) {
		unshare_(CLONE_VM);
		syscall(SYS_exit, 0);
	}
}

int main(void)
{
	syscall(SYS_getpid);
	in_child(pairs, 0);
	in_child(pairs, 1);
	in_child(nested, 0);
	in_child(init_forks, 0);
	in_child(threaded, 0);
	in_child(sharing, 0);
	syscall(SYS_exit_group, 0);
	return 0;
}
