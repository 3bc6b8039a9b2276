// SPDX-License-Identifier: GPL-2.0-only
/*
 * The decision record behind `numaclone explain PID` (see explain.h): one
 * record per created task, filled by the fork path and kept for the life
 * of the machine. SLUB's path is read from the running CPU's counters of
 * task_struct_cachep before and after the allocation, as one would read
 * /sys/kernel/slab/task_struct/ALLOC_* around it; SLUB itself is not
 * touched. Left out: why the page allocator chose a zone.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/explain.h"
#include "kernel/fork.h"
#include "kernel/sched/core.h"
#include "lib/bitmap.h"
#include "mm/mempolicy.h"
#include "mm/page_alloc.h"
#include "mm/slab.h"
#include "mm/slub.h"
#include "uapi/linux/sched.h"

/* the counters that tell the path apart */
static const enum stat_item path_items[] = {
	ALLOC_FASTPATH, ALLOC_NODE_MISMATCH, ALLOC_REFILL, CPU_PARTIAL_ALLOC,
	ALLOC_FROM_PARTIAL, ALLOC_SLAB,
};
#define NR_PATH_ITEMS (sizeof(path_items) / sizeof(path_items[0]))

struct nc_explain {
	struct nc_fork_record *rec;       /* oldest first; rec[nr] is the fork
					     under way while open */
	size_t nr, cap;
	bool open;
	unsigned int before[NR_PATH_ITEMS];
};

int nc_explain_init(struct nc_machine *m)
{
	m->explain = calloc(1, sizeof(*m->explain));
	return m->explain ? 0 : -ENOMEM;
}

void nc_explain_exit(struct nc_machine *m)
{
	if (!m->explain)
		return;
	free(m->explain->rec);
	free(m->explain);
	m->explain = NULL;
}

static struct nc_fork_record *pending(struct nc_machine *m)
{
	return m->explain && m->explain->open ? &m->explain->rec[m->explain->nr] : NULL;
}

/* The record is filled where it will be kept: room for one more first. */
static bool make_room(struct nc_explain *e)
{
	size_t cap = e->cap ? 2 * e->cap : 64;
	struct nc_fork_record *rec;

	if (e->nr < e->cap)
		return true;
	rec = realloc(e->rec, cap * sizeof(*rec));
	if (!rec)
		return false;
	e->rec = rec;
	e->cap = cap;
	return true;
}

void nc_explain_begin(struct nc_machine *m)
{
	struct nc_fork_record *r;
	struct task_struct *current = nc_current(m);

	if (!m->explain || !make_room(m->explain))
		return;             /* the record is lost, the fork is not */
	m->explain->open = true;
	r = pending(m);
	memset(r, 0, sizeof(*r));
	r->parent_cpu = smp_processor_id(m);
	r->ts_node_requested = r->stack_node_requested = NUMA_NO_NODE;
	mpol_to_str(m, r->policy, sizeof(r->policy), current ? current->mempolicy : NULL);
	m->sched->why = &r->sched;
}

void nc_explain_ts_node(struct nc_machine *m, int node, enum nc_node_why why)
{
	struct nc_fork_record *r = pending(m);

	if (r) {
		r->ts_node_requested = node;
		r->ts_why = why;
	}
}

static unsigned int counter(const struct nc_machine *m, enum stat_item si)
{
	const struct kmem_cache *s = m->slab->boot[NC_CACHE_TASK_STRUCT];

	return per_cpu_ptr(s->cpu_slab, smp_processor_id(m))->stat[si];
}

void nc_explain_slub_before(struct nc_machine *m)
{
	if (!pending(m))
		return;
	for (size_t i = 0; i < NR_PATH_ITEMS; i++)
		m->explain->before[i] = counter(m, path_items[i]);
}

void nc_explain_slub_after(struct nc_machine *m, const struct task_struct *tsk)
{
	struct nc_fork_record *r = pending(m);
	bool moved[NR_PATH_ITEMS];
	const struct slab *slab;

	if (!r || !tsk)
		return;
	for (size_t i = 0; i < NR_PATH_ITEMS; i++)
		moved[i] = counter(m, path_items[i]) != m->explain->before[i];
	/* the deepest step taken names the path */
	r->slub_path = moved[5] ? NC_SLUB_NEW_SLAB : moved[4] ? NC_SLUB_NODE_PARTIAL :
		       moved[3] ? NC_SLUB_CPU_PARTIAL : moved[2] ? NC_SLUB_REFILL : NC_SLUB_FASTPATH;
	r->node_mismatch = moved[1];
	slab = virt_to_slab(m, tsk);
	r->ts_node = slab ? slab_nid(slab) : NUMA_NO_NODE;
}

void nc_explain_stack(struct nc_machine *m, int node, bool cached)
{
	struct nc_fork_record *r = pending(m);

	if (r) {
		r->stack_node_requested = node;
		r->stack_cached = cached;
	}
}

void nc_explain_commit(struct nc_machine *m, const struct task_struct *p, uint64_t clone_flags)
{
	struct nc_fork_record *r = pending(m);

	if (!r)
		return;
	m->sched->why = NULL;
	m->explain->open = false;
	r->pid = p->pid;
	r->clone_flags = clone_flags;
	r->tgid = p->tgid;
	r->ppid = p->real_parent ? p->real_parent->tgid : 0;
	memcpy(r->comm, p->comm, sizeof(r->comm));
	r->flags = p->flags;
	r->first_cpu = p->cpu;
	nc_task_placement(m, p, r->stack_nodes, NC_EXPLAIN_STACK_PAGES);
	m->explain->nr++;
}

