/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Decoding argument text as strace prints it: the top-level list split
 * into arguments (each maybe "name=value", maybe "value => changed"),
 * struct bodies split into fields, and the value forms: numbers in every
 * base strace uses, NULL, flag sets, signal names, arrays ([1, 2], [0x3],
 * []), and "[N]" for a value strace read through a pointer.
 */
#ifndef NC_STRACE_ARGS_H
#define NC_STRACE_ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strace/xlat.h"

#define STRACE_MAX_ARGS 16

struct strace_arg {
	const char *name;     /* "flags" of "flags=...", or NULL */
	size_t name_len;
	const char *val;      /* the value text, trimmed */
	size_t len;
	const char *changed;  /* "{parent_tid=[1]}" of "... => {parent_tid=[1]}", or NULL */
	size_t changed_len;
};

struct strace_args {
	size_t n;
	struct strace_arg a[STRACE_MAX_ARGS];
};

/* Splits "a, b=c, {x, y} => {z}" at its top-level commas; -EINVAL if
 * unbalanced or more than STRACE_MAX_ARGS. */
int strace_split(const char *s, size_t len, struct strace_args *out);
/* Splits a "{f=1, g=2}" value into its fields; -EINVAL if not a struct. */
int strace_split_struct(const char *s, size_t len, struct strace_args *out);
/* The argument or field called name, or NULL. */
const struct strace_arg *strace_arg_named(const struct strace_args *a, const char *name);

/* A number: decimal (signed), 0x hex, 0 octal, or NULL (0); a trailing
 * strace comment ("0x10 / * CLONE_??? * /") is ignored. 0 or -EINVAL. */
int strace_parse_num(const char *s, size_t len, uint64_t *v);
/* "[N]": a value strace read through a pointer. */
int strace_parse_deref(const char *s, size_t len, uint64_t *v);
/* A flag set "A|B|0x10"; names from tables, and signal names (clone's
 * exit signal) if signals is set. A bare number is accepted too. */
int strace_parse_flags(const struct xlat *const *tables, bool signals,
		       const char *s, size_t len, uint64_t *v);
/* A signal: "SIGCHLD", "SIGRT_3", or a number. */
int strace_parse_signal(const char *s, size_t len, uint64_t *v);
/* "[a, b]" of numbers into vals[max]; *n is how many; a final "..." (strace
 * cut the array short) ends it; -E2BIG if more than max, -EINVAL if not
 * an array. */
int strace_parse_array(const char *s, size_t len, uint64_t *vals, size_t max, size_t *n);

/* A quoted string with strace's escapes (\n, \x41, \101, \\) into buf[max];
 * *n is its length; a trailing "..." (cut short) is allowed; -E2BIG if
 * longer than max, -EINVAL if not a string. */
int strace_parse_string(const char *s, size_t len, unsigned char *buf, size_t max, size_t *n);

#endif
