/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * /sys/kernel/slab/CACHE/ATTR (mm/slub.c's sysfs part in v6.12, with
 * CONFIG_SLUB_DEBUG, CONFIG_SLUB_STATS, CONFIG_NUMA): every attribute's
 * show, and the writable ones' store.
 */
#ifndef NC_FS_PROC_SLAB_SYSFS_H
#define NC_FS_PROC_SLAB_SYSFS_H

#include <stdio.h>

struct nc_machine;

/* The attribute names but the statistics (those are slab_stat_names[]),
 * in the kernel's slab_attrs[] order; NULL-terminated. */
extern const char *const slab_sysfs_attrs[];

/* Reading /sys/kernel/slab/<cache>/<attr> (cache may be an alias name):
 * writes the file's text to f. 0, or -ENOENT for an unknown cache or attr. */
int slab_sysfs_show(struct nc_machine *m, const char *cache, const char *attr, FILE *f);
/* Writing buf to the file: 0, or the kernel's -errno (-EIO: read-only). */
int slab_sysfs_store(struct nc_machine *m, const char *cache, const char *attr,
		     const char *buf);

#endif
