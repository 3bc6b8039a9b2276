// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel as oracle for resource limits and the per-task registrations
 * copy_process() resets or copies: prlimit64, getrlimit, setrlimit,
 * set_tid_address, set_robust_list, get_robust_list, rseq and the id
 * getters, with valid and invalid arguments, in the process, in a thread,
 * across fork (a raw one: glibc's fork() registers the child's robust list
 * again), clone(CLONE_VM), a new user namespace and exec. Every call is a
 * raw syscall, so strace sees exactly these. tests/cli/oracle_limits.sh
 * runs it under `strace -f` and replays the log with --check.
 * Left out: pid 1's limits (the host's init is no task of the log).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/rseq.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define NLIMITS 16
#define RSEQ_SIGNATURE 0x53053053
#define BAD ((void *)8)          /* below mmap_min_addr: every access faults */

struct rlim64 {
	uint64_t cur, max;
};

static void *rseq_area(void)
{
	return (char *)__builtin_thread_pointer() + __rseq_offset;
}

static void read_limits(void)
{
	struct rlim64 r;

	for (int i = 0; i < NLIMITS; i++)
		syscall(SYS_prlimit64, 0, i, NULL, &r);
	for (int i = 0; i < NLIMITS; i++)
		syscall(SYS_getrlimit, i, &r);
}

static void ids(void)
{
	unsigned int a, b, c;

	syscall(SYS_getuid);
	syscall(SYS_geteuid);
	syscall(SYS_getgid);
	syscall(SYS_getegid);
	syscall(SYS_getresuid, &a, &b, &c);
	syscall(SYS_getresgid, &a, &b, &c);
	syscall(SYS_getresuid, &a, &b, BAD);
	syscall(SYS_getresgid, BAD, &b, &c);
}

static void limits(void)
{
	struct rlim64 r = { 512, 2048 }, old;

	syscall(SYS_getrlimit, NLIMITS, &old);
	syscall(SYS_getrlimit, -1, &old);
	syscall(SYS_getrlimit, 7, BAD);
	/* setrlimit reads the struct before it looks at the resource */
	syscall(SYS_setrlimit, NLIMITS, BAD);
	syscall(SYS_setrlimit, NLIMITS, &r);
	r = (struct rlim64){ 4096, 1024 };       /* soft above hard */
	syscall(SYS_setrlimit, 7, &r);
	r = (struct rlim64){ 1024, 1048577 };    /* above fs.nr_open */
	syscall(SYS_setrlimit, 7, &r);
	/* raising the hard limit: EPERM without CAP_SYS_RESOURCE (a
	 * container's root may lack it), which the replay then learns */
	r = (struct rlim64){ 1024, 1048576 };
	syscall(SYS_setrlimit, 7, &r);
	r = (struct rlim64){ 1000, 3000 };
	syscall(SYS_setrlimit, 7, &r);
	syscall(SYS_getrlimit, 7, &old);
	r = (struct rlim64){ 8 << 20, UINT64_MAX };
	syscall(SYS_prlimit64, 0, 3, &r, &old);
	r = (struct rlim64){ 0, UINT64_MAX };
	syscall(SYS_prlimit64, 0, 4, &r, NULL);
	syscall(SYS_prlimit64, 0, 4, NULL, &old);
	syscall(SYS_prlimit64, getpid(), 7, NULL, &old);
	syscall(SYS_prlimit64, 0, NLIMITS, NULL, &old);
	syscall(SYS_prlimit64, 0, 7, NULL, BAD);
	syscall(SYS_prlimit64, 0, 7, BAD, &old);
	/* the new limit is read before the pid is looked up */
	syscall(SYS_prlimit64, 0x7ffffff0, 7, BAD, NULL);
	syscall(SYS_prlimit64, 0x7ffffff0, 7, NULL, &old);
	syscall(SYS_prlimit64, -1, 7, NULL, &old);
}

static void robust(void)
{
	void *head;
	size_t len;

	syscall(SYS_get_robust_list, 0, &head, &len);
	syscall(SYS_set_robust_list, head, 23);
	syscall(SYS_set_robust_list, head, 25);
	syscall(SYS_set_robust_list, head, 24);
	syscall(SYS_get_robust_list, 0, &head, &len);
	syscall(SYS_get_robust_list, getpid(), &head, &len);
	syscall(SYS_get_robust_list, 0x7ffffff0, &head, &len);
	syscall(SYS_get_robust_list, 0, &head, BAD);
	syscall(SYS_get_robust_list, 0, BAD, &len);
}

