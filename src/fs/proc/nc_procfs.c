// SPDX-License-Identifier: GPL-2.0-only
/*
 * Path lookup in the model's /proc and /sys (the part of fs/namei.c,
 * fs/proc/base.c and sysfs that finds a file): a tree of fixed entries and
 * of entries found by name (PIDs, TIDs, nodeN, slab caches and their
 * attributes). Left out: every file the model does not render, symbolic
 * links (/proc/self, the slab alias links: an alias is looked up as a
 * directory of its own), "..", permissions.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/base/cpu.h"
#include "drivers/base/node.h"
#include "fs/proc/array.h"
#include "fs/proc/meminfo.h"
#include "fs/proc/nc_procfs.h"
#include "fs/proc/proc_sysctl.h"
#include "fs/proc/slab_sysfs.h"
#include "fs/proc/slabinfo.h"
#include "fs/proc/task_mmu.h"
#include "fs/proc/vmstat.h"
#include "kernel/fork.h"
#include "kernel/pid.h"
#include "lib/error.h"
#include "mm/slab.h"
#include "mm/slab_common.h"
#include "mm/slub.h"

/* What the components looked up so far designate. */
struct pfs_ctx {
	struct nc_machine *m;
	struct task_struct *task;  /* /proc/PID or /proc/PID/task/TID */
	bool whole;                /* /proc/PID: the thread group's view */
	int nid;                   /* /sys/devices/system/node/nodeN */
	const char *cache, *attr;  /* /sys/kernel/slab/CACHE/ATTR */
	int index;                 /* which file of a family (node files, sysctls) */
};

struct pfs_node {
	const char *name;                 /* NULL for the entries found by lookup */
	int index;
	int (*show)(struct pfs_ctx *c, FILE *f);  /* a file */
	const struct pfs_node *children;  /* a directory's fixed entries, {NULL}-ended */
	const struct pfs_node *dynamic;   /* and its entries found by name */
	/* the dynamic entry: is name one (filling *c)? and its names, listed */
	bool (*lookup)(struct pfs_ctx *c, const char *name);
	int (*list)(struct pfs_ctx *c, FILE *f);
};

static int show_buddyinfo(struct pfs_ctx *c, FILE *f)
{
	frag_show(c->m, f);
	return 0;
}

static int show_zoneinfo(struct pfs_ctx *c, FILE *f)
{
	zoneinfo_show(c->m, f);
	return 0;
}

static int show_vmstat(struct pfs_ctx *c, FILE *f)
{
	vmstat_show(c->m, f);
	return 0;
}

static int show_meminfo(struct pfs_ctx *c, FILE *f)
{
	meminfo_proc_show(c->m, f);
	return 0;
}

static int show_sysctl(struct pfs_ctx *c, FILE *f)
{
	proc_sys_show(c->m, (enum nc_sysctl)c->index, f);
	return 0;
}

static int show_slabinfo(struct pfs_ctx *c, FILE *f)
{
	return slabinfo_show(c->m, f);
}

static int show_status(struct pfs_ctx *c, FILE *f)
{
	proc_pid_status(c->m, c->task, f);
	return 0;
}

static int show_stat(struct pfs_ctx *c, FILE *f)
{
	do_task_stat(c->m, c->task, f, c->whole);
	return 0;
}

static int show_children(struct pfs_ctx *c, FILE *f)
{
	proc_tid_children(c->m, c->task, f);
	return 0;
}

static int show_numa_maps(struct pfs_ctx *c, FILE *f)
{
	char *text = proc_pid_numa_maps(c->m, c->task);

	if (!text)
		return -ENOMEM;
	fputs(text, f);
	free(text);
	return 0;
}

/* models fs/proc/base.c:name_to_int(): decimal, no leading zero, below ~0U */
static unsigned int name_to_int(const char *name)
{
	unsigned int n = 0;

	if (!*name || (name[0] == '0' && name[1]))
		return ~0U;
	for (; *name; name++) {
		if (*name < '0' || *name > '9' || n >= (~0U - 9) / 10)
			return ~0U;
		n = n * 10 + (unsigned int)(*name - '0');
	}
	return n;
}

static struct task_struct *find_task(struct nc_machine *m, unsigned int nr)
{
	if (nr == 0 || nr > (unsigned int)INT32_MAX)
		return NULL;
	return pid_task(find_pid_ns((int)nr, m->init_pid_ns), PIDTYPE_PID);
}

/* models fs/proc/base.c:proc_pid_lookup(): any task's pid, threads' too
 * (only leaders are listed) */
