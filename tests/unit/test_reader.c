// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/strace/reader.c: every line form strace 6.x prints (the
 * hand-made lines below copy the shapes of real output recorded on this
 * host, see tests/strace/), joined unfinished/resumed calls in order of
 * completion, stderr-mode pid inference, unknown lines and --strict, and
 * the recorded logs of real programs reading with no unknown line. */
#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "strace/reader.h"

struct read_all {
	struct strace_event ev[32];
	char args[32][256];
	char decor[32][64];
	size_t n;
	unsigned long unknown;
	unsigned long first_unknown;
};

static void read_text(const char *text, bool strict, struct read_all *out)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	struct strace_reader *r = strace_reader_new(f, "test", strict);
	const struct strace_event *ev;
	const unsigned long *lines;
	struct nc_error err;
	size_t nl;

	memset(out, 0, sizeof(*out));
	while ((ev = strace_reader_next(r, &err)) && out->n < 32) {
		out->ev[out->n] = *ev;
		snprintf(out->args[out->n], sizeof(out->args[0]), "%s", ev->args);
		snprintf(out->decor[out->n], sizeof(out->decor[0]), "%s", ev->decor);
		out->n++;
	}
	out->unknown = strace_reader_unknown(r, &lines, &nl);
	out->first_unknown = nl ? lines[0] : 0;
	if (strict && strace_reader_failed(r))
		out->first_unknown = strtoul(strchr(err.msg, ':') + 1, NULL, 10);
	strace_reader_free(r);
	fclose(f);
}

static void test_results(void **state)
{
	struct read_all r;

	(void)state;
	read_text("7235  brk(NULL)                         = 0x55ded6dc0000\n"
		  "7235  access(\"/etc/ld.so.preload\", R_OK) = -1 ENOENT (No such file or directory)\n"
		  "7236  exit_group(2)                     = ?\n"
		  "read(0, 0x5590d56126b0, 1024)           = ? ERESTARTSYS (To be restarted if SA_RESTART is set)\n"
		  "fcntl(3, F_GETFD)                       = 0x1 (flags FD_CLOEXEC)\n"
		  "umask(022)                              = 022\n"
		  "dup(1)                                  = 3</dev/null>\n"
		  "lseek(3, -1, SEEK_CUR)                  = -1 EINVAL (Invalid argument)\n"
		  "getpid()\n"
		  "kill(1, 0)                              = ? <unavailable>\n", false, &r);
	assert_int_equal(r.unknown, 0);
	assert_int_equal(r.n, 10);
	assert_int_equal(r.ev[0].pid, 7235);
	assert_string_equal(r.ev[0].name, "brk");
	assert_string_equal(r.args[0], "NULL");
	assert_int_equal(r.ev[0].result, RESULT_VALUE);
	assert_int_equal(r.ev[0].retval, 0x55ded6dc0000LL);
	assert_int_equal(r.ev[0].base, 16);
	assert_int_equal(r.ev[1].result, RESULT_ERROR);
	assert_int_equal(r.ev[1].err, ENOENT);
	assert_int_equal(r.ev[2].result, RESULT_UNKNOWN);
	assert_int_equal(r.ev[2].err, 0);
	assert_int_equal(r.ev[3].result, RESULT_UNKNOWN);
	assert_int_equal(r.ev[3].err, 512);
	assert_int_equal(r.ev[3].pid, 7235);   /* unprefixed: the first process */
	assert_int_equal(r.ev[4].retval, 1);
	assert_string_equal(r.decor[4], "(flags FD_CLOEXEC)");
	assert_int_equal(r.ev[5].retval, 022);
	assert_int_equal(r.ev[5].base, 8);
	assert_string_equal(r.decor[6], "</dev/null>");
	assert_int_equal(r.ev[7].err, EINVAL);
	assert_int_equal(r.ev[8].result, RESULT_NONE);
	assert_string_equal(r.decor[9], "<unavailable>");
}

