// SPDX-License-Identifier: GPL-2.0-only
/*
 * The trace buffer and the ftrace text writer: gfp names worked out from
 * mmflags.h's table, a scripted sequence of every event against a golden
 * file written by hand from the v6.12 TP_printk formats, event selection,
 * the simulated clock, the overwriting ring, and the wired tracepoints.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "kernel/exit.h"
#include "mm/slab_common.h"
#include "mm/slub.h"
#include "nc_boot.h"
#include "trace/events.h"
#include "trace/mmflags.h"
#include "trace/trace.h"
#include "uapi/linux/sched.h"

/* The whole ftrace text of m's buffer, malloc'd. */
static char *ftrace_text(struct nc_machine *m, size_t *len)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	assert_non_null(f);
	assert_int_equal(nc_trace_write(m, f, NC_TRACE_FTRACE), 0);
	fclose(f);
	if (len)
		*len = size;
	return buf;
}

static void gfp_is(gfp_t gfp, const char *want)
{
	char buf[GFP_FLAGS_TEXT];

	assert_string_equal(show_gfp_flags(gfp, buf, sizeof(buf)), want);
}

/* Each expectation follows the table's rule by hand: the first entry whose
 * bits are all present is printed and its bits removed, in table order
 * (composites first, then __GFP_COMP before __GFP_ZERO as in v6.12). */
static void test_gfp_names(void **state)
{
	(void)state;
	gfp_is(0, "none");
	gfp_is(GFP_KERNEL, "GFP_KERNEL");
	gfp_is(GFP_KERNEL | __GFP_ACCOUNT, "GFP_KERNEL_ACCOUNT");
	gfp_is(GFP_KERNEL | __GFP_ZERO, "GFP_KERNEL|__GFP_ZERO");
	gfp_is(GFP_HIGHUSER_MOVABLE | __GFP_ZERO | __GFP_COMP,
	       "GFP_HIGHUSER_MOVABLE|__GFP_COMP|__GFP_ZERO");
	gfp_is(GFP_KERNEL | __GFP_THISNODE | __GFP_NOWARN,
	       "GFP_KERNEL|__GFP_NOWARN|__GFP_THISNODE");
	gfp_is(GFP_NOWAIT, "GFP_NOWAIT");
	gfp_is(GFP_NOWAIT | __GFP_ZERO, "GFP_NOWAIT|__GFP_ZERO");
	gfp_is(GFP_ATOMIC | __GFP_NOWARN, "GFP_ATOMIC|__GFP_NOWARN");
	/* __GFP_RECLAIM alone is GFP_NOIO, which the table lists first */
	gfp_is(__GFP_RECLAIM, "GFP_NOIO");
	gfp_is(__GFP_DIRECT_RECLAIM, "__GFP_DIRECT_RECLAIM");
	gfp_is(__GFP_KSWAPD_RECLAIM | __GFP_THISNODE, "__GFP_THISNODE|__GFP_KSWAPD_RECLAIM");
	gfp_is(GFP_USER | __GFP_THISNODE, "GFP_USER|__GFP_THISNODE");
	gfp_is(GFP_TRANSHUGE, "GFP_TRANSHUGE");
	gfp_is(GFP_TRANSHUGE_LIGHT, "GFP_TRANSHUGE_LIGHT");
	gfp_is(GFP_DMA32 | GFP_KERNEL, "GFP_KERNEL|GFP_DMA32");
	gfp_is(GFP_KERNEL | 0x40000000u, "GFP_KERNEL|0x40000000");
	gfp_is(0x40000000u, "0x40000000");
}

/* Tasks for the sched events, as the fork path would show them. */
static struct task_struct fake_task(pid_t pid, const char *comm, unsigned int cpu)
{
	struct task_struct t;

	memset(&t, 0, sizeof(t));
	t.pid = pid;
	t.tgid = pid;
	snprintf(t.comm, sizeof(t.comm), "%s", comm);
	t.cpu = cpu;
	return t;
}

/* Advances the clock so that the next event is stamped at ns. */
static void next_at(struct nc_machine *m, uint64_t ns)
{
	nc_trace_advance(m, ns - m->trace->clock - NC_TRACE_TICK_NS);
}

