// SPDX-License-Identifier: GPL-2.0-only
/*
 * SLUB, mirroring mm/slub.c of v6.12: per-CPU slabs and per-CPU partial
 * lists, per-node partial lists, NUMA-aware slow path, bulk allocation and
 * free, slub_debug checks and statistics. Objects live in real host memory;
 * the freelist pointer sits inside the free object, hardened as
 * CONFIG_SLAB_FREELIST_HARDENED does, and new slabs hand out objects in a
 * per-cache random order (CONFIG_SLAB_FREELIST_RANDOM; both are Debian's),
 * from the machine's seeded generator. SLAB_TYPESAFE_BY_RCU slabs go back
 * after a grace period. The model is single-threaded: where the kernel
 * uses cmpxchg or takes a lock the update simply happens, so the
 * CMPXCHG_DOUBLE_*FAIL counters stay 0. Left out: KASAN, KFENCE, kmemleak,
 * memcg charging, pfmemalloc, init_on_alloc/init_on_free.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch/task.h"
#include "mm/failslab.h"
#include "mm/mempolicy.h"
#include "mm/mmzone.h"
#include "mm/slab_common.h"
#include "mm/slub.h"
#include "trace/events.h"

#define ALIGN(x, a)      (((x) + (a) - 1) / (a) * (a))
#define ALIGN_DOWN(x, a) ((x) / (a) * (a))

_Static_assert(sizeof(struct track) == 32, "struct track is 32 bytes with STACKDEPOT");
_Static_assert(sizeof(struct kmem_cache) <= KMEM_CACHE_NODE_OFFSET,
	       "the model's kmem_cache must fit the kernel's object");
_Static_assert(sizeof(struct kmem_cache_node) <= KMEM_CACHE_NODE_SIZE,
	       "the model's kmem_cache_node must fit the kernel's object");

/* ======================================================================
 * Host memory behind slab pages. Slab pages are simulated frames from the
 * page allocator; their bytes come from 16 MiB host arenas aligned to their
 * size, whose header maps every page to its slab, so virt_to_slab() is a
 * mask and a load, as the kernel's virt_to_page() is arithmetic.
 * ==================================================================== */
#define ARENA_SHIFT 24
#define ARENA_SIZE  (1UL << ARENA_SHIFT)
#define ARENA_PAGES (ARENA_SIZE >> PAGE_SHIFT)

struct slab_arena {
	struct slab_arena *next;
	uintptr_t bump;
	struct slab *map[ARENA_PAGES];
};

/* A two-level directory of arenas by address (47-bit user space): the
 * arena of any address in two loads, and NULL for one SLUB never gave out. */
#define ARENA_DIR_SHIFT 35
#define ARENA_DIR_SIZE  (1UL << (47 - ARENA_DIR_SHIFT))
#define ARENA_LEAF_SIZE (1UL << (ARENA_DIR_SHIFT - ARENA_SHIFT))

/* The arena of x: its base is x's address rounded down (so the page map's
 * load does not wait for the directory's), and the directory confirms it. */
static inline struct slab_arena *arena_of(const struct slab_state *ss, const void *x)
{
	uintptr_t v = (uintptr_t)x;
	struct slab_arena *a = (struct slab_arena *)(v & ~(ARENA_SIZE - 1));
	struct slab_arena **leaf;

	if (v >> 47)
		return NULL;
	leaf = ss->arena_dir[v >> ARENA_DIR_SHIFT];
	return leaf && leaf[(v >> ARENA_SHIFT) & (ARENA_LEAF_SIZE - 1)] == a ? a : NULL;
}

static int arena_dir_set(struct slab_state *ss, struct slab_arena *a, struct slab_arena *val)
{
	uintptr_t v = (uintptr_t)a;
	struct slab_arena ***slot = &ss->arena_dir[v >> ARENA_DIR_SHIFT];

	if (!*slot) {
		*slot = calloc(ARENA_LEAF_SIZE, sizeof(**slot));
		if (!*slot)
			return -ENOMEM;
	}
	(*slot)[(v >> ARENA_SHIFT) & (ARENA_LEAF_SIZE - 1)] = val;
	return 0;
}

/* The arena is heap memory (not a bare mmap) so that leak checkers see
 * the pointers it holds; its untouched pages cost nothing. */
static struct slab_arena *arena_new(struct slab_state *ss)
{
	struct slab_arena *a = aligned_alloc(ARENA_SIZE, ARENA_SIZE);

	if (!a)
		return NULL;
	memset(a, 0, sizeof(*a));
	if (!ss->arena_dir)
		ss->arena_dir = calloc(ARENA_DIR_SIZE, sizeof(*ss->arena_dir));
	if (!ss->arena_dir || arena_dir_set(ss, a, a)) {
		free(a);
		return NULL;
	}
	a->next = ss->arenas;
	a->bump = (uintptr_t)a + ALIGN(sizeof(*a), PAGE_SIZE);
	ss->arenas = a;
	return a;
}

static void chunk_free(struct slab_state *ss, void *p, unsigned int order)
{
	*(void **)p = ss->chunk_free[order];
	ss->chunk_free[order] = p;
}

/* Gives the unaligned gap [from, to) to the free lists in aligned pieces. */
static void chunk_carve(struct slab_state *ss, uintptr_t from, uintptr_t to)
{
	while (from < to) {
		unsigned int o = MAX_PAGE_ORDER;

		while (o && ((from & ((PAGE_SIZE << o) - 1)) || from + (PAGE_SIZE << o) > to))
			o--;
		chunk_free(ss, (void *)from, o);
		from += PAGE_SIZE << o;
	}
}

/* Host bytes for 2^order pages, aligned to their size like a buddy block. */
static void *chunk_alloc(struct slab_state *ss, unsigned int order)
{
	uintptr_t sz = PAGE_SIZE << order;
	struct slab_arena *a = ss->arenas;
	void *p = ss->chunk_free[order];

	if (p) {
		ss->chunk_free[order] = *(void **)p;
		return p;
	}
	for (;;) {
		if (a) {
			uintptr_t end = (uintptr_t)a + ARENA_SIZE;
			uintptr_t at = (a->bump + sz - 1) & ~(sz - 1);

			if (at + sz <= end) {
				chunk_carve(ss, a->bump, at);
				a->bump = at + sz;
				return (void *)at;
			}
			chunk_carve(ss, a->bump, end);
			a->bump = end;
		}
		a = arena_new(ss);
		if (!a)
			return NULL;
	}
}


static inline struct slab *__virt_to_slab(const struct slab_state *ss, const void *x)
{
	struct slab_arena *a = arena_of(ss, x);

	return a ? a->map[((uintptr_t)x & (ARENA_SIZE - 1)) >> PAGE_SHIFT] : NULL;
}

struct slab *virt_to_slab(const struct nc_machine *m, const void *x)
{
	return __virt_to_slab(m->slab, x);
}

static void arena_map(struct slab_state *ss, struct slab *slab, unsigned int order,
		      struct slab *val)
{
	struct slab_arena *a = arena_of(ss, slab->addr);
	size_t first = ((uintptr_t)slab->addr & (ARENA_SIZE - 1)) >> PAGE_SHIFT;

	for (size_t i = 0; i < (1UL << order); i++)
		a->map[first + i] = val;
}

/* Backs a freshly allocated block of frames with host memory and a slab. */
static struct slab *slab_attach(struct nc_machine *m, struct page *page)
{
	struct slab *slab = calloc(1, sizeof(*slab));

	if (!slab)
		return NULL;
	slab->addr = chunk_alloc(m->slab, page->order);
	if (!slab->addr) {
		free(slab);
		return NULL;
	}
	slab->page = page;
	slab->bytes = PAGE_SIZE << page->order;
	page->private = slab;
	INIT_LIST_HEAD(&slab->slab_list);
	arena_map(m->slab, slab, page->order, slab);
	return slab;
}

static void slab_detach(struct nc_machine *m, struct slab *slab)
{
	unsigned int order = slab_order(slab);
	struct page *page = slab->page;

	arena_map(m->slab, slab, order, NULL);
	chunk_free(m->slab, slab->addr, order);
	page->private = NULL;
	free(slab);
	__free_pages(m, page, order);
}

/* The kernel direct-map address of a byte of a slab, as slub_debug prints it. */
unsigned long slab_kaddr(const struct slab *slab, const void *x)
{
	return 0xffff888000000000UL + (slab->page->pfn << PAGE_SHIFT) +
	       (unsigned long)((const char *)x - slab->addr);
}

/* ======================================================================
 * Free pointers, statistics, small helpers
 * ==================================================================== */
static inline void stat(struct nc_machine *m, const struct kmem_cache *s, enum stat_item si)
{
	this_cpu_ptr(m, s->cpu_slab)->stat[si]++;
}

static inline void stat_add(struct nc_machine *m, const struct kmem_cache *s,
			    enum stat_item si, int v)
{
	this_cpu_ptr(m, s->cpu_slab)->stat[si] += (unsigned int)v;
}

/* models mm/slub.c:freelist_ptr_decode() with CONFIG_SLAB_FREELIST_HARDENED */
/*
 * The free pointers' chain of stores and loads (a free stores what the next
 * allocation loads) is what the fast paths wait on. Two things keep it
 * short: the key (s->random and the byte-swapped address) is combined
 * before it meets the stored value, so the chain has one XOR, not two; and
 * the value is loaded by a plain load, not folded into the XOR, which lets
 * the CPU forward it from the store sooner. The compiler would undo both.
 */
static inline unsigned long freeptr_key(const struct kmem_cache *s, unsigned long ptr_addr)
{
	unsigned long key = s->random ^ __builtin_bswap64(ptr_addr);

	__asm__("" : "+r"(key));
	return key;
}

static inline unsigned long freeptr_load(const void *p)
{
	unsigned long v = *(const unsigned long *)p;

	__asm__("" : "+r"(v));
	return v;
}

static inline void *get_freepointer(const struct kmem_cache *s, void *object)
{
	unsigned long ptr_addr = (unsigned long)object + s->offset;

	return (void *)(freeptr_load((void *)ptr_addr) ^ freeptr_key(s, ptr_addr));
}

/* models mm/slub.c:set_freepointer() (its BUG_ON(object == fp) is checked by
 * the free paths, which report it instead of oopsing) */
static inline void set_freepointer(const struct kmem_cache *s, void *object, void *fp)
{
	unsigned long ptr_addr = (unsigned long)object + s->offset;

	*(unsigned long *)ptr_addr = (unsigned long)fp ^ freeptr_key(s, ptr_addr);
}

static inline struct kmem_cache_node *get_node(const struct kmem_cache *s, int node)
{
	return s->node[node];
}

static inline bool freeptr_outside_object(const struct kmem_cache *s)
{
	return s->offset >= s->inuse;
}

static inline unsigned int get_info_end(const struct kmem_cache *s)
{
	return freeptr_outside_object(s) ? s->inuse + sizeof(void *) : s->inuse;
}

static inline bool slub_debug_orig_size(const struct kmem_cache *s)
{
	return (s->flags & SLAB_STORE_USER) && (s->flags & SLAB_KMALLOC);
}

static inline bool kmem_cache_has_cpu_partial(const struct kmem_cache *s)
{
	return !kmem_cache_debug(s);
}

static inline char *fixup_red_left(const struct kmem_cache *s, char *p)
{
	return (s->flags & SLAB_RED_ZONE) ? p + s->red_left_pad : p;
}

static inline unsigned int order_objects(unsigned int order, unsigned int size)
{
	return (unsigned int)(PAGE_SIZE << order) / size;
}

static inline struct kmem_cache_order_objects oo_make(unsigned int order, unsigned int size)
{
	return (struct kmem_cache_order_objects){ (order << OO_SHIFT) + order_objects(order, size) };
}

/* models mm/slub.c:node_match() */
static inline bool node_match(const struct slab *slab, int node)
{
	return node == NUMA_NO_NODE || slab_nid(slab) == node;
}

/* c->slab = slab, with the host bytes of the objects the free fast path
 * may take: the slab's, none while a tracer must see every free (where
 * the kernel's tracepoint static key sends each free the long way) */
static inline void set_cpu_slab(const struct nc_machine *m, struct kmem_cache_cpu *c,
				struct slab *slab)
{
	bool fast = slab && !(m->alloc_hooks & NC_HOOK_TRACE);

	c->slab = slab;
	c->slab_base = fast ? (uintptr_t)slab->addr : 0;
	c->slab_end = fast ? (uintptr_t)slab->addr + slab->bytes : 0;
}

/* The free fast path's windows again after an alloc hook changed
 * (nc_alloc_hook_set()) */
static void slub_alloc_hooks_changed(struct nc_machine *m)
{
	unsigned int cpu;

	for (struct kmem_cache *s = m->slab->slab_caches; s; s = s->list_next)
		for_each_possible_cpu(cpu, m->topo) {
			struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, cpu);

			set_cpu_slab(m, c, c->slab);
		}
}

/* TID_STEP with CONFIG_PREEMPTION: roundup_pow_of_two(CONFIG_NR_CPUS) */
#define TID_STEP ((unsigned long)NR_CPUS)

static inline unsigned long next_tid(unsigned long tid)
{
	return tid + TID_STEP;
}

/*
 * The lockless fast paths' transactions (one tid step each) are counted by
 * their ALLOC_FASTPATH and FREE_FASTPATH statistics alone, which saves the
 * fast paths a second counter: c->tid holds the tid less those steps.
 * Paths that count fast-path objects under one transaction (the bulk
 * paths) take the extra steps back from c->tid. Exact until a 32-bit
 * statistic wraps.
 */
