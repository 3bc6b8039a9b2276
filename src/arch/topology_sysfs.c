// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reads the files drivers/base/node.c writes: nodeN/cpulist ("%*pbl"),
 * nodeN/meminfo ("Node N MemTotal: X kB") and nodeN/distance (one entry per
 * online node, ascending). A nodeN directory means node N is online, as
 * libnuma reads it. Cores and packages come from cpu/cpuN/topology
 * (drivers/base/topology.c) when present; the CPU count from cpu/possible,
 * the kernel's NR_CPUS from cpu/kernel_max.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arch/topology_sysfs.h"
#include "lib/error.h"

#define MAX_SYSFS_FILE (1u << 20)

static void blanks(const char **p)
{
	while (**p == ' ' || **p == '\t' || **p == '\r')
		(*p)++;
}

static int end_of_file(struct nc_topo_draft *d, const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	return *p ? nc_topo_err(d, p, "unexpected text") : 0;
}

int nc_topo_sysfs_cpulist(struct nc_topo_draft *d, int nid)
{
	static const unsigned int nbits = NR_CPUS;
	unsigned long map[BITS_TO_LONGS(NR_CPUS)];
	const char *buf = d->src->buf;
	size_t len = strcspn(buf, "\n"), pos = 0;
	char *line = strndup(buf, len);
	int ret;

	if (!line)
		return nc_err(d->err, "out of host memory");
	ret = bitmap_parselist(line, map, nbits, &pos);
	free(line);
	if (ret == -ERANGE)
		return nc_topo_err(d, buf + pos, "CPU beyond the limit of %d CPUs", NR_CPUS);
	if (ret)
		return nc_topo_err(d, buf + pos, "not a CPU list");
	for (unsigned int c = find_next_bit(map, nbits, 0); c < nbits;
	     c = find_next_bit(map, nbits, c + 1))
		if (nc_topo_add_cpu(d, c, nid, buf))
			return -1;
	return end_of_file(d, buf + len);
}

int nc_topo_sysfs_meminfo(struct nc_topo_draft *d, int nid)
{
	const char *p = d->src->buf, *at;
	unsigned long long n, kb;

	for (;;) {
		const char *line = p;

		if (!*p)
			return nc_topo_err(d, p, "no MemTotal line");
		p += strcspn(p, "\n");
		if (*p)
			p++;
		if (strstr(line, "MemTotal:") && strstr(line, "MemTotal:") < p) {
			p = line;
			break;
		}
	}
	blanks(&p);
	if (strncmp(p, "Node", 4))
		return nc_topo_err(d, p, "expected 'Node'");
	p += 4;
	blanks(&p);
	at = p;
	if (nc_topo_number(d, &p, ~0ULL, "a node id", &n))
		return -1;
	if (n != (unsigned long long)nid)
		return nc_topo_err(d, at, "meminfo of node %llu in the directory of node %d",
				   n, nid);
	blanks(&p);
	if (strncmp(p, "MemTotal:", 9))
		return nc_topo_err(d, p, "expected 'MemTotal:'");
	p += 9;
	blanks(&p);
	at = p;
	if (nc_topo_number(d, &p, NC_MAX_PHYSMEM >> 10, "a size in kB", &kb))
		return -1;
	blanks(&p);
	if (strncmp(p, "kB", 2))
		return nc_topo_err(d, p, "expected 'kB'");
	if ((kb << 10) % NC_TOPO_PAGE)
		return nc_topo_err(d, at, "%llu kB is not a whole number of 4 KiB pages", kb);
	return nc_topo_set_mem(d, nid, kb << 10, at);
}

int nc_topo_sysfs_distance(struct nc_topo_draft *d, int nid)
{
	const char *p = d->src->buf;
	int b;

	for_each_node_mask(b, d->online) {
		unsigned long long v;
		const char *at;

		blanks(&p);
		at = p;
		if (nc_topo_number(d, &p, ~0ULL, "a distance", &v) ||
		    nc_topo_set_distance(d, nid, b, v, false, at))
			return -1;
	}
	return end_of_file(d, p);
}

/* Reads dir/file and runs parse on it with line:column positions. A missing
 * file is -ENOENT when optional, else an error. */
static int parse_file(struct nc_topo_draft *d, const char *dir, const char *file,
		      bool optional, int (*parse)(struct nc_topo_draft *, int), int nid)
{
	const struct nc_topo_src *outer = d->src;
	struct nc_topo_src src = { .lines = true };
	char path[PATH_MAX];
	size_t len;
	char *buf;
	int ret;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	ret = nc_topo_read_file(path, MAX_SYSFS_FILE, &buf, &len);
	if (ret == -ENOENT && optional)
		return ret;
	if (ret)
		return nc_err(d->err, "%s: %s", path, strerror(-ret));
	src.name = path;
	src.buf = buf;
	d->src = &src;
	ret = strlen(buf) != len ? nc_topo_err(d, buf + strlen(buf), "NUL byte") : parse(d, nid);
	d->src = outer;
	free(buf);
	return ret ? -EINVAL : 0;
}

static int parse_id(struct nc_topo_draft *d, int *out)
{
	const char *p = d->src->buf;
	unsigned long long v;

	if (nc_topo_number(d, &p, INT_MAX, "a number", &v))
		return -1;
	*out = (int)v;
	return end_of_file(d, p);
}

static int parse_core(struct nc_topo_draft *d, int cpu)
{
	return parse_id(d, &d->cpu_core[cpu]);
}

