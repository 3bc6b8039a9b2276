// SPDX-License-Identifier: GPL-2.0-only
/*
 * The decoders behind the syscall table. Each follows the printer in
 * strace's sources (src/clone.c, src/numa.c) backwards: which arguments it
 * prints, named or not, and in which form. Output arguments (get_mempolicy's
 * mode and mask) only need room: the model writes there.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fs/fcntl.h"
#include "fs/file.h"
#include "kernel/cred.h"
#include "kernel/exit.h"
#include "kernel/pid.h"
#include "kernel/sched/prio.h"
#include "kernel/signal.h"
#include "kernel/sys.h"
#include "lib/error.h"
#include "mm/uaccess.h"
#include "strace/decode.h"
#include "strace/reader.h"
#include "strace/replay.h"
#include "uapi/linux/ioprio.h"
#include "uapi/linux/mman.h"
#include "uapi/linux/resource.h"
#include "uapi/linux/sched.h"

#define MAX_MASK_WORDS 64       /* a 4096-node mask */
#define MAX_SET_TID 32          /* strace prints set_tid up to this size */
#define CLONE_ARGS_ROOM 4096    /* clone3() refuses a larger size unread */

static int bad(struct nc_error *err, const char *what, const struct strace_arg *a)
{
	return nc_err(err, "%s '%.*s' does not decode", what, (int)a->len, a->val);
}

static const struct strace_arg *need(const struct strace_args *args, size_t i,
				     const char *name, struct nc_error *err)
{
	const struct strace_arg *a = name ? strace_arg_named(args, name) : NULL;

	if (a || (!name && i < args->n))
		return a ? a : &args->a[i];
	if (name)
		nc_err(err, "no %s= argument", name);
	else
		nc_err(err, "%zu arguments, expected at least %zu", args->n, i + 1);
	return NULL;
}

/* Places data; an error if the task has no room for it. */
static int place(struct nc_replay *rp, const void *data, size_t len, uint64_t *reg,
		 struct nc_error *err)
{
	*reg = nc_replay_place(rp, data, len);
	return *reg ? 0 : nc_err(err, "no user memory to place %zu bytes in", len);
}

/* A pointer argument: "NULL", an address, or "[v, ...]" of elem-byte values
 * (placed; "[]" places nothing and passes an address anyway). */
static int pointer(struct nc_replay *rp, const struct strace_arg *a, size_t elem,
		   uint64_t *reg, struct nc_error *err)
{
	uint64_t vals[MAX_MASK_WORDS];
	unsigned char buf[MAX_MASK_WORDS * 8];
	size_t n;

	if (!strace_parse_num(a->val, a->len, reg))
		return 0;
	if (strace_parse_array(a->val, a->len, vals, MAX_MASK_WORDS, &n))
		return bad(err, "pointer", a);
	for (size_t i = 0; i < n; i++)
		memcpy(buf + i * elem, &vals[i], elem);   /* little-endian x86_64 */
	return place(rp, buf, n ? n * elem : elem, reg, err);
}

int decode_numbers(struct nc_replay *rp, const struct strace_args *args,
		   struct syscall_regs *regs, struct nc_error *err)
{
	(void)rp;
	if (args->n > 6)
		return nc_err(err, "%zu arguments, a system call has at most 6", args->n);
	for (size_t i = 0; i < args->n; i++)
		if (strace_parse_num(args->a[i].val, args->a[i].len, &regs->arg[i]))
			return nc_err(err, "argument %zu '%.*s' is not a number", i + 1,
				      (int)args->a[i].len, args->a[i].val);
	return 0;
}

int decode_pids(struct nc_replay *rp, const struct strace_args *args,
		struct syscall_regs *regs, struct nc_error *err)
{
	if (decode_numbers(rp, args, regs, err))
		return -EINVAL;
	for (size_t i = 0; i < args->n; i++)
		regs->arg[i] = (uint64_t)nc_replay_pid(rp, (long)(int)regs->arg[i]);
	return 0;
}

static bool is_field(const struct strace_arg *f, const char *name)
{
	return f->name_len == strlen(name) && !memcmp(f->name, name, f->name_len);
}

static const struct xlat *const clone_tables[] = { &clone_flags, &clone3_flags, NULL };

/* x86_64: clone(flags, newsp, parent_tidptr, child_tidptr, tls) */
int decode_clone(struct nc_replay *rp, const struct strace_args *args,
		 struct syscall_regs *regs, struct nc_error *err)
{
	/* strace before 5.x spelled parent_tid "parent_tidptr" */
	static const char *const addrs[] = { "child_stack", "parent_tid", "child_tidptr", "tls",
					     "parent_tidptr" };
	static const unsigned int reg_of[] = { 1, 2, 3, 4, 2 };
	const struct strace_arg *a = strace_arg_named(args, "flags");

	/* -e raw=clone: "clone(0x1200011, 0, 0, 0x7f4f1f1c1a10, 0)" in register order */
	if (!a && args->n == 5 && !args->a[0].name)
		return decode_numbers(rp, args, regs, err);
	if (!(a = need(args, 0, "flags", err)))
		return -EINVAL;
	if (strace_parse_flags(clone_tables, true, a->val, a->len, &regs->arg[0]))
		return bad(err, "flags", a);
	for (size_t i = 0; i < sizeof(addrs) / sizeof(addrs[0]); i++) {
		a = strace_arg_named(args, addrs[i]);
		/* parent_tid=[N] is what the kernel stored there: an int's room */
		if (a && pointer(rp, a, 4, &regs->arg[reg_of[i]], err))
			return -EINVAL;
	}
	return 0;
}

/* How many of the n bytes at p are not zero. */
static size_t nonzero(const unsigned char *p, size_t n)
{
	size_t k = 0;

	while (n--)
		k += *p++ != 0;
	return k;
}

/* One field of the clone3 struct into ca. */
static int clone3_field(struct nc_replay *rp, const struct strace_arg *f,
			struct clone_args *ca, struct nc_error *err)
{
	/* the fields strace prints as addresses or numbers */
	const struct { const char *name; __u64 *dst; } plain[] = {
		{ "pidfd", &ca->pidfd }, { "child_tid", &ca->child_tid },
		{ "parent_tid", &ca->parent_tid }, { "stack", &ca->stack },
		{ "stack_size", &ca->stack_size }, { "tls", &ca->tls },
		{ "set_tid_size", &ca->set_tid_size }, { "cgroup", &ca->cgroup },
	};
	uint64_t v, tids[MAX_SET_TID];
	int32_t tid32[MAX_SET_TID];
	size_t n;

	if (!f->name)
		return bad(err, "clone_args field", f);
	if (is_field(f, "flags")) {
		if (strace_parse_flags(clone_tables, false, f->val, f->len, &v))
			return bad(err, "flags", f);
		ca->flags = v;
		return 0;
	}
	if (is_field(f, "exit_signal")) {
		if (strace_parse_signal(f->val, f->len, &v))
			return bad(err, "exit_signal", f);
		ca->exit_signal = v;
		return 0;
	}
	if (is_field(f, "set_tid") && strace_parse_num(f->val, f->len, &v)) {
		if (strace_parse_array(f->val, f->len, tids, MAX_SET_TID, &n))
			return bad(err, "set_tid", f);
		for (size_t i = 0; i < n; i++)
			tid32[i] = (int32_t)tids[i];
		/* the last entry is a number of the caller's namespace when the
		 * array reaches it (one level further with CLONE_NEWPID) */
		if (n == ((ca->flags & CLONE_NEWPID) ? 2 : 1))
			tid32[n - 1] = (int32_t)nc_replay_pid(rp, tid32[n - 1]);
		if (place(rp, tid32, n ? n * sizeof(tid32[0]) : sizeof(tid32[0]), &v, err))
			return -EINVAL;
	}
	if (is_field(f, "set_tid")) {
		ca->set_tid = v;
		return 0;
	}
	for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++)
		if (is_field(f, plain[i].name)) {
			if (strace_parse_num(f->val, f->len, &v))
				return bad(err, plain[i].name, f);
			*plain[i].dst = v;
			return 0;
		}
	return bad(err, "clone_args field", f);
}

