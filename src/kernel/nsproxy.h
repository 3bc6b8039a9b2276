/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Namespaces a task holds (kernel/nsproxy.c, kernel/pid_namespace.c): the
 * nsproxy, pid namespaces with nesting, and the mount, uts, ipc, net,
 * cgroup and time namespaces as shared or new reference-counted objects
 * with nothing inside. A namespace's owner is its creator's user namespace.
 */
#ifndef NC_KERNEL_NSPROXY_H
#define NC_KERNEL_NSPROXY_H

#include <stdint.h>

#include "arch/machine.h"
#include "arch/task.h"

struct pid_namespace;
struct user_namespace;

enum nc_ns_type { NC_NS_MNT, NC_NS_UTS, NC_NS_IPC, NC_NS_CGROUP, NC_NS_NET, NC_NS_TIME,
		  NC_NR_NS };

/* A namespace other than pid and user: identity and owner only. */
struct nc_ns {
	int count;
	struct user_namespace *user_ns;
};

/* models include/linux/nsproxy.h:struct nsproxy */
struct nsproxy {
	int count;
	struct nc_ns *ns[NC_NR_NS];           /* time: the task's own time_ns */
	struct pid_namespace *pid_ns_for_children;
	struct nc_ns *time_ns_for_children;   /* unshare(CLONE_NEWTIME) sets it alone */
};

struct cred;

/* models init_nsproxy: the initial namespaces, owned by init_user_ns */
int nsproxy_init(struct nc_machine *m, struct task_struct *init_task);
/* models kernel/nsproxy.c:copy_namespaces(): 0 or -errno */
int copy_namespaces(struct nc_machine *m, uint64_t flags, struct task_struct *tsk);
/* models kernel/nsproxy.c:unshare_nsproxy_namespaces(): *new_nsp stays
 * NULL if flags ask for no new namespace; 0 or -errno. The mount
 * namespace has no paths, so the new fs_struct is not passed. */
int unshare_nsproxy_namespaces(struct nc_machine *m, uint64_t unshare_flags,
			       struct nsproxy **new_nsp, const struct cred *new_cred);
/* models kernel/nsproxy.c:exec_task_namespaces(): an exec after
 * unshare(CLONE_NEWTIME) enters the time namespace made for children (a
 * new nsproxy); 0 or -ENOMEM */
int exec_task_namespaces(struct nc_machine *m);
/* models kernel/nsproxy.c:switch_task_namespaces(): the old one is put */
void switch_task_namespaces(struct nc_machine *m, struct task_struct *p, struct nsproxy *new);
/* models include/linux/nsproxy.h:put_nsproxy() */
void put_nsproxy(struct nc_machine *m, struct nsproxy *ns);
/* models kernel/nsproxy.c:exit_task_namespaces() */
void exit_task_namespaces(struct nc_machine *m, struct task_struct *tsk);

#endif
