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
#include "fs/fcntl.h"
#include "fs/file.h"
#include "fs/open.h"
#include "fs/pidfs.h"
#include "fs/pipe.h"
#include "kernel/cred.h"
#include "kernel/exit.h"
#include "kernel/fork.h"
#include "kernel/futex/syscalls.h"
#include "kernel/rseq.h"
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

/* models kernel/sys.c:SYSCALL_DEFINE3(setpriority) */
static long __x64_sys_setpriority(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_setpriority(m, (int)r->arg[0], (int)r->arg[1], (int)r->arg[2]);
}

/* models kernel/sys.c:SYSCALL_DEFINE2(getpriority) */
static long __x64_sys_getpriority(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_getpriority(m, (int)r->arg[0], (int)r->arg[1]);
}

/* models kernel/sched/syscalls.c:SYSCALL_DEFINE3(sched_setscheduler) */
static long __x64_sys_sched_setscheduler(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_sched_setscheduler(m, (pid_t)r->arg[0], (int)r->arg[1], r->arg[2]);
}

/* models kernel/sched/syscalls.c:SYSCALL_DEFINE2(sched_setparam) */
static long __x64_sys_sched_setparam(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_sched_setparam(m, (pid_t)r->arg[0], r->arg[1]);
}

/* models kernel/sched/syscalls.c:SYSCALL_DEFINE3(sched_setattr) */
static long __x64_sys_sched_setattr(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_sched_setattr(m, (pid_t)r->arg[0], r->arg[1], (unsigned int)r->arg[2]);
}

/* models kernel/sched/syscalls.c:SYSCALL_DEFINE1(sched_getscheduler) */
static long __x64_sys_sched_getscheduler(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_sched_getscheduler(m, (pid_t)r->arg[0]);
}

/* models kernel/sched/syscalls.c:SYSCALL_DEFINE2(sched_getparam) */
static long __x64_sys_sched_getparam(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_sched_getparam(m, (pid_t)r->arg[0], r->arg[1]);
}

/* models kernel/sched/syscalls.c:SYSCALL_DEFINE4(sched_getattr) */
static long __x64_sys_sched_getattr(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_sched_getattr(m, (pid_t)r->arg[0], r->arg[1], (unsigned int)r->arg[2],
				    (unsigned int)r->arg[3]);
}

/* models kernel/sched/syscalls.c:SYSCALL_DEFINE1(sched_get_priority_max) */
static long __x64_sys_sched_get_priority_max(struct nc_machine *m, const struct syscall_regs *r)
{
	(void)m;
	return kernel_sched_get_priority_max((int)r->arg[0]);
}

/* models kernel/sched/syscalls.c:SYSCALL_DEFINE1(sched_get_priority_min) */
static long __x64_sys_sched_get_priority_min(struct nc_machine *m, const struct syscall_regs *r)
{
	(void)m;
	return kernel_sched_get_priority_min((int)r->arg[0]);
}

/* models kernel/sched/syscalls.c:SYSCALL_DEFINE2(sched_rr_get_interval) */
static long __x64_sys_sched_rr_get_interval(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_sched_rr_get_interval(m, (pid_t)r->arg[0], r->arg[1]);
}

/* models fs/open.c:SYSCALL_DEFINE3(open) */
static long __x64_sys_open(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_openat(m, -100, r->arg[0], (int)r->arg[1], (unsigned int)r->arg[2]);
}

/* models fs/open.c:SYSCALL_DEFINE4(openat) */
static long __x64_sys_openat(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_openat(m, (int)r->arg[0], r->arg[1], (int)r->arg[2], (unsigned int)r->arg[3]);
}

/* models fs/open.c:SYSCALL_DEFINE4(openat2) */
static long __x64_sys_openat2(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_openat2(m, (int)r->arg[0], r->arg[1], r->arg[2], r->arg[3]);
}

/* models fs/open.c:SYSCALL_DEFINE2(creat) */
static long __x64_sys_creat(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_creat(m, r->arg[0], (unsigned int)r->arg[1]);
}

/* models fs/open.c:SYSCALL_DEFINE1(close) */
static long __x64_sys_close(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_close(m, (unsigned int)r->arg[0]);
}

