// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models fs/fs_struct.c's copy and release of a task's fs context: a
 * fs_cache object; init_fs is static (never freed). Paths are not
 * modelled.
 */
#include "fs/fs_struct.h"
#include "mm/slab.h"
#include "mm/slub.h"

static struct kmem_cache *fs_cachep(const struct nc_machine *m)
{
	return m->slab->boot[NC_CACHE_FS];
}

struct fs_struct *copy_fs_struct(struct nc_machine *m, const struct fs_struct *old)
{
	struct fs_struct *fs = kmem_cache_alloc(m, fs_cachep(m), GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->users = 1;
	fs->umask = old->umask;
	return fs;
}

void free_fs_struct(struct nc_machine *m, struct fs_struct *fs)
{
	if (virt_to_slab(m, fs))
		kmem_cache_free(m, fs_cachep(m), fs);
}

void exit_fs(struct nc_machine *m, struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;

	tsk->fs = NULL;
	if (fs && !--fs->users)
		free_fs_struct(m, fs);
}
