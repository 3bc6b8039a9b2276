// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/strace/replay.c: the pid map (first pid, clone results,
 * children seen before their clone returns, pids nobody created, logs
 * that start without prefixes), running each call in its task and CPU,
 * counting, the report's lines, and the directives. Expectations are worked
 * out by hand: init is pid 1, kthreadd 2, the first task 3. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "unit/replay_script.h"

static void test_first_task_and_children(void **state)
{
	struct script_run run = replay_script(
		"700 getpid() = 700\n"
		"700 getppid() = 650\n"                /* strace's shell: becomes init */
		/* the child's first call completes before its clone does */
		"700 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD <unfinished ...>\n"
		"701 getppid() = 700\n"
		"700 <... clone resumed>, child_tidptr=0x7f) = 701\n"
		"701 getpid() = 701\n"
		"701 gettid() = 701\n"
		"702 getppid() = 650\n"                /* never created: init's child too */
		"700 getppid() = 650\n", "1x2", true);

	(void)state;
	assert_int_equal(run.ret, 0);
	if (run.stats.disagree)
		fail_msg("%s", run.out);
	assert_int_equal(run.stats.agree, 8);
	assert_int_equal(run.stats.not_modelled, 0);
	assert_non_null(strstr(run.out, "replay: 8 agree, 0 disagree, 0 not modelled\n"));
	free(run.out);
}

static void test_threads_and_exit(void **state)
{
	struct script_run run = replay_script(
		"10 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM, exit_signal=0, stack=0x7f0000000000, stack_size=0x10000}, 88) = 11\n"
		"11 getpid() = 10\n"
		"11 gettid() = 11\n"
		"11 exit_group(0) = ?\n"
		"11 +++ exited with 0 +++\n"
		"10 getpid() = 10\n", "1x2", true);

	(void)state;
	assert_int_equal(run.ret, 0);
	/* exit_group took the whole group: the leader's later call disagrees */
	assert_int_equal(run.stats.agree, 4);
	assert_int_equal(run.stats.disagree, 1);
	assert_non_null(strstr(run.out, "line 6: model: the task has already exited\n"));
	free(run.out);
}

static void test_counts_not_modelled(void **state)
{
	struct script_run run = replay_script(
		"getpid() = 20\n"
		"brk(NULL) = 0x55ded6dc0000\n"
		"brk(NULL) = 0x55ded6dc0000\n"
		"fstat(3, {st_mode=S_IFREG|0644, st_size=5, ...}) = 0\n", "1x2", false);

	(void)state;
	assert_int_equal(run.ret, 0);
	assert_int_equal(run.stats.modelled, 1);
	assert_int_equal(run.stats.not_modelled, 3);
	assert_non_null(strstr(run.out, "\nbrk                             2\n"));
	assert_non_null(strstr(run.out, "\nfstat                           1\n"));
	assert_non_null(strstr(run.out, "3     getpid()                          = 3\n"));
	assert_non_null(strstr(run.out, "replay: 1 modelled, 3 not modelled\n"));
	free(run.out);
}

static void test_unprefixed_start(void **state)
{
	/* stderr mode: the first lines carry no pid; getpid() teaches it */
	struct script_run run = replay_script(
		"getpid() = 900\n"
		"clone(child_stack=NULL, flags=SIGCHLD) = 901\n"
		"[pid   901] getppid() = 900\n"
		"[pid   900] gettid() = 900\n", "1x2", true);

	(void)state;
	assert_int_equal(run.ret, 0);
	if (run.stats.disagree)
		fail_msg("%s", run.out);
	assert_int_equal(run.stats.agree, 4);
	free(run.out);
}

static void test_directives(void **state)
{
	struct script_run run;

	(void)state;
	/* "#! cpu" moves the next call's task; the model's output is unchanged,
	 * but a CPU the topology lacks is refused with its line */
	run = replay_script("#! topology 2x2\n#! cpu 3\ngetpid() = 3\n", NULL, true);
	assert_int_equal(run.ret, 0);
	assert_int_equal(run.stats.agree, 1);
	free(run.out);
	run = replay_script("#! topology 2x2\n#! cpu 4\ngetpid()\n", NULL, true);
	assert_int_not_equal(run.ret, 0);
	assert_string_equal(run.err.msg, "script:2: '#! cpu 4': no such CPU on this topology");
	free(run.out);
	run = replay_script("#! colour blue\n", "1x2", true);
	assert_string_equal(run.err.msg, "script:1: unknown directive '#! colour'");
	free(run.out);
	run = replay_script("#! seed many\n", "1x2", true);
	assert_string_equal(run.err.msg, "script:1: '#! seed N' needs a number");
	free(run.out);
	/* the command line's topology wins over the script's */
	run = replay_script("#! topology 9x9x9\ngetpid()\n", "1x2", false);
	assert_int_equal(run.ret, 0);
	free(run.out);
	run = replay_script("#! topology 9x9x9\ngetpid()\n", NULL, false);
	assert_int_not_equal(run.ret, 0);
	free(run.out);
}

