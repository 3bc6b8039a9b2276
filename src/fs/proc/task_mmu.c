// SPDX-License-Identifier: GPL-2.0-only
/*
 * /proc/PID/numa_maps as fs/proc/task_mmu.c:show_numa_map() prints it in
 * v6.12: start address, policy (mpol_to_str()), then the page counts of the
 * VMA. Shared anonymous memory is shmem's deleted "/dev/zero" file, as the
 * kernel names it. Left out: other file= paths (files are not modelled),
 * heap/stack (the model's address spaces have no brk or initial stack),
 * huge pages,
 * swapcache, writeback, mapmax (no page is mapped twice). New anonymous
 * pages sit on the inactive list, so active= is always 0.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fs/proc/task_mmu.h"
#include "mm/mempolicy.h"
#include "mm/mmap.h"

struct seq_buf {
	char *buf;
	size_t len, cap;
	bool oom;
};

static void seq_printf(struct seq_buf *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void seq_printf(struct seq_buf *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (s->oom)
		return;
	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(s->buf + s->len, s->cap - s->len, fmt, ap);
		va_end(ap);
		if (n < 0) {
			s->oom = true;
			return;
		}
		if ((size_t)n < s->cap - s->len)
			break;
		{
			size_t cap = (s->cap + (size_t)n + 1) * 2;
			char *b = realloc(s->buf, cap);

			if (!b) {
				s->oom = true;
				return;
			}
			s->buf = b;
			s->cap = cap;
		}
	}
	s->len += (size_t)n;
}

/* models fs/proc/task_mmu.c:struct numa_maps */
struct numa_maps {
	unsigned long pages, anon, dirty;
	unsigned long *node;      /* [nr_node_ids] */
	bool anon_vma;            /* private anonymous: its pages are PageAnon */
	unsigned int nr_node_ids;
};

/* models fs/proc/task_mmu.c:gather_stats() for one mapped page */
static void gather_pte_stats(struct nc_pte *pte, void *arg)
{
	struct numa_maps *md = arg;
	int nid;

	if (!pte->page || (pte->flags & NC_PTE_ZERO))
		return;
	nid = page_to_nid(pte->page);
	md->pages++;
	if (md->anon_vma)
		md->anon++;
	if (pte->flags & NC_PTE_DIRTY)
		md->dirty++;
	if (nid >= 0 && (unsigned)nid < md->nr_node_ids)
		md->node[nid]++;
}

static void show_numa_map(struct nc_machine *m, struct seq_buf *s,
			  struct vm_area_struct *vma, struct mempolicy *task_pol,
			  struct numa_maps *md)
{
	char buffer[64];
	int nid;

	mpol_to_str(m, buffer, sizeof(buffer), vma->vm_policy ? vma->vm_policy : task_pol);
	seq_printf(s, "%08lx %s", vma->vm_start, buffer);
	if (vma->shmem_ino)   /* seq_path() escapes the space as \040 */
		seq_printf(s, " file=/dev/zero\\040(deleted)");
	md->pages = md->anon = md->dirty = 0;
	memset(md->node, 0, md->nr_node_ids * sizeof(*md->node));
	md->anon_vma = !vma->vm_file && !vma->shmem_ino;
	nc_pte_walk(&vma->vm_mm->pt, vma->vm_start, vma->vm_end, gather_pte_stats, md);
	if (md->pages) {
		if (md->anon)
			seq_printf(s, " anon=%lu", md->anon);
		if (md->dirty)
			seq_printf(s, " dirty=%lu", md->dirty);
		if (md->pages != md->anon && md->pages != md->dirty)
			seq_printf(s, " mapped=%lu", md->pages);
		seq_printf(s, " active=0");
		for_each_node_mask(nid, m->topo->memory)
			if ((unsigned)nid < md->nr_node_ids && md->node[nid])
				seq_printf(s, " N%d=%lu", nid, md->node[nid]);
		seq_printf(s, " kernelpagesize_kB=%lu", PAGE_SIZE >> 10);
	}
	seq_printf(s, "\n");
}

char *proc_pid_numa_maps(struct nc_machine *m, struct task_struct *task)
{
	struct seq_buf s = { 0 };
	struct numa_maps md = { .nr_node_ids = m->topo->nr_node_ids };
	struct mm_struct *mm = task->mm;
	struct mempolicy *task_pol = get_task_policy(m, task);
	unsigned int i;

	s.buf = calloc(1, 256);
	md.node = calloc(md.nr_node_ids, sizeof(*md.node));
	if (!s.buf || !md.node) {
		free(s.buf);
		free(md.node);
		return NULL;
	}
	s.cap = 256;
	for (i = 0; mm && i < mm->map_count; i++)
		show_numa_map(m, &s, mm->vmas[i], task_pol, &md);
	free(md.node);
	if (s.oom) {
		free(s.buf);
		return NULL;
	}
	return s.buf;
}
