// SPDX-License-Identifier: GPL-2.0-only
/*
 * The replay engine: reads events, keeps the recorded-pid -> task map,
 * runs each call in its task through the syscall table, compares results,
 * and writes the report. A recorded pid that shows up before the clone that
 * creates it has returned (strace prints in order of completion) waits
 * until the clone names it; if the model's clone failed where the real one
 * succeeded, the child's calls run at the end, in a new child of init.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "arch/task.h"
#include "fs/file.h"
#include "kernel/cred.h"
#include "kernel/fork.h"
#include "kernel/exit.h"
#include "kernel/pid.h"
#include "kernel/sched/core.h"
#include "kernel/sched/prio.h"
#include "kernel/sched/syscalls.h"
#include "kernel/signal.h"
#include "kernel/sys.h"
#include "lib/error.h"
#include "mm/fault_inject.h"
#include "mm/mmap.h"
#include "mm/uaccess.h"
#include "strace/args.h"
#include "strace/merge.h"
#include "strace/reader.h"
#include "strace/replay.h"
#include "strace/syscalls.h"
#include "strace/writer.h"
#include "uapi/linux/mman.h"
#include "uapi/linux/sched.h"
#include "uapi/linux/signal.h"

#define STACK_PAGES (THREAD_SIZE / PAGE_SIZE)

struct pid_map {                 /* a recorded pid and its model task */
	pid_t recorded;
	struct task_struct *task;
	bool created;            /* by a replayed clone: placement below is set */
	bool seen;               /* the log shows an event of this pid */
	unsigned int first_cpu;  /* where the child was placed to run */
	int task_node;           /* node of its task_struct object */
	int stack_nodes[STACK_PAGES];
};

struct deferred {                /* an event of a pid no clone has named yet */
	struct strace_event ev;
	char *args, *decor;
};

struct call_count {
	char name[64];
	unsigned long calls, agree, disagree, unchecked;
	bool modelled;
};

#define RECENT_MAPS 64

struct nc_replay {
	const struct nc_replay_opts *opts;
	struct strace_merge *mg;     /* the input */
	const char *name;            /* the file of the event being handled */
	FILE *out;
	struct nc_error *err;
	struct nc_machine *m;
	char topology[256];          /* from "#! topology" */
	unsigned long long seed;     /* from "#! seed" */
	int next_cpu;                /* from "#! cpu": the next call's CPU, or -1 */
	struct pid_map *map;
	size_t nr_map, cap_map;
	bool first_unnamed;          /* the first task was mapped from an unprefixed log */
	struct deferred *defer;
	size_t nr_defer, cap_defer;
	struct deferred *exits;      /* exit and exit_group calls not yet run (below) */
	size_t nr_exits, cap_exits;
	bool running_exit;           /* one of them is running now */
	struct deferred *blocked;    /* calls of tasks waiting in a wait (below) */
	size_t nr_blocked, cap_blocked;
	bool one_file_per_task;      /* strace -ff: a wait may block until ... */
	bool draining;               /* ... the logs have ended */
	struct mapped {              /* the latest mappings the log made */
		unsigned long start, end;
		struct task_struct *mapper;
		bool owed;           /* displaced memory still mapped: an unmap is due */
	} mapped[RECENT_MAPS];
	unsigned int next_mapped;
	struct task_struct **unnamed;    /* made in a pid namespace, no line seen yet */
	size_t nr_unnamed, cap_unnamed;
	struct call_count *counts;
	size_t nr_counts, cap_counts;
	struct nc_replay_stats *stats;
	unsigned long scratch;       /* next free byte for nc_replay_place() */
	uint32_t adopted;            /* limits (bit = resource), ids (bit 16 + id) and
				        a missing capability taken from the log */
	struct task_struct *setid;   /* ran a set*id call the model does not have: */
	uint32_t readopted;          /* its ids are taken again (bit = id) */
	const struct strace_event *ev;   /* the call being run */
};

/* Where placed data starts: above 4 GiB, below where PIE binaries and
 * mmap() put things (0x55..., 0x7f...), so a log rarely reaches it. */
#define SCRATCH_BASE 0x100000000UL
#define SCRATCH_END  0x200000000UL
/* The largest range of the process's own memory a call makes the model map. */
#define OWN_MEMORY_MAX (1UL << 30)

/* Grows *arr (of *cap elements of size) to hold one more than n. */
static int grow(void **arr, size_t *cap, size_t n, size_t size)
{
	void *p;
	size_t c;

	if (n < *cap)
		return 0;
	c = *cap ? 2 * *cap : 16;
	p = realloc(*arr, c * size);
	if (!p)
		return -ENOMEM;
	*arr = p;
	*cap = c;
	return 0;
}

static bool page_is_free(const struct mm_struct *mm, unsigned long addr)
{
	return !vma_lookup(mm, addr) && !nc_addr_unmapped(mm, addr);
}

static struct task_struct *task_in(struct pid_namespace *ns, long nr)
{
	return nr > 0 && nr < 1L << 31 ? pid_task(find_pid_ns((int)nr, ns), PIDTYPE_PID) : NULL;
}

/* The task a number the model returned names: as current sees it. */
static struct task_struct *task_of(struct nc_replay *rp, long nr)
{
	return task_in(task_active_pid_ns(nc_current(rp->m)), nr);
}

/*
 * Whether current lives in a pid namespace below the initial one. strace
 * prefixes its lines with the tracer's numbers, but the calls of such a
 * task return and take numbers of its own namespace. A namespace starts
 * empty in the model as it did on the real machine, and allocates the same
 * way, so those numbers are compared and passed as they are.
 */
static bool in_pid_ns(const struct nc_replay *rp)
{
	return task_active_pid_ns(nc_current(rp->m)) != rp->m->init_pid_ns;
}

unsigned long nc_replay_place(struct nc_replay *rp, const void *data, size_t len)
{
	struct task_struct *t = nc_current(rp->m);
	unsigned long addr = (rp->scratch + 7) & ~7UL;

	if (!t || !t->mm || len > PAGE_SIZE)
		return 0;
	/* skip pages the log has mapped or unmapped: their contents are the log's */
	while (addr + len <= SCRATCH_END &&
	       !(page_is_free(t->mm, addr) && page_is_free(t->mm, addr + len - 1)))
		addr = (addr & PAGE_MASK) + PAGE_SIZE;
	if (addr + len > SCRATCH_END || copy_to_user(rp->m, addr, data, len))
		return 0;
	rp->scratch = addr + len;
	return addr;
}

unsigned long nc_replay_place_before_hole(struct nc_replay *rp, const void *data, size_t len)
{
	struct task_struct *t = nc_current(rp->m);
	unsigned long page = (rp->scratch + PAGE_SIZE - 1) & PAGE_MASK;

	if (!t || !t->mm || len > PAGE_SIZE)
		return 0;
	while (page + 2 * PAGE_SIZE <= SCRATCH_END &&
	       !(page_is_free(t->mm, page) && page_is_free(t->mm, page + PAGE_SIZE)))
		page += PAGE_SIZE;
	if (page + 2 * PAGE_SIZE > SCRATCH_END ||
	    copy_to_user(rp->m, page + PAGE_SIZE - len, data, len) ||
	    kernel_munmap(rp->m, page + PAGE_SIZE, PAGE_SIZE))
		return 0;
	rp->scratch = page + 2 * PAGE_SIZE;
	return page + PAGE_SIZE - len;
}

