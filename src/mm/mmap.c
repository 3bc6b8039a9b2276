// SPDX-License-Identifier: GPL-2.0-only
/*
 * The address space (mm/mmap.c, mm/vma.c, mm/mprotect.c, mm/madvise.c):
 * VMAs in address order, mmap with the x86 top-down search below a fixed
 * mmap_base (see mmap.h), MAP_FIXED/MAP_FIXED_NOREPLACE, splits and merges,
 * munmap, mprotect, madvise (populate, DONTNEED and the flag-only advice).
 * mm_structs and VMAs are objects of the mm_struct and vm_area_struct
 * caches (a VMA is freed after a grace period). Left out: file contents,
 * hugetlb, mlock accounting, pkeys, address randomisation, growsdown
 * stacks, brk, the maple tree's nodes (the VMA array is host memory),
 * anon_vma chains, the per-VMA lock objects.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "arch/task.h"
#include "kernel/rcu/tree.h"
#include "mm/mempolicy.h"
#include "mm/mmap.h"
#include "mm/mmzone.h"
#include "mm/slab.h"
#include "mm/slub.h"

/* models kernel/fork.c:mm_cachep and vm_area_cachep */
static struct kmem_cache *mm_cachep(const struct nc_machine *m)
{
	return m->slab->boot[NC_CACHE_MM_STRUCT];
}

static struct kmem_cache *vm_area_cachep(const struct nc_machine *m)
{
	return m->slab->boot[NC_CACHE_VM_AREA];
}

struct mm_struct *mm_alloc(struct nc_machine *m)
{
	struct mm_struct *mm = kmem_cache_alloc(m, mm_cachep(m), GFP_KERNEL);  /* allocate_mm() */

	if (!mm)
		return NULL;
	memset(mm, 0, sizeof(*mm));
	list_add(&mm->nc_node, &m->mempolicy->mms);
	mm->mm_users = 1;
	mm->task_size = TASK_SIZE;
	mm->mmap_base = NC_MMAP_BASE;
	mm->mmap_min_addr = DEFAULT_MMAP_MIN_ADDR;
	return mm;
}

/* models kernel/fork.c:vm_area_alloc(): a zeroed VMA of mm */
static struct vm_area_struct *vm_area_alloc(struct nc_machine *m, struct mm_struct *mm)
{
	struct vm_area_struct *vma = kmem_cache_alloc(m, vm_area_cachep(m), GFP_KERNEL);

	if (vma) {
		memset(vma, 0, sizeof(*vma));           /* vma_init() */
		vma->vm_mm = mm;
	}
	return vma;
}

/* models kernel/fork.c:vm_area_dup() */
static struct vm_area_struct *vm_area_dup(struct nc_machine *m, const struct vm_area_struct *orig)
{
	struct vm_area_struct *new = kmem_cache_alloc(m, vm_area_cachep(m), GFP_KERNEL);

	if (new)
		*new = *orig;
	return new;
}

/* models kernel/fork.c:vm_area_free_rcu_cb() with __vm_area_free() */
static void vm_area_free_rcu_cb(struct nc_machine *m, struct rcu_head *head)
{
	kmem_cache_free(m, vm_area_cachep(m), container_of(head, struct vm_area_struct, vm_rcu));
}

/* models kernel/fork.c:vm_area_free() with the policy put of remove_vma():
 * CONFIG_PER_VMA_LOCK (x86_64) frees the VMA after a grace period, as a
 * page fault may look it up without mmap_lock */
static void vm_area_free(struct nc_machine *m, struct vm_area_struct *vma)
{
	mpol_put(vma->vm_policy);
	call_rcu(m, &vma->vm_rcu, vm_area_free_rcu_cb);
}

void mmput(struct nc_machine *m, struct mm_struct *mm)
{
	if (mm && --mm->mm_users == 0)
		nc_mm_free(m, mm);
}

