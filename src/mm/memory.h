/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Page tables and faults (mm/memory.c): which page backs each user page of
 * an address space, faults on first touch (the page comes from the policy
 * the VMA or task names), the zero page for read faults on private
 * anonymous memory, and zapping. The table also keeps the bytes a modelled
 * syscall wrote to user memory, so they can be read back.
 */
#ifndef NC_MM_MEMORY_H
#define NC_MM_MEMORY_H

#include "arch/machine.h"
#include "mm/page_alloc.h"

#define NC_PTE_ZERO  0x1   /* maps the shared zero page */
#define NC_PTE_DIRTY 0x2
#define NC_PTE_ANON  0x4   /* a private anonymous page (PageAnon) */

/* One entry per user page the model knows something about. */
struct nc_pte {
	unsigned long vpn;         /* address >> PAGE_SHIFT */
	struct page *page;         /* faulted-in page, NULL if none */
	unsigned char *data;       /* PAGE_SIZE bytes once written, else NULL (zeros) */
	unsigned int flags;
	struct nc_pte *next;
};

struct nc_pagetable {
	struct nc_pte **bucket;    /* hash by vpn; nbuckets is a power of two */
	unsigned long nbuckets, nr;
};

struct mm_struct;
struct vm_area_struct;

/* The pte for addr, or NULL. */
struct nc_pte *nc_pte_lookup(const struct nc_pagetable *pt, unsigned long addr);
/* The pte for addr, created empty if absent; NULL on host ENOMEM. */
struct nc_pte *nc_pte_get(struct nc_pagetable *pt, unsigned long addr);
/* Calls fn on every pte in [start, end), in no particular order. */
void nc_pte_walk(struct nc_pagetable *pt, unsigned long start, unsigned long end,
		 void (*fn)(struct nc_pte *pte, void *arg), void *arg);
/* The end of a migration (mm/migrate.c:remove_migration_ptes()): pte maps
 * page instead, and the old page is freed */
void nc_pte_replace_page(struct nc_machine *m, struct nc_pte *pte, struct page *page);
void nc_pagetable_free(struct nc_machine *m, struct nc_pagetable *pt);

/* models mm/gup.c:check_vma_flags() for a read or write pin: 0 or -EFAULT */
int nc_gup_check(const struct vm_area_struct *vma, bool write);
/* models mm/memory.c:handle_mm_fault() (the caller checked the access):
 * 0 or -ENOMEM when no page can be had */
int handle_mm_fault(struct nc_machine *m, struct vm_area_struct *vma,
		    unsigned long addr, bool write);
/* models mm/memory.c:zap_page_range_single(): unmaps and frees the pages
 * of [start, end) in mm, and forgets their contents */
void zap_page_range(struct nc_machine *m, struct mm_struct *mm,
		    unsigned long start, unsigned long end);
/* The page for addr of vma after a read fault (the zero page is reported
 * on the node that holds it): models get_user_pages_fast() of one page.
 * Returns the node, or -EFAULT/-ENOMEM. */
int nc_lookup_node(struct nc_machine *m, struct vm_area_struct *vma,
		   unsigned long addr);

#endif
