// SPDX-License-Identifier: GPL-2.0-only
/* libFuzzer target for replay: any bytes as a script run on a small
 * machine with --check, through the pid map, the argument decoders and the
 * modelled calls. Directives are honoured except topology (fixed here).
 * A line "=====" splits the input into two strace -ff files (x.100, x.200),
 * merged as replay merges them. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strace/replay.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "x.100", "x.200" };
	struct nc_replay_opts opts = { .topology = "2x2", .check = true, .name = "fuzz" };
	const uint8_t *split = NULL;
	struct nc_replay_stats stats;
	struct nc_error err;
	FILE *in[2] = { NULL, NULL }, *out;
	char *text = NULL;
	size_t len, n = 1;

	if (size > 4096)
		return 0;
	for (size_t i = 0; i + 7 <= size && !split; i++)
		if (!memcmp(data + i, "\n=====\n", 7))
			split = data + i;
	if (split && split + 7 == data + size)
		split = NULL;                   /* nothing after it: one file */
	in[0] = fmemopen((void *)data, split ? (size_t)(split - data) + 1 : size, "r");
	if (split) {
		in[1] = fmemopen((void *)(split + 7), size - (size_t)(split + 7 - data), "r");
		n = 2;
	}
	out = open_memstream(&text, &len);
	if (in[0] && (n == 1 || in[1]) && out)
		nc_replay_files(in, n == 1 ? &opts.name : names, n, out, &opts, &stats, &err);
	for (size_t i = 0; i < n; i++)
		if (in[i])
			fclose(in[i]);
	if (out)
		fclose(out);
	free(text);
	return 0;
}