int decode_clone3(struct nc_replay *rp, const struct strace_args *args,
		  struct syscall_regs *regs, struct nc_error *err)
{
	struct clone_args ca = { 0 };
	struct strace_args fields;
	const struct strace_arg *a = need(args, 1, NULL, err);

	if (!a || strace_parse_num(a->val, a->len, &regs->arg[1]))
		return a ? bad(err, "size", a) : -EINVAL;
	a = &args->a[0];
	if (!strace_parse_num(a->val, a->len, &regs->arg[0]))
		return 0;            /* strace printed the address only */
	if (strace_split_struct(a->val, a->len, &fields))
		return bad(err, "clone_args", a);
	/* the struct as the program passed it: the size it claims, zero but for
	 * the bytes past the struct that strace showed ("bytes 88..95" comment) */
	unsigned char buf[CLONE_ARGS_ROOM] = { 0 };
	size_t size = regs->arg[1] < sizeof(buf) ? regs->arg[1] : sizeof(buf);
	bool unreadable = false;

	for (size_t i = 0; i < fields.n; i++) {
		const struct strace_arg *f = &fields.a[i];
		unsigned int from, to;
		int pos = 0;
		size_t n;

		if (f->name) {
			if (clone3_field(rp, f, &ca, err))
				return -EINVAL;
		} else if (f->len == 3 && !memcmp(f->val, "???", 3)) {
			unreadable = true;   /* strace could not read past the struct */
		} else if (sscanf(f->val, "/* bytes %u..%u */ %n", &from, &to, &pos) != 2 || !pos ||
			   from < sizeof(ca) || to < from || to >= sizeof(buf) ||
			   strace_parse_string(f->val + pos, f->len - (size_t)pos, buf + from,
					       sizeof(buf) - from, &n)) {
			return bad(err, "clone_args tail", f);
		} else if (nonzero(buf + from, n) == 0) {
			/* strace prints the tail only if a byte of it is not
			 * zero: one it cut off (past -s) */
			buf[to] = 1;
		}
	}
	memcpy(buf, &ca, size < sizeof(ca) ? size : sizeof(ca));
	if (unreadable) {
		regs->arg[0] = nc_replay_place_before_hole(rp, buf, sizeof(ca));
		return regs->arg[0] ? 0 : nc_err(err, "no user memory to place the struct in");
	}
	return place(rp, buf, size ? size : 1, &regs->arg[0], err);
}

/* unshare(CLONE_NEWNS|CLONE_NEWPID): strace's unshare_flags names, the
 * bits it has no name for in hex */
int decode_unshare(struct nc_replay *rp, const struct strace_args *args,
		   struct syscall_regs *regs, struct nc_error *err)
{
	const struct strace_arg *a = need(args, 0, NULL, err);

	(void)rp;
	if (!a)
		return -EINVAL;
	if (args->n > 1)
		return nc_err(err, "%zu arguments, unshare takes 1", args->n);
	return strace_parse_flags(clone_tables, false, a->val, a->len, &regs->arg[0])
	       ? bad(err, "flags", a) : 0;
}

/* A priority as strace prints it: IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4),
 * the class a name or a number, or the whole value a number */
static int ioprio_value(const struct strace_arg *a, uint64_t *reg, struct nc_error *err)
{
	static const struct xlat *const classes[] = { &ioprio_class, NULL };
	static const char head[] = "IOPRIO_PRIO_VALUE(";
	const char *s = a->val, *comma, *end = a->val + a->len;
	uint64_t class, data;

	if (!strace_parse_num(s, a->len, reg))
		return 0;
	if (a->len < sizeof(head) || memcmp(s, head, sizeof(head) - 1) || end[-1] != ')' ||
	    !(comma = memchr(s, ',', a->len)))
		return bad(err, "ioprio", a);
	s += sizeof(head) - 1;
	if (strace_parse_flags(classes, false, s, (size_t)(comma - s), &class) ||
	    strace_parse_num(comma + 1, (size_t)(end - 1 - (comma + 1)), &data) ||
	    class > UINT32_MAX >> IOPRIO_CLASS_SHIFT || data > IOPRIO_PRIO_MASK)
		return bad(err, "ioprio", a);
	/* strace shows all the bits above the data as the class: -1 is
	 * IOPRIO_PRIO_VALUE(0x7ffff, 8191) */
	*reg = class << IOPRIO_CLASS_SHIFT | data;
	return 0;
}

int decode_ioprio(struct nc_replay *rp, const struct strace_args *args,
		  struct syscall_regs *regs, struct nc_error *err)
{
	static const struct xlat *const which[] = { &ioprio_who, NULL };
	const struct strace_arg *a = need(args, 1, NULL, err);

	if (!a)
		return -EINVAL;
	if (args->n > 3)
		return nc_err(err, "%zu arguments, ioprio calls take at most 3", args->n);
	if (strace_parse_flags(which, false, args->a[0].val, args->a[0].len, &regs->arg[0]))
		return bad(err, "which", &args->a[0]);
	if (strace_parse_num(a->val, a->len, &regs->arg[1]))
		return bad(err, "who", a);
	/* a process or a group is a recorded pid; a user id is what it is */
	if (regs->arg[0] != IOPRIO_WHO_USER)
		regs->arg[1] = (uint64_t)nc_replay_pid(rp, (long)(int)regs->arg[1]);
	return args->n == 3 ? ioprio_value(&args->a[2], &regs->arg[2], err) : 0;
}

/* A mode strace printed with print_mode(): "MPOL_BIND|MPOL_F_STATIC_NODES" */
static int mpol_mode(const struct strace_arg *a, uint64_t *reg, struct nc_error *err)
{
	static const struct xlat *const tables[] = { &mpol_modes, &mpol_mode_flags, NULL };

	return strace_parse_flags(tables, false, a->val, a->len, reg) ? bad(err, "mode", a) : 0;
}

int decode_set_mempolicy(struct nc_replay *rp, const struct strace_args *args,
			 struct syscall_regs *regs, struct nc_error *err)
{
	const struct strace_arg *maxnode = need(args, 2, NULL, err);

	if (!maxnode)
		return -EINVAL;
	if (mpol_mode(&args->a[0], &regs->arg[0], err) ||
	    pointer(rp, &args->a[1], 8, &regs->arg[1], err))
		return -EINVAL;
	return strace_parse_num(maxnode->val, maxnode->len, &regs->arg[2]) ? bad(err, "maxnode", maxnode) : 0;
}

int decode_get_mempolicy(struct nc_replay *rp, const struct strace_args *args,
			 struct syscall_regs *regs, struct nc_error *err)
{
	static const struct xlat *const tables[] = { &get_mempolicy_flags, NULL };
	const struct strace_arg *flags = need(args, 4, NULL, err);
	static const unsigned char room[MAX_MASK_WORDS * 8];

	if (!flags)
		return -EINVAL;
	/* mode: "[MPOL_BIND]" (what the kernel wrote) needs an int's room */
	if (strace_parse_num(args->a[0].val, args->a[0].len, &regs->arg[0]) &&
	    place(rp, room, sizeof(int), &regs->arg[0], err))
		return -EINVAL;
	if (strace_parse_num(args->a[2].val, args->a[2].len, &regs->arg[2]) ||
	    strace_parse_num(args->a[3].val, args->a[3].len, &regs->arg[3]))
		return bad(err, "maxnode or addr", &args->a[2]);
	/* nodemask: room for maxnode bits, as much as strace could have shown */
	if (strace_parse_num(args->a[1].val, args->a[1].len, &regs->arg[1])) {
		uint64_t bytes = (regs->arg[2] + 63) / 64 * 8;

		if (place(rp, room, bytes && bytes < sizeof(room) ? bytes : sizeof(room), &regs->arg[1], err))
			return -EINVAL;
	}
	return strace_parse_flags(tables, false, flags->val, flags->len, &regs->arg[4]) ?
	       bad(err, "flags", flags) : 0;
}

int decode_mbind(struct nc_replay *rp, const struct strace_args *args,
		 struct syscall_regs *regs, struct nc_error *err)
{
	static const struct xlat *const tables[] = { &mbind_flags, NULL };
	const struct strace_arg *flags = need(args, 5, NULL, err);

