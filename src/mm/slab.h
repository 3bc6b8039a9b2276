/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SLUB's internal structures, as mm/slab.h and mm/slub.c keep them in
 * v6.12 with Debian 6.12 amd64's CONFIG_SLUB_CPU_PARTIAL, CONFIG_SLUB_DEBUG,
 * CONFIG_SLAB_FREELIST_HARDENED, CONFIG_SLAB_FREELIST_RANDOM,
 * CONFIG_HARDENED_USERCOPY, CONFIG_MEMCG and CONFIG_ZONE_DMA, plus
 * CONFIG_SLUB_STATS (off in Debian; the model keeps the counters).
 * Left out: KASAN/KFENCE/kmemleak hooks, memcg charging, pfmemalloc
 * slabs, kmem_buckets (and kmalloc-rnd: Debian has no
 * CONFIG_RANDOM_KMALLOC_CACHES).
 */
#ifndef NC_MM_SLAB_H
#define NC_MM_SLAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernel/rcu/tree.h"
#include "lib/list.h"
#include "mm/failslab.h"
#include "mm/percpu.h"
#include "mm/page_alloc.h"

typedef unsigned int slab_flags_t;

/* include/linux/slab.h flag bits, in the kernel's bit order */
#define SLAB_CONSISTENCY_CHECKS (1u << 0)
#define SLAB_RED_ZONE           (1u << 1)
#define SLAB_POISON             (1u << 2)
#define SLAB_KMALLOC            (1u << 3)
#define SLAB_HWCACHE_ALIGN      (1u << 4)
#define SLAB_CACHE_DMA          (1u << 5)
#define SLAB_CACHE_DMA32        (1u << 6)
#define SLAB_STORE_USER         (1u << 7)
#define SLAB_PANIC              (1u << 8)
#define SLAB_TYPESAFE_BY_RCU    (1u << 9)
#define SLAB_TRACE              (1u << 10)
#define SLAB_NOLEAKTRACE        (1u << 11)
#define SLAB_NO_MERGE           (1u << 12)
#define SLAB_FAILSLAB           (1u << 13)
#define SLAB_ACCOUNT            (1u << 14)
#define SLAB_NO_USER_FLAGS      (1u << 15)
#define SLAB_RECLAIM_ACCOUNT    (1u << 16)
#define __OBJECT_POISON         (1u << 17) /* internal: poison the object itself */
#define SLAB_NO_OBJ_EXT         (1u << 18)

#define SLAB_DEBUG_FLAGS (SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER | \
			  SLAB_TRACE | SLAB_CONSISTENCY_CHECKS)
#define SLAB_NEVER_MERGE (SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER | \
			  SLAB_TRACE | SLAB_TYPESAFE_BY_RCU | SLAB_NOLEAKTRACE | \
			  SLAB_FAILSLAB | SLAB_NO_MERGE)
#define SLAB_MERGE_SAME (SLAB_RECLAIM_ACCOUNT | SLAB_CACHE_DMA | \
			 SLAB_CACHE_DMA32 | SLAB_ACCOUNT)
#define SLAB_FLAGS_PERMITTED (SLAB_HWCACHE_ALIGN | SLAB_CACHE_DMA | \
			      SLAB_CACHE_DMA32 | SLAB_PANIC | SLAB_TYPESAFE_BY_RCU | \
			      SLAB_DEBUG_FLAGS | SLAB_NOLEAKTRACE | \
			      SLAB_RECLAIM_ACCOUNT | SLAB_ACCOUNT | SLAB_KMALLOC | \
			      SLAB_NO_MERGE | SLAB_NO_USER_FLAGS | SLAB_FAILSLAB | \
			      SLAB_NO_OBJ_EXT)

