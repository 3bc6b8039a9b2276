/* SPDX-License-Identifier: GPL-2.0-only */
/* Node and CPU masks, as include/linux/nodemask.h and cpumask.h keep them. */
#ifndef NC_LIB_NODEMASK_H
#define NC_LIB_NODEMASK_H

#include "lib/bitmap.h"

#define MAX_NUMNODES 1024 /* x86_64 with CONFIG_NODES_SHIFT=10 (MAXSMP) */
#define NR_CPUS 8192
#define NUMA_NO_NODE (-1)

typedef struct { unsigned long bits[BITS_TO_LONGS(MAX_NUMNODES)]; } nodemask_t;
typedef struct { unsigned long bits[BITS_TO_LONGS(NR_CPUS)]; } cpumask_t;

#define node_set(n, m)     __set_bit((n), (m).bits)
#define node_clear(n, m)   __clear_bit((n), (m).bits)
#define node_isset(n, m)   test_bit((n), (m).bits)
#define nodes_clear(m)     bitmap_zero((m).bits, MAX_NUMNODES)
#define nodes_empty(m)     bitmap_empty((m).bits, MAX_NUMNODES)
#define nodes_weight(m)    bitmap_weight((m).bits, MAX_NUMNODES)
#define first_node(m)      ((int)find_next_bit((m).bits, MAX_NUMNODES, 0))
#define next_node(n, m)    ((int)find_next_bit((m).bits, MAX_NUMNODES, (n) + 1))
#define for_each_node_mask(n, m) \
	for ((n) = first_node(m); (n) < MAX_NUMNODES; (n) = next_node((n), (m)))

/* models include/linux/nodemask.h:__next_node_in(): next set bit after n,
 * wrapping; MAX_NUMNODES if the mask is empty */
static inline int next_node_in(int n, const nodemask_t *m)
{
	int r = (int)find_next_bit(m->bits, MAX_NUMNODES, (unsigned)(n + 1));

	return r < MAX_NUMNODES ? r : first_node(*m);
}

#define cpumask_set_cpu(c, m)   __set_bit((c), (m)->bits)
#define cpumask_clear_cpu(c, m) __clear_bit((c), (m)->bits)
#define cpumask_test_cpu(c, m)  test_bit((c), (m)->bits)

#endif