	if (!flags)
		return -EINVAL;
	if (strace_parse_num(args->a[0].val, args->a[0].len, &regs->arg[0]) ||
	    strace_parse_num(args->a[1].val, args->a[1].len, &regs->arg[1]) ||
	    strace_parse_num(args->a[4].val, args->a[4].len, &regs->arg[4]))
		return bad(err, "addr, len or maxnode", &args->a[0]);
	if (mpol_mode(&args->a[2], &regs->arg[2], err) ||
	    pointer(rp, &args->a[3], 8, &regs->arg[3], err))
		return -EINVAL;
	return strace_parse_flags(tables, false, flags->val, flags->len, &regs->arg[5]) ?
	       bad(err, "flags", flags) : 0;
}

/* The first n arguments as numbers into regs (addresses, lengths). */
static int numbers(const struct strace_args *args, size_t n, struct syscall_regs *regs,
		   struct nc_error *err)
{
	if (!need(args, n - 1, NULL, err))
		return -EINVAL;
	for (size_t i = 0; i < n; i++)
		if (strace_parse_num(args->a[i].val, args->a[i].len, &regs->arg[i]))
			return bad(err, "argument", &args->a[i]);
	return 0;
}

static int prot(const struct strace_arg *a, uint64_t *reg, struct nc_error *err)
{
	static const struct xlat *const tables[] = { &mmap_prot, NULL };

	return strace_parse_flags(tables, false, a->val, a->len, reg) ? bad(err, "prot", a) : 0;
}

/*
 * The log names where each mapping landed; the model puts it there
 * (MAP_FIXED at the recorded address), so later pointers into it mean
 * the same memory. A failed mmap() runs as the program asked.
 */
int decode_mmap(struct nc_replay *rp, const struct strace_args *args,
		struct syscall_regs *regs, struct nc_error *err)
{
	static const struct xlat *const tables[] = { &mmap_flags, NULL };
	const struct strace_event *ev = nc_replay_event(rp);
	const struct strace_arg *fd = &args->a[4];
	const char *path;

	if (!need(args, 5, NULL, err) || numbers(args, 2, regs, err) ||
	    prot(&args->a[2], &regs->arg[2], err))
		return -EINVAL;
	if (strace_parse_flags(tables, false, args->a[3].val, args->a[3].len, &regs->arg[3]))
		return bad(err, "flags", &args->a[3]);
	/* -y decorates the fd with its path: "3</lib/libc.so.6>" */
	path = memchr(fd->val, '<', fd->len);
	if (strace_parse_num(fd->val, path ? (size_t)(path - fd->val) : fd->len, &regs->arg[4]) ||
	    strace_parse_num(args->a[5].val, args->a[5].len, &regs->arg[5]))
		return bad(err, "fd or offset", fd);
	if (ev && ev->result == RESULT_VALUE && !(regs->arg[3] & MAP_FIXED_NOREPLACE)) {
		regs->arg[0] = (uint64_t)ev->retval;
		regs->arg[3] |= MAP_FIXED;
	}
	return 0;
}

int decode_munmap(struct nc_replay *rp, const struct strace_args *args,
		  struct syscall_regs *regs, struct nc_error *err)
{
	(void)rp;
	return numbers(args, 2, regs, err);
}

int decode_mprotect(struct nc_replay *rp, const struct strace_args *args,
		    struct syscall_regs *regs, struct nc_error *err)
{
	(void)rp;
	if (numbers(args, 2, regs, err) || !need(args, 2, NULL, err))
		return -EINVAL;
	return prot(&args->a[2], &regs->arg[2], err);
}

int decode_madvise(struct nc_replay *rp, const struct strace_args *args,
		   struct syscall_regs *regs, struct nc_error *err)
{
	static const struct xlat *const tables[] = { &madvise_advice, NULL };

	(void)rp;
	if (numbers(args, 2, regs, err) || !need(args, 2, NULL, err))
		return -EINVAL;
	return strace_parse_flags(tables, false, args->a[2].val, args->a[2].len, &regs->arg[2]) ?
	       bad(err, "advice", &args->a[2]) : 0;
}

/* An output pointer: NULL or an address as they are; anything strace read
 * back ("[...]", "{...}") becomes room for len bytes */
static int out_pointer(struct nc_replay *rp, const struct strace_arg *a, size_t len,
		       uint64_t *reg, struct nc_error *err)
{
	static const unsigned char room[NC_SIGINFO_SIZE + NC_RUSAGE_SIZE];

	if (!strace_parse_num(a->val, a->len, reg))
		return 0;
	return place(rp, room, len, reg, err);
}

static const struct xlat *const wait_tables[] = { &wait_options, NULL };

int decode_wait4(struct nc_replay *rp, const struct strace_args *args,
		 struct syscall_regs *regs, struct nc_error *err)
{
	const struct strace_arg *ru = need(args, 3, NULL, err);

	if (!ru)
		return -EINVAL;
	if (strace_parse_num(args->a[0].val, args->a[0].len, &regs->arg[0]))
		return bad(err, "pid", &args->a[0]);
	regs->arg[0] = (uint64_t)nc_replay_pid(rp, (long)(int)regs->arg[0]);
	if (strace_parse_flags(wait_tables, false, args->a[2].val, args->a[2].len, &regs->arg[2]))
		return bad(err, "options", &args->a[2]);
	if (out_pointer(rp, &args->a[1], sizeof(int), &regs->arg[1], err) ||
	    out_pointer(rp, ru, NC_RUSAGE_SIZE, &regs->arg[3], err))
		return -EINVAL;
	return 0;
}

int decode_waitid(struct nc_replay *rp, const struct strace_args *args,
		  struct syscall_regs *regs, struct nc_error *err)
{
	static const struct xlat *const which[] = { &waitid_which, NULL };
	const struct strace_arg *ru = need(args, 4, NULL, err);

	if (!ru)
		return -EINVAL;
	if (strace_parse_flags(which, false, args->a[0].val, args->a[0].len, &regs->arg[0]) ||
	    strace_parse_num(args->a[1].val, args->a[1].len, &regs->arg[1]))
		return bad(err, "which or id", &args->a[0]);
	if (regs->arg[0] == NC_P_PID)
		regs->arg[1] = (uint64_t)nc_replay_pid(rp, (long)(int)regs->arg[1]);
	if (strace_parse_flags(wait_tables, false, args->a[3].val, args->a[3].len, &regs->arg[3]))
		return bad(err, "options", &args->a[3]);
	if (out_pointer(rp, &args->a[2], NC_SIGINFO_SIZE, &regs->arg[2], err) ||
	    out_pointer(rp, ru, NC_RUSAGE_SIZE, &regs->arg[4], err))
		return -EINVAL;
	return 0;
}

/* A signal set as strace prints it: "[]", "[INT TERM CHLD]", "~[RTMIN RT_1]"
 * (names without SIG; "~" the complement). */
static int sigset(const struct strace_arg *a, uint64_t *set, struct nc_error *err)
{
	const char *s = a->val, *end = a->val + a->len;
	bool invert = s < end && *s == '~';

	*set = 0;
	s += invert;
	if (end - s < 2 || *s != '[' || end[-1] != ']')
		return bad(err, "signal set", a);
	for (s++, end--; s < end;) {
		char name[32];
		size_t n = 0;
		uint64_t sig;

		while (s < end && *s == ' ')
			s++;
		while (s + n < end && s[n] != ' ')
			n++;
		if (!n)
			break;
		snprintf(name, sizeof(name), "%s%.*s", isdigit((unsigned char)*s) ? "" : "SIG",
			 (int)n, s);
		if (strace_parse_signal(name, strlen(name), &sig) || sig < 1 || sig > 64)
			return bad(err, "signal set", a);
		*set |= 1ULL << (sig - 1);
		s += n;
	}
	if (invert)
		*set = ~*set;
	return 0;
}

int decode_rt_sigaction(struct nc_replay *rp, const struct strace_args *args,
			struct syscall_regs *regs, struct nc_error *err)
{
	static const struct xlat *const handlers[] = { &sigaction_handlers, NULL };
	static const struct xlat *const flags[] = { &sigaction_flags, NULL };
	static const unsigned char room[32];
	const struct strace_arg *size = need(args, 3, NULL, err);
	struct strace_args fields;
	uint64_t act[4] = { 0 };   /* x86_64 struct sigaction: handler, flags, restorer, mask */