#define ADOPTED_IDS 16
#define ADOPTED_NICE 30
#define ADOPTED_NO_CAP 31   /* CAP_SYS_RESOURCE, the one calls here can tell */

void nc_replay_adopt_rlimit(struct nc_replay *rp, unsigned int resource, const struct rlimit *rlim)
{
	if (resource >= RLIM_NLIMITS || (rp->adopted & (1u << resource)))
		return;
	rp->adopted |= 1u << resource;
	nc_adopt_rlimit(rp->m, resource, rlim);
}

void nc_replay_adopt_id(struct nc_replay *rp, unsigned int which, unsigned int id)
{
	bool own = rp->setid && same_thread_group(rp->setid, nc_current(rp->m));
	uint32_t *done = own ? &rp->readopted : &rp->adopted;
	unsigned int bit = own ? which : ADOPTED_IDS + which;

	/* a new user namespace's ids tell nothing of the initial ones */
	if (which > NC_SGID || (*done & (1u << bit)) || !nc_in_init_user_ns(rp->m))
		return;
	/* no memory for a user's ucounts: the id stays, and is compared */
	if (!nc_adopt_id(rp->m, which, id, own))
		*done |= 1u << bit;
	/* the log's program was exec'd, which saved its effective ids */
	if (which == NC_EUID || which == NC_EGID)
		nc_replay_adopt_id(rp, which + 1, id);
}

void nc_replay_adopt_nice(struct nc_replay *rp, long nice)
{
	if (rp->adopted & (1u << ADOPTED_NICE))
		return;
	rp->adopted |= 1u << ADOPTED_NICE;
	if (nice < MIN_NICE || nice > MAX_NICE)
		return;
	/* nothing in the log set one yet: every task it has shown so far
	 * inherited the program's */
	for (size_t i = 0; i < rp->nr_map; i++)
		if (rp->map[i].task && !rp->map[i].task->exit_state)
			set_user_nice(rp->map[i].task, nice);
}

void nc_replay_adopt_no_cap(struct nc_replay *rp, int cap)
{
	if (rp->adopted & (1u << ADOPTED_NO_CAP))
		return;
	rp->adopted |= 1u << ADOPTED_NO_CAP;
	nc_adopt_no_cap(rp->m, cap);
}

const struct strace_event *nc_replay_event(const struct nc_replay *rp)
{
	return rp->ev;
}

struct nc_machine *nc_replay_machine(const struct nc_replay *rp)
{
	return rp->m;
}

static bool page_is_own(const struct mm_struct *mm, unsigned long addr)
{
	return page_is_free(mm, addr) && addr >= mm->mmap_min_addr && addr < TASK_SIZE_MAX;
}

/*
 * A call acting on a range of the address space that the log never mapped
 * or unmapped acts on the process's own memory (its image, heap, stack:
 * mapped at exec, before the log). The model maps those pages first, as
 * private read-write memory, so mprotect(), madvise() or mbind() find them
 * as the real kernel did.
 */
static void own_memory(struct nc_replay *rp, unsigned long start, unsigned long len)
{
	struct mm_struct *mm = nc_current(rp->m)->mm;
	unsigned long end = (start + len + PAGE_SIZE - 1) & PAGE_MASK;

	if (!mm || (start & ~PAGE_MASK) || !len || len > OWN_MEMORY_MAX || end <= start)
		return;
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		unsigned long gap = addr;

		while (gap < end && page_is_own(mm, gap))
			gap += PAGE_SIZE;
		if (gap > addr)
			kernel_mmap(rp->m, addr, gap - addr, PROT_READ | PROT_WRITE,
				    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, (unsigned long)-1, 0);
		addr = gap;
	}
}

static struct pid_map *map_find(struct nc_replay *rp, pid_t recorded)
{
	for (size_t i = 0; i < rp->nr_map; i++)
		if (rp->map[i].recorded == recorded)
			return &rp->map[i];
	return NULL;
}

long nc_replay_pid(struct nc_replay *rp, long recorded)
{
	struct pid_map *e = recorded > 0 && recorded < 1LL << 31 && !in_pid_ns(rp) ?
			    map_find(rp, (pid_t)recorded) : NULL;

	return e && e->task ? e->task->pid : recorded;
}

/* Whether a recorded pid names t (pid 0, the unprefixed lines, does not) */
static bool map_has_task(const struct nc_replay *rp, const struct task_struct *t)
{
	for (size_t i = 0; i < rp->nr_map; i++)
		if (rp->map[i].task == t && rp->map[i].recorded)
			return true;
	return false;
}

/* Maps recorded to t (a reused recorded pid now names the new task). */
static int map_bind(struct nc_replay *rp, pid_t recorded, struct task_struct *t)
{
	struct pid_map *e = map_find(rp, recorded);

	if (!e) {
		if (grow((void **)&rp->map, &rp->cap_map, rp->nr_map, sizeof(*rp->map)))
			return -ENOMEM;
		e = &rp->map[rp->nr_map++];
		memset(e, 0, sizeof(*e));
		e->recorded = recorded;
	}
	e->created = false;      /* bind_child() says where a created task landed */
	/* the replay keeps looking at a task after it exits and is reaped:
	 * pin it (the machine's teardown frees it) */
	e->task = get_task_struct(t);
	return 0;
}

/* Makes t current on its CPU, as the scheduler would before it runs. */
static void run_as(struct nc_machine *m, struct task_struct *t)
{
	nc_set_cpu(m, t->cpu);
	m->curr[t->cpu] = t;
}

/* A process the log starts with: init's child, which has exec'd the
 * program (a fresh address space). */
static struct task_struct *new_process(struct nc_replay *rp)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };
	struct task_struct *init = task_in(rp->m->init_pid_ns, 1), *t;

	/* a log that bound a pid to init and ended it leaves no parent */
	if (!init || (init->flags & PF_EXITING))
		return NULL;
	run_as(rp->m, init);
	t = task_of(rp, kernel_clone(rp->m, &args));
	/* the tracer waits for its child (wait4, ptrace stops): off its CPU */
	nc_sched_sleep(rp->m, init);
	if (t && nc_new_mm(rp->m, t))
		return NULL;
	/* with a shell's 0, 1 and 2 open: a log shows them used, never made */
	if (t) {
		run_as(rp->m, t);
		for (unsigned int fd = 0; fd < 3; fd++)
			if (nc_fd_adopt(rp->m, fd, false))
				return NULL;
	}
	return t;
}

static struct call_count *count_of(struct nc_replay *rp, const char *name, bool modelled)
{
	struct call_count *c;

