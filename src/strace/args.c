// SPDX-License-Identifier: GPL-2.0-only
/*
 * strace's value syntax, parsed back: the inverse of its printers for
 * numbers (PRINT_VAL_U/X, printaddr), flag sets (printflags), signals
 * (printsignal), arrays (print_array) and structs (tprint_struct_*).
 * Strings and other decorations are split over but not decoded.
 */
#include <ctype.h>
#include <errno.h>
#include <string.h>

#include "strace/args.h"

static void trim(const char **s, size_t *len)
{
	while (*len && isspace((unsigned char)**s)) {
		(*s)++;
		(*len)--;
	}
	while (*len && isspace((unsigned char)(*s)[*len - 1]))
		(*len)--;
}

/* Where the next top-level ',' (or the end) is, skipping nested text;
 * sets *arrow to a top-level " => " if one comes first. */
static size_t span_arg(const char *s, size_t len, size_t *arrow, bool *ok)
{
	int depth = 0;
	size_t i;

	*arrow = len;
	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '"':
			for (i++; i < len && s[i] != '"'; i++)
				if (s[i] == '\\')
					i++;
			break;
		case '/':
			if (i + 1 < len && s[i + 1] == '*') {
				for (i += 2; i + 1 < len && !(s[i] == '*' && s[i + 1] == '/'); i++)
					;
				i++;
			}
			break;
		case '(': case '[': case '{':
			depth++;
			break;
		case ')': case ']': case '}':
			if (--depth < 0)
				*ok = false;
			break;
		case '=':
			if (!depth && i + 1 < len && s[i + 1] == '>' && *arrow == len)
				*arrow = i;
			break;
		case ',':
			if (!depth)
				return i;
			break;
		}
	}
	if (depth || i > len)
		*ok = false;
	return len;
}

int strace_split(const char *s, size_t len, struct strace_args *out)
{
	bool ok = true;

	out->n = 0;
	trim(&s, &len);
	while (len) {
		size_t arrow, end = span_arg(s, len, &arrow, &ok);
		struct strace_arg *a;
		size_t n = 0;

		if (!ok || out->n == STRACE_MAX_ARGS)
			return -EINVAL;
		a = &out->a[out->n++];
		*a = (struct strace_arg){ .val = s, .len = arrow < end ? arrow : end };
		if (arrow < end) {
			a->changed = s + arrow + 2;
			a->changed_len = end - arrow - 2;
			trim(&a->changed, &a->changed_len);
		}
		/* "name=value": a C identifier, then '=' (not "==") */
		while (n < a->len && (isalnum((unsigned char)s[n]) || s[n] == '_'))
			n++;
		if (n && !isdigit((unsigned char)s[0]) && n + 1 < a->len && s[n] == '=' && s[n + 1] != '=') {
			a->name = s;
			a->name_len = n;
			a->val += n + 1;
			a->len -= n + 1;
		}
		trim(&a->val, &a->len);
		if (!a->len)
			return -EINVAL;
		if (end == len)
			break;
		s += end + 1;
		len -= end + 1;
		trim(&s, &len);
		if (!len)
			return -EINVAL;   /* a trailing comma */
	}
	return 0;
}

int strace_split_struct(const char *s, size_t len, struct strace_args *out)
{
	trim(&s, &len);
	if (len < 2 || s[0] != '{' || s[len - 1] != '}')
		return -EINVAL;
	return strace_split(s + 1, len - 2, out);
}

const struct strace_arg *strace_arg_named(const struct strace_args *a, const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < a->n; i++)
		if (a->a[i].name && a->a[i].name_len == n && !memcmp(a->a[i].name, name, n))
			return &a->a[i];
	return NULL;
}

/* Drops a trailing " / * ... * /" comment strace adds to unnamed values. */
static void drop_comment(const char *s, size_t *len)
{
	if (*len >= 4 && s[*len - 1] == '/' && s[*len - 2] == '*')
		for (size_t i = *len - 2; i-- > 0;)
			if (s[i] == '/' && s[i + 1] == '*') {
				*len = i;
				break;
			}
}

/* Drops a "<...>" decoration after a number: -y's path of an fd
 * ("3</dev/null>"), -Y's command of a pid ("123<sh>"). */
static void drop_decoration(const char *s, size_t *len)
{
	const char *lt = *len && s[*len - 1] == '>' ? memchr(s, '<', *len) : NULL;

	if (lt && lt > s && isxdigit((unsigned char)lt[-1]))
		*len = (size_t)(lt - s);
}

