/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SLUB's entry points (mm/slub.c in v6.12; the allocation API is declared
 * by include/linux/slab.h in the kernel). Every call takes the machine
 * first; the running CPU is m->cpu and "current" is nc_current(m).
 */
#ifndef NC_MM_SLUB_H
#define NC_MM_SLUB_H

#include <stdio.h>

#include "mm/slab.h"

/* ---- geometry ---- */
/* models mm/slub.c:calc_slab_order() */
unsigned int calc_slab_order(unsigned int size, unsigned int min_order,
			     unsigned int max_order, unsigned int fract_leftover);
/* models mm/slub.c:calculate_order(); -ENOSYS if no order fits */
int calculate_order(unsigned int size, const struct slub_params *p);
/* models mm/slub.c:calculate_sizes() plus the parts of do_kmem_cache_create()
 * that derive min_partial and cpu_partial: fills every geometry field of s
 * from s->object_size, s->flags, s->align, s->ctor. Returns 0 or -EINVAL. */
int kmem_cache_geometry(struct kmem_cache *s, const struct kmem_cache_args *args,
			const struct slub_params *p);
/* The boot defaults of a machine with nr_present present CPUs. */
void slub_params_default(struct slub_params *p, unsigned int nr_present,
			 unsigned int nr_cpu_ids);

/* ---- cache life ---- */
/* models mm/slub.c:do_kmem_cache_create(): geometry, nodes, per-CPU data */
int do_kmem_cache_create(struct nc_machine *m, struct kmem_cache *s, const char *name,
			 unsigned int size, const struct kmem_cache_args *args,
			 slab_flags_t flags);
/* models mm/slub.c:__kmem_cache_shutdown(): 0, or 1 if objects remain */
int __kmem_cache_shutdown(struct nc_machine *m, struct kmem_cache *s);
/* models mm/slub.c:__kmem_cache_release() */
void __kmem_cache_release(struct nc_machine *m, struct kmem_cache *s);
/* models mm/slub.c:__kmem_cache_shrink() */
int __kmem_cache_shrink(struct nc_machine *m, struct kmem_cache *s);
/* models mm/slub.c:kmem_cache_init(): slab_nodes, the two boot caches */
int kmem_cache_init(struct nc_machine *m);
/* Tears SLUB down at machine destruction: host memory and bookkeeping. */
void nc_slab_exit(struct nc_machine *m);

/* ---- allocation and free ---- */
/* models mm/slub.c:kmem_cache_alloc_noprof() */
void *kmem_cache_alloc(struct nc_machine *m, struct kmem_cache *s, gfp_t gfp);
/* models mm/slub.c:kmem_cache_alloc_node_noprof() */
void *kmem_cache_alloc_node(struct nc_machine *m, struct kmem_cache *s, gfp_t gfp,
			    int node);
/* models mm/slub.c:kmem_cache_free() */
void kmem_cache_free(struct nc_machine *m, struct kmem_cache *s, void *x);
/* models mm/slub.c:__do_kmalloc_node() for a cache already chosen */
void *slab_alloc_kmalloc(struct nc_machine *m, struct kmem_cache *s, gfp_t gfp,
			 int node, size_t orig_size, const char *caller);
/* models mm/slub.c:___kmalloc_large_node() */
void *kmalloc_large_node(struct nc_machine *m, size_t size, gfp_t gfp, int node);
/* models mm/slub.c:kmem_cache_alloc_bulk_noprof(): size objects into p from
 * the CPU freelist, the slow path when it runs dry; size or 0 (nothing
 * kept) on failure */
int kmem_cache_alloc_bulk(struct nc_machine *m, struct kmem_cache *s, gfp_t gfp, size_t size,
			  void **p);
/* models mm/slub.c:kmem_cache_free_bulk(): frees p[0..size), a slab's
 * objects at a time; s NULL is kfree_bulk() (any slab or large kmalloc).
 * Reorders p. */
void kmem_cache_free_bulk(struct nc_machine *m, struct kmem_cache *s, size_t size, void **p);
/* models mm/slub.c:kfree() */
void kfree(struct nc_machine *m, const void *x);
/* models mm/slub.c:flush_all() for one CPU: deactivate its cpu slab and
 * drain its per-CPU partial list (__flush_cpu_slab()) */
void flush_cpu_slab(struct nc_machine *m, struct kmem_cache *s, unsigned int cpu);
/* models mm/slub.c:flush_all() */
void flush_all(struct nc_machine *m, struct kmem_cache *s);

/* The transaction id of a CPU's kmem_cache_cpu (c->tid in the kernel;
 * the model derives it, see slub.c). */
unsigned long slub_cpu_tid(const struct kmem_cache *s, unsigned int cpu);

/* ---- lookups ---- */
/* models mm/slab.h:virt_to_slab() on any address SLUB handed out; NULL if
 * the address is not in slab memory */
struct slab *virt_to_slab(const struct nc_machine *m, const void *x);
/* The modelled kernel (direct-map) address of a slab address. */
unsigned long slab_kaddr(const struct slab *slab, const void *x);

/* ---- statistics and introspection (sysfs, /proc/slabinfo) ---- */
/* models mm/slab.h:struct slabinfo */
struct slabinfo {
	unsigned long active_objs, num_objs, active_slabs, num_slabs;
	unsigned int objects_per_slab, cache_order;
};
/* models mm/slub.c:get_slabinfo() */
void get_slabinfo(struct nc_machine *m, struct kmem_cache *s, struct slabinfo *si);
/* Sum of a stat item over online CPUs; per-CPU values into per_cpu if non-NULL. */
unsigned long slab_stat_sum(const struct nc_machine *m, const struct kmem_cache *s,
			    enum stat_item si);
extern const char *const slab_stat_names[NR_SLUB_STAT_ITEMS];
/* models mm/slub.c:show_slab_objects(): what=SO_* mask; fills nodes[nr_node_ids] */
#define SO_ALL     (1u << 0)
#define SO_PARTIAL (1u << 1)
#define SO_CPU     (1u << 2)
#define SO_OBJECTS (1u << 3)
#define SO_TOTAL   (1u << 4)
unsigned long slab_objects(const struct nc_machine *m, const struct kmem_cache *s,
			   unsigned int what, unsigned long *nodes);

/* ---- debugging ---- */
/* models mm/slub.c:validate_slab_cache(), extended to every slab the cache
 * owns (cpu slabs, per-CPU partial and full slabs, which the kernel cannot
 * reach without debug flags) and to the list and counter invariants.
 * Returns the number of problems found; each is also a report. */
long validate_slab_cache(struct nc_machine *m, struct kmem_cache *s);
/* validate_slab_cache() over every cache. */
long nc_slab_validate_all(struct nc_machine *m);
/* The i-th most recent slub_debug report (0 = newest), or NULL. */
const struct slab_report *nc_slab_report(const struct nc_machine *m, unsigned long i);

#endif
