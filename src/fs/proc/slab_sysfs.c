// SPDX-License-Identifier: GPL-2.0-only
/*
 * The /sys/kernel/slab/<cache>/ files of v6.12 (mm/slub.c: the *_show and
 * *_store handlers, show_slab_objects(), show_stat()). Per-node counts
 * print " N<node>=<n>" for non-zero nodes; statistics print the sum over
 * online CPUs and " C<cpu>=<n>" per non-zero CPU. Left out: the unique
 * ":A-0000064"-style directory names of mergeable caches (lookup is by
 * cache or alias name), skip_kfence.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fs/proc/slab_sysfs.h"
#include "mm/slab_common.h"
#include "mm/slub.h"

const char *const slab_sysfs_attrs[] = {
	"slab_size", "object_size", "objs_per_slab", "order", "min_partial", "cpu_partial",
	"objects_partial", "partial", "cpu_slabs", "ctor", "aliases", "align",
	"hwcache_align", "reclaim_account", "destroy_by_rcu", "shrink", "slabs_cpu_partial",
	"total_objects", "objects", "slabs", "sanity_checks", "trace", "red_zone", "poison",
	"store_user", "validate", "cache_dma", "remote_node_defrag_ratio", "usersize",
	NULL
};

/* models mm/slub.c:show_slab_objects() */
static int show_objects(struct nc_machine *m, const struct kmem_cache *s, unsigned int what,
			FILE *f)
{
	unsigned long *nodes = calloc(m->topo->nr_node_ids, sizeof(*nodes));
	unsigned long total;

	if (!nodes)
		return -ENOMEM;
	total = slab_objects(m, s, what, nodes);
	fprintf(f, "%lu", total);
	for (unsigned int node = 0; node < m->topo->nr_node_ids; node++)
		if (nodes[node])
			fprintf(f, " N%u=%lu", node, nodes[node]);
	fputc('\n', f);
	free(nodes);
	return 0;
}

static bool cpu_online(const struct nc_machine *m, unsigned int cpu)
{
	return cpu_to_node(m->topo, cpu) >= 0;
}

/* models mm/slub.c:show_stat() */
static void show_stat(const struct nc_machine *m, const struct kmem_cache *s,
		      enum stat_item si, FILE *f)
{
	fprintf(f, "%lu", slab_stat_sum(m, s, si));
	for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++)
		if (cpu_online(m, cpu) && per_cpu_ptr(s->cpu_slab, cpu)->stat[si])
			fprintf(f, " C%u=%u", cpu, per_cpu_ptr(s->cpu_slab, cpu)->stat[si]);
	fputc('\n', f);
}

/* models mm/slub.c:slabs_cpu_partial_show() */
static void show_slabs_cpu_partial(const struct nc_machine *m, const struct kmem_cache *s,
				   FILE *f)
{
	int slabs = 0;

	for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++)
		if (cpu_online(m, cpu) && per_cpu_ptr(s->cpu_slab, cpu)->partial)
			slabs += per_cpu_ptr(s->cpu_slab, cpu)->partial->slabs;
	fprintf(f, "%d(%d)", slabs * (int)oo_objects(s->oo) / 2, slabs);
	for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++) {
		const struct slab *p = per_cpu_ptr(s->cpu_slab, cpu)->partial;

		if (cpu_online(m, cpu) && p)
			fprintf(f, " C%u=%d(%d)", cpu, p->slabs * (int)oo_objects(s->oo) / 2,
				p->slabs);
	}
	fputc('\n', f);
}

static int stat_index(const char *attr)
{
	for (int i = 0; i < NR_SLUB_STAT_ITEMS; i++)
		if (!strcmp(slab_stat_names[i], attr))
			return i;
	return -1;
}

static const struct {
	const char *name;
	slab_flags_t flag;
} flag_files[] = {
	{ "hwcache_align", SLAB_HWCACHE_ALIGN }, { "reclaim_account", SLAB_RECLAIM_ACCOUNT },
	{ "destroy_by_rcu", SLAB_TYPESAFE_BY_RCU }, { "sanity_checks", SLAB_CONSISTENCY_CHECKS },
	{ "trace", SLAB_TRACE }, { "red_zone", SLAB_RED_ZONE }, { "poison", SLAB_POISON },
	{ "store_user", SLAB_STORE_USER }, { "cache_dma", SLAB_CACHE_DMA },
};

