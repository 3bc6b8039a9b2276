// SPDX-License-Identifier: GPL-2.0-only
/*
 * The Perfetto (Chrome trace-event JSON) writer: python3's json module
 * must load the document, and its structure must be what ui.perfetto.dev
 * reads: known phases, timestamps in µs in order, one named track per
 * simulated CPU, every task slice begun and ended on its own track, and
 * per-node page counters whose values are worked out by hand below.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "kernel/exit.h"
#include "nc_boot.h"
#include "trace/events.h"
#include "trace/trace.h"
#include "uapi/linux/sched.h"

/* Reads the JSON from argv[1] and checks it; prints "ok" or why not. */
static const char checker[] =
	"import json, sys\n"
	"d = json.load(open(sys.argv[1]))\n"
	"ev = d['traceEvents']\n"
	"assert d['displayTimeUnit'] == 'ns'\n"
	"assert {e['ph'] for e in ev} <= set('MiBEC'), 'phases'\n"
	"cpus = sorted(e['args']['name'] for e in ev if e['ph'] == 'M' and e['name'] == 'thread_name'"
	" and e['args']['name'].startswith('CPU '))\n"
	"assert cpus == ['CPU 0', 'CPU 1', 'CPU 2', 'CPU 3'], cpus\n"
	"ts = [e['ts'] for e in ev if e['ph'] != 'M']\n"
	"assert ts == sorted(ts), 'time order'\n"
	"assert all(isinstance(t, (int, float)) for t in ts)\n"
	"depth = {}\n"
	"for e in ev:\n"
	"    if e['ph'] == 'B': depth[e['tid']] = depth.get(e['tid'], 0) + 1\n"
	"    if e['ph'] == 'E':\n"
	"        depth[e['tid']] -= 1\n"
	"        assert depth[e['tid']] >= 0, 'E before B'\n"
	"assert set(depth.values()) == {0}, depth\n"
	"assert len(depth) == 2, depth\n"
	"inst = [e for e in ev if e['ph'] == 'i']\n"
	"assert all(e['s'] == 't' and 'fields' in e['args'] for e in inst)\n"
	"forks = [e for e in inst if e['name'] == 'sched_process_fork']\n"
	"assert len(forks) == 2 and forks[0]['cat'] == 'sched', forks\n"
	"assert forks[0]['args']['comm'] == 'we\"ird\\\\\\u00e9'\n"
	"last = {}\n"
	"for e in ev:\n"
	"    if e['ph'] == 'C': last[e['name']] = e['args']['pages']\n"
	"assert last == {'node 0 pages': 1, 'node 1 pages': 4}, last\n"
	"print('ok')\n";

static void test_json_loads(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	struct task_struct *init;
	struct nc_error err;
	struct page *a, *b, *c;
	char path[] = "/tmp/nc-trace-XXXXXX", script[] = "/tmp/nc-trace-py-XXXXXX";
	char cmd[256], out[256] = "";
	int fd;
	long child;
	FILE *f, *p;

	(void)state;
	if (system("python3 -c pass >/dev/null 2>&1")) {
		print_message("python3 not available\n");
		skip();
	}
	assert_int_equal(nc_trace_start(m, NULL, 0, &err), 0);
	init = nc_run_as(m, 1);
	/* a comm that needs escaping: quote, backslash, a byte above 0x7f */
	snprintf(init->comm, sizeof(init->comm), "we\"ird\\\xe9");
	child = nc_clone(m, 0, SIGCHLD);
	nc_clone(m, 0, SIGCHLD);                              /* still alive at the end */
	/* by hand: node 1 +8 +4 -8 = 4; node 0 +1 (the forks' fs_structs fit
	 * the fs_cache slab the idle tasks' copies opened at boot) */
	a = alloc_pages_node(m, 1, GFP_KERNEL | __GFP_THISNODE, 3);
	b = alloc_pages_node(m, 1, GFP_KERNEL | __GFP_THISNODE, 2);
	c = alloc_pages_node(m, 0, GFP_KERNEL | __GFP_THISNODE, 0);
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	__free_pages(m, a, 3);
	nc_run_as(m, (pid_t)child);
	kernel_exit(m, 0);

	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_int_equal(nc_trace_write(m, f, NC_TRACE_PERFETTO), 0);
	fclose(f);
	fd = mkstemp(script);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, checker, sizeof(checker) - 1), (ssize_t)sizeof(checker) - 1);
	close(fd);
	snprintf(cmd, sizeof(cmd), "python3 %s %s 2>&1", script, path);
	p = popen(cmd, "r");
	assert_non_null(p);
	out[fread(out, 1, sizeof(out) - 1, p)] = 0;
	pclose(p);
	unlink(path);
	unlink(script);
	assert_string_equal(out, "ok\n");
	nc_run_as(m, 1);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_loads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
