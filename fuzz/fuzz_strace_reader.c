// SPDX-License-Identifier: GPL-2.0-only
/* libFuzzer target for the strace reader, the argument decoders and the
 * writer: any bytes are read as a log; each call's arguments are split and
 * decoded in every way the replay decoders use; each event is written back. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strace/args.h"
#include "strace/reader.h"
#include "strace/writer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void decode(const struct strace_event *ev)
{
	static const struct xlat *const tables[] = { &clone_flags, &clone3_flags, NULL };
	struct strace_args a, s;
	uint64_t v, arr[8];
	size_t n;

	if (strace_split(ev->args, strlen(ev->args), &a))
		return;
	for (size_t i = 0; i < a.n; i++) {
		const struct strace_arg *x = &a.a[i];

		strace_parse_num(x->val, x->len, &v);
		strace_parse_flags(tables, true, x->val, x->len, &v);
		strace_parse_array(x->val, x->len, arr, 8, &n);
		strace_parse_deref(x->val, x->len, &v);
		if (!strace_split_struct(x->val, x->len, &s))
			for (size_t j = 0; j < s.n; j++)
				strace_parse_signal(s.a[j].val, s.a[j].len, &v);
		if (x->changed)
			strace_split_struct(x->changed, x->changed_len, &s);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *in = fmemopen((void *)data, size, "r"), *out;
	const struct strace_event *ev;
	struct strace_reader *r;
	struct nc_error err;
	char *text = NULL;
	size_t len;

	if (!in)
		return 0;
	out = open_memstream(&text, &len);
	r = strace_reader_new(in, "fuzz", size & 1);
	while ((ev = strace_reader_next(r, &err))) {
		decode(ev);
		strace_write_event(out, ev);
	}
	strace_reader_free(r);
	fclose(in);
	fclose(out);
	free(text);
	return 0;
}
