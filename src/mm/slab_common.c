// SPDX-License-Identifier: GPL-2.0-only
/*
 * mm/slab_common.c of v6.12 with CONFIG_SLAB_MERGE_DEFAULT, CONFIG_MEMCG,
 * CONFIG_HARDENED_USERCOPY, CONFIG_SLAB_BUCKETS, CONFIG_ZONE_DMA and
 * CONFIG_SLAB_FREELIST_RANDOM (Debian's choices): alignment, cache merging,
 * the kmalloc size classes (kmalloc-, kmalloc-rcl-, dma-kmalloc-,
 * kmalloc-cg-) and their caches, the per-cache random freelist sequence,
 * plus the boot caches a fork allocates from. Left out: kmalloc-rnd (Debian
 * has no CONFIG_RANDOM_KMALLOC_CACHES), the kmem_buckets API itself,
 * slab_debug= boot options.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/error.h"
#include "mm/slab_common.h"
#include "mm/slub.h"

#define ALIGN(x, a) (((x) + (a) - 1) / (a) * (a))

unsigned int calculate_alignment(slab_flags_t flags, unsigned int align, unsigned int size)
{
	/* cache-line alignment, halved while the object fits twice */
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = L1_CACHE_BYTES;

		while (size <= ralign / 2)
			ralign /= 2;
		if (align < ralign)
			align = ralign;
	}
	if (align < ARCH_SLAB_MINALIGN)
		align = ARCH_SLAB_MINALIGN;
	return ALIGN(align, (unsigned int)sizeof(void *));
}

bool slab_unmergeable(const struct nc_machine *m, const struct kmem_cache *s)
{
	if (m->slab->nomerge || (s->flags & SLAB_NEVER_MERGE) || s->ctor)
		return true;
	if (s->usersize)            /* CONFIG_HARDENED_USERCOPY */
		return true;
	return s->refcount < 0;     /* set during bootstrap */
}

/* models mm/slab_common.c:find_mergeable(): oldest first */
static struct kmem_cache *find_mergeable(struct nc_machine *m, unsigned int size,
					 slab_flags_t flags,
					 const struct kmem_cache_args *args)
{
	struct kmem_cache *found = NULL;
	unsigned int align;

	if (m->slab->nomerge || args->ctor || args->usersize || (flags & SLAB_NEVER_MERGE))
		return NULL;
	size = ALIGN(size, (unsigned int)sizeof(void *));
	align = calculate_alignment(flags, args->align, size);
	size = ALIGN(size, align);
	/* list_for_each_entry_reverse: the list is newest first, so the last
	 * match in this walk is the oldest */
	for (struct kmem_cache *s = m->slab->slab_caches; s; s = s->list_next) {
		if (slab_unmergeable(m, s) || size > s->size)
			continue;
		if ((flags & SLAB_MERGE_SAME) != (s->flags & SLAB_MERGE_SAME))
			continue;
		if ((s->size & ~(align - 1)) != s->size)
			continue;
		if (s->size - size >= sizeof(void *))
			continue;
		found = s;
	}
	return found;
}

static bool add_alias(struct nc_machine *m, const char *name, struct kmem_cache *s)
{
	struct slab_state *ss = m->slab;

	if (ss->nr_aliases == SLAB_MAX_ALIASES)
		return false;
	snprintf(ss->aliases[ss->nr_aliases].name, sizeof(ss->aliases[0].name), "%s", name);
	ss->aliases[ss->nr_aliases++].s = s;
	return true;
}

/* models mm/slab_common.c:create_cache() */
static struct kmem_cache *create_cache(struct nc_machine *m, const char *name,
				       unsigned int object_size,
				       const struct kmem_cache_args *args, slab_flags_t flags)
{
	struct kmem_cache *s;

	if (args->use_freeptr_offset &&
	    (args->freeptr_offset >= object_size || !(flags & SLAB_TYPESAFE_BY_RCU) ||
	     args->freeptr_offset % sizeof(void *)))
		return NULL;
	s = kmem_cache_alloc(m, m->slab->kmem_cache, GFP_KERNEL | __GFP_ZERO);
	if (!s)
		return NULL;
	if (do_kmem_cache_create(m, s, name, object_size, args, flags)) {
		kmem_cache_free(m, m->slab->kmem_cache, s);
		return NULL;
	}
	s->refcount = 1;
	s->list_next = m->slab->slab_caches;
	m->slab->slab_caches = s;
	return s;
}

