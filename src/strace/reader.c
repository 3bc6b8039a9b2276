// SPDX-License-Identifier: GPL-2.0-only
/*
 * The strace log reader: one line at a time, prefixes (pid, timestamp)
 * peeled off, the body recognised as a call, a signal, an exit, a resumed
 * half or a directive. Unfinished calls wait per pid until resumed; the
 * joined call is reported when it completes. Argument text is scanned only
 * as far as needed to find its end (strings, comments and brackets).
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/error.h"
#include "strace/reader.h"
#include "strace/xlat.h"

#define UNFINISHED " <unfinished ...>"
#define PID_CHANGED " <pid changed to "   /* strace -ff: a thread's exec succeeded */
#define MAX_UNKNOWN_LINES 32
#define HOLD_MAX 4096            /* events held back until the first pid is known */

struct pending {                 /* an "<unfinished ...>" call */
	struct strace_event ev;
	char *args;              /* argument text so far */
};

struct queued {                  /* an event with the strings it owns */
	struct strace_event ev;
	char *args;
	char *decor;
};

struct strace_reader {
	FILE *in;
	const char *name;
	bool strict, failed, eof;
	unsigned long lineno;
	char *buf;
	size_t cap;
	struct pending *pend;
	size_t nr_pend, cap_pend;
	struct queued *queue;    /* events ready, oldest first */
	size_t q_head, q_len, q_cap;
	struct queued cur;       /* the event last returned */
	pid_t first_pid;         /* the traced program's pid once a prefix names it */
	bool exec_elsewhere;     /* superseded by an execve another file showed:
				    its "<... execve resumed>" joins nothing */
	pid_t *live;             /* pids started and not yet exited */
	size_t nr_live, cap_live;
	unsigned long unknown;
	size_t col;              /* where the line being read stopped making sense */
	unsigned long unknown_lines[MAX_UNKNOWN_LINES];
	size_t nr_unknown_lines;
};

struct strace_reader *strace_reader_new(FILE *in, const char *name, bool strict)
{
	struct strace_reader *r = calloc(1, sizeof(*r));

	if (!r)
		return NULL;
	r->in = in;
	r->name = name ? name : "-";
	r->strict = strict;
	return r;
}

static void drop(struct queued *q)
{
	free(q->args);
	free(q->decor);
	q->args = q->decor = NULL;
}

void strace_reader_free(struct strace_reader *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nr_pend; i++)
		free(r->pend[i].args);
	for (size_t i = 0; i < r->q_len; i++)
		drop(&r->queue[(r->q_head + i) % r->q_cap]);
	drop(&r->cur);
	free(r->pend);
	free(r->live);
	free(r->queue);
	free(r->buf);
	free(r);
}

const char *strace_reader_in_flight(const struct strace_reader *r, pid_t pid)
{
	for (size_t i = 0; i < r->nr_pend; i++)
		if (r->pend[i].ev.pid == pid)
			return r->pend[i].ev.name;
	return NULL;
}

bool strace_reader_failed(const struct strace_reader *r)
{
	return r->failed;
}

unsigned long strace_reader_unknown(const struct strace_reader *r,
				    const unsigned long **lines, size_t *nr_lines)
{
	if (lines)
		*lines = r->unknown_lines;
	if (nr_lines)
		*nr_lines = r->nr_unknown_lines;
	return r->unknown;
}

static char *dup_range(const char *s, size_t len)
{
	char *d = malloc(len + 1);

	if (d) {
		memcpy(d, s, len);
		d[len] = '\0';
	}
	return d;
}

static int track_live(struct strace_reader *r, const struct strace_event *ev);

/* Queues ev, taking ownership of args and decor (both may be NULL). */
static int push(struct strace_reader *r, const struct strace_event *ev, char *args, char *decor)
{
	if (r->q_len == r->q_cap) {
		size_t cap = r->q_cap ? 2 * r->q_cap : 8;
		struct queued *q = malloc(cap * sizeof(*q));

		if (!q) {
			free(args);
			free(decor);
			return -ENOMEM;
		}
		for (size_t i = 0; i < r->q_len; i++)
			q[i] = r->queue[(r->q_head + i) % r->q_cap];
		free(r->queue);
		r->queue = q;
		r->q_cap = cap;
		r->q_head = 0;
	}
	struct queued *q = &r->queue[(r->q_head + r->q_len++) % r->q_cap];

	q->ev = *ev;
	q->args = args;
	q->decor = decor;
	q->ev.args = args ? args : "";
	q->ev.decor = decor ? decor : "";
	return track_live(r, &q->ev);
}