	if (!size)
		return -EINVAL;
	if (strace_parse_signal(args->a[0].val, args->a[0].len, &regs->arg[0]))
		return bad(err, "signal", &args->a[0]);
	if (strace_parse_num(size->val, size->len, &regs->arg[3]))
		return bad(err, "sigsetsize", size);
	/* the old action: what the kernel wrote needs room */
	if (strace_parse_num(args->a[2].val, args->a[2].len, &regs->arg[2]) &&
	    place(rp, room, sizeof(room), &regs->arg[2], err))
		return -EINVAL;
	if (!strace_parse_num(args->a[1].val, args->a[1].len, &regs->arg[1]))
		return 0;
	if (strace_split_struct(args->a[1].val, args->a[1].len, &fields))
		return bad(err, "sigaction", &args->a[1]);
	for (size_t i = 0; i < fields.n; i++) {
		const struct strace_arg *f = &fields.a[i];

		if (is_field(f, "sa_handler") || is_field(f, "sa_sigaction")) {
			if (strace_parse_flags(handlers, false, f->val, f->len, &act[0]))
				return bad(err, "sa_handler", f);
		} else if (is_field(f, "sa_flags")) {
			if (strace_parse_flags(flags, false, f->val, f->len, &act[1]))
				return bad(err, "sa_flags", f);
		} else if (is_field(f, "sa_restorer")) {
			if (strace_parse_num(f->val, f->len, &act[2]))
				return bad(err, "sa_restorer", f);
		} else if (is_field(f, "sa_mask")) {
			if (sigset(f, &act[3], err))
				return -EINVAL;
		} else {
			return bad(err, "sigaction field", f);
		}
	}
	return place(rp, act, sizeof(act), &regs->arg[1], err);
}

#define MAX_EXEC_STRINGS 256      /* argv or envp strings a line may give */
#define STRING_ROOM 4096          /* a placed string with its NUL: a page */

/* A string argument: an address as it is, or "text" placed with its NUL
 * (cut to a page, as strace cuts what it prints: what a successful exec
 * does depends on no string's length). */
static int string_ptr(struct nc_replay *rp, const struct strace_arg *a, uint64_t *reg,
		      struct nc_error *err)
{
	unsigned char buf[STRING_ROOM];
	size_t n;
	int ret;

	if (!strace_parse_num(a->val, a->len, reg))
		return 0;
	ret = strace_parse_string(a->val, a->len, buf, sizeof(buf) - 1, &n);
	if (ret && ret != -E2BIG)
		return bad(err, "string", a);
	buf[n] = '\0';
	return place(rp, buf, n + 1, reg, err);
}

/* The length of the array element at s: up to a comma outside quotes. */
static size_t element_len(const char *s, const char *end)
{
	const char *e = s;

	if (*e == '"') {
		for (e++; e < end && *e != '"'; e++)
			if (*e == '\\' && e + 1 < end)
				e++;
	}
	while (e < end && *e != ',')
		e++;
	while (e > s && e[-1] == ' ')
		e--;
	return (size_t)(e - s);
}

/* An argv or envp: an address, or ["a", "b"] (ending in ... where strace
 * stopped printing; the model stops after MAX_EXEC_STRINGS alike), placed
 * as strings and the NULL-ended array of them. */
static int string_array(struct nc_replay *rp, const struct strace_arg *a, uint64_t *reg,
			struct nc_error *err)
{
	uint64_t ptrs[MAX_EXEC_STRINGS + 1];
	const char *s = a->val, *end = a->val + a->len;
	size_t n = 0;

	if (!strace_parse_num(a->val, a->len, reg))
		return 0;
	if (a->len < 2 || *s != '[' || end[-1] != ']')
		return bad(err, "string array", a);
	for (s++, end--; s < end;) {
		struct strace_arg e = { .val = s };

		while (s < end && *s == ' ')
			s++;
		if (s == end)
			break;
		e.val = s;
		e.len = element_len(s, end);
		if ((e.len == 3 && !memcmp(s, "...", 3)) || n == MAX_EXEC_STRINGS)
			break;
		if (string_ptr(rp, &e, &ptrs[n++], err))
			return -EINVAL;
		for (s += e.len; s < end && *s != ','; s++)
			;
		s += s < end;
	}
	ptrs[n] = 0;
	return place(rp, ptrs, (n + 1) * sizeof(*ptrs), reg, err);
}

/* filename, argv, envp from args->a[first] on into regs->arg[first] on */
static int exec_args(struct nc_replay *rp, const struct strace_args *args, size_t first,
		     struct syscall_regs *regs, struct nc_error *err)
{
	if (!need(args, first + 2, NULL, err))
		return -EINVAL;
	if (string_ptr(rp, &args->a[first], &regs->arg[first], err) ||
	    string_array(rp, &args->a[first + 1], &regs->arg[first + 1], err) ||
	    string_array(rp, &args->a[first + 2], &regs->arg[first + 2], err))
		return -EINVAL;
	return 0;
}

int decode_execve(struct nc_replay *rp, const struct strace_args *args,
		  struct syscall_regs *regs, struct nc_error *err)
{
	return exec_args(rp, args, 0, regs, err);
}

int decode_execveat(struct nc_replay *rp, const struct strace_args *args,
		    struct syscall_regs *regs, struct nc_error *err)
{
	static const struct xlat *const dirfd[] = { &at_dirfd, NULL };
	static const struct xlat *const flags[] = { &execveat_flags, NULL };
	const struct strace_arg *f = need(args, 4, NULL, err);

	if (!f)
		return -EINVAL;
	if (strace_parse_flags(dirfd, false, args->a[0].val, args->a[0].len, &regs->arg[0]))
		return bad(err, "dirfd", &args->a[0]);
	if (strace_parse_flags(flags, false, f->val, f->len, &regs->arg[4]))
		return bad(err, "flags", f);
	return exec_args(rp, args, 1, regs, err);
}

#define MAX_AFFINITY_BYTES 1024   /* 8192 CPUs, NR_CPUS's largest */

/* The pid (through the map), length and mask of both affinity calls:
 * *list is the mask's CPU list, or NULL if the log gave an address
 * (regs->arg[2]). 0 or -EINVAL. */
static int affinity_args(struct nc_replay *rp, const struct strace_args *args,
			 struct syscall_regs *regs, const struct strace_arg **list,
			 struct nc_error *err)
{
	const struct strace_arg *a = need(args, 2, NULL, err);

	if (!a || numbers(args, 2, regs, err))
		return -EINVAL;
	regs->arg[0] = (uint64_t)nc_replay_pid(rp, (long)(int)regs->arg[0]);
	*list = strace_parse_num(a->val, a->len, &regs->arg[2]) ? a : NULL;
	if (*list && (a->len < 2 || a->val[0] != '[' || a->val[a->len - 1] != ']'))
		return bad(err, "CPU list", a);
	return 0;
}

/* Bytes to place for a mask argument of len bytes. */
static size_t affinity_room(uint64_t len)
{
	return len && len < MAX_AFFINITY_BYTES ? len : MAX_AFFINITY_BYTES;
}

int decode_sched_setaffinity(struct nc_replay *rp, const struct strace_args *args,
			     struct syscall_regs *regs, struct nc_error *err)
{
	unsigned char mask[MAX_AFFINITY_BYTES] = { 0 };
	const struct strace_arg *a;
	const char *s, *end;

	if (affinity_args(rp, args, regs, &a, err))
		return -EINVAL;
	if (!a)
		return 0;
	/* a CPU list: "[0 1]", "[0, 1]", "[...]" where strace stopped */
	for (s = a->val + 1, end = a->val + a->len - 1; s < end;) {
		uint64_t cpu;
		size_t n = 0;

		while (s < end && (*s == ' ' || *s == ','))
			s++;
		while (s + n < end && s[n] != ' ' && s[n] != ',')
			n++;
		if (!n || (n == 3 && !memcmp(s, "...", 3)))
			break;
		if (strace_parse_num(s, n, &cpu) || cpu >= MAX_AFFINITY_BYTES * 8)
			return bad(err, "CPU list", a);
		mask[cpu / 8] |= (unsigned char)(1u << (cpu % 8));
		s += n;
	}
	return place(rp, mask, affinity_room(regs->arg[1]), &regs->arg[2], err);
}