/*
 * The scripted sequence: every event once (kfree twice, once disabled),
 * with values chosen to exercise each format. The golden file
 * tests/golden/trace/sequence.txt was written by hand from the TP_printk
 * formats and trace_print_context()'s padding, not produced by this code.
 */
static void test_golden_sequence(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	struct task_struct parent = fake_task(1234, "bash", 0);
	struct task_struct child = fake_task(1240, "bash", 2);
	struct task_struct worker = fake_task(77, "kworker/u8:1", 3);
	struct page page = { .pfn = 0x12345, .nid = 1, .order = 2 };
	struct nc_error err;
	char *text, want[8192];
	size_t len;
	FILE *f;

	(void)state;
	assert_int_equal(nc_trace_start(m, "all", 0, &err), 0);
	m->curr[0] = &parent;
	nc_set_cpu(m, 0);

	next_at(m, 12345678000ULL);
	trace_kmem_cache_alloc(m, "dup_task_struct", 0xffff888100a4c000UL, 9856, 10240,
			       GFP_KERNEL, NUMA_NO_NODE, true);
	trace_mm_page_alloc(m, &page, 2, GFP_KERNEL | __GFP_COMP | __GFP_ZERO, 0);
	trace_task_newtask(m, &child, CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | SIGCHLD);
	trace_sched_process_fork(m, &parent, &child);
	trace_sched_wakeup_new(m, &child);
	trace_kmalloc(m, "alloc_pid", 0xffff888104e2a0c0UL, 136, 192, GFP_KERNEL_ACCOUNT, 1);
	trace_kfree(m, "free_pid", 0xffff888104e2a0c0UL);
	assert_int_equal(nc_trace_set_event(m, "kmem:kfree", false, &err), 0);
	trace_kfree(m, "free_pid", 0xffff888104e2a0c0UL);     /* not recorded */

	next_at(m, 99999999999000ULL);                        /* 5-digit seconds */
	m->curr[2] = &child;
	nc_set_cpu(m, 2);
	trace_sched_process_exec(m, &child, 1240, "/usr/bin/true");
	trace_task_rename(m, &child, "true-with-a-long-name");
	trace_sched_migrate_task(m, &child, 3);
	trace_mm_page_alloc(m, NULL, 10, GFP_HIGHUSER_MOVABLE, 1);
	trace_sched_process_exit(m, &child);

	next_at(m, 123456789012345678ULL);                    /* wider than %5lu */
	m->curr[3] = &worker;
	nc_set_cpu(m, 3);
	trace_kmem_cache_free(m, "rcu_do_batch", 0xffff888100a4c000UL, "task_struct");
	trace_sched_process_free(m, &child);
	trace_mm_page_free(m, &page, 2);
	m->curr[3] = m->init_task;                            /* pid 0 is <idle> */
	trace_sched_process_wait(m, 0);
	nc_set_cpu(m, 0);
	m->curr[0] = &parent;
	trace_sched_process_wait(m, 1240);

	text = ftrace_text(m, &len);
	f = fopen("tests/golden/trace/sequence.txt", "r");
	assert_non_null(f);
	want[fread(want, 1, sizeof(want) - 1, f)] = 0;
	fclose(f);
	if (getenv("NC_TRACE_DUMP"))
		fputs(text, stderr);
	assert_string_equal(text, want);
	free(text);
	m->curr[0] = m->init_task;
	m->curr[2] = m->curr[3] = NULL;
	nc_machine_destroy(m);
}

