// SPDX-License-Identifier: GPL-2.0-only
/*
 * strace's name tables (strace's src/xlat/) for the values the model speaks,
 * and printing and parsing them in strace's spelling. Texts of errors are
 * glibc's strerror() texts, which strace prints; the kernel-internal restart
 * codes carry strace's own texts. Covers x86_64 only.
 */
#include <string.h>

#include "fs/exec.h"
#include "uapi/linux/errno.h"
#include "uapi/linux/ioprio.h"
#include "uapi/linux/mempolicy.h"
#include "uapi/linux/mman.h"
#include "uapi/linux/resource.h"
#include "uapi/linux/sched.h"
#include "uapi/linux/signal.h"
#include "uapi/linux/wait.h"
#include "strace/xlat.h"

#define X(v) { (v), #v }
#define XLAT_CLASS(class, name, ...) \
	static const struct xlat_data name##_data[] = { __VA_ARGS__ }; \
	class const struct xlat name = { name##_data, sizeof(name##_data) / sizeof(name##_data[0]) }
#define XLAT(name, ...) XLAT_CLASS(, name, __VA_ARGS__)

/* strace leaves CLONE_DETACHED out (the kernel ignores it): it prints as hex */
XLAT(clone_flags,
     X(CLONE_VM), X(CLONE_FS), X(CLONE_FILES), X(CLONE_SIGHAND), X(CLONE_PIDFD),
     X(CLONE_PTRACE), X(CLONE_VFORK), X(CLONE_PARENT), X(CLONE_THREAD),
     X(CLONE_NEWNS), X(CLONE_SYSVSEM), X(CLONE_SETTLS), X(CLONE_PARENT_SETTID),
     X(CLONE_CHILD_CLEARTID), X(CLONE_UNTRACED), X(CLONE_CHILD_SETTID),
     X(CLONE_NEWCGROUP), X(CLONE_NEWUTS), X(CLONE_NEWIPC), X(CLONE_NEWUSER),
     X(CLONE_NEWPID), X(CLONE_NEWNET), X(CLONE_IO));
XLAT(clone3_flags, X(CLONE_NEWTIME), X(CLONE_CLEAR_SIGHAND), X(CLONE_INTO_CGROUP));
XLAT(mpol_modes,
     X(MPOL_DEFAULT), X(MPOL_PREFERRED), X(MPOL_BIND), X(MPOL_INTERLEAVE),
     X(MPOL_LOCAL), X(MPOL_PREFERRED_MANY), X(MPOL_WEIGHTED_INTERLEAVE));
XLAT(mpol_mode_flags,
     X(MPOL_F_STATIC_NODES), X(MPOL_F_RELATIVE_NODES), X(MPOL_F_NUMA_BALANCING));
XLAT(get_mempolicy_flags, X(MPOL_F_NODE), X(MPOL_F_ADDR), X(MPOL_F_MEMS_ALLOWED));
XLAT(mbind_flags, X(MPOL_MF_STRICT), X(MPOL_MF_MOVE), X(MPOL_MF_MOVE_ALL));

XLAT(wait_options,
     X(WNOHANG), X(WSTOPPED), X(WEXITED), X(WCONTINUED), X(WNOWAIT), X(__WNOTHREAD),
     X(__WALL), X(__WCLONE));
/* strace spells the id types without the model's prefix */
XLAT(waitid_which, { NC_P_ALL, "P_ALL" }, { NC_P_PID, "P_PID" }, { NC_P_PGID, "P_PGID" },
     { NC_P_PIDFD, "P_PIDFD" });

/* ioprio_set()/ioprio_get(): whom, and the class inside IOPRIO_PRIO_VALUE() */
XLAT(ioprio_who, X(IOPRIO_WHO_PROCESS), X(IOPRIO_WHO_PGRP), X(IOPRIO_WHO_USER));
XLAT(ioprio_class, X(IOPRIO_CLASS_NONE), X(IOPRIO_CLASS_RT), X(IOPRIO_CLASS_BE),
     X(IOPRIO_CLASS_IDLE), X(IOPRIO_CLASS_INVALID));

/* execveat()'s directory and flags (uapi/linux/fcntl.h) */
XLAT(at_dirfd, { (uint64_t)NC_AT_FDCWD, "AT_FDCWD" });
XLAT(execveat_flags, { NC_AT_SYMLINK_NOFOLLOW, "AT_SYMLINK_NOFOLLOW" },
     { NC_AT_EMPTY_PATH, "AT_EMPTY_PATH" });

/* x86_64's O_* (asm-generic/fcntl.h): O_SYNC and O_TMPFILE carry
 * O_DSYNC and O_DIRECTORY; FASYNC is strace's name for O_ASYNC */
XLAT(open_flags,
     { 0, "O_RDONLY" }, { 01, "O_WRONLY" }, { 02, "O_RDWR" }, { 0100, "O_CREAT" },
     { 0200, "O_EXCL" }, { 0400, "O_NOCTTY" }, { 01000, "O_TRUNC" }, { 02000, "O_APPEND" },
     { 04000, "O_NONBLOCK" }, { 010000, "O_DSYNC" }, { 020000, "FASYNC" },
     { 040000, "O_DIRECT" }, { 0100000, "O_LARGEFILE" }, { 0200000, "O_DIRECTORY" },
     { 0400000, "O_NOFOLLOW" }, { 01000000, "O_NOATIME" }, { 02000000, "O_CLOEXEC" },
     { 04010000, "O_SYNC" }, { 010000000, "O_PATH" }, { 020200000, "O_TMPFILE" });
/* Each family's close-on-exec flag, in the call's own flags argument */
XLAT(cloexec_flags,
     { 02000000, "O_CLOEXEC" }, { 02000000, "SOCK_CLOEXEC" }, { 02000000, "EFD_CLOEXEC" },
     { 02000000, "EPOLL_CLOEXEC" }, { 02000000, "TFD_CLOEXEC" }, { 02000000, "SFD_CLOEXEC" },
     { 02000000, "IN_CLOEXEC" }, { 02000000, "OPEN_TREE_CLOEXEC" }, { 1, "MFD_CLOEXEC" },
     { 1, "FAN_CLOEXEC" }, { 1, "FSOPEN_CLOEXEC" }, { 1, "FSMOUNT_CLOEXEC" },
     { 1, "FSPICK_CLOEXEC" }, { 8, "PERF_FLAG_FD_CLOEXEC" });
/* fcntl()'s commands (values), as strace 6.x names them on x86_64 */
XLAT(fcntl_cmds,
     { 0, "F_DUPFD" }, { 1, "F_GETFD" }, { 2, "F_SETFD" }, { 3, "F_GETFL" }, { 4, "F_SETFL" },
     { 5, "F_GETLK" }, { 6, "F_SETLK" }, { 7, "F_SETLKW" }, { 8, "F_SETOWN" },
     { 9, "F_GETOWN" }, { 10, "F_SETSIG" }, { 11, "F_GETSIG" }, { 15, "F_SETOWN_EX" },
     { 16, "F_GETOWN_EX" }, { 17, "F_GETOWNER_UIDS" }, { 36, "F_OFD_GETLK" },
     { 37, "F_OFD_SETLK" }, { 38, "F_OFD_SETLKW" }, { 1024, "F_SETLEASE" },
     { 1025, "F_GETLEASE" }, { 1026, "F_NOTIFY" }, { 1027, "F_DUPFD_QUERY" },
     { 1028, "F_CREATED_QUERY" }, { 1029, "F_CANCELLK" }, { 1030, "F_DUPFD_CLOEXEC" },
     { 1031, "F_SETPIPE_SZ" }, { 1032, "F_GETPIPE_SZ" }, { 1033, "F_ADD_SEALS" },
     { 1034, "F_GET_SEALS" }, { 1035, "F_GET_RW_HINT" }, { 1036, "F_SET_RW_HINT" },
     { 1037, "F_GET_FILE_RW_HINT" }, { 1038, "F_SET_FILE_RW_HINT" });
XLAT(fd_flags, { 1, "FD_CLOEXEC" });
XLAT(close_range_flags, { 2, "CLOSE_RANGE_UNSHARE" }, { 4, "CLOSE_RANGE_CLOEXEC" });
XLAT(pidfd_open_flags, { 04000, "PIDFD_NONBLOCK" }, { 0200, "PIDFD_THREAD" });

/* x86_64's SA_* (asm/signal.h), in strace's order */
XLAT(sigaction_flags,
     { 0x04000000, "SA_RESTORER" }, { 0x08000000, "SA_ONSTACK" }, { 0x10000000, "SA_RESTART" },
     { 0x40000000, "SA_NODEFER" }, { 0x80000000, "SA_RESETHAND" }, { 0x00000004, "SA_SIGINFO" },
     { 0x00000001, "SA_NOCLDSTOP" }, { 0x00000002, "SA_NOCLDWAIT" },
     { 0x00000400, "SA_UNSUPPORTED" }, { 0x00000800, "SA_EXPOSE_TAGBITS" });
XLAT(sigaction_handlers, { 0, "SIG_DFL" }, { 1, "SIG_IGN" }, { (uint64_t)-1, "SIG_ERR" });
XLAT(rlimit_resources,
     X(RLIMIT_CPU), X(RLIMIT_FSIZE), X(RLIMIT_DATA), X(RLIMIT_STACK), X(RLIMIT_CORE),
     X(RLIMIT_RSS), X(RLIMIT_NPROC), X(RLIMIT_NOFILE), X(RLIMIT_MEMLOCK), X(RLIMIT_AS),
     X(RLIMIT_LOCKS), X(RLIMIT_SIGPENDING), X(RLIMIT_MSGQUEUE), X(RLIMIT_NICE),
     X(RLIMIT_RTPRIO), X(RLIMIT_RTTIME));
/* a limit of all ones: prlimit64's 64-bit spelling and getrlimit's */
XLAT(rlimit_infinity, { RLIM64_INFINITY, "RLIM64_INFINITY" }, { RLIM64_INFINITY, "RLIM_INFINITY" });
XLAT(rseq_flags, { 1, "RSEQ_FLAG_UNREGISTER" });

XLAT(mmap_prot,
     X(PROT_NONE), X(PROT_READ), X(PROT_WRITE), X(PROT_EXEC), X(PROT_SEM),
     X(PROT_GROWSDOWN), X(PROT_GROWSUP));
/* the map type first, as strace prints it, then the flags */
XLAT(mmap_flags,
     X(MAP_SHARED_VALIDATE), X(MAP_SHARED), X(MAP_PRIVATE), X(MAP_DROPPABLE),
     X(MAP_FIXED), X(MAP_ANONYMOUS), X(MAP_32BIT), X(MAP_GROWSDOWN),
     X(MAP_DENYWRITE), X(MAP_EXECUTABLE), X(MAP_LOCKED), X(MAP_NORESERVE),
     X(MAP_POPULATE), X(MAP_NONBLOCK), X(MAP_STACK), X(MAP_HUGETLB), X(MAP_SYNC),
     X(MAP_FIXED_NOREPLACE));
XLAT(madvise_advice,
     X(MADV_NORMAL), X(MADV_RANDOM), X(MADV_SEQUENTIAL), X(MADV_WILLNEED),
     X(MADV_DONTNEED), X(MADV_FREE), X(MADV_REMOVE), X(MADV_DONTFORK),
     X(MADV_DOFORK), X(MADV_MERGEABLE), X(MADV_UNMERGEABLE), X(MADV_HUGEPAGE),
     X(MADV_NOHUGEPAGE), X(MADV_DONTDUMP), X(MADV_DODUMP), X(MADV_WIPEONFORK),
     X(MADV_KEEPONFORK), X(MADV_COLD), X(MADV_PAGEOUT), X(MADV_POPULATE_READ),
     X(MADV_POPULATE_WRITE), X(MADV_DONTNEED_LOCKED), X(MADV_COLLAPSE));

/* Signal names up to SIGSYS; the real-time ones are SIGRTMIN, SIGRT_<n>. */
static const char *const signames[SIGRTMIN] = {
	[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT",
	[SIGILL] = "SIGILL", [SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT",
	[SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE", [SIGKILL] = "SIGKILL",
	[SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
	[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM",
	[SIGSTKFLT] = "SIGSTKFLT", [SIGCHLD] = "SIGCHLD", [SIGCONT] = "SIGCONT",
	[SIGSTOP] = "SIGSTOP", [SIGTSTP] = "SIGTSTP", [SIGTTIN] = "SIGTTIN",
	[SIGTTOU] = "SIGTTOU", [SIGURG] = "SIGURG", [SIGXCPU] = "SIGXCPU",
	[SIGXFSZ] = "SIGXFSZ", [SIGVTALRM] = "SIGVTALRM", [SIGPROF] = "SIGPROF",
	[SIGWINCH] = "SIGWINCH", [SIGIO] = "SIGIO", [SIGPWR] = "SIGPWR",
	[SIGSYS] = "SIGSYS",
};

struct errno_data {
	const char *name;
	const char *text;
};

#define E(e, text) [e] = { #e, text }
static const struct errno_data errnos[] = {
	E(EPERM, "Operation not permitted"),
	E(ENOENT, "No such file or directory"),
	E(ESRCH, "No such process"),
	E(EINTR, "Interrupted system call"),
	E(EIO, "Input/output error"),
	E(ENXIO, "No such device or address"),
	E(E2BIG, "Argument list too long"),
	E(ENOEXEC, "Exec format error"),
	E(EBADF, "Bad file descriptor"),
	E(ECHILD, "No child processes"),
	E(EAGAIN, "Resource temporarily unavailable"),
	E(ENOMEM, "Cannot allocate memory"),
	E(EACCES, "Permission denied"),
	E(EFAULT, "Bad address"),
	E(ENOTBLK, "Block device required"),
	E(EBUSY, "Device or resource busy"),
	E(EEXIST, "File exists"),
	E(EXDEV, "Invalid cross-device link"),
	E(ENODEV, "No such device"),
	E(ENOTDIR, "Not a directory"),
	E(EISDIR, "Is a directory"),
	E(EINVAL, "Invalid argument"),
	E(ENFILE, "Too many open files in system"),
	E(EMFILE, "Too many open files"),
	E(ENOTTY, "Inappropriate ioctl for device"),
	E(ETXTBSY, "Text file busy"),
	E(EFBIG, "File too large"),
	E(ENOSPC, "No space left on device"),
	E(ESPIPE, "Illegal seek"),
	E(EROFS, "Read-only file system"),
	E(EMLINK, "Too many links"),
	E(EPIPE, "Broken pipe"),
	E(EDOM, "Numerical argument out of domain"),
	E(ERANGE, "Numerical result out of range"),
	E(EDEADLK, "Resource deadlock avoided"),
	E(ENAMETOOLONG, "File name too long"),
	E(ENOLCK, "No locks available"),
	E(ENOSYS, "Function not implemented"),
	E(ENOTEMPTY, "Directory not empty"),
	E(ELOOP, "Too many levels of symbolic links"),
	E(ENOMSG, "No message of desired type"),
	E(EIDRM, "Identifier removed"),
	E(ECHRNG, "Channel number out of range"),
	E(EL2NSYNC, "Level 2 not synchronized"),
	E(EL3HLT, "Level 3 halted"),
	E(EL3RST, "Level 3 reset"),
	E(ELNRNG, "Link number out of range"),
	E(EUNATCH, "Protocol driver not attached"),
	E(ENOCSI, "No CSI structure available"),
	E(EL2HLT, "Level 2 halted"),
	E(EBADE, "Invalid exchange"),
	E(EBADR, "Invalid request descriptor"),
	E(EXFULL, "Exchange full"),
	E(ENOANO, "No anode"),
	E(EBADRQC, "Invalid request code"),
	E(EBADSLT, "Invalid slot"),
	E(EBFONT, "Bad font file format"),
	E(ENOSTR, "Device not a stream"),
	E(ENODATA, "No data available"),
	E(ETIME, "Timer expired"),
	E(ENOSR, "Out of streams resources"),
	E(ENONET, "Machine is not on the network"),
	E(ENOPKG, "Package not installed"),
	E(EREMOTE, "Object is remote"),
	E(ENOLINK, "Link has been severed"),
	E(EADV, "Advertise error"),
	E(ESRMNT, "Srmount error"),
	E(ECOMM, "Communication error on send"),
	E(EPROTO, "Protocol error"),
	E(EMULTIHOP, "Multihop attempted"),
	E(EDOTDOT, "RFS specific error"),
	E(EBADMSG, "Bad message"),
	E(EOVERFLOW, "Value too large for defined data type"),
	E(ENOTUNIQ, "Name not unique on network"),
	E(EBADFD, "File descriptor in bad state"),
	E(EREMCHG, "Remote address changed"),
	E(ELIBACC, "Can not access a needed shared library"),
	E(ELIBBAD, "Accessing a corrupted shared library"),
	E(ELIBSCN, ".lib section in a.out corrupted"),
	E(ELIBMAX, "Attempting to link in too many shared libraries"),
	E(ELIBEXEC, "Cannot exec a shared library directly"),
	E(EILSEQ, "Invalid or incomplete multibyte or wide character"),
	E(ERESTART, "Interrupted system call should be restarted"),
	E(ESTRPIPE, "Streams pipe error"),
	E(EUSERS, "Too many users"),
	E(ENOTSOCK, "Socket operation on non-socket"),
	E(EDESTADDRREQ, "Destination address required"),
	E(EMSGSIZE, "Message too long"),
	E(EPROTOTYPE, "Protocol wrong type for socket"),
	E(ENOPROTOOPT, "Protocol not available"),
	E(EPROTONOSUPPORT, "Protocol not supported"),
	E(ESOCKTNOSUPPORT, "Socket type not supported"),
	E(EOPNOTSUPP, "Operation not supported"),
	E(EPFNOSUPPORT, "Protocol family not supported"),
	E(EAFNOSUPPORT, "Address family not supported by protocol"),
	E(EADDRINUSE, "Address already in use"),
	E(EADDRNOTAVAIL, "Cannot assign requested address"),
	E(ENETDOWN, "Network is down"),
	E(ENETUNREACH, "Network is unreachable"),
	E(ENETRESET, "Network dropped connection on reset"),
	E(ECONNABORTED, "Software caused connection abort"),
	E(ECONNRESET, "Connection reset by peer"),
	E(ENOBUFS, "No buffer space available"),
	E(EISCONN, "Transport endpoint is already connected"),
	E(ENOTCONN, "Transport endpoint is not connected"),
	E(ESHUTDOWN, "Cannot send after transport endpoint shutdown"),
	E(ETOOMANYREFS, "Too many references: cannot splice"),
	E(ETIMEDOUT, "Connection timed out"),
	E(ECONNREFUSED, "Connection refused"),
	E(EHOSTDOWN, "Host is down"),
	E(EHOSTUNREACH, "No route to host"),
	E(EALREADY, "Operation already in progress"),
	E(EINPROGRESS, "Operation now in progress"),
	E(ESTALE, "Stale file handle"),
	E(EUCLEAN, "Structure needs cleaning"),
	E(ENOTNAM, "Not a XENIX named type file"),
	E(ENAVAIL, "No XENIX semaphores available"),
	E(EISNAM, "Is a named type file"),
	E(EREMOTEIO, "Remote I/O error"),
	E(EDQUOT, "Disk quota exceeded"),
	E(ENOMEDIUM, "No medium found"),
	E(EMEDIUMTYPE, "Wrong medium type"),
	E(ECANCELED, "Operation canceled"),
	E(ENOKEY, "Required key not available"),
	E(EKEYEXPIRED, "Key has expired"),
	E(EKEYREVOKED, "Key has been revoked"),
	E(EKEYREJECTED, "Key was rejected by service"),
	E(EOWNERDEAD, "Owner died"),
	E(ENOTRECOVERABLE, "State not recoverable"),
	E(ERFKILL, "Operation not possible due to RF-kill"),
	E(EHWPOISON, "Memory page has hardware error"),
	/* kernel-internal: strace's own texts for the restart codes */
	E(ERESTARTSYS, "To be restarted if SA_RESTART is set"),
	E(ERESTARTNOINTR, "To be restarted"),
	E(ERESTARTNOHAND, "To be restarted if no handler"),
	E(ENOIOCTLCMD, "Unknown error 515"),
	E(ERESTART_RESTARTBLOCK, "Interrupted by signal"),
	E(EPROBE_DEFER, "Unknown error 517"),
	E(EOPENSTALE, "Unknown error 518"),
	E(ENOPARAM, "Unknown error 519"),
	E(EBADHANDLE, "Unknown error 521"),
	E(ENOTSYNC, "Unknown error 522"),
	E(EBADCOOKIE, "Unknown error 523"),
	E(ENOTSUPP, "Unknown error 524"),
	E(ETOOSMALL, "Unknown error 525"),
	E(ESERVERFAULT, "Unknown error 526"),
	E(EBADTYPE, "Unknown error 527"),
	E(EJUKEBOX, "Unknown error 528"),
	E(EIOCBQUEUED, "Unknown error 529"),
	E(ERECALLCONFLICT, "Unknown error 530"),
	E(ENOGRACE, "Unknown error 531"),
};
#undef E

/* Names strace never prints but a script may use */
XLAT_CLASS(static, signal_aliases, X(SIGIOT), X(SIGPOLL));
XLAT_CLASS(static, errno_aliases, X(EWOULDBLOCK), X(EDEADLOCK));

static bool name_is(const char *name, const char *s, size_t len)
{
	return name && strlen(name) == len && !memcmp(name, s, len);
}

const char *xlookup(const struct xlat *x, uint64_t val)
{
	for (size_t i = 0; i < x->size; i++)
		if (x->data[i].val == val)
			return x->data[i].str;
	return NULL;
}

bool xlat_parse(const struct xlat *const *tables, const char *s, size_t len, uint64_t *val)
{
	for (; *tables; tables++)
		for (size_t i = 0; i < (*tables)->size; i++) {
			if (name_is((*tables)->data[i].str, s, len)) {
				*val = (*tables)->data[i].val;
				return true;
			}
		}
	return false;
}

/* models strace's printflags_ex() in its default (abbreviated) style */
void printflags(FILE *f, const struct xlat *const *tables, uint64_t flags, const char *dflt)
{
	const char *sep = "";

	if (!flags) {
		fputs("0", f);
		return;
	}
	for (; *tables; tables++)
		for (size_t i = 0; i < (*tables)->size; i++) {
			uint64_t v = (*tables)->data[i].val;

			if (v && (flags & v) == v) {
				fprintf(f, "%s%s", sep, (*tables)->data[i].str);
				sep = "|";
				flags &= ~v;
			}
		}
	if (!*sep)
		fprintf(f, "%#llx /* %s */", (unsigned long long)flags, dflt);
	else if (flags)
		fprintf(f, "|%#llx", (unsigned long long)flags);
}

static bool parse_alias(const struct xlat *aliases, const char *s, size_t len, int *val)
{
	const struct xlat *const t[] = { aliases, NULL };
	uint64_t v;

	if (!xlat_parse(t, s, len, &v))
		return false;
	*val = (int)v;
	return true;
}

const char *signame(int sig)
{
	static const char *const rt[] = {
		"SIGRTMIN", "SIGRT_1", "SIGRT_2", "SIGRT_3", "SIGRT_4", "SIGRT_5",
		"SIGRT_6", "SIGRT_7", "SIGRT_8", "SIGRT_9", "SIGRT_10", "SIGRT_11",
		"SIGRT_12", "SIGRT_13", "SIGRT_14", "SIGRT_15", "SIGRT_16",
		"SIGRT_17", "SIGRT_18", "SIGRT_19", "SIGRT_20", "SIGRT_21",
		"SIGRT_22", "SIGRT_23", "SIGRT_24", "SIGRT_25", "SIGRT_26",
		"SIGRT_27", "SIGRT_28", "SIGRT_29", "SIGRT_30", "SIGRT_31",
		"SIGRT_32",
	};

	if (sig > 0 && sig < SIGRTMIN)
		return signames[sig];
	if (sig >= SIGRTMIN && sig <= SIGRTMAX)
		return rt[sig - SIGRTMIN];
	return NULL;
}

/* models strace's printsignal(): a name, else the decimal number */
void printsignal(FILE *f, uint64_t sig)
{
	const char *name = sig <= SIGRTMAX ? signame((int)sig) : NULL;

	if (name)
		fputs(name, f);
	else
		fprintf(f, "%llu", (unsigned long long)sig);
}

bool signal_parse(const char *s, size_t len, int *sig)
{
	for (int i = 1; i <= SIGRTMAX; i++) {
		if (name_is(signame(i), s, len)) {
			*sig = i;
			return true;
		}
	}
	return parse_alias(&signal_aliases, s, len, sig);
}

const char *errno_name(int err)
{
	if (err <= 0 || (size_t)err >= sizeof(errnos) / sizeof(errnos[0]))
		return NULL;
	return errnos[err].name;
}

const char *errno_text(int err)
{
	return errno_name(err) ? errnos[err].text : NULL;
}

bool errno_parse(const char *s, size_t len, int *err)
{
	for (size_t i = 1; i < sizeof(errnos) / sizeof(errnos[0]); i++) {
		if (name_is(errnos[i].name, s, len)) {
			*err = (int)i;
			return true;
		}
	}
	return parse_alias(&errno_aliases, s, len, err);
}

/* models strace's src/numa.c:print_mode(): the mode by name, then its flags */
void print_mpol_mode(FILE *f, uint64_t mode)
{
	static const struct xlat *const flag_tables[] = { &mpol_mode_flags, NULL };
	uint64_t flags = mode & MPOL_MODE_FLAGS;
	const char *name = xlookup(&mpol_modes, mode & ~(uint64_t)MPOL_MODE_FLAGS);

	if (!flags) {
		if (name)
			fputs(name, f);
		else
			fprintf(f, "%#llx /* MPOL_??? */", (unsigned long long)mode);
	} else if (!name) {
		printflags(f, flag_tables, mode, "MPOL_F_???");
	} else {
		fprintf(f, "%s|", name);
		printflags(f, flag_tables, flags, "MPOL_F_???");
	}
}

/* setpriority()'s which (uapi/linux/resource.h), the scheduling policies
 * strace knows and sched_attr's flags (uapi/linux/sched.h) */
XLAT(priorities, X(PRIO_PROCESS), X(PRIO_PGRP), X(PRIO_USER));
XLAT(schedulers, { SCHED_NORMAL, "SCHED_OTHER" }, X(SCHED_FIFO), X(SCHED_RR), X(SCHED_BATCH),
     { 4, "SCHED_ISO" }, X(SCHED_IDLE), X(SCHED_DEADLINE), X(SCHED_EXT));
XLAT(sched_flags, X(SCHED_FLAG_RESET_ON_FORK), X(SCHED_FLAG_RECLAIM), X(SCHED_FLAG_DL_OVERRUN),
     X(SCHED_FLAG_KEEP_POLICY), X(SCHED_FLAG_KEEP_PARAMS), X(SCHED_FLAG_UTIL_CLAMP_MIN),
     X(SCHED_FLAG_UTIL_CLAMP_MAX));
