/* SPDX-License-Identifier: GPL-2.0-only */
/* gfp masks by name, as the kmem tracepoints print them (mmflags.h). */
#ifndef NC_TRACE_MMFLAGS_H
#define NC_TRACE_MMFLAGS_H

#include <stddef.h>

#include "mm/page_alloc.h"

/* Longest possible text: every name once, with separators. */
#define GFP_FLAGS_TEXT 512

/* models show_gfp_flags(): "none" for 0, else names joined by '|', the
 * kernel's composite names first, unnamed bits last in hex. Returns buf. */
const char *show_gfp_flags(gfp_t gfp, char *buf, size_t size);

#endif
