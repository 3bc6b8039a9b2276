// SPDX-License-Identifier: GPL-2.0-only
/*
 * The report of a run (see report.h). Figures are computed once into a
 * struct summary; the text, the JSON and the comparison all print it.
 * Shares are of objects: a task_struct is remote if its node is not the
 * node of the CPU the task first ran on, a stack page or user page
 * likewise. Distances are SLIT entries between those two nodes.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/base/node.h"
#include "fs/proc/nc_procfs.h"
#include "fs/proc/slabinfo.h"
#include "fs/proc/task_mmu.h"
#include "kernel/fork.h"
#include "kernel/pid.h"
#include "lib/error.h"
#include "mm/memory.h"
#include "mm/mempolicy.h"
#include "mm/mmap.h"
#include "mm/slab.h"
#include "mm/slab_common.h"
#include "mm/slub.h"
#include "mm/vmstat.h"
#include "tools/numastat.h"
#include "workload/report.h"

const char *const nc_fork_caches[NC_FORK_CACHES] = {
	"task_struct", "cred_jar", "pid", "signal_cache", "sighand_cache", "files_cache",
	"fs_cache", "mm_struct", "vm_area_struct",
};

static const enum stat_item slub_items[3] = {
	ALLOC_FASTPATH, ALLOC_SLOWPATH, ALLOC_NODE_MISMATCH,
};
static const char *const slub_names[3] = { "alloc_fastpath", "alloc_slowpath",
					   "alloc_node_mismatch" };

enum { HELD_TASK_STRUCTS, HELD_STACK_PAGES, HELD_USER_PAGES, NR_HELD };
static const char *const held_names[NR_HELD] = { "task_structs", "stack_pages",
						 "user_pages" };

struct share {
	unsigned long total, remote, distance;
};
static const char *const text_names[NR_HELD] = { "task_structs", "stack pages",
						 "user pages" };

struct summary {
	unsigned long (*held)[NR_HELD];   /* [nr_node_ids] */
	size_t created;
	struct share share[NR_HELD];
	bool has_cache[NC_FORK_CACHES];
	unsigned long slub[NC_FORK_CACHES][3];
};

static void slub_counts(const struct nc_machine *m, unsigned long out[NC_FORK_CACHES][3],
			bool *has)
{
	for (int c = 0; c < NC_FORK_CACHES; c++) {
		const struct kmem_cache *s = nc_kmem_cache_find(m, nc_fork_caches[c]);

		if (has)
			has[c] = s != NULL;
		for (int i = 0; i < 3; i++)
			out[c][i] = s ? slab_stat_sum(m, s, slub_items[i]) : 0;
	}
}

void nc_report_snapshot(struct nc_run *r)
{
	slub_counts(r->m, r->slub_before, NULL);
}

static void count_page(struct nc_pte *pte, void *arg)
{
	unsigned long (*held)[NR_HELD] = arg;

	if (pte->page && !(pte->flags & NC_PTE_ZERO))
		held[page_to_nid(pte->page)][HELD_USER_PAGES]++;
}

static void add_share(struct share *s, const struct nc_topology *t, int home, int node,
		      unsigned long n)
{
	if (node < 0)
		return;
	s->total += n;
	s->remote += node != home ? n : 0;
	s->distance += n * (unsigned long)node_distance(t, home, node);
}

