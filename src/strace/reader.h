/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reading `strace -f` output and hand-written scripts in the same syntax.
 * Lines become events: system calls (an "<unfinished ...>" line and its
 * "<... NAME resumed>" line joined into one call, reported when it
 * completes, as strace's log orders completion), signals, exits, and the
 * "#!" directives of scripts. Lines the reader does not understand are
 * counted with their numbers; with strict set the first one is an error.
 * Arguments stay text here; src/strace/args.c splits and decodes them.
 */
#ifndef NC_STRACE_READER_H
#define NC_STRACE_READER_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include <numaclone/numaclone.h>

enum strace_kind {
	STRACE_CALL,        /* name(args) = result */
	STRACE_SIGNAL,      /* --- SIGCHLD {si_signo=...} ---, or --- stopped by SIGTSTP --- */
	STRACE_EXITED,      /* +++ exited with N +++ */
	STRACE_KILLED,      /* +++ killed by SIGKILL [(core dumped)] +++ */
	STRACE_SUPERSEDED,  /* +++ superseded by execve in pid N +++ */
	STRACE_DIRECTIVE,   /* #! name args (scripts) */
};

enum strace_result {
	RESULT_NONE,        /* no "= ..." (a script line, or a call cut off unfinished) */
	RESULT_VALUE,       /* = N, = 0xN, maybe decorated: = 0x1 (flags FD_CLOEXEC) */
	RESULT_ERROR,       /* = -1 ENAME (text) */
	RESULT_UNKNOWN,     /* = ?, or = ? ERESTARTSYS (text) with err set */
};

struct strace_event {
	enum strace_kind kind;
	unsigned long line;        /* the line that completed the event */
	unsigned long first_line;  /* the "<unfinished ...>" line of a joined call */
	pid_t pid;                 /* 0 if the line had no pid prefix */
	char time[32];             /* -t/-tt/-ttt timestamp as printed, or "" */
	char name[64];             /* call, signal, or directive name */
	const char *args;          /* call: arguments joined; signal: "{...}"; directive: the rest */
	enum strace_result result;
	long long retval;          /* RESULT_VALUE: the value; RESULT_ERROR: -1 */
	int base;                  /* RESULT_VALUE: 10, 16 (0x...) or 8 (0...) as printed */
	int err;                   /* RESULT_ERROR and "= ? ERESTART...": the errno, else 0 */
	const char *decor;         /* text after the value ("(flags O_RDWR)", "</dev/null>"), or "" */
	char duration[32];         /* -T "<0.000012>" without the brackets, or "" */
	int status;                /* EXITED: exit code; KILLED: signal; SUPERSEDED: new pid */
	bool core_dumped;          /* KILLED */
	bool stopped;              /* SIGNAL: "stopped by" */
	bool unfinished;           /* CALL: never resumed (process exit or end of log) */
};

struct strace_reader;

/* Reads from in (not closed); name names the input in messages. */
struct strace_reader *strace_reader_new(FILE *in, const char *name, bool strict);
void strace_reader_free(struct strace_reader *r);

/*
 * The next event, valid until the next call; NULL at the end or on error.
 * On error (strict and a line not understood, or an I/O error) *err says
 * which line; strace_reader_failed() tells the two ends apart.
 */
const struct strace_event *strace_reader_next(struct strace_reader *r, struct nc_error *err);
bool strace_reader_failed(const struct strace_reader *r);

/* The name of pid's call strace has shown begun but not yet ended
 * ("<unfinished ...>"), or NULL. */
const char *strace_reader_in_flight(const struct strace_reader *r, pid_t pid);

/* Lines not understood so far, and the numbers of the first few. */
unsigned long strace_reader_unknown(const struct strace_reader *r,
				    const unsigned long **lines, size_t *nr_lines);

#endif