static void copy_name(char *dst, size_t size, const char *s, size_t len)
{
	if (len >= size)
		len = size - 1;
	memcpy(dst, s, len);
	dst[len] = '\0';
}

static size_t span_name(const char *p)
{
	size_t n = 0;

	while (isalnum((unsigned char)p[n]) || p[n] == '_' || p[n] == '?')
		n++;
	return n;
}

/*
 * Scans argument text from p (just after '(' or "resumed>") to the ')' that
 * closes the call, skipping strings, comments and nested brackets. Returns
 * the ')' or, if the text stops at " <unfinished ...>" or " <pid changed
 * to N ...>" first, that; NULL if none comes.
 */
static const char *scan_args(const char *p)
{
	int depth = 0;

	for (; *p; p++) {
		if (!strncmp(p, UNFINISHED, sizeof(UNFINISHED) - 1) ||
		    !strncmp(p, PID_CHANGED, sizeof(PID_CHANGED) - 1))
			return p;
		switch (*p) {
		case '"':
			for (p++; *p && *p != '"'; p++)
				if (*p == '\\' && p[1])
					p++;
			if (!*p)
				return NULL;
			break;
		case '/':
			if (p[1] == '*') {
				const char *end = strstr(p + 2, "*/");

				if (!end)
					return NULL;
				p = end + 1;
			}
			break;
		case '(': case '[': case '{':
			depth++;
			break;
		case ']': case '}':
			depth--;
			break;
		case ')':
			if (depth-- == 0)
				return p;
			break;
		}
	}
	return NULL;
}

/* "<0.000123>" at the end of the line (-T), removed from it */
static void take_duration(char *line, size_t *len, struct strace_event *ev)
{
	size_t n = *len, i;

	if (n < 4 || line[n - 1] != '>')
		return;
	for (i = n - 2; i > 0 && (isdigit((unsigned char)line[i]) || line[i] == '.'); i--)
		;
	if (line[i] != '<' || i == 0 || line[i - 1] != ' ' || i == n - 2)
		return;
	copy_name(ev->duration, sizeof(ev->duration), line + i + 1, n - i - 2);
	*len = i - 1;
	line[*len] = '\0';
}

/* "-1 ENAME (text)" after "= " */
static bool parse_error(const char *p, struct strace_event *ev)
{
	size_t n = span_name(p);

	if (!errno_parse(p, n, &ev->err))
		return false;
	p += n;
	return *p == '\0' || (*p == ' ' && p[1] == '(' && p[strlen(p) - 1] == ')');
}

/* The result after ')': "", "= N[ decor]", "= -1 ENAME (text)", "= ?[ ENAME (text)]".
 * decor is set to the decoration's start, or NULL. */
static bool parse_result(const char *p, struct strace_event *ev, const char **decor)
{
	char *end;

	*decor = NULL;
	while (*p == ' ')
		p++;
	if (!*p) {
		ev->result = RESULT_NONE;
		return true;
	}
	if (p[0] != '=' || p[1] != ' ')
		return false;
	p += 2;
	if (*p == '?') {
		ev->result = RESULT_UNKNOWN;
		if (!p[1])
			return true;
		if (!strcmp(p + 1, " <unavailable>")) {
			*decor = p + 2;
			return true;
		}
		return p[1] == ' ' && parse_error(p + 2, ev);
	}
	if (!strncmp(p, "-1 E", 4)) {
		ev->result = RESULT_ERROR;
		ev->retval = -1;
		return parse_error(p + 3, ev);
	}
	ev->result = RESULT_VALUE;
	ev->base = p[0] != '0' || !isdigit((unsigned char)p[1]) ? 10 : 8;
	if (p[0] == '0' && p[1] == 'x')
		ev->base = 16;
	errno = 0;
	if (*p == '-')
		ev->retval = strtoll(p, &end, 10);
	else
		ev->retval = (long long)strtoull(p, &end, 0);
	if (end == p || errno)
		return false;
	if (*end) {
		if (*end == ' ')
			end++;
		else if (*end != '<')         /* -y: "= 3</dev/null>" */
			return false;
		*decor = end;
	}
	return true;
}