static int summarise(const struct nc_run *r, struct summary *s)
{
	const struct nc_machine *m = r->m;
	const struct nc_topology *t = m->topo;
	struct task_struct *p;
	struct mm_struct *mm;
	int stack[NC_STACK_PAGES];

	memset(s, 0, sizeof(*s));
	s->held = calloc(t->nr_node_ids, sizeof(*s->held));
	if (!s->held)
		return -ENOMEM;
	list_for_each_entry(p, &m->fork->all_tasks, nc_all) {
		int node = nc_task_placement(m, p, stack, NC_STACK_PAGES);

		if (node >= 0)
			s->held[node][HELD_TASK_STRUCTS]++;
		for (int i = 0; i < NC_STACK_PAGES; i++)
			if (stack[i] >= 0)
				s->held[stack[i]][HELD_STACK_PAGES]++;
	}
	list_for_each_entry(mm, &m->mempolicy->mms, nc_node)
		nc_pte_walk(&mm->pt, 0, ~0UL, count_page, s->held);
	s->created = r->wl.nr_rec;
	for (size_t i = 0; i < r->wl.nr_rec; i++) {
		const struct nc_task_record *rec = &r->wl.rec[i];
		int home = cpu_to_node(t, rec->cpu);

		add_share(&s->share[0], t, home, rec->ts_node, 1);
		for (int k = 0; k < NC_STACK_PAGES; k++)
			add_share(&s->share[1], t, home, rec->stack_nodes[k], 1);
		s->share[2].total += rec->pages;
		s->share[2].remote += rec->remote_pages;
		s->share[2].distance += rec->page_distance;
	}
	slub_counts(m, s->slub, s->has_cache);
	for (int c = 0; c < NC_FORK_CACHES; c++)
		for (int i = 0; i < 3; i++)
			s->slub[c][i] -= r->slub_before[c][i];
	return 0;
}

static double percent(const struct share *s)
{
	return s->total ? 100.0 * (double)s->remote / (double)s->total : 0.0;
}

static double mean_distance(const struct share *s)
{
	return s->total ? (double)s->distance / (double)s->total : 0.0;
}

static unsigned int present_cpus(const struct nc_topology *t)
{
	unsigned int n = 0;

	for (unsigned int c = 0; c < t->nr_cpu_ids; c++)
		n += t->cpu_node[c] >= 0;
	return n;
}

static const char *fork_node_name(const struct nc_run *r)
{
	return r->opts->cfg.fork_node == NC_FORK_NODE_CHILD ? "child" : "parent";
}

static const char *stack_cache_name(const struct nc_run *r)
{
	return r->opts->cfg.stack_cache == NC_STACK_CACHE_NODE_AWARE ? "node-aware" : "kernel";
}

static void header(FILE *out, const struct nc_run *r)
{
	const struct nc_topology *t = r->m->topo;
	const struct nc_run_opts *o = r->opts;

	fprintf(out, "numaclone run: %s on %s (%u nodes, %u CPUs), seed %llu\n",
		r->workload, t->name, bitmap_weight(t->online.bits, t->nr_node_ids),
		present_cpus(t), r->opts->cfg.seed);
	fprintf(out, "what-if: fork-node=%s stack-cache=%s\n", fork_node_name(r),
		stack_cache_name(r));
	if (o->mode < 0 && !o->cpunodebind && !o->physcpubind)
		return;
	fputs("first task: numactl", out);
	if (o->mode >= 0)
		fprintf(out, " %s%s%s", o->mode_option, o->nodes ? "=" : "", o->nodes ? o->nodes : "");
	if (o->cpunodebind)
		fprintf(out, " --cpunodebind=%s", o->cpunodebind);
	if (o->physcpubind)
		fprintf(out, " --physcpubind=%s", o->physcpubind);
	fputc('\n', out);
}

static int numastat(FILE *out, const struct nc_machine *m)
{
	const struct numastat_opts o = { .compat = true, .width = 80 };

	return numastat_show(m, &o, out);
}