	for (size_t i = 0; i < rp->nr_counts; i++)
		if (!strcmp(rp->counts[i].name, name))
			return &rp->counts[i];
	if (grow((void **)&rp->counts, &rp->cap_counts, rp->nr_counts, sizeof(*rp->counts)))
		return NULL;
	c = &rp->counts[rp->nr_counts++];
	memset(c, 0, sizeof(*c));
	snprintf(c->name, sizeof(c->name), "%s", name);
	c->modelled = modelled;
	return c;
}

static int boot(struct nc_replay *rp)
{
	struct nc_machine_config cfg = {
		.topology = rp->opts->topology ? rp->opts->topology
					       : rp->topology[0] ? rp->topology : "host",
		.distance = rp->opts->distance,
		.seed = rp->seed,
	};

	const struct nc_replay_hooks *h = rp->opts->hooks;
	int ret;

	rp->m = nc_machine_create(&cfg, rp->err);
	if (!rp->m)
		return -EINVAL;
	ret = rp->opts->trace ? nc_trace_start(rp->m, rp->opts->trace_events, 0, rp->err) : 0;
	return !ret && h && h->booted ? h->booted(rp->m, h->arg) : ret;
}

static int directive(struct nc_replay *rp, const struct strace_event *ev)
{
	const char *in = rp->name;
	uint64_t v;

	if (!strcmp(ev->name, "topology") || !strcmp(ev->name, "seed")) {
		if (rp->m)
			return nc_err(rp->err, "%s:%lu: '#! %s' must come before the first call",
				      in, ev->line, ev->name);
		if (ev->name[0] == 't') {
			if (!ev->args[0] || strlen(ev->args) >= sizeof(rp->topology))
				return nc_err(rp->err, "%s:%lu: '#! topology SPEC' needs a SPEC", in, ev->line);
			strcpy(rp->topology, ev->args);
			return 0;
		}
		if (strace_parse_num(ev->args, strlen(ev->args), &v))
			return nc_err(rp->err, "%s:%lu: '#! seed N' needs a number", in, ev->line);
		rp->seed = v;
		return 0;
	}
	if (!strcmp(ev->name, "cpu")) {
		if (!rp->m && boot(rp))
			return -EINVAL;
		if (strace_parse_num(ev->args, strlen(ev->args), &v) ||
		    v >= rp->m->topo->nr_cpu_ids || rp->m->topo->cpu_node[v] < 0)
			return nc_err(rp->err, "%s:%lu: '#! cpu %s': no such CPU on this topology",
				      in, ev->line, ev->args);
		rp->next_cpu = (int)v;
		return 0;
	}
	return nc_err(rp->err, "%s:%lu: unknown directive '#! %s'", in, ev->line, ev->name);
}

static int run_event(struct nc_replay *rp, const struct strace_event *ev, struct task_struct *t);
static int bind_child(struct nc_replay *rp, pid_t recorded, struct task_struct *child);

/* The entry of a recorded pid whose task can still act: a reaped task's
 * number, seen again, names a new task the clone has yet to return. */
static struct pid_map *map_live(struct nc_replay *rp, pid_t recorded)
{
	struct pid_map *e = map_find(rp, recorded);

	return e && e->task && e->task->exit_state == EXIT_DEAD ? NULL : e;
}

/* The task recorded pid runs as: mapped, or the first pid (a new child of
 * init). NULL means it must wait for the clone that creates it. */
static int task_for(struct nc_replay *rp, pid_t pid, struct task_struct **t)
{
	struct pid_map *e = map_live(rp, pid);

	*t = e ? e->task : NULL;
	if (e)
		return 0;
	if (!rp->nr_map) {
		*t = new_process(rp);
		/* as if it wrote N to /proc/thread-self/fail-nth first */
		if (*t && rp->opts->fail_nth)
			nc_fail_nth(rp->m, *t, rp->opts->fail_nth);
		rp->first_unnamed = pid == 0;
		return *t ? map_bind(rp, pid, *t) : -ENOMEM;
	}
	if (rp->nr_unnamed) {
		*t = rp->unnamed[0];
		memmove(rp->unnamed, rp->unnamed + 1, --rp->nr_unnamed * sizeof(*rp->unnamed));
		return bind_child(rp, pid, *t);
	}
	/* a log that began without pid prefixes: the first prefix names the first task */
	if (rp->first_unnamed && pid) {
		rp->first_unnamed = false;
		*t = map_find(rp, 0)->task;
		return map_bind(rp, pid, *t);
	}
	return 0;
}

/* Keeps a copy of ev at the end of a list of events. */
static int keep(struct deferred **list, size_t *nr, size_t *cap, const struct strace_event *ev)
{
	struct deferred *d;

	if (grow((void **)list, cap, *nr, sizeof(**list)))
		return -ENOMEM;
	d = &(*list)[*nr];
	d->ev = *ev;
	d->args = strdup(ev->args);
	d->decor = strdup(ev->decor);
	if (!d->args || !d->decor) {
		free(d->args);
		free(d->decor);
		return -ENOMEM;
	}
	d->ev.args = d->args;
	d->ev.decor = d->decor;
	(*nr)++;
	return 0;
}

static bool is_blocked(const struct nc_replay *rp, pid_t pid)
{
	for (size_t i = 0; i < rp->nr_blocked; i++)
		if (rp->blocked[i].ev.pid == pid)
			return true;
	return false;
}

static bool is_deferred(const struct nc_replay *rp, pid_t pid)
{
	for (size_t i = 0; i < rp->nr_defer; i++)
		if (rp->defer[i].ev.pid == pid)
			return true;
	return false;
}

static int defer(struct nc_replay *rp, const struct strace_event *ev)
{
	return keep(&rp->defer, &rp->nr_defer, &rp->cap_defer, ev);
}


static bool ends_task(const struct strace_event *ev)
{
	return ev->kind == STRACE_EXITED || ev->kind == STRACE_KILLED;
}

/* Runs the events that waited for pid, now that it has a task: up to its
 * "+++" line, the last of that task (a later task may reuse the number,
 * as set_tid does, and its events wait for its own clone). */
static int run_deferred(struct nc_replay *rp, pid_t pid, struct task_struct *t)
{
	size_t n = 0, kept = 0;
	struct deferred *mine;
	bool ended = false;
	int ret = 0;

	for (size_t i = 0; i < rp->nr_defer && !ended; i++)
		if (rp->defer[i].ev.pid == pid) {
			n++;
			ended = ends_task(&rp->defer[i].ev);
		}
	if (!n)
		return 0;
	mine = malloc(n * sizeof(*mine));
	if (!mine)
		return -ENOMEM;
	n = 0;
	ended = false;
	for (size_t i = 0; i < rp->nr_defer; i++) {
		if (rp->defer[i].ev.pid == pid && !ended) {
			mine[n++] = rp->defer[i];
			ended = ends_task(&rp->defer[i].ev);
		} else {
			rp->defer[kept++] = rp->defer[i];
		}
	}
	rp->nr_defer = kept;
	for (size_t i = 0; i < n; i++) {
		if (!ret)
			ret = run_event(rp, &mine[i].ev, t);
		free(mine[i].args);
		free(mine[i].decor);
	}
	free(mine);
	return ret;
}