static struct pending *find_pending(struct strace_reader *r, pid_t pid)
{
	for (size_t i = 0; i < r->nr_pend; i++)
		if (r->pend[i].ev.pid == pid)
			return &r->pend[i];
	return NULL;
}

/*
 * strace writing to stderr prefixes no line while one process runs: the
 * first lines have no pid until a second process makes prefixes appear.
 * Those lines' events wait in the queue (HOLD_MAX at most) for the first
 * prefix that names their process, and get its pid here.
 */
static void name_first(struct strace_reader *r, pid_t pid)
{
	r->first_pid = pid;
	for (size_t i = 0; i < r->q_len; i++) {
		struct queued *q = &r->queue[(r->q_head + i) % r->q_cap];

		if (!q->ev.pid)
			q->ev.pid = pid;
	}
	for (size_t i = 0; i < r->nr_pend; i++)
		if (!r->pend[i].ev.pid)
			r->pend[i].ev.pid = pid;
}

static void forget_pending(struct strace_reader *r, struct pending *p)
{
	free(p->args);
	memmove(p, p + 1, (size_t)(r->pend + r->nr_pend - (p + 1)) * sizeof(*p));
	r->nr_pend--;
}

/* A call that will never be resumed: reported without a result. */
static int flush_pending(struct strace_reader *r, struct pending *p)
{
	struct strace_event ev = p->ev;
	int ret;

	ev.unfinished = true;
	ev.result = RESULT_NONE;
	ret = push(r, &ev, p->args, NULL);
	p->args = NULL;
	forget_pending(r, p);
	return ret;
}

static int add_pending(struct strace_reader *r, const struct strace_event *ev,
		       const char *args, size_t len)
{
	struct pending *p = find_pending(r, ev->pid);
	int ret = 0;

	if (p)              /* strace never leaves two; keep the log's order anyway */
		ret = flush_pending(r, p);
	if (ret)
		return ret;
	if (r->nr_pend == r->cap_pend) {
		size_t cap = r->cap_pend ? 2 * r->cap_pend : 8;
		struct pending *np = realloc(r->pend, cap * sizeof(*np));

		if (!np)
			return -ENOMEM;
		r->pend = np;
		r->cap_pend = cap;
	}
	p = &r->pend[r->nr_pend];
	p->ev = *ev;
	p->args = dup_range(args, len);
	if (!p->args)
		return -ENOMEM;
	r->nr_pend++;
	return 0;
}

/* Finishes a call whose argument text is args (owned) and whose ')' is at close. */
static int finish_call(struct strace_reader *r, struct strace_event *ev, char *args,
		       const char *close)
{
	const char *decor;
	char *d = NULL;

	if (!args)
		return -ENOMEM;
	if (!parse_result(close + 1, ev, &decor)) {
		r->col = (size_t)(close + 1 - r->buf) + 1;
		free(args);
		return 1;
	}
	if (decor && !(d = strdup(decor))) {
		free(args);
		return -ENOMEM;
	}
	return push(r, ev, args, d);
}

/*
 * "execve(...) <pid changed to N ...>", the last line of a thread's file
 * under strace -ff: its exec succeeded and goes on as the leader N, whose
 * file has the "+++ superseded" line and the resumed half. The call is
 * reported here, complete, as the exec that returned 0.
 */
static int pid_changed(struct strace_reader *r, struct strace_event *ev, const char *start,
		       const char *end)
{
	int leader, pos = 0;

	if (sscanf(end + sizeof(PID_CHANGED) - 1, "%d ...>%n", &leader, &pos) != 1 ||
	    end[sizeof(PID_CHANGED) - 1 + (size_t)pos] || leader <= 0)
		return 1;
	ev->result = RESULT_VALUE;
	ev->retval = 0;
	ev->base = 10;
	char *args = dup_range(start, (size_t)(end - start));

	return args ? push(r, ev, args, NULL) : -ENOMEM;
}

