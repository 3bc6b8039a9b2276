// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/workload/: the spec parser, and each workload run on a
 * 2s4n machine (nodes 0-3, CPUs 0-3 and 16-19 on node 0, SLIT 10/12/32),
 * with expectations worked out by hand from the kernel's rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "arch/task.h"
#include "kernel/fork.h"
#include "kernel/pid.h"
#include "uapi/linux/mempolicy.h"
#include "workload/report.h"
#include "workload/run.h"

static void expect_spec(const char *spec, unsigned long p0, unsigned long p1)
{
	struct nc_workload w;
	struct nc_error e;

	if (nc_workload_parse(spec, &w, &e))
		fail_msg("%s: %s", spec, e.msg);
	assert_int_equal(w.p[0], p0);
	assert_int_equal(w.p[1], p1);
}

static void expect_bad(const char *spec, const char *msg)
{
	struct nc_workload w;
	struct nc_error e = { "" };

	assert_int_equal(nc_workload_parse(spec, &w, &e), -22);
	if (strcmp(e.msg, msg))
		fail_msg("%s: got \"%s\"\n want \"%s\"", spec, e.msg, msg);
}

static void test_parse(void **state)
{
	struct nc_workload w;
	char buf[128];

	(void)state;
	expect_spec("prefork", 16, 256);              /* mem=1M is 256 pages */
	expect_spec("prefork:workers=3", 3, 256);
	expect_spec("prefork:mem=6K,workers=1", 1, 2); /* 6 KiB: two pages */
	expect_spec("threads:mem=16M", 16, 4096);
	expect_spec("hackbench:mode=thread,groups=2", 2, 20);
	expect_spec("kthreads:per=256", 256, 0);
	expect_bad("prefork:", "workload 'prefork:' at offset 8: expected NAME=VALUE");
	expect_bad("fork", "workload 'fork': no workload 'fork' (there are prefork, threads, "
			   "forkexec, kthreads, hackbench)");
	expect_bad("prefork:x=1", "workload 'prefork:x=1' at offset 8: prefork has no "
				  "parameter 'x' (it has workers, mem)");
	expect_bad("prefork:workers=0", "workload 'prefork:workers=0' at offset 16: workers "
					"must be a number from 1 to 1024");
	expect_bad("prefork:workers=1025", "workload 'prefork:workers=1025' at offset 16: "
					   "workers must be a number from 1 to 1024");
	expect_bad("prefork:workers=99999999999999999999999", "workload 'prefork:workers="
		   "99999999999999999999999' at offset 16: workers must be a number from 1 to 1024");
	expect_bad("prefork:mem=17M", "workload 'prefork:mem=17M' at offset 12: mem must be "
				      "a size of 4 to 16384 KiB");
	expect_bad("prefork:mem=1T", "workload 'prefork:mem=1T' at offset 12: mem must be "
				     "a size of 4 to 16384 KiB");
	expect_bad("hackbench:mode=fiber", "workload 'hackbench:mode=fiber' at offset 15: "
					   "mode must be process or thread");
	assert_int_equal(nc_workload_parse("forkexec:mem=12K", &w, NULL), 0);
	nc_workload_format(&w, buf, sizeof(buf));
	assert_string_equal(buf, "forkexec:commands=64,mem=12K");
}

static struct nc_run *run(const char *workload, int mode, const char *nodes)
{
	static struct nc_run_opts o;
	struct nc_run *r = malloc(sizeof(*r));
	struct nc_error e;

	nc_run_opts_init(&o);
	assert_int_equal(nc_workload_parse(workload, &o.workload, NULL), 0);
	o.mode = mode;
	o.mode_option = "--policy";
	o.nodes = nodes;
	if (nc_run_start(r, &o, &e))
		fail_msg("%s: %s", workload, e.msg);
	return r;
}

static void end(struct nc_run *r)
{
	nc_run_end(r);
	free(r);
}

static char *report(const struct nc_run *r, bool json)
{
	char *text = NULL;
	size_t len;
	FILE *f = open_memstream(&text, &len);

	assert_int_equal(json ? nc_report_json(f, r) : nc_report_text(f, r), 0);
	fclose(f);
	return text;
}

/* --interleave=all: a worker's private anonymous pages interleave by
 * their offset in the VMA (interleave_nid() on the VMA's ilx), so 256
 * pages fall 64 on each of the four nodes whatever the worker's CPU:
 * 192 remote, and the mean distance from any node is (10+12+32+32)/4 =
 * 21.5 on 2s4n. */
