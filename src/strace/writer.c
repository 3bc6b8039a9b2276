// SPDX-License-Identifier: GPL-2.0-only
/*
 * The strace line printer: strace's printleader() (pid and time prefix),
 * tabto() to column 40 before the result, and its result forms (decimal,
 * hex for addresses, "-1 ENAME (text)", "?"). Always the -o FILE pid form
 * "PID  " rather than stderr's "[pid N] ".
 */
#include <string.h>

#include "strace/writer.h"
#include "strace/xlat.h"

#define RESULT_COLUMN 40

static void write_error(FILE *f, int err)
{
	const char *name = errno_name(err);

	if (name)
		fprintf(f, " %s (%s)", name, errno_text(err));
	else
		fprintf(f, " E??? (Unknown error %d)", err);
}

static void write_result(FILE *f, const struct strace_event *ev, int col)
{
	fputs(") ", f);
	col += 2;
	if (col < RESULT_COLUMN)
		fprintf(f, "%*s", RESULT_COLUMN - col, "");
	fputs("= ", f);
	switch (ev->result) {
	case RESULT_VALUE:
		if (ev->base == 16)
			fprintf(f, "%#llx", (unsigned long long)ev->retval);
		else if (ev->base == 8 && ev->retval)
			fprintf(f, "%#llo", (unsigned long long)ev->retval);
		else
			fprintf(f, "%lld", ev->retval);
		break;
	case RESULT_ERROR:
		fputs("-1", f);
		write_error(f, ev->err);
		break;
	default:
		fputs("?", f);
		if (ev->err)
			write_error(f, ev->err);
		break;
	}
	if (ev->decor && ev->decor[0])
		fprintf(f, "%s%s", ev->decor[0] == '<' && ev->result == RESULT_VALUE ? "" : " ",
			ev->decor);
}

/* models strace's printleader(); returns the column reached */
static int write_leader(FILE *f, const struct strace_event *ev)
{
	int col = 0;

	if (ev->pid)
		col += fprintf(f, "%-5d ", ev->pid);
	if (ev->time[0])
		col += fprintf(f, "%s ", ev->time);
	return col;
}

void strace_write_event(FILE *f, const struct strace_event *ev)
{
	int col = write_leader(f, ev);

	switch (ev->kind) {
	case STRACE_CALL:
		col += fprintf(f, "%s(%s", ev->name, ev->args);
		if (ev->unfinished)
			col += fprintf(f, " <unfinished ...>");
		if (ev->result != RESULT_NONE)
			write_result(f, ev, col);
		else if (!ev->unfinished)
			fputc(')', f);
		if (ev->duration[0])
			fprintf(f, " <%s>", ev->duration);
		break;
	case STRACE_SIGNAL:
		fprintf(f, "--- %s%s%s%s ---", ev->stopped ? "stopped by " : "", ev->name,
			ev->args[0] ? " " : "", ev->args);
		break;
	case STRACE_EXITED:
		fprintf(f, "+++ exited with %d +++", ev->status);
		break;
	case STRACE_KILLED:
		fprintf(f, "+++ killed by %s %s+++", ev->name, ev->core_dumped ? "(core dumped) " : "");
		break;
	case STRACE_SUPERSEDED:
		fprintf(f, "+++ superseded by execve in pid %d +++", ev->status);
		break;
	case STRACE_DIRECTIVE:
		fprintf(f, "#! %s%s%s", ev->name, ev->args[0] ? " " : "", ev->args);
		break;
	}
	fputc('\n', f);
}
