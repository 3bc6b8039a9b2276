// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/workload/report.c: the report's figures for a run worked
 * out by hand, the JSON holding the same, --show's list, and compare
 * marking exactly the figures that differ. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "uapi/linux/mempolicy.h"
#include "workload/report.h"
#include "workload/run.h"

struct fixture {
	struct nc_run_opts o;
	struct nc_run r;
};

static struct fixture *start(const char *workload, int mode, const char *nodes)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct nc_error e;

	nc_run_opts_init(&f->o);
	assert_int_equal(nc_workload_parse(workload, &f->o.workload, NULL), 0);
	f->o.mode = mode;
	f->o.mode_option = "--policy";
	f->o.nodes = nodes;
	if (nc_run_start(&f->r, &f->o, &e))
		fail_msg("%s", e.msg);
	return f;
}

static void stop(struct fixture *f)
{
	nc_run_end(&f->r);
	free(f);
}

typedef int (*render_fn)(FILE *out, const struct nc_run *r);

/* The text fn writes for f's run, in a buffer the caller frees. */
static char *render(const struct fixture *f, render_fn fn)
{
	char *buf = NULL, *copy;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_int_equal(fn(out, &f->r), 0);
	fclose(out);
	copy = strdup(buf);
	free(buf);
	return copy;
}

/* prefork workers=2, mem=1M, --interleave=all on 2s4n: each worker's 256
 * pages land 64 on each node (interleave by offset in the VMA): 512 user
 * pages, 384 remote (75.0%), mean distance (10+12+32+32)/4 = 21.50; and
 * the nodes hold 128 user pages each. */
static void test_text(void **state)
{
	struct fixture *f = start("prefork:workers=2,mem=1M", MPOL_INTERLEAVE, "all");
	char *text = render(f, nc_report_text), *line = strstr(text, "\nnode ");

	(void)state;
	assert_non_null(strstr(text, "\nCreated tasks: 2. "));
	assert_non_null(strstr(text, "\nuser pages            512        384    75.0%          21.50\n"));
	assert_non_null(line);
	for (unsigned int n = 0; n < 4; n++) {
		unsigned int node;
		unsigned long ts, stack, pages;

		line = strchr(line + 1, '\n');
		assert_int_equal(sscanf(line, "%u %lu %lu %lu", &node, &ts, &stack, &pages), 4);
		assert_int_equal(node, n);
		assert_int_equal(pages, 128);
	}
	for (line = text; line; line = strchr(line + 1, '\n'))
		assert_true(strcspn(line + 1, "\n") <= 80);
	free(text);
	stop(f);
}

static void test_json(void **state)
{
	struct fixture *f = start("prefork:workers=2,mem=1M", MPOL_INTERLEAVE, "all");
	char *json = render(f, nc_report_json);
	int depth = 0;

	(void)state;
	assert_non_null(strstr(json, "\"user_pages\":{\"objects\":512,\"remote\":384,"
				     "\"share\":0.7500,\"mean_distance\":21.5000}"));
	assert_non_null(strstr(json, "\"topology\":\"2s4n\""));
	for (const char *c = json; *c; c++) {
		depth += (*c == '{' || *c == '[') - (*c == '}' || *c == ']');
		assert_true(depth >= 0);
	}
	assert_int_equal(depth, 0);
	free(json);
	stop(f);
}

static void test_show_list(void **state)
{
	struct nc_error e = { "" };

	(void)state;
	assert_int_equal(nc_report_show_check("numastat,slabinfo,numa_maps,tasks", &e), 0);
	assert_int_equal(nc_report_show_check("tasks,", &e), 0);
	assert_int_equal(nc_report_show_check("tasks,,numastat", &e), -22);
	assert_string_equal(e.msg, "--show 'tasks,,numastat' at offset 6: not one of numastat, "
				   "slabinfo, numa_maps, tasks, nor a /proc or /sys path");
	assert_int_equal(nc_report_show_check("slabinfo,/proc/1/stat,/no/such/path", &e), 0);
	assert_int_equal(nc_report_show_machine_check("numastat,/proc,slabinfo", &e), 0);
	assert_int_equal(nc_report_show_machine_check("numastat,tasks", &e), -22);
	assert_string_equal(e.msg, "--show 'numastat,tasks' at offset 9: not one of numastat, "
				   "slabinfo, nor a /proc or /sys path");
}

/* Every row marked '*' has two different values, every other row equal
 * ones, and the count line says how many. */
/* A value column of a compare row ("%c %-39s %18s %18s"), blanks cut. */
static void column(const char *row, int at, char *out)
{
	int i = at;

	while (row[i] == ' ')
		i++;
	snprintf(out, 32, "%.*s", at + 18 - i, row + i);
}

/* Every row marked '*' has two different values, every other row equal
 * ones, and the count line says how many. */
static void test_compare(void **state)
{
	struct fixture *a = start("prefork:workers=3,mem=16K", MPOL_LOCAL, NULL);
	struct fixture *b = start("prefork:workers=3,mem=16K", MPOL_BIND, "3");
	char *text = NULL, *line, va[32], vb[32];
	size_t len;
	FILE *out = open_memstream(&text, &len);
	unsigned long marked = 0, rows = 0, n, of;

	(void)state;
	assert_int_equal(nc_report_compare(out, &a->r, "A opts", &b->r, "B opts"), 0);
	fclose(out);
	assert_non_null(strstr(text, "\n  A: A opts\n  B: B opts\n"));
	line = strchr(strstr(text, "\n  figure") + 1, '\n');
	for (; line[1] != '\n'; line = strchr(line + 1, '\n')) {
		assert_int_equal(strcspn(line + 1, "\n"), 79);
		column(line + 1, 42, va);
		column(line + 1, 61, vb);
		rows++;
		if (line[1] == '*') {
			marked++;
			assert_string_not_equal(va, vb);
		} else {
			assert_int_equal(line[1], ' ');
			assert_string_equal(va, vb);
		}
	}
	assert_int_equal(sscanf(line + 2, "%lu of %lu figures differ", &n, &of), 2);
	assert_int_equal(n, marked);
	assert_int_equal(of, rows);
	assert_true(marked > 0);
	free(text);
	stop(a);
	stop(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_show_list),
		cmocka_unit_test(test_compare),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
