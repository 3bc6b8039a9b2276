/* SPDX-License-Identifier: GPL-2.0-only */
/* The identity system calls of kernel/sys.c: getpid, gettid, getppid,
 * the process group and session calls, resource limits and the id
 * getters. */
#ifndef NC_KERNEL_SYS_H
#define NC_KERNEL_SYS_H

#include <sys/types.h>

#include "arch/machine.h"
#include "uapi/linux/resource.h"
#include "kernel/signal.h"

/* models SYSCALL_DEFINE0(getpid): current's tgid */
pid_t kernel_getpid(const struct nc_machine *m);
/* models SYSCALL_DEFINE0(gettid): current's own pid */
pid_t kernel_gettid(const struct nc_machine *m);
/* models SYSCALL_DEFINE0(getppid): the tgid of current's real parent */
pid_t kernel_getppid(const struct nc_machine *m);

/* Process groups and sessions, as v6.12 keeps them (the group's PGID and
 * SID pids in its signal_struct); the controlling tty is left out. */
/* models SYSCALL_DEFINE2(setpgid): 0 or -EINVAL/-ESRCH/-EPERM/-EACCES */
long kernel_setpgid(struct nc_machine *m, pid_t pid, pid_t pgid);
/* models SYSCALL_DEFINE1(getpgid) (do_getpgid()): the group id or -ESRCH */
long kernel_getpgid(const struct nc_machine *m, pid_t pid);
/* models SYSCALL_DEFINE0(getpgrp) */
long kernel_getpgrp(const struct nc_machine *m);
/* models SYSCALL_DEFINE1(getsid) */
long kernel_getsid(const struct nc_machine *m, pid_t pid);
/* models SYSCALL_DEFINE0(setsid) (ksys_setsid()): the new session id or -EPERM */
long kernel_setsid(struct nc_machine *m);

/* models SYSCALL_DEFINE3(setpriority): 0, or -EINVAL/-ESRCH/-EPERM/-EACCES
 * (the last refusal among the tasks, ESRCH if none matched) */
long kernel_setpriority(struct nc_machine *m, int which, int who, int niceval);
/* models SYSCALL_DEFINE2(getpriority): 20 - the lowest nice value (40..1), or -errno */
long kernel_getpriority(struct nc_machine *m, int which, int who);

/* models include/asm-generic/resource.h:INIT_RLIMITS, the boot task's
 * limits (fork_init() then sets NPROC and SIGPENDING) */
void nc_init_rlimits(struct rlimit *rlim);

/* Resource limits: 0 or -EINVAL/-EPERM/-EFAULT/-ESRCH in v6.12's order.
 * rlim, new_rlim and old_rlim are user addresses (0: none). */
/* models SYSCALL_DEFINE2(getrlimit) */
long kernel_getrlimit(struct nc_machine *m, unsigned int resource, unsigned long rlim);
/* models SYSCALL_DEFINE2(setrlimit) */
long kernel_setrlimit(struct nc_machine *m, unsigned int resource, unsigned long rlim);
/* models SYSCALL_DEFINE4(prlimit64): pid 0 is current */
long kernel_prlimit64(struct nc_machine *m, pid_t pid, unsigned int resource,
		      unsigned long new_rlim, unsigned long old_rlim);
/* A limit the model cannot know (the shell's, which the traced program
 * inherited): every thread group holding current's value of it gets
 * rlim instead */
void nc_adopt_rlimit(struct nc_machine *m, unsigned int resource, const struct rlimit *rlim);

/* The ids of current's credentials as its user namespace sees them. */
#define OVERFLOW_ID 65534           /* overflowuid and overflowgid */
/* models SYSCALL_DEFINE0(getuid), (geteuid), (getgid), (getegid) */
long kernel_getuid(const struct nc_machine *m);
long kernel_geteuid(const struct nc_machine *m);
long kernel_getgid(const struct nc_machine *m);
long kernel_getegid(const struct nc_machine *m);
/* models SYSCALL_DEFINE3(getresuid) and (getresgid): 0 or -EFAULT */
long kernel_getresuid(struct nc_machine *m, unsigned long ruidp, unsigned long euidp,
		      unsigned long suidp);
long kernel_getresgid(struct nc_machine *m, unsigned long rgidp, unsigned long egidp,
		      unsigned long sgidp);

#endif
