// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models fs/fs_struct.c's copy and release of a task's fs context. The
 * object is a host allocation standing for the fs_cache one; paths are
 * not modelled.
 */
#include <stdlib.h>

#include "fs/fs_struct.h"

struct fs_struct *copy_fs_struct(struct nc_machine *m, const struct fs_struct *old)
{
	struct fs_struct *fs = malloc(sizeof(*fs));

	(void)m;
	if (!fs)
		return NULL;
	fs->users = 1;
	fs->umask = old->umask;
	return fs;
}

void exit_fs(struct nc_machine *m, struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;

	(void)m;
	tsk->fs = NULL;
	if (fs && !--fs->users)
		free(fs);
}
