// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/kernel/sys.c: getpid/gettid/getppid of processes and
 * threads, with the same relations checked on the host kernel by forking a
 * real process and starting a real thread; process groups and sessions,
 * each step's result compared with the same step on the host. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "fs/file.h"
#include "kernel/cred.h"
#include "kernel/exit.h"
#include "kernel/sched/core.h"
#include "kernel/sys.h"
#include "mm/mmap.h"
#include "mm/uaccess.h"
#include "uapi/linux/sched.h"
#include "unit/nc_boot.h"

struct ids {
	pid_t pid, tid, ppid;
};

static void *host_thread(void *arg)
{
	struct ids *ids = arg;

	ids->pid = getpid();
	ids->tid = (pid_t)syscall(SYS_gettid);
	ids->ppid = getppid();
	return NULL;
}

static void test_process_ids_like_host(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	int pipefd[2];
	pid_t child, host_ppid = 0;

	(void)state;
	/* host: a child's getppid() is its parent's getpid(), and getpid == gettid */
	assert_int_equal(pipe(pipefd), 0);
	child = fork();
	if (!child) {
		pid_t v[2] = { getppid(), getpid() == (pid_t)syscall(SYS_gettid) };

		_exit(write(pipefd[1], v, sizeof(v)) != sizeof(v));
	}
	pid_t v[2];
	assert_int_equal(read(pipefd[0], v, sizeof(v)), sizeof(v));
	waitpid(child, NULL, 0);
	host_ppid = v[0];
	assert_int_equal(host_ppid, getpid());
	assert_true(v[1]);

	/* model: init (pid 1) forks 3, which forks 4 */
	nc_run_as(m, 1);
	assert_int_equal(nc_clone(m, 0, 17), 3);
	nc_run_as(m, 3);
	assert_int_equal(kernel_getpid(m), 3);
	assert_int_equal(kernel_gettid(m), 3);
	assert_int_equal(kernel_getppid(m), 1);
	assert_int_equal(nc_clone(m, 0, 17), 4);
	nc_run_as(m, 4);
	assert_int_equal(kernel_getppid(m), 3);
	nc_machine_destroy(m);
}

static void test_thread_ids_like_host(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct ids host;
	pthread_t th;

	(void)state;
	/* host: a thread shares getpid() and getppid(), has its own gettid() */
	assert_int_equal(pthread_create(&th, NULL, host_thread, &host), 0);
	pthread_join(th, NULL);
	assert_int_equal(host.pid, getpid());
	assert_int_not_equal(host.tid, host.pid);
	assert_int_equal(host.ppid, getppid());

	nc_run_as(m, 1);
	assert_int_equal(nc_clone(m, 0, 17), 3);
	nc_run_as(m, 3);
	assert_int_equal(nc_clone(m, CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND |
				  CLONE_THREAD, 0), 4);
	nc_run_as(m, 4);
	assert_int_equal(kernel_getpid(m), 3);
	assert_int_equal(kernel_gettid(m), 4);
	assert_int_equal(kernel_getppid(m), 1);
	/* the boot task's own ids are 0, and its parent is itself */
	m->curr[m->cpu] = m->init_task;
	assert_int_equal(kernel_getpid(m), 0);
	assert_int_equal(kernel_getppid(m), 0);
	nc_machine_destroy(m);
}

/* The steps of test_groups_and_sessions_like_host, as results: 0 for a
 * call that succeeded (or returned the pid expected), else its errno. */
enum { S_SETSID, S_SETSID_AGAIN, S_LEADER_SETPGID, S_CHILD_OWN_GROUP, S_CHILD_PGID,
       S_CHILD_JOIN, S_CHILD_PGID2, S_NO_GROUP, S_NEGATIVE, S_NOT_CHILD, S_CHILD_SID,
       S_NO_TASK, S_GRANDCHILD_OWN_GROUP, S_GRANDCHILD_SETSID, NR_STEPS };

static int err_of(long r)
{
	return r < 0 ? (int)-r : 0;
}

static int host_err(long r)
{
	return r < 0 ? errno : 0;
}

