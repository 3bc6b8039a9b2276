/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Argument decoders of the modelled calls: strace's text for each argument
 * back into the register value the program passed. A value strace read
 * through a pointer ("[0x3]", "{flags=...}", "[N]") is placed in the task's
 * memory and its address passed; a bare address (strace could not read
 * it) or NULL is passed as it is, so EFAULT comes from the model.
 */
#ifndef NC_STRACE_DECODE_H
#define NC_STRACE_DECODE_H

#include "strace/syscalls.h"

/* Plain numbers (or none): exit_group(0), set_mempolicy_home_node(...). */
int decode_numbers(struct nc_replay *rp, const struct strace_args *args,
		   struct syscall_regs *regs, struct nc_error *err);
/* Numbers that are pids: each translated through the replay's pid map. */
int decode_pids(struct nc_replay *rp, const struct strace_args *args,
		struct syscall_regs *regs, struct nc_error *err);
/* clone(child_stack=, flags=, parent_tid=, child_tidptr=, tls=) */
int decode_clone(struct nc_replay *rp, const struct strace_args *args,
		 struct syscall_regs *regs, struct nc_error *err);
/* clone3({flags=..., set_tid=[...], ...}, size) or clone3(ADDR, size) */
int decode_clone3(struct nc_replay *rp, const struct strace_args *args,
		  struct syscall_regs *regs, struct nc_error *err);
/* unshare(CLONE_NEWNS|CLONE_NEWPID) */
int decode_unshare(struct nc_replay *rp, const struct strace_args *args,
		   struct syscall_regs *regs, struct nc_error *err);
/* ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))
 * and ioprio_get(IOPRIO_WHO_PGRP, 1234): process and group ids are pids */
int decode_ioprio(struct nc_replay *rp, const struct strace_args *args,
		  struct syscall_regs *regs, struct nc_error *err);
/* set_mempolicy(mode, nodemask, maxnode) */
int decode_set_mempolicy(struct nc_replay *rp, const struct strace_args *args,
			 struct syscall_regs *regs, struct nc_error *err);
/* get_mempolicy([mode], nodemask, maxnode, addr, flags): outputs get room */
int decode_get_mempolicy(struct nc_replay *rp, const struct strace_args *args,
			 struct syscall_regs *regs, struct nc_error *err);
/* mbind(addr, len, mode, nodemask, maxnode, flags) */
int decode_mbind(struct nc_replay *rp, const struct strace_args *args,
		 struct syscall_regs *regs, struct nc_error *err);

/* mmap(addr, len, prot, flags, fd, off): placed where the log says it landed */
int decode_mmap(struct nc_replay *rp, const struct strace_args *args,
		struct syscall_regs *regs, struct nc_error *err);
/* munmap(addr, len), mprotect(addr, len, prot), madvise(addr, len, advice) */
int decode_munmap(struct nc_replay *rp, const struct strace_args *args,
		  struct syscall_regs *regs, struct nc_error *err);
int decode_mprotect(struct nc_replay *rp, const struct strace_args *args,
		    struct syscall_regs *regs, struct nc_error *err);
int decode_madvise(struct nc_replay *rp, const struct strace_args *args,
		   struct syscall_regs *regs, struct nc_error *err);

/* wait4(pid, [status], options, rusage): status and rusage get room */
int decode_wait4(struct nc_replay *rp, const struct strace_args *args,
		 struct syscall_regs *regs, struct nc_error *err);
/* waitid(which, id, {siginfo}, options, rusage): siginfo and rusage get room */
int decode_waitid(struct nc_replay *rp, const struct strace_args *args,
		  struct syscall_regs *regs, struct nc_error *err);
/* rt_sigaction(SIGCHLD, {sa_handler=SIG_IGN, sa_mask=[CHLD], sa_flags=SA_RESTORER,
 * sa_restorer=0x7f...}, NULL, 8) */
int decode_rt_sigaction(struct nc_replay *rp, const struct strace_args *args,
			struct syscall_regs *regs, struct nc_error *err);
/* execve(filename, argv, envp) and execveat(dirfd, filename, argv, envp,
 * flags): the filename and each string of an argv or envp strace printed
 * ("[\"ls\", \"-l\"]") are placed with their NULs, then the NULL-ended
 * array of their addresses; an address (strace's "0x7ffd..." with its
 * count of vars in a comment) passes as it is */
