// SPDX-License-Identifier: GPL-2.0-only
/* libFuzzer target for the --workload NAME[:k=v,...] parser: a spec that
 * parses has every parameter within its bounds, and formats back to a
 * spec that parses to the same values. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "workload/workload.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nc_workload w, again;
	struct nc_error err;
	char *text = malloc(size + 1), back[256];

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = 0;
	if (!nc_workload_parse(text, &w, &err)) {
		for (int i = 0; i < NC_WL_MAX_PARAMS && w.type->params[i].name; i++)
			if (!w.type->params[i].words &&
			    (w.p[i] < w.type->params[i].min || w.p[i] > w.type->params[i].max))
				abort();
		nc_workload_format(&w, back, sizeof(back));
		if (nc_workload_parse(back, &again, &err) || memcmp(&w, &again, sizeof(w)))
			abort();
	}
	free(text);
	return 0;
}
