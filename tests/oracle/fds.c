// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel as oracle for the descriptor-table calls: open and close,
 * dup/dup2/dup3, fcntl's descriptor commands, close_range's ranges and
 * flags, pipe2's flags, the fd-creating calls (socket, eventfd, ...),
 * pidfd_open, and the table across fork, CLONE_FILES and exec; built as
 * fds_limit.c (FDS_LIMIT), exhaustion under a RLIMIT_NOFILE it lowers
 * first. Every call is a raw syscall, valid and invalid arguments alike,
 * so strace shows exactly the call made.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "oracle.h"

#define CLOSE_RANGE_UNSHARE (1U << 1)
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#define RAW_O_CLOEXEC 02000000

static long sys(long nr, long a, long b, long c, long d)
{
	return syscall(nr, a, b, c, d);
}

#ifdef FDS_LIMIT
/* RLIMIT_NOFILE lowered to 8: fds 3..7, then EMFILE for each kind */
static void exhaustion(void)
{
	struct rlimit r = { 8, 8 };
	int p[2];

	syscall(SYS_setrlimit, RLIMIT_NOFILE, &r);
	for (int i = 0; i < 4; i++)
		sys(SYS_openat, AT_FDCWD, (long)"/dev/null", O_RDONLY, 0);
	sys(SYS_pipe2, (long)p, 0, 0, 0);            /* EMFILE: one fd left */
	sys(SYS_dup, 3, 0, 0, 0);
	sys(SYS_dup, 3, 0, 0, 0);                    /* EMFILE */
	sys(SYS_openat, AT_FDCWD, (long)"/dev/null", O_RDONLY, 0);   /* EMFILE */
	sys(SYS_fcntl, 3, F_DUPFD, 8, 0);            /* EINVAL: from >= limit */
	sys(SYS_fcntl, 3, F_DUPFD, 2, 0);            /* EMFILE */
	sys(SYS_dup2, 3, 8, 0, 0);                   /* EBADF */
	sys(SYS_dup2, 3, 7, 0, 0);
	sys(SYS_close_range, 3, ~0U, 0, 0);
}

int main(void)
{
	sys(SYS_dup2, 1, 0, 0, 0);
	sys(SYS_close_range, 3, ~0U, 0, 0);
	exhaustion();
	return 0;
}
#else
static void dups(void)
{
	int fd = (int)sys(SYS_openat, AT_FDCWD, (long)"/dev/null", O_RDONLY, 0);

	sys(SYS_dup, fd, 0, 0, 0);
	sys(SYS_dup, 999, 0, 0, 0);                  /* EBADF */
	sys(SYS_dup2, fd, fd, 0, 0);                 /* same fd: fd */
	sys(SYS_dup2, 77, 77, 0, 0);                 /* same, closed: EBADF */
	sys(SYS_dup2, fd, 10, 0, 0);
	sys(SYS_dup2, fd, 200, 0, 0);                /* grows the table */
	sys(SYS_dup2, 88, 12, 0, 0);                 /* EBADF */
	sys(SYS_dup2, fd, 1 << 30, 0, 0);            /* beyond RLIMIT_NOFILE: EBADF */
	sys(SYS_dup3, fd, fd, 0, 0);                 /* EINVAL */
	sys(SYS_dup3, fd, 11, RAW_O_CLOEXEC, 0);
	sys(SYS_dup3, fd, 13, O_NONBLOCK, 0);        /* EINVAL */
	sys(SYS_dup3, 99, 13, 0, 0);                 /* EBADF */
	sys(SYS_fcntl, fd, F_DUPFD, 0, 0);
	sys(SYS_fcntl, fd, F_DUPFD, 20, 0);
	sys(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 20, 0);
	sys(SYS_fcntl, fd, F_DUPFD, -1, 0);          /* EINVAL */
	sys(SYS_fcntl, 98, F_DUPFD, 0, 0);           /* EBADF */
	sys(SYS_fcntl, 11, F_GETFD, 0, 0);
	sys(SYS_fcntl, 11, F_SETFD, 0, 0);
	sys(SYS_fcntl, 11, F_GETFD, 0, 0);
	sys(SYS_fcntl, 10, F_SETFD, FD_CLOEXEC | 2, 0);
	sys(SYS_fcntl, 10, F_GETFD, 0, 0);
	sys(SYS_fcntl, 97, F_GETFD, 0, 0);           /* EBADF */
	sys(SYS_close, 96, 0, 0, 0);                 /* EBADF */
	sys(SYS_close, -1, 0, 0, 0);                 /* EBADF */
	sys(SYS_close, 200, 0, 0, 0);
	sys(SYS_close, 200, 0, 0, 0);                /* EBADF */
}

static void ranges(void)
{
	for (int i = 0; i < 6; i++)
		sys(SYS_openat, AT_FDCWD, (long)"/dev/null", O_RDONLY, 0);
	sys(SYS_close_range, 5, 3, 0, 0);            /* EINVAL: fd > max_fd */
	sys(SYS_close_range, 3, 4, 8, 0);            /* EINVAL: unknown flag */
	sys(SYS_close_range, 4, 5, 0, 0);
	sys(SYS_close_range, 6, 7, CLOSE_RANGE_CLOEXEC, 0);
	sys(SYS_fcntl, 6, F_GETFD, 0, 0);
	sys(SYS_close_range, 8, 8, CLOSE_RANGE_UNSHARE, 0);
	sys(SYS_close_range, 500, ~0U, 0, 0);        /* nothing open there */
	sys(SYS_openat, AT_FDCWD, (long)"/dev/null", O_RDONLY, 0);
	sys(SYS_openat, AT_FDCWD, (long)"/dev/null", O_RDONLY | RAW_O_CLOEXEC, 0);
	sys(SYS_close_range, 3, ~0U, 0, 0);
}