int nc_report_text(FILE *out, const struct nc_run *r)
{
	const struct nc_topology *t = r->m->topo;
	struct summary s;
	int ret = summarise(r, &s);

	if (ret)
		return ret;
	header(out, r);
	fprintf(out, "\nHeld at the end, per node:\n%-6s %14s %14s %14s\n", "node",
		"task_structs", "stack pages", "user pages");
	for (unsigned int n = 0; n < t->nr_node_ids; n++)
		if (t->nodes[n].online)
			fprintf(out, "%-6u %14lu %14lu %14lu\n", n, s.held[n][0], s.held[n][1],
				s.held[n][2]);
	fprintf(out, "\nCreated tasks: %zu. Objects on another node than the CPU each task\n"
		     "first ran on:\n%-14s %10s %10s %8s %14s\n", s.created, "", "objects",
		"remote", "share", "mean distance");
	for (int k = 0; k < NR_HELD; k++)
		fprintf(out, "%-14s %10lu %10lu %7.1f%% %14.2f\n", text_names[k],
			s.share[k].total, s.share[k].remote, percent(&s.share[k]),
			mean_distance(&s.share[k]));
	fprintf(out, "\nSLUB, fork caches, during the workload:\n%-16s %14s %14s %14s\n",
		"cache", "alloc fast", "alloc slow", "node mismatch");
	for (int c = 0; c < NC_FORK_CACHES; c++)
		if (s.has_cache[c])
			fprintf(out, "%-16s %14lu %14lu %14lu\n", nc_fork_caches[c], s.slub[c][0],
				s.slub[c][1], s.slub[c][2]);
	fputs("\nnumastat:\n", out);
	free(s.held);
	return numastat(out, r->m);
}

static void json_share(FILE *out, const char *name, const struct share *s, bool last)
{
	fprintf(out, "\"%s\":{\"objects\":%lu,\"remote\":%lu,\"share\":%.4f,"
		     "\"mean_distance\":%.4f}%s", name, s->total, s->remote,
		percent(s) / 100.0, mean_distance(s), last ? "" : ",");
}

/* JSON string contents: comm and file names may hold anything. */
static void json_string(FILE *out, const char *str)
{
	fputc('"', out);
	for (const unsigned char *c = (const unsigned char *)str; *c; c++) {
		if (*c == '"' || *c == '\\')
			fprintf(out, "\\%c", *c);
		else if (*c < 0x20 || *c >= 0x7f)
			fprintf(out, "\\u%04x", *c);
		else
			fputc(*c, out);
	}
	fputc('"', out);
}

int nc_report_json(FILE *out, const struct nc_run *r)
{
	const struct nc_machine *m = r->m;
	const struct nc_topology *t = m->topo;
	struct summary s;
	bool first = true;
	int ret = summarise(r, &s);

	if (ret)
		return ret;
	fputs("{\"workload\":", out);
	json_string(out, r->workload);
	fputs(",\"topology\":", out);
	json_string(out, t->name);
	fprintf(out, ",\"seed\":%llu,\"cpus\":%u,\"fork_node\":\"%s\",\"stack_cache\":\"%s\","
		     "\"nodes\":[", r->opts->cfg.seed, present_cpus(t), fork_node_name(r),
		stack_cache_name(r));
	for (unsigned int n = 0; n < t->nr_node_ids; n++) {
		if (!t->nodes[n].online)
			continue;
		fprintf(out, "%s{\"node\":%u", first ? "" : ",", n);
		for (int k = 0; k < NR_HELD; k++)
			fprintf(out, ",\"%s\":%lu", held_names[k], s.held[n][k]);
		for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
			fprintf(out, ",\"%s\":%lu", numa_stat_name(i),
				sum_zone_numa_event_state(m, (int)n, i));
		fputc('}', out);
		first = false;
	}
	fprintf(out, "],\"created\":{\"tasks\":%zu,", s.created);
	for (int k = 0; k < NR_HELD; k++)
		json_share(out, held_names[k], &s.share[k], k == NR_HELD - 1);
	fputs("},\"slub\":[", out);
	first = true;
	for (int c = 0; c < NC_FORK_CACHES; c++) {
		if (!s.has_cache[c])
			continue;
		fprintf(out, "%s{\"cache\":\"%s\"", first ? "" : ",", nc_fork_caches[c]);
		for (int i = 0; i < 3; i++)
			fprintf(out, ",\"%s\":%lu", slub_names[i], s.slub[c][i]);
		fputc('}', out);
		first = false;
	}
	fputs("],\"tasks\":[", out);
	for (size_t i = 0; i < r->wl.nr_rec; i++) {
		const struct nc_task_record *rec = &r->wl.rec[i];

		fprintf(out, "%s{\"pid\":%d,\"tgid\":%d,\"ppid\":%d,\"comm\":", i ? "," : "",
			rec->pid, rec->tgid, rec->ppid);
		json_string(out, rec->comm);
		fprintf(out, ",\"cpu\":%u,\"cpu_node\":%d,\"task_struct_node\":%d,\"stack_nodes\":[",
			rec->cpu, cpu_to_node(t, rec->cpu), rec->ts_node);
		for (int k = 0; k < NC_STACK_PAGES; k++)
			fprintf(out, "%s%d", k ? "," : "", rec->stack_nodes[k]);
		fprintf(out, "],\"user_pages\":%lu,\"remote_user_pages\":%lu}", rec->pages,
			rec->remote_pages);
	}
	fputs("]}\n", out);
	free(s.held);
	return 0;
}