/* On the host, in a throw-away process A (so that the test keeps its own
 * session): A starts a session, forks B, and moves B between groups. */
static void host_steps(int *res)
{
	int out[2], go[2];
	pid_t a;

	assert_int_equal(pipe(out), 0);
	a = fork();
	if (!a) {
		int r[NR_STEPS] = { 0 }, b_pipe[2];
		pid_t me, b;
		char c;

		me = getpid();
		r[S_SETSID] = setsid() == me ? 0 : -1;
		r[S_SETSID_AGAIN] = host_err(setsid());
		r[S_LEADER_SETPGID] = host_err(setpgid(0, 0));
		if (pipe(go) || pipe(b_pipe))
			_exit(1);
		b = fork();
		if (!b) {
			int rb[2];

			if (read(go[0], &c, 1) != 1)
				_exit(1);
			rb[0] = host_err(setpgid(0, 0));
			rb[1] = host_err(setsid());
			_exit(write(b_pipe[1], rb, sizeof(rb)) != sizeof(rb));
		}
		r[S_CHILD_OWN_GROUP] = host_err(setpgid(b, 0));
		r[S_CHILD_PGID] = getpgid(b) == b ? 0 : -1;
		r[S_CHILD_JOIN] = host_err(setpgid(b, me));
		r[S_CHILD_PGID2] = getpgid(b) == me ? 0 : -1;
		r[S_NO_GROUP] = host_err(setpgid(b, 4194303));
		r[S_NEGATIVE] = host_err(setpgid(b, -1));
		r[S_NOT_CHILD] = host_err(setpgid(getppid(), 0));
		r[S_CHILD_SID] = getsid(b) == me ? 0 : -1;
		r[S_NO_TASK] = host_err(getpgid(4194303));
		if (write(go[1], "x", 1) != 1 ||
		    read(b_pipe[0], &r[S_GRANDCHILD_OWN_GROUP], 2 * sizeof(int)) != 2 * sizeof(int))
			_exit(1);
		waitpid(b, NULL, 0);
		_exit(write(out[1], r, sizeof(r)) != sizeof(r));
	}
	assert_int_equal(read(out[0], res, NR_STEPS * sizeof(int)), NR_STEPS * sizeof(int));
	waitpid(a, NULL, 0);
	close(out[0]);
	close(out[1]);
}

static void test_groups_and_sessions_like_host(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	int host[NR_STEPS], model[NR_STEPS];
	pid_t a, b;

	(void)state;
	host_steps(host);
	/* the same steps in the model: init forks A, A forks B */
	nc_run_as(m, 1);
	a = (pid_t)nc_clone(m, 0, 17);
	nc_run_as(m, a);
	model[S_SETSID] = kernel_setsid(m) == a ? 0 : -1;
	model[S_SETSID_AGAIN] = err_of(kernel_setsid(m));
	model[S_LEADER_SETPGID] = err_of(kernel_setpgid(m, 0, 0));
	b = (pid_t)nc_clone(m, 0, 17);
	model[S_CHILD_OWN_GROUP] = err_of(kernel_setpgid(m, b, 0));
	model[S_CHILD_PGID] = kernel_getpgid(m, b) == b ? 0 : -1;
	model[S_CHILD_JOIN] = err_of(kernel_setpgid(m, b, a));
	model[S_CHILD_PGID2] = kernel_getpgid(m, b) == a ? 0 : -1;
	model[S_NO_GROUP] = err_of(kernel_setpgid(m, b, 4194303));
	model[S_NEGATIVE] = err_of(kernel_setpgid(m, b, -1));
	model[S_NOT_CHILD] = err_of(kernel_setpgid(m, kernel_getppid(m), 0));
	model[S_CHILD_SID] = kernel_getsid(m, b) == a ? 0 : -1;
	model[S_NO_TASK] = err_of(kernel_getpgid(m, 4194303));
	nc_run_as(m, b);
	model[S_GRANDCHILD_OWN_GROUP] = err_of(kernel_setpgid(m, 0, 0));
	model[S_GRANDCHILD_SETSID] = err_of(kernel_setsid(m));
	for (int i = 0; i < NR_STEPS; i++)
		if (host[i] != model[i])
			fail_msg("step %d: host %d, model %d", i, host[i], model[i]);
	/* by hand from v6.12's rules, so that agreeing on nothing cannot pass */
	assert_int_equal(model[S_SETSID_AGAIN], EPERM);
	assert_int_equal(model[S_NOT_CHILD], ESRCH);
	assert_int_equal(model[S_NEGATIVE], EINVAL);
	assert_int_equal(kernel_getpgrp(m), b);
	nc_machine_destroy(m);
}

