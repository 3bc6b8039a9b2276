// SPDX-License-Identifier: GPL-2.0-only
/*
 * The descriptor table (fs/file.c, fcntl.c, open.c, pipe.c, pidfs.c): the
 * expectations are worked by hand from v6.12's rules, each case naming
 * the rule; the replay cases check the decoders and the rule for fds a
 * log uses that the model never saw made. The host's answers for the same
 * calls are tests/oracle/fds.c's (tests/cli/oracle_fds.sh).
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fs/fcntl.h"
#include "fs/file.h"
#include "fs/open.h"
#include "fs/pidfs.h"
#include "fs/pipe.h"
#include "kernel/exit.h"
#include "kernel/rcu/tree.h"
#include "kernel/signal.h"
#include "mm/mmap.h"
#include "mm/slab.h"
#include "mm/slab_common.h"
#include "mm/slub.h"
#include "mm/uaccess.h"
#include "unit/nc_boot.h"
#include "unit/replay_script.h"
#include "unit/slab_test.h"
#include "uapi/linux/mman.h"
#include "uapi/linux/sched.h"
#include "uapi/linux/signal.h"

#define O_NONBLOCK 04000

/* init's child with an address space, current, its table holding 0, 1, 2 */
static struct nc_machine *boot_task(void)
{
	struct nc_machine *m = nc_boot("1x2");
	long pid;

	nc_run_as(m, 1);
	pid = nc_clone(m, 0, SIGCHLD);
	nc_run_as(m, (pid_t)pid);
	assert_int_equal(nc_new_mm(m, nc_current(m)), 0);
	for (unsigned int fd = 0; fd < 3; fd++)
		assert_int_equal(nc_fd_adopt(m, fd, false), 0);
	return m;
}

static struct files_struct *files(struct nc_machine *m)
{
	return nc_current(m)->files;
}

static long open_fd(struct nc_machine *m, int flags)
{
	return kernel_openat(m, -100, 0, flags, 0);
}

/* get_unused_fd_flags(): the lowest free fd, O_CLOEXEC its bit; a closed
 * fd below the others is the next one given */
static void test_lowest_free(void **state)
{
	struct nc_machine *m = boot_task();

	(void)state;
	assert_int_equal(open_fd(m, 0), 3);
	assert_int_equal(open_fd(m, NC_O_CLOEXEC), 4);
	assert_int_equal(open_fd(m, 0), 5);
	assert_false(nc_fd_cloexec(files(m), 3));
	assert_true(nc_fd_cloexec(files(m), 4));
	assert_int_equal(kernel_close(m, 4), 0);
	assert_int_equal(kernel_close(m, 4), -EBADF);
	assert_int_equal(kernel_close(m, (unsigned int)-1), -EBADF);
	assert_int_equal(open_fd(m, 0), 4);
	assert_false(nc_fd_cloexec(files(m), 4));     /* alloc_fd() clears the old bit */
	assert_int_equal(kernel_close(m, 1), 0);
	assert_int_equal(kernel_dup(m, 3), 1);
	assert_int_equal(kernel_dup(m, 77), -EBADF);
	nc_machine_destroy(m);
}