/* set_event syntax: system, event, system:event, *:event, errors */
static void test_event_selection(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct nc_error err;

	(void)state;
	assert_int_equal(nc_trace_start(m, "sched:sched_process_fork,task", 0, &err), 0);
	for (int i = 0; i < NR_TRACE_EVENTS; i++)
		assert_int_equal(m->trace->enabled[i],
				 i == TRACE_SCHED_PROCESS_FORK || i == TRACE_TASK_NEWTASK ||
				 i == TRACE_TASK_RENAME);
	assert_int_equal(nc_trace_set_event(m, "*:mm_page_alloc kmalloc", true, &err), 0);
	assert_true(m->trace->enabled[TRACE_MM_PAGE_ALLOC]);
	assert_true(m->trace->enabled[TRACE_KMALLOC]);
	assert_int_equal(nc_trace_set_event(m, "sched:", false, &err), 0);
	assert_false(m->trace->enabled[TRACE_SCHED_PROCESS_FORK]);
	assert_true(m->trace->enabled[TRACE_TASK_NEWTASK]);

	assert_int_equal(nc_trace_set_event(m, "kmem,sched:nope", true, &err), -EINVAL);
	assert_string_equal(err.msg, "trace events: no event 'sched:nope' at column 6 "
				     "(see kmem, sched, task)");
	assert_int_equal(nc_trace_start(m, "irq", 0, &err), -EINVAL);
	assert_non_null(m->trace);                           /* the old one is kept */
	nc_machine_destroy(m);
}

/* Every tracepoint passed costs NC_TRACE_TICK_NS, enabled or not; a
 * stopped trace records nothing and its clock still runs. */
static void test_clock_and_stop(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct t = fake_task(9, "x", 0);
	struct nc_error err;

	(void)state;
	assert_null(m->trace);
	trace_sched_process_exit(m, &t);                     /* no trace: nothing */
	assert_int_equal(nc_trace_start(m, "sched_process_exit", 0, &err), 0);
	trace_sched_process_free(m, &t);                     /* disabled */
	trace_sched_process_exit(m, &t);
	assert_int_equal(m->trace->len, 1);
	assert_int_equal(trace_entry_at(m->trace, 0)->ts, 2 * NC_TRACE_TICK_NS);
	nc_trace_stop(m);
	trace_sched_process_exit(m, &t);
	nc_trace_advance(m, 1000);
	nc_trace_resume(m);
	trace_sched_process_exit(m, &t);
	assert_int_equal(m->trace->len, 2);
	assert_int_equal(trace_entry_at(m->trace, 1)->ts, 4 * NC_TRACE_TICK_NS + 1000);
	nc_machine_destroy(m);
}

/* The ring keeps the newest max entries; entries-written counts all. */
static void test_ring_overwrite(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct nc_error err;
	char *text;

	(void)state;
	assert_int_equal(nc_trace_start(m, "sched_process_wait", 300, &err), 0);
	for (int i = 0; i < 1000; i++)
		trace_sched_process_wait(m, i);
	assert_int_equal(m->trace->len, 300);
	assert_int_equal(m->trace->written, 1000);
	for (size_t i = 0; i < 300; i++)
		assert_int_equal(trace_entry_at(m->trace, i)->proc.pid, 700 + (int)i);
	text = ftrace_text(m, NULL);
	assert_non_null(strstr(text, "# entries-in-buffer/entries-written: 300/1000   #P:2\n"));
	free(text);
	nc_machine_destroy(m);
}

/* The page allocator's tracepoints carry the block it handed out. */
static void test_page_alloc_traced(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	struct nc_error err;
	struct page *p;
	const struct trace_entry *e;

	(void)state;
	assert_int_equal(nc_trace_start(m, "kmem:mm_page_alloc,kmem:mm_page_free", 0, &err), 0);
	p = alloc_pages_node(m, 1, GFP_KERNEL | __GFP_THISNODE, 3);
	assert_non_null(p);
	__free_pages(m, p, 3);
	assert_null(__alloc_pages(m, GFP_HIGHUSER_MOVABLE, MAX_PAGE_ORDER + 1, 0, NULL));
	assert_int_equal(m->trace->len, 2);                  /* the bad order is not traced */
	e = trace_entry_at(m->trace, 0);
	assert_int_equal(e->type, TRACE_MM_PAGE_ALLOC);
	assert_int_equal(e->page.pfn, p->pfn);
	assert_int_equal(e->page.nid, 1);
	assert_int_equal(e->page.order, 3);
	assert_int_equal(e->page.gfp, GFP_KERNEL | __GFP_THISNODE);
	assert_int_equal(e->page.migratetype, MIGRATE_UNMOVABLE);
	e = trace_entry_at(m->trace, 1);
	assert_int_equal(e->type, TRACE_MM_PAGE_FREE);
	assert_int_equal(e->page.pfn, p->pfn);
	assert_int_equal(e->page.order, 3);
	nc_machine_destroy(m);
}