/* A fork inherits its parent's group and session; the group outlives its
 * leader while a member remains; the last member frees the pid. */
static void test_group_inherited_and_released(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	pid_t a, b;

	(void)state;
	nc_run_as(m, 1);
	a = (pid_t)nc_clone(m, 0, 17);
	nc_run_as(m, a);
	assert_int_equal(kernel_setsid(m), a);
	b = (pid_t)nc_clone(m, 0, 17);
	nc_run_as(m, b);
	assert_int_equal(kernel_getpgrp(m), a);
	assert_int_equal(kernel_getsid(m, 0), a);
	/* A exits and is reaped: its pid stays, as B's group and session */
	nc_run_as(m, a);
	kernel_exit(m, 0);
	nc_run_as(m, 1);
	assert_int_equal(kernel_wait4(m, a, 0, 0, 0), a);
	assert_non_null(find_pid_ns(a, m->init_pid_ns));
	nc_run_as(m, b);
	assert_int_equal(kernel_getpgrp(m), a);
	/* B leaves the group: nothing uses the pid as a group, but B's
	 * session still names it */
	assert_int_equal(kernel_setpgid(m, 0, 0), 0);
	assert_non_null(find_pid_ns(a, m->init_pid_ns));
	assert_int_equal(kernel_setsid(m), -EPERM);   /* B leads group b */
	nc_machine_destroy(m);
}

/* wait4(0) and wait4(-pgid), waitid(P_PGID): only children in that group
 * (kernel/exit.c's PIDTYPE_PGID waits); by hand from v6.12's rules. */
static void test_wait_for_a_group(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	pid_t a, b, c;

	(void)state;
	nc_run_as(m, 1);
	a = (pid_t)nc_clone(m, 0, 17);
	nc_run_as(m, a);
	assert_int_equal(kernel_setsid(m), a);
	b = (pid_t)nc_clone(m, 0, 17);
	c = (pid_t)nc_clone(m, 0, 17);
	assert_int_equal(kernel_setpgid(m, c, 0), 0);
	nc_run_as(m, b);
	kernel_exit(m, 0);
	nc_run_as(m, c);
	kernel_exit(m, 0);
	nc_run_as(m, a);
	/* c's group: c; ours: b */
	assert_int_equal(kernel_wait4(m, -c, 0, 0, 0), c);
	assert_int_equal(kernel_waitid(m, NC_P_PGID, c, 0, WEXITED, 0), -ECHILD);
	assert_int_equal(kernel_wait4(m, 0, 0, 0, 0), b);
	assert_int_equal(kernel_wait4(m, 0, 0, 0, 0), -ECHILD);
	nc_machine_destroy(m);
}

/*
 * setpriority()/getpriority() over a process group: init (1) forks 3,
 * which makes its own group and forks 4 into it, and a thread 5. Worked
 * from kernel/sys.c: which out of range is EINVAL before anything; no
 * match is ESRCH; a group's nice values are set on every thread, and
 * getpriority() answers 20 - the lowest nice value among them; values
 * are clamped to -20..19; each change moves the weight on the queue.
 */
