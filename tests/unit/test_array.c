// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/fs/proc/array.c's /proc/PID/status and /proc/PID/stat
 * (the Mems_allowed lines alone are in test_task_mmu.c). The host's
 * /proc/self files are the oracle for status's keys and their order, for
 * the CPU and node masks of a task allowed everything on a machine that
 * mirrors the host, and for stat's 52 fields. Signal sets, states and
 * thread counts are worked by hand from fs/proc/array.c's rules; the
 * escaping of a task's name in status and the form of children are the
 * host's.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nc_boot.h"
#include "kernel/sched/prio.h"
#include "kernel/signal.h"
#include "kernel/sys.h"
#include "uapi/linux/sched.h"
#include "unit/mm_machine.h"
#include "unit/proc_oracle.h"

/* The value of "key:\t" in a status text, up to the newline, into out. */
static bool status_value(const char *text, const char *key, char *out, size_t size)
{
	char want[64];
	const char *at;

	snprintf(want, sizeof(want), "%s:\t", key);
	at = strncmp(text, want, strlen(want)) ? NULL : text;
	if (!at) {
		snprintf(want, sizeof(want), "\n%s:\t", key);
		at = strstr(text, want);
	}
	if (!at)
		return false;
	at += strlen(want);
	snprintf(out, size, "%.*s", (int)strcspn(at, "\n"), at);
	return true;
}

/* The number of fields of a stat line (pid and "(comm)" are the first
 * two); the others into fields[3...] (below max) as numbers (wrapping
 * at 64 bits, so RLIM_INFINITY reads -1), the state as its letter. */
static int stat_fields(const char *line, long long *fields, int max)
{
	const char *p = strrchr(line, ')');
	int n = 3;

	assert_non_null(p);
	for (p++; *p && *p != '\n'; n++) {
		char *end;

		p += strspn(p, " ");
		if (n < max)
			fields[n] = (*p >= '0' && *p <= '9') || *p == '-' ?
				    (long long)strtoull(p, &end, 10) : *p;
		p += strcspn(p, " \n");
	}
	return n - 1;
}

static void test_status_host(void **state)
{
	struct nc_machine *m = mm_host_like();
	char *host = proc_host_read("/proc/self/status"), *model;
	char *online = proc_host_read("/sys/devices/system/cpu/online");
	char hv[16384], mv[16384];

	(void)state;
	if (!m || !host || !online) {
		free(host);
		free(online);
		skip();
	}
	model = proc_model_read(m, "/proc/1/status");
	proc_assert_keys_in_order(model, host, "/proc/PID/status");
	/* this process allowed every CPU: the masks read as the model's init's */
	online[strcspn(online, "\n")] = '\0';
	assert_true(status_value(host, "Cpus_allowed_list", hv, sizeof(hv)));
	if (!strcmp(hv, online)) {
		static const char *const keys[] = { "Cpus_allowed", "Cpus_allowed_list",
						    "Mems_allowed", "Mems_allowed_list" };

		for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
			assert_true(status_value(host, keys[i], hv, sizeof(hv)));
			assert_true(status_value(model, keys[i], mv, sizeof(mv)));
			assert_string_equal(mv, hv);
		}
	}
	/* render_sigset_t(): 16 hex digits for 64 signals */
	assert_true(status_value(host, "SigBlk", hv, sizeof(hv)));
	assert_true(status_value(model, "SigBlk", mv, sizeof(mv)));
	assert_int_equal(strlen(mv), strlen(hv));
	free(model);
	free(online);
	free(host);
	nc_machine_destroy(m);
}

static void test_stat_host(void **state)
{
	char *host, *model;
	long long f[64];
	struct nc_machine *m = proc_host_pair("/proc/self/stat", &host);

	(void)state;
	model = proc_model_read(m, "/proc/1/stat");
	assert_int_equal(stat_fields(model, f, 64), stat_fields(host, f, 64));
	assert_int_equal(model[strlen(model) - 1], '\n');
	assert_memory_equal(model, "1 (init) ", 9);
	free(model);
	free(host);
	nc_machine_destroy(m);
}