unsigned long slub_cpu_tid(const struct kmem_cache *s, unsigned int cpu)
{
	const struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, cpu);

	return c->tid + TID_STEP * ((unsigned long)c->stat[ALLOC_FASTPATH] +
				    c->stat[FREE_FASTPATH]);
}

/* ======================================================================
 * Geometry (calculate_sizes and friends)
 * ==================================================================== */
void slub_params_default(struct slub_params *p, unsigned int nr_present,
			 unsigned int nr_cpu_ids)
{
	p->min_order = 0;
	p->max_order = PAGE_ALLOC_COSTLY_ORDER;
	p->min_objects = 0;
	p->nr_present_cpus = nr_present;
	p->nr_cpu_ids = nr_cpu_ids;
}

unsigned int calc_slab_order(unsigned int size, unsigned int min_order,
			     unsigned int max_order, unsigned int fract_leftover)
{
	unsigned int order;

	for (order = min_order; order <= max_order; order++) {
		unsigned int slab_size = (unsigned int)PAGE_SIZE << order;

		if (slab_size % size <= slab_size / fract_leftover)
			break;
	}
	return order;
}

int calculate_order(unsigned int size, const struct slub_params *p)
{
	unsigned int min_objects = p->min_objects, max_objects, min_order, order;

	if (!min_objects) {
		/* present CPUs, unless there is just one (v6.12) */
		unsigned int nr_cpus = p->nr_present_cpus;

		if (nr_cpus <= 1)
			nr_cpus = p->nr_cpu_ids;
		min_objects = 4 * (fls(nr_cpus) + 1);
	}
	max_objects = order_objects(p->max_order, size);
	if (max_objects < 1)
		max_objects = 1;
	if (min_objects > max_objects)
		min_objects = max_objects;
	min_order = get_order((unsigned long)min_objects * size);
	if (min_order < p->min_order)
		min_order = p->min_order;
	if (order_objects(min_order, size) > MAX_OBJS_PER_PAGE)
		return (int)get_order((unsigned long)size * MAX_OBJS_PER_PAGE) - 1;

	/* accept 1/16 waste first, then 1/8, 1/4, 1/2 */
	for (unsigned int fraction = 16; fraction > 1; fraction /= 2) {
		order = calc_slab_order(size, min_order, p->max_order, fraction);
		if (order <= p->max_order)
			return (int)order;
	}
	order = get_order(size);
	return order <= MAX_PAGE_ORDER ? (int)order : -ENOSYS;
}

/* models mm/slub.c:set_cpu_partial() and slub_set_cpu_partial() */
static void set_cpu_partial(struct kmem_cache *s)
{
	unsigned int nr_objects;

	if (!kmem_cache_has_cpu_partial(s))
		nr_objects = 0;
	else if (s->size >= PAGE_SIZE)
		nr_objects = 6;
	else if (s->size >= 1024)
		nr_objects = 24;
	else if (s->size >= 256)
		nr_objects = 52;
	else
		nr_objects = 120;
	s->cpu_partial = nr_objects;
	/* slabs assumed half full */
	s->cpu_partial_slabs = (nr_objects * 2 + oo_objects(s->oo) - 1) / oo_objects(s->oo);
}

int kmem_cache_geometry(struct kmem_cache *s, const struct kmem_cache_args *args,
			const struct slub_params *p)
{
	slab_flags_t flags = s->flags;
	unsigned long size;
	unsigned int ilog;
	int order;

	/* The kernel trusts its callers; the model refuses sizes its 32-bit
	 * fields would wrap on. */
	if (!s->object_size || s->object_size > KMALLOC_MAX_SIZE * 2 || !s->align ||
	    s->align > PAGE_SIZE << MAX_PAGE_ORDER || (s->align & (s->align - 1)))
		return -EINVAL;
	/* free pointers live on word boundaries */
	size = ALIGN((unsigned long)s->object_size, sizeof(void *));

	/* poison the object itself only if no one touches it while free */
	if ((flags & SLAB_POISON) && !(flags & SLAB_TYPESAFE_BY_RCU) && !s->ctor)
		s->flags |= __OBJECT_POISON;
	else
		s->flags &= ~__OBJECT_POISON;
	/* a red zone needs at least one word after the object */
	if ((flags & SLAB_RED_ZONE) && size == s->object_size)
		size += sizeof(void *);
	s->inuse = (unsigned int)size;

	if (((flags & SLAB_TYPESAFE_BY_RCU) && !args->use_freeptr_offset) ||
	    (flags & SLAB_POISON) || s->ctor ||
	    ((flags & SLAB_RED_ZONE) &&
	     (s->object_size < sizeof(void *) || slub_debug_orig_size(s)))) {
		/* the object may not be overwritten while free: pointer after it */
		s->offset = (unsigned int)size;
		size += sizeof(void *);
	} else if ((flags & SLAB_TYPESAFE_BY_RCU) && args->use_freeptr_offset) {
		s->offset = args->freeptr_offset;
	} else {
		/* mid-object, away from small over/underflows of neighbours */
		s->offset = ALIGN_DOWN(s->object_size / 2, (unsigned int)sizeof(void *));
	}
	if (flags & SLAB_STORE_USER) {
		size += 2 * sizeof(struct track);
		if (flags & SLAB_KMALLOC)
			size += sizeof(unsigned long);  /* original request size */
	}
	s->red_left_pad = 0;
	if (flags & SLAB_RED_ZONE) {
		size += sizeof(void *);
		s->red_left_pad = ALIGN((unsigned int)sizeof(void *), s->align);
		size += s->red_left_pad;
	}
	size = ALIGN(size, s->align);
	if (size > UINT32_MAX / MAX_OBJS_PER_PAGE)
		return -EINVAL;
	s->size = (unsigned int)size;

	order = calculate_order(s->size, p);
	if (order < 0)
		return -EINVAL;
	s->allocflags = __GFP_COMP;
	if (s->flags & SLAB_CACHE_DMA)
		s->allocflags |= __GFP_DMA;
	if (s->flags & SLAB_CACHE_DMA32)
		s->allocflags |= __GFP_DMA32;
	if (s->flags & SLAB_RECLAIM_ACCOUNT)
		s->allocflags |= __GFP_RECLAIMABLE;
	s->oo = oo_make((unsigned int)order, s->size);
	s->min = oo_make(get_order(s->size), s->size);
	if (!oo_objects(s->oo))
		return -EINVAL;

	/* min_partial = clamp(ilog2(size) / 2, MIN_PARTIAL, MAX_PARTIAL) */
	ilog = fls(s->size) - 1;
	s->min_partial = ilog / 2 > MAX_PARTIAL ? MAX_PARTIAL : ilog / 2;
	if (s->min_partial < MIN_PARTIAL)
		s->min_partial = MIN_PARTIAL;
	set_cpu_partial(s);
	s->remote_node_defrag_ratio = 1000;
	return 0;
}

/* ======================================================================
 * slub_debug: object layout checks and reports
 * ==================================================================== */
static struct slab_report *report_open(struct nc_machine *m, const struct kmem_cache *s)
{
	struct slab_state *ss = m->slab;
	struct slab_report *r = &ss->reports[ss->nr_reports % SLAB_MAX_REPORTS];

	if (!ss->report_open) {
		memset(r, 0, sizeof(*r));
		snprintf(r->cache, sizeof(r->cache), "%s", s ? s->name : "<unknown>");
		ss->report_open = true;
	}
	return r;
}

static void report_close(struct nc_machine *m)
{
	if (m->slab->report_open) {
		m->slab->report_open = false;
		m->slab->nr_reports++;
		m->slab->tainted = true;
	}
}

static void __attribute__((format(printf, 3, 4)))
rpt(struct nc_machine *m, const struct kmem_cache *s, const char *fmt, ...)
{
	struct slab_report *r = report_open(m, s);
	size_t len = strlen(r->text);
	va_list ap;

	if (len + 1 >= sizeof(r->text))
		return;
	va_start(ap, fmt);
	vsnprintf(r->text + len, sizeof(r->text) - len, fmt, ap);
	va_end(ap);
	len = strlen(r->text);
	if (len + 1 < sizeof(r->text)) {
		r->text[len] = '\n';
		r->text[len + 1] = 0;
	}
}

static void set_bug(struct slab_report *r, const char *fmt, va_list ap)
{
	if (!r->bug[0])
		vsnprintf(r->bug, sizeof(r->bug), fmt, ap);
}

/* models mm/slub.c:slab_bug() */
static void __attribute__((format(printf, 3, 4)))
slab_bug(struct nc_machine *m, const struct kmem_cache *s, const char *fmt, ...)
{
	struct slab_report *r = report_open(m, s);
	char reason[160];
	va_list ap;

	va_start(ap, fmt);
	set_bug(r, fmt, ap);
	va_end(ap);
	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	rpt(m, s, "=============================================================================");
	rpt(m, s, "BUG %s (%s): %s", s ? s->name : "<unknown>",
	    m->slab->tainted ? "Tainted: G    B" : "Not tainted", reason);
	rpt(m, s, "-----------------------------------------------------------------------------\n");
}

/* models lib/hexdump.c:print_hex_dump() with DUMP_PREFIX_ADDRESS, 16/1/ascii */
static void print_section(struct nc_machine *m, const struct kmem_cache *s,
			  const struct slab *slab, const char *text, const uint8_t *addr,
			  unsigned int length)
{
	for (unsigned int i = 0; i < length; i += 16) {
		unsigned int n = length - i < 16 ? length - i : 16, lx = 0;
		char line[80];

		for (unsigned int j = 0; j < n; j++)
			lx += (unsigned)snprintf(line + lx, sizeof(line) - lx, "%02x ", addr[i + j]);
		lx--;
		while (lx < 49)
			line[lx++] = ' ';
		for (unsigned int j = 0; j < n; j++) {
			uint8_t ch = addr[i + j];

			line[lx++] = (ch >= 0x20 && ch < 0x7f) ? (char)ch : '.';
		}
		line[lx] = 0;
		rpt(m, s, "%s%016lx: %s", text, slab_kaddr(slab, addr + i), line);
	}
}

static struct track *get_track(const struct kmem_cache *s, void *object,
			       enum track_item alloc)
{
	return (struct track *)((char *)object + get_info_end(s)) + alloc;
}

/* models mm/slub.c:set_track_update(); addr is the modelled entry point */
static void set_track(struct nc_machine *m, const struct kmem_cache *s, void *object,
		      enum track_item alloc, const char *addr)
{
	struct track *p = get_track(s, object, alloc);
	struct task_struct *curr = nc_current(m);

	p->addr = (unsigned long)addr;
	p->handle = 0;
	p->cpu = (int)m->cpu;
	p->pid = curr ? curr->pid : 0;
	p->when = ++m->slab->events;
}

static void print_track(struct nc_machine *m, const struct kmem_cache *s,
			const char *what, const struct track *t)
{
	if (!t->addr)
		return;
	rpt(m, s, "%s in %s age=%lu cpu=%u pid=%d", what, (const char *)t->addr,
	    m->slab->events - t->when, (unsigned)t->cpu, t->pid);
}

static void print_tracking(struct nc_machine *m, const struct kmem_cache *s, void *object)
{
	if (!(s->flags & SLAB_STORE_USER))
		return;
	print_track(m, s, "Allocated", get_track(s, object, TRACK_ALLOC));
	print_track(m, s, "Freed", get_track(s, object, TRACK_FREE));
}

static void print_slab_info(struct nc_machine *m, const struct kmem_cache *s,
			    const struct slab *slab)
{
	rpt(m, s, "Slab 0x%016lx objects=%u used=%u fp=0x%016lx flags=0x%lx(slab|head|node=%d)",
	    0xffffea0000000000UL + slab->page->pfn * 64, slab->objects, slab->inuse,
	    slab->freelist ? slab_kaddr(slab, slab->freelist) : 0UL,
	    slab->page->flags, slab_nid(slab));
}

static unsigned int size_from_object(const struct kmem_cache *s)
{
	return (s->flags & SLAB_RED_ZONE) ? s->size - s->red_left_pad : s->size;
}

static int check_valid_pointer(const struct kmem_cache *s, const struct slab *slab,
			       const void *object)
{
	const char *base = slab->addr, *p = object;

	if (!object)
		return 1;
	if (s->flags & SLAB_RED_ZONE)
		p -= s->red_left_pad;
	return !(p < base || p >= base + (size_t)slab->objects * s->size ||
		 (size_t)(p - base) % s->size);
}

/* models mm/slub.c:print_trailer() */
static void print_trailer(struct nc_machine *m, const struct kmem_cache *s,
			  const struct slab *slab, uint8_t *p)
{
	const uint8_t *addr = (const uint8_t *)slab->addr;
	void *fp = get_freepointer(s, p);
	unsigned int off;

	print_tracking(m, s, p);
	print_slab_info(m, s, slab);
	rpt(m, s, "Object 0x%016lx @offset=%tu fp=0x%016lx\n", slab_kaddr(slab, p),
	    p - addr, check_valid_pointer(s, slab, fp) && fp ? slab_kaddr(slab, fp) :
	    (unsigned long)fp);
	if (s->flags & SLAB_RED_ZONE)
		print_section(m, s, slab, "Redzone  ", p - s->red_left_pad, s->red_left_pad);
	else if (p > addr + 16)
		print_section(m, s, slab, "Bytes b4 ", p - 16, 16);
	print_section(m, s, slab, "Object   ", p,
		      s->object_size < PAGE_SIZE ? s->object_size : (unsigned int)PAGE_SIZE);
	if (s->flags & SLAB_RED_ZONE)
		print_section(m, s, slab, "Redzone  ", p + s->object_size,
			      s->inuse - s->object_size);
	off = get_info_end(s);
	if (s->flags & SLAB_STORE_USER)
		off += 2 * sizeof(struct track);
	if (slub_debug_orig_size(s))
		off += sizeof(unsigned long);
	if (off != size_from_object(s))
		print_section(m, s, slab, "Padding  ", p + off, size_from_object(s) - off);
}

