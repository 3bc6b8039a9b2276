// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/strace/decode.c: each argument form strace prints, decoded
 * and run by replay --check; the expected results are the ones this host's
 * kernel gave for the same calls (tests/oracle, see each case) or worked
 * out by hand from the v6.12 check order where the topology differs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "unit/replay_script.h"

/* Every recorded result in the script must agree with the model. */
static void all_agree(const char *script, const char *topology, unsigned long calls)
{
	struct script_run run = replay_script(script, topology, true);

	if (run.ret)
		fail_msg("%s", run.err.msg);
	if (run.stats.disagree)
		fail_msg("%s", run.out);
	assert_int_equal(run.stats.agree, calls);
	free(run.out);
}

static void test_clone_forms(void **state)
{
	(void)state;
	all_agree("100 clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|SIGCHLD, parent_tid=[200]) = 200\n"
		  "200 getppid() = 100\n"
		  "100 clone(child_stack=NULL, flags=CLONE_SIGHAND|SIGCHLD) = -1 EINVAL (Invalid argument)\n"
		  "100 clone(child_stack=NULL, flags=CLONE_PIDFD|0x400000|SIGCHLD, parent_tid=0x7ffe30ee9cd4) = -1 EINVAL (Invalid argument)\n"
		  /* upper bits ignored by clone(), as the host showed */
		  "100 clone(child_stack=NULL, flags=0x1ff00000000 /* CLONE_??? */|SIGCHLD) = 201\n"
		  "201 getpid() = 201\n", "1x2", 6);
	/* -e raw=clone: the registers in order, the result in hex (recorded) */
	all_agree("100 clone(0x1200011, 0, 0, 0x7f4f1f1c1a10, 0) = 0xc8\n"
		  "200 getppid() = 100\n", "1x2", 2);
}

static void test_clone3_forms(void **state)
{
	(void)state;
	all_agree("100 clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 64) = 200\n"
		  "100 clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0, /* bytes 88..95 */ \"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x01\"}, 96) = -1 E2BIG (Argument list too long)\n"
		  "100 clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 96) = 201\n"
		  "100 clone3(0x7ffe30ee9c40, 40) = -1 EINVAL (Invalid argument)\n"
		  "100 clone3(NULL, 88) = -1 EFAULT (Bad address)\n"
		  "100 clone3(0x8, 88) = -1 EFAULT (Bad address)\n"
		  "100 clone3({flags=0x400000 /* CLONE_??? */, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 88) = -1 EINVAL (Invalid argument)\n"
		  "100 clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0, set_tid=[1], set_tid_size=1}, 88) = -1 EEXIST (File exists)\n"
		  "100 clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0, set_tid=[1, 0], set_tid_size=2}, 88) = -1 EINVAL (Invalid argument)\n"
		  /* set_tid places the array: the child gets exactly that pid */
		  "100 clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0, set_tid=[5000], set_tid_size=1}, 88) = 5000\n"
		  "5000 getpid() = 5000\n"
		  "100 clone3({flags=CLONE_PARENT_SETTID, parent_tid=0x7ffe30ee9cd4, exit_signal=SIGCHLD, stack=NULL, stack_size=0} => {parent_tid=[300]}, 88) = 300\n"
		  "100 clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0, ???}, 4097) = -1 E2BIG (Argument list too long)\n",
		  "1x2", 13);
	/* the pid set_tid asked for is the model's pid too (not only mapped) */
	struct script_run run = replay_script(
		"clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0, set_tid=[4242], set_tid_size=1}, 88)\n",
		"1x2", false);
	assert_int_equal(run.ret, 0);
	assert_non_null(strstr(run.out, ", 88) = 4242\n"));
	free(run.out);
}

static void test_mempolicy_forms(void **state)
{
	(void)state;
	/* worked out from v6.12's checks: node 2 does not exist on 2x2 */
	all_agree("set_mempolicy(MPOL_BIND, [0x00000000000001], 64) = 0\n"
		  "get_mempolicy([MPOL_BIND], [0x00000000000001], 64, NULL, 0) = 0\n"
		  "set_mempolicy(MPOL_INTERLEAVE|MPOL_F_STATIC_NODES, [0x3], 64) = 0\n"
		  "set_mempolicy(MPOL_BIND, [0x4], 64) = -1 EINVAL (Invalid argument)\n"
		  "set_mempolicy(MPOL_BIND, [0000000000000000], 64) = -1 EINVAL (Invalid argument)\n"
		  "set_mempolicy(MPOL_BIND, 0x8, 64) = -1 EFAULT (Bad address)\n"
		  "set_mempolicy(0x63 /* MPOL_??? */, [0x00000000000001], 64) = -1 EINVAL (Invalid argument)\n"
		  "set_mempolicy(MPOL_WEIGHTED_INTERLEAVE, [0x3], 64) = 0\n"
		  "set_mempolicy(0x6 /* MPOL_??? */, [0x3], 64) = 0\n"
		  "get_mempolicy(0x7ffe30ee9dcc, NULL, 0, NULL, 0x100 /* MPOL_??? */) = -1 EINVAL (Invalid argument)\n"
		  "get_mempolicy(0x8, NULL, 0, NULL, 0) = -1 EFAULT (Bad address)\n"
		  "set_mempolicy(MPOL_DEFAULT, NULL, 0) = 0\n", "2x2", 12);
}

