/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A task's filesystem context (fs/fs_struct.c): shared with CLONE_FS,
 * copied otherwise. Only the umask is kept; root and cwd paths, and the
 * in_exec flag behind copy_fs()'s EAGAIN, are left out.
 */
#ifndef NC_FS_FS_STRUCT_H
#define NC_FS_FS_STRUCT_H

#include "arch/machine.h"
#include "arch/task.h"

/* models include/linux/fs_struct.h:struct fs_struct */
struct fs_struct {
	int users;
	unsigned int umask;
};

/* models fs/fs_struct.c:copy_fs_struct(); NULL without memory */
struct fs_struct *copy_fs_struct(struct nc_machine *m, const struct fs_struct *old);
/* models fs/fs_struct.c:free_fs_struct() (unshare() frees the copy it
 * made or the table it left) */
void free_fs_struct(struct nc_machine *m, struct fs_struct *fs);
/* models fs/fs_struct.c:exit_fs() */
void exit_fs(struct nc_machine *m, struct task_struct *tsk);

#endif