static const char *const show_names[] = { "numastat", "slabinfo", "numa_maps", "tasks", NULL };
enum { SHOW_NUMASTAT, SHOW_SLABINFO, SHOW_NUMA_MAPS, SHOW_TASKS, SHOW_PATH };

/* The --show item at s, len bytes: a show_names index, or SHOW_PATH for a
 * path (the model's /proc or /sys); -1 with *err if neither, or if run
 * is false and the item needs a run's records (numa_maps, tasks). */
static int show_item(const char *what, const char *s, size_t len, bool run,
		     struct nc_error *err)
{
	int k = 0;

	if (*s == '/')
		return SHOW_PATH;
	while (show_names[k] && (strlen(show_names[k]) != len || strncmp(show_names[k], s, len)))
		k++;
	if (show_names[k] && (run || k < SHOW_NUMA_MAPS))
		return k;
	return nc_err(err, "--show '%s' at offset %td: not one of numastat, slabinfo%s, "
		      "nor a /proc or /sys path", what, s - what, run ? ", numa_maps, tasks" : "");
}

/* Each item of the list in turn; -EINVAL with *err at the first bad one. */
static int show_check(const char *what, bool run, struct nc_error *err)
{
	for (const char *s = what; *s;) {
		size_t len = strcspn(s, ",");

		if (show_item(what, s, len, run, err) < 0)
			return -EINVAL;
		s += len + (s[len] == ',');
	}
	return 0;
}

int nc_report_show_check(const char *what, struct nc_error *err)
{
	return show_check(what, true, err);
}

int nc_report_show_machine_check(const char *what, struct nc_error *err)
{
	return show_check(what, false, err);
}

static void show_tasks(FILE *out, const struct nc_run *r)
{
	fprintf(out, "%7s %7s %7s %-15s %4s %4s %4s %-11s %7s %6s\n", "pid", "tgid", "ppid",
		"comm", "cpu", "node", "ts", "stack", "pages", "remote");
	for (size_t i = 0; i < r->wl.nr_rec; i++) {
		const struct nc_task_record *rec = &r->wl.rec[i];
		char stack[32];

		snprintf(stack, sizeof(stack), "%d,%d,%d,%d", rec->stack_nodes[0],
			 rec->stack_nodes[1], rec->stack_nodes[2], rec->stack_nodes[3]);
		fprintf(out, "%7d %7d %7d %-15s %4u %4d %4d %-11s %7lu %6lu\n", rec->pid,
			rec->tgid, rec->ppid, rec->comm, rec->cpu, cpu_to_node(r->m->topo, rec->cpu),
			rec->ts_node, stack, rec->pages, rec->remote_pages);
	}
}