static int parse_package(struct nc_topo_draft *d, int cpu)
{
	return parse_id(d, &d->cpu_package[cpu]);
}

static int parse_possible(struct nc_topo_draft *d, int unused)
{
	const char *p = d->src->buf, *last = p;
	unsigned long long v = 0;

	(void)unused;
	while (*p && *p != '\n') {
		last = p;
		if (nc_topo_number(d, &p, NR_CPUS - 1, "a CPU", &v))
			return -1;
		if (*p == '-' || *p == ',')
			p++;
	}
	if (last == p)
		return nc_topo_err(d, p, "empty CPU list");
	if (v + 1 > d->nr_cpu_ids)
		d->nr_cpu_ids = (unsigned int)v + 1;
	return end_of_file(d, p);
}

/* cpu/kernel_max: the highest CPU id the kernel was built for (NR_CPUS - 1) */
static int parse_kernel_max(struct nc_topo_draft *d, int unused)
{
	const char *p = d->src->buf;
	unsigned long long v;

	(void)unused;
	if (nc_topo_number(d, &p, NR_CPUS - 1, "a CPU", &v))
		return -1;
	d->config_nr_cpus = (unsigned int)v + 1;
	return end_of_file(d, p);
}

/* Cores, packages, the possible CPUs and NR_CPUS, if the tree has cpu/. */
static int cpu_topology(struct nc_topo_draft *d, const char *cpudir)
{
	char dir[PATH_MAX + 32];
	int ret;

	ret = parse_file(d, cpudir, "possible", true, parse_possible, 0);
	if (!ret || ret == -ENOENT)
		ret = parse_file(d, cpudir, "kernel_max", true, parse_kernel_max, 0);
	if (ret && ret != -ENOENT)
		return ret;
	for (unsigned int c = 0; c < d->nr_cpu_ids; c++) {
		if (d->cpu_node[c] < 0)
			continue;
		snprintf(dir, sizeof(dir), "%s/cpu%u/topology", cpudir, c);
		ret = parse_file(d, dir, "core_id", true, parse_core, (int)c);
		if (!ret)
			ret = parse_file(d, dir, "physical_package_id", true, parse_package,
					 (int)c);
		if (ret == -ENOENT) {
			d->cpu_core[c] = d->cpu_package[c] = -1;
			continue;
		}
		if (ret)
			return ret;
	}
	return 0;
}

/* nodeN with N all digits, no leading zero */
static bool node_entry(const char *name, const char **digits)
{
	const char *s = name + 4;

	if (strncmp(name, "node", 4) || !*s || (s[0] == '0' && s[1]))
		return false;
	*digits = s;
	return s[strspn(s, "0123456789")] == '\0';
}

static int scan_nodes(struct nc_topo_draft *d, const char *nodedir)
{
	DIR *dir = opendir(nodedir);
	struct dirent *e;
	int ret = 0;

	if (!dir)
		return nc_err(d->err, "%s: %s", nodedir, strerror(errno));
	while (!ret && (e = readdir(dir))) {
		struct nc_topo_src src = { .name = e->d_name, .buf = e->d_name };
		const struct nc_topo_src *outer = d->src;
		const char *digits, *p;
		unsigned long long nid;

		if (!node_entry(e->d_name, &digits))
			continue;
		d->src = &src;
		p = digits;
		ret = nc_topo_number(d, &p, ~0ULL, "a node id", &nid) ||
		      nc_topo_add_node(d, nid, digits);
		d->src = outer;
	}
	closedir(dir);
	return ret ? -EINVAL : 0;
}

struct nc_topology *nc_topo_sysfs_tree(const char *root, const char *name,
				       struct nc_error *err)
{
	char nodedir[PATH_MAX], cpudir[PATH_MAX], dir[PATH_MAX + 32];
	struct nc_topo_src src = { .buf = "" };
	struct nc_topo_draft *d;
	struct stat st;
	int nid;

	if (strlen(root) > PATH_MAX - 16) {
		nc_err(err, "%.64s...: path too long", root);
		return NULL;
	}

	snprintf(nodedir, sizeof(nodedir), "%s/node", root);
	if (!stat(nodedir, &st) && S_ISDIR(st.st_mode)) {
		snprintf(cpudir, sizeof(cpudir), "%s/cpu", root);
	} else {
		snprintf(nodedir, sizeof(nodedir), "%s", root);
		snprintf(cpudir, sizeof(cpudir), "%s/../cpu", root);
	}
	src.name = nodedir;
	d = nc_topo_draft_new(&src, err);
	if (!d)
		return NULL;
	snprintf(d->name, sizeof(d->name), "%s", name);
	if (scan_nodes(d, nodedir))
		goto fail;
	for_each_node_mask(nid, d->online) {
		snprintf(dir, sizeof(dir), "%s/node%d", nodedir, nid);
		if (parse_file(d, dir, "cpulist", false, nc_topo_sysfs_cpulist, nid) ||
		    parse_file(d, dir, "meminfo", false, nc_topo_sysfs_meminfo, nid) ||
		    parse_file(d, dir, "distance", false, nc_topo_sysfs_distance, nid))
			goto fail;
	}
	if (!stat(cpudir, &st) && S_ISDIR(st.st_mode) && cpu_topology(d, cpudir))
		goto fail;
	return nc_topo_finalize(d);
fail:
	nc_topo_draft_free(d);
	return NULL;
}