/* models mm/slub.c:object_err() */
static void object_err(struct nc_machine *m, const struct kmem_cache *s,
		       const struct slab *slab, uint8_t *object, const char *reason)
{
	slab_bug(m, s, "%s", reason);
	if (!object || !check_valid_pointer(s, slab, object)) {
		print_slab_info(m, s, slab);
		rpt(m, s, "Invalid pointer 0x%016lx", (unsigned long)object);
	} else {
		print_trailer(m, s, slab, object);
	}
	report_open(m, s)->object = object ? slab_kaddr(slab, object) : 0;
}

/* models mm/slub.c:slab_err() */
static void __attribute__((format(printf, 4, 5)))
slab_err(struct nc_machine *m, const struct kmem_cache *s, const struct slab *slab,
	 const char *fmt, ...)
{
	char reason[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	slab_bug(m, s, "%s", reason);
	print_slab_info(m, s, slab);
}

#define slab_fix(m, s, fmt, ...) rpt(m, s, "FIX %s: " fmt, (s)->name, ##__VA_ARGS__)

/* models mm/slub.c:init_object() */
static void init_object(const struct kmem_cache *s, void *object, uint8_t val)
{
	uint8_t *p = object;
	unsigned int poison_size = s->object_size;

	if (s->flags & SLAB_RED_ZONE) {
		memset(p - s->red_left_pad, val, s->red_left_pad);
		if (slub_debug_orig_size(s) && val == SLUB_RED_ACTIVE)
			poison_size = (unsigned int)*(unsigned long *)
				((char *)object + get_info_end(s) + 2 * sizeof(struct track));
	}
	if (s->flags & __OBJECT_POISON) {
		memset(p, POISON_FREE, poison_size - 1);
		p[poison_size - 1] = POISON_END;
	}
	if (s->flags & SLAB_RED_ZONE)
		memset(p + poison_size, val, s->inuse - poison_size);
}

static void set_orig_size(const struct kmem_cache *s, void *object, unsigned long orig_size)
{
	if (slub_debug_orig_size(s))
		*(unsigned long *)((char *)object + get_info_end(s) +
				   2 * sizeof(struct track)) = orig_size;
}

static unsigned long get_orig_size(const struct kmem_cache *s, void *object)
{
	if (!slub_debug_orig_size(s))
		return s->object_size;
	return *(unsigned long *)((char *)object + get_info_end(s) + 2 * sizeof(struct track));
}

/* models mm/slub.c:check_bytes_and_report() */
static int check_bytes_and_report(struct nc_machine *m, const struct kmem_cache *s,
				  const struct slab *slab, uint8_t *object,
				  const char *what, uint8_t *start, unsigned int value,
				  unsigned int bytes, int slab_obj_print)
{
	uint8_t *fault = NULL, *end;
	struct slab_report *r;

	for (unsigned int i = 0; i < bytes; i++)
		if (start[i] != value) {
			fault = start + i;
			break;
		}
	if (!fault)
		return 1;
	end = start + bytes;
	while (end > fault && end[-1] == value)
		end--;
	r = report_open(m, s);
	if (!r->bug[0])
		snprintf(r->bug, sizeof(r->bug), "%s overwritten", what);
	rpt(m, s, "[%s overwritten] 0x%016lx-0x%016lx @offset=%tu. First byte 0x%x instead of 0x%x",
	    what, slab_kaddr(slab, fault), slab_kaddr(slab, end - 1),
	    fault - (uint8_t *)slab->addr, fault[0], value);
	if (slab_obj_print)
		object_err(m, s, slab, object, "Object corrupt");
	slab_fix(m, s, "Restoring %s 0x%016lx-0x%016lx=0x%x", what, slab_kaddr(slab, fault),
		 slab_kaddr(slab, end - 1), value);
	memset(fault, (int)value, (size_t)(end - fault));
	return 0;
}

/* models mm/slub.c:check_pad_bytes() */
static int check_pad_bytes(struct nc_machine *m, const struct kmem_cache *s,
			   const struct slab *slab, uint8_t *p)
{
	unsigned long off = get_info_end(s);

	if (s->flags & SLAB_STORE_USER) {
		off += 2 * sizeof(struct track);
		if (s->flags & SLAB_KMALLOC)
			off += sizeof(unsigned long);
	}
	if (size_from_object(s) == off)
		return 1;
	return check_bytes_and_report(m, s, slab, p, "Object padding", p + off, POISON_INUSE,
				      size_from_object(s) - (unsigned int)off, 1);
}

/* models mm/slub.c:slab_pad_check() */
static void slab_pad_check(struct nc_machine *m, const struct kmem_cache *s,
			   const struct slab *slab)
{
	uint8_t *start = (uint8_t *)slab->addr, *end, *pad, *fault = NULL;
	size_t length = PAGE_SIZE << slab_order(slab), remainder;

	if (!(s->flags & SLAB_POISON))
		return;
	end = start + length;
	remainder = length % s->size;
	if (!remainder)
		return;
	pad = end - remainder;
	for (size_t i = 0; i < remainder; i++)
		if (pad[i] != POISON_INUSE) {
			fault = pad + i;
			break;
		}
	if (!fault)
		return;
	while (end > fault && end[-1] == POISON_INUSE)
		end--;
	slab_bug(m, s, "Padding overwritten. 0x%016lx-0x%016lx @offset=%tu",
		 slab_kaddr(slab, fault), slab_kaddr(slab, end - 1), fault - start);
	print_section(m, s, slab, "Padding ", pad, (unsigned int)remainder);
	print_slab_info(m, s, slab);
	slab_fix(m, s, "Restoring slab padding 0x%016lx-0x%016lx=0x%x",
		 slab_kaddr(slab, fault), slab_kaddr(slab, end - 1), POISON_INUSE);
	memset(fault, POISON_INUSE, (size_t)(end - fault));
}

/* models mm/slub.c:check_object() */
static int check_object(struct nc_machine *m, const struct kmem_cache *s,
			const struct slab *slab, void *object, uint8_t val)
{
	uint8_t *p = object, *endobject = p + s->object_size;
	int ret = 1;

	if (s->flags & SLAB_RED_ZONE) {
		if (!check_bytes_and_report(m, s, slab, object, "Left Redzone",
					    p - s->red_left_pad, val, s->red_left_pad, ret))
			ret = 0;
		if (!check_bytes_and_report(m, s, slab, object, "Right Redzone", endobject,
					    val, s->inuse - s->object_size, ret))
			ret = 0;
		if (slub_debug_orig_size(s) && val == SLUB_RED_ACTIVE) {
			unsigned long orig_size = get_orig_size(s, object);

			if (s->object_size > orig_size &&
			    !check_bytes_and_report(m, s, slab, object, "kmalloc Redzone",
						    p + orig_size, val,
						    s->object_size - (unsigned int)orig_size, ret))
				ret = 0;
		}
	} else if ((s->flags & SLAB_POISON) && s->object_size < s->inuse) {
		if (!check_bytes_and_report(m, s, slab, p, "Alignment padding", endobject,
					    POISON_INUSE, s->inuse - s->object_size, ret))
			ret = 0;
	}
	if (s->flags & SLAB_POISON) {
		if (val != SLUB_RED_ACTIVE && (s->flags & __OBJECT_POISON)) {
			if (!check_bytes_and_report(m, s, slab, p, "Poison", p, POISON_FREE,
						    s->object_size - 1, ret))
				ret = 0;
			if (!check_bytes_and_report(m, s, slab, p, "End Poison",
						    p + s->object_size - 1, POISON_END, 1, ret))
				ret = 0;
		}
		if (!check_pad_bytes(m, s, slab, p))
			ret = 0;
	}
	/* the free pointer overlaps a live object unless it is outside */
	if ((freeptr_outside_object(s) || val != SLUB_RED_ACTIVE) &&
	    !check_valid_pointer(s, slab, get_freepointer(s, p))) {
		object_err(m, s, slab, p, "Freepointer corrupt");
		set_freepointer(s, p, NULL);
		ret = 0;
	}
	return ret;
}

/* models mm/slub.c:check_slab() */
static int check_slab(struct nc_machine *m, const struct kmem_cache *s, struct slab *slab)
{
	unsigned int maxobj = order_objects(slab_order(slab), s->size);

	if (slab->objects > maxobj) {
		slab_err(m, s, slab, "objects %u > max %u", slab->objects, maxobj);
		return 0;
	}
	if (slab->inuse > slab->objects) {
		slab_err(m, s, slab, "inuse %u > max %u", slab->inuse, slab->objects);
		return 0;
	}
	if (slab->frozen) {
		slab_err(m, s, slab, "Slab disabled since SLUB metadata consistency check failed");
		return 0;
	}
	slab_pad_check(m, s, slab);
	return 1;
}

/* models mm/slub.c:on_freelist() */
static int on_freelist(struct nc_machine *m, const struct kmem_cache *s,
		       struct slab *slab, void *search)
{
	unsigned int nr = 0, max_objects;
	void *fp = slab->freelist, *object = NULL;

	while (fp && nr <= slab->objects) {
		if (fp == search)
			return 1;
		if (!check_valid_pointer(s, slab, fp)) {
			if (object) {
				object_err(m, s, slab, object, "Freechain corrupt");
				set_freepointer(s, object, NULL);
			} else {
				slab_err(m, s, slab, "Freepointer corrupt");
				slab->freelist = NULL;
				slab->inuse = slab->objects;
				slab_fix(m, s, "Freelist cleared");
				return 0;
			}
			break;
		}
		object = fp;
		fp = get_freepointer(s, object);
		nr++;
	}
	max_objects = order_objects(slab_order(slab), s->size);
	if (max_objects > MAX_OBJS_PER_PAGE)
		max_objects = MAX_OBJS_PER_PAGE;
	if (slab->objects != max_objects) {
		slab_err(m, s, slab, "Wrong number of objects. Found %u but should be %u",
			 slab->objects, max_objects);
		slab->objects = max_objects;
		slab_fix(m, s, "Number of objects adjusted");
	}
	if (slab->inuse != slab->objects - nr) {
		slab_err(m, s, slab, "Wrong object count. Counter is %u but counted were %u",
			 slab->inuse, slab->objects - nr);
		slab->inuse = slab->objects - nr;
		slab_fix(m, s, "Object count adjusted");
	}
	return search == NULL;
}

/* models mm/slub.c:alloc_debug_processing() */
static bool alloc_debug_processing(struct nc_machine *m, const struct kmem_cache *s,
				   struct slab *slab, void *object, unsigned long orig_size)
{
	if (s->flags & SLAB_CONSISTENCY_CHECKS) {
		bool ok = check_slab(m, s, slab);

		if (ok && !check_valid_pointer(s, slab, object)) {
			object_err(m, s, slab, object, "Freelist Pointer check fails");
			ok = false;
		}
		if (ok && !check_object(m, s, slab, object, SLUB_RED_INACTIVE))
			ok = false;
		if (!ok) {
			/* keep the slab out of use: all objects marked used */
			slab_fix(m, s, "Marking all objects used");
			slab->inuse = slab->objects;
			slab->freelist = NULL;
			slab->frozen = true;
			report_close(m);
			return false;
		}
	}
	set_orig_size(s, object, orig_size);
	init_object(s, object, SLUB_RED_ACTIVE);
	report_close(m);
	return true;
}

/* models mm/slub.c:free_consistency_checks() */
static int free_consistency_checks(struct nc_machine *m, const struct kmem_cache *s,
				   struct slab *slab, void *object)
{
	if (!check_valid_pointer(s, slab, object)) {
		slab_err(m, s, slab, "Invalid object pointer 0x%016lx", slab_kaddr(slab, object));
		return 0;
	}
	if (on_freelist(m, s, slab, object)) {
		object_err(m, s, slab, object, "Object already free");
		return 0;
	}
	if (!check_object(m, s, slab, object, SLUB_RED_ACTIVE))
		return 0;
	return 1;
}

/* models mm/slub.c:free_debug_processing(): checks the detached chain
 * head..tail of *bulk_cnt objects, correcting *bulk_cnt if it is longer */
static bool free_debug_processing(struct nc_machine *m, const struct kmem_cache *s,
				  struct slab *slab, void *head, void *tail, int *bulk_cnt,
				  const char *addr)
{
	void *object = head;
	bool ok = false;
	int cnt = 0;

	if ((s->flags & SLAB_CONSISTENCY_CHECKS) && !check_slab(m, s, slab))
		goto out;
	if ((int)slab->inuse < *bulk_cnt) {
		slab_err(m, s, slab, "Slab has %u allocated objects but %d are to be freed",
			 slab->inuse, *bulk_cnt);
		goto out;
	}
	for (;;) {
		if (++cnt > *bulk_cnt)
			break;
		if ((s->flags & SLAB_CONSISTENCY_CHECKS) &&
		    !free_consistency_checks(m, s, slab, object))
			goto out;
		if (s->flags & SLAB_STORE_USER)
			set_track(m, s, object, TRACK_FREE, addr);
		init_object(s, object, SLUB_RED_INACTIVE);
		if (object == tail) {
			ok = true;
			break;
		}
		object = get_freepointer(s, object);
	}
	if (cnt != *bulk_cnt) {
		slab_err(m, s, slab, "Bulk free expected %d objects but found %d", *bulk_cnt, cnt);
		*bulk_cnt = cnt;
	}
out:
	if (!ok)
		slab_fix(m, s, "Object at 0x%016lx not freed", slab_kaddr(slab, object));
	report_close(m);
	return ok;
}

/* The hardened set_freepointer()'s BUG_ON(object == fp): a naive double-free
 * check. The kernel oopses; the model reports and drops the free. */
static __attribute__((noinline, cold))
bool freeptr_double_free(struct nc_machine *m, const struct kmem_cache *s,
				const struct slab *slab, void *object, void *fp)
{
	if (object != fp)
		return false;
	slab_bug(m, s, "kernel BUG at mm/slub.c: set_freepointer(): object == fp (double free)");
	rpt(m, s, "Object 0x%016lx freed twice in a row", slab_kaddr(slab, object));
	report_open(m, s)->object = slab_kaddr(slab, object);
	report_close(m);
	return true;
}

/* ======================================================================
 * Slab pages: allocation, lists, discard
 * ==================================================================== */
static void inc_slabs_node(struct kmem_cache *s, int node, unsigned int objects)
{
	struct kmem_cache_node *n = get_node(s, node);

	n->nr_slabs++;
	n->total_objects += objects;
}

static void dec_slabs_node(struct kmem_cache *s, int node, unsigned int objects)
{
	struct kmem_cache_node *n = get_node(s, node);

	n->nr_slabs--;
	n->total_objects -= objects;
}

static void add_partial(struct kmem_cache_node *n, struct slab *slab, int tail)
{
	n->nr_partial++;
	if (tail == DEACTIVATE_TO_TAIL)
		__list_add(&slab->slab_list, n->partial.prev, &n->partial);
	else
		__list_add(&slab->slab_list, &n->partial, n->partial.next);
	slab->node_partial = true;
}

static void remove_partial(struct kmem_cache_node *n, struct slab *slab)
{
	list_del_init(&slab->slab_list);
	slab->node_partial = false;
	n->nr_partial--;
}

/* models mm/slub.c:add_full()/remove_full(): only STORE_USER caches track
 * full slabs */
static void add_full(const struct kmem_cache *s, struct kmem_cache_node *n, struct slab *slab)
{
	if (s->flags & SLAB_STORE_USER)
		__list_add(&slab->slab_list, &n->full, n->full.next);
}

static void remove_full(const struct kmem_cache *s, struct slab *slab)
{
	if (s->flags & SLAB_STORE_USER)
		list_del_init(&slab->slab_list);
}

/* models mm/slub.c:alloc_slab_page(): NUMA_NO_NODE goes through the task's
 * memory policy (alloc_pages()), a node through that node's zonelist */
static struct slab *alloc_slab_page(struct nc_machine *m, gfp_t flags, int node,
				    unsigned int order)
{
	struct page *page;
	struct slab *slab;

	if (node == NUMA_NO_NODE)
		page = alloc_pages(m, flags, order);
	else
		page = __alloc_pages(m, flags, order, node, NULL);
	if (!page)
		return NULL;
	slab = slab_attach(m, page);
	if (!slab)
		__free_pages(m, page, order);
	return slab;
}

static enum node_stat_item cache_vmstat_idx(const struct kmem_cache *s)
{
	return (s->flags & SLAB_RECLAIM_ACCOUNT) ? NR_SLAB_RECLAIMABLE_B :
						   NR_SLAB_UNRECLAIMABLE_B;
}

/* models mm/slub.c:setup_object() */
static void setup_object(const struct kmem_cache *s, void *object)
{
	if (kmem_cache_debug_flags(s, SLAB_STORE_USER | SLAB_RED_ZONE | __OBJECT_POISON)) {
		init_object(s, object, SLUB_RED_INACTIVE);
		if (s->flags & SLAB_STORE_USER)
			memset(get_track(s, object, TRACK_ALLOC), 0, 2 * sizeof(struct track));
	}
	if (s->ctor)
		s->ctor(object);
}

/* ======================================================================
 * CONFIG_SLAB_FREELIST_RANDOM
 * ==================================================================== */
/* models mm/slub.c:init_cache_random_seq(): the permutation, as byte offsets */
static int init_cache_random_seq(struct nc_machine *m, struct kmem_cache *s)
{
	unsigned int count = oo_objects(s->oo);

	if (s->random_seq)
		return 0;
	if (cache_random_seq_create(m, s, count))
		return -ENOMEM;
	if (s->random_seq)
		for (unsigned int i = 0; i < count; i++)
			s->random_seq[i] *= s->size;
	return 0;
}

/* models mm/slub.c:init_freelist_randomization(): the caches made before
 * kmalloc worked */
static void init_freelist_randomization(struct nc_machine *m)
{
	for (struct kmem_cache *s = m->slab->slab_caches; s; s = s->list_next)
		init_cache_random_seq(m, s);
}

/* models mm/slub.c:next_freelist_entry(): offsets past a smaller (fallback
 * order) slab's end are skipped */
static void *next_freelist_entry(const struct kmem_cache *s, unsigned long *pos, char *start,
				 unsigned long page_limit, unsigned long freelist_count)
{
	unsigned int idx;

	do {
		idx = s->random_seq[*pos];
		if (++*pos >= freelist_count)
			*pos = 0;
	} while (idx >= page_limit);
	return start + idx;
}

/* models mm/slub.c:shuffle_freelist(): the chain follows the cache's random
 * sequence from a random starting point */
static bool shuffle_freelist(struct nc_machine *m, const struct kmem_cache *s,
			     struct slab *slab)
{
	unsigned long pos, page_limit, freelist_count;
	char *start;
	void *cur, *next;

	if (slab->objects < 2 || !s->random_seq)
		return false;
	freelist_count = oo_objects(s->oo);
	pos = get_random_u32_below(m, (uint32_t)freelist_count);
	page_limit = (unsigned long)slab->objects * s->size;
	start = fixup_red_left(s, slab->addr);
	cur = next_freelist_entry(s, &pos, start, page_limit, freelist_count);
	setup_object(s, cur);
	slab->freelist = cur;
	for (unsigned int idx = 1; idx < slab->objects; idx++) {
		next = next_freelist_entry(s, &pos, start, page_limit, freelist_count);
		setup_object(s, next);
		set_freepointer(s, cur, next);
		cur = next;
	}
	set_freepointer(s, cur, NULL);
	return true;
}

/* models mm/slub.c:allocate_slab() */
static struct slab *allocate_slab(struct nc_machine *m, struct kmem_cache *s,
				  gfp_t flags, int node)
{
	struct kmem_cache_order_objects oo = s->oo;
	struct slab *slab;
	gfp_t alloc_gfp;
	char *start, *p;

	flags |= s->allocflags;
	/* let the higher order fail fast, then fall back to the minimum */
	alloc_gfp = (flags | __GFP_NOWARN | __GFP_NORETRY) & ~__GFP_NOFAIL;
	if ((alloc_gfp & __GFP_DIRECT_RECLAIM) && oo_order(oo) > oo_order(s->min))
		alloc_gfp = (alloc_gfp | __GFP_NOMEMALLOC) & ~__GFP_RECLAIM;
	slab = alloc_slab_page(m, alloc_gfp, node, oo_order(oo));
	if (!slab) {
		oo = s->min;
		slab = alloc_slab_page(m, flags, node, oo_order(oo));
		if (!slab)
			return NULL;
		stat(m, s, ORDER_FALLBACK);
	}
	slab->objects = oo_objects(oo);
	slab->inuse = 0;
	slab->frozen = false;
	slab->slab_cache = s;
	mod_node_page_state(NODE_DATA(m, slab_nid(slab)), cache_vmstat_idx(s),
			    (long)(PAGE_SIZE << oo_order(oo)));

	start = slab->addr;
	if (s->flags & SLAB_POISON)
		memset(start, POISON_INUSE, PAGE_SIZE << oo_order(oo));
	if (shuffle_freelist(m, s, slab))
		return slab;
	/* objects in address order */
	start = fixup_red_left(s, start);
	slab->freelist = start;
	p = start;
	for (unsigned int idx = 0; idx < slab->objects; idx++, p += s->size) {
		setup_object(s, p);
		set_freepointer(s, p, idx + 1 < slab->objects ? p + s->size : NULL);
	}
	return slab;
}

/* mm/internal.h: GFP_RECLAIM_MASK | GFP_CONSTRAINT_MASK */
#define SLAB_GFP_PASS (__GFP_RECLAIM | __GFP_HIGH | __GFP_IO | __GFP_FS | __GFP_NOWARN | \
		       __GFP_RETRY_MAYFAIL | __GFP_NOFAIL | __GFP_NORETRY | __GFP_MEMALLOC | \
		       __GFP_NOMEMALLOC | __GFP_HARDWALL | __GFP_THISNODE)