static bool lookup_pid(struct pfs_ctx *c, const char *name)
{
	c->task = find_task(c->m, name_to_int(name));
	c->whole = true;
	return c->task != NULL;
}

/* models fs/proc/base.c:proc_task_lookup(): a thread of the same group */
static bool lookup_tid(struct pfs_ctx *c, const char *name)
{
	struct task_struct *t = find_task(c->m, name_to_int(name));

	if (!t || t->tgid != c->task->tgid)
		return false;
	c->task = t;
	c->whole = false;
	return true;
}

static int cmp_pid(const void *a, const void *b)
{
	pid_t x = *(const pid_t *)a, y = *(const pid_t *)b;

	return (x > y) - (x < y);
}

/* The pids /proc (leaders only) or /proc/PID/task (the group of tgid)
 * lists, in pid order as next_tgid() and the thread walk give them. */
static int list_tasks(struct pfs_ctx *c, FILE *f, bool leaders, pid_t tgid)
{
	struct task_struct *p;
	size_t n = 0, cap = 0;
	pid_t *pids = NULL;

	list_for_each_entry(p, &c->m->fork->all_tasks, nc_all) {
		if (p->pid <= 0 || find_task(c->m, (unsigned int)p->pid) != p ||
		    (leaders ? p->pid != p->tgid : p->tgid != tgid))
			continue;
		if (n == cap) {
			pid_t *more = realloc(pids, (cap = cap ? 2 * cap : 64) * sizeof(*pids));

			if (!more) {
				free(pids);
				return -ENOMEM;
			}
			pids = more;
		}
		pids[n++] = p->pid;
	}
	if (n)
		qsort(pids, n, sizeof(*pids), cmp_pid);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%d/\n", pids[i]);
	free(pids);
	return 0;
}

static int list_pids(struct pfs_ctx *c, FILE *f)
{
	return list_tasks(c, f, true, 0);
}

static int list_tids(struct pfs_ctx *c, FILE *f)
{
	return list_tasks(c, f, false, c->task->tgid);
}

/* nodeN for an online node: node_dev_init() registers those */
static bool lookup_node(struct pfs_ctx *c, const char *name)
{
	unsigned int nid = strncmp(name, "node", 4) ? ~0U : name_to_int(name + 4);

	if (nid >= c->m->topo->nr_node_ids || !node_isset(nid, c->m->topo->online))
		return false;
	c->nid = (int)nid;
	return true;
}

static int list_nodes(struct pfs_ctx *c, FILE *f)
{
	int nid;

	for_each_node_mask(nid, c->m->topo->online)
		fprintf(f, "node%d/\n", nid);
	return 0;
}

static int show_node_file(struct pfs_ctx *c, FILE *f)
{
	static int (*const read[])(const struct nc_machine *m, int nid, char *buf) = {
		node_read_cpulist, node_read_cpumap, node_read_distance, node_read_meminfo,
		node_read_numastat, node_read_vmstat,
	};
	char buf[NODE_ATTR_BUF_SIZE];

	fwrite(buf, 1, (size_t)read[c->index](c->m, c->nid, buf), f);
	return 0;
}

static int show_node_state_file(struct pfs_ctx *c, FILE *f)
{
	char buf[NODE_ATTR_BUF_SIZE];

	fwrite(buf, 1, (size_t)show_node_state(c->m, (enum node_states)c->index, buf), f);
	return 0;
}

static int show_cpu_map(struct pfs_ctx *c, FILE *f)
{
	show_cpus_attr(c->m, f);
	return 0;
}

static bool lookup_cache(struct pfs_ctx *c, const char *name)
{
	c->cache = name;
	return nc_kmem_cache_find(c->m, name) != NULL;
}

/* every cache, newest first as slab_caches holds them, then the aliases */
static int list_caches(struct pfs_ctx *c, FILE *f)
{
	const struct slab_state *st = c->m->slab;

	for (const struct kmem_cache *s = st->slab_caches; s; s = s->list_next)
		fprintf(f, "%s/\n", s->name);
	for (unsigned int i = 0; i < st->nr_aliases; i++)
		fprintf(f, "%s/\n", st->aliases[i].name);
	return 0;
}

static bool lookup_slab_attr(struct pfs_ctx *c, const char *name)
{
	for (int i = 0; slab_sysfs_attrs[i]; i++)
		if (!strcmp(slab_sysfs_attrs[i], name))
			goto found;
	for (int i = 0; i < NR_SLUB_STAT_ITEMS; i++)
		if (!strcmp(slab_stat_names[i], name))
			goto found;
	return false;
found:
	c->attr = name;
	return true;
}