static void test_mapping_forms(void **state)
{
	(void)state;
	/* as the host answered in tests/oracle: the mapping lands where the log
	 * says; once unmapped, mbind and mprotect fail there */
	all_agree("mmap(NULL, 16384, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7fdddb6be000\n"
		  "mbind(0x7fdddb6be000, 8192, MPOL_BIND, [0x00000000000001], 64, 0) = 0\n"
		  "mbind(0x7fdddb6be000, 16384, MPOL_DEFAULT, NULL, 0, 0) = 0\n"
		  "set_mempolicy_home_node(0x7fdddb6be000, 16384, 0, 0) = -1 ENOENT (No such file or directory)\n"
		  "get_mempolicy([MPOL_DEFAULT], NULL, 0, 0x7fdddb6be000, MPOL_F_ADDR) = 0\n"
		  "madvise(0x7fdddb6be000, 4096, MADV_DONTNEED) = 0\n"
		  "munmap(0x7fdddb6c0000, 8192)      = 0\n"
		  "mbind(0x7fdddb6be000, 16384, MPOL_BIND, [0x00000000000001], 64, 0) = -1 EFAULT (Bad address)\n"
		  "mprotect(0x7fdddb6c0000, 4096, PROT_READ) = -1 ENOMEM (Cannot allocate memory)\n"
		  /* never mapped by the log: the process's own memory */
		  "mprotect(0x559cfe7ef000, 4096, PROT_READ) = 0\n"
		  "mmap(0x7f7104ac3000, 110592, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3</usr/lib/x.so>, 0x7000) = 0x7f7104ac3000\n",
		  "1x2", 11);
}

/* rt_sigaction as strace 6.1 printed it on this host; an ignored SIGCHLD
 * makes the child reap itself, so the wait finds none (do_notify_parent) */
static void test_sigaction_forms(void **state)
{
	(void)state;
	all_agree("100 rt_sigaction(SIGCHLD, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=SA_RESTORER, sa_restorer=0x7f5e4b245050}, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0\n"
		  "100 rt_sigaction(SIGINT, {sa_handler=0x55c5eed260b0, sa_mask=~[RTMIN RT_1], sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7fd08133c050}, NULL, 8) = 0\n"
		  "100 rt_sigaction(SIGKILL, {sa_handler=SIG_DFL, sa_mask=[INT TERM CHLD], sa_flags=0}, NULL, 8) = -1 EINVAL (Invalid argument)\n"
		  "100 rt_sigaction(SIGRT_1, NULL, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0\n"
		  "100 rt_sigaction(SIGUSR1, 0x8, NULL, 8) = -1 EFAULT (Bad address)\n"
		  "100 rt_sigaction(SIGUSR1, NULL, NULL, 4) = -1 EINVAL (Invalid argument)\n"
		  "100 clone(child_stack=NULL, flags=SIGCHLD) = 101\n"
		  "101 exit_group(0) = ?\n"
		  "101 +++ exited with 0 +++\n"
		  "100 wait4(-1, NULL, 0, NULL) = -1 ECHILD (No child processes)\n", "1x2", 9);
}

/* sched_setaffinity's CPU lists, strace 6.x ("[0 1]") and 5.x ("[0, 1]") */
static void test_affinity_forms(void **state)
{
	(void)state;
	all_agree("100 sched_setaffinity(0, 32, [1]) = 0\n"
		  "100 sched_setaffinity(0, 128, [0, 1]) = 0\n"
		  "100 sched_setaffinity(0, 32, []) = -1 EINVAL (Invalid argument)\n"
		  "100 sched_setaffinity(0, 32, [2]) = -1 EINVAL (Invalid argument)\n"
		  "100 sched_setaffinity(0, 32, 0x8) = -1 EFAULT (Bad address)\n"
		  "100 clone(child_stack=NULL, flags=SIGCHLD) = 101\n"
		  "100 sched_setaffinity(101, 8, [0 1]) = 0\n", "1x2", 7);
}

