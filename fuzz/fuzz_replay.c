// SPDX-License-Identifier: GPL-2.0-only
/* libFuzzer target for replay: any bytes as a script run on a small
 * machine with --check, through the pid map, the argument decoders and the
 * modelled calls. Directives are honoured except topology (fixed here). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "strace/replay.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nc_replay_opts opts = { .topology = "2x2", .check = true, .name = "fuzz" };
	struct nc_replay_stats stats;
	struct nc_error err;
	FILE *in, *out;
	char *text = NULL;
	size_t len;

	if (size > 4096)
		return 0;
	in = fmemopen((void *)data, size, "r");
	if (!in)
		return 0;
	out = open_memstream(&text, &len);
	nc_replay(in, out, &opts, &stats, &err);
	fclose(in);
	fclose(out);
	free(text);
	return 0;
}