int strace_parse_num(const char *s, size_t len, uint64_t *v)
{
	unsigned int base = 10;
	bool neg = false;
	uint64_t x = 0;
	size_t i = 0;

	trim(&s, &len);
	drop_comment(s, &len);
	trim(&s, &len);
	drop_decoration(s, &len);
	if (len == 4 && !memcmp(s, "NULL", 4)) {
		*v = 0;
		return 0;
	}
	if (len && s[0] == '-') {
		neg = true;
		i++;
	}
	if (len - i > 2 && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
		base = 16;
		i += 2;
	} else if (len - i > 1 && s[i] == '0') {
		base = 8;
		i++;
	}
	if (i >= len)
		return -EINVAL;
	for (; i < len; i++) {
		int d;

		if (isdigit((unsigned char)s[i]))
			d = s[i] - '0';
		else if (base == 16 && isxdigit((unsigned char)s[i]))
			d = tolower((unsigned char)s[i]) - 'a' + 10;
		else
			return -EINVAL;
		if (d >= (int)base || x > (UINT64_MAX - (uint64_t)d) / base)
			return -EINVAL;
		x = x * base + (uint64_t)d;
	}
	*v = neg ? -x : x;
	return 0;
}

int strace_parse_deref(const char *s, size_t len, uint64_t *v)
{
	trim(&s, &len);
	if (len < 3 || s[0] != '[' || s[len - 1] != ']')
		return -EINVAL;
	return strace_parse_num(s + 1, len - 2, v);
}

int strace_parse_signal(const char *s, size_t len, uint64_t *v)
{
	int sig;

	trim(&s, &len);
	if (signal_parse(s, len, &sig)) {
		*v = (uint64_t)sig;
		return 0;
	}
	return strace_parse_num(s, len, v);
}

/* The next '|' of a flag set, not one inside a comment (-X verbose prints
 * "0x1200000 / * CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID * /|17"). */
static const char *next_bar(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '|')
			return s + i;
		if (s[i] == '/' && i + 1 < len && s[i + 1] == '*')
			for (i += 2; i + 1 < len && !(s[i] == '*' && s[i + 1] == '/'); i++)
				;
	}
	return NULL;
}

int strace_parse_flags(const struct xlat *const *tables, bool signals,
		       const char *s, size_t len, uint64_t *v)
{
	*v = 0;
	trim(&s, &len);
	drop_comment(s, &len);
	trim(&s, &len);
	if (!len)
		return -EINVAL;
	while (len) {
		const char *bar = next_bar(s, len);
		size_t n = bar ? (size_t)(bar - s) : len;
		const char *t = s;
		size_t tn = n;
		uint64_t f;

		trim(&t, &tn);
		if (!xlat_parse(tables, t, tn, &f) &&
		    (signals ? strace_parse_signal(t, tn, &f) : strace_parse_num(t, tn, &f)))
			return -EINVAL;
		*v |= f;
		if (!bar)
			break;
		s += n + 1;
		len -= n + 1;
		if (!len)
			return -EINVAL;
	}
	return 0;
}

int strace_parse_array(const char *s, size_t len, uint64_t *vals, size_t max, size_t *n)
{
	trim(&s, &len);
	*n = 0;
	if (len < 2 || s[0] != '[' || s[len - 1] != ']')
		return -EINVAL;
	s++;
	len -= 2;
	trim(&s, &len);
	while (len) {
		const char *comma = memchr(s, ',', len);
		size_t item = comma ? (size_t)(comma - s) : len;

		const char *t = s;
		size_t tn = item;

		trim(&t, &tn);
		if (!comma && tn == 3 && !memcmp(t, "...", 3))
			break;                /* strace stopped printing a long array */
		if (*n == max)
			return -E2BIG;
		if (strace_parse_num(s, item, &vals[*n]))
			return -EINVAL;
		(*n)++;
		if (!comma)
			break;
		s += item + 1;
		len -= item + 1;
		if (!len)
			return -EINVAL;
	}
	return 0;
}

static int hexval(char c)
{
	return isdigit((unsigned char)c) ? c - '0' : tolower((unsigned char)c) - 'a' + 10;
}

int strace_parse_string(const char *s, size_t len, unsigned char *buf, size_t max, size_t *n)
{
	static const char plain[] = "ntrfv";
	static const unsigned char code[] = "\n\t\r\f\v";
	size_t i = 1;

	trim(&s, &len);
	*n = 0;
	if (len >= 5 && !memcmp(s + len - 3, "...", 3))
		len -= 3;
	if (len < 2 || s[0] != '"' || s[len - 1] != '"')
		return -EINVAL;
	for (len--; i < len; i++) {
		unsigned int c = (unsigned char)s[i];

		if (c == '"')
			return -EINVAL;
		if (c == '\\') {
			const char *p;

			if (++i >= len)
				return -EINVAL;
			c = (unsigned char)s[i];
			if (c == 'x' && i + 2 < len && isxdigit((unsigned char)s[i + 1]) &&
			    isxdigit((unsigned char)s[i + 2])) {
				c = (unsigned int)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
				i += 2;
			} else if (c >= '0' && c <= '7') {
				c -= '0';
				for (int k = 0; k < 2 && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '7'; k++)
					c = c * 8 + (unsigned int)(s[++i] - '0');
				if (c > 255)
					return -EINVAL;
			} else if ((p = strchr(plain, (int)c)) && c) {
				c = code[p - plain];
			} else if (c != '\\' && c != '"') {
				return -EINVAL;
			}
		}
		if (*n == max)
			return -E2BIG;
		buf[(*n)++] = (unsigned char)c;
	}
	return 0;
}
