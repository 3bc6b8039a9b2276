/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Name tables for the values the model's system calls take and return, in
 * strace's spelling (strace calls them xlat): clone flags, signals, errno
 * names and texts, memory-policy modes and flags, mmap's and madvise's,
 * sigaction's. Each table prints a value as strace 6.x does and parses the
 * same spelling back.
 */
#ifndef NC_STRACE_XLAT_H
#define NC_STRACE_XLAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct xlat_data {
	uint64_t val;
	const char *str;
};

struct xlat {
	const struct xlat_data *data;
	size_t size;
};

extern const struct xlat clone_flags;         /* clone()'s and clone3()'s CLONE_* */
extern const struct xlat clone3_flags;        /* clone3() only: NEWTIME, CLEAR_SIGHAND, INTO_CGROUP */
extern const struct xlat mpol_modes;          /* MPOL_DEFAULT .. MPOL_WEIGHTED_INTERLEAVE */
extern const struct xlat mpol_mode_flags;     /* MPOL_F_STATIC_NODES .. */
extern const struct xlat get_mempolicy_flags; /* MPOL_F_NODE|MPOL_F_ADDR|MPOL_F_MEMS_ALLOWED */
extern const struct xlat mbind_flags;         /* MPOL_MF_* */
extern const struct xlat mmap_prot;           /* PROT_NONE, PROT_READ .. */
extern const struct xlat mmap_flags;          /* MAP_PRIVATE, MAP_FIXED .. */
extern const struct xlat madvise_advice;      /* MADV_* (values, not flags) */
extern const struct xlat wait_options;        /* WNOHANG .. __WCLONE */
extern const struct xlat waitid_which;        /* P_ALL, P_PID, P_PGID, P_PIDFD (values) */
extern const struct xlat ioprio_who;          /* IOPRIO_WHO_* (values) */
extern const struct xlat ioprio_class;        /* IOPRIO_CLASS_* (values) */
extern const struct xlat at_dirfd;              /* AT_FDCWD (a value) */
extern const struct xlat execveat_flags;      /* AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH */
extern const struct xlat open_flags;         /* O_RDONLY .. O_TMPFILE */
extern const struct xlat cloexec_flags;      /* O_CLOEXEC, SOCK_CLOEXEC, MFD_CLOEXEC .. */
extern const struct xlat fcntl_cmds;         /* F_DUPFD .. (values) */
extern const struct xlat fd_flags;           /* FD_CLOEXEC */
extern const struct xlat close_range_flags;  /* CLOSE_RANGE_UNSHARE|CLOSE_RANGE_CLOEXEC */
extern const struct xlat pidfd_open_flags;   /* PIDFD_NONBLOCK|PIDFD_THREAD */
extern const struct xlat sigaction_flags;     /* SA_RESTORER, SA_RESTART .. */
extern const struct xlat sigaction_handlers;  /* SIG_DFL, SIG_IGN, SIG_ERR (values) */
extern const struct xlat priorities;          /* PRIO_PROCESS, PRIO_PGRP, PRIO_USER (values) */
extern const struct xlat schedulers;          /* SCHED_OTHER .. SCHED_EXT (values) */
extern const struct xlat sched_flags;         /* sched_attr's SCHED_FLAG_* */
extern const struct xlat rlimit_resources;    /* RLIMIT_CPU .. RLIMIT_RTTIME (values) */
extern const struct xlat rlimit_infinity;     /* RLIM64_INFINITY, RLIM_INFINITY (values) */
extern const struct xlat rseq_flags;          /* RSEQ_FLAG_UNREGISTER */

/* The name of val in x, or NULL. */
const char *xlookup(const struct xlat *x, uint64_t val);
/* Finds the name s[0..len) in any of the tables (NULL-terminated list). */
bool xlat_parse(const struct xlat *const *tables, const char *s, size_t len, uint64_t *val);

/* Prints a flag set as strace does: known names joined by '|', the unknown
 * rest as one hex number; with no known bit at all, the hex number and a
 * comment naming dflt ("CLONE_???"); zero prints "0". tables ends in NULL. */
void printflags(FILE *f, const struct xlat *const *tables, uint64_t flags, const char *dflt);

/* Signals: "SIGCHLD", "SIGRTMIN", "SIGRT_3"; anything else as a decimal. */
const char *signame(int sig);               /* NULL if not a signal number */
void printsignal(FILE *f, uint64_t sig);
bool signal_parse(const char *s, size_t len, int *sig);

/* Errors: "EINVAL" and strace's text for it ("Invalid argument"). */
const char *errno_name(int err);            /* NULL if unknown */
const char *errno_text(int err);            /* NULL if unknown */
bool errno_parse(const char *s, size_t len, int *err);

/* set_mempolicy()/mbind()'s mode: "MPOL_BIND|MPOL_F_STATIC_NODES" */
void print_mpol_mode(FILE *f, uint64_t mode);

#endif
