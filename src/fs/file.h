/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Open-file tables (fs/file.c, include/linux/fdtable.h) at the depth fork
 * needs: a files_struct per task or shared, descriptors reserved and then
 * installed, close-on-exec bits, and files that are either plain or a
 * pidfd holding a struct pid. The files_struct is a files_cache object
 * with its first 64 slots embedded; bigger tables are kmalloc()ed as
 * alloc_fdtable() does. Left out: file operations, RCU, fget(),
 * full_fds_bits (sized, not used), the filp cache (a file is a host object).
 */
#ifndef NC_FS_FILE_H
#define NC_FS_FILE_H

#include <stdbool.h>

#include "arch/machine.h"
#include "arch/task.h"

#define NR_OPEN_DEFAULT 64        /* BITS_PER_LONG: the embedded table */
#define INR_OPEN_CUR    1024      /* init's RLIMIT_NOFILE soft limit */
#define INR_OPEN_MAX    4096      /* and hard limit */
#define NC_O_CLOEXEC    02000000
#define PIDFD_THREAD    0200      /* O_EXCL */

struct pid;

/* models include/linux/fs.h:struct file (only what is modelled) */
struct file {
	int f_count;
	unsigned int f_flags;
	struct pid *pid;              /* a pidfd's process, else NULL */
};

/* models include/linux/fdtable.h:struct fdtable */
struct fdtable {
	unsigned int max_fds;
	struct file **fd;             /* [max_fds]; NULL: free or reserved */
	unsigned long *close_on_exec; /* bitmaps of max_fds bits */
	unsigned long *open_fds;      /* allocated fds, reserved ones too */
};

/* models include/linux/fdtable.h:struct files_struct */
struct files_struct {
	int count;
	struct fdtable *fdt;          /* &fdtab, or a kmalloc()ed bigger table */
	struct fdtable fdtab;
	unsigned int next_fd;
	unsigned long close_on_exec_init[1];
	unsigned long open_fds_init[1];
	struct file *fd_array[NR_OPEN_DEFAULT];
};

/* models fs/file.c:dup_fd(): ERR_PTR(-ENOMEM) on failure */
struct files_struct *dup_fd(struct nc_machine *m, struct files_struct *oldf);
/* models init_files: an empty table with the embedded arrays */
void nc_files_init(struct files_struct *f);
/* models fs/file.c:put_files_struct() */
void put_files_struct(struct nc_machine *m, struct files_struct *files);
/* models fs/file.c:exit_files() */
void exit_files(struct nc_machine *m, struct task_struct *tsk);

/* models fs/file.c:get_unused_fd_flags() on current's table: the lowest
 * free fd, or -EMFILE at RLIMIT_NOFILE */
int get_unused_fd_flags(struct nc_machine *m, unsigned int flags);
/* models fs/file.c:put_unused_fd() */
void put_unused_fd(struct nc_machine *m, unsigned int fd);
/* models fs/file.c:fd_install() */
void fd_install(struct nc_machine *m, unsigned int fd, struct file *file);
/* Whether fd of table f is close-on-exec. */
bool nc_fd_cloexec(const struct files_struct *f, unsigned int fd);
/* models fs/file.c:close_fd(): 0 or -EBADF */
int close_fd(struct nc_machine *m, unsigned int fd);
/* models fs/file.c:do_close_on_exec(): current's table (files) closes its
 * close-on-exec descriptors */
void do_close_on_exec(struct nc_machine *m, struct files_struct *files);
/* The file at fd of current's table, or NULL. */
struct file *nc_fd_file(const struct nc_machine *m, unsigned int fd);

/* A new file with one reference; pid (may be NULL) gets a reference. */
struct file *nc_file_alloc(struct nc_machine *m, unsigned int flags, struct pid *pid);
/* models fs/file_table.c:fput() */
void fput(struct nc_machine *m, struct file *file);

#endif