/* models fs/file.c:SYSCALL_DEFINE3(close_range) */
static long __x64_sys_close_range(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_close_range(m, (unsigned int)r->arg[0], (unsigned int)r->arg[1],
				  (unsigned int)r->arg[2]);
}

/* models fs/file.c:SYSCALL_DEFINE1(dup) */
static long __x64_sys_dup(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_dup(m, (unsigned int)r->arg[0]);
}

/* models fs/file.c:SYSCALL_DEFINE2(dup2) */
static long __x64_sys_dup2(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_dup2(m, (unsigned int)r->arg[0], (unsigned int)r->arg[1]);
}

/* models fs/file.c:SYSCALL_DEFINE3(dup3) */
static long __x64_sys_dup3(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_dup3(m, (unsigned int)r->arg[0], (unsigned int)r->arg[1], (int)r->arg[2]);
}

/* models fs/fcntl.c:SYSCALL_DEFINE3(fcntl) */
static long __x64_sys_fcntl(struct nc_machine *m, const struct syscall_regs *r)
{
	long ret = kernel_fcntl(m, (unsigned int)r->arg[0], (unsigned int)r->arg[1], r->arg[2]);

	return ret == NC_FCNTL_UNANSWERED ? SYSCALL_UNANSWERED : ret;
}

/* models fs/pipe.c:SYSCALL_DEFINE1(pipe) */
static long __x64_sys_pipe(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_pipe2(m, r->arg[0], 0);
}

/* models fs/pipe.c:SYSCALL_DEFINE2(pipe2) */
static long __x64_sys_pipe2(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_pipe2(m, r->arg[0], (int)r->arg[1]);
}

/* models kernel/pid.c:SYSCALL_DEFINE2(pidfd_open) */
static long __x64_sys_pidfd_open(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_pidfd_open(m, (pid_t)r->arg[0], (unsigned int)r->arg[1]);
}

/* models net/socket.c:__sys_socketpair(): both fds, then the sockets */
static long __x64_sys_socketpair(struct nc_machine *m, const struct syscall_regs *r)
{
	return nc_fd_pair(m, r->arg[3], (r->arg[1] & NC_O_CLOEXEC) ? NC_O_CLOEXEC : 0);
}

/* models fs/signalfd.c:do_signalfd4(): -1 makes a fd, else the fd given
 * is updated and returned */
static long __x64_sys_signalfd4(struct nc_machine *m, const struct syscall_regs *r)
{
	int ufd = (int)r->arg[0];

	if (ufd != -1)
		return nc_fd_file(m, (unsigned int)ufd) ? ufd : -EBADF;
	return nc_fd_new(m, (r->arg[3] & NC_O_CLOEXEC) ? NC_O_CLOEXEC : 0);
}

/* models fs/signalfd.c:SYSCALL_DEFINE3(signalfd) */
static long __x64_sys_signalfd(struct nc_machine *m, const struct syscall_regs *r)
{
	struct syscall_regs r4 = { { r->arg[0], r->arg[1], r->arg[2], 0 } };

	return __x64_sys_signalfd4(m, &r4);
}

/*
 * Calls making a fd from an object the model does not keep (a socket, an
 * eventfd, an opened mount ...): the fd as get_unused_fd_flags() and
 * fd_install() give it, close-on-exec where the call's flags say so
 * (each family spells the bit its own way) or always.
 */
#define NEW_FD_CALL(call, cloexec)                                                    \
	static long __x64_sys_##call(struct nc_machine *m, const struct syscall_regs *r) \
	{                                                                              \
		(void)r;                                                               \
		return nc_fd_new(m, (cloexec) ? NC_O_CLOEXEC : 0);                      \
	}
#define MFD_CLOEXEC 1                      /* and FAN_, FSOPEN_, FSMOUNT_, FSPICK_CLOEXEC */
#define PERF_FLAG_FD_CLOEXEC 8