void nc_explain_abort(struct nc_machine *m)
{
	if (pending(m)) {
		m->explain->open = false;
		m->sched->why = NULL;
	}
}

const struct nc_fork_record *nc_fork_record(const struct nc_machine *m, int pid)
{
	for (size_t i = m->explain ? m->explain->nr : 0; i-- > 0;)
		if (m->explain->rec[i].pid == pid)
			return &m->explain->rec[i];
	return NULL;
}

size_t nc_fork_nr_records(const struct nc_machine *m)
{
	return m->explain ? m->explain->nr : 0;
}

const struct nc_fork_record *nc_fork_record_at(const struct nc_machine *m, size_t i)
{
	return i < nc_fork_nr_records(m) ? &m->explain->rec[i] : NULL;
}

/* ---- rendering ---- */

static const char *const ts_why_text[] = {
	[NC_NODE_WHY_NONE] = "the cpu slab or the policy decides",
	[NC_NODE_WHY_CALLER] = "kthreadd's pref_node_fork or the caller's",
	[NC_NODE_WHY_CHILD_CPU] = "the child's first CPU's (--fork-node=child)",
};

static const char *const slub_path_text[] = {
	[NC_SLUB_FASTPATH] = "cpu slab fast path",
	[NC_SLUB_REFILL] = "cpu slab, freelist reloaded",
	[NC_SLUB_CPU_PARTIAL] = "a slab from the per-CPU partial list",
	[NC_SLUB_NODE_PARTIAL] = "a slab from the node partial list",
	[NC_SLUB_NEW_SLAB] = "a new slab",
};

static void print_node(FILE *out, int node)
{
	if (node == NUMA_NO_NODE)
		fputs("NUMA_NO_NODE", out);
	else
		fprintf(out, "node %d", node);
}

/* The node the stack's pages were meant for: the one asked, else the
 * default policy's (local). */
static int stack_want(const struct nc_machine *m, const struct nc_fork_record *r)
{
	if (r->stack_node_requested != NUMA_NO_NODE)
		return r->stack_node_requested;
	return strcmp(r->policy, "default") ? NUMA_NO_NODE : cpu_to_node(m->topo, r->parent_cpu);
}

static void print_stack(FILE *out, const struct nc_machine *m, const struct nc_fork_record *r)
{
	int want = stack_want(m, r);
	bool fallback = false;

	fputs("stack: ", out);
	if (r->stack_cached)
		fprintf(out, "reused from CPU %u's cache, pages on nodes ", r->parent_cpu);
	else
		fputs("new pages on nodes ", out);
	for (int i = 0; i < NC_EXPLAIN_STACK_PAGES; i++) {
		fprintf(out, "%s%d", i ? "," : "", r->stack_nodes[i]);
		fallback |= want != NUMA_NO_NODE && r->stack_nodes[i] != want;
	}
	if (!r->stack_cached && fallback)
		fprintf(out, " (node %d full: zonelist fallback)", want);
	else if (!r->stack_cached && want == NUMA_NO_NODE)
		fputs(" (as the policy spreads them)", out);
	fputc('\n', out);
}

int nc_explain_task(FILE *out, const struct nc_machine *m, int pid)
{
	const struct nc_fork_record *r = nc_fork_record(m, pid);
	int local;

	if (!r)
		return -ESRCH;
	local = cpu_to_node(m->topo, r->parent_cpu);
	fprintf(out, "pid %d (%.16s), tgid %d, parent %d\n", r->pid, r->comm, r->tgid, r->ppid);
	fprintf(out, "clone flags %#llx, forked on CPU %u (node %d)\n",
		(unsigned long long)r->clone_flags, r->parent_cpu, local);
	fprintf(out, "policy: %s\n", r->policy);
	fputs("task_struct: asked for ", out);
	print_node(out, r->ts_node_requested);
	fprintf(out, ": %s\n", ts_why_text[r->ts_why]);
	if (r->node_mismatch)
		fputs("task_struct: the cpu slab was on another node: deactivated\n", out);
	fprintf(out, "task_struct: %s, object on node %d\n", slub_path_text[r->slub_path],
		r->ts_node);
	if (r->slub_path == NC_SLUB_NODE_PARTIAL && r->ts_node != local &&
	    r->ts_node_requested == NUMA_NO_NODE)
		fprintf(out, "task_struct: get_any_partial() took it from node %d\n", r->ts_node);
	print_stack(out, m, r);
	for (unsigned int i = 0; i < r->sched.nr; i++) {
		char line[NC_SCHED_WHY_LEN];

		nc_sched_why_line(line, sizeof(line), &r->sched.step[i]);
		fprintf(out, "scheduler: %s\n", line);
	}
	fprintf(out, "first CPU: %u (node %d)%s\n", r->first_cpu,
		cpu_to_node(m->topo, r->first_cpu),
		cpu_to_node(m->topo, r->first_cpu) != r->ts_node ? ", remote from its task_struct"
								: "");
	return 0;
}
