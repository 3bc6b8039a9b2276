/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Replaying an strace log or script on a model machine. Each recorded pid
 * is mapped to a model task: the first to a child the model forks from
 * init, the others as clone/clone3/fork/vfork results name them. Calls run
 * in their task, on its CPU, in the log's order of completion; the ones in
 * the syscall table are modelled, the rest counted by name. With check, each
 * modelled result is compared with the recorded one (pids through the map,
 * errors by name).
 */
#ifndef NC_STRACE_REPLAY_H
#define NC_STRACE_REPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <numaclone/numaclone.h>
#include "trace/trace.h"

struct nc_replay_hooks;
struct nc_replay_opts {
	const char *topology;   /* --topology; NULL: the script's "#! topology", else "host" */
	const char *distance;   /* --distance for compact specs, or NULL */
	bool check;             /* compare with the recorded results */
	bool strict;            /* a line not understood is an error */
	const char *name;       /* the input's name in messages */
	FILE *trace;            /* --trace: the machine's trace is written here, or NULL */
	const char *trace_events; /* --trace-events (set_event syntax); NULL: all */
	enum nc_trace_format trace_format;
	const struct nc_replay_hooks *hooks;  /* or NULL */
	unsigned int fail_nth;  /* --fail-nth: the first task's fail-nth; 0 = off */
};

struct task_struct;
/* What `numaclone run --script` needs of a replay: booted() once the
 * machine is up, before the first call; created() for each task a
 * replayed call creates, as it returns; and the machine handed to *keep
 * (if keep is set) instead of destroyed. Hooks return 0 or -errno. */
struct nc_replay_hooks {
	int (*booted)(struct nc_machine *m, void *arg);
	int (*created)(struct nc_machine *m, struct task_struct *t, void *arg);
	struct nc_machine **keep;
	void *arg;
};

struct nc_replay_stats {
	unsigned long modelled;       /* calls the model ran */
	unsigned long agree;          /* check: results equal */
	unsigned long disagree;       /* check: results differ */
	unsigned long unchecked;      /* check: modelled, but the log has no result */
	unsigned long not_modelled;   /* calls the model does not have */
	unsigned long unknown_lines;  /* lines not understood */
};

/*
 * Replays in, writing to out: without check each modelled call with the
 * model's result in strace's format, with check each disagreement with its
 * line number; then a summary by syscall name ending in the line
 * "replay: N agree, N disagree, N not modelled" (check) or
 * "replay: N modelled, N not modelled". Returns 0, or -errno with *err
 * naming the input and line (bad topology, strict and an unknown line,
 * a modelled call whose arguments do not decode, out of memory).
 */
struct nc_replay;
struct strace_event;

/*
 * Puts len bytes of data a decoded argument carries (a node mask, a
 * clone_args struct, a set_tid array) into the calling task's user memory,
 * in a part the log neither mapped nor unmapped (the process's own memory
 * by the address rule of mm/uaccess.c), and returns its address; 0 if
 * there is no room. len is at most a page.
 */
unsigned long nc_replay_place(struct nc_replay *rp, const void *data, size_t len);

/* As nc_replay_place(), but the data ends a page whose successor is
 * unmapped: a read of more than len bytes there faults, as the recorded
 * one did when strace printed "???" for what followed. */
unsigned long nc_replay_place_before_hole(struct nc_replay *rp, const void *data, size_t len);

/* The model's number for a recorded pid argument (as the model's task
 * knows itself); other values, and pids the log never named, unchanged. */
long nc_replay_pid(struct nc_replay *rp, long recorded);
/* The traced program's nice value, from the log's first getpriority() of
 * itself (it may have started under nice(1)), unless the log had set it
 * first: a nice outside -20..19 only marks it known. */
void nc_replay_adopt_nice(struct nc_replay *rp, long nice);

/*
 * What the traced program inherited and the model cannot know (the
 * shell's resource limits, the user it ran as) is taken from the log: the
 * first successful read of each limit (by the reading task, of itself) and
 * of each id sets it in every task still holding the model's initial
 * value, and the first call refused for a capability takes that one away;
 * later reads are compared. Called by the decoders as they see the
 * recorded answer.
 */
struct rlimit;
void nc_replay_adopt_rlimit(struct nc_replay *rp, unsigned int resource, const struct rlimit *rlim);
void nc_replay_adopt_id(struct nc_replay *rp, unsigned int which, unsigned int id);
/* The same for a capability a call's answer shows the task lacks. */
void nc_replay_adopt_no_cap(struct nc_replay *rp, int cap);

/* The call being decoded (a decoder may need its recorded result). */
const struct strace_event *nc_replay_event(const struct nc_replay *rp);
/* The machine the replay runs (decoders adopting a log's unknown fd). */
struct nc_machine *nc_replay_machine(const struct nc_replay *rp);

int nc_replay(FILE *in, FILE *out, const struct nc_replay_opts *opts,
	      struct nc_replay_stats *stats, struct nc_error *err);

/* The same over several logs: the files strace -ff wrote (NAME.PID, one
 * task each), merged as strace/merge.h says; n == 1 is nc_replay(). */
int nc_replay_files(FILE *const *in, const char *const *names, size_t n, FILE *out,
		    const struct nc_replay_opts *opts, struct nc_replay_stats *stats,
		    struct nc_error *err);

#endif