/* A recorded child pid now has its model task. */
static int bind_child(struct nc_replay *rp, pid_t recorded, struct task_struct *child)
{
	struct pid_map *e;
	int ret;

	if (!child)
		return 0;
	ret = map_bind(rp, recorded, child);
	if (ret)
		return ret;
	/* kept now: the stack goes back to a cache when the child exits */
	e = map_find(rp, recorded);
	e->created = true;
	e->first_cpu = child->cpu;
	e->task_node = nc_task_placement(rp->m, child, e->stack_nodes, STACK_PAGES);
	if (rp->opts->hooks && rp->opts->hooks->created &&
	    (ret = rp->opts->hooks->created(rp->m, child, rp->opts->hooks->arg)))
		return ret;
	return run_deferred(rp, recorded, child);
}

/*
 * A child made inside a pid namespace: the log gave its number there, not
 * the tracer's number its lines carry. Those lines are the first of a pid
 * the log has not named: waiting already, or still to come.
 */
static int bind_nested_child(struct nc_replay *rp, struct task_struct *child)
{
	if (!child)
		return 0;
	for (size_t i = 0; i < rp->nr_defer; i++)
		if (!map_live(rp, rp->defer[i].ev.pid))
			return bind_child(rp, rp->defer[i].ev.pid, child);
	if (grow((void **)&rp->unnamed, &rp->cap_unnamed, rp->nr_unnamed, sizeof(*rp->unnamed)))
		return -ENOMEM;
	rp->unnamed[rp->nr_unnamed++] = get_task_struct(child);  /* the teardown frees it */
	return 0;
}

/* Pids agree if the recorded one maps to the task the model's names. An
 * unmapped recorded pid (the tracer's shell as the first parent) is bound
 * to the model's task if that task has no recorded pid yet. */
static bool same_pid(struct nc_replay *rp, long long recorded, long model)
{
	struct pid_map *e = recorded > 0 && recorded < 1LL << 31 ? map_find(rp, (pid_t)recorded) : NULL;
	struct task_struct *t = task_of(rp, model);

	if (recorded == 0 || model == 0 || in_pid_ns(rp))
		return recorded == model;
	if (!e && t && !map_has_task(rp, t)) {
		if (rp->first_unnamed && map_find(rp, 0)->task == t)
			rp->first_unnamed = false;   /* the first task's real pid, learnt */
		return map_bind(rp, (pid_t)recorded, t) == 0;
	}
	/* a reaped task (wait4's result) has no pid left to look up: its
	 * pinned task_struct still knows the number */
	if (e && !t)
		return e->task && e->task->pid == model;
	return e && e->task == t;
}

/* models what strace would print for the model's return value */
static void model_result(struct strace_event *out, const struct strace_event *ev,
			 const struct nc_syscall *sc, long ret, const struct task_struct *t)
{
	*out = *ev;
	out->pid = t->pid;
	out->time[0] = out->duration[0] = '\0';
	out->decor = "";
	out->unfinished = false;
	out->err = 0;
	out->base = ev->result == RESULT_VALUE ? ev->base : 10;
	if (sc->flags & SYSCALL_NORETURN) {
		out->result = RESULT_UNKNOWN;
	} else if (ret < 0 && ret >= -4095) {
		out->result = RESULT_ERROR;
		out->retval = -1;
		out->err = (int)-ret;
	} else {
		out->result = RESULT_VALUE;
		out->retval = ret;
	}
}

static bool agrees(struct nc_replay *rp, const struct strace_event *ev,
		   const struct strace_event *model, const struct nc_syscall *sc)
{
	switch (ev->result) {
	case RESULT_UNKNOWN:
		return model->result == RESULT_UNKNOWN && model->err == ev->err;
	case RESULT_ERROR:
		return model->result == RESULT_ERROR && model->err == ev->err;
	case RESULT_VALUE:
		if (model->result != RESULT_VALUE)
			return false;
		/* the group and session the log's first task inherits are the
		 * tracer's, which no model task stands for: in the model they
		 * are the boot task's (0) */
		if ((sc->flags & SYSCALL_RET_GROUP) && model->retval == 0 && ev->retval > 0 &&
		    !map_find(rp, (pid_t)ev->retval))
			return true;
		if (sc->flags & (SYSCALL_RET_PID | SYSCALL_NEW_TASK))
			return same_pid(rp, ev->retval, (long)model->retval);
		return model->retval == ev->retval;
	default:
		return true;
	}
}

static void report(struct nc_replay *rp, const struct strace_event *ev,
		   const struct strace_event *model, const char *why)
{
	fprintf(rp->out, "line %lu: log:   ", ev->line);
	strace_write_event(rp->out, ev);
	if (why) {
		fprintf(rp->out, "line %lu: model: %s\n", ev->line, why);
		return;
	}
	fprintf(rp->out, "line %lu: model: ", ev->line);
	strace_write_event(rp->out, model);
}

/* A number the log printed after key in a call's arguments ("si_pid=", a
 * status's "WEXITSTATUS(s) == "), or fallback. */
static long logged_number(const struct strace_event *ev, const char *key, long fallback)
{
	const char *at = strstr(ev->args, key);
	char *end;
	long v;

	if (!at)
		return fallback;
	v = strtol(at + strlen(key), &end, 0);
	return end == at + strlen(key) ? fallback : v;
}

/*
 * A wait that sleeps in the model but returned in the log, for a child the
 * log never shows (created CLONE_UNTRACED, or a log recorded without -f):
 * that child ran and exited unseen, so the model ends it now, with the
 * status the log reports, and the wait runs again. True if it did.
 */
static bool end_unseen_child(struct nc_replay *rp, const struct strace_event *ev,
			     struct task_struct *t)
{
	long recorded = ev->result != RESULT_VALUE ? 0 :
			!strcmp(ev->name, "wait4") ? ev->retval : logged_number(ev, "si_pid=", 0);
	struct pid_map *e = recorded > 0 && recorded < 1L << 31 ? map_find(rp, (pid_t)recorded) : NULL;

	if (!e || e->seen || !e->task || e->task->exit_state)
		return false;
	run_as(rp->m, e->task);
	kernel_exit_group(rp->m, (int)logged_number(ev, "WEXITSTATUS(s) == ",
						    logged_number(ev, "si_status=", 0)));
	e->seen = true;
	run_as(rp->m, t);
	return true;
}

/*
 * A wait the log shows returning while the model has yet to see its child
 * exit: one the model would sleep in, or a WNOHANG wait4() that found no
 * zombie where the real one reaped a child. With one file per task
 * (strace -ff, files run one by one when untimed) the child's exit may
 * still be to come: the task waits for it as it would.
 */
static bool waits_for_child_file(const struct nc_replay *rp, const struct strace_event *ev,
				 long ret)
{
	if (!rp->one_file_per_task || rp->draining || ev->result == RESULT_NONE ||
	    ev->result == RESULT_UNKNOWN)
		return false;
	return ret == NC_WAIT_SLEEPS ||
	       (ret == 0 && !strcmp(ev->name, "wait4") && ev->result == RESULT_VALUE && ev->retval > 0);
}

