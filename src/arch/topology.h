/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The machine's shape, as the kernel learns it from firmware (ACPI SRAT and
 * SLIT on x86): nodes with their CPUs and memory, the distance table, and
 * each CPU's core and package. Node ids may be sparse (a node that is not
 * online has no CPUs and no memory). Models the facts include/linux/topology.h
 * and drivers/base/node.c expose. Every input form (topology_*.c) fills one
 * struct nc_topo_draft; nc_topo_finalize() checks it and builds the result.
 */
#ifndef NC_ARCH_TOPOLOGY_H
#define NC_ARCH_TOPOLOGY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <numaclone/numaclone.h>
#include "lib/nodemask.h"

#define LOCAL_DISTANCE  10
#define REMOTE_DISTANCE 20
#define NC_MAX_DISTANCE 255          /* SLIT entries are one byte */
#define NC_MAX_PHYSMEM  (1ULL << 52) /* x86-64 MAX_PHYSMEM_BITS (5-level paging) */
#define NC_TOPO_PAGE    4096ULL      /* node sizes are whole 4 KiB pages */

struct nc_node {
	bool online;
	unsigned long long mem_bytes; /* MemTotal: 0 for a memoryless node */
	unsigned int nr_cpus;         /* CPUs whose cpu_node[] is this node */
};

/* The vendors arch/x86/kernel/cpu/ tells apart (x86_vendor) that the
 * model needs: vendor code tunes the kernel by vendor and family. */
enum nc_cpu_vendor { NC_VENDOR_UNKNOWN, NC_VENDOR_INTEL, NC_VENDOR_AMD, NC_VENDOR_HYGON };

struct nc_topology {
	char name[64];                /* preset or source, for reports */
	enum nc_cpu_vendor vendor;    /* boot_cpu_data.x86_vendor */
	unsigned int x86_family;      /* boot_cpu_data.x86; 0 if unknown */
	unsigned int nr_node_ids;     /* highest possible node id + 1 */
	struct nc_node *nodes;        /* [nr_node_ids] */
	uint8_t *distance;            /* [nr_node_ids * nr_node_ids], SLIT row-major */
	unsigned int nr_cpu_ids;      /* highest CPU id + 1 */
	unsigned int config_nr_cpus;  /* the kernel's CONFIG_NR_CPUS: Debian's NR_CPUS,
				       * or a sysfs tree's cpu/kernel_max + 1 */
	int *cpu_node;                /* [nr_cpu_ids]: node, or -1 if not present */
	int *cpu_core;                /* [nr_cpu_ids]: core id within its package */
	int *cpu_package;             /* [nr_cpu_ids]: physical package id */
	nodemask_t online;            /* node_states[N_ONLINE] */
	nodemask_t memory;            /* node_states[N_MEMORY] */
	nodemask_t has_cpu;           /* node_states[N_CPU] */
};

/* models include/linux/topology.h:node_distance() */
static inline int node_distance(const struct nc_topology *t, int a, int b)
{
	return t->distance[(unsigned)a * t->nr_node_ids + (unsigned)b];
}

/* models include/linux/cpumask.h:cpu_possible(); the model has no CPU
 * hotplug, so possible, present and online are the same CPUs */
static inline bool cpu_possible(const struct nc_topology *t, unsigned int cpu)
{
	return t->cpu_node[cpu] >= 0;
}

/* models include/linux/cpumask.h:for_each_possible_cpu() */
#define for_each_possible_cpu(cpu, t) \
	for ((cpu) = 0; (cpu) < (t)->nr_cpu_ids; (cpu)++) \
		if (!cpu_possible((t), (cpu))) {} else

/* models include/linux/topology.h:cpu_to_node() */
static inline int cpu_to_node(const struct nc_topology *t, unsigned int cpu)
{
	return t->cpu_node[cpu];
}

/*
 * Builds a topology from any accepted SPEC: a preset (1n 2s 4n 2s4n 8n),
 * "host", a compact NxC[:MEM], a QEMU "-numa ..." list, or a path: a
 * directory is a sysfs node tree, a file holds numactl --hardware output or
 * QEMU options. distance is the --distance option (compact specs only; may
 * be NULL). Returns NULL with *err naming the input and position.
 */
struct nc_topology *nc_topology_parse(const char *spec, const char *distance,
				      struct nc_error *err);
