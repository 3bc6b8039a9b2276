// SPDX-License-Identifier: GPL-2.0-only
/*
 * The syscall table replay runs, in the manner of arch/x86/entry's
 * sys_call_table: each entry point takes the register values and calls the
 * model's kernel function. Calls are added here as their models land.
 */
#include <errno.h>
#include <string.h>

#include "block/ioprio.h"
#include "fs/exec.h"
#include "kernel/exit.h"
#include "kernel/fork.h"
#include "kernel/sched/syscalls.h"
#include "kernel/signal.h"
#include "kernel/sys.h"
#include "mm/mempolicy.h"
#include "mm/mmap.h"
#include "strace/decode.h"
#include "strace/syscalls.h"

/* models SYSCALL_DEFINE0(getpid) */
static long __x64_sys_getpid(struct nc_machine *m, const struct syscall_regs *regs)
{
	(void)regs;
	return kernel_getpid(m);
}

/* models SYSCALL_DEFINE0(gettid) */
static long __x64_sys_gettid(struct nc_machine *m, const struct syscall_regs *regs)
{
	(void)regs;
	return kernel_gettid(m);
}

/* models SYSCALL_DEFINE0(getppid) */
static long __x64_sys_getppid(struct nc_machine *m, const struct syscall_regs *regs)
{
	(void)regs;
	return kernel_getppid(m);
}

/* models SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid) */
static long __x64_sys_setpgid(struct nc_machine *m, const struct syscall_regs *regs)
{
	return kernel_setpgid(m, (pid_t)regs->arg[0], (pid_t)regs->arg[1]);
}

/* models SYSCALL_DEFINE1(getpgid, pid_t, pid) */
static long __x64_sys_getpgid(struct nc_machine *m, const struct syscall_regs *regs)
{
	return kernel_getpgid(m, (pid_t)regs->arg[0]);
}

/* models SYSCALL_DEFINE0(getpgrp) */
static long __x64_sys_getpgrp(struct nc_machine *m, const struct syscall_regs *regs)
{
	(void)regs;
	return kernel_getpgrp(m);
}

/* models SYSCALL_DEFINE1(getsid, pid_t, pid) */
static long __x64_sys_getsid(struct nc_machine *m, const struct syscall_regs *regs)
{
	return kernel_getsid(m, (pid_t)regs->arg[0]);
}

/* models SYSCALL_DEFINE0(setsid) */
static long __x64_sys_setsid(struct nc_machine *m, const struct syscall_regs *regs)
{
	(void)regs;
	return kernel_setsid(m);
}

/* models fs/exec.c:SYSCALL_DEFINE3(execve) */
static long __x64_sys_execve(struct nc_machine *m, const struct syscall_regs *r)
{
	return sys_execve(m, r->arg[0], r->arg[1], r->arg[2]);
}

/* models fs/exec.c:SYSCALL_DEFINE5(execveat) */
static long __x64_sys_execveat(struct nc_machine *m, const struct syscall_regs *r)
{
	return sys_execveat(m, (int)r->arg[0], r->arg[1], r->arg[2], r->arg[3], (int)r->arg[4]);
}

/* models SYSCALL_DEFINE1(exit, int, error_code) */
static long __x64_sys_exit(struct nc_machine *m, const struct syscall_regs *regs)
{
	kernel_exit(m, (int)regs->arg[0]);
	return 0;
}

/* models SYSCALL_DEFINE1(exit_group, int, error_code) */
static long __x64_sys_exit_group(struct nc_machine *m, const struct syscall_regs *regs)
{
	kernel_exit_group(m, (int)regs->arg[0]);
	return 0;
}

static long __x64_sys_fork(struct nc_machine *m, const struct syscall_regs *regs)
{
	(void)regs;
	return sys_fork(m);
}

static long __x64_sys_vfork(struct nc_machine *m, const struct syscall_regs *regs)
{
	(void)regs;
	return sys_vfork(m);
}

static long __x64_sys_clone(struct nc_machine *m, const struct syscall_regs *r)
{
	return sys_clone(m, r->arg[0], r->arg[1], r->arg[2], r->arg[3], r->arg[4]);
}

static long __x64_sys_clone3(struct nc_machine *m, const struct syscall_regs *r)
{
	return sys_clone3(m, r->arg[0], r->arg[1]);
}

static long __x64_sys_set_mempolicy(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_set_mempolicy(m, (int)r->arg[0], r->arg[1], r->arg[2]);
}

static long __x64_sys_get_mempolicy(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_get_mempolicy(m, r->arg[0], r->arg[1], r->arg[2], r->arg[3], r->arg[4]);
}

static long __x64_sys_mbind(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_mbind(m, r->arg[0], r->arg[1], r->arg[2], r->arg[3], r->arg[4],
			    (unsigned int)r->arg[5]);
}

static long __x64_sys_set_mempolicy_home_node(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_set_mempolicy_home_node(m, r->arg[0], r->arg[1], r->arg[2], r->arg[3]);
}

static long __x64_sys_mmap(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_mmap(m, r->arg[0], r->arg[1], r->arg[2], r->arg[3], r->arg[4], r->arg[5]);
}

static long __x64_sys_munmap(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_munmap(m, r->arg[0], r->arg[1]);
}

static long __x64_sys_mprotect(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_mprotect(m, r->arg[0], r->arg[1], r->arg[2]);
}

static long __x64_sys_madvise(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_madvise(m, r->arg[0], r->arg[1], (int)r->arg[2]);
}

/* models kernel/sched/syscalls.c:SYSCALL_DEFINE3(sched_setaffinity) */
static long __x64_sys_sched_setaffinity(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_sched_setaffinity(m, (pid_t)r->arg[0], (unsigned int)r->arg[1], r->arg[2]);
}