/* x86_64 constants (arch/x86, include/linux/slab.h, mm/slub.c) */
#define L1_CACHE_BYTES          64u   /* cache_line_size() */
#define ARCH_KMALLOC_MINALIGN   8u
#define ARCH_SLAB_MINALIGN      8u
#define KMALLOC_SHIFT_LOW       3
#define KMALLOC_SHIFT_HIGH      (PAGE_SHIFT + 1)
#define KMALLOC_MIN_SIZE        (1u << KMALLOC_SHIFT_LOW)
#define KMALLOC_MAX_CACHE_SIZE  (1ul << KMALLOC_SHIFT_HIGH)
#define KMALLOC_MAX_SIZE        (1ul << (MAX_PAGE_ORDER + PAGE_SHIFT))
#define MIN_PARTIAL             5
#define MAX_PARTIAL             10
#define MAX_OBJS_PER_PAGE       32767u
#define PAGE_ALLOC_COSTLY_ORDER 3
#define OO_SHIFT                16
#define OO_MASK                 ((1u << OO_SHIFT) - 1)

/* include/linux/poison.h */
#define SLUB_RED_INACTIVE 0xbb
#define SLUB_RED_ACTIVE   0xcc
#define POISON_INUSE      0x5a
#define POISON_FREE       0x6b
#define POISON_END        0xa5

/* v6.12 x86_64 object sizes of the two boot caches: kmem_cache is
 * offsetof(struct kmem_cache, node) plus a pointer per node id */
#define KMEM_CACHE_NODE_OFFSET  216u
#define KMEM_CACHE_NODE_SIZE    64u

/* kmalloc() of size 0 returns this, as include/linux/slab.h does */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

/* mm/slab.h: enum stat_item, in v6.12's order */
enum stat_item {
	ALLOC_FASTPATH, ALLOC_SLOWPATH, FREE_FASTPATH, FREE_SLOWPATH,
	FREE_FROZEN, FREE_ADD_PARTIAL, FREE_REMOVE_PARTIAL, ALLOC_FROM_PARTIAL,
	ALLOC_SLAB, ALLOC_REFILL, ALLOC_NODE_MISMATCH, FREE_SLAB,
	CPUSLAB_FLUSH, DEACTIVATE_FULL, DEACTIVATE_EMPTY, DEACTIVATE_TO_HEAD,
	DEACTIVATE_TO_TAIL, DEACTIVATE_REMOTE_FREES, DEACTIVATE_BYPASS,
	ORDER_FALLBACK, CMPXCHG_DOUBLE_CPU_FAIL, CMPXCHG_DOUBLE_FAIL,
	CPU_PARTIAL_ALLOC, CPU_PARTIAL_FREE, CPU_PARTIAL_NODE, CPU_PARTIAL_DRAIN,
	NR_SLUB_STAT_ITEMS
};

/* include/linux/slab.h: enum kmalloc_cache_type with Debian's CONFIG_ZONE_DMA
 * and CONFIG_MEMCG; no CONFIG_RANDOM_KMALLOC_CACHES, and KMALLOC_NO_OBJ_EXT
 * is KMALLOC_NORMAL without CONFIG_MEM_ALLOC_PROFILING */
enum kmalloc_cache_type {
	KMALLOC_NORMAL,
	KMALLOC_RECLAIM,
	KMALLOC_DMA,
	KMALLOC_CGROUP,
	NR_KMALLOC_TYPES
};


/* struct slab (an overlay of struct page in the kernel; here its own
 * object, reached from the page's private field and the host page map). */
struct slab {
	struct kmem_cache *slab_cache;  /* NULL: a large kmalloc block */
	struct page *page;
	char *addr;                     /* slab_address(): host memory */
	size_t bytes;                   /* PAGE_SIZE << order */
	void *freelist;                 /* objects freed to the slab itself */
	unsigned int inuse;             /* 16 bits in the kernel */
	unsigned int objects;           /* 15 bits in the kernel */
	bool frozen;                    /* some CPU's cpu slab */
	bool node_partial;              /* on the node partial list (PG_workingset) */
	struct list_head slab_list;     /* node partial or full list */
	struct slab *next;              /* per-CPU partial list */
	int slabs;                      /* per-CPU partial list length (head only) */
	struct rcu_head rcu_head;       /* TYPESAFE_BY_RCU: func set while the
					 * slab waits for its grace period */
};