static int run_call(struct nc_replay *rp, const struct strace_event *ev, struct task_struct *t);
static void end_task(struct nc_replay *rp, const struct strace_event *ev, struct task_struct *t);

/*
 * strace prints "exit_group(0) = ?" as the call begins; the task is a
 * zombie, for its parent's wait to find, only when strace reports
 * "+++ exited with 0 +++". So exit and exit_group run at that line (or
 * when a wait reaps the task, in a log without those lines, or at the end):
 * a wait4(-1) between the two finds the zombies the real one could find.
 */
enum exits_of { EXITS_OF_TASK, EXITS_OF_GROUP, EXITS_OF_CHILDREN, EXITS_OF_ALL };

static bool exit_matches(const struct task_struct *t, const struct task_struct *of,
			 enum exits_of which)
{
	switch (which) {
	case EXITS_OF_TASK:
		return t == of;
	case EXITS_OF_GROUP:
		return t->group_leader == of->group_leader;
	case EXITS_OF_CHILDREN:
		return t->real_parent && t->real_parent->group_leader == of->group_leader;
	default:
		return true;
	}
}

static int run_exits(struct nc_replay *rp, const struct task_struct *of, enum exits_of which)
{
	int ret = 0;

	for (size_t i = 0; i < rp->nr_exits && !ret;) {
		struct deferred d = rp->exits[i];
		struct pid_map *e = map_find(rp, d.ev.pid);

		if (!e || !e->task || !exit_matches(e->task, of, which)) {
			i++;
			continue;
		}
		memmove(rp->exits + i, rp->exits + i + 1, (--rp->nr_exits - i) * sizeof(*rp->exits));
		rp->running_exit = true;
		if (d.ev.kind == STRACE_CALL)
			ret = run_call(rp, &d.ev, e->task);
		else
			end_task(rp, &d.ev, e->task);
		rp->running_exit = false;
		free(d.args);
		free(d.decor);
	}
	return ret;
}

/* At t's "+++" line: its own exit call if it made one (a thread that
 * called exit() ends by itself, even if strace printed its group's
 * exit_group() first), else its group's. */
static int run_exits_of(struct nc_replay *rp, struct task_struct *t)
{
	int ret = run_exits(rp, t, EXITS_OF_TASK);

	return ret || t->exit_state ? ret : run_exits(rp, t, EXITS_OF_GROUP);
}

/*
 * A child's "+++ exited" line while its parent may be inside a wait: one
 * strace showed begun ("wait4(-1,  <unfinished ...>"), or one it has not
 * shown yet (the parent shows no call in flight: strace -z and
 * -e status=... print a call whole at its end). The first child whose
 * zombie strace let its parent see woke the parent, which reaped it while
 * strace went on printing the others' exits. So those exits wait for the
 * parent's next call: a wait names its child (exits_before_wait()), any
 * other call comes after them all. init stands for the tracer, which
 * never shows a call: its children's exits run at once.
 */
static bool parent_may_wait(struct nc_replay *rp, const struct task_struct *t)
{
	const struct task_struct *p = t->group_leader->real_parent;

	if (!p || p == task_in(rp->m->init_pid_ns, 1))
		return false;
	for (size_t i = 0; i < rp->nr_map; i++) {
		const struct pid_map *e = &rp->map[i];
		const char *name;

		if (!e->recorded || !e->task || e->task->group_leader != p->group_leader ||
		    e->task->exit_state)
			continue;
		name = strace_merge_in_flight(rp->mg, e->recorded);
		if (!name || !strcmp(name, "wait4") || !strcmp(name, "waitid"))
			return true;
	}
	return false;
}

/* The task of the i-th held exit if it is a "+++" line, else NULL. */
static struct task_struct *held_line(struct nc_replay *rp, size_t i)
{
	struct pid_map *e = rp->exits[i].ev.kind == STRACE_CALL ? NULL
			    : map_find(rp, rp->exits[i].ev.pid);

	return e ? e->task : NULL;
}

/* The held "+++" exits of t's children, in the log's order, up to the
 * line of child stop (all if NULL; none if stop's line is not held). */
static int release_held_exits(struct nc_replay *rp, struct task_struct *t,
			      const struct task_struct *stop)
{
	bool held = !stop, ran = false;
	int ret = 0;

	for (size_t i = 0; i < rp->nr_exits && !held; i++)
		held = held_line(rp, i) && exit_matches(held_line(rp, i), stop, EXITS_OF_GROUP);
	for (size_t i = 0; i < rp->nr_exits && held && !ret;) {
		struct task_struct *c = held_line(rp, i);

		if (c && stop && exit_matches(c, stop, EXITS_OF_GROUP))
			break;
		if (c && exit_matches(c, t, EXITS_OF_CHILDREN)) {
			ret = run_exits_of(rp, c);
			ran = true;
			i = 0;
		} else {
			i++;
		}
	}
	if (ran && !t->exit_state)     /* t acts next */
		run_as(rp->m, t);
	return ret;
}

/* The held exits of of's thread group: task by task in the order of their
 * "+++" lines, each ending by its own exit call first (a thread whose
 * exit() began before its group's exit_group() leaves by itself), then
 * any left (an exit_group() without its "+++" line yet). */
static int run_group_exits(struct nc_replay *rp, const struct task_struct *of)
{
	int ret = 0;

	for (size_t i = 0; i < rp->nr_exits && !ret;) {
		struct task_struct *c = held_line(rp, i);

		if (c && exit_matches(c, of, EXITS_OF_GROUP)) {
			ret = run_exits_of(rp, c);
			i = 0;
		} else {
			i++;
		}
	}
	return ret ?: run_exits(rp, of, EXITS_OF_GROUP);
}

/*
 * Before a wait: the exits of the child the log says it reaped, and those
 * strace printed before it (they were zombies first; those printed after
 * it may not have been when the wait looked), or, if the log names none,
 * of every child.
 */
static int exits_before_wait(struct nc_replay *rp, const struct strace_event *ev,
			     struct task_struct *t)
{
	long recorded = ev->result != RESULT_VALUE ? -1 :
			!strcmp(ev->name, "wait4") ? ev->retval : logged_number(ev, "si_pid=", 0);
	struct pid_map *e = recorded > 0 && recorded < 1L << 31 ? map_find(rp, (pid_t)recorded) : NULL;
	int ret;

	if (recorded == 0)
		return 0;
	if (e && e->task)
		ret = release_held_exits(rp, t, e->task) ?: run_group_exits(rp, e->task);
	else
		ret = run_exits(rp, t, EXITS_OF_CHILDREN);
	run_as(rp->m, t);
	return ret;
}

/*
 * Threads race on the address space, and strace's lines do not always
 * show the kernel's order: thread A's munmap() may be printed after thread
 * B's mmap() that got the same addresses back (A's call had unmapped them
 * first; its line came late, or strace -z printed it at its end). The
 * model notices when a recorded mmap() lands on memory still mapped (it
 * displaces it); the first munmap() of that range by another task of the
 * same address space is then the late line, and leaves B's mapping alone.
 */
