// SPDX-License-Identifier: GPL-2.0-only
/*
 * QEMU's NUMA options, read as QEMU (hw/core/numa.c, machine.c,
 * machine-smp.c) reads them and as the guest kernel then sees the machine:
 *   -numa node[,nodeid=N][,cpus=A[-B]]...[,mem=SIZE|,memdev=ID]
 *   -numa dist,src=A,dst=B,val=D     -numa cpu,node-id=N[,socket-id=S]...
 * with -smp (the CPU hierarchy, cores preferred since QEMU 6.2), -m and
 * -object memory-backend-*,id=ID,size=SIZE. Other options and words are
 * skipped, so a whole command line may be pasted ("\" line ends and
 * "#" comments allowed). Divergences: without -smp the CPU count is the
 * highest cpus= index + 1 (QEMU would default to 1 CPU); without -m the
 * RAM is what the nodes add up to; a remote distance of 10, which QEMU
 * passes on and the kernel then ignores the whole SLIT for, is an error.
 */
#include <stdlib.h>
#include <string.h>

#include "arch/topology_qemu.h"

struct token {
	const char *s;
	size_t len;
};

struct smp {
	unsigned long long cpus, maxcpus, sockets, dies, clusters, cores, threads;
};

struct qemu {
	struct nc_topo_draft *d;
	struct token *tok;                  /* every word of the input */
	unsigned int nr_tok;
	struct smp smp;
	bool have_mem, have_memdev;
	unsigned int nr_nodes;              /* -numa node options so far */
	const char *node_at[MAX_NUMNODES];  /* where each node was declared */
	const char *dist_at;                /* the first -numa dist */
	int cpu_node[NR_CPUS];              /* every possible CPU's node, or -1 */
};

/* ---- words and key=value lists ---- */

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Splits the input into words: "\" before a line end and "#" comments
 * count as blanks. Returns the count; tok may be NULL to only count. */
static unsigned int tokenize(const char *s, struct token *tok)
{
	unsigned int n = 0;

	for (;;) {
		const char *start;

		while (is_space(*s) || (*s == '\\' && (s[1] == '\n' || s[1] == '\r')))
			s++;
		if (*s == '#') {
			s += strcspn(s, "\n");
			continue;
		}
		if (!*s)
			return n;
		start = s;
		while (*s && !is_space(*s))
			s++;
		if (tok)
			tok[n] = (struct token){ start, (size_t)(s - start) };
		n++;
	}
}

static bool tok_is(const struct token *t, const char *w)
{
	return t->len == strlen(w) && !strncmp(t->s, w, t->len);
}

/* "-numa" and "--numa" are the same option */
static bool is_option(const struct token *t, const char *name)
{
	struct token o = *t;

	if (o.len > 2 && o.s[0] == '-' && o.s[1] == '-') {
		o.s++;
		o.len--;
	}
	return tok_is(&o, name);
}

struct param {
	const char *key, *val;  /* val points into the input, key == NULL for a bare value */
	size_t klen, vlen;
};

/* Next "key=value" (or bare value) of a comma list ending at end. */
static bool next_param(const char **p, const char *end, struct param *pr)
{
	const char *s = *p, *e, *eq;

	if (s >= end)
		return false;
	e = memchr(s, ',', (size_t)(end - s));
	if (!e)
		e = end;
	eq = memchr(s, '=', (size_t)(e - s));
	if (eq) {
		*pr = (struct param){ s, eq + 1, (size_t)(eq - s), (size_t)(e - eq - 1) };
	} else {
		*pr = (struct param){ NULL, s, 0, (size_t)(e - s) };
	}
	*p = e < end ? e + 1 : e;
	return true;
}

static bool key_is(const struct param *pr, const char *k)
{
	return pr->key && pr->klen == strlen(k) && !strncmp(pr->key, k, pr->klen);
}

static int bad_key(struct qemu *q, const struct param *pr, const char *what)
{
	return nc_topo_err(q->d, pr->key ? pr->key : pr->val,
			   "unknown parameter '%.*s' for %s", (int)(pr->key ? pr->klen : pr->vlen),
			   pr->key ? pr->key : pr->val, what);
}

/* A whole value: a number at most max, nothing after it. */
static int value(struct qemu *q, const struct param *pr, unsigned long long max,
		 const char *what, unsigned long long *v)
{
	const char *p = pr->val;

	if (nc_topo_number(q->d, &p, max, what, v))
		return -1;
	if (p != pr->val + pr->vlen)
		return nc_topo_err(q->d, p, "unexpected '%c' in %s", *p, what);
	return 0;
}