/* stat's priority, nice, rt_priority and policy (fields 18, 19, 40, 41)
 * of a host child at nice 5, then SCHED_FIFO 10 */
static void host_prio_fields(long long out[2][4])
{
	int pipefd[2];
	pid_t pid;

	assert_int_equal(pipe(pipefd), 0);
	pid = fork();
	if (!pid) {
		struct sched_param sp = { .sched_priority = 10 };
		long long v[2][4];
		char line[1024];
		long long f[64];
		FILE *st;

		for (int k = 0; k < 2; k++) {
			if (k ? sched_setscheduler(0, SCHED_FIFO, &sp)
			      : syscall(SYS_setpriority, PRIO_PROCESS, 0, 5))
				_exit(1);
			st = fopen("/proc/self/stat", "r");
			if (!st || !fgets(line, sizeof(line), st))
				_exit(1);
			fclose(st);
			stat_fields(line, f, 64);
			v[k][0] = f[18], v[k][1] = f[19], v[k][2] = f[40], v[k][3] = f[41];
		}
		_exit(write(pipefd[1], v, sizeof(v)) != sizeof(v));
	}
	assert_int_equal(read(pipefd[0], out, sizeof(long long[2][4])), sizeof(long long[2][4]));
	waitpid(pid, NULL, 0);
	close(pipefd[0]);
	close(pipefd[1]);
}

static void test_stat_priority_host(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	long long host[2][4], f[64];
	struct task_struct *child;
	char path[64], *text;
	long pid;

	(void)state;
	host_prio_fields(host);
	nc_run_as(m, 1);
	pid = nc_clone(m, 0, 17);
	child = nc_run_as(m, (pid_t)pid);
	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	assert_int_equal(kernel_setpriority(m, PRIO_PROCESS, 0, 5), 0);
	for (int k = 0; k < 2; k++) {
		if (k) {   /* what sched_setscheduler(SCHED_FIFO, 10) leaves */
			child->policy = SCHED_FIFO;
			child->rt_priority = 10;
			child->prio = child->normal_prio = MAX_RT_PRIO - 1 - 10;
		}
		text = proc_model_read(m, path);
		stat_fields(text, f, 64);
		assert_int_equal(f[18], host[k][0]);
		assert_int_equal(f[19], host[k][1]);
		assert_int_equal(f[40], host[k][2]);
		assert_int_equal(f[41], host[k][3]);
		free(text);
	}
	nc_machine_destroy(m);
}

/* A child of init with SIGINT ignored and a handler for SIGUSR1: SigIgn has
 * bit 1 (signal 2), SigCgt bit 9 (signal 10); stat's sigignore and
 * sigcatch (fields 33 and 34) are the same sets in decimal. */
static void test_signals(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	struct k_sigaction ign = { .handler = NC_SIG_IGN }, handler = { .handler = 0x401000 };
	struct task_struct *child;
	char path[64], *text;
	long long f[64];
	long pid;

	(void)state;
	nc_run_as(m, 1);
	pid = nc_clone(m, 0, 17);
	assert_true(pid > 2);
	child = nc_run_as(m, (pid_t)pid);
	assert_int_equal(do_sigaction(child, 2, &ign, NULL), 0);
	assert_int_equal(do_sigaction(child, 10, &handler, NULL), 0);
	snprintf(path, sizeof(path), "/proc/%ld/status", pid);
	text = proc_model_read(m, path);
	assert_non_null(strstr(text, "\nSigPnd:\t0000000000000000\nShdPnd:\t0000000000000000\n"
				     "SigBlk:\t0000000000000000\nSigIgn:\t0000000000000002\n"
				     "SigCgt:\t0000000000000200\n"));
	assert_non_null(strstr(text, "\nPPid:\t1\n"));
	assert_non_null(strstr(text, "\nThreads:\t1\n"));
	free(text);
	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	text = proc_model_read(m, path);
	assert_int_equal(stat_fields(text, f, 64), 52);
	assert_int_equal(f[4], 1);                /* ppid */
	assert_int_equal(f[25], -1);              /* rsslim: RLIM_INFINITY */
	assert_int_equal(f[33], 2);
	assert_int_equal(f[34], 512);
	assert_int_equal(f[38], 17);              /* exit_signal */
	assert_int_equal(f[39], (long long)child->cpu);
	free(text);
	nc_machine_destroy(m);
}

