/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test helpers comparing the model's /proc and /sys text with the host's
 * real files: reading a host file, and the rule that every line the model
 * prints has a line with the same key (its name and the spacing up to the
 * value) in the host's file, in the same order. The model may print fewer
 * lines (those it does not keep are absent), never other ones.
 */
#ifndef NC_TESTS_PROC_ORACLE_H
#define NC_TESTS_PROC_ORACLE_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <numaclone/numaclone.h>
#include "fs/proc/nc_procfs.h"
#include "unit/mm_machine.h"

/* The host file's text (proc files have no size: read to the end), or
 * NULL if it cannot be read. The caller frees it. */
static inline char *proc_host_read(const char *path)
{
	FILE *f = fopen(path, "r");
	size_t len = 0, cap = 0;
	char *text = NULL;
	int c;

	if (!f)
		return NULL;
	while ((c = fgetc(f)) != EOF) {
		if (len + 1 >= cap) {
			char *more = realloc(text, cap = cap ? 2 * cap : 4096);

			if (!more)
				break;
			text = more;
		}
		text[len++] = (char)c;
	}
	fclose(f);
	if (text)
		text[len] = '\0';
	return text ? text : strdup("");
}

/* A machine that mirrors the host, and the host's file at path in *host;
 * the test is skipped if either is missing. */
static inline struct nc_machine *proc_host_pair(const char *path, char **host)
{
	struct nc_machine *m = mm_host_like();

	*host = proc_host_read(path);
	if (!m || !*host) {
		free(*host);
		if (m)
			nc_machine_destroy(m);
		skip();
	}
	return m;
}

/* The model's file at path (which must exist); the caller frees it. Not
 * inlined: gcc 12 then takes the result for the address of the local. */
static __attribute__((noinline, unused)) char *proc_model_read(struct nc_machine *m, const char *path)
{
	struct nc_error err = { "" };
	char *text = NULL;
	int ret = nc_procfs_read(m, path, &text, &err);

	if (ret)
		fail_msg("%s: %d %s", path, ret, err.msg);
	return text;
}

/* The model's file at path reads exactly want. */
static inline void proc_assert_model(struct nc_machine *m, const char *path, const char *want)
{
	char *text = proc_model_read(m, path);

	if (strcmp(text, want))
		fail_msg("%s:\n%s\nwant:\n%s", path, text, want);
	free(text);
}

/* A line's key: through ":\t" (status), through ": " before a
 * parenthesis (zoneinfo's protection), through the ':' of a right-aligned
 * "N kB" value (meminfo), through the last space before a numeric value;
 * else the whole line. */
static inline size_t proc_line_key(const char *line, size_t len)
{
	const char *tab = memchr(line, '\t', len);
	bool kb = len > 3 && !memcmp(line + len - 3, " kB", 3);
	size_t k = kb ? len - 3 : len;

	if (tab && tab > line && tab[-1] == ':')
		return (size_t)(tab - line) + 1;
	for (size_t i = 0; i + 2 < len; i++)
		if (line[i] == ':' && line[i + 1] == ' ' && memchr(line + i, '(', len - i))
			return i + 2;
	while (k && line[k - 1] >= '0' && line[k - 1] <= '9')
		k--;
	while (kb && k && line[k - 1] == ' ')
		k--;
	if (kb && k && line[k - 1] == ':')
		return k;
	return k < len && k && line[k - 1] == ' ' ? k : len;
}

/* Every line of model has its key in host, in order. */
static inline void proc_assert_keys_in_order(const char *model, const char *host,
					     const char *what)
{
	const char *h = host;

	for (const char *l = model; *l; l += strcspn(l, "\n") + (l[strcspn(l, "\n")] == '\n')) {
		size_t len = strcspn(l, "\n"), k = proc_line_key(l, len);

		while (*h && (strncmp(h, l, k) || proc_line_key(h, strcspn(h, "\n")) != k))
			h += strcspn(h, "\n") + (h[strcspn(h, "\n")] == '\n');
		if (!*h)
			fail_msg("%s: the host has no '%.*s' (after the lines before it)", what,
				 (int)k, l);
		h += strcspn(h, "\n") + (h[strcspn(h, "\n")] == '\n');
	}
}

/* The lines from the one that is header to the next "Node " line, copied;
 * NULL if there is no such line. */
static inline char *proc_block(const char *text, const char *header)
{
	size_t hl = strlen(header);
	const char *start = text, *end;

	while (*start && (strncmp(start, header, hl) || (start[hl] != '\n' && start[hl])))
		start += strcspn(start, "\n") + (start[strcspn(start, "\n")] == '\n');
	if (!*start)
		return NULL;
	end = strstr(start + 1, "\nNode ");
	return strndup(start, end ? (size_t)(end - start) + 1 : strlen(start));
}

#endif