struct kmem_cache *kmem_cache_create(struct nc_machine *m, const char *name,
				     unsigned int object_size,
				     const struct kmem_cache_args *args_in, slab_flags_t flags)
{
	struct kmem_cache_args args = args_in ? *args_in : (struct kmem_cache_args){ 0 };
	struct kmem_cache *s;

	/* the model also refuses what CONFIG_DEBUG_VM's sanity check would */
	if (!name || !object_size || object_size > KMALLOC_MAX_SIZE)
		return NULL;
	if (flags & ~SLAB_FLAGS_PERMITTED)
		return NULL;
	/* fail closed on bad usercopy regions */
	if ((!args.usersize && args.useroffset) || object_size < args.usersize ||
	    object_size - args.usersize < args.useroffset)
		args.usersize = args.useroffset = 0;
	s = find_mergeable(m, object_size, flags, &args);
	if (s) {
		if (!add_alias(m, name, s))
			return NULL;
		s->refcount++;
		/* kzalloc() must clear the larger object */
		if (s->object_size < object_size)
			s->object_size = object_size;
		if (s->inuse < ALIGN(object_size, (unsigned int)sizeof(void *)))
			s->inuse = ALIGN(object_size, (unsigned int)sizeof(void *));
		return s;
	}
	args.align = calculate_alignment(flags, args.align, object_size);
	return create_cache(m, name, object_size, &args, flags);
}

void kmem_cache_destroy(struct nc_machine *m, struct kmem_cache *s)
{
	struct slab_state *ss = m->slab;
	struct kmem_cache **pp;

	if (!s)
		return;
	/* in-flight kfree_rcu()s may hold objects of this cache */
	kvfree_rcu_barrier(m);
	if (--s->refcount > 0)
		return;
	if (__kmem_cache_shutdown(m, s))
		return;      /* objects remain: the kernel WARNs and leaks the cache */
	for (pp = &ss->slab_caches; *pp; pp = &(*pp)->list_next)
		if (*pp == s) {
			*pp = s->list_next;
			break;
		}
	for (unsigned int i = 0; i < ss->nr_aliases; )
		if (ss->aliases[i].s == s)
			ss->aliases[i] = ss->aliases[--ss->nr_aliases];
		else
			i++;
	/* its empty slabs' pages wait for a grace period */
	if (s->flags & SLAB_TYPESAFE_BY_RCU)
		rcu_barrier(m);
	__kmem_cache_release(m, s);
	free(s->name);
	kmem_cache_free(m, ss->kmem_cache, s);
}

int kmem_cache_shrink(struct nc_machine *m, struct kmem_cache *s)
{
	return __kmem_cache_shrink(m, s);
}

/* ---- kmalloc ---- */

/* models mm/slab_common.c:kmalloc_size_index[] (sizes / 8 to an index) */
static const uint8_t kmalloc_size_index_init[24] = {
	3, 4, 5, 5, 6, 6, 6, 6, 1, 1, 1, 1, 7, 7, 7, 7, 2, 2, 2, 2, 2, 2, 2, 2
};

unsigned int kmalloc_index(size_t size)
{
	if (!size)
		return 0;
	if (size <= KMALLOC_MIN_SIZE)
		return KMALLOC_SHIFT_LOW;
	if (size > 64 && size <= 96)
		return 1;
	if (size > 128 && size <= 192)
		return 2;
	return fls((unsigned int)size - 1);
}

enum kmalloc_cache_type kmalloc_type(gfp_t flags)
{
	if (!(flags & (__GFP_RECLAIMABLE | __GFP_DMA | __GFP_ACCOUNT)))
		return KMALLOC_NORMAL;
	/* __GFP_DMA wins over __GFP_RECLAIMABLE, which wins over __GFP_ACCOUNT */
	if (flags & __GFP_DMA)
		return KMALLOC_DMA;
	return (flags & __GFP_RECLAIMABLE) ? KMALLOC_RECLAIM : KMALLOC_CGROUP;
}

struct kmem_cache *kmalloc_slab(const struct nc_machine *m, size_t size, gfp_t flags)
{
	unsigned int index = size <= 192 ? m->slab->kmalloc_size_index[(size - 1) / 8] :
					   fls((unsigned int)size - 1);

	return m->slab->kmalloc_caches[kmalloc_type(flags)][index];
}

