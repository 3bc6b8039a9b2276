// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/mm/mempolicy.c. Part 1 is differential: the host kernel is
 * the oracle for set_mempolicy/get_mempolicy/mbind/set_mempolicy_home_node
 * (same arguments to the real syscall and to the model on a one-node
 * machine like the host; errno, mode and mask must agree). Part 2 is
 * multi-node placement worked out by hand from v6.12's rules.
 *
 * v6.12 against the host's 6.18: no case of these tables differs (6.13 to
 * 6.18 changed weighted-interleave weights and counters, not these checks).
 * The model holds every capability (credentials are not modelled); a
 * non-root run skips the MPOL_MF_MOVE_ALL cases, which need CAP_SYS_NICE.
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
#include "mm/vmstat.h"

#ifndef SYS_set_mempolicy_home_node
#define SYS_set_mempolicy_home_node 450
#endif

#define UMASK  0x30000000UL     /* model: where node masks live (own memory) */
#define UPOL   0x30100000UL     /* model: where get_mempolicy's int goes */
#define MASKBYTES 8192

static unsigned long hmask[MASKBYTES / 8];   /* host: the mask argument */
static unsigned char hout[MASKBYTES];        /* host: get_mempolicy's mask */
static int fails;

#define MISMATCH(...) do { \
	if (fails++ < 20) \
		print_message(__VA_ARGS__); \
} while (0)

static long host_rc(long r)
{
	return r < 0 ? -errno : r;
}