int slab_sysfs_show(struct nc_machine *m, const char *cache, const char *attr, FILE *f)
{
	struct kmem_cache *s = nc_kmem_cache_find(m, cache);
	int si = stat_index(attr);

	if (!s)
		return -ENOENT;
	if (si >= 0) {
		show_stat(m, s, (enum stat_item)si, f);
		return 0;
	}
	for (size_t i = 0; i < sizeof(flag_files) / sizeof(flag_files[0]); i++)
		if (!strcmp(attr, flag_files[i].name)) {
			fprintf(f, "%d\n", !!(s->flags & flag_files[i].flag));
			return 0;
		}
	if (!strcmp(attr, "slab_size"))
		fprintf(f, "%u\n", s->size);
	else if (!strcmp(attr, "object_size"))
		fprintf(f, "%u\n", s->object_size);
	else if (!strcmp(attr, "objs_per_slab"))
		fprintf(f, "%u\n", oo_objects(s->oo));
	else if (!strcmp(attr, "order"))
		fprintf(f, "%u\n", oo_order(s->oo));
	else if (!strcmp(attr, "min_partial"))
		fprintf(f, "%lu\n", s->min_partial);
	else if (!strcmp(attr, "cpu_partial"))
		fprintf(f, "%u\n", s->cpu_partial);
	else if (!strcmp(attr, "align"))
		fprintf(f, "%u\n", s->align);
	else if (!strcmp(attr, "usersize"))
		fprintf(f, "%u\n", s->usersize);
	else if (!strcmp(attr, "aliases"))
		fprintf(f, "%d\n", s->refcount < 0 ? 0 : s->refcount - 1);
	else if (!strcmp(attr, "ctor")) {
		if (s->ctor)
			fprintf(f, "%s\n", s->ctor_name ? s->ctor_name : "ctor");
	} else if (!strcmp(attr, "remote_node_defrag_ratio"))
		fprintf(f, "%u\n", s->remote_node_defrag_ratio / 10);
	else if (!strcmp(attr, "slabs_cpu_partial"))
		show_slabs_cpu_partial(m, s, f);
	else if (!strcmp(attr, "partial"))
		return show_objects(m, s, SO_PARTIAL, f);
	else if (!strcmp(attr, "cpu_slabs"))
		return show_objects(m, s, SO_CPU, f);
	else if (!strcmp(attr, "objects_partial"))
		return show_objects(m, s, SO_PARTIAL | SO_OBJECTS, f);
	else if (!strcmp(attr, "slabs"))
		return show_objects(m, s, SO_ALL, f);
	else if (!strcmp(attr, "total_objects"))
		return show_objects(m, s, SO_ALL | SO_TOTAL, f);
	else if (!strcmp(attr, "objects"))
		return show_objects(m, s, SO_ALL | SO_OBJECTS, f);
	else if (strcmp(attr, "shrink") && strcmp(attr, "validate"))
		return -ENOENT;   /* shrink and validate read as empty */
	return 0;
}

/* models lib/kstrtox.c:kstrtoul(s, 10): digits, one optional newline */
static int kstrtoul10(const char *buf, unsigned long *out)
{
	unsigned long v = 0;
	const char *p = buf;

	if (*p == '+')
		p++;
	if (*p < '0' || *p > '9')
		return -EINVAL;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > (~0UL - (unsigned long)(*p - '0')) / 10)
			return -ERANGE;
		v = v * 10 + (unsigned long)(*p - '0');
	}
	if (*p == '\n')
		p++;
	if (*p)
		return -EINVAL;
	*out = v;
	return 0;
}

/* models lib/kstrtox.c:kstrtouint(s, 10) */
static int kstrtouint10(const char *buf, unsigned long *out)
{
	int err = kstrtoul10(buf, out);

	return !err && *out > 0xffffffffUL ? -ERANGE : err;
}

int slab_sysfs_store(struct nc_machine *m, const char *cache, const char *attr,
		     const char *buf)
{
	struct kmem_cache *s = nc_kmem_cache_find(m, cache);
	int si = stat_index(attr), err;
	unsigned long v;

	if (!s)
		return -ENOENT;
	if (si >= 0) {
		/* only "0..." clears, on every online CPU */
		if (buf[0] != '0')
			return -EINVAL;
		for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++)
			if (cpu_online(m, cpu))
				per_cpu_ptr(s->cpu_slab, cpu)->stat[si] = 0;
		return 0;
	}
	if (!strcmp(attr, "min_partial")) {
		err = kstrtoul10(buf, &v);
		if (!err)
			s->min_partial = v;
		return err;
	}
	if (!strcmp(attr, "cpu_partial")) {
		err = kstrtouint10(buf, &v);
		if (err)
			return err;
		if (v && kmem_cache_debug(s))
			return -EINVAL;
		s->cpu_partial = (unsigned int)v;
		s->cpu_partial_slabs = (unsigned int)((v * 2 + oo_objects(s->oo) - 1) /
						      oo_objects(s->oo));
		flush_all(m, s);
		return 0;
	}
	if (!strcmp(attr, "remote_node_defrag_ratio")) {
		err = kstrtouint10(buf, &v);
		if (err)
			return err;
		if (v > 100)
			return -ERANGE;
		s->remote_node_defrag_ratio = (unsigned int)v * 10;
		return 0;
	}
	if (!strcmp(attr, "shrink")) {
		if (buf[0] != '1')
			return -EINVAL;
		kmem_cache_shrink(m, s);
		return 0;
	}
	if (!strcmp(attr, "validate")) {
		/* the kernel validates debug caches only */
		if (buf[0] != '1' || !kmem_cache_debug(s))
			return -EINVAL;
		return validate_slab_cache(m, s) < 0 ? -ENOMEM : 0;
	}
	for (const char *const *a = slab_sysfs_attrs; *a; a++)
		if (!strcmp(*a, attr))
			return -EIO;     /* a read-only file */
	return -ENOENT;
}
