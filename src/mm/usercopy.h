/* SPDX-License-Identifier: GPL-2.0-only */
/* Extensible-struct copy-in (include/linux/uaccess.h, lib/usercopy.c). */
#ifndef NC_MM_USERCOPY_H
#define NC_MM_USERCOPY_H

#include <stddef.h>

#include "arch/machine.h"

/* models lib/usercopy.c:check_zeroed_user(): 1 if the user range is all
 * zero, 0 if not, -EFAULT if it cannot be read */
int check_zeroed_user(struct nc_machine *m, unsigned long from, size_t size);
/* models include/linux/uaccess.h:copy_struct_from_user() */
int copy_struct_from_user(struct nc_machine *m, void *dst, size_t ksize,
			  unsigned long src, size_t usize);

#endif