static void test_priority_of_group(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *t3, *t4, *t5;
	unsigned long load;

	(void)state;
	nc_run_as(m, 1);
	assert_int_equal(nc_clone(m, 0, 17), 3);
	t3 = nc_run_as(m, 3);
	assert_int_equal(kernel_setpgid(m, 0, 0), 0);
	assert_int_equal(nc_clone(m, 0, 17), 4);
	assert_int_equal(nc_clone(m, CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND |
				  CLONE_THREAD, 0), 5);
	t4 = pid_task(find_pid_ns(4, m->init_pid_ns), PIDTYPE_PID);
	t5 = pid_task(find_pid_ns(5, m->init_pid_ns), PIDTYPE_PID);
	assert_int_equal(kernel_setpriority(m, 3, 0, 1), -EINVAL);
	assert_int_equal(kernel_getpriority(m, -1, 0), -EINVAL);
	assert_int_equal(kernel_setpriority(m, PRIO_PROCESS, 999, 1), -ESRCH);
	assert_int_equal(kernel_getpriority(m, PRIO_PGRP, 999), -ESRCH);
	assert_int_equal(kernel_getpriority(m, PRIO_USER, 4321), -ESRCH);
	assert_int_equal(kernel_getpriority(m, PRIO_PGRP, 0), 20);
	assert_int_equal(kernel_setpriority(m, PRIO_PGRP, 0, 7), 0);
	assert_int_equal(t3->static_prio, 127);
	assert_int_equal(t4->static_prio, 127);
	assert_int_equal(t5->static_prio, 127);
	assert_int_equal(t4->se_load_weight, 215);                /* nice 7 */
	assert_int_equal(kernel_setpriority(m, PRIO_PROCESS, 4, 100), 0);
	assert_int_equal(kernel_getpriority(m, PRIO_PROCESS, 4), 1);   /* nice 19 */
	assert_int_equal(kernel_getpriority(m, PRIO_PGRP, 3), 13);     /* 20 - 7 */
	assert_int_equal(kernel_setpriority(m, PRIO_PROCESS, 5, -50), 0);
	assert_int_equal(kernel_getpriority(m, PRIO_PGRP, 0), 40);     /* nice -20 */
	assert_int_equal(kernel_getpriority(m, PRIO_PROCESS, 0), 13);
	/* 4 waits queued at nice 19, then 0 again: its queue's load follows */
	assert_int_equal(t4->on_rq, TASK_ON_RQ_QUEUED);
	load = t4->se_cfs_rq->load;
	assert_int_equal(kernel_setpriority(m, PRIO_PROCESS, 4, 0), 0);
	assert_int_equal(t4->se_cfs_rq->load, load - 15 + 1024);
	nc_machine_destroy(m);
}

/* ---- resource limits and ids ---- */

#define NOPE 8UL                  /* below mmap_min_addr: faults on the host and in the model */
#define BUF 0x10000000UL          /* the process's own memory in the model */

struct rlim64 {
	uint64_t cur, max;
};

static struct rlim64 model_rlim(struct nc_machine *m, unsigned long addr)
{
	struct rlim64 r;

	assert_int_equal(copy_from_user(m, &r, addr, sizeof(r)), 0);
	return r;
}

static void put_rlim(struct nc_machine *m, unsigned long addr, uint64_t cur, uint64_t max)
{
	struct rlim64 r = { cur, max };

	assert_int_equal(copy_to_user(m, addr, &r, sizeof(r)), 0);
}

/* Calls that fail change nothing: each is made on the host as well and
 * must give the same errno (do_prlimit()'s and prlimit64()'s order). */
