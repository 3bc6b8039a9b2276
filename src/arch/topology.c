// SPDX-License-Identifier: GPL-2.0-only
/*
 * Topology construction: what arch/x86/mm/numa.c and the ACPI SRAT/SLIT
 * parsers give the kernel, built here from a user's SPEC. This file picks
 * the input form, holds the draft every form fills, the checks all forms
 * share (limits, distances, positions in messages) and the final build.
 * Forms live in topology_{presets,compact,numactl,sysfs,qemu}.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arch/topology.h"
#include "arch/topology_compact.h"
#include "arch/topology_cpuinfo.h"
#include "arch/topology_numactl.h"
#include "arch/topology_presets.h"
#include "arch/topology_qemu.h"
#include "arch/topology_sysfs.h"
#include "lib/error.h"

#define MAX_TOPOLOGY_FILE (16u << 20) /* a 1024-node numactl table is ~1 MiB */

/* ---- the draft ---- */

struct nc_topo_draft *nc_topo_draft_new(const struct nc_topo_src *src,
					struct nc_error *err)
{
	struct nc_topo_draft *d = malloc(sizeof(*d));

	if (!d) {
		nc_err(err, "out of host memory");
		return NULL;
	}
	memset(d, 0, offsetof(struct nc_topo_draft, cpu_node));
	d->src = src;
	d->err = err;
	for (unsigned int c = 0; c < NR_CPUS; c++)
		d->cpu_node[c] = d->cpu_core[c] = d->cpu_package[c] = -1;
	return d;
}

void nc_topo_draft_free(struct nc_topo_draft *d)
{
	if (!d)
		return;
	for (unsigned int a = 0; a < MAX_NUMNODES; a++)
		free(d->dist[a]);
	free(d);
}

int nc_topo_err(const struct nc_topo_draft *d, const char *at, const char *fmt, ...)
{
	const struct nc_topo_src *s = d->src;
	char msg[384];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (s->lines) {
		unsigned int line = 1, col = 1;

		for (const char *p = s->buf; p < at; p++, col++)
			if (*p == '\n') {
				line++;
				col = 0;
			}
		return nc_err(d->err, "%s:%u:%u: %s", s->name, line, col, msg);
	}
	return nc_err(d->err, "%s at offset %zu: %s", s->name, (size_t)(at - s->buf), msg);
}

int nc_topo_add_node(struct nc_topo_draft *d, unsigned long long nid, const char *at)
{
	if (nid >= MAX_NUMNODES)
		return nc_topo_err(d, at, "node %llu is beyond the limit of %d nodes",
				   nid, MAX_NUMNODES);
	node_set((unsigned int)nid, d->online);
	return 0;
}

int nc_topo_set_mem(struct nc_topo_draft *d, int nid, unsigned long long bytes,
		    const char *at)
{
	unsigned long long total = d->total_mem - d->mem[nid];

	if (bytes > NC_MAX_PHYSMEM - total)
		return nc_topo_err(d, at, "memory of all nodes exceeds 4 PiB, the x86-64 limit");
	d->mem[nid] = bytes;
	d->total_mem = total + bytes;
	return 0;
}

int nc_topo_add_cpu(struct nc_topo_draft *d, unsigned long long cpu, int nid,
		    const char *at)
{
	if (cpu >= NR_CPUS)
		return nc_topo_err(d, at, "CPU %llu is beyond the limit of %d CPUs",
				   cpu, NR_CPUS);
	if (d->cpu_node[cpu] >= 0 && d->cpu_node[cpu] != nid)
		return nc_topo_err(d, at, "CPU %llu is in node %d and node %d",
				   cpu, d->cpu_node[cpu], nid);
	d->cpu_node[cpu] = nid;
	if (cpu + 1 > d->nr_cpu_ids)
		d->nr_cpu_ids = (unsigned int)cpu + 1;
	return 0;
}

