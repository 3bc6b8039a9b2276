/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The clone flags and struct clone_args of Linux v6.12's UAPI
 * (include/uapi/linux/sched.h), the model's own copy: the host's
 * <linux/sched.h> may be older. Values are spelled exactly as the kernel
 * and glibc spell them, so this header may be combined with <sched.h>.
 * The scheduling policies and sched_setattr()'s flags follow; struct
 * sched_attr is in uapi/linux/sched/types.h.
 */
#ifndef NC_UAPI_LINUX_SCHED_H
#define NC_UAPI_LINUX_SCHED_H

#include "uapi/linux/types.h"

#define CSIGNAL			0x000000ff	/* exit signal, the low byte of clone()'s flags */
#define CLONE_VM		0x00000100
#define CLONE_FS		0x00000200
#define CLONE_FILES		0x00000400
#define CLONE_SIGHAND		0x00000800
#define CLONE_PIDFD		0x00001000
#define CLONE_PTRACE		0x00002000
#define CLONE_VFORK		0x00004000
#define CLONE_PARENT		0x00008000
#define CLONE_THREAD		0x00010000
#define CLONE_NEWNS		0x00020000
#define CLONE_SYSVSEM		0x00040000
#define CLONE_SETTLS		0x00080000
#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_CLEARTID	0x00200000
#define CLONE_DETACHED		0x00400000	/* ignored by clone(), rejected by clone3() */
#define CLONE_UNTRACED		0x00800000
#define CLONE_CHILD_SETTID	0x01000000
#define CLONE_NEWCGROUP		0x02000000
#define CLONE_NEWUTS		0x04000000
#define CLONE_NEWIPC		0x08000000
#define CLONE_NEWUSER		0x10000000
#define CLONE_NEWPID		0x20000000
#define CLONE_NEWNET		0x40000000
#define CLONE_IO		0x80000000

/* clone3() only: beyond the 32 bits clone() can pass */
#define CLONE_CLEAR_SIGHAND	0x100000000ULL
#define CLONE_INTO_CGROUP	0x200000000ULL

/* Shares its bit with CSIGNAL, hence clone3() and unshare() only. */
#define CLONE_NEWTIME		0x00000080

/* clone3()'s argument, versioned by its size: later fields are appended. */
struct clone_args {
	__aligned_u64 flags;
	__aligned_u64 pidfd;		/* CLONE_PIDFD: where the pidfd goes */
	__aligned_u64 child_tid;	/* CLONE_CHILD_SETTID/CLEARTID */
	__aligned_u64 parent_tid;	/* CLONE_PARENT_SETTID */
	__aligned_u64 exit_signal;
	__aligned_u64 stack;		/* lowest address of the child's stack */
	__aligned_u64 stack_size;
	__aligned_u64 tls;		/* CLONE_SETTLS */
	__aligned_u64 set_tid;		/* VER1: pid_t array, innermost namespace first */
	__aligned_u64 set_tid_size;	/* VER1 */
	__aligned_u64 cgroup;		/* VER2: CLONE_INTO_CGROUP's cgroup fd */
};

#define CLONE_ARGS_SIZE_VER0	64	/* flags .. tls */
#define CLONE_ARGS_SIZE_VER1	80	/* + set_tid, set_tid_size */
#define CLONE_ARGS_SIZE_VER2	88	/* + cgroup */

/* scheduling policies */
#define SCHED_NORMAL		0
#define SCHED_FIFO		1
#define SCHED_RR		2
#define SCHED_BATCH		3
#define SCHED_IDLE		5
#define SCHED_DEADLINE		6
#define SCHED_EXT		7

/* ORed into sched_setscheduler()'s policy: back to SCHED_NORMAL on fork */
#define SCHED_RESET_ON_FORK	0x40000000

/* sched_attr.sched_flags */
#define SCHED_FLAG_RESET_ON_FORK	0x01
#define SCHED_FLAG_RECLAIM		0x02
#define SCHED_FLAG_DL_OVERRUN		0x04
#define SCHED_FLAG_KEEP_POLICY		0x08
#define SCHED_FLAG_KEEP_PARAMS		0x10
#define SCHED_FLAG_UTIL_CLAMP_MIN	0x20
#define SCHED_FLAG_UTIL_CLAMP_MAX	0x40
#define SCHED_FLAG_KEEP_ALL	(SCHED_FLAG_KEEP_POLICY | SCHED_FLAG_KEEP_PARAMS)
#define SCHED_FLAG_UTIL_CLAMP	(SCHED_FLAG_UTIL_CLAMP_MIN | SCHED_FLAG_UTIL_CLAMP_MAX)
#define SCHED_FLAG_ALL		(SCHED_FLAG_RESET_ON_FORK | SCHED_FLAG_RECLAIM | \
				 SCHED_FLAG_DL_OVERRUN | SCHED_FLAG_KEEP_ALL | \
				 SCHED_FLAG_UTIL_CLAMP)

#endif
