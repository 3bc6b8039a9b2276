/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Printing events in strace's own format, so the model's answers read like
 * `strace -f -o FILE` output and diff against it: "PID  " prefixes, the
 * result aligned at column 40, "-1 ENAME (text)" errors, -T durations.
 */
#ifndef NC_STRACE_WRITER_H
#define NC_STRACE_WRITER_H

#include <stdio.h>

#include "strace/reader.h"

/* One event as one line (a call never resumed as its "<unfinished ...>"
 * line). Reading the output back gives the same events. */
void strace_write_event(FILE *f, const struct strace_event *ev);

#endif