static void creators(void)
{
	int p[2], sv[2], pidfd = -1;
	long pid = getpid();

	sys(SYS_pipe, (long)p, 0, 0, 0);
	sys(SYS_pipe2, (long)p, RAW_O_CLOEXEC | O_NONBLOCK, 0, 0);
	sys(SYS_pipe2, (long)p, O_ASYNC, 0, 0);     /* EINVAL */
	sys(SYS_pipe2, (long)p, O_DIRECT, 0, 0);
	sys(SYS_close, 5, 0, 0, 0);
	sys(SYS_socket, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, 0);
	sys(SYS_socketpair, AF_UNIX, SOCK_DGRAM, 0, (long)sv);
	sys(SYS_eventfd2, 0, O_CLOEXEC, 0, 0);
	sys(SYS_epoll_create1, O_CLOEXEC, 0, 0, 0);
	sys(SYS_memfd_create, (long)"oracle", 1, 0, 0);
	sys(SYS_timerfd_create, CLOCK_MONOTONIC, 0, 0, 0);
	sys(SYS_inotify_init1, 0, 0, 0, 0);
	sys(SYS_creat, (long)"/nonexistent/dir/file", 0600, 0, 0);   /* ENOENT */
	sys(SYS_open, (long)"/dev/null", O_RDONLY, 0, 0);
	sys(SYS_pidfd_open, pid, 0, 0, 0);
	sys(SYS_pidfd_open, pid, 1, 0, 0);          /* EINVAL: flags */
	sys(SYS_pidfd_open, 0, 0, 0, 0);            /* EINVAL */
	sys(SYS_pidfd_open, 4000000, 0, 0, 0);      /* ESRCH */
	sys(SYS_close, 4, 0, 0, 0);
	/* CLONE_PIDFD's fd is the lowest free one, close-on-exec */
	pid = raw_clone(CLONE_PIDFD | SIGCHLD, NULL, &pidfd, NULL, 0);
	sys(SYS_fcntl, pidfd, F_GETFD, 0, 0);
	sys(SYS_openat, AT_FDCWD, (long)"/dev/null", O_RDONLY, 0);
	reap(pid, 0);
	sys(SYS_close_range, 3, ~0U, 0, 0);
}

/* fds across fork, CLONE_FILES and exec */
static void across(char *self)
{
	int fd = (int)sys(SYS_openat, AT_FDCWD, (long)"/dev/null", O_RDONLY, 0);
	int cfd = (int)sys(SYS_openat, AT_FDCWD, (long)"/dev/null", O_RDONLY | RAW_O_CLOEXEC, 0);
	long pid = syscall(SYS_fork);

	if (pid == 0) {      /* a copy: closing here leaves the parent's */
		sys(SYS_close, fd, 0, 0, 0);
		sys(SYS_dup2, cfd, 40, 0, 0);
		syscall(SYS_exit_group, 0);
	}
	syscall(SYS_wait4, pid, NULL, 0, NULL);
	sys(SYS_fcntl, fd, F_GETFD, 0, 0);
	sys(SYS_fcntl, 40, F_GETFD, 0, 0);          /* EBADF: the child's */
	pid = syscall(SYS_clone, CLONE_FILES | SIGCHLD, 0, 0, 0, 0);
	if (pid == 0) {      /* shared: closing here closes the parent's */
		sys(SYS_close, fd, 0, 0, 0);
		sys(SYS_dup2, cfd, 41, 0, 0);
		syscall(SYS_exit_group, 0);
	}
	syscall(SYS_wait4, pid, NULL, 0, NULL);
	sys(SYS_fcntl, fd, F_GETFD, 0, 0);          /* EBADF */
	sys(SYS_fcntl, 41, F_GETFD, 0, 0);
	pid = syscall(SYS_fork);
	if (pid == 0) {      /* exec closes cfd, keeps 41 */
		char *argv[] = { self, "after-exec", NULL };

		syscall(SYS_execve, self, argv, NULL);
		syscall(SYS_exit_group, 1);
	}
	syscall(SYS_wait4, pid, NULL, 0, NULL);
}

int main(int argc, char **argv)
{
	if (argc > 1) {      /* after exec: cfd is gone, 41 is open */
		sys(SYS_fcntl, 4, F_GETFD, 0, 0);
		sys(SYS_fcntl, 41, F_GETFD, 0, 0);
		sys(SYS_dup, 0, 0, 0, 0);
		return 0;
	}
	/* fds 0-2 open and nothing above, as the replay's first task starts */
	sys(SYS_dup2, 1, 0, 0, 0);
	sys(SYS_close_range, 3, ~0U, 0, 0);
	dups();
	sys(SYS_close_range, 3, ~0U, 0, 0);
	ranges();
	creators();
	across(argv[0]);
	return 0;
}
#endif
