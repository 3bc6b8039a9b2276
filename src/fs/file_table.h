/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct file and its lifetime (fs/file_table.c): from the "filp" slab
 * cache (mm/slab_common.c makes it among the boot caches), a new file with one reference, fput() dropping
 * the last one. Left out: the file's inode, dentry and operations, the
 * nr_files count and fs.file-max (ENFILE), delayed __fput() via task work
 * (the model's last fput() frees at once, which is what a task returning
 * to user space sees).
 */
#ifndef NC_FS_FILE_TABLE_H
#define NC_FS_FILE_TABLE_H

#include "arch/machine.h"

struct pid;

/* models include/linux/fs.h:struct file (only what is modelled), at the
 * start of its filp object */
struct file {
	long f_count;
	unsigned int f_flags;         /* open flags (O_CLOEXEC is the fd's, not kept) */
	struct pid *pid;              /* a pidfd's process, else NULL */
};

/* models fs/file_table.c:alloc_empty_file(): one reference; pid (may be
 * NULL) gets one too, as pidfs_alloc_file() takes for a pidfd. NULL if
 * the cache has no memory. */
struct file *nc_file_alloc(struct nc_machine *m, unsigned int flags, struct pid *pid);
/* models include/linux/fs.h:get_file() */
struct file *get_file(struct file *file);
/* models fs/file_table.c:fput(): the last reference frees the file */
void fput(struct nc_machine *m, struct file *file);

#endif
