// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models fs/exec.c as far as where a task runs and what it is: getname()'s
 * checks, the argument and environment strings counted and measured
 * against the stack limit, sched_exec(), de_thread() (the other threads
 * killed, a non-leader taking over the leader's pid), exec_mmap() with
 * mm_release() (a vfork parent wakes), private descriptor and handler
 * tables, close-on-exec descriptors closed, handlers reset, and the comm.
 * Left out: the filesystem (every well-formed path is an executable), ELF
 * loading, credentials.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fs/exec.h"
#include "kernel/exit.h"
#include "kernel/fork.h"
#include "kernel/futex/syscalls.h"
#include "kernel/nsproxy.h"
#include "kernel/pid.h"
#include "kernel/rseq.h"
#include "kernel/sched/core.h"
#include "kernel/signal.h"
#include "lib/err.h"
#include "mm/mmap.h"
#include "mm/slub.h"
#include "mm/uaccess.h"
#include "trace/events.h"
#include "uapi/linux/signal.h"

/* The longest filename the model builds: "/dev/fd/N/" and a path. */
#define BPRM_FILENAME_MAX (NC_PATH_MAX + 24)

/* models fs/exec.c:struct user_arg_ptr: an argv or envp array, in user
 * memory (execve) or kernel memory (kernel_execve) */
struct user_arg_ptr {
	unsigned long user;                /* 0: NULL */
	const char *const *kernel;         /* used if set */
};

/* models include/linux/binfmts.h:struct linux_binprm, what the model uses */
struct linux_binprm {
	char filename[BPRM_FILENAME_MAX];  /* the name the comm comes from */
	struct mm_struct *mm;              /* the new program's address space */
	int argc, envc;
	unsigned long room;                /* string bytes left: bprm->p - bprm->argmin */
	unsigned long rlim_stack;
};

/* models fs/namei.c:getname_flags() for a user pathname: -EFAULT,
 * -ENAMETOOLONG, or -ENOENT for "" unless empty paths are allowed */
static int getname(struct nc_machine *m, unsigned long filename, bool empty_ok,
		   char name[NC_PATH_MAX])
{
	long len = strncpy_from_user(m, name, filename, NC_PATH_MAX);

	if (len < 0)
		return (int)len;
	if (len == NC_PATH_MAX)
		return -ENAMETOOLONG;
	if (!len && !empty_ok)
		return -ENOENT;
	return 0;
}

/* models fs/exec.c:alloc_bprm() after do_open_execat() (which the model
 * takes to succeed): the name as execve() saw it, "/dev/fd/N" for a
 * descriptor, "/dev/fd/N/NAME" for a name relative to one */
static void bprm_set_filename(struct linux_binprm *bprm, int fd, const char *name)
{
	if (name[0] == '/' || fd == NC_AT_FDCWD)
		snprintf(bprm->filename, sizeof(bprm->filename), "%s", name);
	else if (!name[0])
		snprintf(bprm->filename, sizeof(bprm->filename), "/dev/fd/%d", fd);
	else
		snprintf(bprm->filename, sizeof(bprm->filename), "/dev/fd/%d/%s", fd, name);
}

/* models fs/exec.c:bprm_mm_init(): the new, empty address space (the
 * temporary stack VMA is left out: the stack is the process's own memory,
 * see mm/uaccess.c), and the stack rlimit the strings are measured by */
static int bprm_mm_init(struct nc_machine *m, struct linux_binprm *bprm)
{
	bprm->mm = mm_alloc(m);
	if (!bprm->mm)
		return -ENOMEM;
	bprm->rlim_stack = task_rlimit(nc_current(m), RLIMIT_STACK);
	return 0;
}

/* models fs/exec.c:get_user_arg_ptr(): string nr's address, or -EFAULT */
static int get_user_arg_ptr(struct nc_machine *m, struct user_arg_ptr argv, int nr,
			    unsigned long *str)
{
	uint64_t p;

	if (copy_from_user(m, &p, argv.user + (unsigned long)nr * sizeof(p), sizeof(p)))
		return -EFAULT;
	*str = p;
	return 0;
}

/*
 * models fs/exec.c:count() and count_strings_kernel(): the strings before
 * the NULL, -EFAULT or -E2BIG. Past what the largest stack limit can hold
 * the model stops with -E2BIG, which bprm_stack_limits() would give, where
 * the kernel reads on (an -EFAULT further on is then not seen).
 */
static int count(struct nc_machine *m, struct user_arg_ptr argv)
{
	const int most = (int)(_STK_LIM / 4 * 3 / sizeof(void *));
	int i = 0;

	for (;; i++) {
		unsigned long p;

		if (argv.kernel) {
			p = argv.kernel[i] != NULL;
		} else if (!argv.user) {
			break;
		} else if (get_user_arg_ptr(m, argv, i, &p)) {
			return -EFAULT;
		}
		if (!p)
			break;
		if (i >= most)
			return -E2BIG;
	}
	return i;
}

/* models fs/exec.c:bprm_stack_limits(): the room for the strings, a quarter
 * of the stack rlimit (at most 3/4 of _STK_LIM, at least ARG_MAX), less the
 * argv and envp pointers (argv at least one: see do_execveat_common()) */
static int bprm_stack_limits(struct linux_binprm *bprm)
{
	unsigned long limit = _STK_LIM / 4 * 3, ptr_size;

	if (bprm->rlim_stack / 4 < limit)
		limit = bprm->rlim_stack / 4;
	if (limit < ARG_MAX)
		limit = ARG_MAX;
	ptr_size = ((unsigned long)(bprm->argc ? bprm->argc : 1) + (unsigned long)bprm->envc) *
		   sizeof(void *);
	if (limit <= ptr_size)
		return -E2BIG;
	bprm->room = limit - ptr_size;
	return 0;
}

/* A string of len bytes (its NUL counted) goes on the new stack. */
static int take_room(struct linux_binprm *bprm, unsigned long len)
{
	if (len > MAX_ARG_STRLEN || len > bprm->room)
		return -E2BIG;
	bprm->room -= len;
	return 0;
}

/* models fs/exec.c:copy_strings() and copy_strings_kernel(), last string
 * first, as far as they can fail: a bad pointer or a string too long for
 * the room left */
static int copy_strings(struct nc_machine *m, int argc, struct user_arg_ptr argv,
			struct linux_binprm *bprm)
{
	while (argc-- > 0) {
		unsigned long str;
		long len;
		int ret;

		if (argv.kernel) {
			len = (long)strnlen(argv.kernel[argc], MAX_ARG_STRLEN) + 1;
		} else {
			if (get_user_arg_ptr(m, argv, argc, &str))
				return -EFAULT;
			len = strnlen_user(m, str, MAX_ARG_STRLEN);
			if (!len)
				return -EFAULT;
		}
		ret = take_room(bprm, (unsigned long)len);
		if (ret)
			return ret;
	}
	return 0;
}

/* models kernel/fork.c:exec_mm_release() and fs/exec.c:exec_mmap(): the
 * old address space is let go (a vfork parent wakes: complete_vfork_done()),
 * the new one installed */
static void exec_mmap(struct nc_machine *m, struct mm_struct *mm)
{
	struct task_struct *tsk = nc_current(m);
	struct mm_struct *old_mm = tsk->mm;

	futex_cleanup(tsk);               /* futex_exec_release() */
	mm_release(m, tsk);
	tsk->mm = mm;
	mmput(m, old_mm);
}

/* models kernel/fork.c:unshare_files(): a descriptor table shared with
 * another process (CLONE_FILES) is copied first */
static int unshare_files(struct nc_machine *m, struct task_struct *me)
{
	struct files_struct *old = me->files, *new;

	if (!old || old->count == 1)
		return 0;
	new = dup_fd(m, old);
	if (IS_ERR(new))
		return (int)PTR_ERR(new);
	me->files = new;
	put_files_struct(m, old);
	return 0;
}

/* models fs/exec.c:unshare_sighand(): a handler table shared with another
 * process (CLONE_SIGHAND without CLONE_THREAD) is copied first */
static int unshare_sighand(struct nc_machine *m, struct task_struct *me)
{
	struct sighand_struct *old = me->sighand, *new;

	if (old->count == 1)
		return 0;
	new = kmem_cache_alloc(m, sighand_cachep(m), GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	new->count = 1;
	memcpy(new->action, old->action, sizeof(new->action));
	me->sighand = new;
	__cleanup_sighand(m, old);
	return 0;
}

/* A thread of tsk's group other than tsk that has not begun to exit. */
static struct task_struct *other_live_thread(struct task_struct *tsk)
{
	struct task_struct *leader = tsk->group_leader, *t;

	if (leader != tsk && !(leader->flags & PF_EXITING))
		return leader;
	list_for_each_entry(t, &leader->thread_group, thread_group)
		if (t != tsk && !(t->flags & PF_EXITING))
			return t;
	return NULL;
}

/*
 * models fs/exec.c:de_thread(): zap_other_threads() sends every other
 * thread SIGKILL, and with an exec under way each exits with code 0
 * (do_group_exit()), on its own CPU, before the exec goes on. A
 * non-leader then waits for the leader to be a zombie, takes its pid
 * (exchange_tids(), so the process keeps its number and the leader dies
 * with the thread's), its group's pids, its place among the parent's
 * children, and releases it. Every exec'ing task ends with SIGCHLD as its
 * exit signal. -EAGAIN if the group is exiting already.
 */
static int de_thread(struct nc_machine *m, struct task_struct *tsk)
{
	struct task_struct *leader = tsk->group_leader, *t;
	unsigned int cpu = m->cpu;

	if (tsk->signal->flags & SIGNAL_GROUP_EXIT)
		return -EAGAIN;
	while ((t = other_live_thread(tsk))) {
		m->cpu = t->cpu;
		m->curr[m->cpu] = t;
		do_exit(m, 0);
	}
	m->cpu = cpu;
	m->curr[cpu] = tsk;
	if (!thread_group_leader(tsk)) {
		exchange_tids(tsk, leader);
		transfer_pid(leader, tsk, PIDTYPE_TGID);
		transfer_pid(leader, tsk, PIDTYPE_PGID);
		transfer_pid(leader, tsk, PIDTYPE_SID);
		list_add_tail(&tsk->tasks, &leader->tasks);       /* list_replace_rcu() */
		list_del_init(&leader->tasks);
		list_add_tail(&tsk->sibling, &leader->sibling);   /* list_replace_init() */
		list_del_init(&leader->sibling);
		tsk->group_leader = tsk;
		leader->group_leader = tsk;
		leader->exit_signal = -1;
		leader->exit_state = EXIT_DEAD;
		release_task(m, leader);
	}
	tsk->exit_signal = SIGCHLD;
	return 0;
}

/* models fs/exec.c:__set_task_comm() of kbasename(bprm->filename), as
 * begin_new_exec() calls it: 15 bytes of the last path component */
static void __set_task_comm(struct nc_machine *m, struct task_struct *tsk, const char *filename)
{
	const char *base = strrchr(filename, '/');

	base = base ? base + 1 : filename;
	trace_task_rename(m, tsk, base);
	/* strscpy_pad() */
	memset(tsk->comm, 0, sizeof(tsk->comm));
	memcpy(tsk->comm, base, strnlen(base, sizeof(tsk->comm) - 1));
}

/* models fs/exec.c:begin_new_exec(), from its point of no return */
static int begin_new_exec(struct nc_machine *m, struct linux_binprm *bprm)
{
	struct task_struct *me = nc_current(m);
	int ret = de_thread(m, me);

	if (!ret)
		ret = unshare_files(m, me);
	if (ret)
		return ret;
	exec_mmap(m, bprm->mm);
	bprm->mm = NULL;
	ret = exec_task_namespaces(m);
	if (!ret)
		ret = unshare_sighand(m, me);
	if (ret)
		return ret;
	me->flags &= ~(PF_FORKNOEXEC | PF_NO_SETAFFINITY);
	if (me->files)
		do_close_on_exec(m, me->files);
	__set_task_comm(m, me, bprm->filename);
	flush_signal_handlers(me, false);
	rseq_execve(me);                  /* bprm_execve(), once the exec succeeded */
	return 0;
}

/*
 * models fs/exec.c:bprm_execve() with exec_binprm(): the move sched_exec()
 * picks, then the new program. An error past begin_new_exec()'s point of
 * no return kills the process with SIGSEGV (force_fatal_sig()): the call
 * returns the error, to a task that is gone.
 */
static int bprm_execve(struct nc_machine *m, struct linux_binprm *bprm)
{
	pid_t old_pid;
	int ret;

	sched_exec(m);
	old_pid = nc_current(m)->pid;
	ret = begin_new_exec(m, bprm);
	if (ret) {
		do_group_exit(m, SIGSEGV);
		return ret;
	}
	trace_sched_process_exec(m, nc_current(m), old_pid, bprm->filename);
	return 0;
}

/* models fs/exec.c:do_execveat_common() after getname(), and
 * kernel_execve() (argv.kernel set) */
static int do_execveat_common(struct nc_machine *m, int fd, const char *filename,
			      struct user_arg_ptr argv, struct user_arg_ptr envp)
{
	struct linux_binprm bprm = { .argc = 0 };
	struct user_arg_ptr name = { .kernel = (const char *const[]){ bprm.filename, NULL } };
	int ret;

	bprm_set_filename(&bprm, fd, filename);
	ret = bprm_mm_init(m, &bprm);
	if (ret)
		return ret;
	ret = bprm.argc = count(m, argv);
	if (ret >= 0 && argv.kernel && !ret)
		ret = -EINVAL;                 /* kernel_execve(): no program name */
	if (ret >= 0)
		ret = bprm.envc = count(m, envp);
	if (ret >= 0)
		ret = bprm_stack_limits(&bprm);
	if (!ret)
		ret = copy_strings(m, 1, name, &bprm);
	if (!ret)
		ret = copy_strings(m, bprm.envc, envp, &bprm);
	if (!ret)
		ret = copy_strings(m, bprm.argc, argv, &bprm);
	/* an empty argv gets "" so that argv[0] exists */
	if (!ret && !bprm.argc)
		ret = take_room(&bprm, 1);
	if (!ret)
		ret = bprm_execve(m, &bprm);
	if (bprm.mm)
		mmput(m, bprm.mm);
	return ret;
}

/* models fs/exec.c:do_execveat(): getname_uflags(), then the flags
 * do_open_execat() accepts */
static long do_execveat(struct nc_machine *m, int fd, unsigned long filename,
			unsigned long argv, unsigned long envp, int flags)
{
	char name[NC_PATH_MAX];
	int ret = getname(m, filename, flags & NC_AT_EMPTY_PATH, name);

	if (ret)
		return ret;
	if (flags & ~(NC_AT_SYMLINK_NOFOLLOW | NC_AT_EMPTY_PATH))
		return -EINVAL;
	return do_execveat_common(m, fd, name, (struct user_arg_ptr){ .user = argv },
				  (struct user_arg_ptr){ .user = envp });
}

long sys_execve(struct nc_machine *m, unsigned long filename, unsigned long argv,
		unsigned long envp)
{
	return do_execveat(m, NC_AT_FDCWD, filename, argv, envp, 0);
}

long sys_execveat(struct nc_machine *m, int fd, unsigned long filename, unsigned long argv,
		  unsigned long envp, int flags)
{
	return do_execveat(m, fd, filename, argv, envp, flags);
}

int kernel_execve(struct nc_machine *m, const char *filename, const char *const *argv,
		  const char *const *envp)
{
	static const char *const none[] = { NULL };

	if (nc_current(m)->flags & PF_KTHREAD)
		return -EINVAL;
	if (strlen(filename) >= NC_PATH_MAX)
		return -ENAMETOOLONG;          /* getname_kernel() */
	if (!filename[0])
		return -ENOENT;                /* do_open_execat() on "" */
	return do_execveat_common(m, NC_AT_FDCWD, filename, (struct user_arg_ptr){ .kernel = argv },
				  (struct user_arg_ptr){ .kernel = envp ? envp : none });
}
