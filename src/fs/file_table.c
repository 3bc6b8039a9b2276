// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models fs/file_table.c: struct file objects come from the "filp" cache
 * (a boot cache, created as files_init() does; SLAB_TYPESAFE_BY_RCU: a
 * freed file goes straight back to its slab, no call_rcu(), readers
 * revalidate) and go back there at the last fput().
 * Left out: nr_files and ENFILE, task-work deferral of __fput().
 */
#include <string.h>

#include "fs/file_table.h"
#include "kernel/pid.h"
#include "mm/slab.h"
#include "mm/slub.h"

_Static_assert(sizeof(struct file) <= 184, "the model's file outgrows v6.12's filp object");

static struct kmem_cache *filp_cachep(const struct nc_machine *m)
{
	return m->slab->boot[NC_CACHE_FILP];
}

struct file *nc_file_alloc(struct nc_machine *m, unsigned int flags, struct pid *pid)
{
	struct file *f = kmem_cache_alloc(m, filp_cachep(m), GFP_KERNEL);

	if (!f)
		return NULL;
	memset(f, 0, sizeof(*f));
	f->f_count = 1;
	f->f_flags = flags;
	f->pid = get_pid(pid);
	return f;
}

struct file *get_file(struct file *file)
{
	file->f_count++;
	return file;
}

/* models fs/file_table.c:__fput() and file_free(): what the file holds is
 * released, the object returns to filp at once (typesafe by RCU) */
static void __fput(struct nc_machine *m, struct file *file)
{
	put_pid(m, file->pid);
	kmem_cache_free(m, filp_cachep(m), file);
}

void fput(struct nc_machine *m, struct file *file)
{
	if (file && !--file->f_count)
		__fput(m, file);
}