/* numa_maps of the workload's processes still alive: the first task and
 * each created thread-group leader, as /proc/PID/numa_maps */
static int show_numa_maps(FILE *out, const struct nc_run *r)
{
	struct nc_machine *m = r->m;

	for (size_t i = 0; i <= r->wl.nr_rec; i++) {
		pid_t pid = i ? r->wl.rec[i - 1].pid : r->wl.first ? r->wl.first->pid : 0;
		struct task_struct *p = pid_task(find_pid_ns(pid, m->init_pid_ns), PIDTYPE_PID);
		char *text;

		if (!p || p->tgid != p->pid || !p->mm || (p->flags & PF_KTHREAD))
			continue;
		text = proc_pid_numa_maps(m, p);
		if (!text)
			return -ENOMEM;
		fprintf(out, "==> /proc/%d/numa_maps <==\n%s", pid, text);
		free(text);
	}
	return 0;
}

/* The list's paths read first, so that a path the model does not have
 * is an error before anything is printed; then every item in order, a
 * path as head prints several files: "==> PATH <==" before its text, a
 * blank line between it and what came before. */
static int show_list(FILE *out, struct nc_machine *m, const struct nc_run *r,
		     const char *what, struct nc_error *err)
{
	size_t nr = 1, i = 0;
	char **texts;
	int ret = show_check(what, r != NULL, err);

	if (ret)
		return ret;
	for (const char *c = what; *c; c++)
		nr += *c == ',';
	texts = calloc(nr, sizeof(*texts));
	if (!texts)
		return -ENOMEM;
	for (const char *s = what; !ret && *s; i++) {
		size_t len = strcspn(s, ",");
		char *path = *s == '/' ? strndup(s, len) : NULL;
		struct nc_error e;

		if (*s == '/' && !path)
			ret = -ENOMEM;
		else if (path)
			ret = nc_procfs_read(m, path, &texts[i], &e);
		if (ret && ret != -ENOMEM)
			nc_err(err, "--show '%s' at offset %td: %s", what, s - what, e.msg);
		free(path);
		s += len + (s[len] == ',');
	}
	i = 0;
	for (const char *s = what; !ret && *s; i++) {
		size_t len = strcspn(s, ",");

		switch (show_item(what, s, len, r != NULL, err)) {
		case SHOW_NUMASTAT:
			ret = numastat(out, m);
			break;
		case SHOW_SLABINFO:
			ret = slabinfo_show(m, out);
			break;
		case SHOW_NUMA_MAPS:
			ret = show_numa_maps(out, r);
			break;
		case SHOW_TASKS:
			show_tasks(out, r);
			break;
		default:
			fprintf(out, "%s==> %.*s <==\n%s", s == what ? "" : "\n", (int)len, s,
				texts[i]);
		}
		s += len + (s[len] == ',');
	}
	for (i = 0; i < nr; i++)
		free(texts[i]);
	free(texts);
	return ret;
}

int nc_report_show(FILE *out, const struct nc_run *r, const char *what, struct nc_error *err)
{
	return show_list(out, r->m, r, what, err);
}

int nc_report_show_machine(FILE *out, struct nc_machine *m, const char *what,
			   struct nc_error *err)
{
	return show_list(out, m, NULL, what, err);
}

struct figure {
	char name[48];
	char value[24];
};

struct figures {
	struct figure *f;
	size_t nr, cap;
};