static const int modes[] = { 0, 1, 2, 3, 4, 5, 6, 7, -1 };
static const int mflags[] = {
	0, MPOL_F_STATIC_NODES, MPOL_F_RELATIVE_NODES, MPOL_F_NUMA_BALANCING,
	MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES,
	MPOL_F_STATIC_NODES | MPOL_F_NUMA_BALANCING,
	MPOL_F_RELATIVE_NODES | MPOL_F_NUMA_BALANCING, MPOL_MODE_FLAGS,
};
/* masks: -2 = NULL pointer, -1 = empty, else bit lists terminated by -1 */
static const int masks[][3] = {
	{ -2 }, { -1 }, { 0, -1 }, { 1, -1 }, { 0, 1, -1 }, { 63, -1 },
	{ 1023, -1 }, { 1024, -1 },
};
static const unsigned long maxnodes[] = {
	0, 1, 2, 64, 65, 1024, 1025, 1026, 32768, 32769, 32770, 1UL << 20,
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Puts mask k in the host buffer and the model's user memory; returns
 * whether it is a NULL pointer. */
static bool prep_mask(struct nc_machine *m, unsigned int k)
{
	memset(hmask, 0, sizeof(hmask));
	for (unsigned int i = 0; masks[k][i] >= 0; i++)
		hmask[masks[k][i] / 64] |= 1UL << (masks[k][i] % 64);
	put_user_bytes(m, UMASK, hmask, sizeof(hmask));
	return masks[k][0] == -2;
}

/* get_mempolicy(&mode, mask, 1025, 0, 0) on both sides must agree */
static void compare_task_policy(struct nc_machine *m, const char *what)
{
	unsigned char mout[128];
	int hp = -1, mp = -1;
	long hr, mr;

	memset(hout, 0xaa, 128);
	put_user_bytes(m, UMASK, hout, 128);
	hr = host_rc(syscall(SYS_get_mempolicy, &hp, hout, 1025UL, 0UL, 0UL));
	mr = kernel_get_mempolicy(m, UPOL, UMASK, 1025, 0, 0);
	assert_int_equal(copy_from_user(m, &mp, UPOL, sizeof(mp)), 0);
	assert_int_equal(copy_from_user(m, mout, UMASK, 128), 0);
	if (hr != mr || hp != mp || memcmp(hout, mout, 128))
		MISMATCH("%s: policy host %ld/%#x model %ld/%#x (mask %s)\n", what,
			 hr, hp, mr, mp, memcmp(hout, mout, 128) ? "differs" : "same");
}

static void restore_policies(struct nc_machine *m)
{
	syscall(SYS_set_mempolicy, 0, NULL, 0UL);
	kernel_set_mempolicy(m, 0, 0, 0);
}

static void test_host_set_mempolicy(void **state)
{
	struct user_machine um = user_machine("1x2");
	struct nc_machine *m = um.m;
	unsigned int cases = 0;
	char what[128];

	(void)state;
	fails = 0;
	for (unsigned int i = 0; i < N(modes); i++)
	for (unsigned int j = 0; j < N(mflags); j++)
	for (unsigned int k = 0; k < N(masks); k++)
	for (unsigned int l = 0; l < N(maxnodes); l++) {
		int mode = modes[i] | mflags[j];
		bool null = prep_mask(m, k);
		long hr = host_rc(syscall(SYS_set_mempolicy, mode, null ? NULL : hmask,
					  maxnodes[l]));
		long mr = kernel_set_mempolicy(m, mode, null ? 0 : UMASK, maxnodes[l]);

		snprintf(what, sizeof(what), "set_mempolicy(%#x, mask#%u, %lu)", mode, k,
			 maxnodes[l]);
		cases++;
		if (hr != mr)
			MISMATCH("%s: host %ld model %ld\n", what, hr, mr);
		else if (hr == 0)
			compare_task_policy(m, what);
		restore_policies(m);
	}
	print_message("set_mempolicy: %u cases\n", cases);
	assert_int_equal(fails, 0);
	user_machine_free(&um);
}

/* A task policy for the get_mempolicy cases: mode and mask bits */
static const struct { int mode; int bits[3]; } task_pols[] = {
	{ MPOL_DEFAULT, { -1 } },
	{ MPOL_BIND, { 0, -1 } },
	{ MPOL_INTERLEAVE, { 0, -1 } },
	{ MPOL_PREFERRED, { 0, -1 } },
	{ MPOL_PREFERRED, { -1 } },           /* becomes MPOL_LOCAL */
	{ MPOL_LOCAL, { -1 } },
	{ MPOL_WEIGHTED_INTERLEAVE, { 0, -1 } },
	{ MPOL_BIND | MPOL_F_STATIC_NODES, { 0, 1, -1 } },
	{ MPOL_INTERLEAVE | MPOL_F_RELATIVE_NODES, { 1, -1 } },
	{ MPOL_PREFERRED_MANY | MPOL_F_NUMA_BALANCING, { 0, 5, -1 } },
};

static void set_both(struct nc_machine *m, int mode, const int *bits)
{
	unsigned long w = 0;

	for (unsigned int i = 0; bits[i] >= 0; i++)
		w |= 1UL << bits[i];
	put_user_bytes(m, UMASK, &w, sizeof(w));
	assert_int_equal(host_rc(syscall(SYS_set_mempolicy, mode, &w, 65UL)), 0);
	assert_int_equal(kernel_set_mempolicy(m, mode, UMASK, 65), 0);
}

static void test_host_get_mempolicy(void **state)
{
	struct user_machine um = user_machine("1x2");
	struct nc_machine *m = um.m;
	static const unsigned long gflags[] = {
		0, MPOL_F_NODE, MPOL_F_ADDR, MPOL_F_NODE | MPOL_F_ADDR,
		MPOL_F_MEMS_ALLOWED, MPOL_F_MEMS_ALLOWED | MPOL_F_NODE,
		MPOL_F_MEMS_ALLOWED | MPOL_F_ADDR, 8, 0x10,
	};
	static const unsigned long gmax[] = { 0, 1, 2, 64, 65, 1024, 1025, 1026,
					      32768, 32769, 32770, 1UL << 20 };
	unsigned char mout[MASKBYTES];
	unsigned int cases = 0;
	char *hmap = mmap(NULL, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long mmap_m = kernel_mmap(m, 0, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1UL, 0);

	(void)state;
	fails = 0;
	assert_true(hmap != MAP_FAILED && mmap_m > 0);
	/* the last page of each mapping becomes a hole */
	munmap(hmap + 3 * PAGE_SIZE, PAGE_SIZE);
	assert_int_equal(kernel_munmap(m, (unsigned long)mmap_m + 3 * PAGE_SIZE, PAGE_SIZE), 0);
	hmap[PAGE_SIZE] = 1;   /* one page touched, on node 0 */
	assert_int_equal(copy_to_user(m, (unsigned long)mmap_m + PAGE_SIZE, "x", 1), 0);
	/* page 2 cannot be read: the MPOL_F_NODE lookup fails there */
	mprotect(hmap + 2 * PAGE_SIZE, PAGE_SIZE, PROT_NONE);
	assert_int_equal(kernel_mprotect(m, (unsigned long)mmap_m + 2 * PAGE_SIZE, PAGE_SIZE,
					 PROT_NONE), 0);

	for (unsigned int p = 0; p < N(task_pols); p++)
	for (unsigned int f = 0; f < N(gflags); f++)
	for (unsigned int a = 0; a < 5; a++)   /* 0, untouched, touched, PROT_NONE, hole */
	for (unsigned int l = 0; l < N(gmax) * 2 + 1; l++)
	for (unsigned int withpol = 0; withpol < 2; withpol++) {
		unsigned long off = a ? (a - 1) * PAGE_SIZE + 8 : 0;
		unsigned long haddr = a ? (unsigned long)hmap + off : 0;
		unsigned long maddr = a ? (unsigned long)mmap_m + off : 0;
		bool nullmask = l == N(gmax) * 2;
		unsigned long maxnode = gmax[l % N(gmax)];
		int hp = 0x5a5a, mp = 0x5a5a;
		long hr, mr;

		if (l >= N(gmax) && !nullmask)
			continue;   /* second half: only the NULL-mask run below */
		set_both(m, task_pols[p].mode, task_pols[p].bits);
		memset(hout, 0xaa, sizeof(hout));
		put_user_bytes(m, UMASK, hout, sizeof(hout));
		put_user_bytes(m, UPOL, &mp, sizeof(mp));
		hr = host_rc(syscall(SYS_get_mempolicy, withpol ? &hp : NULL,
				     nullmask ? NULL : hout, maxnode, haddr, gflags[f]));
		mr = kernel_get_mempolicy(m, withpol ? UPOL : 0, nullmask ? 0 : UMASK,
					  maxnode, maddr, gflags[f]);
		assert_int_equal(copy_from_user(m, &mp, UPOL, sizeof(mp)), 0);
		assert_int_equal(copy_from_user(m, mout, UMASK, sizeof(mout)), 0);
		cases++;
		if (hr != mr || hp != mp || memcmp(hout, mout, sizeof(mout)))
			MISMATCH("get_mempolicy(pol#%u, flags %#lx, addr#%u, maxnode %lu%s%s):"
				 " host %ld/%#x model %ld/%#x mask %s\n", p, gflags[f], a,
				 maxnode, nullmask ? ", NULL mask" : "",
				 withpol ? "" : ", NULL policy", hr, hp, mr, mp,
				 memcmp(hout, mout, sizeof(mout)) ? "differs" : "same");
		restore_policies(m);
	}
	print_message("get_mempolicy: %u cases\n", cases);
	munmap(hmap, 3 * PAGE_SIZE);
	assert_int_equal(fails, 0);
	user_machine_free(&um);
}

/* The VMA policy at addr on both sides: get_mempolicy(MPOL_F_ADDR) */
static void compare_vma_policy(struct nc_machine *m, unsigned long haddr,
			       unsigned long maddr, const char *what)
{
	unsigned char mout[128];
	int hp = -1, mp = -1;
	long hr, mr;

	memset(hout, 0xaa, 128);
	put_user_bytes(m, UMASK, hout, 128);
	hr = host_rc(syscall(SYS_get_mempolicy, &hp, hout, 1025UL, haddr,
			     (unsigned long)MPOL_F_ADDR));
	mr = kernel_get_mempolicy(m, UPOL, UMASK, 1025, maddr, MPOL_F_ADDR);
	assert_int_equal(copy_from_user(m, &mp, UPOL, sizeof(mp)), 0);
	assert_int_equal(copy_from_user(m, mout, UMASK, 128), 0);
	if (hr != mr || hp != mp || memcmp(hout, mout, 128))
		MISMATCH("%s: vma policy host %ld/%#x model %ld/%#x\n", what, hr, hp, mr, mp);
}

static void test_host_mbind(void **state)
{
	struct user_machine um = user_machine("1x2");
	struct nc_machine *m = um.m;
	static const unsigned int bflags[] = {
		0, MPOL_MF_STRICT, MPOL_MF_MOVE, MPOL_MF_MOVE_ALL,
		MPOL_MF_STRICT | MPOL_MF_MOVE, MPOL_MF_LAZY, MPOL_MF_INTERNAL,
	};
	unsigned int cases = 0;
	char what[160];
	char *h = mmap(NULL, 8 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long mm_a = kernel_mmap(m, 0, 8 * PAGE_SIZE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1UL, 0);
	unsigned long ma = (unsigned long)mm_a, ha = (unsigned long)h;

	(void)state;
	fails = 0;
	assert_true(h != MAP_FAILED && mm_a > 0);
	h[0] = h[PAGE_SIZE] = 1;
	put_user_bytes(m, ma, "x", 1);
	put_user_bytes(m, ma + PAGE_SIZE, "x", 1);
	for (unsigned int i = 0; i < N(modes); i++)
	for (unsigned int j = 0; j < N(mflags); j++)
	for (unsigned int k = 0; k < N(masks); k++)
	for (unsigned int l = 0; l < N(maxnodes); l++)
	for (unsigned int b = 0; b < N(bflags); b++) {
		unsigned long mode = (unsigned long)(unsigned int)(modes[i] | mflags[j]);
		bool null;
		long hr, mr;

		if ((bflags[b] & MPOL_MF_MOVE_ALL) && geteuid() != 0)
			continue;   /* EPERM on the host, allowed in the model */
		null = prep_mask(m, k);
		hr = host_rc(syscall(SYS_mbind, ha, 4 * PAGE_SIZE, mode,
				     null ? NULL : hmask, maxnodes[l], bflags[b]));
		mr = kernel_mbind(m, ma, 4 * PAGE_SIZE, mode, null ? 0 : UMASK,
				  maxnodes[l], bflags[b]);

		snprintf(what, sizeof(what), "mbind(mode %#lx, mask#%u, maxnode %lu, flags %#x)",
			 mode, k, maxnodes[l], bflags[b]);
		cases++;
		if (hr != mr)
			MISMATCH("%s: host %ld model %ld\n", what, hr, mr);
		else if (hr == 0)
			compare_vma_policy(m, ha + PAGE_SIZE, ma + PAGE_SIZE, what);
		syscall(SYS_mbind, ha, 8 * PAGE_SIZE, 0UL, NULL, 0UL, 0U);
		kernel_mbind(m, ma, 8 * PAGE_SIZE, 0, 0, 0, 0);
	}
	print_message("mbind: %u cases\n", cases);
	munmap(h, 8 * PAGE_SIZE);
	assert_int_equal(fails, 0);
	user_machine_free(&um);
}

/* mbind and set_mempolicy_home_node over ranges: alignment, length, holes */
static void test_host_mbind_ranges(void **state)
{
	struct user_machine um = user_machine("1x2");
	struct nc_machine *m = um.m;
	/* (start offset, len, mode, mbind flags) against a 6-page area whose
	 * page 2 is a hole and which ends before page 6 */
	static const struct { long off; unsigned long len; int mode; unsigned int fl; } c[] = {
		{ 0, 2 * 4096, MPOL_BIND, 0 },
		{ 1, 4096, MPOL_BIND, 0 },                 /* unaligned start */
		{ 0, 0, MPOL_BIND, 0 },                    /* empty */
		{ 0, 1, MPOL_BIND, 0 },                    /* rounds up to a page */
		{ 0, -4096UL, MPOL_BIND, 0 },              /* wraps */
		{ 0, -1UL, MPOL_BIND, 0 },                 /* rounds to 0 */
		{ 0, 4 * 4096, MPOL_BIND, 0 },             /* over the hole */
		{ 0, 4 * 4096, MPOL_DEFAULT, 0 },          /* DEFAULT tolerates it */
		{ 2 * 4096, 4096, MPOL_DEFAULT, 0 },       /* DEFAULT, only the hole */
		{ 2 * 4096, 4096, MPOL_BIND, 0 },
		{ 4 * 4096, 4 * 4096, MPOL_BIND, 0 },      /* runs past the end */
		{ -4096, 2 * 4096, MPOL_BIND, 0 },         /* starts before */
		{ 3 * 4096, 4096, MPOL_INTERLEAVE, MPOL_MF_STRICT },
		{ 0, 2 * 4096, MPOL_BIND, MPOL_MF_STRICT | MPOL_MF_MOVE },
		{ 1, 0, MPOL_BIND, 8 },                    /* flags checked before alignment */
		{ 0, 4096, 9, 8 },                         /* mode before flags */
	};
	char *h = mmap(NULL, 7 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long mm_a = kernel_mmap(m, 0, 7 * PAGE_SIZE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1UL, 0);
	unsigned long ha = (unsigned long)h + PAGE_SIZE, ma = (unsigned long)mm_a + PAGE_SIZE;
	unsigned long one = 1;

	(void)state;
	fails = 0;
	assert_true(h != MAP_FAILED && mm_a > 0);
	/* area = pages 1..6 of the mapping; its page 2 and page 6.. unmapped,
	 * page 0 of the mapping unmapped too (so "starts before" is a hole) */
	munmap(h, PAGE_SIZE);
	munmap((char *)ha + 2 * PAGE_SIZE, PAGE_SIZE);
	munmap((char *)ha + 5 * PAGE_SIZE, PAGE_SIZE);
	kernel_munmap(m, ma - PAGE_SIZE, PAGE_SIZE);
	kernel_munmap(m, ma + 2 * PAGE_SIZE, PAGE_SIZE);
	kernel_munmap(m, ma + 5 * PAGE_SIZE, PAGE_SIZE);
	put_user_bytes(m, UMASK, &one, sizeof(one));
	for (unsigned int i = 0; i < N(c); i++) {
		long hr = host_rc(syscall(SYS_mbind, ha + c[i].off, c[i].len,
					  (unsigned long)c[i].mode, &one, 65UL, c[i].fl));
		long mr = kernel_mbind(m, ma + c[i].off, c[i].len, (unsigned long)c[i].mode,
				       c[i].mode ? UMASK : 0, 65, c[i].fl);

		if (c[i].mode == MPOL_DEFAULT)   /* DEFAULT takes an empty mask */
			hr = host_rc(syscall(SYS_mbind, ha + c[i].off, c[i].len, 0UL,
					     NULL, 0UL, c[i].fl));
		if (hr != mr)
			MISMATCH("mbind range case %u: host %ld model %ld\n", i, hr, mr);
		syscall(SYS_mbind, ha, 2 * PAGE_SIZE, 0UL, NULL, 0UL, 0U);
		syscall(SYS_mbind, ha + 3 * PAGE_SIZE, 2 * PAGE_SIZE, 0UL, NULL, 0UL, 0U);
		kernel_mbind(m, ma, 2 * PAGE_SIZE, 0, 0, 0, 0);
		kernel_mbind(m, ma + 3 * PAGE_SIZE, 2 * PAGE_SIZE, 0, 0, 0, 0);
	}
	/* set_mempolicy_home_node: (offset, len, node, flags) with pages 0-1
	 * under BIND, page 3 under INTERLEAVE, page 4 without policy */
	{
		static const struct { long off; unsigned long len, node, fl; } hn[] = {
			{ 1, 4096, 0, 0 }, { 0, 4096, 0, 1 }, { 0, 4096, 1, 0 },
			{ 0, 4096, 1024, 0 }, { 0, 4096, -1UL, 0 }, { 0, 0, 0, 0 },
			{ 0, -4096UL, 0, 0 }, { 0, 2 * 4096, 0, 0 },
			{ 3 * 4096, 4096, 0, 0 }, { 4 * 4096, 4096, 0, 0 },
			{ 0, 5 * 4096, 0, 0 }, { 2 * 4096, 4096, 0, 0 },
			{ 6 * 4096, 4096, 0, 0 },
		};

		syscall(SYS_mbind, ha, 2 * PAGE_SIZE, (unsigned long)MPOL_BIND, &one, 65UL, 0U);
		syscall(SYS_mbind, ha + 3 * PAGE_SIZE, PAGE_SIZE,
			(unsigned long)MPOL_INTERLEAVE, &one, 65UL, 0U);
		kernel_mbind(m, ma, 2 * PAGE_SIZE, MPOL_BIND, UMASK, 65, 0);
		kernel_mbind(m, ma + 3 * PAGE_SIZE, PAGE_SIZE, MPOL_INTERLEAVE, UMASK, 65, 0);
		for (unsigned int i = 0; i < N(hn); i++) {
			long hr = host_rc(syscall(SYS_set_mempolicy_home_node, ha + hn[i].off,
						  hn[i].len, hn[i].node, hn[i].fl));
			long mr = kernel_set_mempolicy_home_node(m, ma + hn[i].off, hn[i].len,
								 hn[i].node, hn[i].fl);

			if (hr != mr)
				MISMATCH("home_node case %u: host %ld model %ld\n", i, hr, mr);
		}
	}
	munmap(h, 7 * PAGE_SIZE);
	assert_int_equal(fails, 0);
	user_machine_free(&um);
}


/* ---- part 2: multi-node placement, worked by hand from v6.12's rules ---- */

/* Machine "4x2": nodes 0-3, 2 CPUs each, 4 GiB each, distance 20 between
 * any two nodes, so node 0's fallback zonelist is 0 1 2 3 and node 3's is
 * 3 0 1 2 (reference B-Z-6). The test runs on CPU 0, node 0. */
#define A0 0x7f0000000000UL   /* pgoff 0x7f0000000: even, and = 4 (mod 6) */

static int set_policy(struct nc_machine *m, int mode, unsigned long bits)
{
	put_user_bytes(m, UMASK, &bits, sizeof(bits));
	return (int)kernel_set_mempolicy(m, mode, UMASK, 65);
}

static int vma_policy(struct nc_machine *m, unsigned long a, unsigned long len,
		      int mode, unsigned long bits)
{
	put_user_bytes(m, UMASK, &bits, sizeof(bits));
	return (int)kernel_mbind(m, a, len, (unsigned long)mode, UMASK, 65, 0);
}

static unsigned long map_at(struct nc_machine *m, unsigned long a, unsigned long pages)
{
	long r = kernel_mmap(m, a, pages * PAGE_SIZE, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1UL, 0);

	assert_int_equal(r, (long)a);
	return a;
}

/* Touches page i of [a, ...) and returns the node of its page */
static int touch_node(struct nc_machine *m, unsigned long a, unsigned int i)
{
	int nid = -1;

	put_user_bytes(m, a + i * PAGE_SIZE, "w", 1);
	assert_int_equal(kernel_get_mempolicy(m, UPOL, 0, 0, a + i * PAGE_SIZE,
					      MPOL_F_NODE | MPOL_F_ADDR), 0);
	assert_int_equal(copy_from_user(m, &nid, UPOL, sizeof(nid)), 0);
	return nid;
}

static void expect_faults(struct nc_machine *m, unsigned long a, const int *want,
			  unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		assert_int_equal(touch_node(m, a, i), want[i]);
}

static void expect_allocs(struct nc_machine *m, const int *want, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		struct page *p = alloc_pages(m, GFP_KERNEL, 0);

		assert_non_null(p);
		assert_int_equal(page_to_nid(p), want[i]);
		__free_pages(m, p, 0);
	}
}

/* Takes every free page of node nid the way a user page would be taken */
struct hoard { struct page *p[8192]; unsigned int n; };

static void exhaust_node(struct nc_machine *m, struct hoard *h, int nid)
{
	for (int order = MAX_PAGE_ORDER; order >= 0; order--) {
		struct page *p;

		while (h->n < 8192 && (p = __alloc_pages(m, GFP_HIGHUSER_MOVABLE | __GFP_THISNODE,
							 (unsigned)order, nid, NULL)))
			h->p[h->n++] = p;
	}
	assert_true(h->n < 8192);
}

static void release(struct nc_machine *m, struct hoard *h)
{
	while (h->n) {
		struct page *p = h->p[--h->n];

		__free_pages(m, p, p->order);
	}
}

static void test_interleave_task_round_robin(void **state)
{
	struct user_machine um = user_machine("4x2");
	struct nc_machine *m = um.m;
	int next = -1;

	(void)state;
	/* set_mempolicy(INTERLEAVE, {0,2,3}) leaves il_prev = 1023, so the
	 * round robin (next_node_in) gives 0, 2, 3, 0, 2, 3 */
	assert_int_equal(set_policy(m, MPOL_INTERLEAVE, 0xd), 0);
	expect_allocs(m, (const int[]){ 0, 2, 3, 0, 2, 3, 0 }, 7);
	/* MPOL_F_NODE without an address tells the next node: after 0 it is 2 */
	assert_int_equal(kernel_get_mempolicy(m, UPOL, 0, 0, 0, MPOL_F_NODE), 0);
	assert_int_equal(copy_from_user(m, &next, UPOL, sizeof(next)), 0);
	assert_int_equal(next, 2);
	/* each of the 7 landed where interleave aimed: numa_interleave hits
	 * 0:3, 2:2, 3:2 */
	assert_int_equal(sum_zone_numa_event_state(m, 0, NUMA_INTERLEAVE_HIT), 3);
	assert_int_equal(sum_zone_numa_event_state(m, 2, NUMA_INTERLEAVE_HIT), 2);
	assert_int_equal(sum_zone_numa_event_state(m, 3, NUMA_INTERLEAVE_HIT), 2);
	assert_int_equal(sum_zone_numa_event_state(m, 1, NUMA_INTERLEAVE_HIT), 0);
	user_machine_free(&um);
}

static void test_interleave_faults_by_offset(void **state)
{
	struct user_machine um = user_machine("4x2");
	struct nc_machine *m = um.m;
	unsigned long a = map_at(m, A0 + PAGE_SIZE, 6);

	(void)state;
	/* a task INTERLEAVE policy still places faults by offset:
	 * ilx = vm_pgoff + page = 0x7f0000001 + i, node = ilx mod 4 of
	 * {0,1,2,3} → 1, 2, 3, 0, 1, 2 — not the round robin */
	assert_int_equal(set_policy(m, MPOL_INTERLEAVE, 0xf), 0);
	expect_faults(m, a, (const int[]){ 1, 2, 3, 0, 1, 2 }, 6);
	/* a VMA policy over {1,3} on a second mapping at A0 (pgoff even):
	 * ilx mod 2 → 1st node (1), 2nd node (3), ... */
	a = map_at(m, A0 + 0x100000, 4);
	assert_int_equal(vma_policy(m, a, 4 * PAGE_SIZE, MPOL_INTERLEAVE, 0xa), 0);
	expect_faults(m, a, (const int[]){ 1, 3, 1, 3 }, 4);
	/* splitting the VMA keeps the offsets: an mbind of page 2 alone to the
	 * same policy leaves the pattern unchanged for newly touched pages */
	a = map_at(m, A0 + 0x200000, 4);
	assert_int_equal(vma_policy(m, a + 2 * PAGE_SIZE, PAGE_SIZE, MPOL_INTERLEAVE, 0xa), 0);
	assert_int_equal(vma_policy(m, a, 2 * PAGE_SIZE, MPOL_INTERLEAVE, 0xa), 0);
	assert_int_equal(vma_policy(m, a + 3 * PAGE_SIZE, PAGE_SIZE, MPOL_INTERLEAVE, 0xa), 0);
	expect_faults(m, a, (const int[]){ 1, 3, 1, 3 }, 4);
	user_machine_free(&um);
}

static void test_weighted_interleave(void **state)
{
	struct user_machine um = user_machine("4x2");
	struct nc_machine *m = um.m;
	char w[8];
	unsigned long a;

	(void)state;
	/* weights node0=3, node1=1 (default), node2=2 through sysfs */
	assert_int_equal(weighted_interleave_node_store(m, 0, "3\n", 2), 2);
	assert_int_equal(weighted_interleave_node_store(m, 2, "0x2", 3), 3);
	assert_int_equal(weighted_interleave_node_store(m, 1, "256", 3), -EINVAL);
	assert_int_equal(weighted_interleave_node_store(m, 3, "", 0), 0);
	weighted_interleave_node_show(m, 0, w);
	assert_string_equal(w, "3\n");
	weighted_interleave_node_show(m, 3, w);
	assert_string_equal(w, "1\n");
	/* task round robin: il_prev = 1023, weight 0 → node 0 three times,
	 * node 1 once, node 2 twice, again */
	assert_int_equal(set_policy(m, MPOL_WEIGHTED_INTERLEAVE, 0x7), 0);
	expect_allocs(m, (const int[]){ 0, 0, 0, 1, 2, 2, 0, 0 }, 8);
	/* faults by offset: total weight 6, pgoff(A0) = 4 (mod 6): the
	 * residues 4 5 0 1 2 3 4 5 fall in node 2 (4,5), node 0 (0-2),
	 * node 1 (3) */
	a = map_at(m, A0, 8);
	expect_faults(m, a, (const int[]){ 2, 2, 0, 0, 0, 1, 2, 2 }, 8);
	/* v6.12 counts no interleave hits for weighted interleave */
	assert_int_equal(sum_zone_numa_event_state(m, 0, NUMA_INTERLEAVE_HIT), 0);
	user_machine_free(&um);
}

static void test_bind_and_preferred_fallback(void **state)
{
	struct user_machine um = user_machine("4x2");
	struct nc_machine *m = um.m;
	static struct hoard h1, h2, h3;
	unsigned long a = map_at(m, A0, 16);

	(void)state;
	/* BIND {2,3} from node 0: node 0's zonelist 0 1 2 3 restricted to
	 * the mask → 2; with node 2 full → 3 */
	assert_int_equal(vma_policy(m, a, 4 * PAGE_SIZE, MPOL_BIND, 0xc), 0);
	assert_int_equal(touch_node(m, a, 0), 2);
	exhaust_node(m, &h2, 2);
	assert_int_equal(touch_node(m, a, 1), 3);
	release(m, &h2);
	/* PREFERRED_MANY {1,2}: 1 first; node 1 full → 2; both full → the
	 * unrestricted retry from node 0 → 0 */
	assert_int_equal(vma_policy(m, a + 4 * PAGE_SIZE, 4 * PAGE_SIZE,
				    MPOL_PREFERRED_MANY, 0x6), 0);
	assert_int_equal(touch_node(m, a + 4 * PAGE_SIZE, 0), 1);
	exhaust_node(m, &h1, 1);
	assert_int_equal(touch_node(m, a + 4 * PAGE_SIZE, 1), 2);
	exhaust_node(m, &h2, 2);
	assert_int_equal(touch_node(m, a + 4 * PAGE_SIZE, 2), 0);
	release(m, &h1);
	release(m, &h2);
	/* PREFERRED {3}: node 3, then node 3's zonelist 3 0 1 2 → 0 */
	assert_int_equal(vma_policy(m, a + 8 * PAGE_SIZE, 4 * PAGE_SIZE, MPOL_PREFERRED, 0x8), 0);
	assert_int_equal(touch_node(m, a + 8 * PAGE_SIZE, 0), 3);
	exhaust_node(m, &h3, 3);
	assert_int_equal(touch_node(m, a + 8 * PAGE_SIZE, 1), 0);
	release(m, &h3);
	/* BIND {3} with home node 3 set on the VMA; a home node on a VMA
	 * without BIND/PREFERRED_MANY is refused */
	assert_int_equal(vma_policy(m, a + 12 * PAGE_SIZE, 2 * PAGE_SIZE, MPOL_BIND, 0xa), 0);
	assert_int_equal(kernel_set_mempolicy_home_node(m, a + 12 * PAGE_SIZE, 2 * PAGE_SIZE,
							3, 0), 0);
	/* BIND {1,3}, home node 3: the walk starts at node 3 → 3 */
	assert_int_equal(touch_node(m, a + 12 * PAGE_SIZE, 0), 3);
	assert_int_equal(kernel_set_mempolicy_home_node(m, a + 8 * PAGE_SIZE, PAGE_SIZE, 3, 0),
			 -EOPNOTSUPP);
	user_machine_free(&um);
}

/* The effective nodes of the current task's policy, as numa_maps prints them */
static void expect_task_policy_str(struct nc_machine *m, const char *want)
{
	char buf[64];

	mpol_to_str(m, buf, sizeof(buf), nc_current(m)->mempolicy);
	assert_string_equal(buf, want);
}

static void test_remap_static_relative(void **state)
{
	struct user_machine um = user_machine("4x2");
	struct nc_machine *m = um.m;
	nodemask_t mems;

	(void)state;
	nodes_clear(mems);
	node_set(1, mems);
	node_set(3, mems);
	/* plain INTERLEAVE {0,2} under mems {0-3}, rebound to {1,3}: node 0 is
	 * the 0th of the old mems → 0th of the new (1); node 2 is the 2nd →
	 * 2 mod 2 = 0th → 1. Result {1} */
	assert_int_equal(set_policy(m, MPOL_INTERLEAVE, 0x5), 0);
	nc_cpuset_set_mems(m, um.task, &mems);
	expect_task_policy_str(m, "interleave:1");
	/* STATIC {0,2} under {1,3}: nothing left of the user mask, so the
	 * nodes become all of the new mems {1,3} */
	nc_cpuset_set_mems(m, um.task, &m->topo->memory);
	assert_int_equal(set_policy(m, MPOL_INTERLEAVE | MPOL_F_STATIC_NODES, 0x5), 0);
	expect_task_policy_str(m, "interleave=static:0,2");
	nc_cpuset_set_mems(m, um.task, &mems);
	expect_task_policy_str(m, "interleave=static:1,3");
	/* STATIC {0,3} keeps 3 under {1,3} */
	nc_cpuset_set_mems(m, um.task, &m->topo->memory);
	assert_int_equal(set_policy(m, MPOL_BIND | MPOL_F_STATIC_NODES, 0x9), 0);
	nc_cpuset_set_mems(m, um.task, &mems);
	expect_task_policy_str(m, "bind=static:3");
	/* RELATIVE {0,2}: folded mod weight({1,3}) = 2 → {0} → the 0th of
	 * {1,3} = {1}; created under {1,3} directly it is the same */
	nc_cpuset_set_mems(m, um.task, &m->topo->memory);
	assert_int_equal(set_policy(m, MPOL_BIND | MPOL_F_RELATIVE_NODES, 0x5), 0);
	expect_task_policy_str(m, "bind=relative:0,2");
	nc_cpuset_set_mems(m, um.task, &mems);
	expect_task_policy_str(m, "bind=relative:1");
	/* RELATIVE {1} under {1,3}: the 1st node of the allowed set = 3 */
	assert_int_equal(set_policy(m, MPOL_PREFERRED | MPOL_F_RELATIVE_NODES, 0x2), 0);
	expect_task_policy_str(m, "prefer=relative:3");
	/* BIND with NUMA_BALANCING alone keeps the user mask in the union's
	 * other half, so a rebind remaps {0,2} with the user mask as the "old"
	 * mems (0 → 1st of {1,3}, 2 → 2nd) and then overwrites it: a kernel
	 * quirk get_mempolicy shows as the mask {1,3} */
	nc_cpuset_set_mems(m, um.task, &m->topo->memory);
	assert_int_equal(set_policy(m, MPOL_BIND | MPOL_F_NUMA_BALANCING, 0x5), 0);
	nc_cpuset_set_mems(m, um.task, &mems);
	expect_task_policy_str(m, "bind=balancing:1,3");
	{
		unsigned long got = 0;

		assert_int_equal(kernel_get_mempolicy(m, 0, UMASK, 65, 0, 0), 0);
		assert_int_equal(copy_from_user(m, &got, UMASK, sizeof(got)), 0);
		assert_int_equal(got, 0xa);
	}
	/* a plain policy's mask outside the mems fails at creation */
	assert_int_equal(set_policy(m, MPOL_BIND, 0x4), -EINVAL);
	nc_cpuset_set_mems(m, um.task, &m->topo->memory);
	user_machine_free(&um);
}

static void test_inheritance_through_mpol_dup(void **state)
{
	struct user_machine um = user_machine("4x2");
	struct nc_machine *m = um.m;
	struct task_struct *child;
	unsigned long a = map_at(m, A0, 8);

	(void)state;
	/* parent: task INTERLEAVE {1,2}; pages 4-7 of the VMA bound to {3} */
	assert_int_equal(set_policy(m, MPOL_INTERLEAVE, 0x6), 0);
	assert_int_equal(vma_policy(m, a + 4 * PAGE_SIZE, 4 * PAGE_SIZE, MPOL_BIND, 0x8), 0);
	/* fork: copy_process() dups the task policy, dup_mmap() the VMA's */
	child = user_task_new(m);
	assert_non_null(child);
	assert_int_equal(mpol_dup(m, um.task->mempolicy, &child->mempolicy), 0);
	child->il_prev = um.task->il_prev;
	assert_int_equal(dup_mmap(m, child->mm, um.task->mm), 0);
	m->curr[0] = child;
	/* the child's first touches: pages 0-3 interleave by offset (pgoff
	 * even → 1, 2, 1, 2), pages 4-7 follow the copied BIND {3} */
	expect_faults(m, a, (const int[]){ 1, 2, 1, 2, 3, 3, 3, 3 }, 8);
	/* the copies are the child's own: the parent's policy change does not
	 * reach them */
	m->curr[0] = um.task;
	assert_int_equal(set_policy(m, MPOL_BIND, 0x1), 0);
	expect_task_policy_str(m, "bind:0");
	m->curr[0] = child;
	expect_task_policy_str(m, "interleave:1-2");
	m->curr[0] = um.task;
	user_task_free(m, child);
	user_machine_free(&um);
}

static void test_policy_text_cut_at_63(void **state)
{
	struct user_machine um = user_machine("64x1");
	struct nc_machine *m = um.m;
	char buf[64];

	(void)state;
	/* interleave over the even nodes 0-62 prints as
	 * "interleave:0,2,4,...": numa_maps' 64-byte buffer keeps 63 chars,
	 * 11 of the name, 10 for "0,2,4,6,8," and 3 each for 10, .. 36, */
	assert_int_equal(set_policy(m, MPOL_INTERLEAVE, 0x5555555555555555UL), 0);
	mpol_to_str(m, buf, sizeof(buf), um.task->mempolicy);
	assert_string_equal(buf, "interleave:0,2,4,6,8,10,12,14,16,18,20,22,24,26,28,30,32,34,36,");
	assert_int_equal(strlen(buf), 63);
	user_machine_free(&um);
}

static void test_slab_node_and_thisnode(void **state)
{
	struct user_machine um = user_machine("4x2");
	struct nc_machine *m = um.m;
	struct page *p;

	(void)state;
	/* no task policy: the local node */
	assert_int_equal(mempolicy_slab_node(m), 0);
	/* BIND {2,3}: the first of node 0's zonelist (0 1 2 3) in the mask */
	assert_int_equal(set_policy(m, MPOL_BIND, 0xc), 0);
	assert_int_equal(mempolicy_slab_node(m), 2);
	/* PREFERRED {3}: that node */
	assert_int_equal(set_policy(m, MPOL_PREFERRED, 0x8), 0);
	assert_int_equal(mempolicy_slab_node(m), 3);
	/* INTERLEAVE {1,3} advances the same round robin alloc_pages() uses */
	assert_int_equal(set_policy(m, MPOL_INTERLEAVE, 0xa), 0);
	assert_int_equal(mempolicy_slab_node(m), 1);
	expect_allocs(m, (const int[]){ 3, 1 }, 2);
	assert_int_equal(mempolicy_slab_node(m), 3);
	/* __GFP_THISNODE ignores the task policy: the local node */
	p = alloc_pages(m, GFP_KERNEL | __GFP_THISNODE, 0);
	assert_non_null(p);
	assert_int_equal(page_to_nid(p), 0);
	__free_pages(m, p, 0);
	/* running on CPU 6 (node 3) with no policy: node 3 */
	assert_int_equal(set_policy(m, MPOL_DEFAULT, 0), 0);
	m->curr[6] = um.task;
	nc_set_cpu(m, 6);
	expect_allocs(m, (const int[]){ 3 }, 1);
	nc_set_cpu(m, 0);
	m->curr[6] = NULL;
	user_machine_free(&um);
}

static void test_mbind_move_and_strict(void **state)
{
	struct user_machine um = user_machine("4x2");
	struct nc_machine *m = um.m;
	unsigned long a = map_at(m, A0, 4);

	(void)state;
	/* 4 pages faulted on node 0 (local policy) */
	expect_faults(m, a, (const int[]){ 0, 0, 0, 0 }, 4);
	/* STRICT alone: misplaced pages → EIO, nothing installed */
	assert_int_equal(vma_policy(m, a, 4 * PAGE_SIZE, MPOL_BIND, 0x2), 0);
	put_user_bytes(m, UMASK, (unsigned long[]){ 0x2 }, 8);
	assert_int_equal(kernel_mbind(m, a, 4 * PAGE_SIZE, MPOL_INTERLEAVE, UMASK, 65,
				      MPOL_MF_STRICT), -EIO);
	/* MOVE with interleave {1,2}: pages move where a fault would put them
	 * (ilx = pgoff + i, even pgoff → 1, 2, 1, 2) */
	put_user_bytes(m, UMASK, (unsigned long[]){ 0x6 }, 8);
	assert_int_equal(kernel_mbind(m, a, 4 * PAGE_SIZE, MPOL_INTERLEAVE, UMASK, 65,
				      MPOL_MF_MOVE | MPOL_MF_STRICT), 0);
	expect_faults(m, a, (const int[]){ 1, 2, 1, 2 }, 4);
	/* now every page is in {1,2}: STRICT passes */
	assert_int_equal(kernel_mbind(m, a, 4 * PAGE_SIZE, MPOL_BIND, UMASK, 65,
				      MPOL_MF_STRICT), 0);
	user_machine_free(&um);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_host_set_mempolicy),
		cmocka_unit_test(test_host_get_mempolicy),
		cmocka_unit_test(test_host_mbind),
		cmocka_unit_test(test_host_mbind_ranges),
		cmocka_unit_test(test_interleave_task_round_robin),
		cmocka_unit_test(test_interleave_faults_by_offset),
		cmocka_unit_test(test_weighted_interleave),
		cmocka_unit_test(test_bind_and_preferred_fallback),
		cmocka_unit_test(test_remap_static_relative),
		cmocka_unit_test(test_inheritance_through_mpol_dup),
		cmocka_unit_test(test_policy_text_cut_at_63),
		cmocka_unit_test(test_slab_node_and_thisnode),
		cmocka_unit_test(test_mbind_move_and_strict),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