int decode_sched_getaffinity(struct nc_replay *rp, const struct strace_args *args,
			     struct syscall_regs *regs, struct nc_error *err)
{
	/* room for what the kernel copies: at most cpumask_size(), 1024 bytes */
	static const unsigned char room[MAX_AFFINITY_BYTES];
	const struct strace_arg *a;

	if (affinity_args(rp, args, regs, &a, err))
		return -EINVAL;
	return a ? place(rp, room, affinity_room(regs->arg[1]), &regs->arg[2], err) : 0;
}

/* nc_fd_name() for a number a log gave as an fd (too big ones are left) */
static int name_fd(struct nc_replay *rp, uint64_t fd, struct nc_error *err)
{
	if (fd < NC_NAMED_FDS && nc_fd_name(nc_replay_machine(rp), (unsigned int)fd))
		return nc_err(err, "no memory");
	return 0;
}

/*
 * The descriptor calls. A fd argument a call used successfully in the log
 * but the model never saw made (inherited before the log: a tracer's
 * leftovers, anything the program got from calls not modelled) is adopted
 * into the task's table first (nc_fd_adopt()), so the call finds it as the
 * real one did; a failed call adopts nothing, and its EBADF is checked.
 */
static int fd_arg(struct nc_replay *rp, const struct strace_args *args, size_t i,
		  bool cloexec, uint64_t *reg, struct nc_error *err)
{
	const struct strace_event *ev = nc_replay_event(rp);
	const struct strace_arg *a = need(args, i, NULL, err);

	if (!a)
		return -EINVAL;
	if (strace_parse_num(a->val, a->len, reg))
		return bad(err, "fd", a);
	if (name_fd(rp, *reg, err))
		return -EINVAL;
	if (ev && ev->result == RESULT_VALUE && *reg < NR_OPEN &&
	    nc_fd_adopt(nc_replay_machine(rp), (unsigned int)*reg, cloexec))
		return nc_err(err, "no memory to adopt fd %llu", (unsigned long long)*reg);
	return 0;
}

/*
 * A call that takes the lowest free fd at or above min (alloc_fd()), which
 * the log shows returning fd. Free fds below it that the log never named
 * were open in the real table (inherited before the log began, or made by
 * a call the model does not see): they are adopted, so the model answers
 * fd too. Below a named fd the answers are compared as they are.
 */
static int hidden_fds(struct nc_replay *rp, uint64_t min, uint64_t fd, struct nc_error *err)
{
	struct nc_machine *m = nc_replay_machine(rp);

	if (fd >= NC_NAMED_FDS)
		return 0;
	for (uint64_t i = min; i < fd; i++)
		if (!nc_fd_file(m, (unsigned int)i) && nc_fd_named(m, (unsigned int)i))
			return name_fd(rp, fd, err);
	for (uint64_t i = min; i <= fd; i++)
		if ((i < fd && nc_fd_adopt(m, (unsigned int)i, false)) || nc_fd_name(m, (unsigned int)i))
			return nc_err(err, "no memory to adopt fd %llu", (unsigned long long)i);
	return 0;
}

/* hidden_fds() for a call whose result is the new fd */
static int hidden_fds_below_result(struct nc_replay *rp, uint64_t min, struct nc_error *err)
{
	const struct strace_event *ev = nc_replay_event(rp);

	if (!ev || ev->result != RESULT_VALUE || ev->retval < (long)min)
		return 0;
	return hidden_fds(rp, min, (uint64_t)ev->retval, err);
}

static int flags_arg(const struct strace_args *args, size_t i, const struct xlat *table,
		     uint64_t *reg, struct nc_error *err)
{
	const struct xlat *const tables[] = { table, NULL };
	const struct strace_arg *a = need(args, i, NULL, err);

	if (!a)
		return -EINVAL;
	return strace_parse_flags(tables, false, a->val, a->len, reg) ? bad(err, "flags", a) : 0;
}

int decode_fd(struct nc_replay *rp, const struct strace_args *args,
	      struct syscall_regs *regs, struct nc_error *err)
{
	return fd_arg(rp, args, 0, false, &regs->arg[0], err);
}

int decode_dup(struct nc_replay *rp, const struct strace_args *args,
	       struct syscall_regs *regs, struct nc_error *err)
{
	if (fd_arg(rp, args, 0, false, &regs->arg[0], err))
		return -EINVAL;
	return hidden_fds_below_result(rp, 0, err);
}

int decode_dup2(struct nc_replay *rp, const struct strace_args *args,
		struct syscall_regs *regs, struct nc_error *err)
{
	if (fd_arg(rp, args, 0, false, &regs->arg[0], err) || numbers(args, 2, regs, err))
		return -EINVAL;
	if (name_fd(rp, regs->arg[1], err))
		return -EINVAL;
	return args->n > 2 ? flags_arg(args, 2, &open_flags, &regs->arg[2], err) : 0;
}

int decode_fcntl(struct nc_replay *rp, const struct strace_args *args,
		 struct syscall_regs *regs, struct nc_error *err)
{
	const struct strace_event *ev = nc_replay_event(rp);
	const struct xlat *const cmds[] = { &fcntl_cmds, NULL };
	const struct strace_arg *a = need(args, 1, NULL, err);

	if (!a || strace_parse_flags(cmds, false, a->val, a->len, &regs->arg[1]))
		return a ? bad(err, "command", a) : -EINVAL;
	/* an adopted fd is close-on-exec if F_GETFD said so */
	if (fd_arg(rp, args, 0, regs->arg[1] == F_GETFD && ev && ev->result == RESULT_VALUE &&
		   (ev->retval & FD_CLOEXEC), &regs->arg[0], err))
		return -EINVAL;
	switch (regs->arg[1]) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (!need(args, 2, NULL, err))
			return -EINVAL;
		if (strace_parse_num(args->a[2].val, args->a[2].len, &regs->arg[2]))
			return bad(err, "argument", &args->a[2]);
		return hidden_fds_below_result(rp, regs->arg[2], err);
	case F_SETFD:
		return flags_arg(args, 2, &fd_flags, &regs->arg[2], err);
	default:            /* the other commands' arguments are not modelled */
		return 0;
	}
}

int decode_close_range(struct nc_replay *rp, const struct strace_args *args,
		       struct syscall_regs *regs, struct nc_error *err)
{
	if (numbers(args, 2, regs, err))
		return -EINVAL;
	/* after it, the fds of the range are closed or known */
	for (uint64_t fd = regs->arg[0]; fd <= regs->arg[1] && fd < NC_NAMED_FDS; fd++)
		if (name_fd(rp, fd, err))
			return -EINVAL;
	return flags_arg(args, 2, &close_range_flags, &regs->arg[2], err);
}

/* hidden_fds() for pipe2's and socketpair's two fds, as the log shows them */
static int hidden_fd_pair(struct nc_replay *rp, const struct strace_arg *a, struct nc_error *err)
{
	const struct strace_event *ev = nc_replay_event(rp);
	uint64_t logged[2];
	size_t n;

	if (!ev || ev->result != RESULT_VALUE ||
	    strace_parse_array(a->val, a->len, logged, 2, &n) || n != 2 || logged[1] <= logged[0])
		return 0;
	return hidden_fds(rp, 0, logged[0], err) ?: hidden_fds(rp, logged[0] + 1, logged[1], err);
}

int decode_pipe2(struct nc_replay *rp, const struct strace_args *args,
		 struct syscall_regs *regs, struct nc_error *err)
{
	const struct strace_arg *a = need(args, 0, NULL, err);

	if (!a || hidden_fd_pair(rp, a, err) || pointer(rp, a, 4, &regs->arg[0], err))
		return -EINVAL;
	return args->n > 1 ? flags_arg(args, 1, &open_flags, &regs->arg[1], err) : 0;
}

/* The numeric arguments of a call making an fd; of a flag set, only its
 * close-on-exec flag counts */
