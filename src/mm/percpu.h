/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The per-CPU allocator (mm/percpu.c in v6.12) as far as SLUB uses it:
 * chunks of nr_cpu_ids equal units, CPU c's copy of an object
 * PCPU_UNIT_SIZE times c bytes after CPU 0's, so this CPU's copy is a shift
 * and an add away, as x86's this_cpu_ptr() is an add. Not modelled: the
 * reserved and static parts of the first chunk, chunk depopulation.
 */
#ifndef NC_MM_PERCPU_H
#define NC_MM_PERCPU_H

#include <stddef.h>

#include "arch/machine.h"

#define PCPU_UNIT_SHIFT 11                 /* 2 KiB of each CPU's area per chunk */
#define PCPU_UNIT_SIZE  (1UL << PCPU_UNIT_SHIFT)
#define PCPU_MIN_ALLOC_SIZE 8              /* the model's granule (the kernel's is 4) */

/* models include/linux/percpu-defs.h:per_cpu_ptr(): cpu's copy of the
 * per-CPU object whose CPU 0 copy is ptr */
#define per_cpu_ptr(ptr, cpu) \
	((__typeof__(ptr))((char *)(ptr) + ((unsigned long)(cpu) << PCPU_UNIT_SHIFT)))
/* models include/linux/percpu-defs.h:raw_cpu_ptr()/this_cpu_ptr() */
#define this_cpu_ptr(m, ptr) per_cpu_ptr(ptr, (m)->cpu)

/* models mm/percpu.c:setup_per_cpu_areas() (the first chunk) */
int setup_per_cpu_areas(struct nc_machine *m);
/* Unmaps the areas at machine teardown. */
void percpu_exit(struct nc_machine *m);
/* models mm/percpu.c:pcpu_alloc(): size bytes aligned to align (a power of
 * two), zeroed on every possible CPU; CPU 0's copy, or NULL */
void *__alloc_percpu(struct nc_machine *m, size_t size, size_t align);
/* models mm/percpu.c:free_percpu(); NULL is ignored */
void free_percpu(struct nc_machine *m, void *ptr);

#endif