static bool owes_unmap(const struct mapped *mp, const struct task_struct *t,
		       unsigned long from, unsigned long to)
{
	return mp->owed && mp->mapper != t && mp->mapper->mm == t->mm && mp->end > from &&
	       mp->start < to;
}

static long unmap_but_owed(struct nc_replay *rp, struct task_struct *t, unsigned long start,
			   unsigned long end)
{
	unsigned long from = start;
	long ret = 0;

	while (from < end) {
		unsigned long to = end, next = end;

		for (unsigned int i = 0; i < RECENT_MAPS; i++) {
			struct mapped *mp = &rp->mapped[i];

			if (!owes_unmap(mp, t, from, to))
				continue;
			if (mp->start <= from) {     /* from is owed: skip past it */
				to = from;
				next = mp->end < end ? mp->end : end;
				break;
			}
			to = mp->start;
			next = to;
		}
		if (to > from && (ret = kernel_munmap(rp->m, from, to - from)))
			return ret;
		from = next > from ? next : end;
	}
	for (unsigned int i = 0; i < RECENT_MAPS; i++)   /* paid, or unmapped by its owner */
		if (rp->mapped[i].owed && rp->mapped[i].end > start && rp->mapped[i].start < end)
			rp->mapped[i].owed = false;
	return ret;
}

/* Whether a SYSCALL_IF_SUCCEEDED call runs: the log's success (a new fd's
 * number, execve's 0), or a script line that says nothing; a new fd's
 * EMFILE too, since only a table already full gives it */
static bool runs_if_succeeded(const struct strace_event *ev, const struct nc_syscall *sc)
{
	if (ev->result == RESULT_NONE)
		return !ev->unfinished;
	if (sc->flags & SYSCALL_NEW_FD)
		return ev->result == RESULT_VALUE ||
		       (ev->result == RESULT_ERROR && ev->err == EMFILE);
	return ev->result == RESULT_VALUE && !ev->retval;
}

/* A set*id call that succeeded: the model, which does not have them, takes
 * the task's ids from the log again (nc_replay_adopt_id()) */
static bool changes_ids(const struct strace_event *ev)
{
	static const char *const calls[] = { "setuid", "setgid", "setreuid", "setregid",
					     "setresuid", "setresgid" };

	for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
		if (!strcmp(ev->name, calls[i]))
			return ev->result == RESULT_VALUE && ev->retval == 0;
	return false;
}

static int run_call(struct nc_replay *rp, const struct strace_event *ev, struct task_struct *t)
{
	const struct nc_syscall *sc = nc_syscall_find(ev->name);
	struct call_count *c = count_of(rp, ev->name, sc != NULL);
	struct syscall_regs regs = { { 0 } };
	struct strace_event model;
	struct strace_args args;
	char wrote[128];
	int split, decoded;
	unsigned long unmap_end;
	bool displaced;
	long ret;

	if (!c)
		return -ENOMEM;
	if (sc && (sc->flags & SYSCALL_NORETURN) && !rp->running_exit)
		return keep(&rp->exits, &rp->nr_exits, &rp->cap_exits, ev);
	c->calls++;
	if (!sc) {
		rp->stats->not_modelled++;
		if (changes_ids(ev)) {
			rp->setid = t;
			rp->readopted = 0;
		}
		return 0;
	}
	rp->stats->modelled++;
	nc_trace_advance(rp->m, NC_TRACE_SYSCALL_NS);
	if (t->exit_state) {     /* the model ended this task earlier than the log */
		c->disagree += rp->opts->check;
		rp->stats->disagree += rp->opts->check;
		if (rp->opts->check)
			report(rp, ev, NULL, "the task has already exited");
		return 0;
	}
	if (rp->next_cpu >= 0) {      /* "#! cpu N": this task moves there first */
		t->cpu = (unsigned int)rp->next_cpu;
		rp->next_cpu = -1;
	}
	run_as(rp->m, t);             /* decoders place data in this task's memory */
	/* it comes from user space, where its pending signals were delivered
	 * (strace's "--- SIG... ---" lines) */
	nc_deliver_signals(t);
	rp->ev = ev;
	/* "= ? ERESTARTNOINTR": a signal came first; the kernel undid nothing
	 * because it had done nothing, and the call runs again on the next line */
	if (ev->result == RESULT_UNKNOWN && ev->err && !(sc->flags & SYSCALL_NORETURN)) {
		c->unchecked++;
		rp->stats->unchecked++;
		return 0;
	}
	/* a call that can fail for what the model cannot see (execve's file)
	 * runs where the log says it succeeded, or a script line says nothing */
	if ((sc->flags & SYSCALL_IF_SUCCEEDED) && !runs_if_succeeded(ev, sc)) {
		c->unchecked++;
		rp->stats->unchecked++;
		return 0;
	}
	split = strace_split(ev->args, strlen(ev->args), &args);
	decoded = split ? -EINVAL : sc->decode(rp, &args, &regs, rp->err);
	if (decoded) {
		char why[sizeof(rp->err->msg)];

		snprintf(why, sizeof(why), "%s", split ? "the arguments do not split" : rp->err->msg);
		if (rp->opts->strict && !ev->unfinished)
			return nc_err(rp->err, "%s:%lu: %s(): %s", rp->name, ev->line, ev->name, why);
		/* named and counted, not fatal: one call the model cannot read
		 * does not end the replay (nor does one the log cut short) */
		if (!ev->unfinished)
			fprintf(rp->out, "line %lu: not decoded: %s(): %s\n", ev->line, ev->name, why);
		c->unchecked++;
		rp->stats->unchecked++;
		return 0;
	}
	if (sc->flags & SYSCALL_USER_RANGE)
		own_memory(rp, regs.arg[0], regs.arg[1]);
	if ((sc->flags & SYSCALL_WAIT) && (ret = exits_before_wait(rp, ev, t)))
		return (int)ret;
	displaced = (sc->flags & SYSCALL_MAPS) && t->mm && regs.arg[0] + regs.arg[1] > regs.arg[0] &&
		    find_vma_intersection(t->mm, regs.arg[0], regs.arg[0] + regs.arg[1]);
	unmap_end = (regs.arg[0] + regs.arg[1] + PAGE_SIZE - 1) & PAGE_MASK;
	if ((sc->flags & SYSCALL_UNMAPS) && t->mm && !(regs.arg[0] & ~PAGE_MASK) &&
	    unmap_end > regs.arg[0] && unmap_end <= TASK_SIZE_MAX)   /* else the call's EINVAL */
		ret = unmap_but_owed(rp, t, regs.arg[0], unmap_end);
	else
		ret = sc->entry(rp->m, &regs);
	run_as(rp->m, t);     /* the call may have switched tasks (a vfork parent sleeps) */
	if (ret == SYSCALL_UNANSWERED) {
		/* fcntl(F_GETFL): what the model does not keep; the log's answer
		 * stands ("?" where a script line gives none) */
		c->unchecked++;
		rp->stats->unchecked++;
		if (!rp->opts->check) {
			model_result(&model, ev, sc, 0, t);
			model.result = ev->result == RESULT_NONE ? RESULT_UNKNOWN : ev->result;
			model.retval = ev->retval;
			model.err = ev->err;
			strace_write_event(rp->out, &model);
		}
		return 0;
	}
	if ((sc->flags & SYSCALL_MAPS) && ret >= 0 && regs.arg[1])
		rp->mapped[rp->next_mapped++ % RECENT_MAPS] = (struct mapped){
			(unsigned long)ret, (unsigned long)ret + regs.arg[1], t, displaced };
	if ((sc->flags & SYSCALL_WAIT) && waits_for_child_file(rp, ev, ret)) {
		c->calls--;
		rp->stats->modelled--;
		return keep(&rp->blocked, &rp->nr_blocked, &rp->cap_blocked, ev);
	}
	/* in one log (strace prints a child's exit before its parent's wait
	 * returns), or at the end, a child the log never shows has exited
	 * unseen */
	if ((sc->flags & SYSCALL_WAIT) && ret == NC_WAIT_SLEEPS && ev->result != RESULT_NONE &&
	    ev->result != RESULT_UNKNOWN && end_unseen_child(rp, ev, t))
		ret = sc->entry(rp->m, &regs);
	if ((sc->flags & SYSCALL_WAIT) && rp->nr_exits) {
		int err = release_held_exits(rp, t, NULL);

		if (err)
			return err;
	}
	model_result(&model, ev, sc, ret, t);
	if ((sc->flags & SYSCALL_NEW_TASK) && ret > 0 && ev->result == RESULT_VALUE && ev->retval > 0) {
		struct task_struct *child = task_of(rp, ret);
		int err = in_pid_ns(rp) ? bind_nested_child(rp, child)
					: bind_child(rp, (pid_t)ev->retval, child);

		if (err)
			return err;
		run_as(rp->m, t);                   /* the child's waiting calls ran */
		c = count_of(rp, ev->name, true);   /* and may have moved the count */
		if (!c)
			return -ENOMEM;
	}
	if (!rp->opts->check) {
		strace_write_event(rp->out, &model);
	} else if (ev->result == RESULT_NONE) {
		c->unchecked++;
		rp->stats->unchecked++;
	} else if (!agrees(rp, ev, &model, sc)) {
		c->disagree++;
		rp->stats->disagree++;
		report(rp, ev, &model, NULL);
	} else if (sc->check && ret >= 0 && !sc->check(rp->m, &args, &regs, wrote, sizeof(wrote))) {
		c->disagree++;             /* what it wrote (pipe2's fds) differs */
		rp->stats->disagree++;
		report(rp, ev, NULL, wrote);
	} else {
		c->agree++;
		rp->stats->agree++;
	}
	return 0;
}

