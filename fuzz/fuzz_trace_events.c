// SPDX-License-Identifier: GPL-2.0-only
/* libFuzzer target for the trace event selection (set_event syntax) and
 * the writers: the input up to the first newline selects events, the rest
 * names the current task and an exec'd file, a fork and an exec are traced
 * and the buffer is written in both formats. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <numaclone/numaclone.h>
#include "arch/task.h"
#include "trace/events.h"
#include "trace/trace.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct nc_machine *m;
	struct nc_machine_config cfg = { .topology = "1x2" };
	struct task_struct *curr;
	struct nc_error err;
	enum nc_trace_format fmt;
	char *text = malloc(size + 1), *nl, *sink = NULL, comm[16];
	size_t sink_size = 0;
	FILE *f;

	if (!text)
		return 0;
	if (!m && !(m = nc_machine_create(&cfg, &err)))
		abort();
	memcpy(text, data, size);
	text[size] = 0;
	nl = strchr(text, '\n');
	if (nl)
		*nl++ = 0;
	nc_trace_parse_format(text, &fmt, &err);
	if (!nc_trace_start(m, text, 16, &err)) {
		curr = nc_current(m);
		memcpy(comm, curr->comm, sizeof(comm));
		if (nl)
			snprintf(curr->comm, sizeof(curr->comm), "%s", nl);
		trace_sched_process_fork(m, curr, curr);
		trace_task_rename(m, curr, nl ? nl : "");
		trace_sched_process_exec(m, curr, curr->pid, nl ? nl : "");
		trace_kmem_cache_free(m, "fuzz", 0, nl ? nl : "");
		f = open_memstream(&sink, &sink_size);
		if (f) {
			nc_trace_write(m, f, NC_TRACE_FTRACE);
			nc_trace_write(m, f, NC_TRACE_PERFETTO);
			fclose(f);
		}
		free(sink);
		memcpy(curr->comm, comm, sizeof(comm));
		nc_trace_exit(m);
	}
	free(text);
	return 0;
}
