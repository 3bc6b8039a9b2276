// SPDX-License-Identifier: GPL-2.0-only
/* libFuzzer target for the memory-policy and address-space system calls:
 * the bytes are a sequence of calls (set_mempolicy, get_mempolicy, mbind,
 * set_mempolicy_home_node, mmap, munmap, mprotect, madvise, user copies,
 * cpuset changes, weighted-interleave writes) with arbitrary arguments, run
 * on a four-node machine. No crash, leak or sanitizer report is allowed.
 * Lengths that would fault pages in are kept small so a run stays fast. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <numaclone/numaclone.h>
#include "arch/task.h"
#include "mm/mempolicy.h"
#include "mm/mmap.h"
#include "mm/uaccess.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define AREA 0x7f0000000000UL   /* where the fuzzed addresses mostly fall */

struct input {
	const uint8_t *p;
	size_t left;
};

static uint64_t take(struct input *in, size_t n)
{
	uint64_t v = 0;

	while (n-- && in->left) {
		v = v << 8 | *in->p++;
		in->left--;
	}
	return v;
}

/* An address: mostly pages of AREA, sometimes anything */
static unsigned long addr_arg(struct input *in)
{
	uint64_t sel = take(in, 1);

	if (sel < 200)
		return AREA + (take(in, 1) << 12) + (sel & 1 ? take(in, 2) & 0xfff : 0);
	if (sel < 220)
		return 0x30000000UL + (take(in, 1) << 3);    /* own memory */
	return take(in, 8);
}

static unsigned long len_arg(struct input *in)
{
	uint64_t sel = take(in, 1);

	return sel < 240 ? take(in, 1) << 12 | (sel & 1) : take(in, 8);
}

static void one_call(struct nc_machine *m, struct input *in)
{
	unsigned long a = addr_arg(in), l = len_arg(in), x = take(in, 8), y = take(in, 2);
	nodemask_t mems;

	switch (take(in, 1) % 12) {
	case 0:
		kernel_set_mempolicy(m, (int)x, addr_arg(in), y);
		break;
	case 1:
		kernel_get_mempolicy(m, addr_arg(in), addr_arg(in), y, a, x & 0xff);
		break;
	case 2:
		kernel_mbind(m, a, l, x, addr_arg(in), y, (unsigned int)(x >> 32));
		break;
	case 3:
		kernel_set_mempolicy_home_node(m, a, l, y & 0x7ff, x & 1);
		break;
	case 4:  /* no MAP_POPULATE: a huge length must not fault pages in */
		kernel_mmap(m, a, l, x & 0xf, (x >> 8) & ~(unsigned long)MAP_POPULATE,
			    (x >> 40) & 1 ? -1UL : 3, (x >> 48) << 12);
		break;
	case 5:
		kernel_munmap(m, a, l);
		break;
	case 6:
		kernel_mprotect(m, a, l, x);
		break;
	case 7:  /* populating advice only over a few pages */
		kernel_madvise(m, a, (x & 0xff) == MADV_POPULATE_READ ||
			       (x & 0xff) == MADV_POPULATE_WRITE ? l & 0xffff : l, (int)(x & 0xff));
		break;
	case 8: {
		char buf[256];

		copy_from_user(m, buf, a, y % sizeof(buf));
		copy_to_user(m, a, buf, (x & 0xff) % sizeof(buf));
		clear_user(m, addr_arg(in), y & 0xfff);
		break;
	}
	case 9:
		nodes_clear(mems);
		mems.bits[0] = x & 0xf;
		if (!nodes_empty(mems))
			nc_cpuset_set_mems(m, nc_current(m), &mems);
		break;
	case 10: {
		char w[8];

		memcpy(w, &x, sizeof(w));
		weighted_interleave_node_store(m, (int)(y % 5), w, (x >> 56) % 9);
		break;
	}
	default: {
		struct page *p = alloc_pages(m, GFP_KERNEL, (unsigned)(y % 3));

		if (p)
			__free_pages(m, p, p->order);
		mempolicy_slab_node(m);
		break;
	}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nc_machine_config cfg = { .topology = "4x1", .seed = 1 };
	struct nc_machine *m = nc_machine_create(&cfg, NULL);
	struct input in = { data, size };
	struct task_struct *t, *saved;

	if (!m)
		return 0;
	t = calloc(1, sizeof(*t));
	if (t && !nc_new_mm(m, t)) {
		t->mems_allowed = m->topo->memory;
		saved = m->curr[m->cpu];
		m->curr[m->cpu] = t;
		for (int n = 0; in.left && n < 64; n++)
			one_call(m, &in);
		m->curr[m->cpu] = saved;
		exit_mm(m, t);
		mpol_put(t->mempolicy);
	}
	free(t);
	nc_machine_destroy(m);
	return 0;
}