/*
 * "+++ exited with N +++" or "+++ killed by SIG +++" for a task the model
 * still runs: it ended without a call the model ran (killed by a signal,
 * its last call cut off, or not shown: strace -z hides exit's "= ?"). A
 * signal ends the thread group; an exit, the thread (strace prints the
 * line for each), or the group with its last thread.
 */
static void end_task(struct nc_replay *rp, const struct strace_event *ev, struct task_struct *t)
{
	if (!t || t->exit_state)
		return;
	run_as(rp->m, t);
	if (ev->kind == STRACE_KILLED)
		do_group_exit(rp->m, ev->status | (ev->core_dumped ? 0x80 : 0));
	else if (t->signal->live > 1)
		kernel_exit(rp->m, ev->status);
	else
		kernel_exit_group(rp->m, ev->status);
}

/*
 * "+++ superseded by execve in pid T +++" among leader L's lines: thread
 * T's execve, which completes under L's pid, takes L's pid over
 * (exchange_tids() in de_thread()). The two recorded pids swap tasks, and
 * what is known of each task with it, so that L names the exec'ing thread
 * and T the leader the exec releases.
 */
static void exec_takes_over(struct nc_replay *rp, pid_t leader, pid_t thread)
{
	struct pid_map *l = map_find(rp, leader), *t = map_find(rp, thread), swap;

	if (!l || !t)
		return;
	swap = *l;
	*l = *t;
	*t = swap;
	l->recorded = leader;
	t->recorded = thread;
}

static int run_event(struct nc_replay *rp, const struct strace_event *ev, struct task_struct *t)
{
	struct pid_map *e = map_find(rp, ev->pid);
	const struct nc_syscall *sc;
	int ret;

	if (is_blocked(rp, ev->pid))      /* behind its task's wait */
		return keep(&rp->blocked, &rp->nr_blocked, &rp->cap_blocked, ev);

	if (e)
		e->seen = true;
	if (ev->kind == STRACE_SUPERSEDED)
		exec_takes_over(rp, ev->pid, (pid_t)ev->status);
	/* t acts (a wait names its child in run_call()): its children's
	 * exits the log printed first came first */
	if (t && rp->nr_exits && ev->kind != STRACE_SIGNAL &&
	    !(ev->kind == STRACE_CALL && (sc = nc_syscall_find(ev->name)) &&
	      (sc->flags & SYSCALL_WAIT)) &&
	    (ret = release_held_exits(rp, t, NULL)))
		return ret;
	if (ends_task(ev) && t) {
		if (!t->exit_state && parent_may_wait(rp, t))
			return keep(&rp->exits, &rp->nr_exits, &rp->cap_exits, ev);
		ret = run_exits_of(rp, t);
		if (ret)
			return ret;
		end_task(rp, ev, t);
	}
	return ev->kind == STRACE_CALL ? run_call(rp, ev, t) : 0;
}

/* Runs again, in order, the calls of each task that slept in a wait; a
 * wait that still sleeps keeps the rest of its task's calls behind it. */
static int unblock(struct nc_replay *rp)
{
	size_t n = rp->nr_blocked;
	struct deferred *list = rp->blocked;
	int ret = 0;

	rp->blocked = NULL;
	rp->nr_blocked = rp->cap_blocked = 0;
	for (size_t i = 0; i < n; i++) {
		struct pid_map *e = map_find(rp, list[i].ev.pid);

		if (!ret && is_blocked(rp, list[i].ev.pid))
			ret = keep(&rp->blocked, &rp->nr_blocked, &rp->cap_blocked, &list[i].ev);
		else if (!ret)
			ret = run_event(rp, &list[i].ev, e ? e->task : NULL);
		free(list[i].args);
		free(list[i].decor);
	}
	free(list);
	return ret;
}

