// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/strace/writer.c against real strace output: every call that
 * strace printed on one line is written back byte for byte (column 40,
 * hex addresses, errors, -tt/-ttt times, -T durations), and reading what
 * the writer wrote gives the same events (read -> write -> read). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "strace/reader.h"
#include "strace/writer.h"

static const char *const logs[] = {
	"tests/strace/bash-pipeline.log", "tests/strace/perl-fork-tt-T.log",
	"tests/strace/threads.log", "tests/strace/python-fork-ttt.log",
	"tests/strace/ff-single-pid.log", "tests/strace/bash-stderr-t.log",
};

/* The text of line n of path (1-based), without its newline. */
static char *line_of(FILE *f, unsigned long n)
{
	static char buf[8192];
	unsigned long i = 0;

	rewind(f);
	while (fgets(buf, sizeof(buf), f))
		if (++i == n) {
			buf[strcspn(buf, "\n")] = '\0';
			return buf;
		}
	return NULL;
}

static void test_single_lines_verbatim(void **state)
{
	(void)state;
	/* the -o FILE forms; stderr's "[pid N]" prefix is not what the writer prints */
	for (size_t i = 0; i < 5; i++) {
		FILE *in = fopen(logs[i], "r"), *orig = fopen(logs[i], "r");
		struct strace_reader *r = strace_reader_new(in, logs[i], true);
		const struct strace_event *ev;
		struct nc_error err;
		unsigned long n = 0;

		assert_non_null(in);
		while ((ev = strace_reader_next(r, &err))) {
			char *out = NULL;
			size_t len;
			FILE *mem;

			if (ev->first_line != ev->line || ev->unfinished || ev->kind == STRACE_SIGNAL)
				continue;
			mem = open_memstream(&out, &len);
			strace_write_event(mem, ev);
			fclose(mem);
			out[strcspn(out, "\n")] = '\0';
			if (strcmp(out, line_of(orig, ev->line)))
				fail_msg("%s:%lu: wrote '%s'", logs[i], ev->line, out);
			free(out);
			n++;
		}
		assert_true(n > 10);
		strace_reader_free(r);
		fclose(in);
		fclose(orig);
	}
}

static void assert_same_event(const struct strace_event *a, const struct strace_event *b)
{
	assert_int_equal(a->kind, b->kind);
	assert_int_equal(a->pid, b->pid);
	assert_string_equal(a->time, b->time);
	assert_string_equal(a->name, b->name);
	assert_string_equal(a->args, b->args);
	assert_int_equal(a->result, b->result);
	assert_int_equal(a->retval, b->retval);
	assert_int_equal(a->err, b->err);
	assert_string_equal(a->decor, b->decor);
	assert_string_equal(a->duration, b->duration);
	assert_int_equal(a->status, b->status);
	assert_int_equal(a->core_dumped, b->core_dumped);
	assert_int_equal(a->stopped, b->stopped);
	assert_int_equal(a->unfinished, b->unfinished);
}

static void test_round_trip(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(logs) / sizeof(logs[0]); i++) {
		FILE *in = fopen(logs[i], "r"), *first = fopen(logs[i], "r"), *mem;
		struct strace_reader *r = strace_reader_new(in, logs[i], true), *r1, *r2;
		const struct strace_event *ev, *ev1;
		struct nc_error err;
		char *out = NULL;
		size_t len, n = 0;

		mem = open_memstream(&out, &len);
		while ((ev = strace_reader_next(r, &err)))
			strace_write_event(mem, ev);
		fclose(mem);
		strace_reader_free(r);
		fclose(in);

		mem = fmemopen(out, len, "r");
		r1 = strace_reader_new(first, logs[i], true);
		r2 = strace_reader_new(mem, "written", true);
		while ((ev1 = strace_reader_next(r1, &err))) {
			struct strace_event a = *ev1;
			char *args = strdup(a.args), *decor = strdup(a.decor);

			a.args = args;
			a.decor = decor;
			ev = strace_reader_next(r2, &err);
			assert_non_null(ev);
			assert_same_event(&a, ev);
			free(args);
			free(decor);
			n++;
		}
		assert_null(strace_reader_next(r2, &err));
		assert_int_equal(strace_reader_unknown(r2, NULL, NULL), 0);
		assert_true(n > 10);
		strace_reader_free(r1);
		strace_reader_free(r2);
		fclose(first);
		fclose(mem);
		free(out);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_single_lines_verbatim),
		cmocka_unit_test(test_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