/* models mm/slub.c:new_slab(): only reclaim and placement bits pass */
static struct slab *new_slab(struct nc_machine *m, struct kmem_cache *s, gfp_t flags, int node)
{
	return allocate_slab(m, s, flags & SLAB_GFP_PASS, node);
}

/* models mm/slub.c:__free_slab(): the pages go back */
static void __free_slab(struct nc_machine *m, struct kmem_cache *s, struct slab *slab)
{
	mod_node_page_state(NODE_DATA(m, slab_nid(slab)), cache_vmstat_idx(s),
			    -(long)(PAGE_SIZE << slab_order(slab)));
	slab_detach(m, slab);
}

/* models mm/slub.c:rcu_free_slab() */
static void rcu_free_slab(struct nc_machine *m, struct rcu_head *h)
{
	struct slab *slab = (struct slab *)((char *)h - offsetof(struct slab, rcu_head));

	__free_slab(m, slab->slab_cache, slab);
}

/* models mm/slub.c:free_slab(): a SLAB_TYPESAFE_BY_RCU slab stays a slab of
 * its cache until a grace period has passed */
static void free_slab(struct nc_machine *m, struct kmem_cache *s, struct slab *slab)
{
	if (kmem_cache_debug_flags(s, SLAB_CONSISTENCY_CHECKS)) {
		char *p = fixup_red_left(s, slab->addr);

		slab_pad_check(m, s, slab);
		for (unsigned int i = 0; i < slab->objects; i++, p += s->size)
			check_object(m, s, slab, p, SLUB_RED_INACTIVE);
		report_close(m);
	}
	if (s->flags & SLAB_TYPESAFE_BY_RCU)
		call_rcu(m, &slab->rcu_head, rcu_free_slab);
	else
		__free_slab(m, s, slab);
}

/* models mm/slub.c:discard_slab() */
static void discard_slab(struct nc_machine *m, struct kmem_cache *s, struct slab *slab)
{
	dec_slabs_node(s, slab_nid(slab), slab->objects);
	free_slab(m, s, slab);
}

/* ======================================================================
 * Debug caches: single objects under the list lock
 * ==================================================================== */
/* models mm/slub.c:alloc_single_from_partial() */
static void *alloc_single_from_partial(struct nc_machine *m, struct kmem_cache *s,
				       struct kmem_cache_node *n, struct slab *slab,
				       unsigned long orig_size)
{
	void *object = slab->freelist;

	slab->freelist = get_freepointer(s, object);
	slab->inuse++;
	if (!alloc_debug_processing(m, s, slab, object, orig_size)) {
		remove_partial(n, slab);
		return NULL;
	}
	if (slab->inuse == slab->objects) {
		remove_partial(n, slab);
		add_full(s, n, slab);
	}
	return object;
}

/* models mm/slub.c:alloc_single_from_new_slab() */
static void *alloc_single_from_new_slab(struct nc_machine *m, struct kmem_cache *s,
					struct slab *slab, unsigned long orig_size)
{
	int nid = slab_nid(slab);
	struct kmem_cache_node *n = get_node(s, nid);
	void *object = slab->freelist;

	slab->freelist = get_freepointer(s, object);
	slab->inuse = 1;
	if (!alloc_debug_processing(m, s, slab, object, orig_size))
		return NULL;
	if (slab->inuse == slab->objects)
		add_full(s, n, slab);
	else
		add_partial(n, slab, DEACTIVATE_TO_HEAD);
	inc_slabs_node(s, nid, slab->objects);
	return object;
}

/* ======================================================================
 * Partial lists
 * ==================================================================== */
struct partial_context {
	gfp_t flags;
	unsigned long orig_size;
	void *object;
};

static void put_cpu_partial(struct nc_machine *m, struct kmem_cache *s,
			    struct slab *slab, int drain);

/* models mm/slub.c:get_partial_node() */
static struct slab *get_partial_node(struct nc_machine *m, struct kmem_cache *s,
				     struct kmem_cache_node *n, struct partial_context *pc)
{
	struct slab *partial = NULL;
	unsigned int partial_slabs = 0;
	struct list_head *pos, *next;