/* Lines whose order is not the kernel's, as recorded on this host: the
 * replay must still agree. */
static void test_log_order(void **state)
{
	struct script_run run;

	(void)state;
	/* a clone a signal interrupted runs again on the next line: the first
	 * attempt makes no child (wait4(-1) below finds exactly one) */
	run = replay_script("100 clone(child_stack=NULL, flags=SIGCHLD) = ? ERESTARTNOINTR (To be restarted)\n"
			    "100 clone(child_stack=NULL, flags=SIGCHLD) = 101\n"
			    "101 exit_group(0) = ?\n"
			    "101 +++ exited with 0 +++\n"
			    "100 wait4(-1, NULL, 0, NULL) = 101\n"
			    "100 wait4(-1, NULL, WNOHANG, NULL) = -1 ECHILD (No child processes)\n",
			    "1x2", true);
	assert_int_equal(run.ret, 0);
	assert_int_equal(run.stats.disagree, 0);
	assert_int_equal(run.stats.unchecked, 1);
	free(run.out);
	/* exit_group is printed as it begins; the zombie comes with "+++ exited",
	 * and a wait begun before two exits reaps the first to die (prefork, -f) */
	run = replay_script("100 clone(child_stack=NULL, flags=SIGCHLD) = 101\n"
			    "100 clone(child_stack=NULL, flags=SIGCHLD) = 102\n"
			    "101 exit_group(0 <unfinished ...>\n"
			    "102 exit_group(0 <unfinished ...>\n"
			    "100 wait4(-1,  <unfinished ...>\n"
			    "101 <... exit_group resumed>) = ?\n"
			    "102 <... exit_group resumed>) = ?\n"
			    "102 +++ exited with 0 +++\n"
			    "101 +++ exited with 0 +++\n"
			    "100 <... wait4 resumed>NULL, 0, NULL) = 102\n"
			    "100 wait4(-1, NULL, 0, NULL) = 101\n", "1x2", true);
	assert_int_equal(run.ret, 0);
	if (run.stats.disagree)
		fail_msg("%s", run.out);
	assert_int_equal(run.stats.agree, 6);   /* 2 clones, 2 exit_groups, 2 waits */
	free(run.out);
	/* a worker killed by a signal, reaped by its parent */
	run = replay_script("100 clone(child_stack=NULL, flags=SIGCHLD) = 101\n"
			    "100 kill(101, SIGTERM) = 0\n"
			    "101 +++ killed by SIGTERM +++\n"
			    "100 wait4(101, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM}], 0, NULL) = 101\n",
			    "1x2", true);
	assert_int_equal(run.stats.disagree, 0);
	assert_int_equal(run.stats.agree, 2);
	free(run.out);
}

static void test_deterministic(void **state)
{
	static const char *script =
		"#! topology 2x2\n#! seed 42\n"
		"clone(child_stack=NULL, flags=SIGCHLD) = 5\n"
		"5 set_mempolicy(MPOL_INTERLEAVE, [0x3], 64) = 0\n"
		"5 mmap(NULL, 65536, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0) = 0x7f0000000000\n";
	struct script_run a = replay_script(script, NULL, false), b = replay_script(script, NULL, false);

	(void)state;
	assert_int_equal(a.ret, 0);
	assert_string_equal(a.out, b.out);
	free(a.out);
	free(b.out);
}

/* A log recorded under nice(1): the first getpriority() of a task itself
 * answers the nice the program started with; every task shown so far
 * takes it. Once the log set a nice itself, answers are compared. */
static void test_adopt_nice(void **state)
{
	struct script_run run = replay_script(
		"10 fork() = 11\n"
		"11 getpriority(PRIO_PROCESS, 0) = 10\n"
		"10 getpriority(PRIO_PROCESS, 10) = 10\n"
		"10 setpriority(PRIO_PROCESS, 0, 5) = 0\n"
		"10 getpriority(PRIO_PROCESS, 0) = 15\n", "1x2", true);

	(void)state;
	assert_int_equal(run.ret, 0);
	assert_int_equal(run.stats.agree, 5);
	assert_int_equal(run.stats.disagree, 0);
	free(run.out);
	run = replay_script("20 setpriority(PRIO_PROCESS, 0, 3) = 0\n"
			    "20 getpriority(PRIO_PROCESS, 0) = 10\n", "1x2", true);
	assert_int_equal(run.ret, 0);
	assert_int_equal(run.stats.agree, 1);
	assert_int_equal(run.stats.disagree, 1);
	assert_non_null(strstr(run.out, "= 17\n"));
	free(run.out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_adopt_nice),
		cmocka_unit_test(test_first_task_and_children),
		cmocka_unit_test(test_threads_and_exit),
		cmocka_unit_test(test_counts_not_modelled),
		cmocka_unit_test(test_unprefixed_start),
		cmocka_unit_test(test_directives),
		cmocka_unit_test(test_log_order),
		cmocka_unit_test(test_deterministic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