static void test_prefixes_and_times(void **state)
{
	struct read_all r;

	(void)state;
	read_text("15562 14:32:52.794315 brk(NULL)         = 0x55c04660c000 <0.000047>\n"
		  "[pid 15576] set_robust_list(0x7f45a13d6a20, 24) = 0\n"
		  "[pid  7236] 14:34:11 getpid() = 7236\n"
		  "1700000000.123456 getppid()            = 1\n"
		  "99 1700000000.5 gettid() = 99 <12.5>\n", false, &r);
	assert_int_equal(r.unknown, 0);
	assert_int_equal(r.n, 5);
	assert_string_equal(r.ev[0].time, "14:32:52.794315");
	assert_string_equal(r.ev[0].duration, "0.000047");
	assert_int_equal(r.ev[1].pid, 15576);
	assert_int_equal(r.ev[2].pid, 7236);
	assert_string_equal(r.ev[2].time, "14:34:11");
	assert_string_equal(r.ev[3].time, "1700000000.123456");
	assert_int_equal(r.ev[4].pid, 99);
	assert_string_equal(r.ev[4].duration, "12.5");
}

/* strace 6.1 on this host with -i, -n, -Y, -k, -e read= and -z (lines as recorded;
 * the clone3 under -z cut short) */
static void test_option_forms(void **state)
{
	struct read_all r;

	(void)state;
	read_text("21361 [00007fa738ecf353] clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7fa738df8a10) = 21362\n"
		  "21362 [????????????????] +++ exited with 0 +++\n"
		  "21379 [  56] clone(child_stack=NULL, flags=SIGCHLD) = 21380\n"
		  "21379 14:20:01.000001 [00007f7882dd6a10] [  61] getpid() = 21379\n"
		  "21370<prefork> clone(child_stack=NULL, flags=SIGCHLD) = 21371<prefork>\n"
		  "[pid 21371<prefork>] getppid() = 21370<prefork>\n"
		  "21370<prefork> getpid() = 21370\n"
		  " > /usr/lib/x86_64-linux-gnu/libc.so.6(__libc_fork+0x36) [0xe2a36]\n"
		  " | 00000  7f 45 4c 46 02 01 01 03  00 00 00 00 00 00 00 00  .ELF............ |\n"
		  "6540  wait4(-1,  <unfinished ...>\n"
		  "6545  +++ exited with 0 +++\n"
		  "[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 6545\n"
		  "23461 clone3({flags=CLONE_VM|CLONE_THREAD, exit_signal=0, stack=0x7fef5519d000, stack_size=0x7fff80} <unfinished ...>\n"
		  " => {parent_tid=[23465]}, 88)           = 23465\n", false, &r);
	assert_int_equal(r.unknown, 0);
	assert_int_equal(r.n, 10);
	assert_string_equal(r.ev[0].name, "clone");
	assert_int_equal(r.ev[0].retval, 21362);
	assert_int_equal(r.ev[1].kind, STRACE_EXITED);
	assert_int_equal(r.ev[2].pid, 21379);
	assert_string_equal(r.ev[3].name, "getpid");
	assert_string_equal(r.ev[3].time, "14:20:01.000001");
	assert_int_equal(r.ev[4].pid, 21370);
	assert_int_equal(r.ev[4].retval, 21371);
	assert_string_equal(r.decor[4], "<prefork>");
	assert_int_equal(r.ev[5].pid, 21371);
	assert_string_equal(r.ev[6].name, "getpid");
	assert_int_equal(r.ev[7].kind, STRACE_EXITED);
	assert_int_equal(r.ev[8].pid, 6540);
	assert_string_equal(r.ev[8].name, "wait4");
	assert_string_equal(r.args[8], "-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL");
	assert_int_equal(r.ev[8].retval, 6545);
	assert_int_equal(r.ev[9].pid, 23461);
	assert_string_equal(r.ev[9].name, "clone3");
	assert_string_equal(r.args[9], "{flags=CLONE_VM|CLONE_THREAD, exit_signal=0, stack=0x7fef5519d000, stack_size=0x7fff80} => {parent_tid=[23465]}, 88");
	assert_int_equal(r.ev[9].retval, 23465);
}

