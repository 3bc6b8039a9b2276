/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The allocator-independent slab layer (mm/slab_common.c in v6.12): cache
 * creation with alignment and merging, the kmalloc size classes and
 * caches, and the boot caches that a fork allocates from.
 */
#ifndef NC_MM_SLAB_COMMON_H
#define NC_MM_SLAB_COMMON_H

#include <numaclone/numaclone.h>
#include "mm/slab.h"

/* models mm/slab_common.c:calculate_alignment() */
unsigned int calculate_alignment(slab_flags_t flags, unsigned int align, unsigned int size);
/* models mm/slab_common.c:slab_unmergeable() */
bool slab_unmergeable(const struct nc_machine *m, const struct kmem_cache *s);

/* models mm/slab_common.c:__kmem_cache_create_args(); args may be NULL.
 * NULL on failure (SLAB_PANIC too: the library never panics). */
struct kmem_cache *kmem_cache_create(struct nc_machine *m, const char *name,
				     unsigned int object_size,
				     const struct kmem_cache_args *args, slab_flags_t flags);
/* models mm/slab_common.c:kmem_cache_destroy() */
void kmem_cache_destroy(struct nc_machine *m, struct kmem_cache *s);
/* models mm/slab_common.c:kmem_cache_shrink() */
int kmem_cache_shrink(struct nc_machine *m, struct kmem_cache *s);

/* models include/linux/slab.h:__kmalloc_index(): 0 for size 0, 1 for
 * 65..96, 2 for 129..192, else ceil(log2(size)) (3 up to 8 bytes) */
unsigned int kmalloc_index(size_t size);
/* models include/linux/slab.h:kmalloc_type() */
enum kmalloc_cache_type kmalloc_type(gfp_t flags);
/* models mm/slab.h:kmalloc_slab(): size must be 1..KMALLOC_MAX_CACHE_SIZE */
struct kmem_cache *kmalloc_slab(const struct nc_machine *m, size_t size, gfp_t flags);
/* models mm/slab_common.c:create_kmalloc_caches() (plus kmalloc_buckets) */
int create_kmalloc_caches(struct nc_machine *m);
/* models mm/slab_common.c:cache_random_seq_create(): s->random_seq gets a
 * random permutation of 0..count-1 (none below 2); 0 or -ENOMEM */
int cache_random_seq_create(struct nc_machine *m, struct kmem_cache *s, unsigned int count);
/* models mm/slab_common.c:cache_random_seq_destroy() */
void cache_random_seq_destroy(struct kmem_cache *s);
/* models include/linux/slab.h:kmalloc() and kmalloc_node() */
void *kmalloc(struct nc_machine *m, size_t size, gfp_t flags);
void *kmalloc_node(struct nc_machine *m, size_t size, gfp_t flags, int node);

/* Creates the caches a fork allocates from, in start_kernel()'s order
 * (pid_idr_init, anon_vma_init, cred_init, fork_init, mm_cache_init,
 * proc_caches_init), with v6.12 x86_64 sizes and flags; on --topology host
 * the object sizes are the host's /sys/kernel/slab ones where readable. */
int nc_create_boot_caches(struct nc_machine *m);
/* Reads /sys/kernel/slab/NAME/object_size under dir; 0 if unreadable. */
unsigned int nc_slab_host_object_size(const char *dir, const char *name);

/* The cache (or the cache an alias name merged into) called name. */
struct kmem_cache *nc_kmem_cache_find(const struct nc_machine *m, const char *name);
/* The names that were merged into s, as the kernel's sysfs symlinks. */
unsigned int nc_kmem_cache_aliases(const struct nc_machine *m, const struct kmem_cache *s,
				   const char **names, unsigned int max);

/* SLAB_* flag names, for the CLI and sysfs; "ctor" is not a flag. */
struct slab_flag_name {
	const char *name;
	slab_flags_t flag;
};
extern const struct slab_flag_name slab_flag_names[];

/* Parses SIZE[:ALIGN[:FLAGS]] (FLAGS: '|'-joined SLAB_* names, "ctor").
 * Returns 0, or -EINVAL with *err naming the position. */
int nc_kmem_geometry_parse(const char *spec, unsigned int *size, unsigned int *align,
			   slab_flags_t *flags, bool *ctor, struct nc_error *err);

/* The geometry kmem_cache_create() would give a cache described by spec
 * (SIZE[:ALIGN[:FLAGS]]) on a machine with nr_cpus present CPUs and the
 * default slab_min/max_order: fills s's geometry fields (no machine, no
 * memory). Returns 0, or -EINVAL with *err set. */
int nc_kmem_geometry(const char *spec, unsigned int nr_cpus, struct kmem_cache *s,
		     struct nc_error *err);

#endif