int nc_topo_set_distance(struct nc_topo_draft *d, int a, int b,
			 unsigned long long val, bool symmetric, const char *at)
{
	uint8_t back;

	if (val < LOCAL_DISTANCE)
		return nc_topo_err(d, at, "distance %llu is below %d", val, LOCAL_DISTANCE);
	if (val > NC_MAX_DISTANCE)
		return nc_topo_err(d, at, "distance %llu is above %d", val, NC_MAX_DISTANCE);
	if (a == b && val != LOCAL_DISTANCE)
		return nc_topo_err(d, at, "distance of node %d to itself is %llu, not %d",
				   a, val, LOCAL_DISTANCE);
	/* arch/x86/mm/srat.c ignores a SLIT whose remote entries are not > 10 */
	if (a != b && val == LOCAL_DISTANCE)
		return nc_topo_err(d, at, "distance from node %d to node %d must be above %d",
				   a, b, LOCAL_DISTANCE);
	if (!d->dist[a] && !(d->dist[a] = calloc(MAX_NUMNODES, 1)))
		return nc_err(d->err, "out of host memory");
	back = nc_topo_distance(d, b, a);
	if (symmetric && back && back != val)
		return nc_topo_err(d, at, "distance %d->%d is %llu but %d->%d is %u "
				   "(this form needs a symmetric matrix)", a, b, val, b, a, back);
	d->dist[a][b] = (uint8_t)val;
	d->has_dist = true;
	return 0;
}

/* ---- numbers ---- */

int nc_topo_number(const struct nc_topo_draft *d, const char **p,
		   unsigned long long max, const char *what, unsigned long long *out)
{
	const char *s = *p;
	unsigned long long v = 0;

	if (*s < '0' || *s > '9')
		return nc_topo_err(d, s, "expected %s", what);
	for (; *s >= '0' && *s <= '9'; s++) {
		unsigned int digit = (unsigned int)(*s - '0');

		if (v > (max - digit) / 10)
			return nc_topo_err(d, *p, "expected %s of at most %llu", what, max);
		v = v * 10 + digit;
	}
	*p = s;
	*out = v;
	return 0;
}

int nc_topo_size(const struct nc_topo_draft *d, const char **p,
		 unsigned int unit_shift, unsigned long long *out)
{
	static const char suffixes[] = "KMGTPE";
	const char *start = *p, *sfx;
	unsigned long long v;
	unsigned int shift = unit_shift;

	if (nc_topo_number(d, p, NC_MAX_PHYSMEM, "a size", &v))
		return -EINVAL;
	if (**p >= 'A' && (sfx = strchr(suffixes, **p & ~0x20))) {
		shift = 10 * (unsigned int)(sfx - suffixes + 1);
		(*p)++;
	}
	if (**p == 'B' || **p == 'b') {
		if (shift == unit_shift)
			shift = 0;
		(*p)++;
	}
	if ((**p | 0x20) >= 'a' && (**p | 0x20) <= 'z')
		return nc_topo_err(d, *p, "unknown size suffix '%c' (K, M, G, T, P, E)", **p);
	if (v > NC_MAX_PHYSMEM >> shift)
		return nc_topo_err(d, start, "size is above 4 PiB, the x86-64 limit");
	v <<= shift;
	if (v % NC_TOPO_PAGE)
		return nc_topo_err(d, start, "size %llu is not a whole number of 4 KiB pages", v);
	*out = v;
	return 0;
}

/* ---- the final build ---- */

static struct nc_topology *topology_alloc(unsigned int nr_nodes, unsigned int nr_cpus)
{
	struct nc_topology *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->nr_node_ids = nr_nodes;
	t->nr_cpu_ids = nr_cpus;
	t->nodes = calloc(nr_nodes, sizeof(*t->nodes));
	t->distance = malloc((size_t)nr_nodes * nr_nodes);
	t->cpu_node = malloc(nr_cpus * sizeof(int));
	t->cpu_core = malloc(nr_cpus * sizeof(int));
	t->cpu_package = malloc(nr_cpus * sizeof(int));
	if (!t->nodes || !t->distance || !t->cpu_node || !t->cpu_core || !t->cpu_package) {
		nc_topology_free(t);
		return NULL;
	}
	return t;
}

