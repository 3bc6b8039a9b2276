/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * NUMA memory policy modes and flags of Linux v6.12's UAPI
 * (include/uapi/linux/mempolicy.h), the model's own copy: the host's
 * headers may lack MPOL_WEIGHTED_INTERLEAVE. Do not combine with
 * libnuma's <numaif.h>, which defines the modes as macros. The kernel's
 * internal MPOL_F_SHARED/MOF/MORON and RECLAIM_* live beside the model.
 */
#ifndef NC_UAPI_LINUX_MEMPOLICY_H
#define NC_UAPI_LINUX_MEMPOLICY_H

/* Policy modes: set_mempolicy()/mbind()'s mode argument, low bits */
enum {
	MPOL_DEFAULT,
	MPOL_PREFERRED,
	MPOL_BIND,
	MPOL_INTERLEAVE,
	MPOL_LOCAL,
	MPOL_PREFERRED_MANY,
	MPOL_WEIGHTED_INTERLEAVE,
	MPOL_MAX,	/* one past the last mode */
};

/* Mode flags, ORed into the mode argument from the top of a 16-bit field */
#define MPOL_F_STATIC_NODES	(1 << 15)
#define MPOL_F_RELATIVE_NODES	(1 << 14)
#define MPOL_F_NUMA_BALANCING	(1 << 13)
#define MPOL_MODE_FLAGS \
	(MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES | MPOL_F_NUMA_BALANCING)

/* get_mempolicy()'s flags */
#define MPOL_F_NODE		(1 << 0)	/* return a node, not a mask */
#define MPOL_F_ADDR		(1 << 1)	/* the policy of the VMA at addr */
#define MPOL_F_MEMS_ALLOWED	(1 << 2)	/* the nodes the task may use */

/* mbind()'s flags */
#define MPOL_MF_STRICT		(1 << 0)	/* existing pages must conform */
#define MPOL_MF_MOVE		(1 << 1)	/* move this process's pages */
#define MPOL_MF_MOVE_ALL	(1 << 2)	/* move every page (CAP_SYS_NICE) */
#define MPOL_MF_LAZY		(1 << 3)	/* reserved, rejected */
#define MPOL_MF_INTERNAL	(1 << 4)	/* the kernel's own flags from here */
#define MPOL_MF_VALID		(MPOL_MF_STRICT | MPOL_MF_MOVE | MPOL_MF_MOVE_ALL)

#endif
