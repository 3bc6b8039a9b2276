/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * wait4()/waitid() options and id types of Linux v6.12
 * (include/uapi/linux/wait.h), the model's own copy. glibc's <sys/wait.h>
 * defines the same values, so each is defined only if still missing.
 */
#ifndef NC_UAPI_LINUX_WAIT_H
#define NC_UAPI_LINUX_WAIT_H

#ifndef WNOHANG
#define WNOHANG		0x00000001
#endif
#ifndef WUNTRACED
#define WUNTRACED	0x00000002
#endif
#ifndef WSTOPPED
#define WSTOPPED	WUNTRACED
#endif
#ifndef WEXITED
#define WEXITED		0x00000004
#endif
#ifndef WCONTINUED
#define WCONTINUED	0x00000008
#endif
#ifndef WNOWAIT
#define WNOWAIT		0x01000000
#endif
#ifndef __WNOTHREAD
#define __WNOTHREAD	0x20000000
#endif
#ifndef __WALL
#define __WALL		0x40000000
#endif
#ifndef __WCLONE
#define __WCLONE	0x80000000
#endif

#define NC_P_ALL	0
#define NC_P_PID	1
#define NC_P_PGID	2
#define NC_P_PIDFD	3

#endif