void nc_topology_free(struct nc_topology *t)
{
	if (!t)
		return;
	free(t->nodes);
	free(t->distance);
	free(t->cpu_node);
	free(t->cpu_core);
	free(t->cpu_package);
	free(t);
}

/* The checks every form shares, on what is complete only at the end. */
static int draft_check(struct nc_topo_draft *d, unsigned int *nr_nodes)
{
	const char *end = d->src->buf + strlen(d->src->buf);
	unsigned int cpus = 0;
	int a, b;

	if (nodes_empty(d->online))
		return nc_topo_err(d, end, "no NUMA node is described");
	for (unsigned int c = 0; c < d->nr_cpu_ids; c++)
		cpus += d->cpu_node[c] >= 0;
	if (!cpus)
		return nc_topo_err(d, end, "no node has a CPU");
	if (!d->total_mem)
		return nc_topo_err(d, end, "no node has memory");
	for_each_node_mask(a, d->online) {
		*nr_nodes = (unsigned int)a + 1;
		if (!d->has_dist)
			continue;
		for_each_node_mask(b, d->online)
			if (!nc_topo_distance(d, a, b))
				return nc_topo_err(d, end, "distance from node %d to node %d is missing",
						   a, b);
	}
	return 0;
}

struct nc_topology *nc_topo_finalize(struct nc_topo_draft *d)
{
	struct nc_topology *t = NULL;
	unsigned int n = 0;

	if (draft_check(d, &n))
		goto out;
	t = topology_alloc(n, d->nr_cpu_ids);
	if (!t) {
		nc_err(d->err, "out of host memory");
		goto out;
	}
	snprintf(t->name, sizeof(t->name), "%s", d->name);
	t->vendor = d->vendor;
	t->x86_family = d->x86_family;
	/* a kernel runs no more CPUs than it was built for */
	t->config_nr_cpus = d->config_nr_cpus ? d->config_nr_cpus : NR_CPUS;
	if (t->config_nr_cpus < t->nr_cpu_ids)
		t->config_nr_cpus = t->nr_cpu_ids;
	t->online = d->online;
	for (unsigned int a = 0; a < n; a++) {
		t->nodes[a].online = node_isset(a, d->online);
		t->nodes[a].mem_bytes = d->mem[a];
		if (d->mem[a])
			node_set(a, t->memory);
		/* no SLIT entry (or an offline node): the kernel's 10/20 defaults */
		for (unsigned int b = 0; b < n; b++) {
			uint8_t v = node_isset(a, d->online) && node_isset(b, d->online) ?
				    nc_topo_distance(d, (int)a, (int)b) : 0;

			t->distance[a * n + b] = v ? v : a == b ? LOCAL_DISTANCE : REMOTE_DISTANCE;
		}
	}
	for (unsigned int c = 0; c < t->nr_cpu_ids; c++) {
		int nid = d->cpu_node[c];

		t->cpu_node[c] = nid;
		t->cpu_core[c] = d->cpu_core[c] >= 0 ? d->cpu_core[c] : (int)c;
		t->cpu_package[c] = d->cpu_package[c] >= 0 ? d->cpu_package[c] : nid;
		if (nid >= 0) {
			t->nodes[nid].nr_cpus++;
			node_set(nid, t->has_cpu);
		}
	}
out:
	nc_topo_draft_free(d);
	return t;
}

/* ---- choosing the form ---- */

