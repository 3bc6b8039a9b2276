// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel as oracle: a program making clone, clone3, fork, vfork,
 * rt_sigaction, sched_setaffinity, set_mempolicy, get_mempolicy, mbind,
 * set_mempolicy_home_node, getpid, gettid and getppid calls with valid and invalid arguments, through raw
 * syscall() so strace sees exactly these. tests/cli/oracle.sh runs it
 * under `strace -f` and replays the log with `numaclone replay --check`:
 * every modelled result must agree with this kernel's.
 * Left out: calls whose answer depends on state the log cannot carry to
 * the model (cgroup fds, namespaces, pages of the image mapped at exec).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "uapi/linux/mempolicy.h"
#include "uapi/linux/sched.h"

static void reap(long pid)
{
	if (pid > 0)
		waitpid((pid_t)pid, NULL, __WALL);
}

/* A fork-like call: the child reports its ids and leaves at once. */
static void child_exits(long ret, int code)
{
	if (ret == 0) {
		syscall(SYS_getpid);
		syscall(SYS_getppid);
		syscall(SYS_exit_group, code);
	}
	reap(ret);
}

static void *thread_main(void *arg)
{
	(void)arg;
	syscall(SYS_gettid);
	syscall(SYS_getpid);
	syscall(SYS_getppid);
	return NULL;
}

static long clone3_call(const struct clone_args *ca, size_t size)
{
	unsigned char buf[128] = { 0 };

	memcpy(buf, ca, size < sizeof(*ca) ? size : sizeof(*ca));
	return syscall(SYS_clone3, size <= sizeof(buf) ? buf : (void *)ca, size);
}

static void clones(void)
{
	struct clone_args ca = { .exit_signal = SIGCHLD };
	static unsigned char page[4097];
	unsigned char big[96] = { 0 };
	pid_t tids[2] = { 1, 0 };
	int parent_tid = 0;

	child_exits(syscall(SYS_fork), 1);
	{
		pid_t v = vfork();

		if (v == 0)
			_exit(2);
		reap(v);
	}
	child_exits(syscall(SYS_clone, SIGCHLD, 0, NULL, NULL, 0), 3);
	/* clone() ignores the upper 32 bits of its flags */
	child_exits(syscall(SYS_clone, 0x1ff00000000ULL | SIGCHLD, 0, NULL, NULL, 0), 4);
	child_exits(syscall(SYS_clone, CLONE_PARENT_SETTID | SIGCHLD, 0, &parent_tid, NULL, 0), 5);
	/* invalid combinations */
	syscall(SYS_clone, CLONE_SIGHAND | SIGCHLD, 0, NULL, NULL, 0);
	syscall(SYS_clone, CLONE_THREAD | CLONE_VM | SIGCHLD, 0, NULL, NULL, 0);
	syscall(SYS_clone, CLONE_NEWNS | CLONE_FS | SIGCHLD, 0, NULL, NULL, 0);
	syscall(SYS_clone, CLONE_NEWUSER | CLONE_FS | SIGCHLD, 0, NULL, NULL, 0);
	syscall(SYS_clone, CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD, 0, &parent_tid, NULL, 0);
	syscall(SYS_clone, CLONE_PIDFD | CLONE_DETACHED | SIGCHLD, 0, &parent_tid, NULL, 0);

	/* clone3: every struct size, then each check */
	child_exits(clone3_call(&ca, CLONE_ARGS_SIZE_VER0), 6);
	child_exits(clone3_call(&ca, CLONE_ARGS_SIZE_VER1), 7);
	child_exits(clone3_call(&ca, CLONE_ARGS_SIZE_VER2), 8);
	child_exits(clone3_call(&ca, 96), 9);             /* zero tail: fine */
	memcpy(big, &ca, sizeof(ca));
	big[95] = 1;
	syscall(SYS_clone3, big, sizeof(big));            /* non-zero tail: E2BIG */
	clone3_call(&ca, 40);                             /* below VER0 */
	syscall(SYS_clone3, page, sizeof(page));          /* above a page */
	syscall(SYS_clone3, NULL, CLONE_ARGS_SIZE_VER2);
	syscall(SYS_clone3, (void *)8, CLONE_ARGS_SIZE_VER2);
	ca.flags = CLONE_DETACHED;
	clone3_call(&ca, CLONE_ARGS_SIZE_VER2);
	ca.flags = 0x11;                                  /* CSIGNAL bits */
	clone3_call(&ca, CLONE_ARGS_SIZE_VER2);
	ca.flags = CLONE_CLEAR_SIGHAND | CLONE_SIGHAND | CLONE_VM;
	clone3_call(&ca, CLONE_ARGS_SIZE_VER2);
	ca.flags = CLONE_THREAD | CLONE_SIGHAND | CLONE_VM;   /* exit_signal with THREAD */
	clone3_call(&ca, CLONE_ARGS_SIZE_VER2);
	ca.flags = 0;
	ca.exit_signal = 65;
	clone3_call(&ca, CLONE_ARGS_SIZE_VER2);
	ca.exit_signal = SIGCHLD;
	ca.stack = 0x10000;                               /* a stack without a size */
	clone3_call(&ca, CLONE_ARGS_SIZE_VER2);
	ca.stack = 0;
	ca.set_tid_size = 33;
	clone3_call(&ca, CLONE_ARGS_SIZE_VER2);
	ca.set_tid_size = 1;                              /* no set_tid array */
	clone3_call(&ca, CLONE_ARGS_SIZE_VER2);
	ca.set_tid = (uintptr_t)tids;
	ca.set_tid_size = 0;                              /* array but no size */
	clone3_call(&ca, CLONE_ARGS_SIZE_VER2);
	ca.set_tid_size = 2;                              /* deeper than the namespace */
	clone3_call(&ca, CLONE_ARGS_SIZE_VER2);
	ca.set_tid_size = 1;                              /* pid 1 is taken */
	clone3_call(&ca, CLONE_ARGS_SIZE_VER2);
	tids[0] = 0;
	clone3_call(&ca, CLONE_ARGS_SIZE_VER2);
	ca.set_tid = 0;
	ca.set_tid_size = 0;
	ca.flags = CLONE_PARENT_SETTID;
	ca.parent_tid = (uintptr_t)&parent_tid;
	child_exits(clone3_call(&ca, CLONE_ARGS_SIZE_VER2), 10);
}