static int handle(struct nc_replay *rp, const struct strace_event *ev)
{
	struct task_struct *t;
	int ret;

	if (ev->kind == STRACE_DIRECTIVE)
		return directive(rp, ev);
	if (!rp->m && boot(rp))
		return -EINVAL;
	/* a line about a reaped task ("+++ exited", a signal) is not a new
	 * one's, unless a new task of that number has calls waiting for its
	 * clone: it is theirs */
	if (ev->kind != STRACE_CALL && map_find(rp, ev->pid) &&
	    (map_live(rp, ev->pid) || !is_deferred(rp, ev->pid))) {
		ret = run_event(rp, ev, map_find(rp, ev->pid)->task);
		if (!ret && rp->nr_blocked && ends_task(ev))
			ret = unblock(rp);
		return ret;
	}
	ret = task_for(rp, ev->pid, &t);
	if (ret)
		return ret;
	ret = t ? run_event(rp, ev, t) : defer(rp, ev);
	if (!ret && rp->nr_blocked && ends_task(ev))
		ret = unblock(rp);
	return ret;
}

/* At the end, pids no clone named become children of init, in order. */
static int run_orphans(struct nc_replay *rp)
{
	while (rp->nr_defer) {
		pid_t pid = rp->defer[0].ev.pid;
		struct task_struct *t = new_process(rp);
		int ret = t ? map_bind(rp, pid, t) : -ENOMEM;

		if (!ret)
			ret = run_deferred(rp, pid, t);
		if (ret)
			return ret;
	}
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct call_count *)a)->name, ((const struct call_count *)b)->name);
}

/* Where each created task's kernel memory landed, as it was at creation. */
static void placement(struct nc_replay *rp)
{
	bool header = false;

	for (size_t i = 0; i < rp->nr_map; i++) {
		const struct pid_map *e = &rp->map[i];

		if (!e->created)
			continue;
		if (!header)
			fprintf(rp->out, "%-24s %8s %8s %8s %s\n", "created task", "pid",
				"cpu", "ts_node", "stack_nodes");
		header = true;
		fprintf(rp->out, "%-24s %8d %8u %8d", e->task->comm, (int)e->recorded,
			e->first_cpu, e->task_node);
		for (unsigned int p = 0; p < STACK_PAGES; p++)
			fprintf(rp->out, "%s%d", p ? "," : " ", e->stack_nodes[p]);
		fputc('\n', rp->out);
	}
}

static void summary(struct nc_replay *rp, struct strace_merge *mg)
{
	const struct nc_replay_stats *s = rp->stats;
	const unsigned long *lines;
	size_t nr_lines;
	bool check = rp->opts->check;

	if (rp->nr_counts)
		qsort(rp->counts, rp->nr_counts, sizeof(*rp->counts), by_name);
	if (check)
		fprintf(rp->out, "%-24s %8s %8s %8s %9s\n", "modelled", "calls", "agree",
			"disagree", "unchecked");
	else
		fprintf(rp->out, "%-24s %8s\n", "modelled", "calls");
	for (size_t i = 0; i < rp->nr_counts; i++) {
		const struct call_count *c = &rp->counts[i];

		if (!c->modelled)
			continue;
		if (check)
			fprintf(rp->out, "%-24s %8lu %8lu %8lu %9lu\n", c->name, c->calls,
				c->agree, c->disagree, c->unchecked);
		else
			fprintf(rp->out, "%-24s %8lu\n", c->name, c->calls);
	}
	fprintf(rp->out, "%-24s %8s\n", "not modelled", "calls");
	for (size_t i = 0; i < rp->nr_counts; i++)
		if (!rp->counts[i].modelled)
			fprintf(rp->out, "%-24s %8lu\n", rp->counts[i].name, rp->counts[i].calls);
	placement(rp);
	for (size_t f = 0; f < strace_merge_files(mg); f++) {
		unsigned long unknown = strace_merge_unknown(mg, f, &lines, &nr_lines);

		if (!unknown)
			continue;
		if (strace_merge_files(mg) > 1)
			fprintf(rp->out, "lines not understood in %s: %lu (", strace_merge_name(mg, f),
				unknown);
		else
			fprintf(rp->out, "lines not understood: %lu (", unknown);
		for (size_t i = 0; i < nr_lines; i++)
			fprintf(rp->out, "%s%lu", i ? ", " : "", lines[i]);
		fprintf(rp->out, "%s)\n", unknown > nr_lines ? ", ..." : "");
	}
	if (check)
		fprintf(rp->out, "replay: %lu agree, %lu disagree, %lu not modelled\n",
			s->agree, s->disagree, s->not_modelled);
	else
		fprintf(rp->out, "replay: %lu modelled, %lu not modelled\n",
			s->modelled, s->not_modelled);
}

static void free_events(struct deferred *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].args);
		free(list[i].decor);
	}
	free(list);
}

int nc_replay_files(FILE *const *in, const char *const *names, size_t n, FILE *out,
		    const struct nc_replay_opts *opts, struct nc_replay_stats *stats,
		    struct nc_error *err)
{
	struct nc_replay rp = {
		.opts = opts, .name = names[0], .out = out, .err = err, .next_cpu = -1,
		.stats = stats, .scratch = SCRATCH_BASE, .one_file_per_task = n > 1,
	};
	struct strace_merge *mg;
	const struct strace_event *ev;
	int ret = 0;

	memset(stats, 0, sizeof(*stats));
	mg = strace_merge_new(in, names, n, opts->strict, err);
	if (!mg)
		return -EINVAL;
	rp.mg = mg;
	while (!ret && (ev = strace_merge_next(mg, &rp.name, err)))
		ret = handle(&rp, ev);
	if (!ret && strace_merge_failed(mg))
		ret = -EINVAL;
	if (!ret && rp.nr_defer)
		ret = run_orphans(&rp);
	if (!ret && rp.nr_exits)
		ret = run_exits(&rp, NULL, EXITS_OF_ALL);
	rp.draining = true;
	if (!ret && rp.nr_blocked)
		ret = unblock(&rp);
	if (!ret && rp.nr_exits)       /* the exits of tasks that were blocked */
		ret = run_exits(&rp, NULL, EXITS_OF_ALL);
	for (size_t i = 0; i < n; i++)
		stats->unknown_lines += strace_merge_unknown(mg, i, NULL, NULL);
	if (ret == -ENOMEM)
		nc_err(err, "%s: out of host memory", rp.name);
	if (!ret)
		summary(&rp, mg);
	if (!ret && rp.m && opts->trace && nc_trace_write(rp.m, opts->trace, opts->trace_format))
		ret = nc_err(err, "%s: writing the trace failed", opts->name);
	free_events(rp.defer, rp.nr_defer);
	free_events(rp.exits, rp.nr_exits);
	free_events(rp.blocked, rp.nr_blocked);
	free(rp.unnamed);
	free(rp.map);
	free(rp.counts);
	if (!ret && opts->hooks && opts->hooks->keep) {
		*opts->hooks->keep = rp.m;
		rp.m = NULL;
	}
	nc_machine_destroy(rp.m);
	strace_merge_free(mg);
	return ret < 0 ? ret : 0;
}

int nc_replay(FILE *in, FILE *out, const struct nc_replay_opts *opts,
	      struct nc_replay_stats *stats, struct nc_error *err)
{
	return nc_replay_files(&in, &opts->name, 1, out, opts, stats, err);
}
