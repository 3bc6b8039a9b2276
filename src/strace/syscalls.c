// SPDX-License-Identifier: GPL-2.0-only
/*
 * The syscall table replay runs, in the manner of arch/x86/entry's
 * sys_call_table: each entry point takes the register values and calls the
 * model's kernel function. Calls are added here as their models land.
 */
#include <errno.h>
#include <string.h>

#include "kernel/exit.h"
#include "kernel/sys.h"
#include "lib/error.h"
#include "strace/syscalls.h"

int decode_numbers(struct nc_replay *rp, const struct strace_args *args,
		   struct syscall_regs *regs, struct nc_error *err)
{
	(void)rp;
	if (args->n > 6)
		return nc_err(err, "%zu arguments, a system call has at most 6", args->n);
	for (size_t i = 0; i < args->n; i++)
		if (strace_parse_num(args->a[i].val, args->a[i].len, &regs->arg[i]))
			return nc_err(err, "argument %zu '%.*s' is not a number", i + 1,
				      (int)args->a[i].len, args->a[i].val);
	return 0;
}

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

static const struct nc_syscall sys_call_table[] = {
	{ "exit",       decode_numbers, __x64_sys_exit,       SYSCALL_NORETURN },
	{ "exit_group", decode_numbers, __x64_sys_exit_group, SYSCALL_NORETURN },
	{ "getpid",     decode_numbers, __x64_sys_getpid,     SYSCALL_RET_PID },
	{ "getppid",    decode_numbers, __x64_sys_getppid,    SYSCALL_RET_PID },
	{ "gettid",     decode_numbers, __x64_sys_gettid,     SYSCALL_RET_PID },
};

const struct nc_syscall *nc_syscall_find(const char *name)
{
	for (size_t i = 0; i < sizeof(sys_call_table) / sizeof(sys_call_table[0]); i++)
		if (!strcmp(sys_call_table[i].name, name))
			return &sys_call_table[i];
	return NULL;
}