static void test_joined_in_completion_order(void **state)
{
	struct read_all r;

	(void)state;
	read_text("7235  clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|SIGCHLD <unfinished ...>\n"
		  "7236  rt_sigprocmask(SIG_SETMASK, [],  <unfinished ...>\n"
		  "7236  <... rt_sigprocmask resumed>NULL, 8) = 0\n"
		  "7235  <... clone resumed>, child_tidptr=0x7fc3fe125a10) = 7237\n"
		  "7237  close(4 <unfinished ...>\n"
		  "7237  <... close resumed>)              = -1 EBADF (Bad file descriptor)\n", false, &r);
	assert_int_equal(r.unknown, 0);
	assert_int_equal(r.n, 3);
	assert_string_equal(r.ev[0].name, "rt_sigprocmask");
	assert_string_equal(r.args[0], "SIG_SETMASK, [], NULL, 8");
	assert_int_equal(r.ev[0].first_line, 2);
	assert_int_equal(r.ev[0].line, 3);
	assert_string_equal(r.ev[1].name, "clone");
	assert_string_equal(r.args[1], "child_stack=NULL, flags=CLONE_CHILD_CLEARTID|SIGCHLD, child_tidptr=0x7fc3fe125a10");
	assert_int_equal(r.ev[1].retval, 7237);
	assert_string_equal(r.args[2], "4");
	assert_int_equal(r.ev[2].err, 9);
}

static void test_signals_exits_and_cut_calls(void **state)
{
	struct read_all r;

	(void)state;
	read_text("7235  --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=7236, si_status=2} ---\n"
		  "7235  --- stopped by SIGTSTP ---\n"
		  "7237  exit_group(0 <unfinished ...>\n"
		  "7237  +++ exited with 0 +++\n"
		  "7238  futex(0x7f, FUTEX_WAIT, 0, NULL <unfinished ...>) = ?\n"
		  "7238  +++ killed by SIGSEGV (core dumped) +++\n"
		  "7239  +++ killed by SIGKILL +++\n"
		  "7240  +++ superseded by execve in pid 7241 +++\n"
		  "7242  wait4(-1,  <unfinished ...>\n", false, &r);
	assert_int_equal(r.unknown, 0);
	assert_int_equal(r.n, 9);
	assert_int_equal(r.ev[0].kind, STRACE_SIGNAL);
	assert_string_equal(r.ev[0].name, "SIGCHLD");
	assert_string_equal(r.args[0], "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=7236, si_status=2}");
	assert_true(r.ev[1].stopped);
	assert_int_equal(r.ev[1].status, 20);
	/* the exit flushes the call the process never returned from */
	assert_int_equal(r.ev[2].kind, STRACE_CALL);
	assert_true(r.ev[2].unfinished);
	assert_int_equal(r.ev[2].result, RESULT_NONE);
	assert_int_equal(r.ev[3].kind, STRACE_EXITED);
	assert_int_equal(r.ev[3].status, 0);
	assert_true(r.ev[4].unfinished);
	assert_int_equal(r.ev[4].result, RESULT_UNKNOWN);
	assert_string_equal(r.args[4], "0x7f, FUTEX_WAIT, 0, NULL");
	assert_int_equal(r.ev[5].kind, STRACE_KILLED);
	assert_true(r.ev[5].core_dumped);
	assert_int_equal(r.ev[5].status, 11);
	assert_false(r.ev[6].core_dumped);
	assert_int_equal(r.ev[7].kind, STRACE_SUPERSEDED);
	assert_int_equal(r.ev[7].status, 7241);
	/* cut off by the end of the log */
	assert_string_equal(r.ev[8].name, "wait4");
	assert_true(r.ev[8].unfinished);
}