static int size_value(struct qemu *q, const struct param *pr, unsigned int unit_shift,
		      unsigned long long *v)
{
	const char *p = pr->val;

	if (nc_topo_size(q->d, &p, unit_shift, v))
		return -1;
	if (p != pr->val + pr->vlen)
		return nc_topo_err(q->d, p, "unexpected '%c' in a size", *p);
	return 0;
}

/* ---- -smp, -m, -object ---- */

/* models hw/core/machine-smp.c:machine_parse_smp_config(), QEMU >= 6.2 */
static int parse_smp(struct qemu *q, const struct token *arg)
{
	const char *p = arg->s, *end = arg->s + arg->len;
	struct smp s = { 0 };
	unsigned long long total = 1, *factors[] = { &s.sockets, &s.dies, &s.clusters,
						    &s.cores, &s.threads };
	struct param pr;

	while (next_param(&p, end, &pr)) {
		unsigned long long *f = !pr.key || key_is(&pr, "cpus") ? &s.cpus :
			key_is(&pr, "maxcpus") ? &s.maxcpus : key_is(&pr, "sockets") ? &s.sockets :
			key_is(&pr, "dies") ? &s.dies : key_is(&pr, "clusters") ? &s.clusters :
			key_is(&pr, "cores") ? &s.cores : key_is(&pr, "threads") ? &s.threads : NULL;

		if (!f)
			return bad_key(q, &pr, "-smp");
		if (value(q, &pr, NR_CPUS, "a CPU count", f))
			return -1;
	}
	s.dies = s.dies ? s.dies : 1;
	s.clusters = s.clusters ? s.clusters : 1;
	if (!s.cpus && !s.maxcpus) {
		s.sockets = s.sockets ? s.sockets : 1;
		s.cores = s.cores ? s.cores : 1;
		s.threads = s.threads ? s.threads : 1;
	} else {
		s.maxcpus = s.maxcpus ? s.maxcpus : s.cpus;
		if (!s.cores) {
			s.sockets = s.sockets ? s.sockets : 1;
			s.threads = s.threads ? s.threads : 1;
			s.cores = s.maxcpus / (s.sockets * s.dies * s.clusters * s.threads);
		} else if (!s.sockets) {
			s.threads = s.threads ? s.threads : 1;
			s.sockets = s.maxcpus / (s.dies * s.clusters * s.cores * s.threads);
		}
		if (!s.threads)
			s.threads = s.maxcpus / (s.sockets * s.dies * s.clusters * s.cores);
	}
	for (unsigned int i = 0; i < 5; i++) {
		total *= *factors[i];
		if (total > NR_CPUS)
			return nc_topo_err(q->d, arg->s, "more than %d CPUs", NR_CPUS);
	}
	s.maxcpus = s.maxcpus ? s.maxcpus : total;
	s.cpus = s.cpus ? s.cpus : s.maxcpus;
	if (total != s.maxcpus)
		return nc_topo_err(q->d, arg->s, "sockets*dies*clusters*cores*threads is %llu, "
				   "not maxcpus %llu", total, s.maxcpus);
	if (s.cpus > s.maxcpus)
		return nc_topo_err(q->d, arg->s, "cpus %llu is above maxcpus %llu",
				   s.cpus, s.maxcpus);
	q->smp = s;
	return 0;
}

/* "-m SIZE" or "-m size=SIZE,..." (a bare number counts MiB); 0 if absent */
static int ram_size(struct qemu *q, unsigned long long *ram, const char **at)
{
	*ram = 0;
	for (unsigned int i = 0; i + 1 < q->nr_tok; i++) {
		const char *p = q->tok[i + 1].s, *end = p + q->tok[i + 1].len;
		struct param pr;

		if (!is_option(&q->tok[i], "-m"))
			continue;
		*at = p;
		while (next_param(&p, end, &pr))
			if ((!pr.key || key_is(&pr, "size")) && size_value(q, &pr, 20, ram))
				return -1;
	}
	return 0;
}