/* A name with a newline and a backslash: the host's status line for this
 * process named so by prctl(PR_SET_NAME) is the oracle. */
static void test_name_escaped(void **state)
{
	static const char name[] = "a\\b\nc d\t";
	struct nc_machine *m = nc_boot("2x2");
	char saved[16] = "", want[64], got[64], *host, *model;
	struct task_struct *t = nc_run_as(m, 1);

	(void)state;
	assert_int_equal(prctl(PR_GET_NAME, saved), 0);
	assert_int_equal(prctl(PR_SET_NAME, name), 0);
	host = proc_host_read("/proc/self/status");
	prctl(PR_SET_NAME, saved);
	assert_non_null(host);
	snprintf(t->comm, sizeof(t->comm), "%s", name);
	model = proc_model_read(m, "/proc/1/status");
	assert_true(status_value(host, "Name", want, sizeof(want)));
	assert_true(status_value(model, "Name", got, sizeof(got)));
	assert_string_equal(got, want);
	assert_string_equal(got, "a\\\\b\\nc d\t");
	free(model);
	free(host);
	nc_machine_destroy(m);
}

/* children: "%d " per child, oldest first, no newline; the host's file
 * for two children of this process is the oracle for the form, the
 * model's for two children of a forked task is worked by hand. */
static void test_children(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	char path[64], want[64], *host;
	pid_t kids[2];
	long parent, g1, g2;

	(void)state;
	for (int i = 0; i < 2; i++) {
		kids[i] = fork();
		if (kids[i] == 0) {
			pause();
			_exit(0);
		}
		assert_true(kids[i] > 0);
	}
	snprintf(path, sizeof(path), "/proc/self/task/%ld/children", (long)syscall(SYS_gettid));
	host = proc_host_read(path);
	for (int i = 0; i < 2; i++) {
		kill(kids[i], SIGKILL);
		waitpid(kids[i], NULL, 0);
	}
	assert_non_null(host);
	snprintf(want, sizeof(want), "%d %d ", kids[0], kids[1]);
	assert_string_equal(host, want);
	free(host);
	nc_run_as(m, 1);
	parent = nc_clone(m, 0, 17);
	nc_run_as(m, (pid_t)parent);
	g1 = nc_clone(m, 0, 17);
	g2 = nc_clone(m, 0, 17);
	assert_true(g1 > 0 && g2 > 0);
	snprintf(path, sizeof(path), "/proc/%ld/task/%ld/children", parent, parent);
	snprintf(want, sizeof(want), "%ld %ld ", g1, g2);
	proc_assert_model(m, path, want);
	nc_machine_destroy(m);
}

/* kthreadd: a kernel thread (Kthread 1, PF_KTHREAD 0x00200000 in stat's
 * flags), sleeping, its parent the idle task (PPid 0). */
static void test_kthread(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	char *text = proc_model_read(m, "/proc/2/status");
	long long f[64];

	(void)state;
	assert_non_null(strstr(text, "Name:\tkthreadd\n"));
	assert_non_null(strstr(text, "\nState:\tS (sleeping)\nTgid:\t2\nPid:\t2\nPPid:\t0\n"));
	assert_non_null(strstr(text, "\nKthread:\t1\n"));
	free(text);
	text = proc_model_read(m, "/proc/2/stat");
	stat_fields(text, f, 64);
	assert_int_equal(f[3], 'S');
	assert_true(f[9] & 0x00200000);
	assert_int_equal(f[23], 0);   /* vsize: no mm */
	free(text);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_host),
		cmocka_unit_test(test_stat_host),
		cmocka_unit_test(test_stat_priority_host),
		cmocka_unit_test(test_signals),
		cmocka_unit_test(test_name_escaped),
		cmocka_unit_test(test_children),
		cmocka_unit_test(test_kthread),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
