// SPDX-License-Identifier: GPL-2.0-only
/*
 * gfp masks by name: models include/trace/events/mmflags.h's
 * show_gfp_flags() (the v6.12 name table, most bits first) printed by
 * kernel/trace/trace_output.c:trace_print_flags_seq().
 * Left out: the KASAN-only bits (CONFIG_KASAN_HW_TAGS is off on x86).
 */
#include <stdio.h>

#include "trace/mmflags.h"

static const struct {
	gfp_t mask;
	const char *name;
} gfpflag_names[] = {
	{ GFP_TRANSHUGE, "GFP_TRANSHUGE" },
	{ GFP_TRANSHUGE_LIGHT, "GFP_TRANSHUGE_LIGHT" },
	{ GFP_HIGHUSER_MOVABLE, "GFP_HIGHUSER_MOVABLE" },
	{ GFP_HIGHUSER, "GFP_HIGHUSER" },
	{ GFP_USER, "GFP_USER" },
	{ GFP_KERNEL_ACCOUNT, "GFP_KERNEL_ACCOUNT" },
	{ GFP_KERNEL, "GFP_KERNEL" },
	{ GFP_NOFS, "GFP_NOFS" },
	{ GFP_ATOMIC, "GFP_ATOMIC" },
	{ GFP_NOIO, "GFP_NOIO" },
	{ GFP_NOWAIT, "GFP_NOWAIT" },
	{ GFP_DMA, "GFP_DMA" },
	{ __GFP_HIGHMEM, "__GFP_HIGHMEM" },
	{ GFP_DMA32, "GFP_DMA32" },
	{ __GFP_HIGH, "__GFP_HIGH" },
	{ __GFP_IO, "__GFP_IO" },
	{ __GFP_FS, "__GFP_FS" },
	{ __GFP_NOWARN, "__GFP_NOWARN" },
	{ __GFP_RETRY_MAYFAIL, "__GFP_RETRY_MAYFAIL" },
	{ __GFP_NOFAIL, "__GFP_NOFAIL" },
	{ __GFP_NORETRY, "__GFP_NORETRY" },
	{ __GFP_COMP, "__GFP_COMP" },
	{ __GFP_ZERO, "__GFP_ZERO" },
	{ __GFP_NOMEMALLOC, "__GFP_NOMEMALLOC" },
	{ __GFP_MEMALLOC, "__GFP_MEMALLOC" },
	{ __GFP_HARDWALL, "__GFP_HARDWALL" },
	{ __GFP_THISNODE, "__GFP_THISNODE" },
	{ __GFP_RECLAIMABLE, "__GFP_RECLAIMABLE" },
	{ __GFP_MOVABLE, "__GFP_MOVABLE" },
	{ __GFP_ACCOUNT, "__GFP_ACCOUNT" },
	{ __GFP_WRITE, "__GFP_WRITE" },
	{ __GFP_RECLAIM, "__GFP_RECLAIM" },
	{ __GFP_DIRECT_RECLAIM, "__GFP_DIRECT_RECLAIM" },
	{ __GFP_KSWAPD_RECLAIM, "__GFP_KSWAPD_RECLAIM" },
};

const char *show_gfp_flags(gfp_t gfp, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = 0;
	if (!gfp) {
		snprintf(buf, size, "none");
		return buf;
	}
	for (size_t i = 0; i < sizeof(gfpflag_names) / sizeof(gfpflag_names[0]) && gfp; i++) {
		gfp_t mask = gfpflag_names[i].mask;

		if ((gfp & mask) != mask)
			continue;
		gfp &= ~mask;
		len += (size_t)snprintf(buf + len, len < size ? size - len : 0, "%s%s",
					len ? "|" : "", gfpflag_names[i].name);
	}
	/* bits without a name, as one hex number */
	if (gfp)
		snprintf(buf + len, len < size ? size - len : 0, "%s0x%x", len ? "|" : "", gfp);
	return buf;
}