static void test_stderr_mode(void **state)
{
	struct read_all r;

	(void)state;
	/* the attach note splits a line; unprefixed lines belong to the first
	 * process until a prefix names it, and to the last one left at the end */
	read_text("getpid() = 100\n"
		  "clone(child_stack=NULL, flags=SIGCHLDstrace: Process 101 attached\n"
		  ", child_tidptr=0x7f) = 101\n"
		  "[pid   101] getpid() = 101\n"
		  "[pid   100] wait4(-1,  <unfinished ...>\n"
		  "[pid   101] +++ exited with 0 +++\n"
		  "<... wait4 resumed>NULL, 0, NULL) = 101\n", false, &r);
	assert_int_equal(r.unknown, 0);
	assert_int_equal(r.n, 5);
	assert_int_equal(r.ev[0].pid, 100);    /* named by the first prefix */
	assert_string_equal(r.args[1], "child_stack=NULL, flags=SIGCHLD, child_tidptr=0x7f");
	assert_int_equal(r.ev[1].line, 3);
	assert_int_equal(r.ev[2].pid, 101);
	assert_int_equal(r.ev[4].pid, 100);
	assert_string_equal(r.ev[4].name, "wait4");
	/* the child speaks before the first process's clone returns (as
	 * recorded from python3 on this host): the first prefix is the child's */
	read_text("clone(child_stack=NULL, flags=SIGCHLDstrace: Process 18282 attached\n"
		  " <unfinished ...>\n"
		  "[pid 18282] set_robust_list(0x7fc39ae51a20, 24 <unfinished ...>\n"
		  "[pid 18272] <... clone resumed>, child_tidptr=0x7fc39ae51a10) = 18282\n"
		  "[pid 18282] <... set_robust_list resumed>) = 0\n", false, &r);
	assert_int_equal(r.unknown, 0);
	assert_int_equal(r.n, 2);
	assert_int_equal(r.ev[0].pid, 18272);
	assert_string_equal(r.ev[0].name, "clone");
	assert_int_equal(r.ev[0].retval, 18282);
	assert_int_equal(r.ev[1].pid, 18282);
	/* children attached late: their notes land inside the first process's
	 * line, one after another (recorded: prefork on stderr) */
	read_text("clone(child_stack=NULL, flags=SIGCHLD) = 16889\n"
		  "read(3, strace: Process 16889 attached\n"
		  "strace: Process 16891 attached\n"
		  "strace: Process 16890 attached\n"
		  " <unfinished ...>\n"
		  "[pid 16889] read(4, \"ping\", 8) = 4\n"
		  "[pid 16888] <... read resumed>\"ping\", 8) = 4\n", false, &r);
	assert_int_equal(r.unknown, 0);
	assert_int_equal(r.n, 3);
	assert_int_equal(r.ev[2].pid, 16888);
	assert_string_equal(r.ev[2].name, "read");
	assert_int_equal(r.ev[2].first_line, 5);   /* where the spliced line ends */
	/* a thread's execve ends under its leader's pid (python3, recorded) */
	read_text("27009 execve(\"/bin/true\", [\"true\"], 0x7ffcb88f72e8 /* 40 vars */ <unfinished ...>\n"
		  "26758 <... futex resumed>)              = ?\n"
		  "26758 +++ superseded by execve in pid 27009 +++\n"
		  "26758 <... execve resumed>)             = 0\n", false, &r);
	assert_int_equal(r.unknown, 1);     /* the futex began before the excerpt */
	assert_int_equal(r.n, 2);
	assert_int_equal(r.ev[0].kind, STRACE_SUPERSEDED);
	assert_int_equal(r.ev[1].pid, 26758);
	assert_string_equal(r.ev[1].name, "execve");
	/* the same under strace -ff (recorded): the thread's file ends in its
	 * execve, which succeeded; the leader's file has the takeover, and a
	 * resumed half that joins nothing */
	read_text("clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=50000000}, NULL) = 0\n"
		  "execve(\"/bin/true\", [\"true\"], 0x7fffdaddc788 /* 37 vars */ <pid changed to 20743 ...>\n",
		  false, &r);
	assert_int_equal(r.unknown, 0);
	assert_int_equal(r.n, 2);
	assert_string_equal(r.ev[1].name, "execve");
	assert_int_equal(r.ev[1].result, RESULT_VALUE);
	assert_int_equal(r.ev[1].retval, 0);
	assert_string_equal(r.args[1], "\"/bin/true\", [\"true\"], 0x7fffdaddc788 /* 37 vars */");
	read_text("pause()                 = ?\n"
		  "+++ superseded by execve in pid 20745 +++\n"
		  "<... execve resumed>)   = 0\n"
		  "set_tid_address(0x7fc0633fca10) = 20743\n"
		  "<... execve resumed>)   = 0\n", false, &r);
	assert_int_equal(r.unknown, 1);     /* a second one is not the exec's */
	assert_int_equal(r.n, 3);
	assert_int_equal(r.ev[1].kind, STRACE_SUPERSEDED);
	assert_string_equal(r.ev[2].name, "set_tid_address");
	read_text("execve(\"/bin/true\", [\"true\"], 0x7fffdaddc788 /* 37 vars */ <pid changed to x ...>\n",
		  false, &r);
	assert_int_equal(r.unknown, 1);
	/* a thread killed inside a call it had resumed (by its group's execve) */
	read_text("29170 clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, {tv_sec=13980, tv_nsec=586736528},  <unfinished ...>\n"
		  "28080 getpid() = 28080\n"
		  "29170 <... clock_nanosleep resumed> <unfinished ...>) = ?\n"
		  "29170 +++ exited with 0 +++\n", false, &r);
	assert_int_equal(r.unknown, 0);
	assert_int_equal(r.n, 3);
	assert_string_equal(r.ev[1].name, "clock_nanosleep");
	assert_int_equal(r.ev[1].result, RESULT_UNKNOWN);
	assert_true(r.ev[1].unfinished);
	/* strace's own notes, old and new */
	read_text("Process 5 attached\n"
		  "[ Process PID=5 runs in 32 bit mode. ]\n"
		  "strace: Exit of unknown pid 7 ignored\n"
		  "5 clone(child_stack=0, flags=SIGCHLD, parent_tidptr=0x7ffd5a0b7e2c) = 6\n", true, &r);
	assert_int_equal(r.unknown, 0);
	assert_int_equal(r.n, 1);
}