/* execve and execveat as strace 6.1 printed them on this host (a failed
 * one depends on the file, which the model cannot see: not run, counted
 * unchecked); the strings are placed, so a successful exec finds them */
static void test_exec_forms(void **state)
{
	struct script_run run;

	(void)state;
	all_agree("100 execve(\"/usr/bin/env\", [\"env\", \"-i\", \"A=\\\"1\\\"\\n\"], 0x7ffc8d4729d8 /* 37 vars */) = 0\n"
		  /* -s cut a string, and the array, short; -v printed the environment */
		  "100 execve(\"/bin/sh\", [\"sh\", \"-c\", \"for i in 1 2 3; do echo $i; d\"..., ...], [\"HOME=/root\", \"PATH=/bin\"]) = 0\n"
		  "100 execveat(AT_FDCWD, \"/bin/true\", [\"true\"], NULL, 0) = 0\n"
		  "100 execveat(3, \"\", [\"x\"], NULL, AT_EMPTY_PATH) = 0\n"
		  "100 execve(\"/bin/true\", NULL, NULL) = 0\n", "1x2", 5);
	run = replay_script("100 execve(\"/nonexistent\", [\"x\"], 0x7ffd8d4729d8 /* 0 vars */) = -1 ENOENT (No such file or directory)\n"
			    "100 execve(\"/bin/true\", [\"true\"], NULL)\n"
			    "100 getpid() = 100\n", "1x2", true);
	assert_int_equal(run.ret, 0);
	assert_int_equal(run.stats.agree, 1);
	assert_int_equal(run.stats.unchecked, 2);   /* the failed exec; the line without a result */
	assert_int_equal(run.stats.disagree, 0);
	free(run.out);
}

/* unshare() as strace prints it, results as this host gave them
 * (tests/oracle/unshare.c): the flag names, unnamed bits in hex, a bare
 * number (-e raw) */
static void test_unshare_forms(void **state)
{
	(void)state;
	all_agree("100 unshare(CLONE_NEWNS|CLONE_NEWPID) = 0\n"
		  "100 clone(child_stack=NULL, flags=CLONE_VM|CLONE_SIGHAND|CLONE_THREAD) = -1 EINVAL (Invalid argument)\n"
		  "100 unshare(CLONE_FS|0x80000000) = -1 EINVAL (Invalid argument)\n"
		  "100 unshare(CLONE_NEWTIME|0x100000000) = -1 EINVAL (Invalid argument)\n"
		  "100 unshare(0x20000000) = -1 EINVAL (Invalid argument)\n"
		  "100 unshare(0) = 0\n"
		  "100 clone(child_stack=NULL, flags=SIGCHLD) = 200\n"
		  "200 getpid() = 1\n", "1x2", 8);
}

/* ioprio_set()/ioprio_get() as strace prints them, results as this host
 * gave them (tests/oracle/ioprio.c): the decorated result, a class strace
 * has no name for, -1 shown as IOPRIO_PRIO_VALUE(0x7ffff, 8191), a child's
 * pid through the pid map */
static void test_ioprio_forms(void **state)
{
	(void)state;
	all_agree("100 ioprio_get(IOPRIO_WHO_PROCESS, 0) = 0 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0))\n"
		  "100 ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(0x4 /* IOPRIO_CLASS_??? */, 0)) = -1 EINVAL (Invalid argument)\n"
		  "100 ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(0x7ffff /* IOPRIO_CLASS_??? */, 8191)) = -1 EINVAL (Invalid argument)\n"
		  "100 ioprio_get(0x4 /* IOPRIO_WHO_??? */, 0) = -1 EINVAL (Invalid argument)\n"
		  "100 ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)) = 0\n"
		  "100 clone(child_stack=NULL, flags=SIGCHLD) = 200\n"
		  "100 ioprio_get(IOPRIO_WHO_PROCESS, 200) = 16388 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))\n"
		  "100 ioprio_set(IOPRIO_WHO_PROCESS, 200, 24583) = 0\n"
		  "200 ioprio_get(IOPRIO_WHO_PROCESS, 0) = 24583 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_IDLE, 7))\n"
		  "100 ioprio_get(IOPRIO_WHO_USER, 54321) = -1 ESRCH (No such process)\n",
		  "1x2", 10);
}

/* Limits as strace prints them (recorded on this host: glibc's startup
 * read, bash's ulimit); the first read of each is adopted, later ones and
 * the old value written back are compared. */
