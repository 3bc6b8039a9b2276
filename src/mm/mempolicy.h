/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Memory policy (include/linux/mempolicy.h). The allocation entry points
 * that honour the current task's policy live in mm/mempolicy.c, as in the
 * kernel; alloc_pages_node() in page_alloc.h bypasses policy.
 */
#ifndef NC_MM_MEMPOLICY_H
#define NC_MM_MEMPOLICY_H

#include "arch/task.h"
#include "lib/list.h"
#include "mm/page_alloc.h"
#include "uapi/linux/mempolicy.h"

struct vm_area_struct;
struct mm_struct;

/* models include/linux/mempolicy.h:struct mempolicy */
struct mempolicy {
	int refcnt;
	unsigned short mode;
	unsigned short flags;          /* MPOL_MODE_FLAGS and internal MPOL_F_* */
	int home_node;                 /* NUMA_NO_NODE unless set_mempolicy_home_node() */
	nodemask_t nodes;              /* effective (contextualised) nodes */
	union {
		nodemask_t cpuset_mems_allowed; /* no mode flags: mems at creation */
		nodemask_t user_nodemask;       /* any mode flag: the mask as given */
	} w;
	struct list_head nc_node;      /* in mempolicy_state.policies */
};

/* The machine-wide state of mm/mempolicy.c and mm/mmap.c (their statics).
 * Every policy object and mm_struct is listed, so that tearing the machine
 * down frees what the tasks still hold, as the kernel's caches own their
 * objects. */
struct mempolicy_state {
	struct list_head policies;
	struct list_head mms;
	struct mempolicy default_policy;          /* MPOL_LOCAL, pinned */
	struct mempolicy *preferred_node_policy;  /* [nr_node_ids], pinned */
	unsigned char *iw_table;  /* weighted-interleave weights [nr_node_ids];
				   * NULL until the first sysfs write */
	unsigned long next_ino;   /* get_next_ino() for shmem files */
};

/* internal policy flags (include/uapi/linux/mempolicy.h), never shown */
#define MPOL_F_SHARED (1 << 0)
#define MPOL_F_MOF    (1 << 3)
#define MPOL_F_MORON  (1 << 4)

#define NO_INTERLEAVE_INDEX (~0UL)
#define MAX_MAP_COUNT 65530  /* sysctl vm.max_map_count default */

/* models mm/mempolicy.c:numa_policy_init(); 0 or -ENOMEM */
int numa_policy_init(struct nc_machine *m);
void numa_policy_exit(struct nc_machine *m);

/* models mm/mempolicy.c:alloc_pages_noprof(): the current task's policy
 * chooses the node (interleave, bind, preferred, ...); used by SLUB for
 * slab pages requested with NUMA_NO_NODE */
struct page *alloc_pages(struct nc_machine *m, gfp_t gfp, unsigned int order);
/* models mm/mempolicy.c:alloc_pages_mpol_noprof() */
struct page *alloc_pages_mpol(struct nc_machine *m, gfp_t gfp, unsigned int order,
			      struct mempolicy *pol, unsigned long ilx, int nid);
/* models mm/mempolicy.c:vma_alloc_folio_noprof(): a user page for addr */
struct page *vma_alloc_folio(struct nc_machine *m, gfp_t gfp, unsigned int order,
			     struct vm_area_struct *vma, unsigned long addr);
/* models mm/mempolicy.c:mempolicy_slab_node() */
int mempolicy_slab_node(struct nc_machine *m);

/* models mm/mempolicy.c:get_task_policy(); never NULL (borrowed, no ref) */
struct mempolicy *get_task_policy(struct nc_machine *m, struct task_struct *p);
/* models mm/mempolicy.c:get_vma_policy(): VMA policy, else the task's;
 * *ilx is the interleave index of addr (borrowed, no ref) */
struct mempolicy *get_vma_policy(struct nc_machine *m, struct vm_area_struct *vma,
				 unsigned long addr, unsigned int order,
				 unsigned long *ilx);

/* models include/linux/mempolicy.h:mpol_get()/mpol_put() */
void mpol_get(struct mempolicy *pol);
void mpol_put(struct mempolicy *pol);
/* models mm/mempolicy.c:__mpol_dup(): *new = copy of old (NULL stays NULL);
 * 0 or -ENOMEM. Used by fork (copy_process) and dup_mmap. */
int mpol_dup(struct nc_machine *m, struct mempolicy *old, struct mempolicy **newp);
/* models mm/mempolicy.c:__mpol_equal() behind mpol_equal() */
bool mpol_equal(const struct mempolicy *a, const struct mempolicy *b);
/* models mm/mempolicy.c:mpol_rebind_task(): cpuset mems changed */
void mpol_rebind_task(struct task_struct *tsk, const nodemask_t *new);
/* models mm/mempolicy.c:mpol_rebind_mm(): VMA policies of mm */
void mpol_rebind_mm(struct mm_struct *mm, const nodemask_t *new);
/* models kernel/cgroup/cpuset.c:cpuset_change_task_nodemask() with the
 * mm rebind of update_tasks_nodemask(): the task's allowed nodes become
 * mems ∩ N_MEMORY, its policy and its mm's VMA policies are rebound */
void nc_cpuset_set_mems(struct nc_machine *m, struct task_struct *tsk,
			const nodemask_t *mems);

/* models mm/mempolicy.c:mpol_to_str() */
void mpol_to_str(const struct nc_machine *m, char *buffer, int maxlen,
		 const struct mempolicy *pol);

/* weighted-interleave weight of node (1 when unset); models get_il_weight() */
unsigned char get_il_weight(const struct nc_machine *m, int node);
/* models /sys/kernel/mm/mempolicy/weighted_interleave/nodeN node_store():
 * returns count or -EINVAL/-ENOMEM */
long weighted_interleave_node_store(struct nc_machine *m, int nid,
				    const char *buf, unsigned long count);
/* node_show(): writes "W\n" into buf (at least 5 bytes); returns its length */
int weighted_interleave_node_show(const struct nc_machine *m, int nid, char *buf);

/* System calls: pointers are user addresses of the current task. */
/* models mm/mempolicy.c:kernel_set_mempolicy() */
long kernel_set_mempolicy(struct nc_machine *m, int mode, unsigned long nmask,
			  unsigned long maxnode);
/* models mm/mempolicy.c:kernel_get_mempolicy() */
long kernel_get_mempolicy(struct nc_machine *m, unsigned long policy,
			  unsigned long nmask, unsigned long maxnode,
			  unsigned long addr, unsigned long flags);
/* models mm/mempolicy.c:kernel_mbind() */
long kernel_mbind(struct nc_machine *m, unsigned long start, unsigned long len,
		  unsigned long mode, unsigned long nmask, unsigned long maxnode,
		  unsigned int flags);
/* models mm/mempolicy.c:sys_set_mempolicy_home_node() */
long kernel_set_mempolicy_home_node(struct nc_machine *m, unsigned long start,
				    unsigned long len, unsigned long home_node,
				    unsigned long flags);

#endif
