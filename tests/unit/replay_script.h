/* SPDX-License-Identifier: GPL-2.0-only */
/* Test helper: replays a script held in a string, capturing the report. */
#ifndef NC_TESTS_REPLAY_SCRIPT_H
#define NC_TESTS_REPLAY_SCRIPT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strace/replay.h"

struct script_run {
	int ret;
	struct nc_replay_stats stats;
	struct nc_error err;
	char *out;      /* the report; free() it */
};

static inline struct script_run replay_with(const char *text, const struct nc_replay_opts *opts)
{
	struct script_run run = { 0 };
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	size_t len;
	FILE *out = open_memstream(&run.out, &len);

	run.ret = nc_replay(in, out, opts, &run.stats, &run.err);
	fclose(out);
	fclose(in);
	return run;
}

static inline struct script_run replay_script(const char *text, const char *topology, bool check)
{
	struct nc_replay_opts opts = { .topology = topology, .check = check, .name = "script" };

	return replay_with(text, &opts);
}

/* With --strict: a line or a modelled call that does not read is an error. */
static inline struct script_run replay_strict(const char *text, const char *topology)
{
	struct nc_replay_opts opts = { .topology = topology, .check = true, .strict = true,
				       .name = "script" };

	return replay_with(text, &opts);
}

#endif