/* models net/socket.c:__sys_socket() */
NEW_FD_CALL(socket, r->arg[1] & NC_O_CLOEXEC)
/* models net/socket.c:__sys_accept4() (accept(): no flags) */
NEW_FD_CALL(accept, false)
NEW_FD_CALL(accept4, r->arg[3] & NC_O_CLOEXEC)
/* models fs/eventfd.c:do_eventfd() */
NEW_FD_CALL(eventfd, false)
NEW_FD_CALL(eventfd2, r->arg[1] & NC_O_CLOEXEC)
/* models fs/eventpoll.c:do_epoll_create() */
NEW_FD_CALL(epoll_create, false)
NEW_FD_CALL(epoll_create1, r->arg[0] & NC_O_CLOEXEC)
/* models mm/memfd.c:SYSCALL_DEFINE2(memfd_create) */
NEW_FD_CALL(memfd_create, r->arg[1] & MFD_CLOEXEC)
/* models mm/secretmem.c:SYSCALL_DEFINE1(memfd_secret) */
NEW_FD_CALL(memfd_secret, r->arg[0] & NC_O_CLOEXEC)
/* models fs/timerfd.c:SYSCALL_DEFINE2(timerfd_create) */
NEW_FD_CALL(timerfd_create, r->arg[1] & NC_O_CLOEXEC)
/* models fs/notify/inotify/inotify_user.c:do_inotify_init() */
NEW_FD_CALL(inotify_init, false)
NEW_FD_CALL(inotify_init1, r->arg[0] & NC_O_CLOEXEC)
/* models fs/notify/fanotify/fanotify_user.c:SYSCALL_DEFINE2(fanotify_init) */
NEW_FD_CALL(fanotify_init, r->arg[0] & MFD_CLOEXEC)
/* models fs/userfaultfd.c:new_userfaultfd() */
NEW_FD_CALL(userfaultfd, r->arg[0] & NC_O_CLOEXEC)
/* models kernel/events/core.c:SYSCALL_DEFINE5(perf_event_open) */
NEW_FD_CALL(perf_event_open, r->arg[4] & PERF_FLAG_FD_CLOEXEC)
/* models io_uring/io_uring.c:io_uring_install_fd(): always close-on-exec */
NEW_FD_CALL(io_uring_setup, true)
/* models kernel/pid.c:pidfd_getfd(): always close-on-exec */
NEW_FD_CALL(pidfd_getfd, true)
/* models ipc/mqueue.c:do_mq_open(): always close-on-exec */
NEW_FD_CALL(mq_open, true)
/* models fs/fhandle.c:do_handle_open() */
NEW_FD_CALL(open_by_handle_at, r->arg[2] & NC_O_CLOEXEC)
/* models fs/namespace.c:SYSCALL_DEFINE3(open_tree) and fsmount(), fs/fsopen.c's fsopen(), fspick() */
NEW_FD_CALL(open_tree, r->arg[2] & NC_O_CLOEXEC)
NEW_FD_CALL(fsmount, r->arg[1] & MFD_CLOEXEC)
NEW_FD_CALL(fsopen, r->arg[1] & MFD_CLOEXEC)
NEW_FD_CALL(fspick, r->arg[2] & MFD_CLOEXEC)

/* models kernel/sys.c:SYSCALL_DEFINE4(prlimit64) */
static long __x64_sys_prlimit64(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_prlimit64(m, (pid_t)r->arg[0], (unsigned int)r->arg[1], r->arg[2], r->arg[3]);
}

/* models kernel/sys.c:SYSCALL_DEFINE2(getrlimit) */
static long __x64_sys_getrlimit(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_getrlimit(m, (unsigned int)r->arg[0], r->arg[1]);
}

/* models kernel/sys.c:SYSCALL_DEFINE2(setrlimit) */
static long __x64_sys_setrlimit(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_setrlimit(m, (unsigned int)r->arg[0], r->arg[1]);
}

/* In a new user namespace the ids depend on its uid_map and gid_map,
 * written through /proc files the model does not see: no answer there. */
static long id_answer(const struct nc_machine *m, long id)
{
	return nc_in_init_user_ns(m) ? id : SYSCALL_UNANSWERED;
}

/* models kernel/sys.c:SYSCALL_DEFINE0(getuid) */
static long __x64_sys_getuid(struct nc_machine *m, const struct syscall_regs *r)
{
	(void)r;
	return id_answer(m, kernel_getuid(m));
}