/* "NAME(args...": a call, complete or unfinished. */
static int parse_call(struct strace_reader *r, struct strace_event *ev, const char *p)
{
	size_t n = span_name(p);
	const char *start, *end;

	if (!n || p[n] != '(')
		return 1;
	copy_name(ev->name, sizeof(ev->name), p, n);
	start = p + n + 1;
	end = scan_args(start);
	if (!end)
		return 1;
	if (*end == ')')
		return finish_call(r, ev, dup_range(start, (size_t)(end - start)), end);
	if (!strncmp(end, PID_CHANGED, sizeof(PID_CHANGED) - 1))
		return pid_changed(r, ev, start, end);
	/* " <unfinished ...>": then either the end, or ")" with "= ?" (killed) */
	const char *after = end + sizeof(UNFINISHED) - 1;

	if (!*after)
		return add_pending(r, ev, start, (size_t)(end - start));
	if (*after != ')')
		return 1;
	ev->unfinished = true;
	return finish_call(r, ev, dup_range(start, (size_t)(end - start)), after);
}

/* Joins rest (the text after "resumed>") with the unfinished half pend. */
static int join_pending(struct strace_reader *r, struct strace_event *ev, struct pending *pend,
			const char *rest)
{
	const char *end = scan_args(rest), *rest_end;
	size_t head = strlen(pend->args);
	char *args;
	int ret;

	/* "<... NAME resumed> <unfinished ...>) = ?": killed inside the call */
	if (end && *end != ')' && end[sizeof(UNFINISHED) - 1] == ')') {
		ev->unfinished = true;
		rest_end = end;
		end += sizeof(UNFINISHED) - 1;
	} else if (!end || *end != ')') {
		return 1;
	} else {
		rest_end = end;
	}
	args = malloc(head + (size_t)(rest_end - rest) + 1);
	if (!args)
		return -ENOMEM;
	memcpy(args, pend->args, head);
	memcpy(args + head, rest, (size_t)(rest_end - rest));
	args[head + (size_t)(rest_end - rest)] = '\0';
	ev->pid = pend->ev.pid;
	ev->first_line = pend->ev.line;
	memcpy(ev->name, pend->ev.name, sizeof(ev->name));
	if (!ev->time[0])
		memcpy(ev->time, pend->ev.time, sizeof(ev->time));
	ret = finish_call(r, ev, args, end);
	if (ret == 0)
		forget_pending(r, pend);
	return ret;
}

/* "<... NAME resumed>rest": joined with the pid's unfinished half. */
static int parse_resumed(struct strace_reader *r, struct strace_event *ev, const char *p)
{
	size_t n = span_name(p);
	struct pending *pend;

	if (!n || strncmp(p + n, " resumed>", 9))
		return 1;
	pend = find_pending(r, ev->pid);
	if (!pend && !r->first_pid && (pend = find_pending(r, 0)))
		name_first(r, ev->pid);        /* the first process, named at last */
	if (!pend && r->exec_elsewhere && ((n == 6 && !strncmp(p, "execve", 6)) ||
					   (n == 8 && !strncmp(p, "execveat", 8)))) {
		r->exec_elsewhere = false;     /* reported from the thread's file */
		return 0;
	}
	if (!pend || strlen(pend->ev.name) != n || memcmp(pend->ev.name, p, n))
		return 1;
	return join_pending(r, ev, pend, p + n + 9);
}

/* "--- SIGCHLD {...} ---" or "--- stopped by SIGTSTP ---" */
static int parse_signal(struct strace_reader *r, struct strace_event *ev, const char *p, size_t len)
{
	size_t n;
	char *info = NULL;

	if (len < 8 || strcmp(p + len - 4, " ---"))
		return 1;
	p += 4;
	len -= 8;
	if (!strncmp(p, "stopped by ", 11)) {
		ev->stopped = true;
		p += 11;
		len -= 11;
	}
	n = span_name(p);
	if (!n || !signal_parse(p, n, &ev->status))
		return 1;
	copy_name(ev->name, sizeof(ev->name), p, n);
	ev->kind = STRACE_SIGNAL;
	if (n < len) {
		if (p[n] != ' ')
			return 1;
		info = dup_range(p + n + 1, len - n - 1);
		if (!info)
			return -ENOMEM;
	}
	return push(r, ev, info, NULL);
}

/* "+++ exited with N +++", "+++ killed by SIG [(core dumped)] +++",
 * "+++ superseded by execve in pid N +++" */
