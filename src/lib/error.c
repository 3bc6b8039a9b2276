// SPDX-License-Identifier: GPL-2.0-only
/* One-line error messages for rejected input. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

#include "lib/error.h"

int nc_err(struct nc_error *e, const char *fmt, ...)
{
	va_list ap;

	if (e) {
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
		va_end(ap);
	}
	return -EINVAL;
}
