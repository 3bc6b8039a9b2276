// SPDX-License-Identifier: GPL-2.0-only
/*
 * bench/slab: SLUB's fast path against glibc malloc and a plain singly
 * linked freelist, measured in the same run. For each object size: ns per
 * alloc+free pair (always the fast paths after the first), and ns per
 * batch of 100k allocations then 100k frees (slow paths, new slabs,
 * partial lists). The baselines are called through non-inlined functions,
 * as SLUB is. Each figure is the best of several runs, which filters out
 * the noise of a shared machine.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <numaclone/numaclone.h>
#include "arch/machine.h"
#include "mm/slab_common.h"
#include "mm/slub.h"

#define CHUNKS 40          /* pair timing: the best of 40 chunks */
#define PAIRS 50000        /* pairs per chunk */
#define BATCH 100000
#define ROUNDS 3           /* batch timing: the best of 3 */

static const unsigned int sizes[] = { 64, 192, 704, 1152, 2112, 5952 };

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* the plain freelist: objects carved from one block, next pointer inside */
struct freelist {
	void *head;
	char *mem;
};

static __attribute__((noinline)) void *fl_alloc(struct freelist *fl)
{
	void *p = fl->head;

	if (p)
		fl->head = *(void **)p;
	return p;
}

static __attribute__((noinline)) void fl_free(struct freelist *fl, void *p)
{
	*(void **)p = fl->head;
	fl->head = p;
}

static int fl_init(struct freelist *fl, unsigned int size, unsigned int n)
{
	fl->mem = malloc((size_t)size * n);
	fl->head = NULL;
	if (!fl->mem)
		return -1;
	for (unsigned int i = n; i-- > 0; )
		fl_free(fl, fl->mem + (size_t)i * size);
	return 0;
}

static __attribute__((noinline)) void *libc_alloc(size_t size)
{
	return malloc(size);
}

static void **ptrs;

struct timing {
	double pair, batch;
};

/* best-of timing of a pair loop and of a batch, for any allocator */
#define TIME_IT(t, ALLOC, FREE) do {						\
	(t).pair = (t).batch = 1e300;						\
	for (int c = 0; c < CHUNKS; c++) {					\
		double t0 = now_ns(), d;					\
		for (int i = 0; i < PAIRS; i++)					\
			FREE(ALLOC);						\
		d = (now_ns() - t0) / PAIRS;					\
		if (d < (t).pair)						\
			(t).pair = d;						\
	}									\
	for (int r = 0; r < ROUNDS; r++) {					\
		double t0 = now_ns(), d;					\
		for (int i = 0; i < BATCH; i++)					\
			ptrs[i] = ALLOC;					\
		for (int i = 0; i < BATCH; i++)					\
			FREE(ptrs[i]);						\
		d = now_ns() - t0;						\
		if (d < (t).batch)						\
			(t).batch = d;						\
	}									\
} while (0)

static struct timing run_slub(struct nc_machine *m, struct kmem_cache *s)
{
	struct timing t;

#define SLUB_FREE(p) kmem_cache_free(m, s, p)
	TIME_IT(t, kmem_cache_alloc(m, s, GFP_KERNEL), SLUB_FREE);
	return t;
}

static struct timing run_freelist(unsigned int size)
{
	struct freelist fl;
	struct timing t = { 1, 1 };

	if (fl_init(&fl, size, BATCH))
		return t;
#define FL_FREE(p) fl_free(&fl, p)
	TIME_IT(t, fl_alloc(&fl), FL_FREE);
	free(fl.mem);
	return t;
}

static struct timing run_malloc(unsigned int size)
{
	struct timing t;

	TIME_IT(t, libc_alloc(size), free);
	return t;
}

int main(void)
{
	struct nc_machine_config cfg = { .topology = "2x4" };
	struct nc_error err;
	struct nc_machine *m = nc_machine_create(&cfg, &err);
	int worst = 0;

	if (!m) {
		fprintf(stderr, "bench/slab: %s\n", err.msg);
		return 1;
	}
	ptrs = malloc(BATCH * sizeof(*ptrs));
	if (!ptrs)
		return 1;
	printf("SLUB fast path vs a plain freelist and glibc malloc (machine 2x4, CPU 0)\n");
	printf("%6s | %25s | %28s | %9s %9s | %9s %9s\n", "", "ns per alloc+free pair",
	       "us per 100k allocs+frees", "pair", "pair", "batch", "batch");
	printf("%6s | %7s %8s %8s | %8s %9s %9s | %9s %9s | %9s %9s\n", "size", "slub",
	       "freelist", "malloc", "slub", "freelist", "malloc", "/freelist", "/malloc",
	       "/freelist", "/malloc");
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		char name[32];
		struct kmem_cache *s;
		struct timing ts, tf, tm;

		snprintf(name, sizeof(name), "bench-%u", sizes[i]);
		s = kmem_cache_create(m, name, sizes[i], NULL, SLAB_HWCACHE_ALIGN | SLAB_NO_MERGE);
		if (!s)
			return 1;
		ts = run_slub(m, s);
		tf = run_freelist(sizes[i]);
		tm = run_malloc(sizes[i]);
		kmem_cache_destroy(m, s);
		printf("%6u | %7.2f %8.2f %8.2f | %8.1f %9.1f %9.1f | %9.2f %9.2f | %9.2f %9.2f\n",
		       sizes[i], ts.pair, tf.pair, tm.pair, ts.batch / 1e3, tf.batch / 1e3,
		       tm.batch / 1e3, ts.pair / tf.pair, ts.pair / tm.pair,
		       ts.batch / tf.batch, ts.batch / tm.batch);
		if (ts.pair / tf.pair > 2.0)
			worst = 1;
	}
	printf("fast path within 2x of the plain freelist: %s\n", worst ? "NO" : "yes");
	free(ptrs);
	nc_machine_destroy(m);
	return 0;
}