static const char *const kmalloc_prefix[NR_KMALLOC_TYPES] = {
	"kmalloc-", "kmalloc-rcl-", "dma-kmalloc-", "kmalloc-cg-"
};

static unsigned int kmalloc_info_size(unsigned int idx)
{
	return idx == 1 ? 96 : idx == 2 ? 192 : 1u << idx;
}

/* models mm/slab_common.c:create_kmalloc_cache() via create_boot_cache() */
static int new_kmalloc_cache(struct nc_machine *m, unsigned int idx,
			     enum kmalloc_cache_type type)
{
	unsigned int size = kmalloc_info_size(idx), align;
	slab_flags_t flags = SLAB_KMALLOC;
	char name[32];
	struct kmem_cache_args args = { .useroffset = 0, .usersize = size };
	struct kmem_cache *s;

	if (type == KMALLOC_RECLAIM)
		flags |= SLAB_RECLAIM_ACCOUNT;
	else if (type == KMALLOC_CGROUP)
		flags |= SLAB_ACCOUNT;
	else if (type == KMALLOC_DMA)
		flags |= SLAB_CACHE_DMA;
	else
		flags |= SLAB_NO_MERGE;   /* CONFIG_MEMCG */
	if (size >= 1024)
		snprintf(name, sizeof(name), "%s%uk", kmalloc_prefix[type], size / 1024);
	else
		snprintf(name, sizeof(name), "%s%u", kmalloc_prefix[type], size);
	/* at least the largest power of two dividing the size */
	align = 1u << __builtin_ctz(size);
	if (align < ARCH_KMALLOC_MINALIGN)
		align = ARCH_KMALLOC_MINALIGN;
	args.align = calculate_alignment(flags, align, size);
	s = kmem_cache_alloc(m, m->slab->kmem_cache, GFP_NOWAIT | __GFP_ZERO);
	if (!s || do_kmem_cache_create(m, s, name, size, &args, flags))
		return -ENOMEM;
	s->refcount = 1;
	s->list_next = m->slab->slab_caches;
	m->slab->slab_caches = s;
	m->slab->kmalloc_caches[type][idx] = s;
	return 0;
}

int create_kmalloc_caches(struct nc_machine *m)
{
	struct slab_state *ss = m->slab;
	struct kmem_cache_args buckets = { 0 };

	memcpy(ss->kmalloc_size_index, kmalloc_size_index_init, sizeof(kmalloc_size_index_init));
	for (int type = KMALLOC_NORMAL; type < NR_KMALLOC_TYPES; type++) {
		/* the two non-power-of-two classes first */
		int err = new_kmalloc_cache(m, 1, type) ?: new_kmalloc_cache(m, 2, type);

		for (unsigned int i = KMALLOC_SHIFT_LOW; !err && i <= KMALLOC_SHIFT_HIGH; i++)
			err = new_kmalloc_cache(m, i, type);
		if (err)
			return err;
	}
	ss->state = SLAB_UP;
	/* CONFIG_SLAB_BUCKETS: sizeof(kmem_buckets) */
	if (!kmem_cache_create(m, "kmalloc_buckets",
			       (KMALLOC_SHIFT_HIGH + 1) * (unsigned)sizeof(void *), &buckets,
			       SLAB_NO_MERGE))
		return -ENOMEM;
	return 0;
}

/* models mm/slub.c:__do_kmalloc_node() */
void *kmalloc_node(struct nc_machine *m, size_t size, gfp_t flags, int node)
{
	if (size > KMALLOC_MAX_CACHE_SIZE) {
		if (size > KMALLOC_MAX_SIZE)
			return NULL;      /* the page allocator's order check */
		return kmalloc_large_node(m, size, flags, node);
	}
	if (!size)
		return ZERO_SIZE_PTR;
	return slab_alloc_kmalloc(m, kmalloc_slab(m, size, flags), flags, node, size,
				  node == NUMA_NO_NODE ? "__kmalloc" : "__kmalloc_node");
}

void *kmalloc(struct nc_machine *m, size_t size, gfp_t flags)
{
	return kmalloc_node(m, size, flags, NUMA_NO_NODE);
}

/* ---- CONFIG_SLAB_FREELIST_RANDOM ---- */

/* models mm/slab_common.c:cache_random_seq_create() with freelist_randomize():
 * a Fisher-Yates shuffle of 0..count-1. The kernel kcalloc()s the array;
 * here it is host memory, so the kmalloc caches' counts stay those of the
 * objects the model's callers allocate. */
