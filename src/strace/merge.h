/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Several strace logs read as one: the files of `strace -ff -o PREFIX`
 * (PREFIX.PID, one task each, lines without a pid) become one stream of
 * events, each with its file's pid, in the order the calls completed when
 * the lines carry clock or epoch timestamps (-t, -tt, -ttt; with -T the
 * duration is added), else one file after another by pid. One file is
 * read as it is.
 */
#ifndef NC_STRACE_MERGE_H
#define NC_STRACE_MERGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "lib/error.h"
#include "strace/reader.h"

struct strace_merge;

/* Reads in[0..n) (not closed), named names[i] in messages. With n > 1,
 * each name must end in ".PID"; NULL and *err says which otherwise. */
struct strace_merge *strace_merge_new(FILE *const *in, const char *const *names, size_t n,
				      bool strict, struct nc_error *err);
void strace_merge_free(struct strace_merge *mg);

/* The next event, valid until the next call; *name is its file's name.
 * NULL at the end or on error (strace_merge_failed() tells them apart). */
const struct strace_event *strace_merge_next(struct strace_merge *mg, const char **name,
					     struct nc_error *err);
bool strace_merge_failed(const struct strace_merge *mg);
size_t strace_merge_files(const struct strace_merge *mg);

/* The call of pid in flight in its file (strace_reader_in_flight()). */
const char *strace_merge_in_flight(const struct strace_merge *mg, pid_t pid);

/* File i's name and its lines not understood (as strace_reader_unknown()). */
const char *strace_merge_name(const struct strace_merge *mg, size_t i);
unsigned long strace_merge_unknown(const struct strace_merge *mg, size_t i,
				   const unsigned long **lines, size_t *nr_lines);

#endif