	if (!n || !n->nr_partial)
		return NULL;
	/* n->list_lock: single-threaded model */
	for (pos = n->partial.next; pos != &n->partial; pos = next) {
		struct slab *slab = list_entry(pos, struct slab, slab_list);

		next = pos->next;
		if (kmem_cache_debug(s)) {
			void *object = alloc_single_from_partial(m, s, n, slab, pc->orig_size);

			if (object) {
				partial = slab;
				pc->object = object;
				break;
			}
			continue;
		}
		remove_partial(n, slab);
		if (!partial) {
			partial = slab;
			stat(m, s, ALLOC_FROM_PARTIAL);
			if (s->cpu_partial_slabs == 0)
				break;
		} else {
			put_cpu_partial(m, s, slab, 0);
			stat(m, s, CPU_PARTIAL_NODE);
			if (++partial_slabs > s->cpu_partial_slabs / 2)
				break;
		}
	}
	return partial;
}

/* models kernel/cgroup/cpuset.c:cpuset_zone_allowed() for the running task */
static bool cpuset_node_allowed(const struct nc_machine *m, int nid)
{
	const struct task_struct *curr = nc_current(m);

	return !curr || nodes_empty(curr->mems_allowed) || node_isset(nid, curr->mems_allowed);
}

/* models mm/slub.c:get_any_partial(): steal a partial slab from the nearest
 * node that has more than min_partial of them */
static struct slab *get_any_partial(struct nc_machine *m, struct kmem_cache *s,
				    struct partial_context *pc)
{
	const struct zoneref *z;
	int start;

	/* get_cycles() % 1024 > ratio skips the search; here a seeded draw */
	if (!s->remote_node_defrag_ratio ||
	    nc_random(m) % 1024 > s->remote_node_defrag_ratio)
		return NULL;
	start = mempolicy_slab_node(m);
	z = NODE_DATA(m, start)->node_zonelists[(pc->flags & __GFP_THISNODE) ?
						ZONELIST_NOFALLBACK : ZONELIST_FALLBACK]._zonerefs;
	/* gfp_zone(): a dma-kmalloc request's __GFP_DMA is the only zone
	 * modifier slab callers pass; a node with several eligible zones is
	 * visited once per zone */
	for (; z->zone; z++) {
		int nid = zone_to_nid(z->zone);
		struct kmem_cache_node *n;

		if (z->zone_idx > ((pc->flags & __GFP_DMA) ? ZONE_DMA : ZONE_NORMAL))
			continue;
		n = get_node(s, nid);
		if (n && cpuset_node_allowed(m, nid) && n->nr_partial > s->min_partial) {
			struct slab *slab = get_partial_node(m, s, n, pc);

			if (slab)
				return slab;
		}
	}
	return NULL;
}

/* models mm/slub.c:get_partial() */
static struct slab *get_partial(struct nc_machine *m, struct kmem_cache *s, int node,
				struct partial_context *pc)
{
	int searchnode = node == NUMA_NO_NODE ? numa_mem_id(m) : node;
	struct slab *slab = get_partial_node(m, s, get_node(s, searchnode), pc);

	if (slab || (node != NUMA_NO_NODE && (pc->flags & __GFP_THISNODE)))
		return slab;
	return get_any_partial(m, s, pc);
}

/* ======================================================================
 * CPU slabs and per-CPU partial lists
 * ==================================================================== */
/* models mm/slub.c:deactivate_slab() */
static void deactivate_slab(struct nc_machine *m, struct kmem_cache *s,
			    struct slab *slab, void *freelist)
{
	struct kmem_cache_node *n = get_node(s, slab_nid(slab));
	void *freelist_tail = NULL, *iter = freelist;
	int tail = DEACTIVATE_TO_HEAD;
	unsigned int free_delta = 0;

	if (slab->freelist) {
		stat(m, s, DEACTIVATE_REMOTE_FREES);
		tail = DEACTIVATE_TO_TAIL;
	}
	/* count the CPU's free objects; a corrupt chain is cut where it breaks */
	while (iter) {
		void *nextfree = get_freepointer(s, iter);

		if (!check_valid_pointer(s, slab, nextfree) || free_delta >= slab->objects) {
			object_err(m, s, slab, iter, "Freechain corrupt");
			slab_fix(m, s, "Isolate corrupted freechain");
			report_close(m);
			break;
		}
		freelist_tail = iter;
		free_delta++;
		iter = nextfree;
	}
	if (freelist_tail) {
		slab->inuse -= free_delta;
		set_freepointer(s, freelist_tail, slab->freelist);
		slab->freelist = freelist;
	}
	slab->frozen = false;

	if (!slab->inuse && n->nr_partial >= s->min_partial) {
		stat(m, s, DEACTIVATE_EMPTY);
		discard_slab(m, s, slab);
		stat(m, s, FREE_SLAB);
	} else if (slab->freelist) {
		add_partial(n, slab, tail);
		stat(m, s, (enum stat_item)tail);
	} else {
		stat(m, s, DEACTIVATE_FULL);
	}
}

/* models mm/slub.c:__put_partials() */
static void __put_partials(struct nc_machine *m, struct kmem_cache *s, struct slab *partial)
{
	struct slab *slab_to_discard = NULL, *slab;

	while (partial) {
		struct kmem_cache_node *n;

		slab = partial;
		partial = slab->next;
		n = get_node(s, slab_nid(slab));
		if (!slab->inuse && n->nr_partial >= s->min_partial) {
			slab->next = slab_to_discard;
			slab_to_discard = slab;
		} else {
			add_partial(n, slab, DEACTIVATE_TO_TAIL);
			stat(m, s, FREE_ADD_PARTIAL);
		}
	}
	while (slab_to_discard) {
		slab = slab_to_discard;
		slab_to_discard = slab->next;
		stat(m, s, DEACTIVATE_EMPTY);
		discard_slab(m, s, slab);
		stat(m, s, FREE_SLAB);
	}
}

/* models mm/slub.c:put_cpu_partial() */
static void put_cpu_partial(struct nc_machine *m, struct kmem_cache *s,
			    struct slab *slab, int drain)
{
	struct kmem_cache_cpu *c = this_cpu_ptr(m, s->cpu_slab);
	struct slab *oldslab = c->partial, *slab_to_put = NULL;
	int slabs = 0;

	if (oldslab) {
		if (drain && oldslab->slabs >= (int)s->cpu_partial_slabs) {
			/* full: the old set goes to the node lists */
			slab_to_put = oldslab;
			oldslab = NULL;
		} else {
			slabs = oldslab->slabs;
		}
	}
	slab->slabs = slabs + 1;
	slab->next = oldslab;
	c->partial = slab;
	if (slab_to_put) {
		__put_partials(m, s, slab_to_put);
		stat(m, s, CPU_PARTIAL_DRAIN);
	}
}

void flush_cpu_slab(struct nc_machine *m, struct kmem_cache *s, unsigned int cpu)
{
	struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, cpu);
	struct slab *slab = c->slab, *partial = c->partial;
	void *freelist = c->freelist;
	unsigned int old = nc_set_cpu(m, cpu);   /* the work runs on that CPU */

	set_cpu_slab(m, c, NULL);
	c->freelist = NULL;
	c->tid = next_tid(c->tid);
	if (slab) {
		deactivate_slab(m, s, slab, freelist);
		stat(m, s, CPUSLAB_FLUSH);
	}
	c->partial = NULL;
	if (partial)
		__put_partials(m, s, partial);
	nc_set_cpu(m, old);
}

void flush_all(struct nc_machine *m, struct kmem_cache *s)
{
	for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++)
		if (cpu_to_node(m->topo, cpu) >= 0 &&
		    (per_cpu_ptr(s->cpu_slab, cpu)->slab || per_cpu_ptr(s->cpu_slab, cpu)->partial))
			flush_cpu_slab(m, s, cpu);
}

/* models mm/slub.c:get_freelist(): take the slab's own freelist; the slab
 * stays frozen only if there was one */
static void *get_freelist(struct slab *slab)
{
	void *freelist = slab->freelist;

	slab->freelist = NULL;
	slab->inuse = slab->objects;
	slab->frozen = freelist != NULL;
	return freelist;
}

/* models mm/slub.c:freeze_slab() */
static void *freeze_slab(struct slab *slab)
{
	void *freelist = slab->freelist;

	slab->freelist = NULL;
	slab->inuse = slab->objects;
	slab->frozen = true;
	return freelist;
}

/* models mm/slub.c:slab_out_of_memory() (the warning is not printed; the
 * model only counts it) */
static void slab_out_of_memory(struct nc_machine *m, gfp_t gfp)
{
	if (!(gfp & __GFP_NOWARN))
		m->slab->nr_oom_warnings++;
}

/* ======================================================================
 * Allocation
 * ==================================================================== */
/* node_isset(node, slab_nodes), safe for any int a caller may pass */
static bool slab_node_isset(const struct nc_machine *m, int node)
{
	return node >= 0 && (unsigned int)node < m->topo->nr_node_ids &&
	       node_isset(node, m->slab->slab_nodes);
}

/* models mm/slub.c:___slab_alloc() */
static __attribute__((noinline))
void *___slab_alloc(struct nc_machine *m, struct kmem_cache *s, gfp_t gfpflags,
			   int node, const char *addr, unsigned long orig_size)
{
	struct kmem_cache_cpu *c = this_cpu_ptr(m, s->cpu_slab);
	struct partial_context pc;
	bool try_thisnode = true;
	struct slab *slab;
	void *freelist;

	stat(m, s, ALLOC_SLOWPATH);

	slab = c->slab;
	if (!slab) {
		/* a node without normal memory has no kmem_cache_node */
		if (node != NUMA_NO_NODE && !slab_node_isset(m, node))
			node = NUMA_NO_NODE;
		goto new_slab;
	}
	if (!node_match(slab, node)) {
		if (!slab_node_isset(m, node)) {
			node = NUMA_NO_NODE;
		} else {
			stat(m, s, ALLOC_NODE_MISMATCH);
			goto deactivate;
		}
	}
	freelist = c->freelist;
	if (freelist)
		goto load_freelist;
	freelist = get_freelist(slab);
	if (!freelist) {
		set_cpu_slab(m, c, NULL);
		c->tid = next_tid(c->tid);
		stat(m, s, DEACTIVATE_BYPASS);
		goto new_slab;
	}
	stat(m, s, ALLOC_REFILL);

load_freelist:
	c->freelist = get_freepointer(s, freelist);
	c->tid = next_tid(c->tid);
	return freelist;

deactivate:
	freelist = c->freelist;
	set_cpu_slab(m, c, NULL);
	c->freelist = NULL;
	c->tid = next_tid(c->tid);
	deactivate_slab(m, s, slab, freelist);

new_slab:
	while (c->partial) {
		slab = c->partial;
		c->partial = slab->next;
		if (node_match(slab, node)) {
			set_cpu_slab(m, c, slab);
			freelist = get_freelist(slab);
			stat(m, s, CPU_PARTIAL_ALLOC);
			goto load_freelist;
		}
		slab->next = NULL;
		__put_partials(m, s, slab);
	}

new_objects:
	pc.flags = gfpflags;
	/* a node was asked for: first that node only, without reclaim */
	if (node != NUMA_NO_NODE && !(gfpflags & __GFP_THISNODE) && try_thisnode)
		pc.flags = GFP_NOWAIT | __GFP_THISNODE;
	pc.orig_size = orig_size;
	pc.object = NULL;
	slab = get_partial(m, s, node, &pc);
	if (slab) {
		if (kmem_cache_debug(s)) {
			freelist = pc.object;
			if (s->flags & SLAB_STORE_USER)
				set_track(m, s, freelist, TRACK_ALLOC, addr);
			return freelist;
		}
		freelist = freeze_slab(slab);
		goto retry_load_slab;
	}

	slab = new_slab(m, s, pc.flags, node);
	if (!slab) {
		if (node != NUMA_NO_NODE && !(gfpflags & __GFP_THISNODE) && try_thisnode) {
			try_thisnode = false;
			goto new_objects;
		}
		slab_out_of_memory(m, gfpflags);
		return NULL;
	}
	stat(m, s, ALLOC_SLAB);

	if (kmem_cache_debug(s)) {
		freelist = alloc_single_from_new_slab(m, s, slab, orig_size);
		if (!freelist)
			goto new_objects;
		if (s->flags & SLAB_STORE_USER)
			set_track(m, s, freelist, TRACK_ALLOC, addr);
		return freelist;
	}
	/* no one else sees the new slab yet */
	freelist = slab->freelist;
	slab->freelist = NULL;
	slab->inuse = slab->objects;
	slab->frozen = true;
	inc_slabs_node(s, slab_nid(slab), slab->objects);

retry_load_slab:
	/* c->slab can only be set here after preemption, which the model lacks */
	set_cpu_slab(m, c, slab);
	goto load_freelist;
}

/* models mm/slub.c:__slab_alloc_node()'s lockless fast path: pop the CPU
 * freelist if it serves the node, else NULL (and nothing changed) */
static inline __attribute__((always_inline))
void *cpu_freelist_pop(struct nc_machine *m, struct kmem_cache *s, int node)
{
	struct kmem_cache_cpu *c = this_cpu_ptr(m, s->cpu_slab);
	void *object = c->freelist;
	struct slab *slab = c->slab;

	/* the kernel also tests slab, which an interrupt may clear between
	 * its two reads; the model has none, and clears c->freelist whenever
	 * it clears c->slab (validate_slab_cache() checks) */
	if (__builtin_expect(!object || !node_match(slab, node), 0))
		return NULL;
	/* this_cpu_cmpxchg of (freelist, tid): always succeeds here; the
	 * statistic moves the tid (slub_cpu_tid()) */
	c->freelist = get_freepointer(s, object);
	c->stat[ALLOC_FASTPATH]++;
	return object;
}