/* models kernel/sched/syscalls.c:SYSCALL_DEFINE3(sched_getaffinity) */
static long __x64_sys_sched_getaffinity(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_sched_getaffinity(m, (pid_t)r->arg[0], (unsigned int)r->arg[1], r->arg[2]);
}

/* models kernel/signal.c:SYSCALL_DEFINE4(rt_sigaction) */
static long __x64_sys_rt_sigaction(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_rt_sigaction(m, (int)r->arg[0], r->arg[1], r->arg[2], r->arg[3]);
}

/* models kernel/exit.c:SYSCALL_DEFINE4(wait4) */
static long __x64_sys_wait4(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_wait4(m, (pid_t)r->arg[0], r->arg[1], (int)r->arg[2], r->arg[3]);
}

/* models kernel/exit.c:SYSCALL_DEFINE5(waitid) */
static long __x64_sys_waitid(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_waitid(m, (int)r->arg[0], (pid_t)r->arg[1], r->arg[2], (int)r->arg[3],
			     r->arg[4]);
}

/* models kernel/fork.c:SYSCALL_DEFINE1(unshare) */
static long __x64_sys_unshare(struct nc_machine *m, const struct syscall_regs *r)
{
	return ksys_unshare(m, r->arg[0]);
}

/* models block/ioprio.c:SYSCALL_DEFINE3(ioprio_set) */
static long __x64_sys_ioprio_set(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_ioprio_set(m, (int)r->arg[0], (int)r->arg[1], (int)r->arg[2]);
}

/* models block/ioprio.c:SYSCALL_DEFINE2(ioprio_get) */
static long __x64_sys_ioprio_get(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_ioprio_get(m, (int)r->arg[0], (int)r->arg[1]);
}

static const struct nc_syscall sys_call_table[] = {
	{ "clone",          decode_clone,         __x64_sys_clone,         SYSCALL_NEW_TASK },
	{ "clone3",         decode_clone3,        __x64_sys_clone3,        SYSCALL_NEW_TASK },
	{ "execve",         decode_execve,        __x64_sys_execve,        SYSCALL_IF_SUCCEEDED },
	{ "execveat",       decode_execveat,      __x64_sys_execveat,      SYSCALL_IF_SUCCEEDED },
	{ "exit",           decode_numbers,       __x64_sys_exit,          SYSCALL_NORETURN },
	{ "exit_group",     decode_numbers,       __x64_sys_exit_group,    SYSCALL_NORETURN },
	{ "fork",           decode_numbers,       __x64_sys_fork,          SYSCALL_NEW_TASK },
	{ "get_mempolicy",  decode_get_mempolicy, __x64_sys_get_mempolicy, 0 },
	{ "getpgid",        decode_pids,          __x64_sys_getpgid,
	  SYSCALL_RET_PID | SYSCALL_RET_GROUP },
	{ "getpgrp",        decode_numbers,       __x64_sys_getpgrp,
	  SYSCALL_RET_PID | SYSCALL_RET_GROUP },
	{ "getpid",         decode_numbers,       __x64_sys_getpid,        SYSCALL_RET_PID },
	{ "getppid",        decode_numbers,       __x64_sys_getppid,       SYSCALL_RET_PID },
	{ "getsid",         decode_pids,          __x64_sys_getsid,
	  SYSCALL_RET_PID | SYSCALL_RET_GROUP },
	{ "gettid",         decode_numbers,       __x64_sys_gettid,        SYSCALL_RET_PID },
	{ "ioprio_get",     decode_ioprio,        __x64_sys_ioprio_get,    0 },
	{ "ioprio_set",     decode_ioprio,        __x64_sys_ioprio_set,    0 },
	{ "madvise",        decode_madvise,       __x64_sys_madvise,       SYSCALL_USER_RANGE },
	{ "mbind",          decode_mbind,         __x64_sys_mbind,         SYSCALL_USER_RANGE },
	{ "mmap",           decode_mmap,          __x64_sys_mmap,          SYSCALL_MAPS },
	{ "mprotect",       decode_mprotect,      __x64_sys_mprotect,      SYSCALL_USER_RANGE },
	{ "munmap",         decode_munmap,        __x64_sys_munmap,        SYSCALL_UNMAPS },
	{ "rt_sigaction",   decode_rt_sigaction,  __x64_sys_rt_sigaction,  0 },
	{ "sched_getaffinity", decode_sched_getaffinity, __x64_sys_sched_getaffinity, 0 },
	{ "sched_setaffinity", decode_sched_setaffinity, __x64_sys_sched_setaffinity, 0 },
	{ "set_mempolicy",  decode_set_mempolicy, __x64_sys_set_mempolicy, 0 },
	{ "set_mempolicy_home_node", decode_numbers, __x64_sys_set_mempolicy_home_node,
	  SYSCALL_USER_RANGE },
	{ "setpgid",        decode_pids,          __x64_sys_setpgid,       0 },
	{ "setsid",         decode_numbers,       __x64_sys_setsid,        SYSCALL_RET_PID },
	{ "unshare",        decode_unshare,       __x64_sys_unshare,       0 },
	{ "vfork",          decode_numbers,       __x64_sys_vfork,         SYSCALL_NEW_TASK },
	{ "wait4",          decode_wait4,         __x64_sys_wait4,         SYSCALL_RET_PID | SYSCALL_WAIT },
	{ "waitid",         decode_waitid,        __x64_sys_waitid,        SYSCALL_WAIT },
};

const struct nc_syscall *nc_syscall_find(const char *name)
{
	for (size_t i = 0; i < sizeof(sys_call_table) / sizeof(sys_call_table[0]); i++)
		if (!strcmp(sys_call_table[i].name, name))
			return &sys_call_table[i];
	return NULL;
}
