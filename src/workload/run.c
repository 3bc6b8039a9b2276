// SPDX-License-Identifier: GPL-2.0-only
/*
 * One run of `numaclone run`: boots the machine, resolves numactl's node
 * and CPU strings on it, runs the workload from a fresh first task and
 * keeps the machine for the report. A script replays through the replay
 * engine instead (its first process inherits the policy from init).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include "arch/machine.h"
#include "kernel/fork.h"
#include "kernel/pid.h"
#include "kernel/rcu/tree.h"
#include "mm/memory.h"
#include "mm/mmap.h"
#include "lib/error.h"
#include "strace/replay.h"
#include "tools/nodestring.h"
#include "uapi/linux/mempolicy.h"
#include "workload/report.h"
#include "workload/run.h"

void nc_run_opts_init(struct nc_run_opts *o)
{
	memset(o, 0, sizeof(*o));
	nc_workload_parse(NC_RUN_DEFAULT_WORKLOAD, &o->workload, NULL);
	o->mode = -1;
}

/* The first task's setup from numactl's options, as numactl checks them. */
static int resolve(const struct nc_run_opts *o, const struct nc_topology *t,
		   struct nc_wl_setup *s, struct nc_error *err)
{
	struct nc_error e;

	memset(s, 0, sizeof(*s));
	s->mode = o->mode;
	if (o->nodes && nc_parse_nodestring(t, o->nodes, &s->nodes, &e))
		return nc_err(err, "%s: %s", o->mode_option, e.msg);
	if (o->mode == MPOL_PREFERRED &&
	    bitmap_weight(s->nodes.bits, MAX_NUMNODES) != 1)
		return nc_err(err, "%s '%s': specify exactly one node", o->mode_option, o->nodes);
	if (o->nodes && o->mode != MPOL_INTERLEAVE &&
	    bitmap_empty(s->nodes.bits, MAX_NUMNODES))
		return nc_err(err, "%s '%s': no nodes", o->mode_option, o->nodes);
	if (o->cpunodebind) {
		nodemask_t nodes;

		if (nc_parse_nodestring(t, o->cpunodebind, &nodes, &e))
			return nc_err(err, "--cpunodebind: %s", e.msg);
		for (unsigned int c = 0; c < t->nr_cpu_ids; c++)
			if (t->cpu_node[c] >= 0 && node_isset(t->cpu_node[c], nodes))
				__set_bit(c, s->cpus.bits);
		s->bind_cpus = true;
	}
	if (o->physcpubind) {
		cpumask_t cpus;

		if (nc_parse_cpustring(t, o->physcpubind, &cpus, &e))
			return nc_err(err, "--physcpubind: %s", e.msg);
		if (s->bind_cpus)
			bitmap_and(s->cpus.bits, s->cpus.bits, cpus.bits, NR_CPUS);
		else
			s->cpus = cpus;
		s->bind_cpus = true;
	}
	if (s->bind_cpus && bitmap_empty(s->cpus.bits, NR_CPUS))
		return nc_err(err, "--cpunodebind/--physcpubind: no CPUs left to run on");
	return 0;
}

static int script_booted(struct nc_machine *m, void *arg)
{
	struct nc_run *r = arg;
	struct task_struct *init = pid_task(find_pid_ns(1, m->init_pid_ns), PIDTYPE_PID);
	int ret;

	r->m = r->wl.m = m;
	ret = resolve(r->opts, m->topo, &r->setup, r->wl.err);
	if (ret)
		return ret;
	nc_report_snapshot(r);
	/* init has exec'd /sbin/init (kernel_init()'s run_init_process()) */
	if (!init->mm && (ret = nc_new_mm(m, init)))
		return ret;
	return nc_wl_setup(&r->wl, init, &r->setup);
}

static int script_created(struct nc_machine *m, struct task_struct *t, void *arg)
{
	(void)m;
	return nc_wl_record(&((struct nc_run *)arg)->wl, t);
}

