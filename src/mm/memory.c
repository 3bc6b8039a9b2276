// SPDX-License-Identifier: GPL-2.0-only
/*
 * Page tables and faults (mm/memory.c, mm/shmem.c's fault path): an
 * anonymous page is allocated on first touch on the node the VMA's or the
 * task's policy picks; a read fault on private anonymous memory maps the
 * zero page; shared anonymous memory allocates on any fault. Left out:
 * copy-on-write between processes, swap, THP, file pages.
 */
#include <errno.h>
#include <stdlib.h>

#include "mm/memory.h"
#include "mm/mempolicy.h"
#include "mm/mmap.h"
#include "mm/mmzone.h"
#include "mm/vmstat.h"

static unsigned long pte_hash(unsigned long vpn, unsigned long nbuckets)
{
	return (vpn * 0x9E3779B97F4A7C15UL >> 17) & (nbuckets - 1);
}

struct nc_pte *nc_pte_lookup(const struct nc_pagetable *pt, unsigned long addr)
{
	unsigned long vpn = addr >> PAGE_SHIFT;
	struct nc_pte *p;

	if (!pt->nbuckets)
		return NULL;
	for (p = pt->bucket[pte_hash(vpn, pt->nbuckets)]; p; p = p->next)
		if (p->vpn == vpn)
			return p;
	return NULL;
}

static int pt_grow(struct nc_pagetable *pt)
{
	unsigned long n = pt->nbuckets ? pt->nbuckets * 2 : 64, i;
	struct nc_pte **b = calloc(n, sizeof(*b));

	if (!b)
		return -ENOMEM;
	for (i = 0; i < pt->nbuckets; i++) {
		struct nc_pte *p = pt->bucket[i], *next;

		for (; p; p = next) {
			unsigned long h = pte_hash(p->vpn, n);

			next = p->next;
			p->next = b[h];
			b[h] = p;
		}
	}
	free(pt->bucket);
	pt->bucket = b;
	pt->nbuckets = n;
	return 0;
}

struct nc_pte *nc_pte_get(struct nc_pagetable *pt, unsigned long addr)
{
	struct nc_pte *p = nc_pte_lookup(pt, addr);
	unsigned long h;

	if (p)
		return p;
	if (pt->nr >= pt->nbuckets && pt_grow(pt))
		return NULL;
	p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->vpn = addr >> PAGE_SHIFT;
	h = pte_hash(p->vpn, pt->nbuckets);
	p->next = pt->bucket[h];
	pt->bucket[h] = p;
	pt->nr++;
	return p;
}

void nc_pte_walk(struct nc_pagetable *pt, unsigned long start, unsigned long end,
		 void (*fn)(struct nc_pte *pte, void *arg), void *arg)
{
	unsigned long first = start >> PAGE_SHIFT, last = (end - 1) >> PAGE_SHIFT;
	unsigned long i;

	if (start >= end || !pt->nr)
		return;
	if (last - first < pt->nr) {
		/* short range: look each page up */
		for (i = first; i <= last; i++) {
			struct nc_pte *p = nc_pte_lookup(pt, i << PAGE_SHIFT);

			if (p)
				fn(p, arg);
		}
		return;
	}
	for (i = 0; i < pt->nbuckets; i++) {
		struct nc_pte *p, *next;

		for (p = pt->bucket[i]; p; p = next) {
			next = p->next;
			if (p->vpn >= first && p->vpn <= last)
				fn(p, arg);
		}
	}
}

/* NR_ANON_MAPPED (AnonPages of nodeN/meminfo) follows private anonymous
 * pages as folio_add_new_anon_rmap() and the zap path count them */
static void count_anon(struct nc_machine *m, const struct nc_pte *p, long delta)
{
	if (p->page && (p->flags & NC_PTE_ANON))
		mod_node_page_state(NODE_DATA(m, page_to_nid(p->page)), NR_ANON_MAPPED,
				    delta);
}

static void pte_free(struct nc_machine *m, struct nc_pte *p)
{
	count_anon(m, p, -1);
	if (p->page)
		__free_pages(m, p->page, 0);
	free(p->data);
	free(p);
}

void nc_pte_replace_page(struct nc_machine *m, struct nc_pte *pte, struct page *page)
{
	count_anon(m, pte, -1);
	__free_pages(m, pte->page, 0);
	pte->page = page;
	count_anon(m, pte, 1);
}

void nc_pagetable_free(struct nc_machine *m, struct nc_pagetable *pt)
{
	unsigned long i;

	for (i = 0; i < pt->nbuckets; i++) {
		struct nc_pte *p, *next;

		for (p = pt->bucket[i]; p; p = next) {
			next = p->next;
			pte_free(m, p);
		}
	}
	free(pt->bucket);
	pt->bucket = NULL;
	pt->nbuckets = pt->nr = 0;
}

void zap_page_range(struct nc_machine *m, struct mm_struct *mm,
		    unsigned long start, unsigned long end)
{
	struct nc_pagetable *pt = &mm->pt;
	unsigned long i;

	if (start >= end || !pt->nr)
		return;
	for (i = 0; i < pt->nbuckets; i++) {
		struct nc_pte **pp = &pt->bucket[i];

		while (*pp) {
			struct nc_pte *p = *pp;
			unsigned long a = p->vpn << PAGE_SHIFT;

			if (a >= start && a < end) {
				*pp = p->next;
				pt->nr--;
				pte_free(m, p);
			} else {
				pp = &p->next;
			}
		}
	}
}

/* models mm/memory.c:do_anonymous_page() and shmem_fault(): the new page
 * comes from vma_alloc_folio(), i.e. from the policy */
static int do_fault_page(struct nc_machine *m, struct vm_area_struct *vma,
			 struct nc_pte *pte, unsigned long addr, bool write)
{
	struct page *page;

	if (!write && !vma->shmem_ino) {
		pte->flags |= NC_PTE_ZERO;
		return 0;
	}
	page = vma_alloc_folio(m, GFP_HIGHUSER_MOVABLE, 0, vma, addr & PAGE_MASK);
	if (!page)
		return -ENOMEM;
	pte->page = page;
	pte->flags &= ~(unsigned)NC_PTE_ZERO;
	if (!vma->shmem_ino)
		pte->flags |= NC_PTE_ANON;
	count_anon(m, pte, 1);
	return 0;
}

int handle_mm_fault(struct nc_machine *m, struct vm_area_struct *vma,
		    unsigned long addr, bool write)
{
	struct nc_pte *pte;
	int err;

	if (vma->vm_file)
		return 0;
	pte = nc_pte_get(&vma->vm_mm->pt, addr);
	if (!pte)
		return -ENOMEM;
	if (!pte->page) {
		err = do_fault_page(m, vma, pte, addr, write);
		if (err)
			return err;
	}
	if (write)
		pte->flags |= NC_PTE_DIRTY;
	return 0;
}

int nc_gup_check(const struct vm_area_struct *vma, bool write)
{
	return vma->vm_flags & (write ? VM_WRITE : VM_READ) ? 0 : -EFAULT;
}

int nc_lookup_node(struct nc_machine *m, struct vm_area_struct *vma,
		   unsigned long addr)
{
	struct nc_pte *pte;
	int err = nc_gup_check(vma, false);

	if (!err)
		err = handle_mm_fault(m, vma, addr, false);
	if (err)
		return err;
	pte = nc_pte_lookup(&vma->vm_mm->pt, addr);
	if (pte && pte->page)
		return page_to_nid(pte->page);
	/* the zero page lives with the kernel image, on the first memory node */
	return first_node(m->topo->memory);
}