/* models mm/slub.c:slab_alloc_node() */
static inline void *slab_alloc_node(struct nc_machine *m, struct kmem_cache *s, gfp_t gfp,
				    int node, const char *addr, unsigned long orig_size)
{
	void *object;

	if (__builtin_expect(m->alloc_hooks & NC_HOOK_FAILSLAB, 0) && __should_failslab(m, s, gfp))
		return NULL;
	object = cpu_freelist_pop(m, s, node);
	if (__builtin_expect(!object, 0))
		object = ___slab_alloc(m, s, gfp, node, addr, orig_size);
	if (object && (gfp & __GFP_ZERO))
		memset(object, 0, slub_debug_orig_size(s) ? orig_size : s->object_size);
	return object;
}

/* The modelled kernel address of a slab object, for tracepoints; 0 for NULL */
static unsigned long object_kaddr(const struct nc_machine *m, const void *x)
{
	struct slab *slab = x ? __virt_to_slab(m->slab, x) : NULL;

	return slab ? slab_kaddr(slab, x) : 0;
}

/* kmem_cache_alloc(_node) with its tracepoint; the call site is the entry
 * point's name, as the STORE_USER tracks record it */
static __attribute__((noinline))
void *cache_alloc_traced(struct nc_machine *m, struct kmem_cache *s, gfp_t gfp,
			 int node, const char *caller)
{
	void *ret = slab_alloc_node(m, s, gfp, node, caller, s->object_size);

	trace_kmem_cache_alloc(m, caller, object_kaddr(m, ret), s->object_size, s->size, gfp,
			       node, (gfp & __GFP_ACCOUNT) || (s->flags & SLAB_ACCOUNT));
	return ret;
}

/* Nothing but the freelist pop to do: no fault injection, no tracepoint,
 * no zeroing. Then the entry points need no stack frame. */
static inline bool alloc_is_plain(const struct nc_machine *m, gfp_t gfp)
{
	return !m->alloc_hooks && !(gfp & __GFP_ZERO);
}

void *kmem_cache_alloc(struct nc_machine *m, struct kmem_cache *s, gfp_t gfp)
{
	if (__builtin_expect(alloc_is_plain(m, gfp), 1)) {
		void *object = cpu_freelist_pop(m, s, NUMA_NO_NODE);

		if (__builtin_expect(object != NULL, 1))
			return object;
	}
	return cache_alloc_traced(m, s, gfp, NUMA_NO_NODE, "kmem_cache_alloc");
}

void *kmem_cache_alloc_node(struct nc_machine *m, struct kmem_cache *s, gfp_t gfp, int node)
{
	if (__builtin_expect(alloc_is_plain(m, gfp), 1)) {
		void *object = cpu_freelist_pop(m, s, node);

		if (__builtin_expect(object != NULL, 1))
			return object;
	}
	return cache_alloc_traced(m, s, gfp, node, "kmem_cache_alloc_node");
}

void *slab_alloc_kmalloc(struct nc_machine *m, struct kmem_cache *s, gfp_t gfp,
			 int node, size_t orig_size, const char *caller)
{
	void *ret = slab_alloc_node(m, s, gfp, node, caller, orig_size);

	trace_kmalloc(m, caller, object_kaddr(m, ret), orig_size, s->size, gfp, node);
	return ret;
}

void *kmalloc_large_node(struct nc_machine *m, size_t size, gfp_t gfp, int node)
{
	unsigned int order = get_order(size);
	/* the same page source as a slab's; slab_cache stays NULL: not a slab */
	struct slab *slab = alloc_slab_page(m, gfp | __GFP_COMP, node, order);

	trace_kmalloc(m, "__kmalloc_large_node", object_kaddr(m, slab ? slab->addr : NULL),
		      size, PAGE_SIZE << order, gfp, node);
	if (!slab)
		return NULL;
	mod_node_page_state(NODE_DATA(m, slab_nid(slab)), NR_SLAB_UNRECLAIMABLE_B,
			    (long)(PAGE_SIZE << order));
	if (gfp & __GFP_ZERO)
		memset(slab->addr, 0, size);
	return slab->addr;
}

/* ======================================================================
 * Free
 * ==================================================================== */
/* models mm/slub.c:free_to_partial_list(), the debug caches' free */
static void free_to_partial_list(struct nc_machine *m, struct kmem_cache *s,
				 struct slab *slab, void *head, void *tail, int cnt,
				 const char *addr)
{
	struct kmem_cache_node *n = get_node(s, slab_nid(slab));
	struct slab *slab_free = NULL;

	if (free_debug_processing(m, s, slab, head, tail, &cnt, addr)) {
		void *prior = slab->freelist;

		if (freeptr_double_free(m, s, slab, tail, prior))
			return;
		slab->inuse -= (unsigned int)cnt;
		set_freepointer(s, tail, prior);
		slab->freelist = head;
		/* empty and the node has enough partials: discard, whatever list */
		if (slab->inuse == 0 && n->nr_partial >= s->min_partial)
			slab_free = slab;
		if (!prior) {
			remove_full(s, slab);
			if (!slab_free) {
				add_partial(n, slab, DEACTIVATE_TO_TAIL);
				stat(m, s, FREE_ADD_PARTIAL);
			}
		} else if (slab_free) {
			remove_partial(n, slab);
			stat(m, s, FREE_REMOVE_PARTIAL);
		}
	}
	if (slab_free) {
		dec_slabs_node(s, slab_nid(slab_free), slab_free->objects);
		stat(m, s, FREE_SLAB);
		free_slab(m, s, slab_free);
	}
}

/* models mm/slub.c:__slab_free() */
static __attribute__((noinline))
void __slab_free(struct nc_machine *m, struct kmem_cache *s, struct slab *slab,
		 void *head, void *tail, int cnt, const char *addr)
{
	struct kmem_cache_node *n = NULL;
	bool was_frozen, on_node_partial = false;
	unsigned int new_inuse;
	void *prior;

	stat(m, s, FREE_SLOWPATH);
	if (kmem_cache_debug(s)) {
		free_to_partial_list(m, s, slab, head, tail, cnt, addr);
		return;
	}
	prior = slab->freelist;
	if (freeptr_double_free(m, s, slab, tail, prior))
		return;
	set_freepointer(s, tail, prior);
	was_frozen = slab->frozen;
	new_inuse = slab->inuse - (unsigned int)cnt;
	/* an unfrozen slab that becomes empty needs its node's list lock */
	if (!new_inuse && prior && !was_frozen) {
		n = get_node(s, slab_nid(slab));
		on_node_partial = slab->node_partial;
	}
	slab->freelist = head;
	slab->inuse = new_inuse;

	if (!n) {
		if (was_frozen)
			stat(m, s, FREE_FROZEN);
		else if (!prior) {
			/* was full: onto this CPU's partial list, whatever node */
			put_cpu_partial(m, s, slab, 1);
			stat(m, s, CPU_PARTIAL_FREE);
		}
		return;
	}
	/* partially empty but on some CPU's partial list: leave it there */
	if (!on_node_partial)
		return;
	if (n->nr_partial >= s->min_partial) {
		remove_partial(n, slab);
		stat(m, s, FREE_REMOVE_PARTIAL);
		stat(m, s, FREE_SLAB);
		discard_slab(m, s, slab);
	}
}

/* models mm/slub.c:do_slab_free()'s lockless fast path for one object:
 * push onto the CPU freelist if the object's slab is the CPU slab; false
 * (nothing changed) otherwise, or when the hardened set_freepointer()
 * would BUG */
static inline __attribute__((always_inline))
bool cpu_freelist_push(struct nc_machine *m, struct kmem_cache *s, struct slab *slab,
		       void *object)
{
	struct kmem_cache_cpu *c = this_cpu_ptr(m, s->cpu_slab);
	void *freelist = c->freelist;

	if (__builtin_expect(slab != c->slab || object == freelist, 0))
		return false;
	set_freepointer(s, object, freelist);
	c->freelist = object;
	c->stat[FREE_FASTPATH]++;      /* and the tid with it */
	return true;
}

/* models mm/slub.c:do_slab_free(): the chain head..tail of cnt objects
 * of one slab */
static void do_slab_free(struct nc_machine *m, struct kmem_cache *s, struct slab *slab,
			 void *head, void *tail, int cnt, const char *addr)
{
	struct kmem_cache_cpu *c = this_cpu_ptr(m, s->cpu_slab);

	if (cnt == 1 && cpu_freelist_push(m, s, slab, head))
		return;
	if (slab != c->slab) {
		__slab_free(m, s, slab, head, tail, cnt, addr);
		return;
	}
	if (freeptr_double_free(m, s, slab, tail, c->freelist))
		return;
	set_freepointer(s, tail, c->freelist);
	c->freelist = head;
	/* one transaction for cnt objects */
	stat_add(m, s, FREE_FASTPATH, cnt);
	c->tid = next_tid(c->tid) - (unsigned long)cnt * TID_STEP;
}

/* models mm/slub.c:cache_from_obj(): with FREELIST_HARDENED the object's
 * real cache is looked up and a mismatch warned about */
static __attribute__((noinline, cold))
struct kmem_cache *cache_from_obj(struct nc_machine *m, struct kmem_cache *s,
				  struct slab *slab, void *x)
{
	if (!slab || !slab->slab_cache) {
		slab_bug(m, s, "virt_to_cache: Object is not a Slab page!");
		rpt(m, s, "Object 0x%lx", (unsigned long)x);
		report_close(m);
		return NULL;
	}
	if (slab->slab_cache != s) {
		slab_bug(m, s, "cache_from_obj: Wrong slab cache. %s but object is from %s",
			 s->name, slab->slab_cache->name);
		print_tracking(m, slab->slab_cache, x);
		report_open(m, s)->object = slab_kaddr(slab, x);
		report_close(m);
	}
	return slab->slab_cache;
}

/* kmem_cache_free() past its fast path: a foreign or traced object, a
 * slab that is not the CPU slab */
static __attribute__((noinline))
void kmem_cache_free_slow(struct nc_machine *m, struct kmem_cache *s, void *x)
{
	struct slab *slab = __virt_to_slab(m->slab, x);

	if (!slab || slab->slab_cache != s) {
		s = cache_from_obj(m, s, slab, x);
		if (!s)
			return;
	}
	trace_kmem_cache_free(m, "kmem_cache_free", object_kaddr(m, x), s->name);
	do_slab_free(m, s, slab, x, x, 1, "kmem_cache_free");
}

void kmem_cache_free(struct nc_machine *m, struct kmem_cache *s, void *x)
{
	struct kmem_cache_cpu *c = this_cpu_ptr(m, s->cpu_slab);

	/* an address inside the CPU slab is that slab's, as virt_to_slab()
	 * would find: the page map is only needed for other objects (and
	 * for every object while tracing: set_cpu_slab()) */
	if (__builtin_expect((uintptr_t)x >= c->slab_base && (uintptr_t)x < c->slab_end, 1) &&
	    cpu_freelist_push(m, s, c->slab, x))
		return;
	kmem_cache_free_slow(m, s, x);
}

/* models mm/slub.c:free_large_kmalloc() */
static void free_large_kmalloc(struct nc_machine *m, struct slab *slab)
{
	struct page *page = slab->page;

	mod_node_page_state(NODE_DATA(m, page->nid), NR_SLAB_UNRECLAIMABLE_B,
			    -(long)(PAGE_SIZE << page->order));
	slab_detach(m, slab);
}

void kfree(struct nc_machine *m, const void *object)
{
	struct slab *slab;
	void *x = (void *)object;

	trace_kfree(m, "kfree", ZERO_OR_NULL_PTR(object) ? 0 : object_kaddr(m, object));
	if (ZERO_OR_NULL_PTR(object))
		return;
	slab = __virt_to_slab(m->slab, object);
	if (!slab) {
		slab_bug(m, NULL, "kfree: not a slab or large kmalloc address");
		report_close(m);
		return;
	}
	if (!slab->slab_cache) {
		free_large_kmalloc(m, slab);
		return;
	}
	do_slab_free(m, slab->slab_cache, slab, x, x, 1, "kfree");
}

/* ======================================================================
 * Bulk allocation and free
 * ==================================================================== */
/* models mm/slub.c:struct detached_freelist */
struct detached_freelist {
	struct slab *slab;
	void *tail;
	void *freelist;
	int cnt;
	struct kmem_cache *s;
};

/* models mm/slub.c:build_detached_freelist(): chains the last object of
 * p[0..size) with the others of its slab found before three misses,
 * moving them to the end; returns how many of p remain to free */
static size_t build_detached_freelist(struct nc_machine *m, struct kmem_cache *s, size_t size,
				      void **p, struct detached_freelist *df)
{
	int lookahead = 3;
	void *object = p[--size];
	struct slab *slab = __virt_to_slab(m->slab, object);
	size_t same;

	df->slab = NULL;
	if (!slab || !slab->slab_cache) {
		if (!s && slab)
			free_large_kmalloc(m, slab);   /* kfree_bulk() of a large kmalloc */
		else
			cache_from_obj(m, s, slab, object);   /* reports a non-slab address */
		return size;
	}
	df->s = s ? cache_from_obj(m, s, slab, object) : slab->slab_cache;
	df->slab = slab;
	df->tail = df->freelist = object;
	df->cnt = 1;
	set_freepointer(df->s, object, NULL);
	same = size;
	while (size) {
		object = p[--size];
		if (__virt_to_slab(m->slab, object) == df->slab) {
			/* the same object twice in a row is dropped, reported */
			if (!freeptr_double_free(m, df->s, df->slab, object, df->freelist)) {
				set_freepointer(df->s, object, df->freelist);
				df->freelist = object;
				df->cnt++;
			}
			same--;
			if (size != same) {
				void *t = p[size];

				p[size] = p[same];
				p[same] = t;
			}
			continue;
		}
		if (!--lookahead)
			break;
	}
	return same;
}