/* glibc registered the thread's area: every other call on it is refused */
static void rseq_calls(void)
{
	char *area = rseq_area();
	static struct rseq big[2] __attribute__((aligned(64)));

	syscall(SYS_rseq, area, 32, 0, RSEQ_SIGNATURE);         /* EBUSY */
	syscall(SYS_rseq, area, 32, 0, RSEQ_SIGNATURE + 1);     /* EPERM */
	syscall(SYS_rseq, area + 32, 32, 0, RSEQ_SIGNATURE);    /* EINVAL */
	syscall(SYS_rseq, area, 64, 0, RSEQ_SIGNATURE);         /* EINVAL */
	syscall(SYS_rseq, area, 32, 2, RSEQ_SIGNATURE);
	syscall(SYS_rseq, area, 32, 3, RSEQ_SIGNATURE);
	syscall(SYS_rseq, area, 31, 1, RSEQ_SIGNATURE);
	syscall(SYS_rseq, area + 32, 32, 1, RSEQ_SIGNATURE);
	syscall(SYS_rseq, area, 32, 1, RSEQ_SIGNATURE + 1);
	syscall(SYS_rseq, area, 32, 1, RSEQ_SIGNATURE);         /* unregistered */
	syscall(SYS_rseq, area, 32, 1, RSEQ_SIGNATURE);         /* EINVAL */
	syscall(SYS_rseq, area + 16, 32, 0, RSEQ_SIGNATURE);    /* misaligned */
	syscall(SYS_rseq, area, 31, 0, RSEQ_SIGNATURE);
	syscall(SYS_rseq, (void *)0x1000, 32, 0, RSEQ_SIGNATURE);
	syscall(SYS_rseq, (void *)0xffff800000000000UL, 32, 0, RSEQ_SIGNATURE);
	syscall(SYS_rseq, (void *)0x7fffffffffe0UL, 64, 0, RSEQ_SIGNATURE);
	syscall(SYS_rseq, &big[0], sizeof(big), 0, RSEQ_SIGNATURE);
	syscall(SYS_rseq, &big[0], 32, 1, RSEQ_SIGNATURE);      /* length differs */
	syscall(SYS_rseq, &big[0], sizeof(big), 1, RSEQ_SIGNATURE);
	syscall(SYS_rseq, area, 32, 0, RSEQ_SIGNATURE);         /* glibc's again */
}

/* A child's view: limits and ids inherited, no robust list, rseq as
 * rseq_fork() leaves it */
static void child_view(void)
{
	void *head;
	size_t len;
	struct rlim64 old;

	syscall(SYS_get_robust_list, 0, &head, &len);
	syscall(SYS_get_robust_list, getppid(), &head, &len);
	syscall(SYS_set_tid_address, NULL);
	syscall(SYS_prlimit64, 0, 7, NULL, &old);
	syscall(SYS_prlimit64, 0, 3, NULL, &old);
	syscall(SYS_prlimit64, getppid(), 7, NULL, &old);
	syscall(SYS_getrlimit, 4, &old);
	ids();
	syscall(SYS_rseq, rseq_area(), 32, 0, RSEQ_SIGNATURE);
}

static int clone_vm_child(void *arg)
{
	(void)arg;
	child_view();
	syscall(SYS_rseq, rseq_area(), 32, 1, RSEQ_SIGNATURE);
	return 0;
}

/* set_tid_address() is left to glibc here: pthread_join() waits for the
 * kernel to clear the tid at the address glibc gave */
static void *thread_main(void *arg)
{
	(void)arg;
	robust();
	rseq_calls();
	read_limits();
	ids();
	return NULL;
}

int main(int argc, char **argv)
{
	static char stack[64 << 10] __attribute__((aligned(16)));
	struct rlim64 r = { 900, 2900 };
	pthread_t t;
	int fds[2];
	long pid;

	read_limits();
	ids();
	if (argc > 1) {           /* after exec: what the image inherited */
		child_view();
		return 0;
	}
	limits();
	robust();
	rseq_calls();
	syscall(SYS_set_tid_address, NULL);     /* no one joins the main thread */
	if (!pthread_create(&t, NULL, thread_main, NULL))
		pthread_join(t, NULL);

	pid = syscall(SYS_fork);
	if (pid == 0) {
		child_view();
		syscall(SYS_prlimit64, 0, 7, &r, NULL);
		syscall(SYS_exit_group, 0);
	}
	waitpid((pid_t)pid, NULL, 0);
	syscall(SYS_getrlimit, 7, &r);          /* the child's change is its own */

	pid = clone(clone_vm_child, stack + sizeof(stack), CLONE_VM | SIGCHLD, NULL);
	waitpid((pid_t)pid, NULL, 0);

	pid = syscall(SYS_clone, CLONE_NEWUSER | SIGCHLD, 0, NULL, NULL, 0);
	if (pid == 0) {
		ids();
		syscall(SYS_exit_group, 0);
	}
	waitpid((pid_t)pid, NULL, 0);

	/* another process's limits, set while it waits for the pipe */
	if (pipe(fds))
		return 1;
	pid = syscall(SYS_fork);
	if (pid == 0) {
		char c;

		if (read(fds[0], &c, 1) == 1)
			child_view();
		syscall(SYS_exit_group, 0);
	}
	r = (struct rlim64){ 800, 2800 };
	syscall(SYS_prlimit64, pid, 7, &r, &r);
	syscall(SYS_prlimit64, pid, NLIMITS, NULL, &r);
	if (write(fds[1], "x", 1) != 1)
		return 1;
	waitpid((pid_t)pid, NULL, 0);

	pid = syscall(SYS_fork);
	if (pid == 0) {
		char *args[] = { argv[0], (char *)"exec", NULL };

		r = (struct rlim64){ 700, 2700 };
		syscall(SYS_setrlimit, 7, &r);
		execv("/proc/self/exe", args);
		syscall(SYS_exit_group, 1);
	}
	waitpid((pid_t)pid, NULL, 0);
	return 0;
}
