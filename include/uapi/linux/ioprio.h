/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * I/O priorities of Linux v6.12's UAPI (include/uapi/linux/ioprio.h), the
 * model's own copy: a class in bits 13-15, a level in bits 0-2, hints
 * (bits 3-12) kept as given. ioprio_value() and the hint names are left out.
 */
#ifndef NC_UAPI_LINUX_IOPRIO_H
#define NC_UAPI_LINUX_IOPRIO_H

#define IOPRIO_CLASS_SHIFT	13
#define IOPRIO_NR_CLASSES	8
#define IOPRIO_CLASS_MASK	(IOPRIO_NR_CLASSES - 1)
#define IOPRIO_PRIO_MASK	((1UL << IOPRIO_CLASS_SHIFT) - 1)
#define IOPRIO_PRIO_CLASS(ioprio)	(((ioprio) >> IOPRIO_CLASS_SHIFT) & IOPRIO_CLASS_MASK)
#define IOPRIO_PRIO_DATA(ioprio)	((ioprio) & IOPRIO_PRIO_MASK)
#define IOPRIO_PRIO_VALUE(class, data)	\
	((((class) & IOPRIO_CLASS_MASK) << IOPRIO_CLASS_SHIFT) | ((data) & IOPRIO_PRIO_MASK))

enum {
	IOPRIO_CLASS_NONE	= 0,
	IOPRIO_CLASS_RT		= 1,
	IOPRIO_CLASS_BE		= 2,
	IOPRIO_CLASS_IDLE	= 3,
	IOPRIO_CLASS_INVALID	= 7,	/* never valid, whatever the caller may do */
};

/* the RT and BE classes have 8 levels, 0 the highest */
#define IOPRIO_LEVEL_NR_BITS	3
#define IOPRIO_NR_LEVELS	(1 << IOPRIO_LEVEL_NR_BITS)
#define IOPRIO_LEVEL_MASK	(IOPRIO_NR_LEVELS - 1)
#define IOPRIO_PRIO_LEVEL(ioprio)	((ioprio) & IOPRIO_LEVEL_MASK)

/* ioprio_set()/ioprio_get()'s which */
enum {
	IOPRIO_WHO_PROCESS = 1,
	IOPRIO_WHO_PGRP,
	IOPRIO_WHO_USER,
};

#endif