static void test_rlimit_forms(void **state)
{
	struct script_run run;

	(void)state;
	all_agree("100 prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0\n"
		  "100 prlimit64(0, RLIMIT_NOFILE, NULL, {rlim_cur=20000, rlim_max=20000}) = 0\n"
		  "100 getrlimit(RLIMIT_NOFILE, {rlim_cur=20000, rlim_max=20000}) = 0\n"
		  "100 setrlimit(RLIMIT_NOFILE, {rlim_cur=1000, rlim_max=4*1024}) = 0\n"
		  "100 prlimit64(0, RLIMIT_NOFILE, {rlim_cur=512, rlim_max=4*1024}, {rlim_cur=1000, rlim_max=4*1024}) = 0\n"
		  "100 getrlimit(0x63 /* RLIMIT_??? */, 0x7fff6d3087a0) = -1 EINVAL (Invalid argument)\n"
		  "100 getrlimit(RLIMIT_NOFILE, 0x8) = -1 EFAULT (Bad address)\n"
		  "100 getrlimit(RLIMIT_STACK, {rlim_cur=8192*1024, rlim_max=RLIM_INFINITY}) = 0\n", "1x2", 8);
	/* the second read differs from the first: the model wrote the first */
	run = replay_script("100 prlimit64(0, RLIMIT_NOFILE, NULL, {rlim_cur=20000, rlim_max=20000}) = 0\n"
			    "100 prlimit64(0, RLIMIT_NOFILE, NULL, {rlim_cur=2048, rlim_max=4*1024}) = 0\n",
			    "1x2", true);
	assert_int_equal(run.stats.disagree, 1);
	assert_non_null(strstr(run.out, "line 2: model: wrote {rlim_cur=20000, rlim_max=20000}"));
	free(run.out);
	/* a raise refused past the nr_open check: no CAP_SYS_RESOURCE (a
	 * container's root, as this host's); the next raise fails too */
	all_agree("100 prlimit64(0, RLIMIT_NOFILE, NULL, {rlim_cur=20000, rlim_max=20000}) = 0\n"
		  "100 prlimit64(0, RLIMIT_NOFILE, {rlim_cur=512, rlim_max=30000}, NULL) = -1 EPERM (Operation not permitted)\n"
		  "100 setrlimit(RLIMIT_NOFILE, {rlim_cur=512, rlim_max=20001}) = -1 EPERM (Operation not permitted)\n"
		  "100 setrlimit(RLIMIT_NOFILE, {rlim_cur=512, rlim_max=1048577}) = -1 EPERM (Operation not permitted)\n",
		  "1x2", 4);
}

/* Ids: the first answer of each adopted, later ones compared */
static void test_id_forms(void **state)
{
	struct script_run run;

	(void)state;
	all_agree("100 getuid() = 1000\n"
		  "100 geteuid() = 1000\n"
		  "100 getresuid([1000], [1000], [1000]) = 0\n"
		  "100 getresgid([100], [100], [100]) = 0\n"
		  "100 getgid() = 100\n"
		  "100 clone(child_stack=NULL, flags=SIGCHLD) = 101\n"
		  "101 getegid() = 100\n"
		  "101 getresuid([1000], [1000], 0x8) = -1 EFAULT (Bad address)\n", "1x2", 8);
	run = replay_script("100 getuid() = 1000\n"
			    "100 getresuid([1000], [0], [1000]) = 0\n"
			    "100 getresuid([1000], [1000], [1000]) = 0\n", "1x2", true);
	assert_int_equal(run.stats.disagree, 1);
	assert_non_null(strstr(run.out, "line 3: model: wrote [0] to argument 2"));
	free(run.out);
	/* a set*id call (not modelled) that succeeded: the process's ids are
	 * taken from the log again, its child's stay (setpriv --reuid) */
	all_agree("100 getresuid([0], [0], [0]) = 0\n"
		  "100 clone(child_stack=NULL, flags=SIGCHLD) = 101\n"
		  "100 setresuid(65534, 65534, 65534) = 0\n"
		  "100 getuid() = 65534\n"
		  "100 geteuid() = 65534\n"
		  "101 getuid() = 0\n"
		  "100 prlimit64(0, RLIMIT_NOFILE, {rlim_cur=100, rlim_max=8192}, NULL) = -1 EPERM (Operation not permitted)\n"
		  "101 prlimit64(0, RLIMIT_NOFILE, {rlim_cur=100, rlim_max=8192}, NULL) = 0\n", "1x2", 7);
	/* in a new user namespace the ids come from maps written through
	 * /proc (unshare -r, recorded: 0): not answered, and not adopted */
	run = replay_script("100 clone(child_stack=NULL, flags=CLONE_NEWUSER|SIGCHLD) = 101\n"
			    "101 getuid() = 0\n"
			    "101 getresgid([0], [0], [0]) = 0\n"
			    "100 getuid() = 1000\n", "1x2", true);
	assert_int_equal(run.stats.agree, 2);
	assert_int_equal(run.stats.unchecked, 2);
	assert_int_equal(run.stats.disagree, 0);
	free(run.out);
}

