/* SPDX-License-Identifier: GPL-2.0-only */
/* Error reporting for input the library rejects (never for modelled syscalls,
 * which answer with -errno as the kernel does). */
#ifndef NC_LIB_ERROR_H
#define NC_LIB_ERROR_H

#include <numaclone/numaclone.h>

/* Formats the message into *e (if e is non-NULL) and returns -EINVAL. */
int nc_err(struct nc_error *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