static int list_slab_attrs(struct pfs_ctx *c, FILE *f)
{
	(void)c;
	for (int i = 0; slab_sysfs_attrs[i]; i++)
		fprintf(f, "%s\n", slab_sysfs_attrs[i]);
	for (int i = 0; i < NR_SLUB_STAT_ITEMS; i++)
		fprintf(f, "%s\n", slab_stat_names[i]);
	return 0;
}

static int show_slab_attr(struct pfs_ctx *c, FILE *f)
{
	return slab_sysfs_show(c->m, c->cache, c->attr, f) == -ENOMEM ? -ENOMEM : 0;
}

#define FILE_ENTRY(n, fn, i) { .name = (n), .index = (i), .show = (fn) }
#define DIR_ENTRY(n, ch, dyn) { .name = (n), .children = (ch), .dynamic = (dyn) }
#define DYNAMIC(look, ls, fn, ch, dyn) \
	{ .lookup = (look), .list = (ls), .show = (fn), .children = (ch), .dynamic = (dyn) }

/* Listed in the kernel's readdir order: fs/proc/base.c's tid_base_stuff[]
 * and tgid_base_stuff[], the rbtree of /proc's own entries (shorter names
 * first). sysfs lists by name hash, which the model does not copy. */
static const struct pfs_node tid_files[] = {
	FILE_ENTRY("status", show_status, 0),
	FILE_ENTRY("stat", show_stat, 0),
	FILE_ENTRY("children", show_children, 0),
	FILE_ENTRY("numa_maps", show_numa_maps, 0),
	{ NULL },
};
static const struct pfs_node tid_dir = DYNAMIC(lookup_tid, list_tids, NULL, tid_files, NULL);
static const struct pfs_node pid_files[] = {
	DIR_ENTRY("task", NULL, &tid_dir),
	FILE_ENTRY("status", show_status, 0),
	FILE_ENTRY("stat", show_stat, 0),
	FILE_ENTRY("numa_maps", show_numa_maps, 0),
	{ NULL },
};
static const struct pfs_node pid_dir = DYNAMIC(lookup_pid, list_pids, NULL, pid_files, NULL);
static const struct pfs_node sys_kernel_files[] = {
	FILE_ENTRY("pid_max", show_sysctl, NC_SYSCTL_PID_MAX),
	FILE_ENTRY("threads-max", show_sysctl, NC_SYSCTL_THREADS_MAX),
	{ NULL },
};
static const struct pfs_node sys_vm_files[] = {
	FILE_ENTRY("lowmem_reserve_ratio", show_sysctl, NC_SYSCTL_LOWMEM_RESERVE_RATIO),
	FILE_ENTRY("min_free_kbytes", show_sysctl, NC_SYSCTL_MIN_FREE_KBYTES),
	FILE_ENTRY("numa_stat", show_sysctl, NC_SYSCTL_NUMA_STAT),
	FILE_ENTRY("watermark_scale_factor", show_sysctl, NC_SYSCTL_WATERMARK_SCALE_FACTOR),
	{ NULL },
};
static const struct pfs_node proc_sys_dirs[] = {  /* sysctl tables: by name */
	DIR_ENTRY("kernel", sys_kernel_files, NULL),
	DIR_ENTRY("vm", sys_vm_files, NULL),
	{ NULL },
};
static const struct pfs_node proc_files[] = {
	DIR_ENTRY("sys", proc_sys_dirs, NULL),
	FILE_ENTRY("vmstat", show_vmstat, 0),
	FILE_ENTRY("meminfo", show_meminfo, 0),
	FILE_ENTRY("slabinfo", show_slabinfo, 0),
	FILE_ENTRY("zoneinfo", show_zoneinfo, 0),
	FILE_ENTRY("buddyinfo", show_buddyinfo, 0),
	{ NULL },
};

static const struct pfs_node slab_attr = DYNAMIC(lookup_slab_attr, list_slab_attrs,
						 show_slab_attr, NULL, NULL);
static const struct pfs_node slab_cache = DYNAMIC(lookup_cache, list_caches, NULL, NULL,
						  &slab_attr);