int cache_random_seq_create(struct nc_machine *m, struct kmem_cache *s, unsigned int count)
{
	unsigned int *list;

	if (count < 2 || s->random_seq)
		return 0;
	list = calloc(count, sizeof(*list));
	if (!list)
		return -ENOMEM;
	for (unsigned int i = 0; i < count; i++)
		list[i] = i;
	for (unsigned int i = count - 1; i > 0; i--) {
		unsigned int r = get_random_u32_below(m, i + 1), t = list[i];

		list[i] = list[r];
		list[r] = t;
	}
	s->random_seq = list;
	return 0;
}

/* models mm/slab_common.c:cache_random_seq_destroy() */
void cache_random_seq_destroy(struct kmem_cache *s)
{
	free(s->random_seq);
	s->random_seq = NULL;
}

/* ---- the caches a fork allocates from ---- */

static void nc_sighand_ctor(void *object)
{
	(void)object;   /* the model's sighand_struct is set up by its user */
}

static void nc_anon_vma_ctor(void *object)
{
	(void)object;
}

struct boot_cache_profile {
	enum nc_boot_cache id;
	const char *name;
	const char *host_name;        /* a later kernel's name, if renamed */
	unsigned int size;            /* v6.12 x86_64 sizeof() (indicative) */
	unsigned int align;           /* the align argument */
	slab_flags_t flags;
	unsigned int useroffset, usersize;
	void (*ctor)(void *);
	const char *ctor_name;        /* as the kernel's ctor file prints it */
	unsigned int cpumasks;        /* mm_struct: + cpumask_size() each */
};

#define ACCT (SLAB_PANIC | SLAB_ACCOUNT)
/*
 * Creation order follows start_kernel(): pid_idr_init(), anon_vma_init(),
 * cred_init(), fork_init(), mm_cache_init(), proc_caches_init() (which
 * ends with nsproxy_cache_init()), vfs_caches_init()'s files_init() (filp:
 * v6.12 keeps its free pointer inside, at f_freeptr; outside it lands at
 * 184 and the slot is the same 192 bytes), then two initcalls:
 * blk_ioc_init() (subsys) and pid_namespaces_init() (device). Sizes are
 * those of a Debian x86_64 build of the structures (task_struct includes
 * the FPU state; mm_struct adds the mm_cpumask and mm_cid masks, sized by
 * nr_cpu_ids); they are indicative and the host's replace them on
 * --topology host.
 */
static const struct boot_cache_profile boot_profile[NR_NC_BOOT_CACHES] = {
	{ NC_CACHE_PID, "pid", NULL, 128, 8, SLAB_HWCACHE_ALIGN | ACCT, 0, 0, NULL, NULL, 0 },
	{ NC_CACHE_ANON_VMA, "anon_vma", NULL, 96, 0, SLAB_TYPESAFE_BY_RCU | ACCT, 0, 0,
	  nc_anon_vma_ctor, "anon_vma_ctor+0x0/0x50", 0 },
	{ NC_CACHE_ANON_VMA_CHAIN, "anon_vma_chain", NULL, 64, 8, ACCT, 0, 0, NULL, NULL, 0 },
	{ NC_CACHE_CRED, "cred_jar", "cred", 184, 8, SLAB_HWCACHE_ALIGN | ACCT, 0, 0, NULL, NULL, 0 },
	{ NC_CACHE_TASK_STRUCT, "task_struct", NULL, 5952, L1_CACHE_BYTES, ACCT, 3456, 2432,
	  NULL, NULL, 0 },
	{ NC_CACHE_MM_STRUCT, "mm_struct", NULL, 1344, 0, SLAB_HWCACHE_ALIGN | ACCT, 480, 416,
	  NULL, NULL, 2 },
	{ NC_CACHE_SIGHAND, "sighand_cache", NULL, 2080, 0,
	  SLAB_HWCACHE_ALIGN | SLAB_TYPESAFE_BY_RCU | ACCT, 0, 0, nc_sighand_ctor,
	  "sighand_ctor+0x0/0x30", 0 },
	{ NC_CACHE_SIGNAL, "signal_cache", NULL, 1136, 0, SLAB_HWCACHE_ALIGN | ACCT, 0, 0, NULL, NULL, 0 },
	{ NC_CACHE_FILES, "files_cache", NULL, 704, 0, SLAB_HWCACHE_ALIGN | ACCT, 0, 0, NULL, NULL, 0 },
	{ NC_CACHE_FS, "fs_cache", NULL, 56, 0, SLAB_HWCACHE_ALIGN | ACCT, 0, 0, NULL, NULL, 0 },
	{ NC_CACHE_VM_AREA, "vm_area_struct", NULL, 176, 8, ACCT, 0, 0, NULL, NULL, 0 },
	{ NC_CACHE_NSPROXY, "nsproxy", NULL, 72, 8, ACCT, 0, 0, NULL, NULL, 0 },
	{ NC_CACHE_FILP, "filp", NULL, 184, 0, SLAB_HWCACHE_ALIGN | SLAB_TYPESAFE_BY_RCU | ACCT,
	  0, 0, NULL, NULL, 0 },
	{ NC_CACHE_BLKDEV_IOC, "blkdev_ioc", NULL, 88, 0, SLAB_PANIC, 0, 0, NULL, NULL, 0 },
	{ NC_CACHE_PID_NS, "pid_namespace", NULL, 144, 8, ACCT, 0, 0, NULL, NULL, 0 },
};