static void mempolicies(void)
{
	unsigned long mask = 1, none = 0, got[16];
	int mode = -1;

	syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0);
	syscall(SYS_set_mempolicy, MPOL_BIND, &mask, 64);
	syscall(SYS_set_mempolicy, MPOL_BIND | MPOL_F_STATIC_NODES, &mask, 64);
	syscall(SYS_set_mempolicy, MPOL_BIND | MPOL_F_NUMA_BALANCING, &mask, 64);
	syscall(SYS_set_mempolicy, MPOL_INTERLEAVE, &mask, 64);
	syscall(SYS_set_mempolicy, MPOL_WEIGHTED_INTERLEAVE, &mask, 64);
	syscall(SYS_set_mempolicy, MPOL_PREFERRED_MANY, &mask, 64);
	syscall(SYS_set_mempolicy, MPOL_PREFERRED, NULL, 0);
	syscall(SYS_set_mempolicy, MPOL_LOCAL, NULL, 0);
	syscall(SYS_get_mempolicy, &mode, got, 64, NULL, 0);
	syscall(SYS_get_mempolicy, &mode, got, 1024, NULL, MPOL_F_MEMS_ALLOWED);
	/* invalid */
	syscall(SYS_set_mempolicy, MPOL_BIND, &none, 64);
	syscall(SYS_set_mempolicy, 99, &mask, 64);
	syscall(SYS_set_mempolicy, MPOL_BIND | MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES, &mask, 64);
	syscall(SYS_set_mempolicy, MPOL_INTERLEAVE | MPOL_F_NUMA_BALANCING, &mask, 64);
	syscall(SYS_set_mempolicy, MPOL_LOCAL, &mask, 64);
	syscall(SYS_set_mempolicy, MPOL_BIND, (void *)8, 64);
	syscall(SYS_set_mempolicy, MPOL_BIND, &mask, 1UL << 20);
	syscall(SYS_get_mempolicy, &mode, got, 0, NULL, 0);
	syscall(SYS_get_mempolicy, &mode, NULL, 0, NULL, 0x100);
	syscall(SYS_get_mempolicy, &mode, NULL, 0, NULL, MPOL_F_MEMS_ALLOWED | MPOL_F_NODE);
	syscall(SYS_get_mempolicy, (void *)8, NULL, 0, NULL, 0);
	syscall(SYS_mbind, 0x10001, 4096, MPOL_BIND, &mask, 64, 0);
	syscall(SYS_mbind, 0x10000, 4096, 99, &mask, 64, 0);
	syscall(SYS_mbind, 0x10000, 4096, MPOL_BIND, &mask, 64, 0x100);
	syscall(SYS_mbind, 0x10000, 0, MPOL_BIND, &mask, 64, 0);
	syscall(SYS_set_mempolicy_home_node, 0x10000, 4096, 5000, 0);
	syscall(SYS_set_mempolicy_home_node, 0x10000, 4096, 0, 1);
	syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0);
}

