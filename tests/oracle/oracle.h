/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the oracle programs share: clone() and clone3() made by hand, whose
 * child touches no memory and calls exit(0) at once, so any flags are safe
 * to try (CLONE_VM without a stack, CLONE_SETTLS with any value), and the
 * reaping of what they made. Every call is a raw syscall, so strace sees
 * exactly the call the case names.
 */
#ifndef NC_ORACLE_H
#define NC_ORACLE_H

#include <stddef.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "uapi/linux/sched.h"

/* A raw syscall whose child (return value 0) leaves at once by exit(0). */
static inline long syscall_child_exits(long nr, unsigned long a0, unsigned long a1,
				       unsigned long a2, unsigned long a3, unsigned long a4)
{
	register unsigned long r10 __asm__("r10") = a3;
	register unsigned long r8 __asm__("r8") = a4;
	long ret;

	__asm__ volatile("syscall\n\t"
			 "test %%rax, %%rax\n\t"
			 "jnz 1f\n\t"
			 "mov $60, %%eax\n\t"
			 "xor %%edi, %%edi\n\t"
			 "syscall\n"
			 "1:"
			 : "=a"(ret)
			 : "0"(nr), "D"(a0), "S"(a1), "d"(a2), "r"(r10), "r"(r8)
			 : "rcx", "r11", "memory");
	return ret;
}

/* x86_64 clone(flags, stack, parent_tid, child_tid, tls) */
static inline long raw_clone(unsigned long flags, void *stack, int *ptid, int *ctid,
			     unsigned long tls)
{
	return syscall_child_exits(SYS_clone, flags, (unsigned long)stack,
				   (unsigned long)ptid, (unsigned long)ctid, tls);
}

static inline long raw_clone3(const void *args, size_t size)
{
	return syscall_child_exits(SYS_clone3, (unsigned long)args, size, 0, 0, 0);
}

/* Reaps a child the caller made (not a thread, not a CLONE_PARENT sibling). */
static inline void reap(long pid, unsigned long flags)
{
	if (pid > 0 && !(flags & (CLONE_THREAD | CLONE_PARENT)))
		syscall(SYS_wait4, pid, NULL, __WALL, NULL);
}

#endif
