/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A task's address space (include/linux/mm_types.h, mm/mmap.c, mm/mprotect.c,
 * mm/madvise.c): mm_struct with its VMAs kept sorted, mmap/munmap/mprotect/
 * madvise, and the record of ranges the task unmapped (see uaccess.c for
 * how an address is judged). Files are not modelled: a file mapping is a
 * VMA without pages.
 */
#ifndef NC_MM_MMAP_H
#define NC_MM_MMAP_H

#include "arch/machine.h"
#include "arch/task.h"
#include "lib/list.h"
#include "lib/types.h"
#include "mm/memory.h"
#include "uapi/linux/mman.h"

/* x86_64 with 4-level paging (arch/x86/include/asm/page_64_types.h) */
#define TASK_SIZE_MAX ((1UL << 47) - PAGE_SIZE)
#define TASK_SIZE TASK_SIZE_MAX
#define DEFAULT_MMAP_MIN_ADDR 65536UL  /* vm.mmap_min_addr */
/*
 * mmap_base as arch/x86/mm/mmap.c:mmap_base() computes it with address
 * space randomisation off (setarch -R): the 8 MiB stack rlimit plus the
 * 1 MiB stack guard gap is below the 128 MiB minimum gap, so the base is
 * TASK_SIZE - 128 MiB = 0x7ffff7fff000. Deterministic by design.
 */
#define NC_MMAP_BASE (TASK_SIZE - (128UL << 20))

#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x) (((x) + PAGE_SIZE - 1) & PAGE_MASK)
#define PMD_SIZE (1UL << 21)

/* vm_flags (include/linux/mm.h values) */
#define VM_NONE      0x00000000UL
#define VM_READ      0x00000001UL
#define VM_WRITE     0x00000002UL
#define VM_EXEC      0x00000004UL
#define VM_SHARED    0x00000008UL
#define VM_MAYREAD   0x00000010UL
#define VM_MAYWRITE  0x00000020UL
#define VM_MAYEXEC   0x00000040UL
#define VM_MAYSHARE  0x00000080UL
#define VM_GROWSDOWN 0x00000100UL
#define VM_LOCKED    0x00002000UL
#define VM_SEQ_READ  0x00008000UL
#define VM_RAND_READ 0x00010000UL
#define VM_DONTCOPY  0x00020000UL
#define VM_NORESERVE 0x00200000UL
#define VM_WIPEONFORK 0x02000000UL
#define VM_DONTDUMP  0x04000000UL
#define VM_HUGEPAGE  0x20000000UL
#define VM_NOHUGEPAGE 0x40000000UL
#define VM_MERGEABLE 0x80000000UL
#define VM_ACCESS_FLAGS (VM_READ | VM_WRITE | VM_EXEC)

struct mempolicy;

/* models include/linux/mm_types.h:struct vm_area_struct */
struct vm_area_struct {
	unsigned long vm_start, vm_end;
	unsigned long vm_pgoff;        /* anonymous private: vm_start >> PAGE_SHIFT */
	unsigned long vm_flags;
	struct mempolicy *vm_policy;   /* NULL: the task's policy applies */
	struct mm_struct *vm_mm;
	unsigned long shmem_ino;       /* shared anonymous: the shmem inode; else 0 */
	bool vm_file;                  /* a file mapping (no pages modelled) */
	struct rcu_head vm_rcu;        /* vm_area_free_rcu_cb() */
};

struct nc_range {
	unsigned long start, end;
};

/* models include/linux/mm_types.h:struct mm_struct */
struct mm_struct {
	struct vm_area_struct **vmas;  /* sorted by vm_start, non-overlapping */
	unsigned int map_count, vmas_cap;
	unsigned long mmap_base, task_size, mmap_min_addr;
	struct nc_range *unmapped;     /* ranges munmap()ed, sorted, disjoint */
	unsigned int nr_unmapped, unmapped_cap;
	struct nc_pagetable pt;
	int mm_users;
	struct list_head nc_node;      /* in mempolicy_state.mms */
};