static void test_directives_and_unknown(void **state)
{
	struct read_all r;
	static const char *text =
		"# a comment\n"
		"#! topology 4x8\n"
		"\n"
		"#! cpu 3\n"
		"this is not strace\n"
		"getpid() = banana\n"
		"<... close resumed>) = 0\n"
		"close(\"unterminated) = 0\n"
		"getpid() = 5\n";

	(void)state;
	read_text(text, false, &r);
	assert_int_equal(r.n, 3);
	assert_int_equal(r.ev[0].kind, STRACE_DIRECTIVE);
	assert_string_equal(r.ev[0].name, "topology");
	assert_string_equal(r.args[0], "4x8");
	assert_string_equal(r.args[1], "3");
	assert_int_equal(r.ev[2].retval, 5);
	assert_int_equal(r.unknown, 4);
	assert_int_equal(r.first_unknown, 5);
	read_text(text, true, &r);
	assert_int_equal(r.n, 2);
	assert_int_equal(r.first_unknown, 5);
}

/* Every recorded log of a real program reads without an unknown line. */
static void test_recorded_logs(void **state)
{
	DIR *d = opendir("tests/strace");
	struct dirent *de;
	int logs = 0;

	(void)state;
	assert_non_null(d);
	while ((de = readdir(d))) {
		char path[512];
		const struct strace_event *ev;
		struct nc_error err;
		unsigned long calls = 0;
		FILE *f;

		if (!strstr(de->d_name, ".log"))
			continue;
		snprintf(path, sizeof(path), "tests/strace/%s", de->d_name);
		f = fopen(path, "r");
		assert_non_null(f);
		struct strace_reader *r = strace_reader_new(f, path, true);
		while ((ev = strace_reader_next(r, &err)))
			calls += ev->kind == STRACE_CALL;
		if (strace_reader_failed(r))
			fail_msg("%s", err.msg);
		assert_true(calls > 10);
		assert_int_equal(strace_reader_unknown(r, NULL, NULL), 0);
		strace_reader_free(r);
		fclose(f);
		logs++;
	}
	closedir(d);
	assert_true(logs >= 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_results),
		cmocka_unit_test(test_prefixes_and_times),
		cmocka_unit_test(test_option_forms),
		cmocka_unit_test(test_joined_in_completion_order),
		cmocka_unit_test(test_signals_exits_and_cut_calls),
		cmocka_unit_test(test_stderr_mode),
		cmocka_unit_test(test_directives_and_unknown),
		cmocka_unit_test(test_recorded_logs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
