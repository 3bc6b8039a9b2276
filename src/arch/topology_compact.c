// SPDX-License-Identifier: GPL-2.0-only
/*
 * NxC[:MEM]: N nodes of C CPUs and MEM bytes each (default 4 GiB), one
 * socket a node, no SMT. --distance is "L,R" (L must be 10) or a full
 * symmetric matrix "10,20;20,10" (rows split by ';'). Without it the
 * kernel's no-SLIT defaults apply: 10 local, 20 remote.
 */
#include <string.h>

#include "arch/topology_compact.h"
#include "arch/topology_presets.h"

bool nc_topo_is_compact(const char *spec)
{
	const char *s = spec;

	while (*s >= '0' && *s <= '9')
		s++;
	return s > spec && *s == 'x';
}

static void skip_blanks(const char **p)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
}

/* "L,R": every node local L, every pair R. */
static int distance_pair(struct nc_topo_draft *d, unsigned int nodes)
{
	const char *p = d->src->buf, *at_l, *at_r;
	unsigned long long l, r;

	skip_blanks(&p);
	at_l = p;
	if (nc_topo_number(d, &p, ~0ULL, "a distance", &l))
		return -1;
	skip_blanks(&p);
	if (*p != ',')
		return nc_topo_err(d, p, "expected ',' between local and remote distance");
	p++;
	skip_blanks(&p);
	at_r = p;
	if (nc_topo_number(d, &p, ~0ULL, "a distance", &r))
		return -1;
	skip_blanks(&p);
	if (*p)
		return nc_topo_err(d, p, "unexpected '%c' after the remote distance", *p);
	for (unsigned int a = 0; a < nodes; a++)
		for (unsigned int b = 0; b < nodes; b++)
			if (nc_topo_set_distance(d, (int)a, (int)b, a == b ? l : r, true,
						 a == b ? at_l : at_r))
				return -1;
	return 0;
}

/* "10,20;20,10": nodes rows of nodes entries. */
static int distance_matrix(struct nc_topo_draft *d, unsigned int nodes)
{
	const char *p = d->src->buf;

	for (unsigned int a = 0; a < nodes; a++) {
		for (unsigned int b = 0; b < nodes; b++) {
			const char *at;
			unsigned long long v;

			skip_blanks(&p);
			at = p;
			if (nc_topo_number(d, &p, ~0ULL, "a distance", &v) ||
			    nc_topo_set_distance(d, (int)a, (int)b, v, true, at))
				return -1;
			skip_blanks(&p);
			if (b + 1 < nodes && *p != ',')
				return nc_topo_err(d, p, "row %u has %u entries, expected %u",
						   a, b + 1, nodes);
			if (b + 1 < nodes)
				p++;
		}
		if (a + 1 < nodes && *p != ';')
			return nc_topo_err(d, p, *p == ',' ? "row %u has more than %u entries" :
					   "expected ';' after row %u of %u", a, nodes);
		if (a + 1 < nodes)
			p++;
	}
	if (*p == ';' || *p == ',')
		return nc_topo_err(d, p, "more than %u rows or entries for %u nodes", nodes, nodes);
	if (*p)
		return nc_topo_err(d, p, "unexpected '%c'", *p);
	return 0;
}

static int parse_distance(struct nc_topo_draft *d, const char *distance, unsigned int nodes)
{
	const struct nc_topo_src *spec_src = d->src;
	struct nc_topo_src src = { .buf = distance };
	char name[80];
	unsigned int commas = 0;
	int ret;

	snprintf(name, sizeof(name), "--distance '%.40s%s'", distance,
		 strlen(distance) > 40 ? "..." : "");
	src.name = name;
	d->src = &src;
	for (const char *s = distance; *s; s++)
		commas += *s == ',';
	/* with 2 nodes "L,R" means the same as a matrix would */
	if (!strchr(distance, ';') && commas == 1)
		ret = distance_pair(d, nodes);
	else
		ret = distance_matrix(d, nodes);
	d->src = spec_src;
	return ret;
}

int nc_topo_compact(struct nc_topo_draft *d, const char *distance)
{
	const char *p = d->src->buf, *at;
	unsigned long long nodes, cpus, mem = NC_COMPACT_DEFAULT_MEM;

	if (nc_topo_number(d, &p, MAX_NUMNODES, "a node count", &nodes))
		return -1;
	if (!nodes)
		return nc_topo_err(d, d->src->buf, "a machine needs at least one node");
	p++; /* the 'x' */
	at = p;
	if (nc_topo_number(d, &p, NR_CPUS, "a CPU count per node", &cpus))
		return -1;
	if (!cpus)
		return nc_topo_err(d, at, "every node of the compact form needs a CPU");
	if (nodes * cpus > NR_CPUS)
		return nc_topo_err(d, at, "%llu nodes of %llu CPUs exceed the limit of %d CPUs",
				   nodes, cpus, NR_CPUS);
	if (*p == ':') {
		p++;
		at = p;
		if (nc_topo_size(d, &p, 0, &mem))
			return -1;
		if (!mem)
			return nc_topo_err(d, at, "the compact form needs memory on its nodes");
	}
	if (*p)
		return nc_topo_err(d, p, "unexpected '%c' (the form is NxC[:MEM], e.g. 4x8:16G)",
				   *p);
	if (nc_topo_uniform(d, (unsigned int)nodes, 1, (unsigned int)cpus, 1, mem))
		return -1;
	return distance ? parse_distance(d, distance, (unsigned int)nodes) : 0;
}
