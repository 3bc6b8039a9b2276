// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target: SIZE[:ALIGN[:FLAGS]] strings through the parser and
 * the geometry (kmem-geometry's path), at a CPU count taken from the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mm/slab_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kmem_cache s;
	struct nc_error err;
	unsigned int cpus;
	char *spec;

	if (size < 2 || size > 4096)
		return 0;
	cpus = (data[0] | (unsigned int)data[1] << 8) % (NR_CPUS + 1);
	spec = malloc(size - 1);
	if (!spec)
		return 0;
	memcpy(spec, data + 2, size - 2);
	spec[size - 2] = 0;
	if (!nc_kmem_geometry(spec, cpus, &s, &err) &&
	    (s.size < s.object_size || !oo_objects(s.oo) || oo_order(s.oo) > MAX_PAGE_ORDER ||
	     (size_t)oo_objects(s.oo) * s.size > PAGE_SIZE << oo_order(s.oo)))
		abort();
	free(spec);
	return 0;
}