void kmem_cache_free_bulk(struct nc_machine *m, struct kmem_cache *s, size_t size, void **p)
{
	while (size) {
		struct detached_freelist df;

		size = build_detached_freelist(m, s, size, p, &df);
		if (df.slab)
			do_slab_free(m, df.s, df.slab, df.freelist, df.tail, df.cnt,
				     "kmem_cache_free_bulk");
	}
}

int kmem_cache_alloc_bulk(struct nc_machine *m, struct kmem_cache *s, gfp_t gfp, size_t size,
			  void **p)
{
	struct kmem_cache_cpu *c = this_cpu_ptr(m, s->cpu_slab);
	size_t i;

	if (!size || size > INT_MAX)
		return 0;
	if ((m->alloc_hooks & NC_HOOK_FAILSLAB) && __should_failslab(m, s, gfp))
		return 0;
	/* __kmem_cache_alloc_bulk(): drain the CPU freelist, whatever its
	 * slab's node, and bump the tid once */
	for (i = 0; i < size; i++) {
		void *object = c->freelist;

		if (!object) {
			/* the fast pops so far were not counted in the tid yet */
			c->tid = next_tid(c->tid);
			p[i] = ___slab_alloc(m, s, gfp, NUMA_NO_NODE, "kmem_cache_alloc_bulk",
					     s->object_size);
			if (!p[i]) {
				kmem_cache_free_bulk(m, s, i, p);
				return 0;
			}
			continue;
		}
		c->freelist = get_freepointer(s, object);
		p[i] = object;
		stat(m, s, ALLOC_FASTPATH);
		c->tid -= TID_STEP;      /* counted, but no transaction of its own */
	}
	c->tid = next_tid(c->tid);
	/* slab_post_alloc_hook() */
	if (gfp & __GFP_ZERO)
		for (i = 0; i < size; i++)
			memset(p[i], 0, s->object_size);
	return (int)size;
}

/* ======================================================================
 * Cache creation, shrinking, shutdown, boot
 * ==================================================================== */
static void init_kmem_cache_node(struct kmem_cache_node *n)
{
	memset(n, 0, sizeof(*n));
	INIT_LIST_HEAD(&n->partial);
	INIT_LIST_HEAD(&n->full);
}

/* models mm/slub.c:early_kmem_cache_node_alloc(): the first kmem_cache_node
 * of a node, carved by hand from a new slab of the kmem_cache_node cache */
static int early_kmem_cache_node_alloc(struct nc_machine *m, int node)
{
	struct kmem_cache *kcn = m->slab->kmem_cache_node;
	struct slab *slab = new_slab(m, kcn, GFP_NOWAIT, node);
	struct kmem_cache_node *n;

	if (!slab)
		return -ENOMEM;
	n = slab->freelist;
	init_object(kcn, n, SLUB_RED_ACTIVE);
	slab->freelist = get_freepointer(kcn, n);
	slab->inuse = 1;
	kcn->node[node] = n;
	init_kmem_cache_node(n);
	inc_slabs_node(kcn, node, slab->objects);
	add_partial(n, slab, DEACTIVATE_TO_HEAD);
	return 0;
}

static void free_kmem_cache_nodes(struct nc_machine *m, struct kmem_cache *s)
{
	for (unsigned int node = 0; node < m->topo->nr_node_ids; node++) {
		struct kmem_cache_node *n = s->node[node];

		if (!n)
			continue;
		s->node[node] = NULL;
		if (m->slab->state >= SLAB_PARTIAL && s != m->slab->kmem_cache_node)
			kmem_cache_free(m, m->slab->kmem_cache_node, n);
	}
}

void __kmem_cache_release(struct nc_machine *m, struct kmem_cache *s)
{
	cache_random_seq_destroy(s);
	free_percpu(m, s->cpu_slab);
	s->cpu_slab = NULL;
	free_kmem_cache_nodes(m, s);
}

/* models mm/slub.c:init_kmem_cache_nodes() */
static int init_kmem_cache_nodes(struct nc_machine *m, struct kmem_cache *s)
{
	int node;

	for_each_node_mask(node, m->slab->slab_nodes) {
		struct kmem_cache_node *n;

		if (m->slab->state == SLAB_DOWN) {
			if (early_kmem_cache_node_alloc(m, node))
				return -ENOMEM;
			continue;
		}
		n = kmem_cache_alloc_node(m, m->slab->kmem_cache_node, GFP_KERNEL, node);
		if (!n)
			return -ENOMEM;
		init_kmem_cache_node(n);
		s->node[node] = n;
	}
	return 0;
}

int do_kmem_cache_create(struct nc_machine *m, struct kmem_cache *s, const char *name,
			 unsigned int size, const struct kmem_cache_args *args,
			 slab_flags_t flags)
{
	int err;

	s->m = m;
	s->name = strdup(name);
	s->size = s->object_size = size;
	s->flags = flags;
	s->random = (unsigned long)nc_random(m);
	s->align = args->align;
	s->ctor = args->ctor;
	s->useroffset = args->useroffset;
	s->usersize = args->usersize;
	s->node = (struct kmem_cache_node **)((char *)s + KMEM_CACHE_NODE_OFFSET);
	/* alloc_kmem_cache_cpus(): aligned for the (freelist, tid) double word */
	s->cpu_slab = __alloc_percpu(m, sizeof(*s->cpu_slab), 2 * sizeof(void *));
	if (!s->name || !s->cpu_slab) {
		err = -ENOMEM;
		goto out;
	}
	err = kmem_cache_geometry(s, args, &m->slab->params);
	if (err)
		goto out;
	/* the random freelist once kmalloc() works (init_freelist_randomization
	 * covers the caches before) */
	if (m->slab->state >= SLAB_UP && init_cache_random_seq(m, s)) {
		err = -ENOMEM;
		goto out;
	}
	for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++)
		per_cpu_ptr(s->cpu_slab, cpu)->tid = cpu;   /* init_tid() */
	err = init_kmem_cache_nodes(m, s);
	if (!err)
		return 0;
out:
	__kmem_cache_release(m, s);
	free(s->name);
	s->name = NULL;
	return err;
}

#define SHRINK_PROMOTE_MAX 32

/* models mm/slub.c:__kmem_cache_do_shrink() */
static int __kmem_cache_do_shrink(struct nc_machine *m, struct kmem_cache *s)
{
	int ret = 0;

	for (unsigned int node = 0; node < m->topo->nr_node_ids; node++) {
		struct kmem_cache_node *n = s->node[node];
		struct list_head discard, promote[SHRINK_PROMOTE_MAX], *pos, *next;

		if (!n)
			continue;
		INIT_LIST_HEAD(&discard);
		for (int i = 0; i < SHRINK_PROMOTE_MAX; i++)
			INIT_LIST_HEAD(&promote[i]);
		for (pos = n->partial.next; pos != &n->partial; pos = next) {
			struct slab *slab = list_entry(pos, struct slab, slab_list);
			unsigned int free = slab->objects - slab->inuse;

			next = pos->next;
			if (free == slab->objects) {
				list_del_init(pos);
				__list_add(pos, &discard, discard.next);
				slab->node_partial = false;
				n->nr_partial--;
				dec_slabs_node(s, (int)node, slab->objects);
			} else if (free <= SHRINK_PROMOTE_MAX) {
				/* list_move(): to the head of its bucket */
				list_del_init(pos);
				__list_add(pos, &promote[free - 1], promote[free - 1].next);
			}
		}
		/* the fullest slabs go first */
		for (int i = SHRINK_PROMOTE_MAX - 1; i >= 0; i--) {
			struct list_head *l = &promote[i];

			if (list_empty(l))
				continue;
			l->next->prev = &n->partial;
			l->prev->next = n->partial.next;
			n->partial.next->prev = l->prev;
			n->partial.next = l->next;
		}
		for (pos = discard.next; pos != &discard; pos = next) {
			next = pos->next;
			free_slab(m, s, list_entry(pos, struct slab, slab_list));
		}
		if (n->nr_slabs)
			ret = 1;
	}
	return ret;
}

int __kmem_cache_shrink(struct nc_machine *m, struct kmem_cache *s)
{
	flush_all(m, s);
	return __kmem_cache_do_shrink(m, s);
}

int __kmem_cache_shutdown(struct nc_machine *m, struct kmem_cache *s)
{
	flush_all(m, s);
	for (unsigned int node = 0; node < m->topo->nr_node_ids; node++) {
		struct kmem_cache_node *n = s->node[node];
		struct list_head *pos, *next;

		if (!n)
			continue;
		/* models free_partial(): empty slabs go, others are reported */
		for (pos = n->partial.next; pos != &n->partial; pos = next) {
			struct slab *slab = list_entry(pos, struct slab, slab_list);

			next = pos->next;
			if (!slab->inuse) {
				remove_partial(n, slab);
				discard_slab(m, s, slab);
			} else {
				slab_bug(m, s, "Objects remaining on __kmem_cache_shutdown()");
				print_slab_info(m, s, slab);
				report_close(m);
			}
		}
		if (n->nr_partial || n->nr_slabs)
			return 1;
	}
	return 0;
}

/* models mm/slub.c:bootstrap(): move a boot cache into a kmem_cache object */
static struct kmem_cache *bootstrap(struct nc_machine *m, struct kmem_cache *static_cache)
{
	struct slab_state *ss = m->slab;
	struct kmem_cache *s = kmem_cache_alloc(m, ss->kmem_cache, GFP_NOWAIT);

	if (!s)
		return NULL;
	memcpy(s, static_cache, ss->kmem_cache->object_size);
	s->node = (struct kmem_cache_node **)((char *)s + KMEM_CACHE_NODE_OFFSET);
	flush_cpu_slab(m, s, m->cpu);
	/* the kernel walks the partial (and full) lists; the model's page map
	 * also reaches full slabs */
	for (struct slab_arena *a = ss->arenas; a; a = a->next)
		for (size_t i = 0; i < ARENA_PAGES; i++)
			if (a->map[i] && a->map[i]->slab_cache == static_cache)
				a->map[i]->slab_cache = s;
	s->list_next = ss->slab_caches;
	ss->slab_caches = s;
	return s;
}

/* The two boot caches before they can live in slab objects (the kernel's
 * static boot_kmem_cache and boot_kmem_cache_node). */
static struct kmem_cache *boot_cache_alloc(const struct nc_machine *m)
{
	return calloc(1, KMEM_CACHE_NODE_OFFSET + m->topo->nr_node_ids * sizeof(void *));
}

static void boot_cache_create(struct nc_machine *m, struct kmem_cache *s, const char *name,
			      unsigned int size, int *err)
{
	struct kmem_cache_args args = { .align = calculate_alignment(SLAB_HWCACHE_ALIGN,
								      ARCH_KMALLOC_MINALIGN, size) };

	if (*err)
		return;
	*err = do_kmem_cache_create(m, s, name, size, &args, SLAB_HWCACHE_ALIGN | SLAB_NO_OBJ_EXT);
	s->refcount = -1;   /* never merged */
}

int kmem_cache_init(struct nc_machine *m)
{
	struct slab_state *ss = calloc(1, sizeof(*ss));
	struct kmem_cache *boot_kc, *boot_kcn;
	unsigned int nr_present = 0;
	int node, err = 0;

	if (!ss)
		return -ENOMEM;
	m->slab = ss;
	m->alloc_hooks_changed = slub_alloc_hooks_changed;
	for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++)
		nr_present += cpu_to_node(m->topo, cpu) >= 0;
	slub_params_default(&ss->params, nr_present, m->topo->nr_cpu_ids);
	failslab_init(&ss->failslab);
	/* nodes with normal memory get a kmem_cache_node (N_NORMAL_MEMORY) */
	for_each_node_mask(node, m->topo->memory)
		node_set(node, ss->slab_nodes);

	boot_kcn = boot_cache_alloc(m);
	boot_kc = boot_cache_alloc(m);
	if (!boot_kcn || !boot_kc) {
		free(boot_kcn);
		free(boot_kc);
		return -ENOMEM;
	}
	ss->kmem_cache_node = boot_kcn;
	boot_cache_create(m, boot_kcn, "kmem_cache_node", KMEM_CACHE_NODE_SIZE, &err);
	ss->state = SLAB_PARTIAL;
	/* offsetof(struct kmem_cache, node) + nr_node_ids pointers */
	ss->kmem_cache = boot_kc;
	boot_cache_create(m, boot_kc, "kmem_cache",
			  KMEM_CACHE_NODE_OFFSET + m->topo->nr_node_ids * (unsigned)sizeof(void *),
			  &err);
	if (!err) {
		ss->kmem_cache = bootstrap(m, boot_kc);
		ss->kmem_cache_node = ss->kmem_cache ? bootstrap(m, boot_kcn) : NULL;
		if (!ss->kmem_cache_node)
			err = -ENOMEM;
	}
	free(boot_kc);
	free(boot_kcn);
	if (err) {
		ss->kmem_cache = ss->kmem_cache_node = NULL;
		return err;
	}
	err = create_kmalloc_caches(m);
	if (!err)
		init_freelist_randomization(m);
	return err;
}