static void test_rlimit_errors_like_host(void **state)
{
	struct nc_machine *m = nc_boot_process("1x2");
	struct rlim64 soft_above = { 4096, 1024 }, past_nr_open = { 1024, NR_OPEN + 1 };
	struct rlim64 valid = { 512, 1024 }, old;

	(void)state;
	assert_int_equal(kernel_getrlimit(m, RLIM_NLIMITS, BUF),
			 host_ret(syscall(SYS_getrlimit, RLIM_NLIMITS, &old)));
	assert_int_equal(kernel_getrlimit(m, RLIMIT_NOFILE, NOPE),
			 host_ret(syscall(SYS_getrlimit, RLIMIT_NOFILE, NOPE)));
	/* setrlimit copies the struct before it looks at the resource */
	assert_int_equal(kernel_setrlimit(m, RLIM_NLIMITS, NOPE),
			 host_ret(syscall(SYS_setrlimit, RLIM_NLIMITS, NOPE)));
	put_rlim(m, BUF, valid.cur, valid.max);
	assert_int_equal(kernel_setrlimit(m, RLIM_NLIMITS, BUF),
			 host_ret(syscall(SYS_setrlimit, RLIM_NLIMITS, &valid)));
	put_rlim(m, BUF, soft_above.cur, soft_above.max);
	assert_int_equal(kernel_setrlimit(m, RLIMIT_NOFILE, BUF),
			 host_ret(syscall(SYS_setrlimit, RLIMIT_NOFILE, &soft_above)));
	put_rlim(m, BUF, past_nr_open.cur, past_nr_open.max);
	assert_int_equal(kernel_setrlimit(m, RLIMIT_NOFILE, BUF),
			 host_ret(syscall(SYS_setrlimit, RLIMIT_NOFILE, &past_nr_open)));
	/* prlimit64 reads the new limit before it looks the pid up */
	assert_int_equal(kernel_prlimit64(m, 0x7ffffff0, RLIMIT_NOFILE, NOPE, 0),
			 host_ret(syscall(SYS_prlimit64, 0x7ffffff0, RLIMIT_NOFILE, NOPE, NULL)));
	assert_int_equal(kernel_prlimit64(m, 0x7ffffff0, RLIMIT_NOFILE, 0, BUF),
			 host_ret(syscall(SYS_prlimit64, 0x7ffffff0, RLIMIT_NOFILE, NULL, &old)));
	assert_int_equal(kernel_prlimit64(m, -1, RLIMIT_NOFILE, 0, BUF),
			 host_ret(syscall(SYS_prlimit64, -1, RLIMIT_NOFILE, NULL, &old)));
	assert_int_equal(kernel_prlimit64(m, 0, RLIM_NLIMITS, 0, BUF),
			 host_ret(syscall(SYS_prlimit64, 0, RLIM_NLIMITS, NULL, &old)));
	assert_int_equal(kernel_prlimit64(m, 0, RLIMIT_NOFILE, 0, NOPE),
			 host_ret(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, NOPE)));
	assert_int_equal(kernel_getrlimit(m, RLIMIT_NOFILE, NOPE), -EFAULT);
	nc_machine_destroy(m);
}

/* Hand-worked from INIT_RLIMITS and do_prlimit(): the boot limits, the
 * old value written back, a fork's copy, a thread's shared one. */
static void test_rlimits_inherited_and_shared(void **state)
{
	struct nc_machine *m = nc_boot_process("1x2");
	struct rlim64 r;

	(void)state;
	assert_int_equal(kernel_prlimit64(m, 0, RLIMIT_NOFILE, 0, BUF), 0);
	r = model_rlim(m, BUF);
	assert_int_equal(r.cur, 1024);
	assert_int_equal(r.max, 4096);
	assert_int_equal(kernel_getrlimit(m, RLIMIT_STACK, BUF), 0);
	r = model_rlim(m, BUF);
	assert_int_equal(r.cur, 8 << 20);
	assert_true(r.max == RLIM64_INFINITY);
	assert_int_equal(kernel_getrlimit(m, RLIMIT_CORE, BUF), 0);
	assert_int_equal(model_rlim(m, BUF).cur, 0);
	assert_int_equal(kernel_getrlimit(m, RLIMIT_MEMLOCK, BUF), 0);
	assert_int_equal(model_rlim(m, BUF).max, 8 << 20);
	assert_int_equal(kernel_getrlimit(m, RLIMIT_NPROC, BUF), 0);
	assert_int_equal(model_rlim(m, BUF).cur, m->fork->max_threads / 2);
	assert_int_equal(kernel_getrlimit(m, RLIMIT_SIGPENDING, BUF), 0);
	assert_int_equal(model_rlim(m, BUF).max, m->fork->max_threads / 2);

	/* set and get the old value in one call */
	put_rlim(m, BUF, 100, 200);
	assert_int_equal(kernel_prlimit64(m, 0, RLIMIT_NOFILE, BUF, BUF + 16), 0);
	r = model_rlim(m, BUF + 16);
	assert_int_equal(r.cur, 1024);
	assert_int_equal(r.max, 4096);
	/* the fork (4) copies the signal struct's limits; its change is its own */
	assert_int_equal(nc_clone(m, 0, 17), 4);
	nc_run_as(m, 4);
	assert_int_equal(kernel_getrlimit(m, RLIMIT_NOFILE, BUF), 0);
	assert_int_equal(model_rlim(m, BUF).max, 200);
	put_rlim(m, BUF, 50, 60);
	assert_int_equal(kernel_setrlimit(m, RLIMIT_NOFILE, BUF), 0);
	nc_run_as(m, 3);
	assert_int_equal(kernel_getrlimit(m, RLIMIT_NOFILE, BUF), 0);
	assert_int_equal(model_rlim(m, BUF).max, 200);
	/* a thread (5) shares them: its change is the group's */
	assert_int_equal(nc_clone(m, CLONE_VM | CLONE_SIGHAND | CLONE_THREAD, 0), 5);
	nc_run_as(m, 5);
	put_rlim(m, BUF, 70, 80);
	assert_int_equal(kernel_setrlimit(m, RLIMIT_NOFILE, BUF), 0);
	nc_run_as(m, 3);
	assert_int_equal(kernel_getrlimit(m, RLIMIT_NOFILE, BUF), 0);
	assert_int_equal(model_rlim(m, BUF).cur, 70);
	/* root raises the hard limit again; another process's limits too */
	put_rlim(m, BUF, 70, 9000);
	assert_int_equal(kernel_prlimit64(m, 4, RLIMIT_NOFILE, BUF, BUF + 16), 0);
	assert_int_equal(model_rlim(m, BUF + 16).max, 60);
	nc_machine_destroy(m);
}