static int parse_exit(struct strace_reader *r, struct strace_event *ev, const char *p)
{
	struct pending *pend = find_pending(r, ev->pid);
	int pos = 0, ret;
	char sig[32];

	if (sscanf(p, "+++ exited with %d +++%n", &ev->status, &pos) == 1 && !p[pos]) {
		ev->kind = STRACE_EXITED;
	} else if (sscanf(p, "+++ superseded by execve in pid %d +++%n", &ev->status, &pos) == 1 &&
		   !p[pos]) {
		ev->kind = STRACE_SUPERSEDED;
	} else if (sscanf(p, "+++ killed by %31s %n", sig, &pos) == 1 &&
		   signal_parse(sig, strlen(sig), &ev->status)) {
		ev->core_dumped = !strncmp(p + pos, "(core dumped) ", 14);
		if (strcmp(p + pos + (ev->core_dumped ? 14 : 0), "+++"))
			return 1;
		ev->kind = STRACE_KILLED;
		copy_name(ev->name, sizeof(ev->name), sig, strlen(sig));
	} else {
		return 1;
	}
	/* a call the process never returned from comes first */
	if (pend && ev->kind != STRACE_SUPERSEDED && (ret = flush_pending(r, pend)))
		return ret;
	/* the thread that exec'd becomes the leader: its execve resumes under
	 * the leader's pid ("<... execve resumed>) = 0") */
	if (ev->kind == STRACE_SUPERSEDED && !pend && (pend = find_pending(r, ev->status)))
		pend->ev.pid = ev->pid;
	else if (ev->kind == STRACE_SUPERSEDED && !pend)
		r->exec_elsewhere = true;       /* strace -ff: the thread's file had it */
	return push(r, ev, NULL, NULL);
}

/* "#! name args" */
static int parse_directive(struct strace_reader *r, struct strace_event *ev, const char *p)
{
	size_t n;
	char *args;

	while (*p == ' ')
		p++;
	n = span_name(p);
	if (!n || (p[n] && p[n] != ' '))
		return 1;
	copy_name(ev->name, sizeof(ev->name), p, n);
	for (p += n; *p == ' '; p++)
		;
	args = strdup(p);
	if (!args)
		return -ENOMEM;
	ev->kind = STRACE_DIRECTIVE;
	return push(r, ev, args, NULL);
}

/* -Y's "<comm>" after a pid; the end of the pid if there is none */
static const char *skip_comm(const char *q)
{
	const char *gt = *q == '<' ? strchr(q, '>') : NULL;

	return gt && gt - q <= 17 ? gt + 1 : q;    /* a comm is at most 15 bytes */
}

/* "[pid  123] " or "123 ", either with -Y's "<comm>" after the number */
static const char *take_pid(const char *p, pid_t *pid)
{
	const char *q = p;
	long v = 0;

	if (!strncmp(q, "[pid ", 5)) {
		for (q += 5; *q == ' '; q++)
			;
		if (!isdigit((unsigned char)*q))
			return p;
		for (; isdigit((unsigned char)*q) && v < 1L << 31; q++)
			v = v * 10 + (*q - '0');
		q = skip_comm(q);
		if (q[0] != ']' || q[1] != ' ' || v >= 1L << 31)
			return p;
		*pid = (pid_t)v;
		return q + 2;
	}
	for (; isdigit((unsigned char)*q) && v < 1L << 31; q++)
		v = v * 10 + (*q - '0');
	if (q != p)
		q = skip_comm(q);
	if (q == p || *q != ' ' || v >= 1L << 31)
		return p;
	*pid = (pid_t)v;
	while (*q == ' ')
		q++;
	return q;
}

/* -i's "[00007f2a1c0e5e7b] " (the instruction pointer, "????..." when
 * unknown) and -n's "[  56] " (the syscall number): passed over */
static const char *skip_brackets(const char *p)
{
	while (*p == '[') {
		const char *q = p + 1;

		while (isxdigit((unsigned char)*q) || *q == ' ' || *q == '?' || *q == ':' ||
		       *q == 'x')
			q++;
		if (q == p + 1 || q[0] != ']' || q[1] != ' ')
			break;
		p = q + 2;
	}
	return p;
}