/* Policies of a mapping the log shows being made and removed. */
static void mappings(void)
{
	unsigned long mask = 1;
	int mode = -1;
	long map = syscall(SYS_mmap, NULL, 4 * 4096, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (map == -1)
		return;
	syscall(SYS_mbind, map, 2 * 4096, MPOL_BIND, &mask, 64, 0);
	syscall(SYS_mbind, map, 4096, MPOL_PREFERRED, &mask, 64, MPOL_MF_STRICT | MPOL_MF_MOVE);
	syscall(SYS_mbind, map + 4096, 4096, MPOL_INTERLEAVE | MPOL_F_STATIC_NODES, &mask, 64, 0);
	syscall(SYS_mbind, map, 4 * 4096, MPOL_DEFAULT, NULL, 0, 0);
	syscall(SYS_set_mempolicy_home_node, map, 4 * 4096, 0, 0);
	syscall(SYS_mbind, map, 4096, MPOL_PREFERRED_MANY, &mask, 64, 0);
	syscall(SYS_set_mempolicy_home_node, map, 4096, 0, 0);
	syscall(SYS_get_mempolicy, &mode, NULL, 0, map, MPOL_F_ADDR);
	*(volatile char *)map = 1;
	syscall(SYS_get_mempolicy, &mode, NULL, 0, map, MPOL_F_ADDR | MPOL_F_NODE);
	syscall(SYS_madvise, map, 4096, MADV_DONTNEED);
	syscall(SYS_mprotect, map + 4096, 4096, PROT_READ);
	syscall(SYS_munmap, map + 2 * 4096, 2 * 4096);
	/* the unmapped half is gone */
	syscall(SYS_mbind, map, 4 * 4096, MPOL_BIND, &mask, 64, 0);
	syscall(SYS_mprotect, map + 2 * 4096, 4096, PROT_READ);
	syscall(SYS_madvise, map + 3 * 4096, 4096, MADV_WILLNEED);
	syscall(SYS_get_mempolicy, &mode, NULL, 0, map + 2 * 4096, MPOL_F_ADDR);
	syscall(SYS_munmap, map, 2 * 4096);
}

/* Actions: an ignored SIGCHLD or SA_NOCLDWAIT makes children reap
 * themselves (wait4 finds none); the checks rt_sigaction makes. */
static void sigactions(void)
{
	struct { unsigned long handler, flags, restorer, mask; } act = { 1, 0x04000000, 0, 0 }, old;

	syscall(SYS_rt_sigaction, SIGCHLD, &act, &old, 8);          /* SIG_IGN */
	child_exits(syscall(SYS_fork), 1);                           /* wait4: ECHILD */
	syscall(SYS_wait4, -1, NULL, WNOHANG, NULL);
	act.handler = 0;                                             /* SIG_DFL */
	act.flags = 0x04000000 | 2;                                  /* SA_NOCLDWAIT */
	syscall(SYS_rt_sigaction, SIGCHLD, &act, NULL, 8);
	child_exits(syscall(SYS_fork), 2);
	act.flags = 0x04000000;
	syscall(SYS_rt_sigaction, SIGCHLD, &act, NULL, 8);
	child_exits(syscall(SYS_fork), 3);                           /* reaped by wait4 */
	syscall(SYS_rt_sigaction, SIGKILL, &act, NULL, 8);           /* EINVAL */
	syscall(SYS_rt_sigaction, SIGKILL, NULL, &old, 8);           /* reading is fine */
	syscall(SYS_rt_sigaction, 0, NULL, &old, 8);
	syscall(SYS_rt_sigaction, 65, NULL, &old, 8);
	syscall(SYS_rt_sigaction, SIGUSR1, &act, NULL, 4);
	syscall(SYS_rt_sigaction, SIGUSR1, (void *)8, NULL, 8);      /* EFAULT */
	syscall(SYS_rt_sigaction, SIGUSR1, NULL, (void *)8, 8);
}

/* Affinity: what sched_setaffinity() accepts and refuses, its effect
 * inherited by a child. */
static void affinities(void)
{
	long ncpu = sysconf(_SC_NPROCESSORS_CONF);
	unsigned long mask[16] = { 1 }, all[16] = { 0 }, none[16] = { 0 }, beyond[16] = { 0 };

	for (long c = 0; c < ncpu && c < 1024; c++)
		all[c / 64] |= 1UL << (c % 64);
	if (ncpu < 1024)
		beyond[ncpu / 64] |= 1UL << (ncpu % 64);
	syscall(SYS_sched_setaffinity, 0, sizeof(mask), mask);      /* CPU 0 */
	child_exits(syscall(SYS_fork), 4);                           /* inherits it */
	syscall(SYS_sched_setaffinity, 0, sizeof(none), none);      /* EINVAL */
	syscall(SYS_sched_setaffinity, 0, sizeof(beyond), beyond);  /* no such CPU */
	syscall(SYS_sched_setaffinity, 0, 0, mask);                 /* empty: EINVAL */
	syscall(SYS_sched_setaffinity, 0, sizeof(mask), (void *)8); /* EFAULT */
	syscall(SYS_sched_setaffinity, 0x7ffffff0, sizeof(mask), mask);  /* ESRCH */
	syscall(SYS_sched_setaffinity, syscall(SYS_getpid), sizeof(all), all);
}

int main(void)
{
	pthread_t t;

	syscall(SYS_getpid);
	syscall(SYS_gettid);
	syscall(SYS_getppid);
	clones();
	sigactions();
	affinities();
	mempolicies();
	mappings();
	if (!pthread_create(&t, NULL, thread_main, NULL))
		pthread_join(t, NULL);
	syscall(SYS_exit_group, 0);
	return 0;
}