/* mm/slub.c: struct kmem_cache_cpu */
struct kmem_cache_cpu {
	void *freelist;                 /* lockless list of the cpu slab */
	unsigned long tid;              /* less the fast paths' steps: slub_cpu_tid() */
	struct slab *slab;
	struct slab *partial;
	/* model only: the host bytes [slab_base, slab_end) of slab, so a free
	 * recognises an object of the CPU slab without virt_to_slab() (an
	 * empty range while no slab) */
	uintptr_t slab_base;
	uintptr_t slab_end;
	unsigned int stat[NR_SLUB_STAT_ITEMS];  /* the fast paths' two come first */
};

/* mm/slub.c: struct kmem_cache_node */
struct kmem_cache_node {
	unsigned long nr_partial;
	struct list_head partial;
	unsigned long nr_slabs;
	unsigned long total_objects;
	struct list_head full;          /* debug caches with STORE_USER */
};

struct kmem_cache_order_objects {
	unsigned int x;
};

/* include/linux/slab.h: struct kmem_cache_args */
struct kmem_cache_args {
	unsigned int align;
	unsigned int useroffset;
	unsigned int usersize;
	unsigned int freeptr_offset;
	bool use_freeptr_offset;
	void (*ctor)(void *);
};

struct nc_machine;

/* mm/slab.h: struct kmem_cache; what the fast paths read comes first */
struct kmem_cache {
	struct kmem_cache_cpu *cpu_slab;   /* per-CPU: per_cpu_ptr(), this_cpu_ptr() */
	slab_flags_t flags;
	unsigned long min_partial;
	unsigned int size;                 /* stride incl. metadata */
	unsigned int object_size;
	unsigned int offset;               /* free pointer offset */
	unsigned long random;              /* freelist pointer hardening */
	unsigned int cpu_partial;
	unsigned int cpu_partial_slabs;
	struct kmem_cache_order_objects oo;
	struct kmem_cache_order_objects min;
	gfp_t allocflags;
	int refcount;
	void (*ctor)(void *);
	unsigned int inuse;
	unsigned int align;
	unsigned int red_left_pad;
	char *name;
	const char *ctor_name;             /* model: the ctor sysfs file's text */
	struct kmem_cache *list_next;      /* slab_caches, newest first */
	unsigned int *random_seq;          /* CONFIG_SLAB_FREELIST_RANDOM offsets */
	unsigned int remote_node_defrag_ratio;
	unsigned int useroffset, usersize;
	struct kmem_cache_node **node;     /* [nr_node_ids] */
	struct nc_machine *m;
};

/* The slab boot parameters and the CPU count calculate_order() reads. */
struct slub_params {
	unsigned int min_order;            /* slab_min_order= */
	unsigned int max_order;            /* slab_max_order= */
	unsigned int min_objects;          /* slab_min_objects= */
	unsigned int nr_present_cpus;      /* num_present_cpus() */
	unsigned int nr_cpu_ids;
};

/* STORE_USER tracking record (struct track with CONFIG_STACKDEPOT: 32 bytes) */
enum track_item { TRACK_ALLOC, TRACK_FREE };
struct track {
	unsigned long addr;                /* here: the modelled entry point's name */
	uint32_t handle;
	int cpu;
	int pid;
	unsigned long when;                /* model event count (jiffies) */
};

/* One slub_debug finding, kept instead of printed (the library never prints). */
#define SLAB_REPORT_TEXT 6144
struct slab_report {
	char cache[64];
	char bug[96];                      /* the "BUG <cache> (...): <bug>" reason */
	unsigned long object;              /* modelled kernel address, 0 if none */
	char text[SLAB_REPORT_TEXT];       /* the whole report, kernel layout */
};

#define SLAB_MAX_REPORTS 16
#define SLAB_MAX_ALIASES 64

struct slab_alias {
	char name[64];
	struct kmem_cache *s;
};

struct slab_arena;

/* mm/slab.h: enum slab_state (named slab_boot_state here, the model's
 * struct slab_state being the machine's SLUB state) */
enum slab_boot_state { SLAB_DOWN, SLAB_PARTIAL, SLAB_UP, SLAB_FULL };