unsigned int nc_slab_host_object_size(const char *dir, const char *name)
{
	char path[512];
	unsigned int size = 0;
	FILE *f;

	if (snprintf(path, sizeof(path), "%s/%s/object_size", dir, name) >= (int)sizeof(path))
		return 0;
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (fscanf(f, "%u", &size) != 1 || size > KMALLOC_MAX_SIZE)
		size = 0;
	fclose(f);
	return size;
}

int nc_create_boot_caches(struct nc_machine *m)
{
	bool host = !strcmp(m->topo->name, "host");
	unsigned int mask_bytes = (m->topo->nr_cpu_ids + 63) / 64 * 8;

	for (int i = 0; i < NR_NC_BOOT_CACHES; i++) {
		const struct boot_cache_profile *p = &boot_profile[i];
		struct kmem_cache_args args = {
			.align = p->align, .ctor = p->ctor,
			.useroffset = p->useroffset, .usersize = p->usersize,
		};
		unsigned int size = p->size + p->cpumasks * mask_bytes;
		struct kmem_cache *s;

		if (host) {
			unsigned int hs = nc_slab_host_object_size("/sys/kernel/slab", p->name);

			if (!hs && p->host_name)
				hs = nc_slab_host_object_size("/sys/kernel/slab", p->host_name);
			if (hs) {
				size = hs;
				if (args.usersize > size || args.useroffset > size - args.usersize)
					args.useroffset = 0, args.usersize = args.usersize > size ? size : args.usersize;
			}
		}
		s = kmem_cache_create(m, p->name, size, &args, p->flags);
		if (!s)
			return -ENOMEM;
		if (s->ctor == p->ctor)
			s->ctor_name = p->ctor_name;
		m->slab->boot[p->id] = s;
	}
	m->slab->state = SLAB_FULL;
	return 0;
}

struct kmem_cache *nc_kmem_cache_find(const struct nc_machine *m, const char *name)
{
	for (struct kmem_cache *s = m->slab->slab_caches; s; s = s->list_next)
		if (!strcmp(s->name, name))
			return s;
	for (unsigned int i = 0; i < m->slab->nr_aliases; i++)
		if (!strcmp(m->slab->aliases[i].name, name))
			return m->slab->aliases[i].s;
	return NULL;
}

unsigned int nc_kmem_cache_aliases(const struct nc_machine *m, const struct kmem_cache *s,
				   const char **names, unsigned int max)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < m->slab->nr_aliases; i++)
		if (m->slab->aliases[i].s == s) {
			if (n < max)
				names[n] = m->slab->aliases[i].name;
			n++;
		}
	return n;
}

/* ---- SIZE[:ALIGN[:FLAGS]] ---- */