/* glibc's startup registrations (recorded) and a child's view */
static void test_registration_forms(void **state)
{
	(void)state;
	all_agree("100 set_tid_address(0x7f35f1e49a10) = 100\n"
		  "100 set_robust_list(0x7f35f1e49a20, 24) = 0\n"
		  "100 rseq(0x7f35f1e4a060, 0x20, 0, 0x53053053) = 0\n"
		  "100 rseq(0x7f35f1e4a060, 0x20, 0, 0x53053053) = -1 EBUSY (Device or resource busy)\n"
		  "100 get_robust_list(0, [0x7f35f1e49a20], [24]) = 0\n"
		  "100 clone(child_stack=NULL, flags=SIGCHLD) = 101\n"
		  "101 get_robust_list(0, [NULL], [24]) = 0\n"
		  "101 get_robust_list(100, [0x7f35f1e49a20], [24]) = 0\n"
		  "101 get_robust_list(99999, 0x7fff6d3087a0, 0x7fff6d3087a8) = -1 ESRCH (No such process)\n"
		  "101 set_tid_address(NULL) = 101\n"
		  "101 rseq(0x7f35f1e4a060, 0x20, RSEQ_FLAG_UNREGISTER, 0x53053053) = 0\n", "1x2", 11);
}

static void test_decode_errors(void **state)
{
	static const char *const bad[] = {
		"clone(child_stack=NULL) = 5\n",
		"clone(child_stack=NULL, flags=CLONE_BOGUS) = 5\n",
		"clone3({flags=0, colour=blue}, 88) = 5\n",
		"clone3({flags=0, /* bytes 2..3 */ \"\\x01\"}, 88) = 5\n",
		"set_mempolicy(MPOL_BIND, [0x1]) = 0\n",
		"set_mempolicy(MPOL_NOPE, [0x1], 64) = 0\n",
		"mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, x, 0) = 0x1000\n",
		"madvise(0x1000, 4096, MADV_BOGUS) = 0\n",
		"mbind(0x1000, 4096, MPOL_BIND, [1, 2, 3 4], 64, 0) = 0\n",
		"rt_sigaction(SIGCHLD, {sa_handler=SIG_IGN, sa_mask=[NOPE]}, NULL, 8) = 0\n",
		"rt_sigaction(SIGCHLD, {sa_handler=SIG_IGN, sa_colour=blue}, NULL, 8) = 0\n",
		"sched_setaffinity(0, 32, [0 x]) = 0\n",
		"execve(\"/bin/true\", [\"true\", x], NULL) = 0\n",
		"execveat(AT_CWD, \"/bin/true\", [\"true\"], NULL, 0) = 0\n",
		"unshare(CLONE_NEWNOPE) = 0\n",
		"unshare(CLONE_NEWNS, 0) = 0\n",
		"ioprio_set(IOPRIO_WHO_NOONE, 0, 0) = 0\n",
		"ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE 4)) = 0\n",
		"ioprio_get(IOPRIO_WHO_PROCESS) = 0\n",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		/* fatal with --strict, naming the line */
		struct script_run run = replay_strict(bad[i], "1x2");

		assert_int_not_equal(run.ret, 0);
		if (!strstr(run.err.msg, "script:1: "))
			fail_msg("'%s': %s", bad[i], run.err.msg);
		free(run.out);
		/* else named in the report and counted unchecked */
		run = replay_script(bad[i], "1x2", true);
		assert_int_equal(run.ret, 0);
		assert_int_equal(run.stats.unchecked, 1);
		if (!strstr(run.out, "line 1: not decoded: "))
			fail_msg("'%s': %s", bad[i], run.out);
		free(run.out);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clone_forms),
		cmocka_unit_test(test_clone3_forms),
		cmocka_unit_test(test_mempolicy_forms),
		cmocka_unit_test(test_mapping_forms),
		cmocka_unit_test(test_sigaction_forms),
		cmocka_unit_test(test_affinity_forms),
		cmocka_unit_test(test_exec_forms),
		cmocka_unit_test(test_unshare_forms),
		cmocka_unit_test(test_ioprio_forms),
		cmocka_unit_test(test_rlimit_forms),
		cmocka_unit_test(test_id_forms),
		cmocka_unit_test(test_registration_forms),
		cmocka_unit_test(test_decode_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