int decode_execve(struct nc_replay *rp, const struct strace_args *args,
		  struct syscall_regs *regs, struct nc_error *err);
int decode_execveat(struct nc_replay *rp, const struct strace_args *args,
		    struct syscall_regs *regs, struct nc_error *err);

/* sched_setaffinity(0, 32, [0 1]) (strace 5.x: "[0, 1]"), the pid as recorded */
int decode_sched_setaffinity(struct nc_replay *rp, const struct strace_args *args,
			     struct syscall_regs *regs, struct nc_error *err);
/* sched_getaffinity(0, 128, [0 1]): the list is what the kernel wrote; an
 * address ("0x7ffd...", a failed call) passes as it is */
int decode_sched_getaffinity(struct nc_replay *rp, const struct strace_args *args,
			     struct syscall_regs *regs, struct nc_error *err);

/* close(fd): the fd, adopted if the log shows the call succeed on one the
 * model never saw made (the same for every fd argument below) */
int decode_fd(struct nc_replay *rp, const struct strace_args *args,
	      struct syscall_regs *regs, struct nc_error *err);
/* dup(fd); fds below the logged new one that the log never named are
 * taken as open (so for every call taking the lowest free fd) */
int decode_dup(struct nc_replay *rp, const struct strace_args *args,
	       struct syscall_regs *regs, struct nc_error *err);
/* dup2(oldfd, newfd), dup3(oldfd, newfd, O_CLOEXEC) */
int decode_dup2(struct nc_replay *rp, const struct strace_args *args,
		struct syscall_regs *regs, struct nc_error *err);
/* fcntl(fd, F_SETFD, FD_CLOEXEC), fcntl(fd, F_DUPFD, 10): the other
 * commands' arguments are left 0 */
int decode_fcntl(struct nc_replay *rp, const struct strace_args *args,
		 struct syscall_regs *regs, struct nc_error *err);
/* close_range(3, 4294967295, CLOSE_RANGE_CLOEXEC) */
int decode_close_range(struct nc_replay *rp, const struct strace_args *args,
		       struct syscall_regs *regs, struct nc_error *err);
/* pipe([3, 4]), pipe2([3, 4], O_CLOEXEC): room for the fds (an address, a
 * failed call's, passes as it is) */
int decode_pipe2(struct nc_replay *rp, const struct strace_args *args,
		 struct syscall_regs *regs, struct nc_error *err);
/* socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, [3, 4]) */
int decode_socketpair(struct nc_replay *rp, const struct strace_args *args,
		      struct syscall_regs *regs, struct nc_error *err);
/* A call making a fd out of what the model does not see (openat's path,
 * socket(), eventfd2() ...): each number as it is, each flag set as its
 * close-on-exec bit (O_CLOEXEC, SOCK_CLOEXEC, MFD_CLOEXEC ...), the rest
 * (paths, other names: what the lookup decides) 0 */
int decode_new_fd(struct nc_replay *rp, const struct strace_args *args,
		  struct syscall_regs *regs, struct nc_error *err);
/* signalfd4(-1, [INT], 8, SFD_CLOEXEC), or an existing signalfd to update
 * (adopted as above) */
int decode_signalfd(struct nc_replay *rp, const struct strace_args *args,
		    struct syscall_regs *regs, struct nc_error *err);
/* openat2(AT_FDCWD, "/", {flags=O_RDONLY|O_CLOEXEC, resolve=0}, 24):
 * the open_how placed with its close-on-exec flag */
int decode_openat2(struct nc_replay *rp, const struct strace_args *args,
		   struct syscall_regs *regs, struct nc_error *err);
/* pidfd_open(1234, PIDFD_NONBLOCK): the pid through the pid map */
int decode_pidfd_open(struct nc_replay *rp, const struct strace_args *args,
		      struct syscall_regs *regs, struct nc_error *err);
/* The check of pipe(), pipe2() and socketpair(): the two fds the model
 * wrote against the "[3, 4]" the log shows */
