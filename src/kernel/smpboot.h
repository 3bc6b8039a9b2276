/* SPDX-License-Identifier: GPL-2.0-only */
/* The idle tasks of the CPUs that boot after the first (kernel/smpboot.c). */
#ifndef NC_KERNEL_SMPBOOT_H
#define NC_KERNEL_SMPBOOT_H

#include "arch/machine.h"

/* models kernel/smpboot.c:idle_threads_init(): fork_idle() for every CPU
 * but the running one; 0 or the first failure's -errno */
int idle_threads_init(struct nc_machine *m);

#endif