/* "14:26:14 ", "14:26:14.123456 " (-t, -tt) or "1700000000.123456 " (-ttt) */
static const char *take_time(const char *p, char *time, size_t size)
{
	const char *q = p;
	int colons = 0, dots = 0;

	for (; isdigit((unsigned char)*q) || *q == ':' || *q == '.'; q++) {
		colons += *q == ':';
		dots += *q == '.';
	}
	if (q == p || *q != ' ' || dots > 1 || !(colons == 2 || (!colons && dots)))
		return p;
	copy_name(time, size, p, (size_t)(q - p));
	return q + 1;
}

static bool is_creator(const char *name)
{
	return !strcmp(name, "clone") || !strcmp(name, "clone3") || !strcmp(name, "fork") ||
	       !strcmp(name, "vfork");
}

static bool is_live(const struct strace_reader *r, pid_t pid)
{
	for (size_t i = 0; i < r->nr_live; i++)
		if (r->live[i] == pid)
			return true;
	return false;
}

static int add_live(struct strace_reader *r, pid_t pid)
{
	if (is_live(r, pid))
		return 0;
	if (r->nr_live == r->cap_live) {
		size_t cap = r->cap_live ? 2 * r->cap_live : 8;
		pid_t *l = realloc(r->live, cap * sizeof(*l));

		if (!l)
			return -ENOMEM;
		r->live = l;
		r->cap_live = cap;
	}
	r->live[r->nr_live++] = pid;
	return 0;
}

/*
 * strace writing to stderr prefixes lines with "[pid N]" only while it
 * traces more than one process: the program's first lines carry no pid,
 * and neither do the last ones when a single process is left. Such lines
 * are given the pid they must have: the only live process, else the first.
 */
static int infer_pid(struct strace_reader *r, struct strace_event *ev, bool prefixed)
{
	if (!prefixed) {
		if (r->first_pid && r->nr_live == 1)
			ev->pid = r->live[0];
		else
			ev->pid = r->first_pid;
		return 0;
	}
	if (!r->first_pid && !is_live(r, ev->pid)) {
		struct pending *p = find_pending(r, 0);

		/* the first prefix during the first process's unfinished clone
		 * is the child's; its parent's comes with "<... clone resumed>" */
		if (p && is_creator(p->ev.name))
			return add_live(r, ev->pid);
		name_first(r, ev->pid);
	}
	return add_live(r, ev->pid);
}

/* Keeps the live set: a clone-family result starts a pid, an exit ends it. */
static int track_live(struct strace_reader *r, const struct strace_event *ev)
{

	if (ev->kind == STRACE_EXITED || ev->kind == STRACE_KILLED) {
		for (size_t i = 0; i < r->nr_live; i++)
			if (r->live[i] == ev->pid)
				r->live[i] = r->live[--r->nr_live];
		return 0;
	}
	if (ev->kind != STRACE_CALL || ev->result != RESULT_VALUE || ev->retval <= 0 ||
	    ev->retval >= 1LL << 31)
		return 0;
	return is_creator(ev->name) ? add_live(r, (pid_t)ev->retval) : 0;
}

/* One line into zero or more events; 1 if not understood, -errno on failure. */
static int parse_line(struct strace_reader *r, char *line, size_t len)
{
	struct strace_event ev = { .line = r->lineno, .first_line = r->lineno };
	const char *p;

	while (len && (line[len - 1] == '\n' || line[len - 1] == '\r' || line[len - 1] == ' '))
		line[--len] = '\0';
	for (p = line; *p == ' '; p++)
		;
	if (!*p)
		return 0;
	if (*p == '#')
		return p[1] == '!' ? parse_directive(r, &ev, p + 2) : 0;
	/* strace's own notes ("strace: Process N attached", "strace: Exit of
	 * unknown pid N ignored"; before 4.10 "Process N attached"), and a
	 * personality change ("[ Process PID=N runs in 32 bit mode. ]") */
	if (!strncmp(p, "strace: ", 8) || !strncmp(p, "Process ", 8) ||
	    !strncmp(p, "[ Process PID=", 14))
		return 0;
	/* -k: a frame of the call's stack; -e read=/write=: a hex dump line */
	if (p != line && (!strncmp(p, "> ", 2) || !strncmp(p, "| ", 2)))
		return 0;
	const char *body = take_pid(p, &ev.pid);
	int ret = infer_pid(r, &ev, body != p);

	if (ret)
		return ret;
	p = skip_brackets(take_time(body, ev.time, sizeof(ev.time)));
	len -= (size_t)(p - line);
	r->col = (size_t)(p - line) + 1;
	if (!strncmp(p, "--- ", 4))
		return parse_signal(r, &ev, p, len);
	if (!strncmp(p, "+++ ", 4))
		return parse_exit(r, &ev, p);
	take_duration((char *)p, &len, &ev);
	if (!strncmp(p, "<... ", 5))
		return parse_resumed(r, &ev, p + 5);
	ret = parse_call(r, &ev, p);
	/* strace -z (--successful-only) prints a resumed call's second half
	 * with neither pid, time nor "<... NAME resumed>", spaces kept (clone3's
	 * " => {parent_tid=[N]}, 88) = N"): the latest unfinished call's */
	if (ret == 1 && p == line + strspn(line, " ") && r->nr_pend)
		ret = join_pending(r, &ev, &r->pend[r->nr_pend - 1], line);
	return ret;
}