static ssize_t discard(void *cookie, const char *buf, size_t size)
{
	(void)cookie;
	(void)buf;
	return (ssize_t)size;
}

struct rec_pages {
	const struct nc_topology *t;
	struct nc_task_record *rec;
};

static void count_rec_page(struct nc_pte *pte, void *arg)
{
	struct rec_pages *c = arg;

	if (pte->page && !(pte->flags & NC_PTE_ZERO))
		nc_wl_count_page(c->t, c->rec, page_to_nid(pte->page));
}

/* A script's tasks fault through the replayed calls (MAP_POPULATE,
 * MADV_POPULATE_*), so each created process still alive is credited with
 * the user pages its own address space holds at the end, its threads'
 * included. */
static void script_pages(struct nc_run *r)
{
	for (size_t i = 0; i < r->wl.nr_rec; i++) {
		struct task_struct *t = nc_wl_task(&r->wl, i);
		struct rec_pages c = { r->m->topo, &r->wl.rec[i] };

		if (!t || t->group_leader != t || !t->mm || (t->flags & PF_KTHREAD) ||
		    (t->real_parent && t->real_parent->mm == t->mm))
			continue;
		nc_pte_walk(&t->mm->pt, 0, ~0UL, count_rec_page, &c);
	}
}

/* The script through the replay engine; its own output is dropped. */
static int run_script(struct nc_run *r, const struct nc_run_opts *o, struct nc_error *err)
{
	struct nc_machine *kept = NULL;
	const struct nc_replay_hooks hooks = { script_booted, script_created, &kept, r };
	struct nc_replay_opts ro = {
		.topology = o->cfg.topology, .distance = o->cfg.distance, .name = o->script,
		.trace = o->trace, .trace_events = o->trace_events,
		.trace_format = o->trace_format, .hooks = &hooks,
	};
	struct nc_replay_stats stats;
	FILE *in = fopen(o->script, "r");
	FILE *sink = fopencookie(NULL, "w", (cookie_io_functions_t){ .write = discard });
	int ret;

	if (!in || !sink) {
		ret = nc_err(err, "%s: %s", o->script, strerror(errno));
		goto out;
	}
	ret = nc_replay(in, sink, &ro, &stats, err);
	if (!ret && !kept)
		ret = nc_err(err, "%s: no system call to run", o->script);
	r->m = kept;    /* NULL if the replay failed: it destroyed the machine */
	if (kept) {
		nc_rcu_drain(kept);     /* see nc_run_start() */
		script_pages(r);
	}
out:
	if (in)
		fclose(in);
	if (sink)
		fclose(sink);
	return ret;
}

int nc_run_start(struct nc_run *r, const struct nc_run_opts *o, struct nc_error *err)
{
	int ret;

	memset(r, 0, sizeof(*r));
	r->opts = o;
	r->wl.err = err;
	if (o->script) {
		snprintf(r->workload, sizeof(r->workload), "script %s", o->script);
		return run_script(r, o, err);
	}
	r->m = nc_machine_create(&o->cfg, err);
	if (!r->m)
		return -EINVAL;
	ret = resolve(o, r->m->topo, &r->setup, err);
	if (!ret && o->trace)
		ret = nc_trace_start(r->m, o->trace_events, 0, err);
	if (ret)
		return ret;
	nc_workload_format(&o->workload, r->workload, sizeof(r->workload));
	r->wl.m = r->m;
	nc_report_snapshot(r);
	ret = nc_workload_run(&r->wl, &o->workload, &r->setup);
	/* the machine idles once the workload is done: the grace periods
	 * end, and what reaped tasks left to RCU (task_structs, stacks,
	 * creds, pids) is freed before the report counts what is held */
	if (!ret)
		nc_rcu_drain(r->m);
	if (!ret && o->trace && nc_trace_write(r->m, o->trace, o->trace_format))
		ret = nc_err(err, "writing the trace failed");
	return ret;
}

void nc_run_end(struct nc_run *r)
{
	nc_wl_release(&r->wl);
	nc_machine_destroy(r->m);
	r->m = NULL;
}