const struct slab_flag_name slab_flag_names[] = {
	{ "SLAB_HWCACHE_ALIGN", SLAB_HWCACHE_ALIGN },
	{ "SLAB_RECLAIM_ACCOUNT", SLAB_RECLAIM_ACCOUNT },
	{ "SLAB_ACCOUNT", SLAB_ACCOUNT },
	{ "SLAB_TYPESAFE_BY_RCU", SLAB_TYPESAFE_BY_RCU },
	{ "SLAB_RED_ZONE", SLAB_RED_ZONE },
	{ "SLAB_POISON", SLAB_POISON },
	{ "SLAB_STORE_USER", SLAB_STORE_USER },
	{ "SLAB_CONSISTENCY_CHECKS", SLAB_CONSISTENCY_CHECKS },
	{ "SLAB_TRACE", SLAB_TRACE },
	{ "SLAB_PANIC", SLAB_PANIC },
	{ "SLAB_CACHE_DMA", SLAB_CACHE_DMA },
	{ "SLAB_CACHE_DMA32", SLAB_CACHE_DMA32 },
	{ "SLAB_NO_MERGE", SLAB_NO_MERGE },
	{ "SLAB_NOLEAKTRACE", SLAB_NOLEAKTRACE },
	{ "SLAB_KMALLOC", SLAB_KMALLOC },
	{ NULL, 0 }
};

static int parse_uint(const char *s, size_t len, unsigned int *out)
{
	unsigned long v = 0;

	if (!len || len > 10)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (unsigned long)(s[i] - '0');
	}
	if (v > UINT_MAX)
		return -1;
	*out = (unsigned int)v;
	return 0;
}

int nc_kmem_geometry_parse(const char *spec, unsigned int *size, unsigned int *align,
			   slab_flags_t *flags, bool *ctor, struct nc_error *err)
{
	const char *p = spec, *end = strchr(spec, ':');
	size_t len = end ? (size_t)(end - p) : strlen(p);

	*align = 0;
	*flags = 0;
	*ctor = false;
	if (parse_uint(p, len, size) || !*size || *size > KMALLOC_MAX_SIZE)
		return nc_err(err, "'%s': position 1: SIZE must be 1..%lu", spec, KMALLOC_MAX_SIZE);
	if (!end)
		return 0;
	p = end + 1;
	end = strchr(p, ':');
	len = end ? (size_t)(end - p) : strlen(p);
	if (len && (parse_uint(p, len, align) || (*align & (*align - 1)) || *align > PAGE_SIZE))
		return nc_err(err, "'%s': position %zu: ALIGN must be 0 or a power of two up to %lu",
			      spec, (size_t)(p - spec) + 1, PAGE_SIZE);
	if (!end)
		return 0;
	for (p = end + 1; *p; ) {
		const char *bar = strchr(p, '|');
		const struct slab_flag_name *f;

		len = bar ? (size_t)(bar - p) : strlen(p);
		if (len == 4 && !strncmp(p, "ctor", 4)) {
			*ctor = true;
		} else {
			for (f = slab_flag_names; f->name; f++)
				if (strlen(f->name) == len && !strncmp(f->name, p, len))
					break;
			if (!f->name)
				return nc_err(err, "'%s': position %zu: unknown flag '%.*s'", spec,
					      (size_t)(p - spec) + 1, (int)(len > 40 ? 40 : len), p);
			*flags |= f->flag;
		}
		if (!bar)
			break;
		p = bar + 1;
		if (!*p)
			return nc_err(err, "'%s': position %zu: empty flag name", spec,
				      (size_t)(p - spec) + 1);
	}
	return 0;
}

/* stands for "some constructor" in a geometry-only cache */
static void geometry_ctor(void *object)
{
	(void)object;
}

int nc_kmem_geometry(const char *spec, unsigned int nr_cpus, struct kmem_cache *s,
		     struct nc_error *err)
{
	struct kmem_cache_args args = { 0 };
	struct slub_params p;
	unsigned int size, align;
	slab_flags_t flags;
	bool ctor;

	if (nc_kmem_geometry_parse(spec, &size, &align, &flags, &ctor, err))
		return -EINVAL;
	if (!nr_cpus || nr_cpus > NR_CPUS)
		return nc_err(err, "CPU count %u: must be 1..%u", nr_cpus, NR_CPUS);
	memset(s, 0, sizeof(*s));
	args.align = align;
	args.ctor = ctor ? geometry_ctor : NULL;
	s->object_size = size;
	s->flags = flags;
	s->ctor = args.ctor;
	s->align = calculate_alignment(flags, align, size);
	slub_params_default(&p, nr_cpus, nr_cpus);
	if (kmem_cache_geometry(s, &args, &p))
		return nc_err(err, "'%s': no slab order up to %u fits", spec, MAX_PAGE_ORDER);
	return 0;
}
