/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * User memory of the current task (include/linux/uaccess.h). A modelled
 * syscall reads and writes its pointer arguments only through these, so an
 * address the task cannot access gives EFAULT exactly where the kernel's
 * would. The rule for which addresses are accessible is in uaccess.c.
 */
#ifndef NC_MM_UACCESS_H
#define NC_MM_UACCESS_H

#include "arch/machine.h"

/* models copy_from_user(): returns the number of bytes NOT copied */
unsigned long copy_from_user(struct nc_machine *m, void *to,
			     unsigned long from, unsigned long n);
/* models copy_to_user(): returns the number of bytes NOT copied */
unsigned long copy_to_user(struct nc_machine *m, unsigned long to,
			   const void *from, unsigned long n);
/* models clear_user(): returns the number of bytes NOT cleared */
unsigned long clear_user(struct nc_machine *m, unsigned long to, unsigned long n);

/* models lib/strncpy_from_user.c:strncpy_from_user(): copies the string
 * at src with its NUL into dst, at most count bytes; its length, count if
 * it is longer (dst then holds no NUL), or -EFAULT */
long strncpy_from_user(struct nc_machine *m, char *dst, unsigned long src, long count);
/* models lib/strnlen_user.c:strnlen_user(): the string's size with its NUL,
 * more than n if it is longer, 0 on a fault */
long strnlen_user(struct nc_machine *m, unsigned long src, long n);

#endif
