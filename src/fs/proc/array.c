// SPDX-License-Identifier: GPL-2.0-only
/*
 * /proc/PID/status, /proc/PID/stat and .../task/TID/children
 * (fs/proc/array.c). status has the
 * lines the model keeps and no others (absent: Ngid, TracerPid, Uid, Gid,
 * Groups, the Vm* and Rss* lines, SigQ, capabilities, seccomp,
 * speculation, context switches). stat is positional: fields the model
 * does not keep (fault and time counts, tty, start time, the code,
 * data, argument and environment addresses) print 0.
 */
#include <inttypes.h>

#include "fs/fs_struct.h"
#include "fs/file.h"
#include "fs/proc/array.h"
#include "kernel/exit.h"
#include "kernel/fork.h"
#include "kernel/pid.h"
#include "kernel/sched/prio.h"
#include "kernel/signal.h"
#include "mm/memory.h"
#include "mm/mmap.h"

int proc_pid_status_mems(const struct task_struct *task, char *buf, size_t size)
{
	char mask[MAX_NUMNODES / 4 + MAX_NUMNODES / 32 + 1];
	char list[MAX_NUMNODES * 5 + 1];

	bitmap_print_mask(mask, sizeof(mask), task->mems_allowed.bits, MAX_NUMNODES);
	bitmap_print_list(list, sizeof(list), task->mems_allowed.bits, MAX_NUMNODES);
	return snprintf(buf, size, "Mems_allowed:\t%s\nMems_allowed_list:\t%s\n", mask, list);
}

/* models include/linux/sched.h:task_state_index(): the highest reported
 * state bit (TASK_REPORT = 0x7f) of __state | exit_state, 0 if running */
static unsigned int task_state_index(const struct task_struct *p)
{
	unsigned int state = (p->__state | (unsigned int)p->exit_state) & 0x7f;
	unsigned int index = 0;

	while (state >> index)
		index++;
	return index;
}

/* models fs/proc/array.c:get_task_state() */
static const char *get_task_state(const struct task_struct *p)
{
	static const char *const task_state_array[] = {
		"R (running)", "S (sleeping)", "D (disk sleep)", "T (stopped)",
		"t (tracing stop)", "X (dead)", "Z (zombie)", "P (parked)",
	};

	return task_state_array[task_state_index(p)];
}

static pid_t tgid_nr_ns(const struct task_struct *p, const struct pid_namespace *ns)
{
	return p && p->signal ? pid_nr_ns(p->signal->pids[PIDTYPE_TGID], ns) : 0;
}

/* models fs/proc/array.c:task_state(), its NS* lines for each level from
 * ns's down to the task's own */
static void ns_line(FILE *f, const char *name, const struct pid *pid, const struct pid *of,
		    const struct pid_namespace *ns)
{
	fputs(name, f);
	for (unsigned int g = ns->level; pid && g <= pid->level; g++)
		fprintf(f, "\t%d", pid_nr_ns(of, pid->numbers[g].ns));
}

/* models fs/proc/array.c:task_state(), the lines the model keeps */
static void task_state(struct nc_machine *m, FILE *f, struct task_struct *p)
{
	const struct pid_namespace *ns = m->init_pid_ns;
	const struct pid *pid = p->thread_pid;
	pid_t ppid = pid ? tgid_nr_ns(p->real_parent, ns) : 0;

	if (p->fs)
		fprintf(f, "Umask:\t%#04o\n", p->fs->umask);
	fprintf(f, "State:\t%s\nTgid:\t%d\nPid:\t%d\nPPid:\t%d", get_task_state(p),
		tgid_nr_ns(p, ns), pid_nr_ns(pid, ns), ppid);
	fprintf(f, "\nFDSize:\t%u", p->files ? p->files->fdt->max_fds : 0);
	if (p->signal) {
		ns_line(f, "\nNStgid:", pid, p->signal->pids[PIDTYPE_TGID], ns);
		ns_line(f, "\nNSpid:", pid, pid, ns);
		ns_line(f, "\nNSpgid:", pid, task_pgrp(p), ns);
		ns_line(f, "\nNSsid:", pid, task_session(p), ns);
	}
	fprintf(f, "\nKthread:\t%c\n", p->flags & PF_KTHREAD ? '1' : '0');
}

struct sigsets {
	uint64_t pending, shpending, blocked, ignored, caught;
	int num_threads;
};

/* models fs/proc/array.c:collect_sigign_sigcatch() and the part of
 * task_sig() that holds the sighand lock: nothing once it is released */
static void collect_sigsets(const struct task_struct *p, struct sigsets *s)
{
	*s = (struct sigsets){ 0 };
	if (!p->sighand || !p->signal)
		return;
	s->pending = p->pending;
	s->shpending = p->signal->shared_pending;
	s->blocked = p->blocked;
	s->num_threads = p->signal->nr_threads;
	for (int sig = 1; sig <= NC_NSIG; sig++) {
		unsigned long handler = p->sighand->action[sig - 1].handler;

		if (handler == NC_SIG_IGN)
			s->ignored |= nc_sigmask(sig);
		else if (handler != NC_SIG_DFL)
			s->caught |= nc_sigmask(sig);
	}
}

/* models fs/proc/array.c:task_sig(), without SigQ; render_sigset_t()'s
 * hex digits, highest signals first, are the 64-bit set in hex */
