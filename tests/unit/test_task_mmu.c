// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/fs/proc/task_mmu.c (numa_maps) and src/fs/proc/array.c
 * (Mems_allowed lines). The same mappings, policies and touches are made
 * in this process on the host and in the model on a one-node machine; the
 * host's /proc/self/numa_maps line for each must equal the model's after
 * the address. A four-node scenario is checked against hand-worked text.
 */
#include <sys/mman.h>
#include <sys/syscall.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "user_task.h"
#include "fs/proc/array.h"
#include "fs/proc/task_mmu.h"

#define UMASK 0x30000000UL

/* The text after "ADDR " of the line for addr in a numa_maps text */
static void line_for(const char *text, unsigned long addr, char *out, size_t size)
{
	char key[32];
	const char *p;
	size_t n;

	snprintf(key, sizeof(key), "%08lx ", addr);
	for (p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		if (!strncmp(p, key, strlen(key)))
			break;
	assert_true(p && *p);
	p += strlen(key);
	n = strcspn(p, "\n");
	assert_true(n < size);
	memcpy(out, p, n);
	out[n] = '\0';
}

static char *host_numa_maps(void)
{
	static char buf[1 << 16];
	FILE *f = fopen("/proc/self/numa_maps", "r");
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* One scenario: a 4-page area between PROT_NONE guard pages, a policy,
 * then writes to `written` pages and reads of `read` more */
struct scenario {
	int shared, vma_mode, task_mode;   /* modes include flags; -1: none */
	unsigned long bits;
	unsigned int written, read;
};

static const struct scenario scenarios[] = {
	{ 0, -1, -1, 0, 4, 0 },
	{ 0, -1, -1, 0, 0, 3 },                  /* only the zero page */
	{ 0, MPOL_INTERLEAVE, -1, 1, 3, 0 },
	{ 0, MPOL_BIND | MPOL_F_STATIC_NODES, -1, 1, 2, 1 },
	{ 0, MPOL_BIND | MPOL_F_RELATIVE_NODES | MPOL_F_NUMA_BALANCING, -1, 1, 1, 0 },
	{ 0, MPOL_PREFERRED_MANY | MPOL_F_NUMA_BALANCING, -1, 1, 1, 0 },
	{ 0, MPOL_PREFERRED, -1, 1, 0, 0 },
	{ 0, MPOL_PREFERRED, -1, 0, 2, 0 },      /* empty mask: local */
	{ 0, MPOL_LOCAL, -1, 0, 1, 0 },
	{ 0, MPOL_WEIGHTED_INTERLEAVE, -1, 1, 2, 0 },
	{ 0, -1, MPOL_INTERLEAVE, 1, 2, 0 },     /* the task's policy shows */
	{ 0, -1, MPOL_BIND | MPOL_F_STATIC_NODES, 1, 1, 0 },
	{ 1, -1, -1, 0, 2, 0 },                  /* shared: a deleted /dev/zero */
	{ 1, -1, -1, 0, 0, 2 },                  /* shmem read faults allocate */
	{ 1, MPOL_INTERLEAVE, -1, 1, 1, 1 },
};

static void run_host(const struct scenario *s, char *out, size_t size)
{
	int flags = (s->shared ? MAP_SHARED : MAP_PRIVATE) | MAP_ANONYMOUS;
	char *g = mmap(NULL, 6 * PAGE_SIZE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *a;
	volatile char sink;

	assert_true(g != MAP_FAILED);
	a = mmap(g + PAGE_SIZE, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE, flags | MAP_FIXED, -1, 0);
	assert_true(a == g + PAGE_SIZE);
	if (s->vma_mode >= 0)
		assert_int_equal(syscall(SYS_mbind, a, 4 * PAGE_SIZE, (unsigned long)s->vma_mode,
					 &s->bits, 65UL, 0U), 0);
	if (s->task_mode >= 0)
		assert_int_equal(syscall(SYS_set_mempolicy, s->task_mode, &s->bits, 65UL), 0);
	for (unsigned int i = 0; i < s->written; i++)
		a[i * PAGE_SIZE] = 1;
	for (unsigned int i = 0; i < s->read; i++)
		sink = a[(s->written + i) * PAGE_SIZE];
	(void)sink;
	line_for(host_numa_maps(), (unsigned long)a, out, size);
	syscall(SYS_set_mempolicy, 0, NULL, 0UL);
	munmap(g, 6 * PAGE_SIZE);
}

static void run_model(struct nc_machine *m, const struct scenario *s, char *out, size_t size)
{
	int flags = (s->shared ? MAP_SHARED : MAP_PRIVATE) | MAP_ANONYMOUS;
	long g = kernel_mmap(m, 0, 6 * PAGE_SIZE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1UL, 0);
	unsigned long a = (unsigned long)g + PAGE_SIZE;
	char *text, c;

	assert_true(g > 0);
	assert_int_equal(kernel_mmap(m, a, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE,
				     (unsigned long)flags | MAP_FIXED, -1UL, 0), (long)a);
	put_user_bytes(m, UMASK, &s->bits, sizeof(s->bits));
	if (s->vma_mode >= 0)
		assert_int_equal(kernel_mbind(m, a, 4 * PAGE_SIZE, (unsigned long)s->vma_mode,
					      UMASK, 65, 0), 0);
	if (s->task_mode >= 0)
		assert_int_equal(kernel_set_mempolicy(m, s->task_mode, UMASK, 65), 0);
	for (unsigned int i = 0; i < s->written; i++)
		put_user_bytes(m, a + i * PAGE_SIZE, "\1", 1);
	for (unsigned int i = 0; i < s->read; i++)
		assert_int_equal(copy_from_user(m, &c, a + (s->written + i) * PAGE_SIZE, 1), 0);
	text = proc_pid_numa_maps(m, nc_current(m));
	assert_non_null(text);
	line_for(text, a, out, size);
	free(text);
	kernel_set_mempolicy(m, 0, 0, 0);
	assert_int_equal(kernel_munmap(m, (unsigned long)g, 6 * PAGE_SIZE), 0);
}

static void test_numa_maps_like_host(void **state)
{
	struct user_machine um = user_machine("1x2");
	char host[256], model[256];

	(void)state;
	for (unsigned int i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++) {
		run_host(&scenarios[i], host, sizeof(host));
		run_model(um.m, &scenarios[i], model, sizeof(model));
		if (getenv("SHOW") || strcmp(host, model))
			print_message("scenario %u:\n host  '%s'\n model '%s'\n", i, host, model);
		assert_string_equal(host, model);
	}
	user_machine_free(&um);
}

static void test_mems_allowed_like_host(void **state)
{
	struct user_machine um = user_machine("1x2");
	char host[8192], model[8192], *p, *q;
	FILE *f = fopen("/proc/self/status", "r");
	size_t n;

	(void)state;
	assert_non_null(f);
	n = fread(host, 1, sizeof(host) - 1, f);
	host[n] = '\0';
	fclose(f);
	p = strstr(host, "Mems_allowed:");
	assert_non_null(p);
	q = strstr(p, "Mems_allowed_list:");
	assert_non_null(q);
	q[strcspn(q, "\n") + 1] = '\0';
	assert_int_equal(proc_pid_status_mems(um.task, model, sizeof(model)), (int)strlen(p));
	assert_string_equal(p, model);
	/* snprintf-style when short */
	assert_int_equal(proc_pid_status_mems(um.task, model, 10), (int)strlen(p));
	assert_string_equal(model, "Mems_allo");
	user_machine_free(&um);
}

/*
 * Four nodes ("4x2": 20 between any two, CPU 0 on node 0). By hand:
 *  A = 0x7f0000000000 (pgoff 0x7f0000000, ≡ 0 mod 4), 8 pages, VMA
 *      INTERLEAVE {0-3}, pages 0-5 written: ilx = pgoff + i → nodes
 *      0 1 2 3 0 1 → N0=2 N1=2 N2=1 N3=1.
 *  B = A + 1 MiB, 4 pages, VMA BIND {2,3}, 3 written: node 0's zonelist
 *      0 1 2 3 restricted to {2,3} → N2=3.
 *  C = A + 2 MiB, 4 pages, no VMA policy, task PREFERRED_MANY {1,3}
 *      (mbind after set_mempolicy does not matter here), 2 written: the
 *      preferred set first → node 1, N1=2; 1 page read → zero page, not
 *      counted. The policy shown is the task's.
 *  D = A + 3 MiB, 2 pages shared, VMA INTERLEAVE {1,2}, 2 written: shmem
 *      index = inode number + page; the model numbers shmem inodes from 1,
 *      so ilx 1, 2 → nodes 2, 1: N1=1 N2=1, not anon.
 */
static void test_numa_maps_four_nodes(void **state)
{
	struct user_machine um = user_machine("4x2");
	struct nc_machine *m = um.m;
	const unsigned long A = 0x7f0000000000UL;
	static const char want[] =
		"7f0000000000 interleave:0-3 anon=6 dirty=6 active=0 N0=2 N1=2 N2=1 N3=1 kernelpagesize_kB=4\n"
		"7f0000100000 bind:2-3 anon=3 dirty=3 active=0 N2=3 kernelpagesize_kB=4\n"
		"7f0000200000 prefer (many):1,3 anon=2 dirty=2 active=0 N1=2 kernelpagesize_kB=4\n"
		"7f0000300000 interleave:1-2 file=/dev/zero\\040(deleted) dirty=2 active=0 N1=1 N2=1 kernelpagesize_kB=4\n";
	unsigned long bits;
	char *text, c;

	(void)state;
	assert_int_equal(kernel_mmap(m, A, 8 * PAGE_SIZE, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1UL, 0), (long)A);
	assert_int_equal(kernel_mmap(m, A + 0x100000, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1UL, 0),
			 (long)(A + 0x100000));
	assert_int_equal(kernel_mmap(m, A + 0x200000, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1UL, 0),
			 (long)(A + 0x200000));
	assert_int_equal(kernel_mmap(m, A + 0x300000, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
				     MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1UL, 0),
			 (long)(A + 0x300000));
	bits = 0xf;
	put_user_bytes(m, UMASK, &bits, 8);
	assert_int_equal(kernel_mbind(m, A, 8 * PAGE_SIZE, MPOL_INTERLEAVE, UMASK, 65, 0), 0);
	bits = 0xc;
	put_user_bytes(m, UMASK, &bits, 8);
	assert_int_equal(kernel_mbind(m, A + 0x100000, 4 * PAGE_SIZE, MPOL_BIND, UMASK, 65, 0), 0);
	bits = 0x6;
	put_user_bytes(m, UMASK, &bits, 8);
	assert_int_equal(kernel_mbind(m, A + 0x300000, 2 * PAGE_SIZE, MPOL_INTERLEAVE, UMASK, 65, 0),
			 0);
	bits = 0xa;
	put_user_bytes(m, UMASK, &bits, 8);
	assert_int_equal(kernel_set_mempolicy(m, MPOL_PREFERRED_MANY, UMASK, 65), 0);
	for (unsigned int i = 0; i < 6; i++)
		put_user_bytes(m, A + i * PAGE_SIZE, "\1", 1);
	for (unsigned int i = 0; i < 3; i++)
		put_user_bytes(m, A + 0x100000 + i * PAGE_SIZE, "\1", 1);
	for (unsigned int i = 0; i < 2; i++)
		put_user_bytes(m, A + 0x200000 + i * PAGE_SIZE, "\1", 1);
	assert_int_equal(copy_from_user(m, &c, A + 0x200000 + 2 * PAGE_SIZE, 1), 0);
	for (unsigned int i = 0; i < 2; i++)
		put_user_bytes(m, A + 0x300000 + i * PAGE_SIZE, "\1", 1);
	text = proc_pid_numa_maps(m, um.task);
	assert_non_null(text);
	assert_string_equal(text, want);
	free(text);
	user_machine_free(&um);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numa_maps_like_host),
		cmocka_unit_test(test_mems_allowed_like_host),
		cmocka_unit_test(test_numa_maps_four_nodes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