/* The forms that name no file: a preset, NxC[:MEM] or "-numa ..." options. */
struct nc_topology *nc_topology_parse_string(const char *spec, const char *distance,
					     struct nc_error *err);
/*
 * The same for the content of a file already in memory (buf need not be
 * NUL-terminated): numactl --hardware text or QEMU options, told apart by
 * the first word. name is used in messages, positions are line:column.
 */
struct nc_topology *nc_topology_parse_text(const char *name, const char *buf,
					   size_t len, struct nc_error *err);
void nc_topology_free(struct nc_topology *t);

/* ---- for the input forms (topology_*.c) ---- */

/* Where the text being parsed came from, for error positions. */
struct nc_topo_src {
	const char *name;   /* file path, or "--topology '...'" */
	const char *buf;    /* NUL-terminated text; positions are pointers into it */
	bool lines;         /* files report line:column, strings an offset */
};

/* What a form has read, before the shared checks. CPU core/package -1 means
 * unknown (each CPU becomes its own core in its node's package). */
struct nc_topo_draft {
	const struct nc_topo_src *src;
	struct nc_error *err;
	char name[64];
	nodemask_t online;
	unsigned long long mem[MAX_NUMNODES];
	unsigned long long total_mem;
	unsigned int nr_cpu_ids;      /* at least highest CPU + 1; a form may raise it */
	unsigned int config_nr_cpus;  /* 0: NR_CPUS */
	bool has_dist;                /* some distance was given */
	enum nc_cpu_vendor vendor;    /* only presets and the host know it */
	unsigned int x86_family;
	uint8_t *dist[MAX_NUMNODES];  /* rows of MAX_NUMNODES, made on first use; 0 = not given */
	int cpu_node[NR_CPUS];
	int cpu_core[NR_CPUS];
	int cpu_package[NR_CPUS];
};

struct nc_topo_draft *nc_topo_draft_new(const struct nc_topo_src *src,
					struct nc_error *err);
void nc_topo_draft_free(struct nc_topo_draft *d);
/* Checks the draft (a CPU, some memory, complete distances) and builds the
 * topology; frees the draft either way. */
struct nc_topology *nc_topo_finalize(struct nc_topo_draft *d);

/* Formats "NAME:LINE:COL: msg" (files) or "NAME at offset N: msg" into the
 * draft's error, at is a pointer into src->buf. Returns -EINVAL. */
int nc_topo_err(const struct nc_topo_draft *d, const char *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Each of these checks its value against the limits, reports at `at`, and
 * returns 0 or -EINVAL. */
int nc_topo_add_node(struct nc_topo_draft *d, unsigned long long nid, const char *at);
int nc_topo_set_mem(struct nc_topo_draft *d, int nid, unsigned long long bytes,
		    const char *at);
int nc_topo_add_cpu(struct nc_topo_draft *d, unsigned long long cpu, int nid,
		    const char *at);
/* Distance from a to b: 10 exactly on the diagonal, 11..255 elsewhere (the
 * kernel ignores a SLIT that breaks this); symmetric demands b->a, if given,
 * be equal. Replaces an earlier value. */
int nc_topo_set_distance(struct nc_topo_draft *d, int a, int b,
			 unsigned long long val, bool symmetric, const char *at);
static inline uint8_t nc_topo_distance(const struct nc_topo_draft *d, int a, int b)
{
	return d->dist[a] ? d->dist[a][b] : 0;
}

/* Parses a decimal number at *p (no sign), at most max; advances *p. what
 * names it in the message. */
int nc_topo_number(const struct nc_topo_draft *d, const char **p,
		   unsigned long long max, const char *what, unsigned long long *out);
/* Parses a size: a number with an optional K/M/G/T/P/E suffix (binary
 * multiples, any case, an optional trailing B); a bare number counts in
 * units of 1 << unit_shift bytes. Must be whole pages, at most 4 PiB. */
int nc_topo_size(const struct nc_topo_draft *d, const char **p,
		 unsigned int unit_shift, unsigned long long *out);

/* Reads a whole file (at most max bytes) into a NUL-terminated malloc'd
 * buffer. Returns 0, or -errno (-EFBIG if longer than max). */
int nc_topo_read_file(const char *path, size_t max, char **buf, size_t *len);

#endif