/* a struct file is a filp object, back in its slab at the last fput() */
static void test_filp(void **state)
{
	struct nc_machine *m = boot_task();
	struct kmem_cache *filp = nc_kmem_cache_find(m, "filp");
	struct file *f;

	(void)state;
	assert_non_null(filp);
	assert_true(filp->flags & SLAB_TYPESAFE_BY_RCU);
	assert_int_equal(open_fd(m, 0), 3);
	f = nc_fd_file(m, 3);
	assert_ptr_equal(virt_to_slab(m, f)->slab_cache, filp);
	assert_int_equal(kernel_dup(m, 3), 4);
	assert_ptr_equal(nc_fd_file(m, 4), f);
	assert_int_equal(f->f_count, 2);
	assert_int_equal(kernel_close(m, 3), 0);
	assert_int_equal(f->f_count, 1);
	assert_int_equal(kernel_close(m, 4), 0);
	/* no grace period: the next file is the object just freed (LIFO) */
	assert_int_equal(open_fd(m, 0), 3);
	assert_ptr_equal(nc_fd_file(m, 3), f);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/* RLIMIT_NOFILE 6: fds 3..5, then EMFILE; f_dupfd() from >= the limit is
 * EINVAL, below it EMFILE; dup3() to a fd >= the limit is EBADF */
static void test_rlimit(void **state)
{
	struct nc_machine *m = boot_task();

	(void)state;
	nc_current(m)->signal->rlim[RLIMIT_NOFILE].rlim_cur = 6;
	for (long fd = 3; fd < 6; fd++)
		assert_int_equal(open_fd(m, 0), fd);
	assert_int_equal(open_fd(m, 0), -EMFILE);
	assert_int_equal(kernel_dup(m, 3), -EMFILE);
	assert_int_equal(kernel_fcntl(m, 3, F_DUPFD, 6), -EINVAL);
	assert_int_equal(kernel_fcntl(m, 3, F_DUPFD, 2), -EMFILE);
	assert_int_equal(kernel_fcntl(m, 3, F_DUPFD, (unsigned long)-1), -EINVAL);
	assert_int_equal(kernel_dup2(m, 3, 6), -EBADF);
	assert_int_equal(kernel_dup2(m, 3, 5), 5);
	assert_int_equal(kernel_pipe2(m, 0, 0), -EMFILE);
	assert_int_equal(kernel_close(m, 5), 0);
	/* one fd free: pipe2() takes it, fails on the second and gives it back */
	assert_int_equal(kernel_pipe2(m, 0, 0), -EMFILE);
	assert_int_equal(open_fd(m, 0), 5);
	nc_machine_destroy(m);
}

/* dup2()/dup3(): flags, then equal fds, then the limit, then the table
 * grows for newfd before oldfd is looked up */
static void test_dup3_order(void **state)
{
	struct nc_machine *m = boot_task();

	(void)state;
	assert_int_equal(open_fd(m, 0), 3);
	assert_int_equal(kernel_dup2(m, 3, 3), 3);              /* same, open: itself */
	assert_int_equal(kernel_dup2(m, 9, 9), -EBADF);         /* same, closed */
	assert_int_equal(kernel_dup3(m, 3, 3, 0), -EINVAL);
	assert_int_equal(kernel_dup3(m, 9, 9, O_NONBLOCK), -EINVAL);
	assert_int_equal(kernel_dup3(m, 3, 10, O_NONBLOCK), -EINVAL);
	assert_int_equal(kernel_dup3(m, 9, 1024, 0), -EBADF);    /* INR_OPEN_CUR */
	assert_int_equal(files(m)->fdt->max_fds, NR_OPEN_DEFAULT);
	assert_int_equal(kernel_dup2(m, 9, 100), -EBADF);
	assert_int_equal(files(m)->fdt->max_fds, 128);          /* grown all the same */
	assert_int_equal(kernel_dup3(m, 3, 10, NC_O_CLOEXEC), 10);
	assert_true(nc_fd_cloexec(files(m), 10));
	/* dup2 over an open fd closes it and takes the new file, bit cleared */
	assert_int_equal(open_fd(m, 0), 4);
	assert_int_equal(kernel_dup2(m, 4, 10), 10);
	assert_ptr_equal(nc_fd_file(m, 10), nc_fd_file(m, 4));
	assert_false(nc_fd_cloexec(files(m), 10));
	nc_machine_destroy(m);
}

/* alloc_fdtable(): 1 KiB of fd pointers (128 fds), doubling; the table a
 * bigger one replaces is freed after a grace period (free_fdtable_rcu()) */
static void test_expand_rcu(void **state)
{
	struct nc_machine *m = boot_task();
	struct fdtable *t128;
	void *arr128, *p;

	(void)state;
	assert_int_equal(open_fd(m, 0), 3);
	assert_int_equal(kernel_dup2(m, 3, 64), 64);
	t128 = files(m)->fdt;
	assert_int_equal(t128->max_fds, 128);
	arr128 = t128->fd;
	assert_ptr_equal(virt_to_slab(m, arr128)->slab_cache, nc_kmem_cache_find(m, "kmalloc-cg-1k"));
	assert_int_equal(kernel_dup2(m, 3, 200), 200);
	assert_int_equal(files(m)->fdt->max_fds, 256);
	assert_ptr_equal(nc_fd_file(m, 64), nc_fd_file(m, 3));   /* copied over */
	/* still waiting for readers: a new 1 KiB object is another one */
	p = kmalloc(m, 1024, GFP_KERNEL_ACCOUNT);
	assert_ptr_not_equal(p, arr128);
	kfree(m, p);
	nc_rcu_drain(m);
	/* freed now, last: the next 1 KiB object is its array (LIFO) */
	p = kmalloc(m, 1024, GFP_KERNEL_ACCOUNT);
	assert_ptr_equal(p, arr128);
	kfree(m, p);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/* fcntl(): EBADF first; F_GETFD/F_SETFD the bit (FD_CLOEXEC only);
 * F_DUPFD_CLOEXEC sets it; what the file is (F_GETFL) the model leaves */
static void test_fcntl(void **state)
{
	struct nc_machine *m = boot_task();

	(void)state;
	assert_int_equal(open_fd(m, 0), 3);
	assert_int_equal(kernel_fcntl(m, 9, F_GETFD, 0), -EBADF);
	assert_int_equal(kernel_fcntl(m, 9, 3, 0), -EBADF);
	assert_int_equal(kernel_fcntl(m, 3, F_GETFD, 0), 0);
	assert_int_equal(kernel_fcntl(m, 3, F_SETFD, FD_CLOEXEC | 2), 0);
	assert_int_equal(kernel_fcntl(m, 3, F_GETFD, 0), FD_CLOEXEC);
	assert_int_equal(kernel_fcntl(m, 3, F_SETFD, 2), 0);
	assert_int_equal(kernel_fcntl(m, 3, F_GETFD, 0), 0);
	assert_int_equal(kernel_fcntl(m, 3, F_DUPFD, 20), 20);
	assert_int_equal(kernel_fcntl(m, 3, F_DUPFD_CLOEXEC, 20), 21);
	assert_int_equal(kernel_fcntl(m, 21, F_GETFD, 0), FD_CLOEXEC);
	assert_int_equal(kernel_fcntl(m, 3, F_DUPFD, 0), 4);
	assert_int_equal(kernel_fcntl(m, 3, 3, 0), NC_FCNTL_UNANSWERED);
	nc_machine_destroy(m);
}

/* close_range(): flags, then fd > max_fd, EINVAL; CLOEXEC marks the range
 * (closed fds too, up to the table's end); a close skips closed fds */
static void test_close_range(void **state)
{
	struct nc_machine *m = boot_task();

	(void)state;
	for (long fd = 3; fd < 9; fd++)
		assert_int_equal(open_fd(m, 0), fd);
	assert_int_equal(kernel_close_range(m, 5, 3, 0), -EINVAL);
	assert_int_equal(kernel_close_range(m, 3, 4, 8), -EINVAL);
	assert_int_equal(kernel_close_range(m, 5, 3, 8), -EINVAL);
	assert_int_equal(kernel_close_range(m, 4, 5, 0), 0);
	assert_null(nc_fd_file(m, 4));
	assert_null(nc_fd_file(m, 5));
	assert_non_null(nc_fd_file(m, 6));
	assert_int_equal(kernel_close_range(m, 6, 30, CLOSE_RANGE_CLOEXEC), 0);
	assert_true(nc_fd_cloexec(files(m), 7));
	assert_true(nc_fd_cloexec(files(m), 30));           /* not open: marked anyway */
	assert_false(nc_fd_cloexec(files(m), 31));
	assert_int_equal(kernel_close_range(m, 500, ~0U, 0), 0);
	assert_int_equal(open_fd(m, 0), 4);
	assert_int_equal(kernel_close_range(m, 3, ~0U, 0), 0);
	assert_int_equal(open_fd(m, 0), 3);
	nc_machine_destroy(m);
}

/* CLOSE_RANGE_UNSHARE on a shared table: the caller gets its own copy,
 * which leaves out a hole reaching the last open fd (sane_fdtable_size());
 * the sharer keeps every fd */
static void test_close_range_unshare(void **state)
{
	struct nc_machine *m = boot_task();
	struct task_struct *parent = nc_current(m), *child;
	struct files_struct *shared;

	(void)state;
	assert_int_equal(kernel_dup2(m, 1, 100), 100);
	shared = files(m);
	child = pid_task(find_pid_ns((int)nc_clone(m, CLONE_FILES, SIGCHLD), m->init_pid_ns),
			 PIDTYPE_PID);
	assert_ptr_equal(child->files, shared);
	assert_int_equal(shared->count, 2);
	assert_int_equal(kernel_close_range(m, 100, ~0U, CLOSE_RANGE_UNSHARE), 0);
	assert_ptr_not_equal(parent->files, shared);
	assert_int_equal(shared->count, 1);
	assert_ptr_equal(parent->files->fdt, &parent->files->fdtab);   /* 64 fds: 0..2 */
	assert_null(nc_fd_file(m, 100));
	assert_non_null(nc_fd_file(m, 2));
	assert_non_null(shared->fdt->fd[100]);
	/* with CLOEXEC the whole table is copied: the hole is not punched */
	nc_run_as(m, child->pid);
	assert_int_equal(kernel_dup(m, 0), 3);
	nc_run_as(m, parent->pid);
	assert_int_equal(kernel_dup2(m, 1, 100), 100);
	child->files = parent->files;     /* share again, as CLONE_FILES did */
	parent->files->count++;
	put_files_struct(m, shared);
	shared = parent->files;
	assert_int_equal(kernel_close_range(m, 100, ~0U,
					    CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC), 0);
	assert_ptr_not_equal(parent->files, shared);
	assert_int_equal(parent->files->fdt->max_fds, 128);
	assert_true(nc_fd_cloexec(parent->files, 100));
	assert_false(nc_fd_cloexec(shared, 100));
	nc_machine_destroy(m);
}

/* pidfd_open(): flags, pid <= 0 (EINVAL), no such pid (ESRCH), a thread's
 * pid without PIDFD_THREAD (EINVAL), then a close-on-exec fd */
static void test_pidfd_open(void **state)
{
	struct nc_machine *m = boot_task();
	pid_t self = nc_current(m)->pid, thread;

	(void)state;
	assert_int_equal(kernel_pidfd_open(m, self, 1), -EINVAL);
	assert_int_equal(kernel_pidfd_open(m, 0, 0), -EINVAL);
	assert_int_equal(kernel_pidfd_open(m, -1, 1), -EINVAL);
	assert_int_equal(kernel_pidfd_open(m, 4000000, 0), -ESRCH);
	thread = (pid_t)nc_clone(m, CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND |
				 CLONE_THREAD, 0);
	assert_int_equal(kernel_pidfd_open(m, thread, 0), -EINVAL);
	assert_int_equal(kernel_pidfd_open(m, thread, PIDFD_THREAD), 3);
	assert_int_equal(kernel_pidfd_open(m, self, PIDFD_NONBLOCK), 4);
	assert_true(nc_fd_cloexec(files(m), 4));
	assert_ptr_equal(nc_fd_file(m, 4)->pid, nc_current(m)->thread_pid);
	nc_machine_destroy(m);
}

/* pipe2(): flags beyond O_CLOEXEC|O_NONBLOCK|O_DIRECT|O_NOTIFICATION_PIPE
 * are EINVAL; the fds land in user memory, read end first; an
 * unwritable address gives them back */
static void test_pipe2(void **state)
{
	struct nc_machine *m = boot_task();
	long addr = kernel_mmap(m, 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
				(unsigned long)-1, 0);
	int fd[2];

	(void)state;
	assert_true(addr > 0);
	assert_int_equal(kernel_pipe2(m, (unsigned long)addr, 020000), -EINVAL);   /* O_ASYNC */
	assert_int_equal(kernel_pipe2(m, (unsigned long)addr, NC_O_CLOEXEC | O_NONBLOCK), 0);
	assert_int_equal(copy_from_user(m, fd, (unsigned long)addr, sizeof(fd)), 0);
	assert_int_equal(fd[0], 3);
	assert_int_equal(fd[1], 4);
	assert_true(nc_fd_cloexec(files(m), 4));
	assert_ptr_not_equal(nc_fd_file(m, 3), nc_fd_file(m, 4));
	assert_int_equal(kernel_pipe2(m, 0, 0), -EFAULT);
	assert_int_equal(open_fd(m, 0), 5);
	nc_machine_destroy(m);
}

/* exec closes the close-on-exec fds; a fork copies the table, CLONE_FILES
 * shares it */
static void test_fork_and_exec(void **state)
{
	struct nc_machine *m = boot_task();
	struct task_struct *parent = nc_current(m), *child;

	(void)state;
	assert_int_equal(open_fd(m, 0), 3);
	assert_int_equal(open_fd(m, NC_O_CLOEXEC), 4);
	child = pid_task(find_pid_ns((int)nc_clone(m, 0, SIGCHLD), m->init_pid_ns), PIDTYPE_PID);
	nc_run_as(m, child->pid);
	assert_int_equal(kernel_close(m, 3), 0);
	do_close_on_exec(m, child->files);
	assert_null(nc_fd_file(m, 4));
	assert_int_equal(open_fd(m, 0), 3);
	nc_run_as(m, parent->pid);
	assert_non_null(nc_fd_file(m, 3));
	assert_non_null(nc_fd_file(m, 4));
	child = pid_task(find_pid_ns((int)nc_clone(m, CLONE_FILES, SIGCHLD), m->init_pid_ns),
			 PIDTYPE_PID);
	nc_run_as(m, child->pid);
	assert_int_equal(kernel_close(m, 3), 0);
	nc_run_as(m, parent->pid);
	assert_null(nc_fd_file(m, 3));
	nc_machine_destroy(m);
}

/* Replay: a log's first task has 0, 1, 2; a fd the log uses successfully
 * but never made is adopted (F_GETFD's bit too); a failed call adopts
 * nothing */
static void test_replay_adopts(void **state)
{
	struct script_run run = replay_script(
		"10 dup(1) = 3\n"
		"10 close(7) = 0\n"
		"10 close(8) = -1 EBADF (Bad file descriptor)\n"
		"10 fcntl(9, F_GETFD) = 0x1 (flags FD_CLOEXEC)\n"
		"10 fcntl(9, F_GETFL) = 0x8000 (flags O_RDONLY|O_LARGEFILE)\n"
		"10 dup2(12, 13) = 13\n"
		"10 openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC) = 4\n"
		"10 fcntl(4, F_GETFD) = 0x1 (flags FD_CLOEXEC)\n"
		"10 openat(AT_FDCWD, \"/nonexistent\", O_RDONLY) = -1 ENOENT (No such file or directory)\n"
		"10 openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = 5\n", "1x2", true);

	(void)state;
	assert_int_equal(run.ret, 0);
	assert_int_equal(run.stats.agree, 8);
	assert_int_equal(run.stats.disagree, 0);
	assert_int_equal(run.stats.unchecked, 2);       /* F_GETFL, the ENOENT */
	free(run.out);
	/* without --check, the log's answer to what the model does not keep */
	run = replay_script("10 fcntl(1, F_GETFL) = 0x8002 (flags O_RDWR|O_LARGEFILE)\n"
			    "10 fcntl(1, F_GETFL)\n", "1x2", false);
	assert_int_equal(run.ret, 0);
	assert_non_null(strstr(run.out, "fcntl(1, F_GETFL)                 = 0x8002\n"));
	assert_non_null(strstr(run.out, "fcntl(1, F_GETFL)                 = ?\n"));
	free(run.out);
}

/* Replay: pipe2's and socketpair()'s fds are compared with the log's (fd
 * 8, named closed, cannot explain pipe's [7, 9]); a logged EMFILE is run
 * (and here disagrees: the table is not full) */
static void test_replay_pairs(void **state)
{
	struct script_run run = replay_script(
		"10 pipe2([3, 4], O_CLOEXEC) = 0\n"
		"10 socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, [5, 6]) = 0\n"
		"10 fcntl(6, F_GETFD) = 0x1 (flags FD_CLOEXEC)\n"
		"10 close(8) = -1 EBADF (Bad file descriptor)\n"
		"10 pipe([7, 9]) = 0\n"
		"10 eventfd2(0, EFD_CLOEXEC|EFD_NONBLOCK) = 9\n"
		"10 memfd_create(\"x\", MFD_CLOEXEC) = 10\n"
		"10 fcntl(10, F_GETFD) = 0x1 (flags FD_CLOEXEC)\n"
		"10 openat(AT_FDCWD, \"/\", O_RDONLY) = -1 EMFILE (Too many open files)\n",
		"1x2", true);

	(void)state;
	assert_int_equal(run.ret, 0);
	assert_int_equal(run.stats.agree, 7);
	assert_int_equal(run.stats.disagree, 2);
	assert_non_null(strstr(run.out, "model: wrote [7, 8]\n"));
	assert_non_null(strstr(run.out, "= 11\n"));
	free(run.out);
}

/* Replay: a call taking the lowest free fd that the log shows answering
 * above the model's answer had open fds below it the log never named
 * (inherited before it began): adopted. An fd the log named (here closed)
 * is known free, so below it the answers are compared; a fork's table
 * keeps what was known of its parent's. */
static void test_replay_hidden_fds(void **state)
{
	struct script_run run = replay_script(
		"10 fcntl(2, F_DUPFD, 10) = 11\n"          /* 10 was open */
		"10 close(10) = 0\n"
		"10 fcntl(2, F_DUPFD, 10) = 12\n"          /* 10 is known free */
		"10 pipe2([3, 5], 0) = 0\n"                /* 4 was open */
		"10 close(4) = 0\n", "1x2", true);

	(void)state;
	assert_int_equal(run.ret, 0);
	assert_int_equal(run.stats.agree, 4);
	assert_int_equal(run.stats.disagree, 1);
	assert_non_null(strstr(run.out, "fcntl(2, F_DUPFD, 10)             = 10\n"));
	free(run.out);
	run = replay_script(
		"20 close(3) = -1 EBADF (Bad file descriptor)\n"
		"20 fork() = 21\n"
		"21 openat(AT_FDCWD, \"/\", O_RDONLY) = 4\n"
		"21 exit_group(0) = ?\n"
		"20 dup(0) = 4\n", "1x2", true);
	assert_int_equal(run.ret, 0);
	assert_int_equal(run.stats.agree, 3);           /* close, fork, exit_group */
	assert_int_equal(run.stats.disagree, 2);        /* both answer 3 */
	free(run.out);
}

/* Replay: signalfd4(-1, ...) makes a fd; on another fd it updates that
 * signalfd, which a log may never have shown made (adopted) */
static void test_replay_signalfd(void **state)
{
	struct script_run run = replay_script(
		"10 signalfd4(-1, [INT], 8, SFD_CLOEXEC) = 3\n"
		"10 signalfd4(7, [INT CHLD], 8, 0) = 7\n"
		"10 signalfd4(8, [INT], 8, 0) = -1 EBADF (Bad file descriptor)\n"
		"10 close(7) = 0\n"
		"10 fcntl(3, F_GETFD) = 0x1 (flags FD_CLOEXEC)\n", "1x2", true);

	(void)state;
	assert_int_equal(run.ret, 0);
	assert_int_equal(run.stats.agree, 4);
	assert_int_equal(run.stats.disagree, 0);
	assert_int_equal(run.stats.unchecked, 1);     /* the EBADF: not the model's to say */
	free(run.out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lowest_free),
		cmocka_unit_test(test_filp),
		cmocka_unit_test(test_rlimit),
		cmocka_unit_test(test_dup3_order),
		cmocka_unit_test(test_expand_rcu),
		cmocka_unit_test(test_fcntl),
		cmocka_unit_test(test_close_range),
		cmocka_unit_test(test_close_range_unshare),
		cmocka_unit_test(test_pidfd_open),
		cmocka_unit_test(test_pipe2),
		cmocka_unit_test(test_fork_and_exec),
		cmocka_unit_test(test_replay_adopts),
		cmocka_unit_test(test_replay_pairs),
		cmocka_unit_test(test_replay_hidden_fds),
		cmocka_unit_test(test_replay_signalfd),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