/* The size of "-object memory-backend-*,id=ID,size=SIZE". */
static int backend_size(struct qemu *q, const struct param *memdev, unsigned long long *size)
{
	for (unsigned int i = 0; i + 1 < q->nr_tok; i++) {
		const char *p = q->tok[i + 1].s, *end = p + q->tok[i + 1].len;
		struct param pr, size_pr = { 0 };
		bool backend = false, match = false;

		if (!is_option(&q->tok[i], "-object"))
			continue;
		while (next_param(&p, end, &pr)) {
			if ((!pr.key || key_is(&pr, "qom-type")) && pr.vlen > 15 &&
			    !strncmp(pr.val, "memory-backend-", 15))
				backend = true;
			else if (key_is(&pr, "id"))
				match = pr.vlen == memdev->vlen &&
					!strncmp(pr.val, memdev->val, pr.vlen);
			else if (key_is(&pr, "size"))
				size_pr = pr;
		}
		if (!backend || !match)
			continue;
		if (!size_pr.key)
			return nc_topo_err(q->d, q->tok[i + 1].s, "memory backend without size=");
		return size_value(q, &size_pr, 0, size);
	}
	return nc_topo_err(q->d, memdev->val, "no -object memory-backend-*,id=%.*s",
			   (int)memdev->vlen, memdev->val);
}

/* ---- -numa ---- */

/* models hw/core/numa.c:parse_numa_node() */
static int numa_node(struct qemu *q, const char *p, const char *end, const char *at)
{
	unsigned long long nid = q->nr_nodes, mem = 0, a, b;
	struct param pr;
	const char *save = p;

	while (next_param(&p, end, &pr))
		if (key_is(&pr, "nodeid") && value(q, &pr, ~0ULL, "a node id", &nid))
			return -1;
	if (nc_topo_add_node(q->d, nid, at))
		return -1;
	if (q->node_at[nid])
		return nc_topo_err(q->d, at, "node %llu is declared twice", nid);
	q->node_at[nid] = at;
	q->nr_nodes++;
	for (p = save; next_param(&p, end, &pr);) {
		if (key_is(&pr, "cpus")) {
			const char *s = pr.val;

			if (nc_topo_number(q->d, &s, ~0ULL, "a CPU index", &a))
				return -1;
			b = a;
			if (*s == '-' && (s++, nc_topo_number(q->d, &s, ~0ULL, "a CPU index", &b)))
				return -1;
			if (s != pr.val + pr.vlen)
				return nc_topo_err(q->d, s, "unexpected '%c' in cpus=", *s);
			if (b < a)
				return nc_topo_err(q->d, pr.val, "CPU range %llu-%llu runs backwards",
						   a, b);
			if (b >= q->smp.maxcpus)
				return nc_topo_err(q->d, pr.val, "CPU index %llu is not below maxcpus %llu",
						   b, q->smp.maxcpus);
			for (; a <= b; a++) {
				if (q->cpu_node[a] >= 0 && q->cpu_node[a] != (int)nid)
					return nc_topo_err(q->d, pr.val, "CPU %llu is in node %d and node %llu",
							   a, q->cpu_node[a], nid);
				q->cpu_node[a] = (int)nid;
			}
		} else if (key_is(&pr, "mem") || key_is(&pr, "memdev")) {
			bool legacy = key_is(&pr, "mem");

			if (legacy ? q->have_memdev : q->have_mem)
				return nc_topo_err(q->d, pr.key, "use either mem= or memdev=, not both");
			*(legacy ? &q->have_mem : &q->have_memdev) = true;
			if (legacy ? size_value(q, &pr, 20, &mem) : backend_size(q, &pr, &mem))
				return -1;
		} else if (!key_is(&pr, "nodeid") && !key_is(&pr, "initiator")) {
			return bad_key(q, &pr, "-numa node");
		}
	}
	return nc_topo_set_mem(q->d, (int)nid, mem, at);
}

static int declared(struct qemu *q, const struct param *pr, unsigned long long nid)
{
	if (nid >= MAX_NUMNODES || !q->node_at[nid])
		return nc_topo_err(q->d, pr->val, "node %llu is not declared by an earlier "
				   "-numa node", nid);
	return 0;
}

/* models hw/core/numa.c:parse_numa_distance() */
static int numa_dist(struct qemu *q, const char *p, const char *end, const char *at)
{
	unsigned long long v[3] = { 0 };
	const char *val_at = NULL;
	bool seen[3] = { false };
	struct param pr;

	while (next_param(&p, end, &pr)) {
		int k = key_is(&pr, "src") ? 0 : key_is(&pr, "dst") ? 1 : key_is(&pr, "val") ? 2 : -1;

		if (k < 0)
			return bad_key(q, &pr, "-numa dist");
		if (value(q, &pr, ~0ULL, k == 2 ? "a distance" : "a node id", &v[k]) ||
		    (k < 2 && declared(q, &pr, v[k])))
			return -1;
		seen[k] = true;
		if (k == 2)
			val_at = pr.val;
	}
	if (!seen[0] || !seen[1] || !seen[2])
		return nc_topo_err(q->d, at, "-numa dist needs src=, dst= and val=");
	if (!q->dist_at)
		q->dist_at = at;
	return nc_topo_set_distance(q->d, (int)v[0], (int)v[1], v[2], false, val_at);
}