/* check_prlimit_permission() and do_prlimit()'s capability check for a
 * user without capabilities (hand-worked) */
static void test_rlimits_of_a_user(void **state)
{
	struct nc_machine *m = nc_boot_process("1x2");

	(void)state;
	assert_int_equal(nc_clone(m, 0, 17), 4);          /* root's */
	assert_int_equal(nc_set_user(m, 1000), 0);        /* 3 becomes user 1000 */
	assert_int_equal(nc_clone(m, 0, 17), 5);          /* 1000's */
	put_rlim(m, BUF, 100, 4096);
	assert_int_equal(kernel_prlimit64(m, 0, RLIMIT_NOFILE, BUF, 0), 0);   /* not a raise */
	put_rlim(m, BUF, 100, 4097);
	assert_int_equal(kernel_prlimit64(m, 0, RLIMIT_NOFILE, BUF, 0), -EPERM);
	put_rlim(m, BUF, 100, 2000);
	assert_int_equal(kernel_prlimit64(m, 0, RLIMIT_NOFILE, BUF, 0), 0);
	put_rlim(m, BUF, 100, 3000);
	assert_int_equal(kernel_setrlimit(m, RLIMIT_NOFILE, BUF), -EPERM);
	/* another user's process: EPERM even to read; one's own: allowed */
	assert_int_equal(kernel_prlimit64(m, 4, RLIMIT_NOFILE, 0, BUF), -EPERM);
	assert_int_equal(kernel_prlimit64(m, 5, RLIMIT_NOFILE, 0, BUF), 0);
	assert_int_equal(model_rlim(m, BUF).max, 4096);
	/* the hard limit check is against the target's */
	put_rlim(m, BUF, 100, 3000);
	assert_int_equal(kernel_prlimit64(m, 5, RLIMIT_NOFILE, BUF, 0), 0);
	nc_machine_destroy(m);
}

/* nc_adopt_rlimit(): every group still holding current's value */
static void test_adopt_rlimit(void **state)
{
	struct nc_machine *m = nc_boot_process("1x2");
	struct rlimit shell = { 20000, 30000 };

	(void)state;
	assert_int_equal(nc_clone(m, 0, 17), 4);
	nc_run_as(m, 4);
	put_rlim(m, BUF, 10, 20);
	assert_int_equal(kernel_setrlimit(m, RLIMIT_NOFILE, BUF), 0);
	nc_run_as(m, 3);
	assert_int_equal(nc_clone(m, 0, 17), 5);
	nc_adopt_rlimit(m, RLIMIT_NOFILE, &shell);
	assert_int_equal(nc_run_as(m, 3)->signal->rlim[RLIMIT_NOFILE].rlim_cur, 20000);
	assert_int_equal(nc_run_as(m, 5)->signal->rlim[RLIMIT_NOFILE].rlim_max, 30000);
	assert_int_equal(nc_run_as(m, 4)->signal->rlim[RLIMIT_NOFILE].rlim_max, 20);
	nc_machine_destroy(m);
}