/* A fork traces task_newtask (in copy_process()), sched_process_fork and
 * sched_wakeup_new (in kernel_clone()), in that order, naming the child;
 * its exit traces sched_process_exit. */
static void test_fork_exit_traced(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	const struct trace_entry *e;
	struct task_struct *init = nc_run_as(m, 1);
	struct nc_error err;
	long child;

	(void)state;
	assert_int_equal(nc_trace_start(m, "task,sched", 0, &err), 0);
	child = nc_clone(m, CLONE_CHILD_SETTID, SIGCHLD);
	assert_true(child > 2);
	assert_int_equal(m->trace->len, 3);
	e = trace_entry_at(m->trace, 0);
	assert_int_equal(e->type, TRACE_TASK_NEWTASK);
	assert_int_equal(e->pid, 1);                         /* current: init */
	assert_string_equal(e->comm, init->comm);
	assert_int_equal(e->task.pid, child);
	assert_string_equal(e->task.comm, init->comm);      /* the child's comm is a copy */
	assert_int_equal(e->task.clone_flags, CLONE_CHILD_SETTID);
	e = trace_entry_at(m->trace, 1);
	assert_int_equal(e->type, TRACE_SCHED_PROCESS_FORK);
	assert_int_equal(e->fork.parent_pid, 1);
	assert_int_equal(e->fork.child_pid, child);
	e = trace_entry_at(m->trace, 2);
	assert_int_equal(e->type, TRACE_SCHED_WAKEUP_NEW);
	assert_int_equal(e->proc.pid, child);
	assert_int_equal(e->proc.prio, 120);
	nc_run_as(m, (pid_t)child);
	kernel_exit(m, 3);
	assert_int_equal(m->trace->len, 4);
	e = trace_entry_at(m->trace, 3);
	assert_int_equal(e->type, TRACE_SCHED_PROCESS_EXIT);
	assert_int_equal(e->pid, child);
	assert_int_equal(e->proc.pid, child);
	nc_machine_destroy(m);
}

/* SLUB's tracepoints: kmalloc records the request and the kmalloc-128
 * object size, kfree the same address (hand-worked: 100 bytes round up to
 * the 128-byte cache) */
static void test_slab_traced(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	const struct trace_entry *a, *f;
	struct nc_error err;
	void *p;

	(void)state;
	assert_int_equal(nc_trace_start(m, "kmalloc,kfree", 0, &err), 0);
	p = kmalloc(m, 100, GFP_KERNEL);
	assert_non_null(p);
	kfree(m, p);
	assert_int_equal(m->trace->len, 2);
	a = trace_entry_at(m->trace, 0);
	f = trace_entry_at(m->trace, 1);
	assert_int_equal(a->type, TRACE_KMALLOC);
	assert_int_equal(a->kmem.bytes_req, 100);
	assert_int_equal(a->kmem.bytes_alloc, 128);
	assert_int_equal(a->kmem.gfp, GFP_KERNEL);
	assert_int_equal(a->kmem.node, NUMA_NO_NODE);
	assert_int_equal(a->kmem.ptr, slab_kaddr(virt_to_slab(m, p), p));
	assert_true(a->kmem.ptr >= 0xffff888000000000UL);
	assert_int_equal(f->type, TRACE_KFREE);
	assert_int_equal(f->kmem.ptr, a->kmem.ptr);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gfp_names),
		cmocka_unit_test(test_golden_sequence),
		cmocka_unit_test(test_event_selection),
		cmocka_unit_test(test_clock_and_stop),
		cmocka_unit_test(test_ring_overwrite),
		cmocka_unit_test(test_page_alloc_traced),
		cmocka_unit_test(test_fork_exit_traced),
		cmocka_unit_test(test_slab_traced),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