static const struct pfs_node sys_kernel[] = {
	DIR_ENTRY("slab", NULL, &slab_cache),
	{ NULL },
};
static const struct pfs_node node_files[] = {  /* in show_node_file()'s order */
	FILE_ENTRY("cpulist", show_node_file, 0),
	FILE_ENTRY("cpumap", show_node_file, 1),
	FILE_ENTRY("distance", show_node_file, 2),
	FILE_ENTRY("meminfo", show_node_file, 3),
	FILE_ENTRY("numastat", show_node_file, 4),
	FILE_ENTRY("vmstat", show_node_file, 5),
	{ NULL },
};
static const struct pfs_node node_dir = DYNAMIC(lookup_node, list_nodes, NULL, node_files,
						NULL);
static const struct pfs_node node_states[] = {
	FILE_ENTRY("possible", show_node_state_file, N_POSSIBLE),
	FILE_ENTRY("online", show_node_state_file, N_ONLINE),
	FILE_ENTRY("has_normal_memory", show_node_state_file, N_NORMAL_MEMORY),
	FILE_ENTRY("has_memory", show_node_state_file, N_MEMORY),
	FILE_ENTRY("has_cpu", show_node_state_file, N_CPU),
	{ NULL },
};
static const struct pfs_node cpu_maps[] = {
	FILE_ENTRY("online", show_cpu_map, 0),
	FILE_ENTRY("possible", show_cpu_map, 0),
	FILE_ENTRY("present", show_cpu_map, 0),
	{ NULL },
};
static const struct pfs_node system_dirs[] = {
	DIR_ENTRY("cpu", cpu_maps, NULL),
	DIR_ENTRY("node", node_states, &node_dir),
	{ NULL },
};
static const struct pfs_node devices_dirs[] = {
	DIR_ENTRY("system", system_dirs, NULL),
	{ NULL },
};
static const struct pfs_node sys_dirs[] = {
	DIR_ENTRY("devices", devices_dirs, NULL),
	DIR_ENTRY("kernel", sys_kernel, NULL),
	{ NULL },
};
static const struct pfs_node root_dirs[] = {
	DIR_ENTRY("proc", proc_files, &pid_dir),
	DIR_ENTRY("sys", sys_dirs, NULL),
	{ NULL },
};
static const struct pfs_node root = DIR_ENTRY("/", root_dirs, NULL);

static bool is_dir(const struct pfs_node *n)
{
	return !n->show;
}

static int list_dir(struct pfs_ctx *c, const struct pfs_node *dir, FILE *f)
{
	for (const struct pfs_node *n = dir->children; n && n->name; n++)
		fprintf(f, "%s%s\n", n->name, is_dir(n) ? "/" : "");
	return dir->dynamic ? dir->dynamic->list(c, f) : 0;
}

/* One step of path lookup: the entry name of directory dir, or NULL. */
static const struct pfs_node *lookup(struct pfs_ctx *c, const struct pfs_node *dir,
				     const char *name)
{
	for (const struct pfs_node *n = dir->children; n && n->name; n++)
		if (!strcmp(n->name, name)) {
			c->index = n->index;
			return n;
		}
	return dir->dynamic && dir->dynamic->lookup(c, name) ? dir->dynamic : NULL;
}

int nc_procfs_read(struct nc_machine *m, const char *path, char **text, struct nc_error *err)
{
	struct pfs_ctx c = { .m = m };
	const struct pfs_node *n = &root;
	char buf[NC_PROCFS_PATH_MAX];
	size_t size, len = strlen(path);
	FILE *f;
	int ret;

	*text = NULL;
	if (len >= sizeof(buf))
		return nc_err(err, "path of %zu bytes: longer than PATH_MAX", len), -ENAMETOOLONG;
	if (path[0] != '/')
		return nc_err(err, "'%s': not an absolute path", path), -ENOENT;
	memcpy(buf, path, len + 1);
	for (char *name = buf, *next; name; name = next) {
		next = strchr(name, '/');
		if (next)
			*next++ = '\0';
		if (!*name || !strcmp(name, "."))
			continue;
		if (!is_dir(n))
			return nc_err(err, "'%s': not a directory", path), -ENOTDIR;
		n = lookup(&c, n, name);
		if (!n)
			return nc_err(err, "'%s': the model has no such file or directory", path),
			       -ENOENT;
	}
	if (!is_dir(n) && path[len - 1] == '/')
		return nc_err(err, "'%s': not a directory", path), -ENOTDIR;
	f = open_memstream(text, &size);
	if (!f)
		return -ENOMEM;
	ret = is_dir(n) ? list_dir(&c, n, f) : n->show(&c, f);
	if (fclose(f) && !ret)
		ret = -ENOMEM;
	if (ret) {
		free(*text);
		*text = NULL;
	}
	return ret;
}
