// SPDX-License-Identifier: GPL-2.0-only
/*
 * strace -ff's files merged into one stream of events. Each file is one
 * task's: its lines carry no pid, so its events get the pid its name ends
 * in. Events go out by completion time (timestamp plus -T duration) when
 * every file has clock or epoch timestamps; otherwise file by file, lowest
 * pid first (the replay lets a waiting task sleep until its child's file
 * has run), a thread's exec before its leader's lines that follow it.
 * -r's relative times do not order across files.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "strace/merge.h"

struct source {
	struct strace_reader *r;
	const char *name;
	pid_t pid;                      /* from the name; 0 for a single file */
	const struct strace_event *ev;  /* the next event, or NULL when done */
	struct strace_event own;        /* ev with the file's pid */
	long double when;               /* ev's completion time, or -1 */
	bool started;
};

struct strace_merge {
	struct source *src;
	size_t n;
	struct source *last;            /* handed out its event: moves on next time */
	bool failed;
};

/* The pid a -ff file name ends in (".PID"), or 0. */
static pid_t name_pid(const char *name)
{
	const char *dot = strrchr(name, '.');
	char *end;
	long v;

	if (!dot || !isdigit((unsigned char)dot[1]))
		return 0;
	v = strtol(dot + 1, &end, 10);
	return *end || v <= 0 || v >= 1L << 31 ? 0 : (pid_t)v;
}

/* "14:26:14.123456" (seconds of the day) or "1700000000.123456"; -1 if
 * neither (no time, -r's relative one) */
static long double seconds(const char *t)
{
	unsigned int h, m;
	long double s;
	int pos = 0;

	if (sscanf(t, "%u:%u:%Lf%n", &h, &m, &s, &pos) == 3 && !t[pos])
		return h * 3600.0L + m * 60.0L + s;
	if (sscanf(t, "%Lf%n", &s, &pos) == 1 && !t[pos] && s >= 1e8L)
		return s;
	return -1;
}

struct strace_merge *strace_merge_new(FILE *const *in, const char *const *names, size_t n,
				      bool strict, struct nc_error *err)
{
	struct strace_merge *mg = calloc(1, sizeof(*mg));

	if (!mg || !n || !(mg->src = calloc(n, sizeof(*mg->src)))) {
		free(mg);
		nc_err(err, "out of host memory");
		return NULL;
	}
	mg->n = n;
	for (size_t i = 0; i < n; i++) {
		struct source *s = &mg->src[i];

		s->name = names[i];
		s->pid = n > 1 ? name_pid(names[i]) : 0;
		if (n > 1 && !s->pid) {
			nc_err(err, "%s: not a file of strace -ff (NAME.PID)", names[i]);
			strace_merge_free(mg);
			return NULL;
		}
		s->r = strace_reader_new(in[i], names[i], strict);
		if (!s->r) {
			nc_err(err, "out of host memory");
			strace_merge_free(mg);
			return NULL;
		}
	}
	return mg;
}

void strace_merge_free(struct strace_merge *mg)
{
	if (!mg)
		return;
	for (size_t i = 0; mg->src && i < mg->n; i++)
		strace_reader_free(mg->src[i].r);
	free(mg->src);
	free(mg);
}

/* Reads s's next event; false on a read error. */
static bool advance(struct strace_merge *mg, struct source *s, struct nc_error *err)
{
	s->started = true;
	s->ev = strace_reader_next(s->r, err);
	if (!s->ev) {
		mg->failed |= strace_reader_failed(s->r);
		return !mg->failed;
	}
	s->own = *s->ev;
	if (s->pid && !s->own.pid)
		s->own.pid = s->pid;
	s->when = seconds(s->own.time);
	if (s->when >= 0 && s->own.duration[0])
		s->when += strtold(s->own.duration, NULL);
	s->ev = &s->own;
	return true;
}

/* The source to take from: the earliest completion if every waiting
 * event has a time, else the first unfinished file by pid. */
static struct source *pick(struct strace_merge *mg)
{
	struct source *best = NULL, *first = NULL;
	bool timed = true;

	for (size_t i = 0; i < mg->n; i++) {
		struct source *s = &mg->src[i];

		if (!s->ev)
			continue;
		timed &= s->when >= 0 || s->own.kind == STRACE_DIRECTIVE;
		if (!first || s->pid < first->pid)
			first = s;
		if (s->when >= 0 && (!best || s->when < best->when))
			best = s;
	}
	best = timed && best ? best : first;
	/* a leader's "+++ superseded by execve in pid T +++" comes after T's
	 * file has run out: its last line is that execve */
	for (size_t i = 0; best && best->own.kind == STRACE_SUPERSEDED && i < mg->n; i++)
		if (mg->src[i].ev && mg->src[i].pid == best->own.status)
			return &mg->src[i];
	return best;
}

const struct strace_event *strace_merge_next(struct strace_merge *mg, const char **name,
					     struct nc_error *err)
{
	struct source *s = mg->last;

	mg->last = NULL;
	if (s && !advance(mg, s, err))
		return NULL;
	for (size_t i = 0; i < mg->n; i++)
		if (!mg->src[i].started && !advance(mg, &mg->src[i], err))
			return NULL;
	s = pick(mg);
	if (!s)
		return NULL;
	mg->last = s;
	*name = s->name;
	return s->ev;
}

bool strace_merge_failed(const struct strace_merge *mg)
{
	return mg->failed;
}

const char *strace_merge_in_flight(const struct strace_merge *mg, pid_t pid)
{
	const char *name = NULL;

	for (size_t i = 0; i < mg->n && !name; i++)
		if (!mg->src[i].pid || mg->src[i].pid == pid)
			name = strace_reader_in_flight(mg->src[i].r, mg->src[i].pid ? 0 : pid);
	return name;
}

size_t strace_merge_files(const struct strace_merge *mg)
{
	return mg->n;
}

const char *strace_merge_name(const struct strace_merge *mg, size_t i)
{
	return mg->src[i].name;
}

unsigned long strace_merge_unknown(const struct strace_merge *mg, size_t i,
				   const unsigned long **lines, size_t *nr_lines)
{
	return strace_reader_unknown(mg->src[i].r, lines, nr_lines);
}