bool check_fd_pair(struct nc_machine *m, const struct strace_args *args,
		   const struct syscall_regs *regs, char *why, size_t len);

/* setpriority(which, who, niceval) and getpriority(which, who): who
 * through the pid map unless which is PRIO_USER */
int decode_setpriority(struct nc_replay *rp, const struct strace_args *args,
		       struct syscall_regs *regs, struct nc_error *err);
int decode_getpriority(struct nc_replay *rp, const struct strace_args *args,
		       struct syscall_regs *regs, struct nc_error *err);
/* sched_get_priority_max/min(policy): a policy name or number */
int decode_sched_policy(struct nc_replay *rp, const struct strace_args *args,
			struct syscall_regs *regs, struct nc_error *err);
/* sched_setscheduler(pid, policy, [prio]) */
int decode_sched_setscheduler(struct nc_replay *rp, const struct strace_args *args,
			      struct syscall_regs *regs, struct nc_error *err);
/* sched_setparam(pid, [prio]) and sched_getparam(pid, [prio]) */
int decode_sched_param(struct nc_replay *rp, const struct strace_args *args,
		       struct syscall_regs *regs, struct nc_error *err);
/* sched_setattr(pid, {size=..., ...}, flags): the struct placed as written */
int decode_sched_setattr(struct nc_replay *rp, const struct strace_args *args,
			 struct syscall_regs *regs, struct nc_error *err);
/* sched_getattr(pid, {...}, size, flags): room for what the kernel writes */
int decode_sched_getattr(struct nc_replay *rp, const struct strace_args *args,
			 struct syscall_regs *regs, struct nc_error *err);
/* sched_rr_get_interval(pid, {tv_sec=..., tv_nsec=...}) */
int decode_sched_rr_get_interval(struct nc_replay *rp, const struct strace_args *args,
				 struct syscall_regs *regs, struct nc_error *err);

/* prlimit64(0, RLIMIT_NOFILE, {rlim_cur=1024, rlim_max=4*1024}, NULL),
 * getrlimit(RLIMIT_STACK, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}),
 * setrlimit(...): a new limit placed, an old one given room; the first
 * successful read of each limit is adopted (nc_replay_adopt_rlimit()) */
int decode_prlimit64(struct nc_replay *rp, const struct strace_args *args,
		     struct syscall_regs *regs, struct nc_error *err);
int decode_getrlimit(struct nc_replay *rp, const struct strace_args *args,
		     struct syscall_regs *regs, struct nc_error *err);
int decode_setrlimit(struct nc_replay *rp, const struct strace_args *args,
		     struct syscall_regs *regs, struct nc_error *err);
/* the old limit the model wrote against the log's */
bool written_prlimit64(struct nc_machine *m, const struct strace_args *args,
		       const struct syscall_regs *regs, char *why, size_t len);
bool written_getrlimit(struct nc_machine *m, const struct strace_args *args,
		       const struct syscall_regs *regs, char *why, size_t len);

/* getuid(), geteuid(), getgid(), getegid(): no arguments; the first answer
 * of each is adopted (nc_replay_adopt_id()) */
int decode_id(struct nc_replay *rp, const struct strace_args *args,
	      struct syscall_regs *regs, struct nc_error *err);
/* getresuid([0], [0], [0]) and getresgid(): room for each id, the first
 * answers adopted; written_getres() compares the three written */
int decode_getres(struct nc_replay *rp, const struct strace_args *args,
		  struct syscall_regs *regs, struct nc_error *err);
bool written_getres(struct nc_machine *m, const struct strace_args *args,
		    const struct syscall_regs *regs, char *why, size_t len);

/* get_robust_list(pid, [head], [24]): room for both; the written head and
 * size compared */
int decode_get_robust_list(struct nc_replay *rp, const struct strace_args *args,
			   struct syscall_regs *regs, struct nc_error *err);
bool written_get_robust_list(struct nc_machine *m, const struct strace_args *args,
			     const struct syscall_regs *regs, char *why, size_t len);
/* rseq(addr, 0x20, 0|RSEQ_FLAG_UNREGISTER, sig) */
int decode_rseq(struct nc_replay *rp, const struct strace_args *args,
		struct syscall_regs *regs, struct nc_error *err);

#endif