/* models kernel/fork.c:mm_alloc(): an empty address space; NULL on ENOMEM */
struct mm_struct *mm_alloc(struct nc_machine *m);
/* models kernel/fork.c:mmput(): the last user frees it (exit_mmap()) */
void mmput(struct nc_machine *m, struct mm_struct *mm);
/* models exit_mmap() + __mmdrop(): frees every page, VMA and the mm */
void nc_mm_free(struct nc_machine *m, struct mm_struct *mm);
/* tsk drops its address space for a fresh, empty one: a task set up as
 * if it had exec'd (a replay's or workload's first task, tests), without
 * the rest of exec (fs/exec.c); 0 or -ENOMEM */
int nc_new_mm(struct nc_machine *m, struct task_struct *tsk);
/* models kernel/exit.c:exit_mm(): tsk drops its address space */
void exit_mm(struct nc_machine *m, struct task_struct *tsk);
/* models kernel/fork.c:dup_mmap(): the child gets a copy of every VMA but
 * VM_DONTCOPY ones (a hole in the child), each with mpol_dup() of its
 * policy, the parent's record of unmapped ranges, and a copy of the bytes
 * the parent wrote (not in VM_WIPEONFORK memory). Pages are not shared
 * copy-on-write: the child faults its own on first touch (reads see the
 * copied bytes), which is where the inherited policy shows. */
int dup_mmap(struct nc_machine *m, struct mm_struct *mm, struct mm_struct *oldmm);

/* models mm/mmap.c:find_vma(): first VMA with vm_end > addr, or NULL */
struct vm_area_struct *find_vma(const struct mm_struct *mm, unsigned long addr);
/* models include/linux/mm.h:vma_lookup(): the VMA containing addr */
struct vm_area_struct *vma_lookup(const struct mm_struct *mm, unsigned long addr);
/* models mm/mmap.c:find_vma_intersection() */
struct vm_area_struct *find_vma_intersection(const struct mm_struct *mm,
					     unsigned long start, unsigned long end);
/* Index of the first VMA with vm_end > addr (map_count if none). */
unsigned int nc_vma_index(const struct mm_struct *mm, unsigned long addr);
/* models mm/vma.c:split_vma(): vma becomes [vm_start, addr) and a new VMA
 * [addr, vm_end) follows it; 0 or -ENOMEM */
int split_vma(struct nc_machine *m, struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr);
/* The split half of mm/vma.c:vma_modify(): *vmap, which contains
 * [start, end), is split so that it is exactly that range; 0 or -ENOMEM */
int vma_split_range(struct nc_machine *m, struct mm_struct *mm,
		    struct vm_area_struct **vmap, unsigned long start, unsigned long end);
/* models mm/vma.c:vma_modify_flags(): [start, end) of vma (split off as
 * needed) gets new_flags, then merges; 0 or -ENOMEM */
int vma_modify_flags(struct nc_machine *m, struct mm_struct *mm,
		     struct vm_area_struct *vma, unsigned long start, unsigned long end,
		     unsigned long new_flags);
/* Merges the VMAs around [start, end) with compatible neighbours (same
 * flags, equal policy, contiguous offsets), as vma_modify()/vma_merge do. */
void nc_vma_merge_around(struct nc_machine *m, struct mm_struct *mm, unsigned long start, unsigned long end);
/* Whether the task unmapped addr (and never mapped it again). */
bool nc_addr_unmapped(const struct mm_struct *mm, unsigned long addr);
/* Whether [start, end), which no VMA covers, is the real process's own
 * memory by uaccess.c's rule: within [mmap_min_addr, TASK_SIZE_MAX) and
 * not unmapped by the task. */
bool nc_range_own(const struct mm_struct *mm, unsigned long start, unsigned long end);

/* models arch/x86/kernel/sys_x86_64.c:sys_mmap() */
long kernel_mmap(struct nc_machine *m, unsigned long addr, unsigned long len,
		 unsigned long prot, unsigned long flags, unsigned long fd,
		 unsigned long off);
/* models mm/mmap.c:__vm_munmap() behind sys_munmap() */
long kernel_munmap(struct nc_machine *m, unsigned long addr, unsigned long len);
/* models mm/mprotect.c:do_mprotect_pkey() behind sys_mprotect() */
long kernel_mprotect(struct nc_machine *m, unsigned long start, unsigned long len,
		     unsigned long prot);
/* models mm/madvise.c:do_madvise() behind sys_madvise() */
long kernel_madvise(struct nc_machine *m, unsigned long start, unsigned long len,
		    int behavior);

#endif
