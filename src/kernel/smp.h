/* SPDX-License-Identifier: GPL-2.0-only */
/* Bringing up the CPUs after the boot CPU (kernel/smp.c). */
#ifndef NC_KERNEL_SMP_H
#define NC_KERNEL_SMP_H

#include "arch/machine.h"

/* models kernel/smp.c:smp_init(): the idle tasks forked, then every other
 * CPU online in its idle loop; 0 or -errno */
int smp_init(struct nc_machine *m);

#endif