/* models kernel/sys.c:SYSCALL_DEFINE0(geteuid) */
static long __x64_sys_geteuid(struct nc_machine *m, const struct syscall_regs *r)
{
	(void)r;
	return id_answer(m, kernel_geteuid(m));
}

/* models kernel/sys.c:SYSCALL_DEFINE0(getgid) */
static long __x64_sys_getgid(struct nc_machine *m, const struct syscall_regs *r)
{
	(void)r;
	return id_answer(m, kernel_getgid(m));
}

/* models kernel/sys.c:SYSCALL_DEFINE0(getegid) */
static long __x64_sys_getegid(struct nc_machine *m, const struct syscall_regs *r)
{
	(void)r;
	return id_answer(m, kernel_getegid(m));
}

/* models kernel/sys.c:SYSCALL_DEFINE3(getresuid) */
static long __x64_sys_getresuid(struct nc_machine *m, const struct syscall_regs *r)
{
	return nc_in_init_user_ns(m) ? kernel_getresuid(m, r->arg[0], r->arg[1], r->arg[2])
				      : SYSCALL_UNANSWERED;
}

/* models kernel/sys.c:SYSCALL_DEFINE3(getresgid) */
static long __x64_sys_getresgid(struct nc_machine *m, const struct syscall_regs *r)
{
	return nc_in_init_user_ns(m) ? kernel_getresgid(m, r->arg[0], r->arg[1], r->arg[2])
				      : SYSCALL_UNANSWERED;
}

/* models kernel/fork.c:SYSCALL_DEFINE1(set_tid_address) */
static long __x64_sys_set_tid_address(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_set_tid_address(m, r->arg[0]);
}

/* models kernel/futex/syscalls.c:SYSCALL_DEFINE2(set_robust_list) */
static long __x64_sys_set_robust_list(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_set_robust_list(m, r->arg[0], r->arg[1]);
}

/* models kernel/futex/syscalls.c:SYSCALL_DEFINE3(get_robust_list) */
static long __x64_sys_get_robust_list(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_get_robust_list(m, (pid_t)r->arg[0], r->arg[1], r->arg[2]);
}

/* models kernel/rseq.c:SYSCALL_DEFINE4(rseq) */
static long __x64_sys_rseq(struct nc_machine *m, const struct syscall_regs *r)
{
	return kernel_rseq(m, r->arg[0], (uint32_t)r->arg[1], (int)r->arg[2], (uint32_t)r->arg[3]);
}

/* runs where the log's call succeeded, or ran out of fds */
#define NEW_FD (SYSCALL_IF_SUCCEEDED | SYSCALL_NEW_FD)

