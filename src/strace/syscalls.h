/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The one table of system calls replay can run: each row names the call,
 * the decoder that turns strace's argument text into register values, and
 * the model's kernel entry point. Adding a call is one row plus, if its
 * arguments are new, one decoder. Calls not in the table are counted by
 * replay as not modelled.
 */
#ifndef NC_STRACE_SYSCALLS_H
#define NC_STRACE_SYSCALLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <numaclone/numaclone.h>
#include "arch/machine.h"
#include "strace/args.h"

struct nc_replay;

/* The six argument registers of the x86_64 syscall ABI. */
struct syscall_regs {
	uint64_t arg[6];
};

/* Decodes a call's arguments into regs. Data behind a pointer (a node mask,
 * a clone_args struct) goes into the task's user memory through rp, and
 * its address into the register. 0, or -EINVAL with *err saying why. */
typedef int (*syscall_decode_fn)(struct nc_replay *rp, const struct strace_args *args,
				 struct syscall_regs *regs, struct nc_error *err);
/* Runs the call in current: the value, or -errno. */
typedef long (*syscall_entry_fn)(struct nc_machine *m, const struct syscall_regs *regs);
#define SYSCALL_NORETURN  0x1   /* never returns (strace prints "= ?") */
#define SYSCALL_RET_PID   0x2   /* returns a pid: compared through the pid map */
#define SYSCALL_NEW_TASK  0x4   /* creates a task whose pid it returns */
#define SYSCALL_USER_RANGE 0x8  /* acts on [arg0, arg0 + arg1) of the address space */
#define SYSCALL_RET_GROUP 0x10  /* with RET_PID: a process group or session id */
#define SYSCALL_WAIT      0x20  /* reaps a child (wait4, waitid) */
#define SYSCALL_MAPS      0x40  /* maps [result, result + arg1) (mmap) */
#define SYSCALL_UNMAPS    0x80  /* unmaps [arg0, arg0 + arg1) (munmap) */
#define SYSCALL_IF_SUCCEEDED 0x100 /* may fail for what the model cannot see (execve's
				   file): runs only where the log says it succeeded */
#define SYSCALL_NEW_FD    0x200 /* returns a new fd; with IF_SUCCEEDED, a logged
				   EMFILE runs too (only a full table gives it) */

/* An entry's answer where the model keeps nothing to answer with (fcntl's
 * F_GETFL): counted unchecked. Outside the errno range and NC_WAIT_SLEEPS. */
#define SYSCALL_UNANSWERED (-4097L)

/* After a call that agreed: whether what it wrote to user memory (pipe2's
 * fds) matches the log's args; if not, why says what the model wrote. */
typedef bool (*syscall_check_fn)(struct nc_machine *m, const struct strace_args *args,
				 const struct syscall_regs *regs, char *why, size_t len);

struct nc_syscall {
	const char *name;
	syscall_decode_fn decode;
	syscall_entry_fn entry;
	unsigned int flags;
	syscall_check_fn check;       /* or NULL */
};

/* The row for name, or NULL if the model does not have the call. */
const struct nc_syscall *nc_syscall_find(const char *name);

#endif