int nc_topo_read_file(const char *path, size_t max, char **buf, size_t *len)
{
	size_t cap = 4096, n = 0;
	char *b = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC), ret = 0;

	if (fd < 0)
		return -errno;
	for (;;) {
		ssize_t r;

		if (n + 1 >= cap || !b) {
			char *nb;

			if (b)
				cap *= 2;
			if (cap > max + 1)
				cap = max + 1;
			if (n + 1 >= cap) {
				ret = -EFBIG;
				break;
			}
			nb = realloc(b, cap);
			if (!nb) {
				ret = -ENOMEM;
				break;
			}
			b = nb;
		}
		r = read(fd, b + n, cap - 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			ret = -errno;
			break;
		}
		if (!r)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (ret) {
		free(b);
		return ret;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}

static const char *basename_of(const char *path)
{
	const char *s = strrchr(path, '/');

	return s && s[1] ? s + 1 : path;
}

/* The first word of a file tells numactl output from QEMU options. */
static bool looks_like_numactl(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return !strncmp(s, "available:", 10);
}

struct nc_topology *nc_topology_parse_text(const char *name, const char *buf,
					   size_t len, struct nc_error *err)
{
	struct nc_topology *t = NULL;
	struct nc_topo_src src = { .name = name, .lines = true };
	struct nc_topo_draft *d;
	char *copy = malloc(len + 1);
	const char *nul;

	if (!copy) {
		nc_err(err, "out of host memory");
		return NULL;
	}
	memcpy(copy, buf, len);
	copy[len] = '\0';
	src.buf = copy;
	d = nc_topo_draft_new(&src, err);
	if (!d)
		goto out;
	snprintf(d->name, sizeof(d->name), "%s", basename_of(name));
	if ((nul = memchr(copy, '\0', len))) {
		nc_topo_err(d, nul, "NUL byte in a text file");
		nc_topo_draft_free(d);
		goto out;
	}
	if (looks_like_numactl(copy) ? nc_topo_numactl(d) : nc_topo_qemu(d)) {
		nc_topo_draft_free(d);
		goto out;
	}
	t = nc_topo_finalize(d);
out:
	free(copy);
	return t;
}

static struct nc_topology *parse_file(const char *path, struct nc_error *err)
{
	struct nc_topology *t;
	char *buf;
	size_t len;
	int ret = nc_topo_read_file(path, MAX_TOPOLOGY_FILE, &buf, &len);

	if (ret) {
		nc_err(err, "%s: %s", path, ret == -EFBIG ? "file too large for a topology" :
		       strerror(-ret));
		return NULL;
	}
	t = nc_topology_parse_text(path, buf, len, err);
	free(buf);
	return t;
}

struct nc_topology *nc_topology_parse_string(const char *spec, const char *distance,
					     struct nc_error *err)
{
	struct nc_topo_src src = { .buf = spec };
	struct nc_topo_draft *d;
	char name[96];
	int ret;

	snprintf(name, sizeof(name), "--topology '%.40s%s'", spec,
		 strlen(spec) > 40 ? "..." : "");
	src.name = name;
	d = nc_topo_draft_new(&src, err);
	if (!d)
		return NULL;
	snprintf(d->name, sizeof(d->name), "%s", spec);
	if (spec[0] == '-')
		ret = nc_topo_qemu(d);
	else if (nc_topo_is_compact(spec))
		ret = nc_topo_compact(d, distance);
	else if (nc_topo_is_preset(spec))
		ret = nc_topo_preset(d);
	else
		ret = nc_topo_err(d, spec, "unknown preset or file '%.40s' (presets: %s)",
				  spec, NC_TOPO_PRESETS);
	if (ret) {
		nc_topo_draft_free(d);
		return NULL;
	}
	return nc_topo_finalize(d);
}

struct nc_topology *nc_topology_parse(const char *spec, const char *distance,
				      struct nc_error *err)
{
	struct stat st;

	if (distance && !nc_topo_is_compact(spec)) {
		nc_err(err, "--distance applies only to a compact NxC[:MEM] topology, not '%.40s'",
		       spec);
		return NULL;
	}
	if (!strcmp(spec, "host")) {
		struct nc_topology *t = nc_topo_sysfs_tree("/sys/devices/system", "host", err);

		if (t)
			nc_topo_cpuinfo_file(t, "/proc/cpuinfo");
		return t;
	}
	if (spec[0] != '-' && !nc_topo_is_compact(spec) && !nc_topo_is_preset(spec)) {
		if (!stat(spec, &st))
			return S_ISDIR(st.st_mode) ? nc_topo_sysfs_tree(spec, basename_of(spec), err) :
			       parse_file(spec, err);
		if (strchr(spec, '/')) {
			nc_err(err, "%s: %s", spec, strerror(errno));
			return NULL;
		}
	}
	return nc_topology_parse_string(spec, distance, err);
}
