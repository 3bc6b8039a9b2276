// SPDX-License-Identifier: GPL-2.0-only
/*
 * Preset machines, sized like real ones: what their firmware (SRAT, SLIT,
 * MADT) would tell the kernel, and the CPU vendor and family CPUID would.
 * Distances 10/21 are a typical Intel multi-socket SLIT; 10/12/32 is AMD
 * EPYC with several nodes per socket (NPS2/NPS4).
 */
#include <string.h>

#include "arch/topology_presets.h"

struct preset {
	const char *name;
	unsigned int sockets, nodes_per_socket, cores, threads;
	unsigned long long mem;           /* per node */
	unsigned int near, far;           /* same socket, other socket */
	enum nc_cpu_vendor vendor;
	unsigned int family;
};

#define GiB (1ULL << 30)

static const struct preset presets[] = {
	/* one socket, 4 cores with SMT, 16 GiB: an Intel desktop */
	{ "1n",   1, 1, 4, 2, 16 * GiB,  0, 0, NC_VENDOR_INTEL, 6 },
	/* two-socket Intel server, 8 cores with SMT and 32 GiB a socket */
	{ "2s",   2, 1, 8, 2, 32 * GiB,  0, 21, NC_VENDOR_INTEL, 6 },
	/* four Intel sockets fully linked, 4 cores with SMT and 16 GiB each */
	{ "4n",   4, 1, 4, 2, 16 * GiB,  0, 21, NC_VENDOR_INTEL, 6 },
	/* two-socket AMD EPYC Milan (family 0x19) in NPS2: the default */
	{ "2s4n", 2, 2, 4, 2, 16 * GiB, 12, 32, NC_VENDOR_AMD, 0x19 },
	/* two-socket AMD EPYC Rome (family 0x17) in NPS4: 8 nodes of 8 cores */
	{ "8n",   2, 4, 8, 2, 32 * GiB, 12, 32, NC_VENDOR_AMD, 0x17 },
};

static const struct preset *find_preset(const char *name)
{
	for (unsigned int i = 0; i < sizeof(presets) / sizeof(presets[0]); i++)
		if (!strcmp(presets[i].name, name))
			return &presets[i];
	return NULL;
}

bool nc_topo_is_preset(const char *spec)
{
	return find_preset(spec) != NULL;
}

int nc_topo_uniform(struct nc_topo_draft *d, unsigned int sockets,
		    unsigned int nodes_per_socket, unsigned int cores,
		    unsigned int threads, unsigned long long mem)
{
	unsigned int nodes = sockets * nodes_per_socket;
	const char *at = d->src->buf;

	for (unsigned int n = 0; n < nodes; n++) {
		if (nc_topo_add_node(d, n, at) || nc_topo_set_mem(d, (int)n, mem, at))
			return -1;
		for (unsigned int t = 0; t < threads; t++)
			for (unsigned int c = 0; c < cores; c++) {
				unsigned int cpu = (t * nodes + n) * cores + c;

				if (nc_topo_add_cpu(d, cpu, (int)n, at))
					return -1;
				d->cpu_package[cpu] = (int)(n / nodes_per_socket);
				d->cpu_core[cpu] = (int)((n % nodes_per_socket) * cores + c);
			}
	}
	return 0;
}

int nc_topo_preset(struct nc_topo_draft *d)
{
	const struct preset *p = find_preset(d->src->buf);
	unsigned int nodes = p->sockets * p->nodes_per_socket;

	if (nc_topo_uniform(d, p->sockets, p->nodes_per_socket, p->cores, p->threads, p->mem))
		return -1;
	d->vendor = p->vendor;
	d->x86_family = p->family;
	if (nodes == 1)
		return 0;
	for (unsigned int a = 0; a < nodes; a++)
		for (unsigned int b = 0; b < nodes; b++) {
			unsigned int v = a == b ? LOCAL_DISTANCE :
				a / p->nodes_per_socket == b / p->nodes_per_socket ? p->near : p->far;

			if (nc_topo_set_distance(d, (int)a, (int)b, v, true, d->src->buf))
				return -1;
		}
	return 0;
}
