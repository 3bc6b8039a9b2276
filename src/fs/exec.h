/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Executing a program (fs/exec.c): execve() and execveat() from user
 * memory, kernel_execve() from kernel strings, both through the kernel's
 * order of checks to sched_exec(), de_thread() and begin_new_exec(). There
 * is no filesystem: every well-formed path names an executable file.
 */
#ifndef NC_FS_EXEC_H
#define NC_FS_EXEC_H

#include "arch/machine.h"

/* include/uapi/linux/fcntl.h, under names glibc's <fcntl.h> does not use */
#define NC_AT_FDCWD             (-100)
#define NC_AT_SYMLINK_NOFOLLOW  0x100
#define NC_AT_EMPTY_PATH        0x1000

#define NC_PATH_MAX     4096            /* include/uapi/linux/limits.h */
#define ARG_MAX         131072          /* the argument bytes always allowed */
#define MAX_ARG_STRLEN  (32 * 4096)     /* one string's limit: 32 pages */
#define MAX_ARG_STRINGS 0x7FFFFFFF

/* models fs/exec.c:SYSCALL_DEFINE3(execve): filename, argv and envp are
 * user addresses (argv and envp may be 0); 0 once current runs the new
 * program, or -errno */
long sys_execve(struct nc_machine *m, unsigned long filename, unsigned long argv,
		unsigned long envp);
/* models fs/exec.c:SYSCALL_DEFINE5(execveat) */
long sys_execveat(struct nc_machine *m, int fd, unsigned long filename, unsigned long argv,
		  unsigned long envp, int flags);
/* models fs/exec.c:kernel_execve(): the same from kernel memory (argv must
 * name at least the program; envp may be NULL) */
int kernel_execve(struct nc_machine *m, const char *filename, const char *const *argv,
		  const char *const *envp);

#endif
