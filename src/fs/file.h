/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Open-file tables (fs/file.c, include/linux/fdtable.h): a files_struct
 * per task or shared, descriptors reserved and then installed, close-on-
 * exec bits, dup/dup2/dup3, close_range(). The files_struct is a
 * files_cache object with its first 64 slots embedded; bigger tables are
 * kmalloc()ed as alloc_fdtable() does, and a replaced one is freed after a
 * grace period. Left out: fget()'s reference counting by RCU readers,
 * full_fds_bits (sized, not used: the model scans open_fds), fs.nr_open
 * other than its default.
 */
#ifndef NC_FS_FILE_H
#define NC_FS_FILE_H

#include <stdbool.h>

#include "arch/machine.h"
#include "arch/task.h"
#include "fs/file_table.h"
#include "lib/types.h"

#define NR_OPEN_DEFAULT 64        /* BITS_PER_LONG: the embedded table */
#define INR_OPEN_CUR    1024      /* init's RLIMIT_NOFILE soft limit */
#define INR_OPEN_MAX    4096      /* and hard limit */
#define NR_OPEN         (1024 * 1024)   /* fs.nr_open's default: no fd reaches it */
#define NC_O_CLOEXEC    02000000
#define PIDFD_THREAD    0200      /* O_EXCL */
#define CLOSE_RANGE_UNSHARE (1U << 1)
#define CLOSE_RANGE_CLOEXEC (1U << 2)

/* models include/linux/fdtable.h:struct fdtable */
struct fdtable {
	unsigned int max_fds;
	struct file **fd;             /* [max_fds]; NULL: free or reserved */
	unsigned long *close_on_exec; /* bitmaps of max_fds bits */
	unsigned long *open_fds;      /* allocated fds, reserved ones too */
	struct rcu_head rcu;          /* a replaced table waits for readers */
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
	unsigned long *nc_named;      /* replay: the fds below NC_NAMED_FDS a log
					 named for this table (nc_fd_name()), or NULL */
};

/* Simulator, for the replay: which fds of current's table a log has named
 * (made, used or closed), so a table's fds the log never showed can be told
 * from those it showed closed. A copy of a table keeps what was known of it. */
#define NC_NAMED_FDS 4096
int nc_fd_name(struct nc_machine *m, unsigned int fd);
bool nc_fd_named(const struct nc_machine *m, unsigned int fd);

/* models fs/file.c:dup_fd() with no hole punched: ERR_PTR(-ENOMEM) on failure */
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
/* models fs/file.c:do_close_on_exec(): table files closes its
 * close-on-exec descriptors */
void do_close_on_exec(struct nc_machine *m, struct files_struct *files);
/* The file at fd of current's table, or NULL (models files_lookup_fd_raw()). */
struct file *nc_fd_file(const struct nc_machine *m, unsigned int fd);
/* models fs/file.c:f_dupfd(): the lowest free fd >= from gets file */
int f_dupfd(struct nc_machine *m, unsigned int from, struct file *file, unsigned int flags);
/* models fs/file.c:set_close_on_exec() on current's table */
void set_close_on_exec(struct nc_machine *m, unsigned int fd, bool flag);

/* models fs/file.c:SYSCALL_DEFINE1(dup) */
long kernel_dup(struct nc_machine *m, unsigned int fildes);
/* models fs/file.c:SYSCALL_DEFINE2(dup2): oldfd back if equal and open */
long kernel_dup2(struct nc_machine *m, unsigned int oldfd, unsigned int newfd);
/* models fs/file.c:ksys_dup3() (SYSCALL_DEFINE3(dup3)) */
long kernel_dup3(struct nc_machine *m, unsigned int oldfd, unsigned int newfd, int flags);
/* models fs/file.c:SYSCALL_DEFINE3(close_range) */
long kernel_close_range(struct nc_machine *m, unsigned int fd, unsigned int max_fd,
			unsigned int flags);

/* get_unused_fd_flags(), a new file, fd_install(): what a call making an
 * object the model does not keep (a socket, an eventfd, an opened path)
 * does with it. The fd, or -EMFILE / -ENOMEM. */
int nc_fd_new(struct nc_machine *m, unsigned int flags);
/*
 * A descriptor of current's the model never saw made (inherited before
 * the log began: a shell's 0, 1, 2, a tracer's leftovers) becomes a file
 * at fd, close-on-exec as given; a fd already holding one is left alone.
 * 0, or -EMFILE beyond fs.nr_open, -ENOMEM.
 */
int nc_fd_adopt(struct nc_machine *m, unsigned int fd, bool cloexec);
/* Two new fds as pipe2() and socketpair() take them: both reserved (the
 * second failing frees the first), stored as int[2] at user address
 * fildes (-EFAULT frees both), then installed. 0 or -errno. */
int nc_fd_pair(struct nc_machine *m, unsigned long fildes, unsigned int flags);

#endif