/* The id getters against the host for this process's own ids: the
 * model's first task is root, as the test is when it runs as root. */
static void test_ids(void **state)
{
	struct nc_machine *m = nc_boot_process("1x2");
	unsigned int ids[3];

	(void)state;
	if (getuid() == 0 && getgid() == 0) {
		assert_int_equal(kernel_getuid(m), getuid());
		assert_int_equal(kernel_geteuid(m), geteuid());
		assert_int_equal(kernel_getgid(m), getgid());
		assert_int_equal(kernel_getegid(m), getegid());
	}
	assert_int_equal(kernel_getresuid(m, BUF, BUF + 4, NOPE),
			 host_ret(syscall(SYS_getresuid, &ids[0], &ids[1], NOPE)));
	assert_int_equal(kernel_getresgid(m, NOPE, BUF + 4, BUF + 8),
			 host_ret(syscall(SYS_getresgid, NOPE, &ids[1], &ids[2])));
	assert_int_equal(nc_set_user(m, 1000), 0);
	assert_int_equal(kernel_getuid(m), 1000);
	assert_int_equal(kernel_getegid(m), 1000);
	assert_int_equal(kernel_getresuid(m, BUF, BUF + 4, BUF + 8), 0);
	assert_int_equal(copy_from_user(m, ids, BUF, sizeof(ids)), 0);
	assert_int_equal(ids[0], 1000);
	assert_int_equal(ids[2], 1000);
	/* in a new user namespace nothing is mapped: the overflow ids */
	nc_set_user(m, 0);
	assert_int_equal(nc_clone(m, CLONE_NEWUSER, 17), 4);
	nc_run_as(m, 4);
	assert_int_equal(kernel_getuid(m), 65534);
	assert_int_equal(kernel_getgid(m), 65534);
	nc_machine_destroy(m);
}

/* nc_adopt_id(): the uid moves the NPROC count; a user euid drops the
 * capabilities; tasks holding another value keep theirs */
static void test_adopt_id(void **state)
{
	struct nc_machine *m = nc_boot_process("1x2");
	struct task_struct *p3, *p4;

	(void)state;
	assert_int_equal(nc_clone(m, 0, 17), 4);
	p4 = nc_run_as(m, 4);
	p3 = nc_run_as(m, 3);
	assert_int_equal(nc_adopt_id(m, NC_UID, 1000, false), 0);
	assert_int_equal(nc_adopt_id(m, NC_EUID, 1000, false), 0);
	assert_int_equal(kernel_getuid(m), 1000);
	assert_int_equal(p4->real_cred->uid, 1000);
	assert_int_equal(p3->real_cred->ucounts->nproc, 2);    /* 3 and 4 */
	assert_int_equal(p3->real_cred->ucounts->uid, 1000);
	assert_false(capable(m, CAP_SYS_RESOURCE));
	assert_int_equal(kernel_getgid(m), 0);
	/* init has no mm: not a task of the traced program */
	assert_int_equal(nc_run_as(m, 1)->real_cred->uid, 0);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_process_ids_like_host),
		cmocka_unit_test(test_priority_of_group),
		cmocka_unit_test(test_thread_ids_like_host),
		cmocka_unit_test(test_groups_and_sessions_like_host),
		cmocka_unit_test(test_group_inherited_and_released),
		cmocka_unit_test(test_wait_for_a_group),
		cmocka_unit_test(test_rlimit_errors_like_host),
		cmocka_unit_test(test_rlimits_inherited_and_shared),
		cmocka_unit_test(test_rlimits_of_a_user),
		cmocka_unit_test(test_adopt_rlimit),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_adopt_id),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