static const struct nc_syscall sys_call_table[] = {
	{ "accept",         decode_new_fd,        __x64_sys_accept,        NEW_FD },
	{ "accept4",        decode_new_fd,        __x64_sys_accept4,       NEW_FD },
	{ "clone",          decode_clone,         __x64_sys_clone,         SYSCALL_NEW_TASK },
	{ "clone3",         decode_clone3,        __x64_sys_clone3,        SYSCALL_NEW_TASK },
	{ "close",          decode_fd,            __x64_sys_close,         0 },
	{ "close_range",    decode_close_range,   __x64_sys_close_range,   0 },
	{ "creat",          decode_new_fd,        __x64_sys_creat,         NEW_FD },
	{ "dup",            decode_dup,           __x64_sys_dup,           0 },
	{ "dup2",           decode_dup2,          __x64_sys_dup2,          0 },
	{ "dup3",           decode_dup2,          __x64_sys_dup3,          0 },
	{ "epoll_create",   decode_new_fd,        __x64_sys_epoll_create,  NEW_FD },
	{ "epoll_create1",  decode_new_fd,        __x64_sys_epoll_create1, NEW_FD },
	{ "eventfd",        decode_new_fd,        __x64_sys_eventfd,       NEW_FD },
	{ "eventfd2",       decode_new_fd,        __x64_sys_eventfd2,      NEW_FD },
	{ "execve",         decode_execve,        __x64_sys_execve,        SYSCALL_IF_SUCCEEDED },
	{ "execveat",       decode_execveat,      __x64_sys_execveat,      SYSCALL_IF_SUCCEEDED },
	{ "exit",           decode_numbers,       __x64_sys_exit,          SYSCALL_NORETURN },
	{ "exit_group",     decode_numbers,       __x64_sys_exit_group,    SYSCALL_NORETURN },
	{ "fanotify_init",  decode_new_fd,        __x64_sys_fanotify_init, NEW_FD },
	{ "fcntl",          decode_fcntl,         __x64_sys_fcntl,         0 },
	{ "fork",           decode_numbers,       __x64_sys_fork,          SYSCALL_NEW_TASK },
	{ "fsmount",        decode_new_fd,        __x64_sys_fsmount,       NEW_FD },
	{ "fsopen",         decode_new_fd,        __x64_sys_fsopen,        NEW_FD },
	{ "fspick",         decode_new_fd,        __x64_sys_fspick,        NEW_FD },
	{ "get_mempolicy",  decode_get_mempolicy, __x64_sys_get_mempolicy, 0 },
	{ "get_robust_list", decode_get_robust_list, __x64_sys_get_robust_list, 0,
	  written_get_robust_list },
	{ "getegid",        decode_id,            __x64_sys_getegid,       0 },
	{ "geteuid",        decode_id,            __x64_sys_geteuid,       0 },
	{ "getgid",         decode_id,            __x64_sys_getgid,        0 },
	{ "getpgid",        decode_pids,          __x64_sys_getpgid,
	  SYSCALL_RET_PID | SYSCALL_RET_GROUP },
	{ "getpgrp",        decode_numbers,       __x64_sys_getpgrp,
	  SYSCALL_RET_PID | SYSCALL_RET_GROUP },
	{ "getpid",         decode_numbers,       __x64_sys_getpid,        SYSCALL_RET_PID },
	{ "getppid",        decode_numbers,       __x64_sys_getppid,       SYSCALL_RET_PID },
	{ "getpriority",    decode_getpriority,   __x64_sys_getpriority,   0 },
	{ "getresgid",      decode_getres,        __x64_sys_getresgid,     0, written_getres },
	{ "getresuid",      decode_getres,        __x64_sys_getresuid,     0, written_getres },
	{ "getrlimit",      decode_getrlimit,     __x64_sys_getrlimit,     0, written_getrlimit },
	{ "getsid",         decode_pids,          __x64_sys_getsid,
	  SYSCALL_RET_PID | SYSCALL_RET_GROUP },
	{ "gettid",         decode_numbers,       __x64_sys_gettid,        SYSCALL_RET_PID },
	{ "getuid",         decode_id,            __x64_sys_getuid,        0 },
	{ "inotify_init",   decode_new_fd,        __x64_sys_inotify_init,  NEW_FD },
	{ "inotify_init1",  decode_new_fd,        __x64_sys_inotify_init1, NEW_FD },
	{ "io_uring_setup", decode_new_fd,        __x64_sys_io_uring_setup, NEW_FD },
	{ "ioprio_get",     decode_ioprio,        __x64_sys_ioprio_get,    0 },
	{ "ioprio_set",     decode_ioprio,        __x64_sys_ioprio_set,    0 },
	{ "madvise",        decode_madvise,       __x64_sys_madvise,       SYSCALL_USER_RANGE },
	{ "mbind",          decode_mbind,         __x64_sys_mbind,         SYSCALL_USER_RANGE },
	{ "memfd_create",   decode_new_fd,        __x64_sys_memfd_create,  NEW_FD },
	{ "memfd_secret",   decode_new_fd,        __x64_sys_memfd_secret,  NEW_FD },
	{ "mmap",           decode_mmap,          __x64_sys_mmap,          SYSCALL_MAPS },
	{ "mprotect",       decode_mprotect,      __x64_sys_mprotect,      SYSCALL_USER_RANGE },
	{ "mq_open",        decode_new_fd,        __x64_sys_mq_open,       NEW_FD },
	{ "munmap",         decode_munmap,        __x64_sys_munmap,        SYSCALL_UNMAPS },
	{ "open",           decode_new_fd,        __x64_sys_open,          NEW_FD },
	{ "open_by_handle_at", decode_new_fd,      __x64_sys_open_by_handle_at, NEW_FD },
	{ "open_tree",      decode_new_fd,        __x64_sys_open_tree,     NEW_FD },
	{ "openat",         decode_new_fd,        __x64_sys_openat,        NEW_FD },
	{ "openat2",        decode_openat2,       __x64_sys_openat2,       NEW_FD },
	{ "perf_event_open", decode_new_fd,       __x64_sys_perf_event_open, NEW_FD },
	{ "pidfd_getfd",    decode_new_fd,        __x64_sys_pidfd_getfd,   NEW_FD },
	{ "pidfd_open",     decode_pidfd_open,    __x64_sys_pidfd_open,    0 },
	{ "pipe",           decode_pipe2,         __x64_sys_pipe,          0, check_fd_pair },
	{ "pipe2",          decode_pipe2,         __x64_sys_pipe2,         0, check_fd_pair },
	{ "prlimit64",      decode_prlimit64,     __x64_sys_prlimit64,     0, written_prlimit64 },
	{ "rseq",           decode_rseq,          __x64_sys_rseq,          0 },
	{ "rt_sigaction",   decode_rt_sigaction,  __x64_sys_rt_sigaction,  0 },
	{ "sched_get_priority_max", decode_sched_policy, __x64_sys_sched_get_priority_max, 0 },
	{ "sched_get_priority_min", decode_sched_policy, __x64_sys_sched_get_priority_min, 0 },
	{ "sched_getaffinity", decode_sched_getaffinity, __x64_sys_sched_getaffinity, 0 },
	{ "sched_getattr",  decode_sched_getattr, __x64_sys_sched_getattr, 0 },
	{ "sched_getparam", decode_sched_param,   __x64_sys_sched_getparam, 0 },
	{ "sched_getscheduler", decode_pids,      __x64_sys_sched_getscheduler, 0 },
	{ "sched_rr_get_interval", decode_sched_rr_get_interval, __x64_sys_sched_rr_get_interval, 0 },
	{ "sched_setaffinity", decode_sched_setaffinity, __x64_sys_sched_setaffinity, 0 },
	{ "sched_setattr",  decode_sched_setattr, __x64_sys_sched_setattr, 0 },
	{ "sched_setparam", decode_sched_param,   __x64_sys_sched_setparam, 0 },
	{ "sched_setscheduler", decode_sched_setscheduler, __x64_sys_sched_setscheduler, 0 },
	{ "set_mempolicy",  decode_set_mempolicy, __x64_sys_set_mempolicy, 0 },
	{ "set_mempolicy_home_node", decode_numbers, __x64_sys_set_mempolicy_home_node,
	  SYSCALL_USER_RANGE },
	{ "set_robust_list", decode_numbers,      __x64_sys_set_robust_list, 0 },
	{ "set_tid_address", decode_numbers,      __x64_sys_set_tid_address, SYSCALL_RET_PID },
	{ "setpgid",        decode_pids,          __x64_sys_setpgid,       0 },
	{ "setpriority",    decode_setpriority,   __x64_sys_setpriority,   0 },
	{ "setrlimit",      decode_setrlimit,     __x64_sys_setrlimit,     0 },
	{ "setsid",         decode_numbers,       __x64_sys_setsid,        SYSCALL_RET_PID },
	{ "signalfd",       decode_signalfd,      __x64_sys_signalfd,      NEW_FD },
	{ "signalfd4",      decode_signalfd,      __x64_sys_signalfd4,     NEW_FD },
	{ "socket",         decode_new_fd,        __x64_sys_socket,        NEW_FD },
	{ "socketpair",     decode_socketpair,    __x64_sys_socketpair,    NEW_FD, check_fd_pair },
	{ "timerfd_create", decode_new_fd,        __x64_sys_timerfd_create, NEW_FD },
	{ "unshare",        decode_unshare,       __x64_sys_unshare,       0 },
	{ "userfaultfd",    decode_new_fd,        __x64_sys_userfaultfd,   NEW_FD },
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