/* A CPU index's place in the -smp hierarchy: socket, die, cluster, core, thread. */
static void cpu_ids(const struct smp *s, unsigned long long i, unsigned long long id[5])
{
	id[4] = i % s->threads;
	i /= s->threads;
	id[3] = i % s->cores;
	i /= s->cores;
	id[2] = i % s->clusters;
	i /= s->clusters;
	id[1] = i % s->dies;
	id[0] = i / s->dies;
}

/* models hw/core/machine.c:machine_set_cpu_numa_node() for -numa cpu */
static int numa_cpu(struct qemu *q, const char *p, const char *end, const char *at)
{
	static const char *const keys[5] = { "socket-id", "die-id", "cluster-id",
					     "core-id", "thread-id" };
	unsigned long long want[5] = { 0 }, nid = 0, id[5];
	bool has[5] = { false }, has_node = false, matched = false;
	struct param pr, node_pr = { 0 };

	while (next_param(&p, end, &pr)) {
		unsigned int k = 0;

		while (k < 5 && !key_is(&pr, keys[k]))
			k++;
		if (k < 5) {
			if (value(q, &pr, ~0ULL, "an id", &want[k]))
				return -1;
			has[k] = true;
		} else if (key_is(&pr, "node-id")) {
			if (value(q, &pr, ~0ULL, "a node id", &nid) || declared(q, &pr, nid))
				return -1;
			has_node = true;
			node_pr = pr;
		} else {
			return bad_key(q, &pr, "-numa cpu");
		}
	}
	if (!has_node)
		return nc_topo_err(q->d, at, "-numa cpu needs node-id=");
	for (unsigned long long i = 0; i < q->smp.maxcpus; i++) {
		bool match = true;

		cpu_ids(&q->smp, i, id);
		for (unsigned int k = 0; k < 5; k++)
			match &= !has[k] || want[k] == id[k];
		if (!match)
			continue;
		if (q->cpu_node[i] >= 0 && q->cpu_node[i] != (int)nid)
			return nc_topo_err(q->d, node_pr.val, "CPU %llu is in node %d and node %llu",
					   i, q->cpu_node[i], nid);
		q->cpu_node[i] = (int)nid;
		matched = true;
	}
	if (!matched)
		return nc_topo_err(q->d, at, "no CPU of -smp matches this -numa cpu");
	return 0;
}

static int numa_option(struct qemu *q, const struct token *arg)
{
	const char *p = arg->s, *end = arg->s + arg->len;
	struct param type;

	next_param(&p, end, &type);
	if (type.key && type.klen == 4 && !strncmp(type.key, "type", 4))
		type.key = NULL;
	if (!type.key && type.vlen == 4 && !strncmp(type.val, "node", 4))
		return numa_node(q, p, end, arg->s);
	if (!type.key && type.vlen == 4 && !strncmp(type.val, "dist", 4))
		return numa_dist(q, p, end, arg->s);
	if (!type.key && type.vlen == 3 && !strncmp(type.val, "cpu", 3))
		return numa_cpu(q, p, end, arg->s);
	if (!type.key && type.vlen > 5 && !strncmp(type.val, "hmat-", 5))
		return 0; /* latency and cache attributes: not modelled */
	return nc_topo_err(q->d, arg->s, "unknown -numa type '%.*s' (node, dist, cpu)",
			   (int)type.vlen, type.val);
}

/* ---- completing the machine ---- */

/* models hw/core/numa.c:validate_numa_distance() and
 * complete_init_numa_distance(): one direction is mirrored, but once any
 * pair differs every pair needs both directions */
static int complete_distances(struct qemu *q)
{
	struct nc_topo_draft *d = q->d;
	bool asymmetric = false;
	unsigned int a, b;

	for (a = 0; a < q->nr_nodes; a++)
		for (b = a + 1; b < q->nr_nodes; b++) {
			uint8_t ab = nc_topo_distance(d, (int)a, (int)b);
			uint8_t ba = nc_topo_distance(d, (int)b, (int)a);

			if (!ab && !ba)
				return nc_topo_err(d, q->dist_at, "distance between node %u and %u "
						   "is missing", a, b);
			asymmetric |= ab && ba && ab != ba;
		}
	for (a = 0; a < q->nr_nodes; a++)
		for (b = 0; b < q->nr_nodes; b++) {
			uint8_t v = nc_topo_distance(d, (int)a, (int)b);

			if (v)
				continue;
			if (a != b && asymmetric)
				return nc_topo_err(d, q->dist_at, "distances are asymmetric, so node "
						   "%u to %u needs a value too", a, b);
			v = a == b ? LOCAL_DISTANCE : nc_topo_distance(d, (int)b, (int)a);
			if (nc_topo_set_distance(d, (int)a, (int)b, v, false, q->dist_at))
				return -1;
		}
	return 0;
}