static void cloexec_args(const struct strace_args *args, struct syscall_regs *regs)
{
	const struct xlat *const tables[] = { &cloexec_flags, NULL };

	for (size_t i = 0; i < args->n && i < 6; i++) {
		const char *s = args->a[i].val;
		size_t len = args->a[i].len;

		if (!strace_parse_num(s, len, &regs->arg[i]))
			continue;
		regs->arg[i] = 0;
		while (len) {       /* a flag set: its close-on-exec name only */
			const char *bar = memchr(s, '|', len);
			size_t n = bar ? (size_t)(bar - s) : len;
			uint64_t f;

			if (xlat_parse(tables, s, n, &f) || !strace_parse_num(s, n, &f))
				regs->arg[i] |= f;
			s += bar ? n + 1 : n;
			len -= bar ? n + 1 : n;
		}
	}
}

int decode_new_fd(struct nc_replay *rp, const struct strace_args *args,
		  struct syscall_regs *regs, struct nc_error *err)
{
	cloexec_args(args, regs);
	return hidden_fds_below_result(rp, 0, err);
}

int decode_socketpair(struct nc_replay *rp, const struct strace_args *args,
		      struct syscall_regs *regs, struct nc_error *err)
{
	const struct strace_arg *a = need(args, 3, NULL, err);

	if (!a || hidden_fd_pair(rp, a, err))
		return -EINVAL;
	cloexec_args(args, regs);
	return pointer(rp, a, 4, &regs->arg[3], err);
}

int decode_signalfd(struct nc_replay *rp, const struct strace_args *args,
		    struct syscall_regs *regs, struct nc_error *err)
{
	cloexec_args(args, regs);
	/* -1 makes a fd, the lowest free; any other is the signalfd it updates */
	if ((int)regs->arg[0] == -1)
		return hidden_fds_below_result(rp, 0, err);
	return fd_arg(rp, args, 0, false, &regs->arg[0], err);
}

int decode_openat2(struct nc_replay *rp, const struct strace_args *args,
		   struct syscall_regs *regs, struct nc_error *err)
{
	const struct strace_arg *how = need(args, 3, NULL, err) ? &args->a[2] : NULL, *f;
	struct strace_args fields, one = { .n = 1 };
	struct syscall_regs flags = { { 0 } };
	uint64_t open_how[3] = { 0 };     /* flags, mode, resolve */

	if (!how)
		return -EINVAL;
	if (strace_parse_num(args->a[3].val, args->a[3].len, &regs->arg[3]))
		return bad(err, "size", &args->a[3]);
	if (!strace_parse_num(how->val, how->len, &regs->arg[2]))
		return 0;          /* an address strace could not read */
	if (strace_split_struct(how->val, how->len, &fields))
		return bad(err, "open_how", how);
	f = strace_arg_named(&fields, "flags");
	if (f) {
		one.a[0] = *f;
		cloexec_args(&one, &flags);
		open_how[0] = flags.arg[0];
	}
	return hidden_fds_below_result(rp, 0, err) ?: place(rp, open_how, sizeof(open_how),
							     &regs->arg[2], err);
}

int decode_pidfd_open(struct nc_replay *rp, const struct strace_args *args,
		      struct syscall_regs *regs, struct nc_error *err)
{
	if (numbers(args, 1, regs, err) || flags_arg(args, 1, &pidfd_open_flags, &regs->arg[1], err))
		return -EINVAL;
	regs->arg[0] = (uint64_t)nc_replay_pid(rp, (long)(int)regs->arg[0]);
	return hidden_fds_below_result(rp, 0, err);
}

bool check_fd_pair(struct nc_machine *m, const struct strace_args *args,
		   const struct syscall_regs *regs, char *why, size_t len)
{
	/* pipe2's fildes is its first argument, socketpair()'s its fourth */
	size_t i = args->n > 3 ? 3 : 0;
	uint64_t logged[2];
	int fd[2];
	size_t n;

	if (strace_parse_array(args->a[i].val, args->a[i].len, logged, 2, &n) || n != 2)
		return true;       /* the log shows no fds to compare */
	if (copy_from_user(m, fd, regs->arg[i], sizeof(fd)))
		return snprintf(why, len, "wrote no fds"), false;
	snprintf(why, len, "wrote [%d, %d]", fd[0], fd[1]);
	return (uint64_t)fd[0] == logged[0] && (uint64_t)fd[1] == logged[1];
}

/* A value strace printed from a table of values ("SCHED_FIFO", "PRIO_PGRP",
 * or "0x7 / * SCHED_??? * /") */
static int xval(const struct xlat *table, const struct strace_arg *a, uint64_t *reg,
		struct nc_error *err)
{
	const struct xlat *const tables[] = { table, NULL };

	return strace_parse_flags(tables, false, a->val, a->len, reg) ? bad(err, "value", a) : 0;
}

/* A pid argument, through the map of recorded pids */
static int pid_arg(struct nc_replay *rp, const struct strace_arg *a, uint64_t *reg,
		   struct nc_error *err)
{
	if (strace_parse_num(a->val, a->len, reg))
		return bad(err, "pid", a);
	*reg = (uint64_t)nc_replay_pid(rp, (long)(int)*reg);
	return 0;
}

/* which and who of setpriority()/getpriority(): who is a pid or a process
 * group (mapped) or a uid (as it is) */
static int prio_target(struct nc_replay *rp, const struct strace_args *args, size_t n,
		       struct syscall_regs *regs, struct nc_error *err)
{
	if (!need(args, n - 1, NULL, err) || xval(&priorities, &args->a[0], &regs->arg[0], err))
		return -EINVAL;
	if (regs->arg[0] == PRIO_USER)
		return strace_parse_num(args->a[1].val, args->a[1].len, &regs->arg[1])
		       ? bad(err, "uid", &args->a[1]) : 0;
	return pid_arg(rp, &args->a[1], &regs->arg[1], err);
}

/* getpriority() of the caller itself: its first answer is the nice the
 * traced program started with (nc_replay_adopt_nice()) */
int decode_getpriority(struct nc_replay *rp, const struct strace_args *args,
		       struct syscall_regs *regs, struct nc_error *err)
{
	const struct strace_event *ev = nc_replay_event(rp);
	struct nc_machine *m = nc_replay_machine(rp);

	if (prio_target(rp, args, 2, regs, err))
		return -EINVAL;
	if (ev && ev->result == RESULT_VALUE && regs->arg[0] == PRIO_PROCESS &&
	    (!regs->arg[1] || (pid_t)regs->arg[1] == task_pid_vnr(m, nc_current(m))))
		nc_replay_adopt_nice(rp, 20 - ev->retval);
	return 0;
}

int decode_setpriority(struct nc_replay *rp, const struct strace_args *args,
		       struct syscall_regs *regs, struct nc_error *err)
{
	nc_replay_adopt_nice(rp, MAX_NICE + 1);     /* set by the program: known */
	if (prio_target(rp, args, 3, regs, err))
		return -EINVAL;
	return strace_parse_num(args->a[2].val, args->a[2].len, &regs->arg[2])
	       ? bad(err, "nice value", &args->a[2]) : 0;
}

int decode_sched_policy(struct nc_replay *rp, const struct strace_args *args,
			struct syscall_regs *regs, struct nc_error *err)
{
	(void)rp;
	if (!need(args, 0, NULL, err))
		return -EINVAL;
	return xval(&schedulers, &args->a[0], &regs->arg[0], err);
}

/* sched_param's pointer: "[N]" (placed), NULL or an address */
static int sched_param(struct nc_replay *rp, const struct strace_arg *a, uint64_t *reg,
		       struct nc_error *err)
{
	return pointer(rp, a, sizeof(int), reg, err);
}

int decode_sched_setscheduler(struct nc_replay *rp, const struct strace_args *args,
			      struct syscall_regs *regs, struct nc_error *err)
{
	if (!need(args, 2, NULL, err) || pid_arg(rp, &args->a[0], &regs->arg[0], err) ||
	    xval(&schedulers, &args->a[1], &regs->arg[1], err))
		return -EINVAL;
	return sched_param(rp, &args->a[2], &regs->arg[2], err);
}