int nc_new_mm(struct nc_machine *m, struct task_struct *tsk)
{
	struct mm_struct *mm = mm_alloc(m);

	if (!mm)
		return -ENOMEM;
	exit_mm(m, tsk);
	tsk->mm = mm;
	return 0;
}

void exit_mm(struct nc_machine *m, struct task_struct *tsk)
{
	mmput(m, tsk->mm);
	tsk->mm = NULL;
}

void nc_mm_free(struct nc_machine *m, struct mm_struct *mm)
{
	unsigned int i;

	list_del_init(&mm->nc_node);
	for (i = 0; i < mm->map_count; i++)
		vm_area_free(m, mm->vmas[i]);
	nc_pagetable_free(m, &mm->pt);
	free(mm->vmas);
	free(mm->unmapped);
	kmem_cache_free(m, mm_cachep(m), mm);
}

unsigned int nc_vma_index(const struct mm_struct *mm, unsigned long addr)
{
	unsigned int lo = 0, hi = mm->map_count;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (mm->vmas[mid]->vm_end > addr)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

struct vm_area_struct *find_vma(const struct mm_struct *mm, unsigned long addr)
{
	unsigned int i = nc_vma_index(mm, addr);

	return i < mm->map_count ? mm->vmas[i] : NULL;
}

struct vm_area_struct *vma_lookup(const struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	return vma && vma->vm_start <= addr ? vma : NULL;
}

struct vm_area_struct *find_vma_intersection(const struct mm_struct *mm,
					     unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	return vma && vma->vm_start < end ? vma : NULL;
}

static int vma_insert(struct mm_struct *mm, struct vm_area_struct *vma)
{
	unsigned int i;

	if (mm->map_count == mm->vmas_cap) {
		unsigned int cap = mm->vmas_cap ? mm->vmas_cap * 2 : 16;
		struct vm_area_struct **v = realloc(mm->vmas, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		mm->vmas = v;
		mm->vmas_cap = cap;
	}
	i = nc_vma_index(mm, vma->vm_start);
	memmove(mm->vmas + i + 1, mm->vmas + i, (mm->map_count - i) * sizeof(*mm->vmas));
	mm->vmas[i] = vma;
	mm->map_count++;
	vma->vm_mm = mm;
	return 0;
}

static void vma_remove_at(struct nc_machine *m, struct mm_struct *mm, unsigned int i)
{
	vm_area_free(m, mm->vmas[i]);
	memmove(mm->vmas + i, mm->vmas + i + 1, (mm->map_count - i - 1) * sizeof(*mm->vmas));
	mm->map_count--;
}

int split_vma(struct nc_machine *m, struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *new;

	if (mm->map_count >= MAX_MAP_COUNT)
		return -ENOMEM;
	new = vm_area_dup(m, vma);
	if (!new)
		return -ENOMEM;
	new->vm_policy = NULL;
	if (mpol_dup(m, vma->vm_policy, &new->vm_policy)) {
		vm_area_free(m, new);
		return -ENOMEM;
	}
	new->vm_start = addr;
	new->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	vma->vm_end = addr;
	if (vma_insert(mm, new)) {
		vma->vm_end = new->vm_end;
		vm_area_free(m, new);
		return -ENOMEM;
	}
	return 0;
}

/* models mm/vma.c:is_mergeable_vma() + the anon/shmem offset continuity */
static bool vma_mergeable(const struct vm_area_struct *a, const struct vm_area_struct *b)
{
	return a->vm_end == b->vm_start && a->vm_flags == b->vm_flags &&
	       a->vm_file == b->vm_file && a->shmem_ino == b->shmem_ino &&
	       !a->vm_file && mpol_equal(a->vm_policy, b->vm_policy) &&
	       a->vm_pgoff + ((a->vm_end - a->vm_start) >> PAGE_SHIFT) == b->vm_pgoff;
}

void nc_vma_merge_around(struct nc_machine *m, struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unsigned int i = nc_vma_index(mm, start);

	if (i > 0)
		i--;
	while (i + 1 < mm->map_count && mm->vmas[i]->vm_start <= end) {
		struct vm_area_struct *a = mm->vmas[i], *b = mm->vmas[i + 1];

		if (vma_mergeable(a, b)) {
			a->vm_end = b->vm_end;
			vma_remove_at(m, mm, i + 1);
		} else {
			i++;
		}
	}
}

int vma_split_range(struct nc_machine *m, struct mm_struct *mm,
		    struct vm_area_struct **vmap, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = *vmap;
	int err;

	if (vma->vm_start < start) {
		err = split_vma(m, mm, vma, start);
		if (err)
			return err;
		vma = vma_lookup(mm, start);
	}
	if (vma->vm_end > end) {
		err = split_vma(m, mm, vma, end);
		if (err)
			return err;
	}
	*vmap = vma;
	return 0;
}

int vma_modify_flags(struct nc_machine *m, struct mm_struct *mm,
		     struct vm_area_struct *vma, unsigned long start, unsigned long end,
		     unsigned long new_flags)
{
	int err = vma_split_range(m, mm, &vma, start, end);

	if (err)
		return err;
	vma->vm_flags = new_flags;
	nc_vma_merge_around(m, mm, start, end);
	return 0;
}

/* ---- the record of unmapped ranges (for uaccess's rule) ---- */

/* Index of the first unmapped range that ends above addr */
static unsigned int unmapped_index(const struct mm_struct *mm, unsigned long addr)
{
	unsigned int lo = 0, hi = mm->nr_unmapped;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (mm->unmapped[mid].end > addr)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

bool nc_addr_unmapped(const struct mm_struct *mm, unsigned long addr)
{
	unsigned int i = unmapped_index(mm, addr);

	return i < mm->nr_unmapped && mm->unmapped[i].start <= addr;
}

bool nc_range_own(const struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unsigned int i;

	if (start < mm->mmap_min_addr || end > TASK_SIZE_MAX || start >= end)
		return false;
	i = unmapped_index(mm, start);
	return i == mm->nr_unmapped || mm->unmapped[i].start >= end;
}

/* Sets [start, end) unmapped (add) or forgets it (!add). */
static int unmapped_update(struct mm_struct *mm, unsigned long start,
			   unsigned long end, bool add)
{
	struct nc_range *out;
	unsigned int i, n = 0;

	out = malloc((mm->nr_unmapped + 2) * sizeof(*out));
	if (!out)
		return -ENOMEM;
	for (i = 0; i < mm->nr_unmapped; i++) {
		struct nc_range r = mm->unmapped[i];

		if (r.end <= start || r.start >= end) {
			out[n++] = r;
			continue;
		}
		if (add) {
			/* absorb into the new range */
			if (r.start < start)
				start = r.start;
			if (r.end > end)
				end = r.end;
			continue;
		}
		if (r.start < start)
			out[n++] = (struct nc_range){ r.start, start };
		if (r.end > end)
			out[n++] = (struct nc_range){ end, r.end };
	}
	if (add) {
		unsigned int j = 0;

		while (j < n && out[j].start < start)
			j++;
		memmove(out + j + 1, out + j, (n - j) * sizeof(*out));
		out[j] = (struct nc_range){ start, end };
		n++;
		/* join touching neighbours */
		for (i = 0; i + 1 < n;) {
			if (out[i].end == out[i + 1].start) {
				out[i].end = out[i + 1].end;
				memmove(out + i + 1, out + i + 2, (n - i - 2) * sizeof(*out));
				n--;
			} else {
				i++;
			}
		}
	}
	free(mm->unmapped);
	mm->unmapped = out;
	mm->nr_unmapped = n;
	mm->unmapped_cap = n + 2;
	return 0;
}

/* ---- munmap ---- */

/* models mm/vma.c:do_vmi_munmap(): remove [start, end) from the VMAs */
static int do_munmap(struct nc_machine *m, struct mm_struct *mm,
		     unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma_intersection(mm, start, end);
	unsigned int i;
	int err;

	if (vma) {
		/* a split that would exceed the map count fails up front */
		struct vm_area_struct *last = find_vma(mm, end - 1);

		if (vma->vm_start < start && last && last->vm_end > end &&
		    vma == last && mm->map_count >= MAX_MAP_COUNT)
			return -ENOMEM;
		if (vma->vm_start < start) {
			err = split_vma(m, mm, vma, start);
			if (err)
				return err;
		}
		last = find_vma(mm, end - 1);
		if (last && last->vm_start < end && last->vm_end > end) {
			err = split_vma(m, mm, last, end);
			if (err)
				return err;
		}
		i = nc_vma_index(mm, start);
		while (i < mm->map_count && mm->vmas[i]->vm_end <= end)
			vma_remove_at(m, mm, i);
	}
	zap_page_range(m, mm, start, end);
	return unmapped_update(mm, start, end, true);
}

long kernel_munmap(struct nc_machine *m, unsigned long addr, unsigned long len)
{
	struct task_struct *cur = nc_current(m);
	struct mm_struct *mm = cur ? cur->mm : NULL;
	unsigned long end;

	if (!mm)
		return -EINVAL;
	if ((addr & ~PAGE_MASK) || addr > TASK_SIZE || len > TASK_SIZE - addr)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = addr + len;
	if (len == 0)
		return -EINVAL;
	return do_munmap(m, mm, addr, end);
}

/* ---- mmap ---- */

/* models mm/mmap.c:unmapped_area_topdown(): the highest gap of len bytes
 * in [low, high) */
static unsigned long unmapped_area_topdown(const struct mm_struct *mm,
					   unsigned long len, unsigned long low,
					   unsigned long high)
{
	unsigned long gap_end = high;
	unsigned int i = nc_vma_index(mm, high);

	if (high < len + low)
		return -ENOMEM;
	for (;;) {
		unsigned long gap_start = i > 0 ? mm->vmas[i - 1]->vm_end : 0;

		if (i < mm->map_count && mm->vmas[i]->vm_start < gap_end)
			gap_end = mm->vmas[i]->vm_start;
		if (gap_start < low)
			gap_start = low;
		if (gap_end >= gap_start && gap_end - gap_start >= len)
			return gap_end - len;
		if (i == 0 || gap_start <= low)
			return -ENOMEM;
		i--;
		gap_end = mm->vmas[i]->vm_start;
	}
}

/* models arch/x86/kernel/sys_x86_64.c:arch_get_unmapped_area_topdown() */
static unsigned long get_area_topdown(const struct mm_struct *mm, unsigned long addr,
				      unsigned long len, unsigned long flags)
{
	unsigned long low = PAGE_SIZE;

	if (len > mm->task_size)
		return -ENOMEM;
	if (flags & MAP_FIXED)
		return addr;
	if (addr) {
		addr &= PAGE_MASK;
		if (addr <= mm->task_size - len && addr >= mm->mmap_min_addr &&
		    !find_vma_intersection(mm, addr, addr + len))
			return addr;
	}
	if (low < mm->mmap_min_addr)
		low = mm->mmap_min_addr;
	addr = unmapped_area_topdown(mm, len, low, mm->mmap_base);
	if (!(addr & ~PAGE_MASK))
		return addr;
	/* bottom-up fallback above mmap_base */
	{
		unsigned long a = mm->mmap_base;
		unsigned int i = nc_vma_index(mm, a);

		for (;; i++) {
			unsigned long next = i < mm->map_count ? mm->vmas[i]->vm_start :
					     mm->task_size;

			if (next > a && next - a >= len)
				return a;
			if (i >= mm->map_count)
				return -ENOMEM;
			a = mm->vmas[i]->vm_end;
		}
	}
}

/* models mm/mmap.c:__get_unmapped_area() */
static unsigned long get_unmapped_area(const struct mm_struct *mm, bool anon_private,
				       unsigned long addr, unsigned long len,
				       unsigned long flags)
{
	if (len > mm->task_size)
		return -ENOMEM;
	if (anon_private && !addr && !(flags & MAP_FIXED) && !(len & (PMD_SIZE - 1))) {
		/* thp_get_unmapped_area(): a larger area, then the PMD-aligned
		 * part of it, as __thp_get_unmapped_area() picks */
		unsigned long ret, off_sub;

		if (len + PMD_SIZE < len)
			return -ENOMEM;
		ret = get_area_topdown(mm, 0, len + PMD_SIZE, flags);
		if (ret & ~PAGE_MASK)
			addr = get_area_topdown(mm, 0, len, flags);
		else {
			off_sub = (0 - ret) & (PMD_SIZE - 1);
			addr = off_sub ? ret + off_sub : ret + PMD_SIZE;
		}
	} else {
		addr = get_area_topdown(mm, addr, len, flags);
	}
	if (addr & ~PAGE_MASK && addr > -4096UL)
		return addr;
	if (addr > mm->task_size - len)
		return -ENOMEM;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	return addr;
}

static unsigned long calc_vm_prot_bits(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

static int populate_range(struct nc_machine *m, struct mm_struct *mm,
			  unsigned long start, unsigned long end, bool write);

/* models mm/util.c:__vm_enough_memory() in the default heuristic mode
 * (vm.overcommit_memory = 0) with no swap: one charge may not exceed the
 * machine's RAM */
static bool vm_enough_memory(const struct nc_machine *m, unsigned long pages)
{
	unsigned long totalram = 0;

	for (unsigned int nid = 0; nid < m->topo->nr_node_ids; nid++) {
		const struct pglist_data *pgdat = NODE_DATA(m, nid);

		for (int z = 0; pgdat && z < MAX_NR_ZONES; z++)
			totalram += zone_managed_pages(&pgdat->node_zones[z]);
	}
	return pages <= totalram;
}

/* models mm/mmap.c:do_mmap() + mmap_region() */
static long do_mmap(struct nc_machine *m, struct mm_struct *mm, unsigned long addr,
		    unsigned long len, unsigned long prot, unsigned long flags,
		    unsigned long pgoff)
{
	bool anon = flags & MAP_ANONYMOUS;
	unsigned long vm_flags, type = flags & MAP_TYPE;
	struct vm_area_struct *vma;
	int err;

	if (!len)
		return -EINVAL;
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	if (!(flags & MAP_FIXED)) {
		/* round_hint_to_min() */
		addr &= PAGE_MASK;
		if (addr && addr < mm->mmap_min_addr)
			addr = PAGE_ALIGN(mm->mmap_min_addr);
	}
	len = PAGE_ALIGN(len);
	if (!len)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (mm->map_count > MAX_MAP_COUNT)
		return -ENOMEM;
	vm_flags = calc_vm_prot_bits(prot) | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	if (flags & MAP_GROWSDOWN)
		vm_flags |= VM_GROWSDOWN;
	addr = get_unmapped_area(mm, anon && type == MAP_PRIVATE, addr, len, flags);
	if (addr > -4096UL)
		return (long)addr;
	if ((flags & MAP_FIXED_NOREPLACE) && find_vma_intersection(mm, addr, addr + len))
		return -EEXIST;
	if (anon) {
		switch (type) {
		case MAP_SHARED:
			if (vm_flags & VM_GROWSDOWN)
				return -EINVAL;
			pgoff = 0;
			vm_flags |= VM_SHARED | VM_MAYSHARE;
			break;
		case MAP_PRIVATE:
			pgoff = addr >> PAGE_SHIFT;
			break;
		default:
			return -EINVAL;
		}
	} else if (type == MAP_SHARED || type == MAP_SHARED_VALIDATE) {
		vm_flags |= VM_SHARED | VM_MAYSHARE;
	} else if (type != MAP_PRIVATE) {
		return -EINVAL;
	}
	if (flags & MAP_NORESERVE)
		vm_flags |= VM_NORESERVE;
	/* private writable memory (accountable_mapping()) and shmem are
	 * charged against the overcommit limit before anything is unmapped */
	if (anon && !(vm_flags & VM_NORESERVE) &&
	    ((vm_flags & VM_SHARED) || (vm_flags & VM_WRITE)) &&
	    !vm_enough_memory(m, len >> PAGE_SHIFT))
		return -ENOMEM;
	/* mmap_region(): whatever was there goes */
	err = do_munmap(m, mm, addr, addr + len);
	if (err)
		return err;
	if (mm->map_count >= MAX_MAP_COUNT)
		return -ENOMEM;
	vma = vm_area_alloc(m, mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_pgoff = pgoff;
	vma->vm_flags = vm_flags;
	vma->vm_file = !anon;
	if (anon && type == MAP_SHARED)
		vma->shmem_ino = m->mempolicy->next_ino++;
	err = vma_insert(mm, vma);
	if (err) {
		vm_area_free(m, vma);
		return err;
	}
	unmapped_update(mm, addr, addr + len, false);
	nc_vma_merge_around(m, mm, addr, addr + len);
	if ((flags & (MAP_POPULATE | MAP_NONBLOCK)) == MAP_POPULATE)
		populate_range(m, mm, addr, addr + len, vm_flags & VM_WRITE);
	return (long)addr;
}

long kernel_mmap(struct nc_machine *m, unsigned long addr, unsigned long len,
		 unsigned long prot, unsigned long flags, unsigned long fd,
		 unsigned long off)
{
	struct task_struct *cur = nc_current(m);

	if (off & ~PAGE_MASK)
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS) && (long)(int)fd < 0)
		return -EBADF;
	if (!cur || !cur->mm)
		return -ENOMEM;
	return do_mmap(m, cur->mm, addr, len, prot, flags, off >> PAGE_SHIFT);
}

/* ---- mprotect ---- */

long kernel_mprotect(struct nc_machine *m, unsigned long start, unsigned long len,
		     unsigned long prot)
{
	struct task_struct *cur = nc_current(m);
	struct mm_struct *mm = cur ? cur->mm : NULL;
	unsigned long grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
	unsigned long end, nstart, newflags;
	struct vm_area_struct *vma;

	prot &= ~(unsigned long)(PROT_GROWSDOWN | PROT_GROWSUP);
	if (grows == (PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (prot & ~(unsigned long)(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM))
		return -EINVAL;   /* arch_validate_prot() */
	if (!mm)
		return -ENOMEM;
	if (grows & PROT_GROWSDOWN) {
		vma = find_vma_intersection(mm, start, end);
		if (!vma)
			return -ENOMEM;
		start = vma->vm_start;
		if (!(vma->vm_flags & VM_GROWSDOWN))
			return -EINVAL;
	} else if (grows & PROT_GROWSUP) {
		/* x86 has no VM_GROWSUP */
		return vma_lookup(mm, start) || nc_range_own(mm, start, start + PAGE_SIZE) ?
			-EINVAL : -ENOMEM;
	}
	/* VMA by VMA, as mprotect_fixup() goes: a hole stops the walk with
	 * ENOMEM and the VMAs before it keep their new protection. The
	 * process's own memory (uaccess.c's rule) is not a hole; the model
	 * has no VMA for it and leaves it as it is. */
	newflags = calc_vm_prot_bits(prot);
	for (nstart = start; nstart < end;) {
		unsigned long tmp;
		int err;

		vma = find_vma(mm, nstart);
		if (!vma || vma->vm_start > nstart) {
			tmp = vma && vma->vm_start < end ? vma->vm_start : end;
			if (!nc_range_own(mm, nstart, tmp))
				return -ENOMEM;
			nstart = tmp;
			continue;
		}
		tmp = vma->vm_end < end ? vma->vm_end : end;
		if ((vma->vm_flags & VM_ACCESS_FLAGS) != newflags) {
			err = vma_modify_flags(m, mm, vma, nstart, tmp,
					       (vma->vm_flags & ~VM_ACCESS_FLAGS) | newflags);
			if (err)
				return err;
		}
		nstart = tmp;
	}
	return 0;
}

/* ---- madvise ---- */

/* models mm/gup.c:faultin_page_range() as MADV_POPULATE_* uses it: no VMA
 * → ENOMEM, an access the VMA forbids → EINVAL, no memory → ENOMEM */
static int populate_range(struct nc_machine *m, struct mm_struct *mm,
			  unsigned long start, unsigned long end, bool write)
{
	unsigned long a;

	for (a = start; a < end; a += PAGE_SIZE) {
		struct vm_area_struct *vma = vma_lookup(mm, a);

		if (!vma)
			return -ENOMEM;
		if (nc_gup_check(vma, write))
			return -EINVAL;
		if (handle_mm_fault(m, vma, a, write))
			return -ENOMEM;
	}
	return 0;
}

static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL:
	case MADV_WILLNEED: case MADV_DONTNEED: case MADV_FREE:
	case MADV_REMOVE: case MADV_DONTFORK: case MADV_DOFORK:
	case MADV_MERGEABLE: case MADV_UNMERGEABLE:
	case MADV_HUGEPAGE: case MADV_NOHUGEPAGE:
	case MADV_DONTDUMP: case MADV_DODUMP:
	case MADV_WIPEONFORK: case MADV_KEEPONFORK:
	case MADV_COLD: case MADV_PAGEOUT:
	case MADV_POPULATE_READ: case MADV_POPULATE_WRITE:
	case MADV_DONTNEED_LOCKED: case MADV_COLLAPSE:
	case 100: case 101: /* MADV_HWPOISON, MADV_SOFT_OFFLINE (privileged) */
		return true;
	default:
		return false;
	}
}

/* The vm_flags an advice sets and clears (mm/madvise.c:madvise_behavior()) */
static bool madvise_flags(int behavior, unsigned long *set, unsigned long *clear)
{
	*set = *clear = 0;
	switch (behavior) {
	case MADV_NORMAL: *clear = VM_SEQ_READ | VM_RAND_READ; return true;
	case MADV_SEQUENTIAL: *set = VM_SEQ_READ; *clear = VM_RAND_READ; return true;
	case MADV_RANDOM: *set = VM_RAND_READ; *clear = VM_SEQ_READ; return true;
	case MADV_DONTFORK: *set = VM_DONTCOPY; return true;
	case MADV_DOFORK: *clear = VM_DONTCOPY; return true;
	case MADV_DONTDUMP: *set = VM_DONTDUMP; return true;
	case MADV_DODUMP: *clear = VM_DONTDUMP; return true;
	case MADV_WIPEONFORK: *set = VM_WIPEONFORK; return true;
	case MADV_KEEPONFORK: *clear = VM_WIPEONFORK; return true;
	case MADV_HUGEPAGE: *set = VM_HUGEPAGE; *clear = VM_NOHUGEPAGE; return true;
	case MADV_NOHUGEPAGE: *set = VM_NOHUGEPAGE; *clear = VM_HUGEPAGE; return true;
	default: return false;
	}
}

long kernel_madvise(struct nc_machine *m, unsigned long start, unsigned long len_in,
		    int behavior)
{
	struct task_struct *cur = nc_current(m);
	struct mm_struct *mm = cur ? cur->mm : NULL;
	unsigned long end, len, a, set, clear;
	bool unmapped = false;

	if (!madvise_behavior_valid(behavior))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	len = PAGE_ALIGN(len_in);
	if (len_in && !len)
		return -EINVAL;
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	if (!mm)
		return -ENOMEM;
	if (behavior == MADV_POPULATE_READ || behavior == MADV_POPULATE_WRITE) {
		return populate_range(m, mm, start, end, behavior == MADV_POPULATE_WRITE);
	}
	/* madvise_walk_vmas(): act on the mapped parts, ENOMEM if any hole
	 * (the process's own memory is not one) */
	for (a = start; a < end;) {
		struct vm_area_struct *vma = find_vma(mm, a);
		unsigned long s, e;

		if (!vma || vma->vm_start > a) {
			e = vma && vma->vm_start < end ? vma->vm_start : end;
			if (!nc_range_own(mm, a, e))
				unmapped = true;
			if (!vma || vma->vm_start >= end)
				break;
		}
		s = a > vma->vm_start ? a : vma->vm_start;
		e = end < vma->vm_end ? end : vma->vm_end;
		if (behavior == MADV_DONTNEED || behavior == MADV_DONTNEED_LOCKED ||
		    behavior == MADV_FREE || behavior == MADV_PAGEOUT) {
			if (!vma->vm_file && !vma->shmem_ino)
				zap_page_range(m, mm, s, e);
		} else if (madvise_flags(behavior, &set, &clear) &&
			   ((vma->vm_flags | set) & ~clear) != vma->vm_flags) {
			if (vma_modify_flags(m, mm, vma, s, e, (vma->vm_flags | set) & ~clear))
				return -EAGAIN;
		}
		a = e;
	}
	return unmapped ? -ENOMEM : 0;
}

struct dup_pages {
	struct mm_struct *mm, *oldmm;
	int err;
};

/* The child sees what the parent wrote (its own copy: no page is shared
 * copy-on-write), except where its mapping is not inherited or is wiped. */
static void dup_pte_data(struct nc_pte *old, void *arg)
{
	struct dup_pages *d = arg;
	struct vm_area_struct *vma = vma_lookup(d->oldmm, old->vpn << PAGE_SHIFT);
	struct nc_pte *pte;

	if (!old->data || d->err ||
	    (vma && (vma->vm_flags & (VM_DONTCOPY | VM_WIPEONFORK))))
		return;
	pte = nc_pte_get(&d->mm->pt, old->vpn << PAGE_SHIFT);
	if (pte && !pte->data)
		pte->data = malloc(PAGE_SIZE);
	if (!pte || !pte->data) {
		d->err = -ENOMEM;
		return;
	}
	memcpy(pte->data, old->data, PAGE_SIZE);
}

int dup_mmap(struct nc_machine *m, struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct dup_pages d = { mm, oldmm, 0 };
	unsigned int i;

	mm->mmap_base = oldmm->mmap_base;
	mm->task_size = oldmm->task_size;
	mm->mmap_min_addr = oldmm->mmap_min_addr;
	for (i = 0; i < oldmm->nr_unmapped; i++)
		if (unmapped_update(mm, oldmm->unmapped[i].start, oldmm->unmapped[i].end, true))
			return -ENOMEM;
	for (i = 0; i < oldmm->map_count; i++) {
		const struct vm_area_struct *old = oldmm->vmas[i];
		struct vm_area_struct *vma;

		if (old->vm_flags & VM_DONTCOPY) {
			/* not inherited: the child has a hole there */
			if (unmapped_update(mm, old->vm_start, old->vm_end, true))
				return -ENOMEM;
			continue;
		}
		vma = vm_area_dup(m, old);
		if (!vma)
			return -ENOMEM;
		vma->vm_policy = NULL;
		if (mpol_dup(m, old->vm_policy, &vma->vm_policy) || vma_insert(mm, vma)) {
			vm_area_free(m, vma);
			return -ENOMEM;
		}
	}
	nc_pte_walk(&oldmm->pt, 0, TASK_SIZE_MAX, dup_pte_data, &d);
	return d.err;
}
