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
	struct nc_ns *ns[NC_NR_NS];           /* time: the time_ns_for_children too */
	struct pid_namespace *pid_ns_for_children;
};

/* models init_nsproxy: the initial namespaces, owned by init_user_ns */
int nsproxy_init(struct nc_machine *m, struct task_struct *init_task);
/* models kernel/nsproxy.c:copy_namespaces(): 0 or -errno */
int copy_namespaces(struct nc_machine *m, uint64_t flags, struct task_struct *tsk);
/* models kernel/nsproxy.c:exit_task_namespaces() */
void exit_task_namespaces(struct nc_machine *m, struct task_struct *tsk);

#endif