/* sched_setparam(pid, [N]) and sched_getparam(pid, [N]): the same shape */
int decode_sched_param(struct nc_replay *rp, const struct strace_args *args,
		       struct syscall_regs *regs, struct nc_error *err)
{
	if (!need(args, 1, NULL, err) || pid_arg(rp, &args->a[0], &regs->arg[0], err))
		return -EINVAL;
	return sched_param(rp, &args->a[1], &regs->arg[1], err);
}

#define SCHED_ATTR_ROOM 4096    /* PAGE_SIZE: larger sizes are refused unread */

/* A struct sched_attr as strace prints it; fields KEEP_* left out are 0.
 * Past the 56 bytes strace shows ("..."), the bytes are zero unless the
 * call failed with E2BIG, which says they were not. */
static int sched_attr(struct nc_replay *rp, const struct strace_arg *a, uint64_t *reg,
		      struct nc_error *err)
{
	static const char *const names[] = { "size", "sched_policy", "sched_flags", "sched_nice",
		"sched_priority", "sched_runtime", "sched_deadline", "sched_period",
		"sched_util_min", "sched_util_max" };
	static const struct xlat *const flag_tables[] = { &sched_flags, NULL };
	unsigned char buf[SCHED_ATTR_ROOM] = { 0 };
	uint64_t v[10] = { 0 };
	struct strace_args fields;
	size_t len;
	const struct strace_event *ev = nc_replay_event(rp);

	if (!strace_parse_num(a->val, a->len, reg))
		return 0;
	if (strace_split_struct(a->val, a->len, &fields))
		return bad(err, "sched_attr", a);
	for (size_t i = 0; i < fields.n; i++) {
		const struct strace_arg *f = &fields.a[i];
		size_t k = 0;

		while (k < 10 && !is_field(f, names[k]))
			k++;
		if (k == 10)
			continue;                 /* "..." */
		if (k == 1 ? xval(&schedulers, f, &v[k], err)
		    : k == 2 ? strace_parse_flags(flag_tables, false, f->val, f->len, &v[k])
		    : strace_parse_num(f->val, f->len, &v[k]))
			return bad(err, "sched_attr field", f);
	}
	/* size, policy: u32; flags: u64; nice, priority: 32 bits; runtime,
	 * deadline, period: u64; util_min, util_max: u32 */
	memcpy(buf, &(uint32_t){ (uint32_t)v[0] }, 4);
	memcpy(buf + 4, &(uint32_t){ (uint32_t)v[1] }, 4);
	memcpy(buf + 8, &v[2], 8);
	memcpy(buf + 16, &(uint32_t){ (uint32_t)v[3] }, 4);
	memcpy(buf + 20, &(uint32_t){ (uint32_t)v[4] }, 4);
	memcpy(buf + 24, &v[5], 24);
	memcpy(buf + 48, &(uint32_t){ (uint32_t)v[8] }, 4);
	memcpy(buf + 52, &(uint32_t){ (uint32_t)v[9] }, 4);
	len = v[0] > 56 && v[0] <= SCHED_ATTR_ROOM ? (size_t)v[0] : 56;
	if (len > 56 && ev && ev->err == E2BIG)
		buf[len - 1] = 1;
	return place(rp, buf, len, reg, err);
}

int decode_sched_setattr(struct nc_replay *rp, const struct strace_args *args,
			 struct syscall_regs *regs, struct nc_error *err)
{
	nc_replay_adopt_nice(rp, MAX_NICE + 1);     /* may set it: known */
	if (!need(args, 2, NULL, err) || pid_arg(rp, &args->a[0], &regs->arg[0], err) ||
	    sched_attr(rp, &args->a[1], &regs->arg[1], err))
		return -EINVAL;
	return strace_parse_num(args->a[2].val, args->a[2].len, &regs->arg[2])
	       ? bad(err, "flags", &args->a[2]) : 0;
}

int decode_sched_getattr(struct nc_replay *rp, const struct strace_args *args,
			 struct syscall_regs *regs, struct nc_error *err)
{
	static const unsigned char room[SCHED_ATTR_ROOM];

	if (!need(args, 3, NULL, err) || pid_arg(rp, &args->a[0], &regs->arg[0], err) ||
	    strace_parse_num(args->a[2].val, args->a[2].len, &regs->arg[2]) ||
	    strace_parse_num(args->a[3].val, args->a[3].len, &regs->arg[3]))
		return bad(err, "arguments", &args->a[0]);
	if (!strace_parse_num(args->a[1].val, args->a[1].len, &regs->arg[1]))
		return 0;
	return place(rp, room, regs->arg[2] >= 56 && regs->arg[2] <= SCHED_ATTR_ROOM
			       ? (size_t)regs->arg[2] : 56, &regs->arg[1], err);
}

int decode_sched_rr_get_interval(struct nc_replay *rp, const struct strace_args *args,
				 struct syscall_regs *regs, struct nc_error *err)
{
	if (!need(args, 1, NULL, err) || pid_arg(rp, &args->a[0], &regs->arg[0], err))
		return -EINVAL;
	/* a struct timespec, 16 bytes */
	return out_pointer(rp, &args->a[1], 16, &regs->arg[1], err);
}

/* ---- resource limits, ids, robust lists (kernel/sys.c, kernel/futex/) ---- */

/* One limit as strace prints it: "RLIM64_INFINITY", "8192*1024", "1024" */
static int rlim_value(const struct strace_arg *f, uint64_t *v)
{
	static const struct xlat *const tables[] = { &rlimit_infinity, NULL };
	size_t len = f->len;

	if (len > 5 && !memcmp(f->val + len - 5, "*1024", 5)) {
		if (strace_parse_num(f->val, len - 5, v) || *v > UINT64_MAX / 1024)
			return -EINVAL;
		*v *= 1024;
		return 0;
	}
	return xlat_parse(tables, f->val, len, v) ? 0 : strace_parse_num(f->val, len, v);
}

/* "{rlim_cur=..., rlim_max=...}" into lim[2]; -EINVAL if not that */
static int rlimit_struct(const struct strace_arg *a, uint64_t lim[2])
{
	struct strace_args fields;
	const struct strace_arg *cur, *max;

	if (strace_split_struct(a->val, a->len, &fields) ||
	    !(cur = strace_arg_named(&fields, "rlim_cur")) ||
	    !(max = strace_arg_named(&fields, "rlim_max")) ||
	    rlim_value(cur, &lim[0]) || rlim_value(max, &lim[1]))
		return -EINVAL;
	return 0;
}

static bool succeeded(const struct nc_replay *rp)
{
	const struct strace_event *ev = nc_replay_event(rp);

	return ev && ev->result == RESULT_VALUE && ev->retval == 0;
}

static const struct xlat *const rlimit_tables[] = { &rlimit_resources, NULL };

/* A new limit do_prlimit() refused with EPERM past its own checks: the
 * task raised a hard limit without CAP_SYS_RESOURCE */
static bool refused_for_cap(const struct nc_replay *rp, uint64_t resource, const uint64_t lim[2])
{
	const struct strace_event *ev = nc_replay_event(rp);

	return ev && ev->result == RESULT_ERROR && ev->err == EPERM && resource < RLIM_NLIMITS &&
	       lim[0] <= lim[1] && !(resource == RLIMIT_NOFILE && lim[1] > NR_OPEN);
}

/*
 * A limit argument: an address as it is, or the struct placed. An output
 * (old) gets room. What the task's own calls answer tells the model what
 * it inherited: the first successful read of each limit
 * (nc_replay_adopt_rlimit()), and a raise refused for want of
 * CAP_SYS_RESOURCE (nc_replay_adopt_no_cap()).
 */
static int rlimit_arg(struct nc_replay *rp, const struct strace_arg *a, bool out, bool own,
		      uint64_t resource, uint64_t *reg, struct nc_error *err)
{
	uint64_t lim[2];

	if (!strace_parse_num(a->val, a->len, reg))
		return 0;
	if (rlimit_struct(a, lim))
		return bad(err, "rlimit", a);
	if (own && out && succeeded(rp))
		nc_replay_adopt_rlimit(rp, (unsigned int)resource,
				       &(struct rlimit){ lim[0], lim[1] });
	if (own && !out && refused_for_cap(rp, resource, lim))
		nc_replay_adopt_no_cap(rp, CAP_SYS_RESOURCE);
	return place(rp, lim, sizeof(lim), reg, err);
}