/* Boot caches a fork touches (created by fork_init(), proc_caches_init(),
 * cred_init(), pid_idr_init(), anon_vma_init() and two initcalls in the
 * kernel), and the struct file cache of vfs_caches_init()'s files_init(). */
enum nc_boot_cache {
	NC_CACHE_PID, NC_CACHE_ANON_VMA, NC_CACHE_ANON_VMA_CHAIN, NC_CACHE_CRED,
	NC_CACHE_TASK_STRUCT, NC_CACHE_MM_STRUCT, NC_CACHE_SIGHAND,
	NC_CACHE_SIGNAL, NC_CACHE_FILES, NC_CACHE_FS, NC_CACHE_VM_AREA,
	NC_CACHE_NSPROXY, NC_CACHE_FILP, NC_CACHE_BLKDEV_IOC, NC_CACHE_PID_NS,
	NR_NC_BOOT_CACHES
};

/* All of SLUB's machine-wide state (the kernel's file-scope globals). */
struct slab_state {
	enum slab_boot_state state;
	struct slub_params params;
	nodemask_t slab_nodes;
	struct kmem_cache *slab_caches;    /* newest first, like list_add() */
	struct kmem_cache *kmem_cache, *kmem_cache_node;
	struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];
	struct kmem_cache *boot[NR_NC_BOOT_CACHES];
	uint8_t kmalloc_size_index[24];
	struct slab_alias aliases[SLAB_MAX_ALIASES];
	unsigned int nr_aliases;
	bool nomerge;                      /* slab_nomerge */
	unsigned long events;              /* jiffies stand-in for tracks */
	struct slab_report reports[SLAB_MAX_REPORTS];
	unsigned long nr_reports;          /* total ever made; ring of the last */
	bool report_open;                  /* a report is being written */
	bool tainted;                      /* TAINT_BAD_PAGE after the first */
	unsigned long nr_oom_warnings;     /* slab_out_of_memory() calls */
	struct slab_arena *arenas;         /* host memory behind slab pages */
	struct slab_arena ***arena_dir;    /* arenas by address, see slub.c */
	void *chunk_free[MAX_PAGE_ORDER + 1];
	struct failslab_attr failslab;
};

/* ---- order/objects word ---- */
static inline unsigned int oo_order(struct kmem_cache_order_objects x)
{
	return x.x >> OO_SHIFT;
}

static inline unsigned int oo_objects(struct kmem_cache_order_objects x)
{
	return x.x & OO_MASK;
}

static inline int slab_nid(const struct slab *slab)
{
	return page_to_nid(slab->page);
}

static inline unsigned int slab_order(const struct slab *slab)
{
	return slab->page->order;
}

/* models mm/slab.h:kmem_cache_debug_flags(); the static key is on as soon as
 * a cache has a debug flag, so the flags alone decide */
static inline bool kmem_cache_debug_flags(const struct kmem_cache *s,
					  slab_flags_t flags)
{
	return s->flags & flags;
}

/* models mm/slub.c:kmem_cache_debug() */
static inline bool kmem_cache_debug(const struct kmem_cache *s)
{
	return kmem_cache_debug_flags(s, SLAB_DEBUG_FLAGS);
}

/* models include/linux/slab.h:get_order() */
static inline unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	size = (size - 1) >> PAGE_SHIFT;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}

/* models include/linux/random.h:get_random_u32_below() on the machine's
 * seeded generator: multiply-shift, redrawing the few biased values */
static inline uint32_t get_random_u32_below(struct nc_machine *m, uint32_t ceil)
{
	uint64_t mult = (uint64_t)(uint32_t)nc_random(m) * ceil;

	if ((uint32_t)mult < ceil) {
		uint32_t bound = -ceil % ceil;

		while ((uint32_t)mult < bound)
			mult = (uint64_t)(uint32_t)nc_random(m) * ceil;
	}
	return (uint32_t)(mult >> 32);
}

/* models include/linux/bitops.h:fls() */
static inline unsigned int fls(unsigned int x)
{
	return x ? 32 - (unsigned int)__builtin_clz(x) : 0;
}

#endif
