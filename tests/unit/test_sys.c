// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/kernel/sys.c: getpid/gettid/getppid of processes and
 * threads, with the same relations checked on the host kernel by forking a
 * real process and starting a real thread. */
#define _GNU_SOURCE
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "kernel/sys.h"
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_process_ids_like_host),
		cmocka_unit_test(test_thread_ids_like_host),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
