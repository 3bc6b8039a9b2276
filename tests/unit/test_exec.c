// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/fs/exec.c: a vfork child's exec wakes its parent; a
 * non-leader thread's exec takes over the leader's pid (and the host agrees
 * on the pid the process keeps); sched_exec() moves the task to the idlest
 * CPU of another node (worked by hand); the comm's 15 bytes; handlers reset
 * but ignored ones kept (the host's /proc status after an exec agrees), a
 * handler table shared by CLONE_SIGHAND and a descriptor table shared by
 * CLONE_FILES copied first, close-on-exec descriptors closed; and the
 * errors the model can know, each compared with the host's execve() and
 * execveat().
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "fs/exec.h"
#include "kernel/exit.h"
#include "kernel/fork.h"
#include "kernel/sched/core.h"
#include "kernel/sched/sched.h"
#include "kernel/signal.h"
#include "mm/mmap.h"
#include "mm/uaccess.h"
#include "uapi/linux/sched.h"
#include "unit/nc_boot.h"

#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD)

/* Boots a machine whose init (pid 1) has an address space and runs. */
static struct nc_machine *boot_with_init(const char *topo)
{
	struct nc_machine *m = nc_boot(topo);

	assert_int_equal(nc_new_mm(m, nc_run_as(m, 1)), 0);
	return m;
}

/* Maps len bytes in current's address space. */
static unsigned long map(struct nc_machine *m, unsigned long len)
{
	long a = kernel_mmap(m, 0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			     (unsigned long)-1, 0);

	assert_true(a > 0);
	return (unsigned long)a;
}

/* Writes the strings (NULL-ended) at addr: each with its NUL, then the
 * array of their addresses; returns the array's address. */
static unsigned long put_strings(struct nc_machine *m, unsigned long addr, const char *const *s)
{
	uint64_t ptrs[8];
	size_t n = 0;

	for (; s[n]; n++) {
		ptrs[n] = addr;
		assert_int_equal(copy_to_user(m, addr, s[n], strlen(s[n]) + 1), 0);
		addr += strlen(s[n]) + 1;
	}
	ptrs[n] = 0;
	addr = (addr + 7) & ~7UL;
	assert_int_equal(copy_to_user(m, addr, ptrs, (n + 1) * sizeof(*ptrs)), 0);
	return addr;
}

/* execve(filename, { filename's base, NULL }, NULL) from user memory */
static long user_execve(struct nc_machine *m, const char *filename, const char *arg0)
{
	unsigned long page = map(m, 4096);
	unsigned long argv = put_strings(m, page, (const char *const[]){ arg0, filename, NULL });

	/* argv[1] is the filename's copy: pass it as the filename, argv = { arg0 } */
	uint64_t fname, end = 0;

	assert_int_equal(copy_from_user(m, &fname, argv + 8, 8), 0);
	assert_int_equal(copy_to_user(m, argv + 8, &end, 8), 0);
	return sys_execve(m, fname, argv, 0);
}

/*
 * posix_spawn's shape: clone(CLONE_VM|CLONE_VFORK) puts the parent to sleep
 * until the child lets the shared address space go. The child's exec does
 * that (exec_mmap() -> mm_release() -> complete_vfork_done()): the parent
 * runs again while the child still lives, in an address space of its own.
 */
static void test_vfork_exec_wakes_parent(void **state)
{
	struct nc_machine *m = boot_with_init("1x2");
	struct task_struct *parent = nc_current(m), *child;
	struct mm_struct *mm = parent->mm;

	(void)state;
	assert_int_equal(nc_clone(m, CLONE_VM | CLONE_VFORK, SIGCHLD), 3);
	assert_int_equal(parent->__state, TASK_UNINTERRUPTIBLE);
	assert_int_not_equal(parent->on_rq, TASK_ON_RQ_QUEUED);
	child = nc_run_as(m, 3);
	assert_ptr_equal(child->mm, mm);
	assert_int_equal(mm->mm_users, 2);
	assert_int_equal(user_execve(m, "/bin/true", "true"), 0);
	assert_int_equal(parent->__state, TASK_RUNNING);
	assert_int_equal(parent->on_rq, TASK_ON_RQ_QUEUED);
	assert_null(child->vfork_done);
	assert_ptr_not_equal(child->mm, mm);
	assert_int_equal(mm->mm_users, 1);
	assert_ptr_equal(parent->mm, mm);
	assert_int_equal(child->exit_state, 0);
	assert_string_equal(child->comm, "true");
	nc_machine_destroy(m);
}

static void *exec_thread(void *arg)
{
	execv("/bin/sh", (char *const *)arg);
	_exit(99);
}

/* The host: a thread (not the leader) of a child execs sh, which checks that
 * its pid, $$, is the one the leader had; the parent's wait names it too.
 * Returns whether both held. */
static bool host_thread_exec_keeps_pid(void)
{
	int status = -1;
	pid_t child = fork(), got;

	if (!child) {
		char script[64];
		char *argv[] = { (char *)"sh", (char *)"-c", script, NULL };
		pthread_t t;

		snprintf(script, sizeof(script), "test $$ = %d", (int)getpid());
		if (pthread_create(&t, NULL, exec_thread, argv))
			_exit(98);
		for (;;)
			pause();     /* de_thread() kills this thread */
	}
	got = waitpid(child, &status, 0);
	return got == child && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/*
 * A process (pid 3) with threads 4 and 5; thread 5 execs. de_thread() kills
 * thread 4 (reaped at once) and the leader, then 5 takes the leader's pid 3
 * (exchange_tids()), its group's pids and its place among init's children;
 * the leader dies with 5 and is released, so neither 4 nor 5 is a pid any
 * more. The parent then reaps the process as 3, as the host's does.
 */
static void test_thread_exec_takes_leader_pid(void **state)
{
	struct nc_machine *m = boot_with_init("2x2");
	struct task_struct *init = nc_current(m), *t5, *p;
	const char *const argv[] = { "sh", NULL };
	bool in_children = false;

	(void)state;
	assert_true(host_thread_exec_keeps_pid());
	assert_int_equal(nc_clone(m, 0, SIGCHLD), 3);
	nc_run_as(m, 3);
	assert_int_equal(nc_clone(m, THREAD_FLAGS, 0), 4);
	assert_int_equal(nc_clone(m, THREAD_FLAGS, 0), 5);
	t5 = nc_run_as(m, 5);
	assert_int_equal(t5->exit_signal, -1);
	assert_int_equal(kernel_execve(m, "/bin/sh", argv, NULL), 0);
	assert_ptr_equal(nc_current(m), t5);
	assert_int_equal(t5->pid, 3);
	assert_int_equal(t5->tgid, 3);
	assert_ptr_equal(t5->group_leader, t5);
	assert_int_equal(t5->exit_signal, SIGCHLD);
	assert_ptr_equal(pid_task(find_pid_ns(3, m->init_pid_ns), PIDTYPE_PID), t5);
	assert_ptr_equal(pid_task(find_pid_ns(3, m->init_pid_ns), PIDTYPE_TGID), t5);
	assert_null(find_pid_ns(4, m->init_pid_ns));
	assert_null(find_pid_ns(5, m->init_pid_ns));
	assert_int_equal(t5->signal->nr_threads, 1);
	assert_int_equal(t5->signal->live, 1);
	assert_ptr_equal(t5->real_parent, init);
	list_for_each_entry(p, &init->children, sibling)
		in_children |= p == t5;
	assert_true(in_children);
	assert_string_equal(t5->comm, "sh");
	kernel_exit_group(m, 0);
	nc_run_as(m, 1);
	assert_int_equal(kernel_wait4(m, -1, 0, 0, 0), 3);
	nc_machine_destroy(m);
}

/*
 * 2x2 (nodes {0,1} and {2,3}, distance 20 < the reclaim distance 30, so
 * MC and NUMA both balance execs). The exec'ing task E shares CPU0 with
 * B1; B2 runs on CPU1; CPU3 ran a task that went to sleep last, CPU2 is
 * idle from before. sched_exec() from CPU0, select_task_rq_fair(WF_EXEC),
 * by hand: the walk starts at the top SD_BALANCE_EXEC domain, NUMA {0-3}.
 * Local group {0,1} seen without E: 2 tasks on 2 CPUs, util 2048,
 * runnable 2048 of capacity 2048; not overloaded (2 <= 2), no capacity
 * left (2048 * 100 > 2048 * 117 fails): fully busy. {2,3}: both idle, has
 * spare. The types differ and has spare is less busy: move to {2,3}. Its
 * idle CPU of the shallowest state (all 0) most recently idled is CPU3.
 * Below, on CPU3's MC {2,3}: {3} and {2} both idle with spare, equal idle
 * counts keep the local group: CPU3.
 */
static void test_sched_exec_idlest_cpu(void **state)
{
	struct nc_machine *m = boot_with_init("2x2");
	struct task_struct *init = nc_current(m), *e, *b1, *b2, *b3;

	(void)state;
	assert_int_equal(nc_clone(m, 0, SIGCHLD), 3);
	assert_int_equal(nc_clone(m, 0, SIGCHLD), 4);
	assert_int_equal(nc_clone(m, 0, SIGCHLD), 5);
	assert_int_equal(nc_clone(m, 0, SIGCHLD), 6);
	e = nc_run_as(m, 3);
	b1 = nc_run_as(m, 4);
	b2 = nc_run_as(m, 5);
	b3 = nc_run_as(m, 6);
	nc_sched_sleep(m, init);
	nc_sched_run(m, e, 0);
	nc_sched_run(m, b1, 0);
	nc_sched_run(m, b2, 1);
	nc_sched_run(m, b3, 3);
	nc_sched_sleep(m, b3);
	for (unsigned int cpu = 0; cpu < 4; cpu++)
		assert_int_equal(cpu_rq(m, cpu)->nr_running, cpu < 2 ? (cpu ? 1 : 2) : 0);
	assert_true(cpu_rq(m, 3)->idle_stamp > cpu_rq(m, 2)->idle_stamp);
	nc_run_as(m, 3);
	assert_int_equal(kernel_execve(m, "/bin/cmd", (const char *const[]){ "cmd", NULL }, NULL),
			 0);
	assert_int_equal(e->cpu, 3);
	assert_int_equal(smp_processor_id(m), 3);
	assert_ptr_equal(nc_current(m), e);
	assert_int_equal(cpu_rq(m, 0)->nr_running, 1);
	assert_int_equal(cpu_rq(m, 3)->nr_running, 1);
	nc_machine_destroy(m);
}

/* __set_task_comm(): the base name, cut to TASK_COMM_LEN - 1 = 15 bytes;
 * execveat() of a descriptor names the task after "/dev/fd/N". */
static void test_comm(void **state)
{
	struct nc_machine *m = boot_with_init("1x2");
	struct task_struct *t = nc_current(m);
	unsigned long page;

	(void)state;
	assert_int_equal(user_execve(m, "/usr/lib/a-program-with-a-long-name", "x"), 0);
	assert_string_equal(t->comm, "a-program-with-");
	assert_int_equal(strlen(t->comm), 15);
	/* in the new address space: "" at page, argv { "" } at page + 64 */
	page = map(m, 4096);
	assert_int_equal(copy_to_user(m, page, "", 1), 0);
	assert_int_equal(copy_to_user(m, page + 64, (uint64_t[]){ page, 0 }, 16), 0);
	assert_int_equal(sys_execveat(m, 3, page, page + 64, 0, NC_AT_EMPTY_PATH), 0);
	assert_string_equal(t->comm, "3");
	nc_machine_destroy(m);
}

static void on_signal(int sig)
{
	(void)sig;
}

/* The host's ignored and caught sets after an exec, from the new
 * program's /proc/self/status (cat installs no handlers). */
static void host_sets_after_exec(unsigned long long *ign, unsigned long long *cgt)
{
	int fd[2];
	pid_t child;
	char buf[4096] = "";
	FILE *f;

	assert_int_equal(pipe(fd), 0);
	child = fork();
	if (!child) {
		struct sigaction ign_act = { .sa_handler = SIG_IGN };
		struct sigaction own = { .sa_handler = on_signal };

		sigaction(SIGUSR1, &ign_act, NULL);
		sigaction(SIGUSR2, &own, NULL);
		dup2(fd[1], 1);
		execl("/bin/cat", "cat", "/proc/self/status", (char *)NULL);
		_exit(99);
	}
	close(fd[1]);
	f = fdopen(fd[0], "r");
	*ign = *cgt = ~0ULL;
	while (fgets(buf, sizeof(buf), f)) {
		sscanf(buf, "SigIgn: %llx", ign);
		sscanf(buf, "SigCgt: %llx", cgt);
	}
	fclose(f);
	waitpid(child, NULL, 0);
}

/*
 * flush_signal_handlers(me, 0): a handled signal is back to SIG_DFL with
 * its flags, mask and restorer cleared; an ignored one stays ignored. The
 * host shows the same: SIGUSR1 still ignored, nothing caught.
 */
static void test_handlers_reset(void **state)
{
	struct nc_machine *m = boot_with_init("1x2");
	struct task_struct *t = nc_current(m);
	const struct k_sigaction ign = { .handler = NC_SIG_IGN };
	const struct k_sigaction own = {
		.handler = 0x401000, .flags = 0x14000000, .mask = 1, .restorer = 0x402000,
	};
	unsigned long long host_ign, host_cgt;

	(void)state;
	host_sets_after_exec(&host_ign, &host_cgt);
	assert_true(host_ign & (1ULL << (SIGUSR1 - 1)));
	assert_int_equal(host_cgt, 0);
	assert_int_equal(do_sigaction(t, SIGUSR1, &ign, NULL), 0);
	assert_int_equal(do_sigaction(t, SIGUSR2, &own, NULL), 0);
	assert_int_equal(user_execve(m, "/bin/cat", "cat"), 0);
	for (int sig = 1; sig <= NC_NSIG; sig++) {
		const struct k_sigaction *ka = &t->sighand->action[sig - 1];

		assert_int_equal(ka->handler, sig == SIGUSR1 ? NC_SIG_IGN : NC_SIG_DFL);
		assert_int_equal(ka->flags, 0);
		assert_int_equal(ka->mask, 0);
		assert_int_equal(ka->restorer, 0);
	}
	nc_machine_destroy(m);
}

/*
 * unshare_sighand(): a child sharing its parent's handler table
 * (CLONE_VM|CLONE_VFORK|CLONE_SIGHAND) gets a copy at exec, so the reset
 * leaves the parent's handler alone.
 */
static void test_shared_handlers_copied(void **state)
{
	struct nc_machine *m = boot_with_init("1x2");
	struct task_struct *parent = nc_current(m), *child;
	const struct k_sigaction own = { .handler = 0x401000 };

	(void)state;
	assert_int_equal(do_sigaction(parent, SIGUSR2, &own, NULL), 0);
	assert_int_equal(nc_clone(m, CLONE_VM | CLONE_VFORK | CLONE_SIGHAND, SIGCHLD), 3);
	child = nc_run_as(m, 3);
	assert_ptr_equal(child->sighand, parent->sighand);
	assert_int_equal(parent->sighand->count, 2);
	assert_int_equal(user_execve(m, "/bin/true", "true"), 0);
	assert_ptr_not_equal(child->sighand, parent->sighand);
	assert_int_equal(parent->sighand->count, 1);
	assert_int_equal(child->sighand->count, 1);
	assert_int_equal(parent->sighand->action[SIGUSR2 - 1].handler, 0x401000);
	assert_int_equal(child->sighand->action[SIGUSR2 - 1].handler, NC_SIG_DFL);
	nc_machine_destroy(m);
}

/*
 * unshare_files() and do_close_on_exec(): a child sharing its parent's
 * descriptors (CLONE_FILES) gets a copy at exec, whose close-on-exec
 * descriptors close; the parent's pidfd (clone() makes it O_CLOEXEC)
 * stays open in the parent's table.
 */
static void test_shared_files_copied_and_cloexec_closed(void **state)
{
	struct nc_machine *m = boot_with_init("1x2");
	struct task_struct *parent = nc_current(m), *child;
	unsigned long at = map(m, 4096);
	struct kernel_clone_args args = { .flags = CLONE_PIDFD, .pidfd = at,
					  .exit_signal = SIGCHLD };
	int fd = -1;

	(void)state;
	assert_int_equal(kernel_clone(m, &args), 3);
	assert_int_equal(copy_from_user(m, &fd, at, sizeof(fd)), 0);
	assert_non_null(nc_fd_file(m, (unsigned int)fd));
	assert_true(nc_fd_cloexec(parent->files, (unsigned int)fd));
	assert_int_equal(nc_clone(m, CLONE_VM | CLONE_VFORK | CLONE_FILES, SIGCHLD), 4);
	child = nc_run_as(m, 4);
	assert_ptr_equal(child->files, parent->files);
	assert_int_equal(user_execve(m, "/bin/true", "true"), 0);
	assert_ptr_not_equal(child->files, parent->files);
	assert_int_equal(parent->files->count, 1);
	assert_null(nc_fd_file(m, (unsigned int)fd));
	assert_false(nc_fd_cloexec(child->files, (unsigned int)fd));
	nc_run_as(m, 1);
	assert_non_null(nc_fd_file(m, (unsigned int)fd));
	nc_machine_destroy(m);
}

/* The errno of the host's execveat() in a child, 0 if the program ran. */
static int host_errno(const char *filename, char *const *argv, char *const *envp, int flags)
{
	int status;
	pid_t child = fork();

	if (!child) {
		struct rlimit stack;

		/* the model's stack limit, init's 8 MiB, if the host allows it */
		if (!syscall(SYS_getrlimit, RLIMIT_STACK, &stack) && stack.rlim_max >= _STK_LIM) {
			stack.rlim_cur = _STK_LIM;
			syscall(SYS_setrlimit, RLIMIT_STACK, &stack);
		}
		syscall(SYS_execveat, NC_AT_FDCWD, filename, argv, envp, flags);
		_exit(errno);
	}
	waitpid(child, &status, 0);
	return WEXITSTATUS(status);
}

/*
 * Errors decidable without a filesystem, in the kernel's order, against the
 * host: a bad filename pointer, "", a name of PATH_MAX bytes, an unknown
 * execveat() flag; then (the file being there) a bad argv, a bad string
 * pointer in it, a bad envp, a string longer than MAX_ARG_STRLEN, and
 * strings that fit one by one but not together: 17 of 128000 bytes are
 * more than bprm_stack_limits() leaves, a quarter of the 8 MiB stack
 * limit less the 19 pointers.
 */
static void test_errors_like_host(void **state)
{
	struct nc_machine *m = boot_with_init("1x2");
	static char longname[NC_PATH_MAX + 1], bigarg[MAX_ARG_STRLEN + 2];
	char *const argv_ok[] = { (char *)"true", NULL };
	char *const argv_bad[] = { (char *)"true", (char *)16, NULL };
	char *const argv_big[] = { (char *)"true", bigarg, NULL };
	static char *argv_many[19];
	uint64_t many[19];
	unsigned long page, path, empty, lname, ok, bad, big, strings;
	struct {
		const char *what;
		const char *host_name;
		char *const *host_argv, *const *host_envp;
		int flags;
		unsigned long name, argv, envp;
	} cases[9];

	(void)state;
	memset(longname, 'a', NC_PATH_MAX);
	memset(bigarg, 'b', MAX_ARG_STRLEN + 1);
	page = map(m, 8192);
	path = page;
	empty = page + 32;
	assert_int_equal(copy_to_user(m, path, "/bin/true", 10), 0);
	assert_int_equal(copy_to_user(m, empty, "", 1), 0);
	ok = put_strings(m, page + 64, (const char *const[]){ "true", NULL });
	lname = map(m, NC_PATH_MAX + 4096);
	assert_int_equal(copy_to_user(m, lname, longname, NC_PATH_MAX + 1), 0);
	strings = map(m, MAX_ARG_STRLEN + 8192);
	assert_int_equal(copy_to_user(m, strings, bigarg, MAX_ARG_STRLEN + 2), 0);
	/* { "true", (char *)16 } and { "true", the big string }: "true" is at page + 64 */
	bad = page + 256;
	big = page + 512;
	assert_int_equal(copy_to_user(m, bad, (uint64_t[]){ page + 64, 16, 0 }, 24), 0);
	assert_int_equal(copy_to_user(m, big, (uint64_t[]){ page + 64, strings, 0 }, 24), 0);
	/* 17 copies of one string of 127999 bytes and its NUL, after "true" */
	argv_many[0] = (char *)"true";
	many[0] = page + 64;
	for (int i = 1; i <= 17; i++) {
		argv_many[i] = bigarg + MAX_ARG_STRLEN + 1 - 127999;
		many[i] = strings + MAX_ARG_STRLEN + 1 - 127999;
	}
	argv_many[18] = NULL;
	many[18] = 0;
	assert_int_equal(copy_to_user(m, page + 1024, many, sizeof(many)), 0);
	cases[0] = (typeof(cases[0])){ "bad filename", (const char *)16, argv_ok, NULL, 0,
				       16, ok, 0 };
	cases[1] = (typeof(cases[0])){ "empty filename", "", argv_ok, NULL, 0, empty, ok, 0 };
	cases[2] = (typeof(cases[0])){ "long filename", longname, argv_ok, NULL, 0, lname, ok, 0 };
	cases[3] = (typeof(cases[0])){ "flag 1", "/bin/true", argv_ok, NULL, 1, path, ok, 0 };
	cases[4] = (typeof(cases[0])){ "bad argv", "/bin/true", (char *const *)16, NULL, 0,
				       path, 16, 0 };
	cases[5] = (typeof(cases[0])){ "bad string", "/bin/true", argv_bad, NULL, 0,
				       path, bad, 0 };
	cases[6] = (typeof(cases[0])){ "bad envp", "/bin/true", argv_ok, (char *const *)16, 0,
				       path, ok, 16 };
	cases[7] = (typeof(cases[0])){ "long string", "/bin/true", argv_big, NULL, 0,
				       path, big, 0 };
	cases[8] = (typeof(cases[0])){ "past the stack limit", "/bin/true", argv_many, NULL, 0,
				       path, page + 1024, 0 };
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int want = host_errno(cases[i].host_name, cases[i].host_argv, cases[i].host_envp,
				      cases[i].flags);
		long got = sys_execveat(m, NC_AT_FDCWD, cases[i].name, cases[i].argv,
					cases[i].envp, cases[i].flags);

		if (!want || got != -want)
			fail_msg("%s: host errno %d, model %ld", cases[i].what, want, got);
	}
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vfork_exec_wakes_parent),
		cmocka_unit_test(test_thread_exec_takes_leader_pid),
		cmocka_unit_test(test_sched_exec_idlest_cpu),
		cmocka_unit_test(test_comm),
		cmocka_unit_test(test_handlers_reset),
		cmocka_unit_test(test_shared_handlers_copied),
		cmocka_unit_test(test_shared_files_copied_and_cloexec_closed),
		cmocka_unit_test(test_errors_like_host),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