static int add(struct figures *fs, const char *value, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int add(struct figures *fs, const char *value, const char *fmt, ...)
{
	va_list ap;

	if (fs->nr == fs->cap) {
		size_t cap = fs->cap ? 2 * fs->cap : 64;
		void *p = realloc(fs->f, cap * sizeof(*fs->f));

		if (!p)
			return -ENOMEM;
		fs->f = p;
		fs->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(fs->f[fs->nr].name, sizeof(fs->f[fs->nr].name), fmt, ap);
	va_end(ap);
	snprintf(fs->f[fs->nr++].value, sizeof(fs->f[0].value), "%s", value);
	return 0;
}

static const char *num(char *buf, unsigned long v)
{
	snprintf(buf, 24, "%lu", v);
	return buf;
}

/* Every figure of the report, named as the comparison shows it. */
static int collect(const struct nc_run *r, struct figures *fs)
{
	const struct nc_topology *t = r->m->topo;
	struct summary s;
	char v[24];
	int ret = summarise(r, &s);

	for (unsigned int n = 0; !ret && n < t->nr_node_ids; n++)
		for (int k = 0; !ret && k < NR_HELD && t->nodes[n].online; k++)
			ret = add(fs, num(v, s.held[n][k]), "node %u %s held", n, text_names[k]);
	if (!ret)
		ret = add(fs, num(v, s.created), "created tasks");
	for (int k = 0; !ret && k < NR_HELD; k++) {
		ret = add(fs, num(v, s.share[k].remote), "%s remote", text_names[k]);
		snprintf(v, sizeof(v), "%.1f%%", percent(&s.share[k]));
		ret = ret ? ret : add(fs, v, "%s remote share", text_names[k]);
		snprintf(v, sizeof(v), "%.2f", mean_distance(&s.share[k]));
		ret = ret ? ret : add(fs, v, "%s mean distance", text_names[k]);
	}
	for (int c = 0; !ret && c < NC_FORK_CACHES; c++)
		for (int i = 0; !ret && i < 3 && s.has_cache[c]; i++)
			ret = add(fs, num(v, s.slub[c][i]), "%s %s", nc_fork_caches[c], slub_names[i]);
	for (unsigned int n = 0; !ret && n < t->nr_node_ids; n++)
		for (int i = 0; !ret && i < NR_VM_NUMA_EVENT_ITEMS && t->nodes[n].online; i++)
			ret = add(fs, num(v, sum_zone_numa_event_state(r->m, (int)n, i)),
				  "node %u %s", n, numa_stat_name(i));
	free(s.held);
	return ret;
}

static const struct figure *find_figure(const struct figures *fs, const char *name)
{
	for (size_t i = 0; i < fs->nr; i++)
		if (!strcmp(fs->f[i].name, name))
			return &fs->f[i];
	return NULL;
}

static void compare_row(FILE *out, const char *name, const struct figure *a,
			const struct figure *b, unsigned long *rows, unsigned long *differ)
{
	bool same = a && b && !strcmp(a->value, b->value);

	++*rows;
	*differ += !same;
	fprintf(out, "%c %-39.39s %18s %18s\n", same ? ' ' : '*', name, a ? a->value : "-",
		b ? b->value : "-");
}

int nc_report_compare(FILE *out, const struct nc_run *a, const char *name_a,
		      const struct nc_run *b, const char *name_b)
{
	struct figures fa = { 0 }, fb = { 0 };
	unsigned long rows = 0, differ = 0;
	int ret = collect(a, &fa);

	if (!ret)
		ret = collect(b, &fb);
	if (!ret) {
		fprintf(out, "numaclone compare: %s on %s\n  A: %s\n  B: %s\n\n", a->workload,
			a->m->topo->name, name_a, name_b);
		fprintf(out, "  %-39s %18s %18s\n", "figure", "A", "B");
		for (size_t i = 0; i < fa.nr; i++)
			compare_row(out, fa.f[i].name, &fa.f[i], find_figure(&fb, fa.f[i].name),
				    &rows, &differ);
		for (size_t i = 0; i < fb.nr; i++)
			if (!find_figure(&fa, fb.f[i].name))
				compare_row(out, fb.f[i].name, NULL, &fb.f[i], &rows, &differ);
		fprintf(out, "\n%lu of %lu figures differ (marked *)\n", differ, rows);
	}
	free(fa.f);
	free(fb.f);
	return ret;
}
