// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reads what `numactl --hardware` printed on a real machine: the node list,
 * each node's CPUs and size (its "free:" figure is checked and dropped),
 * and the distance table. Any run of blanks separates words, so both
 * numactl 2.0.16 ("% 3d") and 2.0.19 ("% 4d") tables parse, as do
 * 2.0.19's --cpu-compress ranges ("0-3 (4)"). The table is taken as the
 * kernel printed it: asymmetric entries stay, but a SLIT the kernel would
 * have refused (local not 10, remote not above 10) is an error. Cores and
 * packages are not in this text: each CPU is its own core, its node's package.
 */
#include <string.h>

#include "arch/topology_numactl.h"

static void blanks(const char **p)
{
	while (**p == ' ' || **p == '\t' || **p == '\r')
		(*p)++;
}

static void blank_lines(const char **p)
{
	for (;;) {
		blanks(p);
		if (**p != '\n')
			return;
		(*p)++;
	}
}

static int word(struct nc_topo_draft *d, const char **p, const char *w)
{
	blanks(p);
	if (strncmp(*p, w, strlen(w)))
		return nc_topo_err(d, *p, "expected '%s'", w);
	*p += strlen(w);
	return 0;
}

static int number(struct nc_topo_draft *d, const char **p, unsigned long long max,
		  const char *what, unsigned long long *v)
{
	blanks(p);
	return nc_topo_number(d, p, max, what, v);
}

static int end_of_line(struct nc_topo_draft *d, const char **p)
{
	blanks(p);
	if (**p && **p != '\n')
		return nc_topo_err(d, *p, "unexpected text at the end of the line");
	if (**p)
		(*p)++;
	return 0;
}

/* "available: N nodes (0-1,3)" */
static int available(struct nc_topo_draft *d, const char **p)
{
	unsigned long long n, a, b;
	const char *at_n;

	blank_lines(p);
	if (word(d, p, "available:"))
		return -1;
	blanks(p);
	at_n = *p;
	if (number(d, p, MAX_NUMNODES, "a node count", &n) || word(d, p, "nodes") ||
	    word(d, p, "("))
		return -1;
	for (;;) {
		const char *at;

		blanks(p);
		at = *p;
		if (number(d, p, ~0ULL, "a node id", &a))
			return -1;
		b = a;
		if (**p == '-') {
			(*p)++;
			if (number(d, p, ~0ULL, "a node id", &b))
				return -1;
			if (b < a)
				return nc_topo_err(d, at, "node range %llu-%llu runs backwards", a, b);
		}
		if (nc_topo_add_node(d, b, at))
			return -1;
		for (; a <= b; a++)
			nc_topo_add_node(d, a, at);
		blanks(p);
		if (**p != ',')
			break;
		(*p)++;
	}
	if (word(d, p, ")"))
		return -1;
	if (nodes_weight(d->online) != n)
		return nc_topo_err(d, at_n, "%llu nodes announced but %u listed",
				   n, nodes_weight(d->online));
	return end_of_line(d, p);
}

/* A node id that must be nid; where says which place expects it. */
static int node_id(struct nc_topo_draft *d, const char **p, int nid, const char *where)
{
	unsigned long long v;
	const char *at;

	blanks(p);
	at = *p;
	if (number(d, p, ~0ULL, "a node id", &v))
		return -1;
	if (v != (unsigned long long)nid)
		return nc_topo_err(d, at, "expected node %d %s, found %llu", nid, where, v);
	return 0;
}

/* "node N KEY" where N must be the expected node */
static int node_key(struct nc_topo_draft *d, const char **p, int nid, const char *key)
{
	if (word(d, p, "node") || node_id(d, p, nid, "here"))
		return -1;
	return word(d, p, key);
}

/* "node N cpus: 0 1 2" or, compressed, "node N cpus: 0-3,8 (5)" */
static int node_cpus(struct nc_topo_draft *d, const char **p, int nid)
{
	unsigned long long count = 0;

	if (node_key(d, p, nid, "cpus:"))
		return -1;
	for (;;) {
		unsigned long long a, b;
		const char *at;

		blanks(p);
		if (**p == ',')
			(*p)++;
		at = *p;
		if (**p == '(') {
			unsigned long long want;

			(*p)++;
			if (number(d, p, ~0ULL, "a CPU count", &want) || word(d, p, ")"))
				return -1;
			if (want != count)
				return nc_topo_err(d, at, "count (%llu) differs from the %llu CPUs listed",
						   want, count);
			break;
		}
		if (**p < '0' || **p > '9')
			break;
		if (number(d, p, ~0ULL, "a CPU", &a))
			return -1;
		b = a;
		if (**p == '-') {
			(*p)++;
			if (number(d, p, ~0ULL, "a CPU", &b))
				return -1;
			if (b < a)
				return nc_topo_err(d, at, "CPU range %llu-%llu runs backwards", a, b);
		}
		if (nc_topo_add_cpu(d, b, nid, at))
			return -1;
		for (; a <= b; a++, count++)
			if (nc_topo_add_cpu(d, a, nid, at))
				return -1;
	}
	return end_of_line(d, p);
}

/* "node N size: X MB" (and "free:", whose figure is not kept) */
static int node_mb(struct nc_topo_draft *d, const char **p, int nid, const char *key,
		   bool keep)
{
	unsigned long long mb;
	const char *at;

	if (node_key(d, p, nid, key))
		return -1;
	blanks(p);
	at = *p;
	if (number(d, p, NC_MAX_PHYSMEM >> 20, "a size in MB", &mb) || word(d, p, "MB"))
		return -1;
	if (keep && nc_topo_set_mem(d, nid, mb << 20, at))
		return -1;
	return end_of_line(d, p);
}

static int distances(struct nc_topo_draft *d, const char **p)
{
	int a, b;

	blanks(p);
	if (!strncmp(*p, "No distance information available.", 34)) {
		*p += 34;
		return end_of_line(d, p);
	}
	if (word(d, p, "node") || word(d, p, "distances:") || end_of_line(d, p) ||
	    word(d, p, "node"))
		return -1;
	for_each_node_mask(b, d->online)
		if (node_id(d, p, b, "in the table header"))
			return -1;
	if (end_of_line(d, p))
		return -1;
	for_each_node_mask(a, d->online) {
		if (node_id(d, p, a, "as the next row") || word(d, p, ":"))
			return -1;
		for_each_node_mask(b, d->online) {
			unsigned long long v;
			const char *at;

			blanks(p);
			at = *p;
			if (number(d, p, ~0ULL, "a distance", &v) ||
			    nc_topo_set_distance(d, a, b, v, false, at))
				return -1;
		}
		if (end_of_line(d, p))
			return -1;
	}
	return 0;
}

int nc_topo_numactl(struct nc_topo_draft *d)
{
	const char *p = d->src->buf;
	int nid;

	if (available(d, &p))
		return -1;
	for_each_node_mask(nid, d->online)
		if (node_cpus(d, &p, nid) || node_mb(d, &p, nid, "size:", true) ||
		    node_mb(d, &p, nid, "free:", false))
			return -1;
	if (distances(d, &p))
		return -1;
	blank_lines(&p);
	if (*p)
		return nc_topo_err(d, p, "unexpected text after the distance table");
	return 0;
}
