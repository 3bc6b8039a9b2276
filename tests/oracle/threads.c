// SPDX-License-Identifier: GPL-2.0-only
/*
 * A multi-threaded program for the oracle: the main thread sets a memory
 * policy and reads its affinity, then starts threads (glibc's clone3) that
 * each pin themselves to a CPU, set their own policy, map, bind and touch
 * memory, and report their ids; the main thread joins them all and unmaps
 * their memory, twice over. tests/cli/oracle_programs.sh replays its strace log with --check.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "uapi/linux/mempolicy.h"

#define THREADS 4

static long ncpus;

static void *worker(void *arg)
{
	long i = (long)(intptr_t)arg;
	unsigned long node0 = 1;
	cpu_set_t set;
	long map;

	CPU_ZERO(&set);
	CPU_SET((int)(i % ncpus), &set);
	syscall(SYS_sched_setaffinity, 0, sizeof(set), &set);
	syscall(SYS_sched_getaffinity, 0, sizeof(set), &set);
	syscall(SYS_gettid);
	syscall(SYS_getpid);
	syscall(SYS_set_mempolicy, i & 1 ? MPOL_PREFERRED : MPOL_BIND, &node0, 64);
	map = syscall(SYS_mmap, NULL, 4 * 4096, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map != -1) {
		syscall(SYS_mbind, map, 4 * 4096, MPOL_INTERLEAVE, &node0, 64, 0);
		for (int p = 0; p < 4; p++)
			((volatile char *)map)[p * 4096] = 1;
	}
	syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0);
	/* the main thread unmaps it after the join: threads that unmap while
	 * others map race for the same addresses, and strace's lines may show
	 * the race in another order than the kernel ran it */
	return (void *)map;
}

static void round_of_threads(void)
{
	pthread_t t[THREADS];
	int made = 0;

	for (long i = 0; i < THREADS; i++)
		if (!pthread_create(&t[made], NULL, worker, (void *)(intptr_t)i))
			made++;
	for (int i = 0; i < made; i++) {
		void *map = NULL;

		pthread_join(t[i], &map);
		if (map != (void *)-1L)
			syscall(SYS_munmap, map, 4 * 4096);
	}
}

int main(void)
{
	unsigned long all = 1;
	cpu_set_t set;

	ncpus = sysconf(_SC_NPROCESSORS_ONLN);
	if (ncpus < 1)
		ncpus = 1;
	syscall(SYS_sched_getaffinity, 0, sizeof(set), &set);
	syscall(SYS_set_mempolicy, MPOL_INTERLEAVE, &all, 64);
	round_of_threads();
	syscall(SYS_set_mempolicy, MPOL_LOCAL, NULL, 0);
	round_of_threads();
	return 0;
}