static int rlimit_resource(const struct strace_arg *a, uint64_t *reg, struct nc_error *err)
{
	return strace_parse_flags(rlimit_tables, false, a->val, a->len, reg) ?
	       bad(err, "resource", a) : 0;
}

int decode_prlimit64(struct nc_replay *rp, const struct strace_args *args,
		     struct syscall_regs *regs, struct nc_error *err)
{
	if (!need(args, 3, NULL, err))
		return -EINVAL;
	if (strace_parse_num(args->a[0].val, args->a[0].len, &regs->arg[0]))
		return bad(err, "pid", &args->a[0]);
	/* only a task's calls on its own limits tell what it inherited */
	if (rlimit_resource(&args->a[1], &regs->arg[1], err) ||
	    rlimit_arg(rp, &args->a[2], false, regs->arg[0] == 0, regs->arg[1], &regs->arg[2], err) ||
	    rlimit_arg(rp, &args->a[3], true, regs->arg[0] == 0, regs->arg[1], &regs->arg[3], err))
		return -EINVAL;
	regs->arg[0] = (uint64_t)nc_replay_pid(rp, (long)(int)regs->arg[0]);
	return 0;
}

int decode_getrlimit(struct nc_replay *rp, const struct strace_args *args,
		     struct syscall_regs *regs, struct nc_error *err)
{
	if (!need(args, 1, NULL, err) || rlimit_resource(&args->a[0], &regs->arg[0], err))
		return -EINVAL;
	return rlimit_arg(rp, &args->a[1], true, true, regs->arg[0], &regs->arg[1], err);
}

int decode_setrlimit(struct nc_replay *rp, const struct strace_args *args,
		     struct syscall_regs *regs, struct nc_error *err)
{
	if (!need(args, 1, NULL, err) || rlimit_resource(&args->a[0], &regs->arg[0], err))
		return -EINVAL;
	return rlimit_arg(rp, &args->a[1], false, true, regs->arg[0], &regs->arg[1], err);
}

/* Compares the struct rlimit64 at addr with the log's "{rlim_cur=...}". */
static bool rlimit_written(struct nc_machine *m, const struct strace_arg *a, uint64_t addr,
			   char *why, size_t len)
{
	uint64_t lim[2], model[2];

	if (rlimit_struct(a, lim))
		return true;                /* an address: strace showed nothing */
	if (copy_from_user(m, model, addr, sizeof(model))) {
		snprintf(why, len, "the limit was not written");
		return false;
	}
	if (lim[0] == model[0] && lim[1] == model[1])
		return true;
	snprintf(why, len, "wrote {rlim_cur=%llu, rlim_max=%llu}", (unsigned long long)model[0],
		 (unsigned long long)model[1]);
	return false;
}

bool written_prlimit64(struct nc_machine *m, const struct strace_args *args,
		       const struct syscall_regs *regs, char *why, size_t len)
{
	return args->n < 4 || rlimit_written(m, &args->a[3], regs->arg[3], why, len);
}

bool written_getrlimit(struct nc_machine *m, const struct strace_args *args,
		       const struct syscall_regs *regs, char *why, size_t len)
{
	return args->n < 2 || rlimit_written(m, &args->a[1], regs->arg[1], why, len);
}

/* A call answering with an id (getuid, ...): the first answer is the
 * traced program's own (nc_replay_adopt_id()). */
int decode_id(struct nc_replay *rp, const struct strace_args *args,
	      struct syscall_regs *regs, struct nc_error *err)
{
	static const char *const names[] = { "getuid", "geteuid", NULL, "getgid", "getegid" };
	const struct strace_event *ev = nc_replay_event(rp);

	if (ev && ev->result == RESULT_VALUE && ev->retval >= 0 && ev->retval <= UINT32_MAX)
		for (unsigned int i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (names[i] && !strcmp(ev->name, names[i]))
				nc_replay_adopt_id(rp, i, (unsigned int)ev->retval);
	return decode_numbers(rp, args, regs, err);
}

/* getresuid([0], [0], [0]): room for three ids; the first answer of each
 * is adopted */
int decode_getres(struct nc_replay *rp, const struct strace_args *args,
		  struct syscall_regs *regs, struct nc_error *err)
{
	const struct strace_event *ev = nc_replay_event(rp);
	unsigned int first = ev && !strcmp(ev->name, "getresgid") ? NC_GID : NC_UID;

	if (!need(args, 2, NULL, err))
		return -EINVAL;
	/* the saved id first: the effective one stands for it only when the
	 * log has not told it */
	for (unsigned int k = 0; k < 3; k++) {
		unsigned int i = (k + 2) % 3;
		const struct strace_arg *a = &args->a[i];
		uint64_t id;

		if (!strace_parse_num(a->val, a->len, &regs->arg[i]))
			continue;
		if (strace_parse_deref(a->val, a->len, &id) || id > UINT32_MAX)
			return bad(err, "id", a);
		if (succeeded(rp))
			nc_replay_adopt_id(rp, first + i, (unsigned int)id);
		if (out_pointer(rp, a, sizeof(uint32_t), &regs->arg[i], err))
			return -EINVAL;
	}
	return 0;
}

/* "[N]" at args->a[i] against the size-byte value at regs->arg[i] */
static bool deref_written(struct nc_machine *m, const struct strace_args *args, size_t i,
			  const struct syscall_regs *regs, size_t size, char *why, size_t len)
{
	uint64_t logged, model = 0;

	if (i >= args->n || strace_parse_deref(args->a[i].val, args->a[i].len, &logged))
		return true;
	if (copy_from_user(m, &model, regs->arg[i], size)) {
		snprintf(why, len, "argument %zu was not written", i + 1);
		return false;
	}
	if (model == logged)
		return true;
	snprintf(why, len, "wrote [%#llx] to argument %zu", (unsigned long long)model, i + 1);
	return false;
}

bool written_getres(struct nc_machine *m, const struct strace_args *args,
		    const struct syscall_regs *regs, char *why, size_t len)
{
	for (size_t i = 0; i < 3; i++)
		if (!deref_written(m, args, i, regs, sizeof(uint32_t), why, len))
			return false;
	return true;
}

/* get_robust_list(0, [0x7f...], [24]): the pid through the map, room for
 * the head and the size */
int decode_get_robust_list(struct nc_replay *rp, const struct strace_args *args,
			   struct syscall_regs *regs, struct nc_error *err)
{
	if (!need(args, 2, NULL, err))
		return -EINVAL;
	if (strace_parse_num(args->a[0].val, args->a[0].len, &regs->arg[0]))
		return bad(err, "pid", &args->a[0]);
	regs->arg[0] = (uint64_t)nc_replay_pid(rp, (long)(int)regs->arg[0]);
	for (unsigned int i = 1; i < 3; i++)
		if (out_pointer(rp, &args->a[i], sizeof(uint64_t), &regs->arg[i], err))
			return -EINVAL;
	return 0;
}

bool written_get_robust_list(struct nc_machine *m, const struct strace_args *args,
			     const struct syscall_regs *regs, char *why, size_t len)
{
	return deref_written(m, args, 1, regs, sizeof(uint64_t), why, len) &&
	       deref_written(m, args, 2, regs, sizeof(uint64_t), why, len);
}

/* rseq(addr, len, flags, sig) */
int decode_rseq(struct nc_replay *rp, const struct strace_args *args,
		struct syscall_regs *regs, struct nc_error *err)
{
	static const struct xlat *const tables[] = { &rseq_flags, NULL };

	(void)rp;
	if (!need(args, 3, NULL, err) || numbers(args, 2, regs, err))
		return -EINVAL;
	if (strace_parse_flags(tables, false, args->a[2].val, args->a[2].len, &regs->arg[2]))
		return bad(err, "flags", &args->a[2]);
	return strace_parse_num(args->a[3].val, args->a[3].len, &regs->arg[3]) ?
	       bad(err, "sig", &args->a[3]) : 0;
}
