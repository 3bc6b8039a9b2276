/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Credentials (kernel/cred.c), user namespaces as far as fork needs them
 * (kernel/user_namespace.c) and the per-user task count behind
 * RLIMIT_NPROC (kernel/ucount.c). Capabilities are one 64-bit set;
 * keyrings, LSMs, id maps and supplementary groups are left out.
 */
#ifndef NC_KERNEL_CRED_H
#define NC_KERNEL_CRED_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "arch/machine.h"
#include "arch/task.h"
#include "lib/list.h"
#include "lib/types.h"

#define CAP_SYS_PTRACE          19
#define CAP_SYS_ADMIN           21
#define CAP_SYS_NICE            23
#define CAP_SYS_RESOURCE        24
#define CAP_CHECKPOINT_RESTORE  40
#define CAP_FULL_SET            ((1ULL << 41) - 1)   /* CAP_LAST_CAP 40 */

#define MAX_USER_NS_LEVEL       32   /* a parent above this cannot have children */
#define RLIM_INFINITY           (~0UL)

struct ucounts;

/* models include/linux/user_namespace.h:struct user_namespace */
struct user_namespace {
	struct user_namespace *parent;
	unsigned int level;
	uid_t owner;                  /* euid of the creator, in the parent */
	struct ucounts *ucounts;      /* the creator's entry in the parent */
	unsigned long nproc_max;      /* rlimit_max[UCOUNT_RLIMIT_NPROC] */
	int count;
};

/* models include/linux/user_namespace.h:struct ucounts (NPROC only) */
struct ucounts {
	struct list_head node;        /* in cred_state.ucounts */
	struct user_namespace *ns;
	uid_t uid;
	int count;                    /* references */
	long nproc;                   /* ucount[UCOUNT_RLIMIT_NPROC] */
};

/* models include/linux/cred.h:struct cred */
struct cred {
	int usage;
	struct rcu_head rcu;          /* put_cred_rcu() */
	uid_t uid, euid, suid;
	gid_t gid, egid, sgid;
	uint64_t cap_effective;
	struct user_namespace *user_ns;
	struct ucounts *ucounts;
};

struct cred_state {
	struct user_namespace init_user_ns;
	struct cred init_cred;        /* static in the kernel: not a cred_jar object */
	struct list_head ucounts;
};

/* models kernel/cred.c:cred_init() and init_cred: root with every capability */
int cred_init(struct nc_machine *m, struct task_struct *init_task);
void cred_exit(struct nc_machine *m);

/* models kernel/cred.c:copy_creds(): 0 or -errno */
int copy_creds(struct nc_machine *m, struct task_struct *p, uint64_t clone_flags);
/* models kernel/cred.c:exit_creds() */
void exit_creds(struct nc_machine *m, struct task_struct *tsk);
/* models include/linux/cred.h:put_cred() with kernel/cred.c:__put_cred():
 * the last reference frees the creds after a grace period (no cred the
 * model makes is non_rcu) */
void put_cred(struct nc_machine *m, const struct cred *cred);

/* models kernel/user_namespace.c:unshare_userns(): with CLONE_NEWUSER,
 * current's credentials copied into a new user namespace (*new_cred, one
 * reference); 0 or -errno */
int unshare_userns(struct nc_machine *m, uint64_t unshare_flags, struct cred **new_cred);
/* models kernel/cred.c:commit_creds(): current takes new as cred and
 * real_cred (the caller's reference and one more), its NPROC count moves
 * with it, the old credentials are put */
void commit_creds(struct nc_machine *m, struct cred *new);

/* models what setresuid(uid, uid, uid) and setresgid() by a privileged
 * current leave behind (kernel/sys.c): new credentials with those ids,
 * the NPROC count moved to uid's ucounts, no capabilities unless uid 0 */
int nc_set_user(struct nc_machine *m, uid_t uid);

/* models kernel/capability.c:ns_capable() for current */
bool ns_capable(struct nc_machine *m, struct user_namespace *ns, int cap);
/* models capable(): in the initial user namespace */
bool capable(struct nc_machine *m, int cap);

/* Whether current's credentials are of the initial user namespace: below
 * it, the ids a task sees depend on the namespace's uid_map and gid_map */
static inline bool nc_in_init_user_ns(const struct nc_machine *m)
{
	return nc_current(m)->cred->user_ns == &m->cred->init_user_ns;
}

/* A cred's ids, in the order getresuid() and getresgid() answer them */
enum nc_cred_id { NC_UID, NC_EUID, NC_SUID, NC_GID, NC_EGID, NC_SGID };
unsigned int nc_cred_id(const struct cred *cred, enum nc_cred_id which);
/* An id the model cannot know (the user the traced program started as):
 * every user task (one with an mm) whose credentials hold current's value
 * of it gets id instead; with own, only the tasks sharing current's
 * credentials (its thread group's). A real uid takes the tasks' NPROC
 * count to its ucounts; an effective uid in the initial namespace other
 * than root leaves no capabilities. 0 or -ENOMEM. */
int nc_adopt_id(struct nc_machine *m, enum nc_cred_id which, unsigned int id, bool own);
/* A capability the log shows current lacks (a container's root may run
 * without some): every user task whose credentials hold current's set
 * loses it. */
void nc_adopt_no_cap(struct nc_machine *m, int cap);

/* models kernel/ucount.c:inc_rlimit_ucounts()/dec_rlimit_ucounts() for NPROC */
void inc_rlimit_nproc(struct ucounts *ucounts, long v);
/* models kernel/ucount.c:is_rlimit_overlimit() for NPROC */
bool is_rlimit_nproc_overlimit(const struct ucounts *ucounts, unsigned long rlimit);

#endif
