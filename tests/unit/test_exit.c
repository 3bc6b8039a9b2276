// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/kernel/exit.c: the status exit() and exit_group() leave,
 * compared with the wait status the host kernel reports for a real child
 * making the same call, and which tasks become zombies or dead. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "kernel/exit.h"
#include "uapi/linux/sched.h"
#include "unit/nc_boot.h"

static int host_status(long nr, int code)
{
	int status = -1;
	pid_t child = fork();

	if (!child)
		syscall(nr, code);
	waitpid(child, &status, 0);
	return status;
}

static void test_status_like_host(void **state)
{
	static const int codes[] = { 0, 1, 3, 255, 256, 0x1ff, -1 };

	(void)state;
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		struct nc_machine *m = nc_boot("1x2");
		struct task_struct *t;

		nc_run_as(m, 1);
		nc_clone(m, 0, 17);
		t = nc_run_as(m, 3);
		kernel_exit_group(m, codes[i]);
		assert_int_equal(t->exit_code, host_status(SYS_exit_group, codes[i]));
		assert_int_equal(t->exit_state, EXIT_ZOMBIE);
		assert_ptr_equal(nc_current(m), m->init_task);

		nc_run_as(m, 1);
		nc_clone(m, 0, 17);
		t = nc_run_as(m, 4);
		kernel_exit(m, codes[i]);
		assert_int_equal(t->exit_code, host_status(SYS_exit, codes[i]));
		nc_machine_destroy(m);
	}
}

static void test_group_exit_takes_threads(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *leader, *thread, *other;

	(void)state;
	nc_run_as(m, 1);
	nc_clone(m, 0, 17);
	leader = nc_run_as(m, 3);
	nc_clone(m, CLONE_VM | CLONE_SIGHAND | CLONE_THREAD, 0);
	nc_clone(m, CLONE_VM | CLONE_SIGHAND | CLONE_THREAD, 0);
	thread = nc_run_as(m, 4);
	other = nc_run_as(m, 5);
	/* one thread's exit() leaves the others running; nobody waits for it */
	kernel_exit(m, 0);
	assert_int_equal(other->exit_state, EXIT_DEAD);
	assert_int_equal(leader->exit_state, 0);
	/* exit_group() from a thread takes the leader and the rest */
	nc_run_as(m, 4);
	kernel_exit_group(m, 2);
	assert_int_equal(thread->exit_state, EXIT_DEAD);
	assert_int_equal(leader->exit_state, EXIT_ZOMBIE);
	assert_int_equal(leader->exit_code, 2 << 8);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_like_host),
		cmocka_unit_test(test_group_exit_takes_threads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
