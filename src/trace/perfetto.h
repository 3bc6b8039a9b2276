/* SPDX-License-Identifier: GPL-2.0-only */
/* The trace buffer as Chrome trace-event JSON, which ui.perfetto.dev loads. */
#ifndef NC_TRACE_PERFETTO_H
#define NC_TRACE_PERFETTO_H

#include <stdio.h>

#include "trace/trace.h"

/* One JSON document; 0, -EIO or -ENOMEM */
int trace_write_perfetto(const struct nc_machine *m, const struct nc_trace *t, FILE *f);

#endif