void nc_slab_exit(struct nc_machine *m)
{
	struct slab_state *ss = m->slab;
	struct kmem_cache *s, *next;

	m->alloc_hooks_changed = NULL;
	if (!ss)
		return;
	/* every slab's bookkeeping; the frames go with the page allocator */
	for (struct slab_arena *a = ss->arenas; a; a = a->next)
		for (size_t i = 0; i < ARENA_PAGES; i++) {
			struct slab *slab = a->map[i];

			if (slab && (char *)a + (i << PAGE_SHIFT) == slab->addr) {
				i += (1UL << slab_order(slab)) - 1;
				free(slab);
			}
		}
	for (s = ss->slab_caches; s; s = next) {
		next = s->list_next;
		free_percpu(m, s->cpu_slab);
		free(s->random_seq);
		free(s->name);
	}
	while (ss->arenas) {
		struct slab_arena *a = ss->arenas;

		ss->arenas = a->next;
		free(a);
	}
	if (ss->arena_dir)
		for (size_t i = 0; i < ARENA_DIR_SIZE; i++)
			free(ss->arena_dir[i]);
	free(ss->arena_dir);
	free(ss);
	m->slab = NULL;
}

/* ======================================================================
 * Counting (sysfs, slabinfo)
 * ==================================================================== */
const char *const slab_stat_names[NR_SLUB_STAT_ITEMS] = {
	"alloc_fastpath", "alloc_slowpath", "free_fastpath", "free_slowpath",
	"free_frozen", "free_add_partial", "free_remove_partial", "alloc_from_partial",
	"alloc_slab", "alloc_refill", "alloc_node_mismatch", "free_slab",
	"cpuslab_flush", "deactivate_full", "deactivate_empty", "deactivate_to_head",
	"deactivate_to_tail", "deactivate_remote_frees", "deactivate_bypass",
	"order_fallback", "cmpxchg_double_cpu_fail", "cmpxchg_double_fail",
	"cpu_partial_alloc", "cpu_partial_free", "cpu_partial_node", "cpu_partial_drain",
};

unsigned long slab_stat_sum(const struct nc_machine *m, const struct kmem_cache *s,
			    enum stat_item si)
{
	unsigned long sum = 0;

	for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++)
		if (cpu_to_node(m->topo, cpu) >= 0)
			sum += per_cpu_ptr(s->cpu_slab, cpu)->stat[si];
	return sum;
}

static unsigned long count_partial(const struct kmem_cache_node *n, unsigned int what)
{
	unsigned long x = 0;

	for (const struct list_head *p = n->partial.next; p != &n->partial; p = p->next) {
		const struct slab *slab = list_entry(p, struct slab, slab_list);

		x += what == SO_TOTAL ? slab->objects : what == SO_OBJECTS ?
		     slab->inuse : slab->objects - slab->inuse;
	}
	return x;
}

unsigned long slab_objects(const struct nc_machine *m, const struct kmem_cache *s,
			   unsigned int what, unsigned long *nodes)
{
	unsigned long total = 0, x;

	memset(nodes, 0, m->topo->nr_node_ids * sizeof(*nodes));
	if (what & SO_CPU) {
		for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++) {
			const struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, cpu);

			if (!c->slab)
				continue;
			x = (what & SO_TOTAL) ? c->slab->objects :
			    (what & SO_OBJECTS) ? c->slab->inuse : 1;
			total += x;
			nodes[slab_nid(c->slab)] += x;
			if (c->partial) {
				/* objects of per-CPU partials: the kernel WARNs */
				x = (what & (SO_TOTAL | SO_OBJECTS)) ? 0 : (unsigned long)c->partial->slabs;
				total += x;
				nodes[slab_nid(c->partial)] += x;
			}
		}
	}
	for (unsigned int node = 0; node < m->topo->nr_node_ids; node++) {
		const struct kmem_cache_node *n = s->node[node];

		if (!n)
			continue;
		if (what & SO_ALL)
			x = (what & SO_TOTAL) ? n->total_objects :
			    (what & SO_OBJECTS) ? n->total_objects - count_partial(n, 0) :
			    n->nr_slabs;
		else if (what & SO_PARTIAL)
			x = (what & SO_TOTAL) ? count_partial(n, SO_TOTAL) :
			    (what & SO_OBJECTS) ? count_partial(n, SO_OBJECTS) : n->nr_partial;
		else
			continue;
		total += x;
		nodes[node] += x;
	}
	return total;
}

#define MAX_PARTIAL_TO_SCAN 10000

/* models mm/slub.c:count_partial_free_approx() */
static unsigned long count_partial_free_approx(const struct kmem_cache_node *n)
{
	unsigned long x = 0, scanned = 0;
	const struct list_head *p;

	if (n->nr_partial <= MAX_PARTIAL_TO_SCAN)
		return count_partial(n, 0);
	for (p = n->partial.next; p != &n->partial; p = p->next) {
		x += list_entry(p, struct slab, slab_list)->objects - list_entry(p, struct slab, slab_list)->inuse;
		if (++scanned == MAX_PARTIAL_TO_SCAN / 2)
			break;
	}
	for (p = n->partial.prev; p != &n->partial; p = p->prev) {
		x += list_entry(p, struct slab, slab_list)->objects - list_entry(p, struct slab, slab_list)->inuse;
		if (++scanned == MAX_PARTIAL_TO_SCAN)
			break;
	}
	x = x * n->nr_partial / scanned;
	return x < n->total_objects ? x : n->total_objects;
}

void get_slabinfo(struct nc_machine *m, struct kmem_cache *s, struct slabinfo *si)
{
	unsigned long nr_slabs = 0, nr_objs = 0, nr_free = 0;

	for (unsigned int node = 0; node < m->topo->nr_node_ids; node++) {
		const struct kmem_cache_node *n = s->node[node];

		if (!n)
			continue;
		nr_slabs += n->nr_slabs;
		nr_objs += n->total_objects;
		nr_free += count_partial_free_approx(n);
	}
	si->active_objs = nr_objs - nr_free;
	si->num_objs = nr_objs;
	si->active_slabs = si->num_slabs = nr_slabs;
	si->objects_per_slab = oo_objects(s->oo);
	si->cache_order = oo_order(s->oo);
}

const struct slab_report *nc_slab_report(const struct nc_machine *m, unsigned long i)
{
	const struct slab_state *ss = m->slab;

	if (i >= ss->nr_reports || i >= SLAB_MAX_REPORTS)
		return NULL;
	return &ss->reports[(ss->nr_reports - 1 - i) % SLAB_MAX_REPORTS];
}

/* ======================================================================
 * Validation
 * ==================================================================== */
static unsigned int chain_length(const struct kmem_cache *s, const struct slab *slab,
				 void *fp, uint8_t *mark, bool *bad)
{
	unsigned int nr = 0;

	while (fp) {
		size_t idx;

		if (!check_valid_pointer(s, slab, fp) || nr >= slab->objects) {
			*bad = true;
			break;
		}
		idx = (size_t)((char *)fp - fixup_red_left(s, slab->addr)) / s->size;
		if (mark[idx]) {
			*bad = true;
			break;
		}
		mark[idx] = 1;
		nr++;
		fp = get_freepointer(s, fp);
	}
	return nr;
}

/* Checks one slab: its free chains, counters and, for debug caches, every
 * object's red zones and poison. Returns the number of problems. */
static long validate_slab(struct nc_machine *m, struct kmem_cache *s, struct slab *slab,
			  void *cpu_freelist)
{
	uint8_t *mark = calloc(slab->objects ? slab->objects : 1, 1);
	bool bad = false;
	unsigned int nfree;
	long errors = 0;

	if (!mark)
		return 0;
	if (slab->objects > order_objects(slab_order(slab), s->size) ||
	    slab->inuse > slab->objects) {
		slab_err(m, s, slab, "objects %u inuse %u > max %u", slab->objects,
			 slab->inuse, order_objects(slab_order(slab), s->size));
		report_close(m);
		free(mark);
		return 1;
	}
	/* objects on a CPU's freelist count as in use; remote frees do not */
	nfree = chain_length(s, slab, slab->freelist, mark, &bad);
	chain_length(s, slab, cpu_freelist, mark, &bad);
	if (bad) {
		slab_err(m, s, slab, "Freechain corrupt (loop, foreign or double-listed object)");
		report_close(m);
		errors++;
	} else if (slab->inuse != slab->objects - nfree) {
		slab_err(m, s, slab, "Wrong object count. Counter is %u but counted were %u",
			 slab->inuse, slab->objects - nfree);
		report_close(m);
		errors++;
	}
	if (!bad && kmem_cache_debug_flags(s, SLAB_RED_ZONE | SLAB_POISON)) {
		char *p = fixup_red_left(s, slab->addr);

		slab_pad_check(m, s, slab);
		for (unsigned int i = 0; i < slab->objects; i++, p += s->size)
			if (!check_object(m, s, slab, p, mark[i] ? SLUB_RED_INACTIVE :
							  SLUB_RED_ACTIVE))
				errors++;
		if (m->slab->report_open)
			errors += !errors;
		report_close(m);
	}
	free(mark);
	return errors;
}

static long validate_fail(struct nc_machine *m, struct kmem_cache *s, const char *what,
			  unsigned long a, unsigned long b)
{
	slab_bug(m, s, "SLUB %s: %s (%lu vs %lu)", s->name, what, a, b);
	report_close(m);
	return 1;
}

long validate_slab_cache(struct nc_machine *m, struct kmem_cache *s)
{
	unsigned int nr_nodes = m->topo->nr_node_ids;
	unsigned long *slabs = calloc(nr_nodes, sizeof(*slabs));
	unsigned long *objs = calloc(nr_nodes, sizeof(*objs));
	unsigned long total = 0;
	long errors = 0;

	if (!slabs || !objs) {
		free(slabs);
		free(objs);
		return -ENOMEM;
	}
	/* every slab of the cache, wherever it is */
	for (struct slab_arena *a = m->slab->arenas; a; a = a->next)
		for (size_t i = 0; i < ARENA_PAGES; i++) {
			struct slab *slab = a->map[i];
			void *cpu_freelist = NULL;
			bool owned = false;

			/* a slab waiting for its grace period belongs to no list */
			if (!slab || slab->slab_cache != s ||
			    (char *)a + (i << PAGE_SHIFT) != slab->addr || slab->rcu_head.func)
				continue;
			slabs[slab_nid(slab)]++;
			objs[slab_nid(slab)] += slab->objects;
			for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++)
				if (per_cpu_ptr(s->cpu_slab, cpu)->slab == slab) {
					errors += owned ? validate_fail(m, s, "cpu slab of two CPUs", cpu, 0) : 0;
					owned = true;
					cpu_freelist = per_cpu_ptr(s->cpu_slab, cpu)->freelist;
				}
			/* a debug cache's frozen slab was disabled by a failed
			 * consistency check (reported then): left alone */
			if (kmem_cache_debug(s) && slab->frozen)
				continue;
			if (slab->frozen != owned)
				errors += validate_fail(m, s, "frozen slab not a cpu slab (frozen, owned)",
							slab->frozen, owned);
			errors += validate_slab(m, s, slab, cpu_freelist);
		}
	for (unsigned int node = 0; node < nr_nodes; node++) {
		struct kmem_cache_node *n = s->node[node];
		unsigned long count = 0;

		if (!n) {
			if (slabs[node])
				errors += validate_fail(m, s, "slabs on a node without kmem_cache_node",
							node, slabs[node]);
			continue;
		}
		for (struct list_head *p = n->partial.next; p != &n->partial; p = p->next) {
			struct slab *slab = list_entry(p, struct slab, slab_list);

			count++;
			if (!slab->node_partial || slab->frozen || slab_nid(slab) != (int)node ||
			    !slab->freelist)
				errors += validate_fail(m, s, "bad slab on node partial list",
							node, slab->inuse);
		}
		if (count != n->nr_partial)
			errors += validate_fail(m, s, "partial slabs counted vs counter",
						count, n->nr_partial);
		if (slabs[node] != n->nr_slabs)
			errors += validate_fail(m, s, "slabs found vs nr_slabs", slabs[node],
						n->nr_slabs);
		if (objs[node] != n->total_objects)
			errors += validate_fail(m, s, "objects found vs total_objects", objs[node],
						n->total_objects);
	}
	for (unsigned int node = 0; node < nr_nodes; node++)
		total += slabs[node];
	/* the alloc fast path relies on it (cpu_freelist_pop()) */
	for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++)
		if (per_cpu_ptr(s->cpu_slab, cpu)->freelist && !per_cpu_ptr(s->cpu_slab, cpu)->slab)
			errors += validate_fail(m, s, "cpu freelist without cpu slab", cpu, 0);
	for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids && !errors; cpu++) {
		struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, cpu);
		int len = 0;

		for (struct slab *p = c->partial; p; p = p->next, len++)
			if (p->frozen || p->node_partial || (unsigned long)len > total) {
				errors += validate_fail(m, s, "bad per-CPU partial slab", cpu,
							(unsigned long)len);
				break;
			}
		if (c->partial && c->partial->slabs != len)
			errors += validate_fail(m, s, "per-CPU partial length vs head count",
						(unsigned long)len, (unsigned long)c->partial->slabs);
	}
	free(slabs);
	free(objs);
	return errors;
}

long nc_slab_validate_all(struct nc_machine *m)
{
	long errors = 0;

	for (struct kmem_cache *s = m->slab->slab_caches; s; s = s->list_next)
		errors += validate_slab_cache(m, s);
	return errors;
}
