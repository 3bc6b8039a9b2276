// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel as oracle for ioprio_set()/ioprio_get() and the io_context a
 * fork copies (copy_io()): classes and levels valid and not, whom (this
 * process, a child, this process group, a user no task has), what a child
 * inherits with and without CLONE_IO, and the same inside a new user
 * namespace (RT needs the initial namespace's capabilities; a user id maps
 * to nobody). The process group is this program's own (setpgid), so the
 * host's other tasks stay out of it; no call names user 0, whose tasks are
 * the host's. tests/cli/oracle_ioprio.sh replays the log with --check.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "oracle.h"
#include "uapi/linux/ioprio.h"

#define NOBODY_UID 54321   /* a user with no task */

static long set(int which, int who, int ioprio)
{
	return syscall(SYS_ioprio_set, which, who, ioprio);
}

static long get(int which, int who)
{
	return syscall(SYS_ioprio_get, which, who);
}

/* A fork-like child running fn, reaped. */
static void child(unsigned long flags, void (*fn)(void))
{
	long pid = syscall(SYS_clone, flags | SIGCHLD, 0, NULL, NULL, 0);

	if (pid == 0) {
		fn();
		syscall(SYS_exit, 0);
	}
	reap(pid, 0);
}

static void reads(void)
{
	get(IOPRIO_WHO_PROCESS, 0);
}

static void sets_idle(void)
{
	get(IOPRIO_WHO_PROCESS, 0);
	set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_IDLE, 7));
}

static void checks(void)
{
	static const int bad[] = {
		IOPRIO_PRIO_VALUE(IOPRIO_CLASS_INVALID, 0), IOPRIO_PRIO_VALUE(4, 0),
		IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 1), -1,
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		set(IOPRIO_WHO_PROCESS, 0, bad[i]);
	set(0, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4));
	set(4, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4));
	get(0, 0);
	get(4, 0);
	set(IOPRIO_WHO_PROCESS, 99999999, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4));
	get(IOPRIO_WHO_PROCESS, 99999999);
	get(IOPRIO_WHO_PGRP, 99999999);
	set(IOPRIO_WHO_USER, NOBODY_UID, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4));
	get(IOPRIO_WHO_USER, NOBODY_UID);
	set(IOPRIO_WHO_PGRP, 99999999, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4));
}

/* A child that waits on a pipe while its parent sets its priority. */
static void other_process(void)
{
	int fds[2];
	long pid;
	char c;

	if (pipe(fds))
		return;
	pid = syscall(SYS_clone, SIGCHLD, 0, NULL, NULL, 0);
	if (pid == 0) {
		if (read(fds[0], &c, 1) == 1)
			get(IOPRIO_WHO_PROCESS, 0);
		syscall(SYS_exit, 0);
	}
	get(IOPRIO_WHO_PROCESS, (int)pid);
	set(IOPRIO_WHO_PROCESS, (int)pid, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 2));
	get(IOPRIO_WHO_PROCESS, (int)pid);
	get(IOPRIO_WHO_PGRP, 0);                 /* the best of the group */
	if (write(fds[1], "x", 1) == 1)
		reap(pid, 0);
	close(fds[0]);
	close(fds[1]);
}

/* What a child inherits, after each priority of this process. */
static void inherits(void)
{
	static const int prios[] = {
		IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4), IOPRIO_PRIO_VALUE(IOPRIO_CLASS_RT, 0),
		IOPRIO_PRIO_VALUE(IOPRIO_CLASS_IDLE, 0), IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0),
		IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 7) | 1 << 3,   /* a hint bit */
	};

	for (size_t i = 0; i < sizeof(prios) / sizeof(prios[0]); i++) {
		set(IOPRIO_WHO_PROCESS, 0, prios[i]);
		get(IOPRIO_WHO_PROCESS, 0);
		child(0, reads);
		child(0, sets_idle);                 /* its own copy */
		get(IOPRIO_WHO_PROCESS, 0);
		child(CLONE_IO, sets_idle);          /* shared: ours changes */
		get(IOPRIO_WHO_PROCESS, 0);
	}
}

static void in_userns(void)
{
	if (syscall(SYS_unshare, CLONE_NEWUSER))
		return;
	set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_RT, 0));
	set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 1));
	get(IOPRIO_WHO_PROCESS, 0);
	set(IOPRIO_WHO_PROCESS, (int)syscall(SYS_getppid), IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 3));
	set(IOPRIO_WHO_USER, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 1));   /* unmapped: no one */
	get(IOPRIO_WHO_USER, NOBODY_UID);
}

int main(void)
{
	syscall(SYS_setpgid, 0, 0);
	get(IOPRIO_WHO_PROCESS, 0);
	/* a task without a priority reads as its nice value's: the model's are 0 */
	if (getpriority(PRIO_PROCESS, 0) == 0)
		get(IOPRIO_WHO_PGRP, 0);
	checks();
	child(0, reads);
	child(CLONE_IO, reads);
	inherits();
	other_process();
	child(0, in_userns);
	get(IOPRIO_WHO_PROCESS, 0);
	syscall(SYS_exit_group, 0);
	return 0;
}
