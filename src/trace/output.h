/* SPDX-License-Identifier: GPL-2.0-only */
/* The trace buffer as ftrace text (/sys/kernel/tracing/trace). */
#ifndef NC_TRACE_OUTPUT_H
#define NC_TRACE_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

#include "trace/trace.h"

/* "event_name: " and the event's TP_printk() text, as snprintf() returns */
int trace_print_event(const struct trace_entry *e, char *buf, size_t size);
/* /sys/kernel/tracing/trace: header and one line per entry; 0 or -EIO */
int trace_write_ftrace(const struct nc_machine *m, const struct nc_trace *t, FILE *f);

#endif
