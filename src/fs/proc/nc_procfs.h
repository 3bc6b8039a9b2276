/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The model's /proc and /sys, addressed by path: each file rendered by the
 * renderer of the kernel function that shows it, each directory listed.
 * The tree holds only the files the model renders (nc_procfs.c lists them).
 */
#ifndef NC_FS_PROC_NC_PROCFS_H
#define NC_FS_PROC_NC_PROCFS_H

#include <numaclone/numaclone.h>

struct nc_machine;

#define NC_PROCFS_PATH_MAX 4096 /* PATH_MAX: longer paths are ENAMETOOLONG */

/* Reads path ("/proc/buddyinfo", "/sys/devices/system/node/node1/meminfo",
 * "/proc/1/task/1/stat", "/proc"): a file's text, or a directory's entries
 * in readdir order (see nc_procfs.c), one a line, directories ending in '/'. Empty and "."
 * components are skipped, as path lookup does. *text is a host string the
 * caller frees. 0; -ENOENT, -ENOTDIR or -ENAMETOOLONG with *err naming the
 * path; -ENOMEM. */
int nc_procfs_read(struct nc_machine *m, const char *path, char **text,
		   struct nc_error *err);

#endif