/*
 * strace's own "strace: Process N attached" note, written to the same
 * stderr, can land in the middle of a traced line. Cuts it out and joins
 * the line with the next one. Returns the new length, or -1.
 */
static ssize_t splice_note(struct strace_reader *r, ssize_t len)
{
	char *note = strstr(r->buf, "strace: Process ");
	char *rest = NULL;
	size_t cap = 0;
	ssize_t n;
	int pos = 0;
	pid_t pid;

	if (!note || note == r->buf ||
	    sscanf(note, "strace: Process %d attached%n", &pid, &pos) != 1 ||
	    (note[pos] != '\n' && note[pos]))
		return len;
	*note = '\0';
	len = note - r->buf;
	/* more notes can follow, one a line, before the rest of the line */
	while ((n = getline(&rest, &cap, r->in)) > 0 &&
	       sscanf(rest, "strace: Process %d attached%n", &pid, &pos) == 1 &&
	       (rest[pos] == '\n' || !rest[pos]))
		r->lineno++;
	if (n > 0) {
		char *joined = realloc(r->buf, (size_t)len + (size_t)n + 1);

		if (!joined) {
			free(rest);
			return -1;
		}
		memcpy(joined + len, rest, (size_t)n + 1);
		r->buf = joined;
		r->cap = (size_t)len + (size_t)n + 1;
		len += n;
		r->lineno++;
	}
	free(rest);
	return len;
}

static void note_unknown(struct strace_reader *r)
{
	if (r->nr_unknown_lines < MAX_UNKNOWN_LINES)
		r->unknown_lines[r->nr_unknown_lines++] = r->lineno;
	r->unknown++;
}

const struct strace_event *strace_reader_next(struct strace_reader *r, struct nc_error *err)
{
	drop(&r->cur);
	while ((!r->q_len || (!r->first_pid && r->q_len < HOLD_MAX)) && !r->failed && !r->eof) {
		ssize_t len = getline(&r->buf, &r->cap, r->in);
		int ret;

		if (len < 0) {
			r->eof = true;
			if (ferror(r->in)) {
				r->failed = true;
				nc_err(err, "%s: read error after line %lu", r->name, r->lineno);
				return NULL;
			}
			while (r->nr_pend)
				if (flush_pending(r, &r->pend[0])) {
					r->failed = true;
					nc_err(err, "%s: out of host memory", r->name);
					return NULL;
				}
			break;
		}
		r->lineno++;
		len = splice_note(r, len);
		if (len < 0) {
			r->failed = true;
			nc_err(err, "%s:%lu: out of host memory", r->name, r->lineno);
			return NULL;
		}
		ret = parse_line(r, r->buf, (size_t)len);
		if (ret == 1) {
			note_unknown(r);
			if (r->strict) {
				r->failed = true;
				nc_err(err, "%s:%lu:%zu: not a line strace prints", r->name, r->lineno,
				       r->col);
				break;        /* what came before still goes out */
			}
		} else if (ret < 0) {
			r->failed = true;
			nc_err(err, "%s:%lu: out of host memory", r->name, r->lineno);
			return NULL;
		}
	}
	if (!r->q_len)
		return NULL;
	r->cur = r->queue[r->q_head];
	r->q_head = (r->q_head + 1) % r->q_cap;
	r->q_len--;
	return &r->cur.ev;
}
