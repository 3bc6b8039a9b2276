// SPDX-License-Identifier: GPL-2.0-only
/*
 * libnuma's __numa_parse_nodestring() and __numa_parse_cpustring(), which
 * differ only in the set of allowed numbers, what "!" inverts over (the
 * configured nodes or CPUs) and that "all" needs a letter first for nodes.
 * Messages name the input and the byte offset where parsing stopped.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/bitmap.h"
#include "lib/error.h"
#include "tools/nodestring.h"

struct numstring {
	const char *what;              /* "node" or "cpu" */
	const unsigned long *allowed;
	unsigned int nbits;            /* size of allowed and of the result */
	unsigned int conf;             /* "!" inverts bits [0, conf) */
};

/* models libnuma.c:get_nr(): a number, or with relative the position of
 * the nr-th allowed bit (nbits if there is none) */
static unsigned long get_nr(const struct numstring *ns, const char *s, char **end,
			    bool relative)
{
	unsigned long nr = strtoul(s, end, 0);
	unsigned int i;

	if (!relative || *end == s)
		return nr;
	for (i = find_next_bit(ns->allowed, ns->nbits, 0); i < ns->nbits && nr;
	     i = find_next_bit(ns->allowed, ns->nbits, i + 1))
		nr--;
	return i;
}

static bool allowed(const struct numstring *ns, unsigned long n)
{
	return n < ns->nbits && test_bit((unsigned int)n, ns->allowed);
}

/* One number at *s (a range's end if range_end), which must be allowed;
 * moves *s past it. 0 or -EINVAL with *err in libnuma's words. */
static int number(const struct numstring *ns, const char *input, const char **s,
		  bool relative, bool range_end, unsigned long *n, struct nc_error *err)
{
	char *end;

	*n = get_nr(ns, *s, &end, relative);
	if (end == *s)
		return nc_err(err, range_end ? "'%s' at offset %td: missing %s argument"
					     : "'%s' at offset %td: unparseable %s description",
			      input, *s - input, ns->what);
	if (!allowed(ns, *n))
		return nc_err(err, "'%s' at offset %td: %s argument %.*s is out of range",
			      input, *s - input, ns->what, (int)(end - *s), *s);
	*s = end;
	return 0;
}

/* models libnuma.c:__numa_parse_nodestring()/__numa_parse_cpustring() */
static int parse(const struct numstring *ns, const char *input, unsigned long *mask,
		 struct nc_error *err)
{
	const char *s = input;
	bool invert = false, relative = false;

	bitmap_zero(mask, ns->nbits);
	if (!*s)
		return 0;
	if (*s == '!') {
		invert = true;
		s++;
	}
	if (*s == '+') {
		relative = true;
		s++;
	}
	do {
		unsigned long arg, arg2;

		if (!strcmp(s, "all")) {
			bitmap_or(mask, mask, ns->allowed, ns->nbits);
			s += 4;
			break;
		}
		if (number(ns, input, &s, relative, false, &arg, err))
			return -EINVAL;
		__set_bit((unsigned int)arg, mask);
		if (*s == '-') {
			s++;
			if (number(ns, input, &s, relative, true, &arg2, err))
				return -EINVAL;
			for (; arg <= arg2; arg++)
				if (allowed(ns, arg))
					__set_bit((unsigned int)arg, mask);
		}
	} while (*s++ == ',');
	if (s[-1] != '\0')
		return nc_err(err, "'%s' at offset %td: unexpected '%c'", input,
			      s - 1 - input, s[-1]);
	if (invert)
		for (unsigned int i = 0; i < ns->conf; i++) {
			if (test_bit(i, mask))
				__clear_bit(i, mask);
			else
				__set_bit(i, mask);
		}
	return 0;
}

int nc_parse_nodestring(const struct nc_topology *t, const char *s, nodemask_t *mask,
			struct nc_error *err)
{
	/* numa_num_configured_nodes(): the node directories sysfs has */
	const struct numstring ns = {
		"node", t->memory.bits, t->nr_node_ids,
		bitmap_weight(t->online.bits, t->nr_node_ids),
	};

	*mask = (nodemask_t){ { 0 } };
	return parse(&ns, s, mask->bits, err);
}

int nc_parse_cpustring(const struct nc_topology *t, const char *s, cpumask_t *mask,
		       struct nc_error *err)
{
	cpumask_t present = { { 0 } };
	struct numstring ns = { "cpu", present.bits, t->nr_cpu_ids, 0 };

	for (unsigned int c = 0; c < t->nr_cpu_ids; c++)
		if (t->cpu_node[c] >= 0) {
			__set_bit(c, present.bits);
			ns.conf++;
		}
	*mask = (cpumask_t){ { 0 } };
	return parse(&ns, s, mask->bits, err);
}