static void task_sig(FILE *f, const struct task_struct *p)
{
	struct sigsets s;

	collect_sigsets(p, &s);
	fprintf(f, "Threads:\t%d\nSigPnd:\t%016" PRIx64 "\nShdPnd:\t%016" PRIx64
		   "\nSigBlk:\t%016" PRIx64 "\nSigIgn:\t%016" PRIx64 "\nSigCgt:\t%016" PRIx64 "\n",
		s.num_threads, s.pending, s.shpending, s.blocked, s.ignored, s.caught);
}

/* models fs/proc/array.c:task_cpus_allowed(): nr_cpu_ids bits */
static void task_cpus_allowed(struct nc_machine *m, FILE *f, const struct task_struct *p)
{
	unsigned int nbits = m->topo->nr_cpu_ids;
	char buf[NR_CPUS * 5 + 1];

	bitmap_print_mask(buf, sizeof(buf), p->cpus_mask.bits, nbits);
	fprintf(f, "Cpus_allowed:\t%s\n", buf);
	bitmap_print_list(buf, sizeof(buf), p->cpus_mask.bits, nbits);
	fprintf(f, "Cpus_allowed_list:\t%s\n", buf);
}

/* models fs/proc/array.c:proc_task_name(escape=true): seq_escape_str()
 * with ESCAPE_SPACE | ESCAPE_SPECIAL limited to "\n\\", so only a newline
 * and a backslash are escaped */
static void proc_task_name(FILE *f, const struct task_struct *p)
{
	for (size_t i = 0; i < sizeof(p->comm) && p->comm[i]; i++) {
		if (p->comm[i] == '\n' || p->comm[i] == '\\')
			fprintf(f, "\\%c", p->comm[i] == '\n' ? 'n' : '\\');
		else
			fputc(p->comm[i], f);
	}
}

void proc_pid_status(struct nc_machine *m, struct task_struct *task, FILE *f)
{
	char mems[MAX_NUMNODES * 6 + 64];

	fputs("Name:\t", f);
	proc_task_name(f, task);
	fputc('\n', f);
	task_state(m, f, task);
	task_sig(f, task);
	task_cpus_allowed(m, f, task);
	proc_pid_status_mems(task, mems, sizeof(mems));
	fputs(mems, f);
}

static void count_rss(struct nc_pte *pte, void *arg)
{
	*(unsigned long *)arg += pte->page && !(pte->flags & NC_PTE_ZERO);
}

void do_task_stat(struct nc_machine *m, struct task_struct *task, FILE *f, bool whole)
{
	const struct pid_namespace *ns = m->init_pid_ns;
	struct mm_struct *mm = task->mm;
	/* what lock_task_sighand() reads, or the defaults once released */
	bool locked = task->sighand && task->signal;
	pid_t ppid = locked ? tgid_nr_ns(task->real_parent, ns) : 0;
	pid_t pgid = locked ? pid_nr_ns(task_pgrp(task), ns) : -1;
	pid_t sid = locked ? pid_nr_ns(task_session(task), ns) : -1;
	unsigned long rsslim = locked ? task_rlimit(task, RLIMIT_RSS) : 0;
	unsigned long vsize = 0, rss = 0;
	int exit_code = task->exit_code;
	struct sigsets s;

	collect_sigsets(task, &s);
	if (whole && locked && (task->signal->flags & SIGNAL_GROUP_EXIT))
		exit_code = task->signal->group_exit_code;
	for (unsigned int i = 0; mm && i < mm->map_count; i++)
		vsize += mm->vmas[i]->vm_end - mm->vmas[i]->vm_start;
	if (mm)
		nc_pte_walk(&mm->pt, 0, ~0UL, count_rss, &rss);
	/* pid, comm, state, ppid, pgrp, session, tty_nr, tty_pgrp, flags */
	fprintf(f, "%d (%.16s) %c %d %d %d 0 -1 %u", pid_nr_ns(task->thread_pid, ns), task->comm,
		*get_task_state(task), ppid, pgid, sid, task->flags);
	/* faults and times; priority (task_prio(): prio - MAX_RT_PRIO, -100..39)
	 * and nice; threads, 0, start time, vsize, rss, rsslim, start/end
	 * code, start stack, esp, eip */
	fprintf(f, " 0 0 0 0 0 0 0 0 %d %d %d 0 0 %lu %lu %lu 0 0 0 0 0",
		task->prio - MAX_RT_PRIO, task_nice(task), s.num_threads, vsize, rss, rsslim);
	/* the old signal fields (the first 31 signals), wchan, 0, 0,
	 * exit_signal, processor, rt_priority, policy, delayacct, guest times */
	fprintf(f, " %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 " 0 0 0 %d %u %u %u 0 0 0",
		s.pending & 0x7fffffff, s.blocked & 0x7fffffff, s.ignored & 0x7fffffff,
		s.caught & 0x7fffffff, task->exit_signal, task->cpu, task->rt_priority,
		task->policy);
	/* data, brk, argument and environment addresses; exit_code */
	fprintf(f, " 0 0 0 0 0 0 0 %d\n", exit_code);
}

void proc_tid_children(struct nc_machine *m, struct task_struct *task, FILE *f)
{
	struct task_struct *child;

	list_for_each_entry(child, &task->children, sibling)
		fprintf(f, "%d ", pid_nr_ns(child->thread_pid, m->init_pid_ns));
}