static int finish(struct qemu *q)
{
	struct nc_topo_draft *d = q->d;
	const char *end = d->src->buf + strlen(d->src->buf), *ram_at = end;
	unsigned long long ram, id[5];
	int last = -1, n;

	if (!q->nr_nodes)
		return nc_topo_err(d, end, "no -numa node option");
	for_each_node_mask(n, d->online)
		last = n;
	/* numa_complete_configuration(): no sparse node ids */
	for (n = last; n >= 0; n--)
		if (!q->node_at[n])
			return nc_topo_err(d, q->node_at[last], "node id %d is missing "
					   "(QEMU needs ids 0 to %d)", n, last);
	/* machine_numa_finish_cpu_init(): the x86 default is socket % nodes */
	for (unsigned long long i = 0; i < q->smp.maxcpus; i++) {
		cpu_ids(&q->smp, i, id);
		if (q->cpu_node[i] < 0)
			q->cpu_node[i] = (int)(id[0] % q->nr_nodes);
		/* CPUs from cpus to maxcpus are hot-pluggable, not online */
		if (i < q->smp.cpus && nc_topo_add_cpu(d, i, q->cpu_node[i], end))
			return -1;
		d->cpu_package[i] = (int)id[0];
		d->cpu_core[i] = (int)((id[1] * q->smp.clusters + id[2]) * q->smp.cores + id[3]);
	}
	d->nr_cpu_ids = (unsigned int)q->smp.maxcpus;
	if (ram_size(q, &ram, &ram_at))
		return -1;
	if (ram && ram != d->total_mem)
		return nc_topo_err(d, ram_at, "the nodes' memory adds up to %llu bytes, not "
				   "the -m RAM size %llu", d->total_mem, ram);
	return q->dist_at ? complete_distances(q) : 0;
}

/* Without -smp: the highest cpus= index + 1 (capped just above the limit,
 * so that -numa node reports the index). Values are checked later. */
static unsigned long long cpus_named(const struct qemu *q)
{
	unsigned long long max = 1;

	for (unsigned int i = 0; i + 1 < q->nr_tok; i++) {
		const char *p = q->tok[i + 1].s, *end = p + q->tok[i + 1].len;
		struct param pr;

		if (!is_option(&q->tok[i], "-numa"))
			continue;
		while (next_param(&p, end, &pr)) {
			char *e;
			unsigned long long v;

			if (!key_is(&pr, "cpus"))
				continue;
			v = strtoull(pr.val, &e, 10);
			if (*e == '-')
				v = strtoull(e + 1, &e, 10);
			if (v >= max)
				max = v < NR_CPUS ? v + 1 : NR_CPUS;
		}
	}
	return max;
}

int nc_topo_qemu(struct nc_topo_draft *d)
{
	unsigned int n = tokenize(d->src->buf, NULL), i;
	struct qemu *q = calloc(1, sizeof(*q));
	int ret = 0;

	if (!q || !(q->tok = malloc((n ? n : 1) * sizeof(*q->tok)))) {
		free(q);
		return nc_topo_err(d, d->src->buf, "out of host memory");
	}
	q->d = d;
	q->nr_tok = tokenize(d->src->buf, q->tok);
	memset(q->cpu_node, 0xff, sizeof(q->cpu_node));
	for (i = 0; !ret && i + 1 < n; i++)
		if (is_option(&q->tok[i], "-smp"))
			ret = parse_smp(q, &q->tok[i + 1]);
	if (!ret && !q->smp.maxcpus) {
		unsigned long long cpus = cpus_named(q);

		q->smp = (struct smp){ .cpus = cpus, .maxcpus = cpus, .sockets = 1, .dies = 1,
				       .clusters = 1, .cores = cpus, .threads = 1 };
	}
	for (i = 0; !ret && i < n; i++)
		if (is_option(&q->tok[i], "-numa"))
			ret = i + 1 < n ? numa_option(q, &q->tok[++i]) :
				nc_topo_err(d, q->tok[i].s, "-numa needs an argument");
	if (!ret)
		ret = finish(q);
	free(q->tok);
	free(q);
	return ret ? -1 : 0;
}