static void test_prefork_interleave(void **state)
{
	struct nc_run *r = run("prefork:workers=2,mem=1M", MPOL_INTERLEAVE, "all");

	(void)state;
	assert_int_equal(r->wl.nr_rec, 2);
	for (int i = 0; i < 2; i++) {
		const struct nc_task_record *rec = &r->wl.rec[i];

		assert_int_equal(rec->pages, 256);
		assert_int_equal(rec->remote_pages, 192);
		assert_int_equal(rec->page_distance, 64 * (10 + 12 + 32 + 32));
		assert_int_equal(rec->ppid, r->wl.first->pid);
	}
	end(r);
}

/* --membind=2: every user page on node 2; worker pages are remote unless
 * the worker runs on node 2. */
static void test_prefork_membind(void **state)
{
	struct nc_run *r = run("prefork:workers=3,mem=64K", MPOL_BIND, "2");

	(void)state;
	for (int i = 0; i < 3; i++) {
		const struct nc_task_record *rec = &r->wl.rec[i];
		int home = cpu_to_node(r->m->topo, rec->cpu);

		assert_int_equal(rec->pages, 16);
		assert_int_equal(rec->remote_pages, home == 2 ? 0 : 16);
		assert_int_equal(rec->page_distance, 16UL * node_distance(r->m->topo, home, 2));
	}
	end(r);
}

/* Same options, same bytes. */
static void test_deterministic(void **state)
{
	const char *specs[] = { "prefork:workers=5", "hackbench:groups=2,fds=3", "forkexec:commands=9" };

	(void)state;
	for (int k = 0; k < 3; k++)
		for (int json = 0; json < 2; json++) {
			struct nc_run *a = run(specs[k], MPOL_INTERLEAVE, "1-3"), *b;
			char *ta = report(a, json), *tb;

			end(a);
			b = run(specs[k], MPOL_INTERLEAVE, "1-3");
			tb = report(b, json);
			end(b);
			assert_string_equal(ta, tb);
			free(ta);
			free(tb);
		}
}

static bool alive(const struct nc_run *r, pid_t pid)
{
	return pid_task(find_pid_ns(pid, r->m->init_pid_ns), PIDTYPE_PID) != NULL;
}

/* Every command is forked by the shell, execs, and is reaped. */
static void test_forkexec(void **state)
{
	struct nc_run *r = run("forkexec:commands=5,mem=8K", -1, NULL);

	(void)state;
	assert_int_equal(r->wl.nr_rec, 5);
	for (int i = 0; i < 5; i++) {
		assert_int_equal(r->wl.rec[i].ppid, r->wl.first->pid);
		assert_int_equal(r->wl.rec[i].pages, 2);
		assert_false(alive(r, r->wl.rec[i].pid));
	}
	assert_true(alive(r, r->wl.first->pid));
	end(r);
}

/* kthread_create_on_node(node) makes kthreadd fork with pref_node_fork =
 * node, and dup_task_struct() asks SLUB for the task_struct on it. */
static void test_kthreads(void **state)
{
	struct nc_run *r = run("kthreads:per=2", -1, NULL);

	(void)state;
	assert_int_equal(r->wl.nr_rec, 8);
	for (int i = 0; i < 8; i++) {
		assert_true(r->wl.rec[i].flags & PF_KTHREAD);
		assert_int_equal(r->wl.rec[i].ts_node, i / 2);
		assert_int_equal(r->wl.rec[i].ppid, 2);      /* kthreadd */
	}
	end(r);
}

/* threads join the first task's group; hackbench's processes are reaped,
 * its threads reap themselves. */
static void test_threads_and_hackbench(void **state)
{
	struct nc_run *r = run("threads:threads=3,mem=4K", -1, NULL);

	(void)state;
	assert_int_equal(r->wl.nr_rec, 3);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(r->wl.rec[i].tgid, r->wl.first->pid);
		assert_int_equal(r->wl.rec[i].pages, 1);
	}
	end(r);
	for (int mode = 0; mode < 2; mode++) {
		r = run(mode ? "hackbench:groups=2,fds=2,mode=thread" : "hackbench:groups=2,fds=2",
			-1, NULL);
		assert_int_equal(r->wl.nr_rec, 8);
		for (int i = 0; i < 8; i++) {
			assert_false(alive(r, r->wl.rec[i].pid));
			assert_int_equal(r->wl.rec[i].tgid, mode ? r->wl.first->pid : r->wl.rec[i].pid);
		}
		end(r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_prefork_interleave),
		cmocka_unit_test(test_prefork_membind),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_forkexec),
		cmocka_unit_test(test_kthreads),
		cmocka_unit_test(test_threads_and_hackbench),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
