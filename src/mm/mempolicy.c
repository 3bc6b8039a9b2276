// SPDX-License-Identifier: GPL-2.0-only
/*
 * NUMA memory policy, as mm/mempolicy.c has it in v6.12: policy objects
 * (every mode and flag), contextualisation against the cpuset's mems,
 * rebinding, the system calls with the kernel's checks in its order, and
 * the allocation paths that turn a policy into a node. Left out: shmem's
 * per-inode shared-policy tree (a shared mapping keeps its policy on the
 * VMA), NUMA balancing itself, THP, compat syscalls, the cpuset rebind
 * window in mpol_dup(). Policy objects are host allocations, not slab.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "arch/task.h"
#include "mm/mempolicy.h"
#include "mm/mmap.h"
#include "mm/uaccess.h"
#include "mm/vmstat.h"

static const char *const policy_modes[MPOL_MAX] = {
	[MPOL_DEFAULT] = "default",
	[MPOL_PREFERRED] = "prefer",
	[MPOL_BIND] = "bind",
	[MPOL_INTERLEAVE] = "interleave",
	[MPOL_WEIGHTED_INTERLEAVE] = "weighted interleave",
	[MPOL_LOCAL] = "local",
	[MPOL_PREFERRED_MANY] = "prefer (many)",
};

static const nodemask_t *n_memory(const struct nc_machine *m)
{
	return &m->topo->memory;
}

/* models include/linux/mempolicy.h:mpol_store_user_nodemask() */
static bool mpol_store_user_nodemask(const struct mempolicy *pol)
{
	return pol->flags & MPOL_MODE_FLAGS;
}

/* ---- node-mask arithmetic (lib/bitmap.c's remap/onto/fold) ---- */

/* The ord-th (0-based) set node of m, or -1. */
static int nodemask_ord_to_pos(const nodemask_t *m, unsigned int ord)
{
	int n;

	for_each_node_mask(n, *m)
		if (ord-- == 0)
			return n;
	return -1;
}

/* How many set nodes of m are below pos, or -1 if pos is not set. */
static int nodemask_pos_to_ord(const nodemask_t *m, int pos)
{
	if (!node_isset(pos, *m))
		return -1;
	return (int)bitmap_weight(m->bits, (unsigned)pos);
}

/* models lib/bitmap.c:bitmap_remap() (nodes_remap) */
static void nodes_remap(nodemask_t *dst, const nodemask_t *src,
			const nodemask_t *old, const nodemask_t *new)
{
	unsigned int w = nodes_weight(*new);
	nodemask_t out;
	int n;

	nodes_clear(out);
	for_each_node_mask(n, *src) {
		int ord = nodemask_pos_to_ord(old, n);

		if (ord < 0 || w == 0)
			node_set(n, out);
		else
			node_set(nodemask_ord_to_pos(new, (unsigned)ord % w), out);
	}
	*dst = out;
}

/* models mm/mempolicy.c:mpol_relative_nodemask(): fold orig modulo the
 * weight of rel, then map bit i onto the i-th node of rel */
static void mpol_relative_nodemask(nodemask_t *ret, const nodemask_t *orig,
				   const nodemask_t *rel)
{
	unsigned int w = nodes_weight(*rel);
	nodemask_t folded;
	int n;

	nodes_clear(*ret);
	if (w == 0)
		return;
	nodes_clear(folded);
	for_each_node_mask(n, *orig)
		node_set((unsigned)n % w, folded);
	for_each_node_mask(n, folded)
		node_set(nodemask_ord_to_pos(rel, (unsigned)n), *ret);
}

/* ---- construction ---- */

static struct mempolicy *mpol_alloc(struct nc_machine *m)
{
	struct mempolicy *pol = calloc(1, sizeof(*pol));

	if (pol)
		list_add(&pol->nc_node, &m->mempolicy->policies);
	return pol;
}

/* models mm/mempolicy.c:mpol_new(): NULL with *err == 0 means MPOL_DEFAULT */
static struct mempolicy *mpol_new(struct nc_machine *m, unsigned short mode, unsigned short flags,
				  const nodemask_t *nodes, int *err)
{
	struct mempolicy *pol;
	bool fixed = flags & (MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES);

	*err = -EINVAL;
	if (mode == MPOL_DEFAULT)
		return nodes_empty(*nodes) ? (*err = 0, NULL) : NULL;
	if (mode == MPOL_PREFERRED) {
		if (nodes_empty(*nodes)) {
			if (fixed)
				return NULL;
			mode = MPOL_LOCAL;
		}
	} else if (mode == MPOL_LOCAL) {
		if (!nodes_empty(*nodes) || fixed)
			return NULL;
	} else if (nodes_empty(*nodes)) {
		return NULL;
	}
	pol = mpol_alloc(m);
	if (!pol) {
		*err = -ENOMEM;
		return NULL;
	}
	*err = 0;
	pol->refcnt = 1;
	pol->mode = mode;
	pol->flags = flags;
	pol->home_node = NUMA_NO_NODE;
	return pol;
}

/* models mm/mempolicy.c:mpol_set_nodemask(): the create ops of each mode */
static int mpol_set_nodemask(struct nc_machine *m, struct mempolicy *pol,
			     const nodemask_t *nodes)
{
	struct task_struct *cur = nc_current(m);
	nodemask_t allowed, cand;

	if (!pol || pol->mode == MPOL_LOCAL)
		return 0;
	bitmap_and(allowed.bits, cur->mems_allowed.bits, n_memory(m)->bits,
		   MAX_NUMNODES);
	if (pol->flags & MPOL_F_RELATIVE_NODES)
		mpol_relative_nodemask(&cand, nodes, &allowed);
	else
		bitmap_and(cand.bits, nodes->bits, allowed.bits, MAX_NUMNODES);
	if (mpol_store_user_nodemask(pol))
		pol->w.user_nodemask = *nodes;
	else
		pol->w.cpuset_mems_allowed = cur->mems_allowed;
	if (nodes_empty(cand))
		return -EINVAL;
	if (pol->mode == MPOL_PREFERRED) {
		nodes_clear(pol->nodes);
		node_set(first_node(cand), pol->nodes);
	} else {
		pol->nodes = cand;
	}
	return 0;
}

void mpol_get(struct mempolicy *pol)
{
	if (pol)
		pol->refcnt++;
}

void mpol_put(struct mempolicy *pol)
{
	if (pol && --pol->refcnt == 0) {
		list_del_init(&pol->nc_node);
		free(pol);
	}
}

int mpol_dup(struct nc_machine *m, struct mempolicy *old, struct mempolicy **newp)
{
	struct mempolicy *new;

	*newp = NULL;
	if (!old)
		return 0;
	new = mpol_alloc(m);
	if (!new)
		return -ENOMEM;
	new->refcnt = 1;
	new->mode = old->mode;
	new->flags = old->flags;
	new->home_node = old->home_node;
	new->nodes = old->nodes;
	new->w = old->w;
	*newp = new;
	return 0;
}

bool mpol_equal(const struct mempolicy *a, const struct mempolicy *b)
{
	if (a == b)
		return true;
	if (!a || !b)
		return false;
	if (a->mode != b->mode || a->flags != b->flags ||
	    a->home_node != b->home_node)
		return false;
	if (mpol_store_user_nodemask(a) &&
	    !bitmap_equal(a->w.user_nodemask.bits, b->w.user_nodemask.bits,
			  MAX_NUMNODES))
		return false;
	if (a->mode == MPOL_LOCAL)
		return true;
	return bitmap_equal(a->nodes.bits, b->nodes.bits, MAX_NUMNODES);
}

/* ---- rebinding when the cpuset's mems change ---- */

/* models mm/mempolicy.c:mpol_rebind_policy() with mpol_rebind_nodemask()
 * and mpol_rebind_preferred() */
static void mpol_rebind_policy(struct mempolicy *pol, const nodemask_t *new)
{
	nodemask_t tmp;

	if (!pol || pol->mode == MPOL_LOCAL)
		return;
	if (!mpol_store_user_nodemask(pol) &&
	    bitmap_equal(pol->w.cpuset_mems_allowed.bits, new->bits, MAX_NUMNODES))
		return;
	if (pol->mode == MPOL_PREFERRED || pol->mode == MPOL_PREFERRED_MANY) {
		/* the union's other half is overwritten whatever the flags */
		pol->w.cpuset_mems_allowed = *new;
		return;
	}
	if (pol->flags & MPOL_F_STATIC_NODES) {
		bitmap_and(tmp.bits, pol->w.user_nodemask.bits, new->bits,
			   MAX_NUMNODES);
	} else if (pol->flags & MPOL_F_RELATIVE_NODES) {
		mpol_relative_nodemask(&tmp, &pol->w.user_nodemask, new);
	} else {
		nodes_remap(&tmp, &pol->nodes, &pol->w.cpuset_mems_allowed, new);
		pol->w.cpuset_mems_allowed = *new;
	}
	if (nodes_empty(tmp))
		tmp = *new;
	pol->nodes = tmp;
}

void mpol_rebind_task(struct task_struct *tsk, const nodemask_t *new)
{
	mpol_rebind_policy(tsk->mempolicy, new);
}

void mpol_rebind_mm(struct mm_struct *mm, const nodemask_t *new)
{
	unsigned int i;

	for (i = 0; i < mm->map_count; i++)
		mpol_rebind_policy(mm->vmas[i]->vm_policy, new);
}

void nc_cpuset_set_mems(struct nc_machine *m, struct task_struct *tsk,
			const nodemask_t *mems)
{
	nodemask_t allowed;

	bitmap_and(allowed.bits, mems->bits, n_memory(m)->bits, MAX_NUMNODES);
	tsk->mems_allowed = allowed;
	mpol_rebind_task(tsk, &allowed);
	if (tsk->mm)
		mpol_rebind_mm(tsk->mm, mems);
}

/* ---- boot-time state ---- */

int numa_policy_init(struct nc_machine *m)
{
	unsigned int nid, nr = m->topo->nr_node_ids;
	struct mempolicy_state *s = calloc(1, sizeof(*s));

	if (!s)
		return -ENOMEM;
	s->preferred_node_policy = calloc(nr, sizeof(struct mempolicy));
	if (!s->preferred_node_policy) {
		free(s);
		return -ENOMEM;
	}
	s->default_policy.refcnt = 1;
	s->default_policy.mode = MPOL_LOCAL;
	s->default_policy.home_node = NUMA_NO_NODE;
	for (nid = 0; nid < nr; nid++) {
		struct mempolicy *p = &s->preferred_node_policy[nid];

		p->refcnt = 1;
		p->mode = MPOL_PREFERRED;
		p->flags = MPOL_F_MOF | MPOL_F_MORON;
		p->home_node = NUMA_NO_NODE;
		node_set(nid, p->nodes);
	}
	s->next_ino = 1;
	INIT_LIST_HEAD(&s->policies);
	INIT_LIST_HEAD(&s->mms);
	m->mempolicy = s;
	return 0;
}

void numa_policy_exit(struct nc_machine *m)
{
	struct mempolicy_state *s = m->mempolicy;

	if (!s)
		return;
	while (!list_empty(&s->mms))
		nc_mm_free(m, list_first_entry(&s->mms, struct mm_struct, nc_node));
	while (!list_empty(&s->policies)) {
		struct mempolicy *pol = list_first_entry(&s->policies, struct mempolicy,
							 nc_node);

		list_del_init(&pol->nc_node);
		free(pol);
	}
	free(m->mempolicy->preferred_node_policy);
	free(m->mempolicy->iw_table);
	free(m->mempolicy);
	m->mempolicy = NULL;
}

/* The pinned built-in policies print as "default" (mpol_to_str()). */
static bool mpol_is_builtin(const struct nc_machine *m, const struct mempolicy *pol)
{
	const struct mempolicy_state *s = m->mempolicy;

	return pol == &s->default_policy ||
	       (pol >= s->preferred_node_policy &&
		pol < s->preferred_node_policy + m->topo->nr_node_ids);
}

struct mempolicy *get_task_policy(struct nc_machine *m, struct task_struct *p)
{
	int node;

	if (p && p->mempolicy)
		return p->mempolicy;
	node = numa_node_id(m);
	if (node >= 0)
		return &m->mempolicy->preferred_node_policy[node];
	return &m->mempolicy->default_policy;
}

/* models mm/mempolicy.c:__get_vma_policy(): the VMA's own policy or NULL;
 * shared anonymous memory starts its interleave index at the inode number */
static struct mempolicy *__get_vma_policy(struct vm_area_struct *vma,
					  unsigned long *ilx)
{
	*ilx = vma->shmem_ino;
	return vma->vm_policy;
}

struct mempolicy *get_vma_policy(struct nc_machine *m, struct vm_area_struct *vma,
				 unsigned long addr, unsigned int order,
				 unsigned long *ilx)
{
	struct mempolicy *pol = __get_vma_policy(vma, ilx);

	if (!pol)
		pol = get_task_policy(m, nc_current(m));
	if (pol->mode == MPOL_INTERLEAVE || pol->mode == MPOL_WEIGHTED_INTERLEAVE) {
		*ilx += vma->vm_pgoff >> order;
		*ilx += (addr - vma->vm_start) >> (PAGE_SHIFT + order);
	}
	return pol;
}

/* ---- interleaving ---- */

unsigned char get_il_weight(const struct nc_machine *m, int node)
{
	const unsigned char *t = m->mempolicy->iw_table;

	return t && t[node] ? t[node] : 1;
}

/* models mm/mempolicy.c:interleave_nodes(): the task's round robin */
static int interleave_nodes(struct task_struct *me, const struct mempolicy *pol)
{
	int nid = next_node_in(me->il_prev, &pol->nodes);

	if (nid < MAX_NUMNODES)
		me->il_prev = (short)nid;
	return nid;
}

/* models mm/mempolicy.c:weighted_interleave_nodes() */
static int weighted_interleave_nodes(struct nc_machine *m, struct task_struct *me,
				     const struct mempolicy *pol)
{
	int node = me->il_prev;

	if (!me->il_weight || !node_isset((unsigned)node % MAX_NUMNODES, pol->nodes) ||
	    node < 0) {
		node = next_node_in(node, &pol->nodes);
		if (node == MAX_NUMNODES)
			return node;
		me->il_prev = (short)node;
		me->il_weight = get_il_weight(m, node);
	}
	me->il_weight--;
	return node;
}

/* models mm/mempolicy.c:interleave_nid(): the (ilx mod k)-th node */
static int interleave_nid(struct nc_machine *m, const struct mempolicy *pol,
			  unsigned long ilx)
{
	unsigned int k = nodes_weight(pol->nodes);

	if (!k)
		return numa_node_id(m);
	return nodemask_ord_to_pos(&pol->nodes, (unsigned)(ilx % k));
}

/* models mm/mempolicy.c:weighted_interleave_nid() */
static int weighted_interleave_nid(struct nc_machine *m, const struct mempolicy *pol,
				   unsigned long ilx)
{
	unsigned long total = 0, target;
	int nid;

	for_each_node_mask(nid, pol->nodes)
		total += get_il_weight(m, nid);
	if (!total)
		return numa_node_id(m);
	target = ilx % total;
	for_each_node_mask(nid, pol->nodes) {
		unsigned char w = get_il_weight(m, nid);

		if (target < w)
			return nid;
		target -= w;
	}
	return numa_node_id(m);
}

/* ---- from a policy to (nid, nodemask) and a page ---- */

/* models mm/mempolicy.c:policy_nodemask(). The model has one zone kind per
 * node that policy applies to (policy_zone is always met). */
static const nodemask_t *policy_nodemask(struct nc_machine *m,
					 struct mempolicy *pol,
					 unsigned long ilx, int *nid)
{
	struct task_struct *cur = nc_current(m);

	switch (pol->mode) {
	case MPOL_PREFERRED:
		*nid = first_node(pol->nodes);
		return NULL;
	case MPOL_PREFERRED_MANY:
		if (pol->home_node != NUMA_NO_NODE)
			*nid = pol->home_node;
		return &pol->nodes;
	case MPOL_BIND:
		if (pol->home_node != NUMA_NO_NODE)
			*nid = pol->home_node;
		if (cur && !bitmap_intersects(pol->nodes.bits, cur->mems_allowed.bits,
					      MAX_NUMNODES))
			return NULL;
		return &pol->nodes;
	case MPOL_INTERLEAVE:
		*nid = ilx == NO_INTERLEAVE_INDEX && cur ?
			interleave_nodes(cur, pol) : interleave_nid(m, pol, ilx);
		return NULL;
	case MPOL_WEIGHTED_INTERLEAVE:
		*nid = ilx == NO_INTERLEAVE_INDEX && cur ?
			weighted_interleave_nodes(m, cur, pol) :
			weighted_interleave_nid(m, pol, ilx);
		return NULL;
	default: /* MPOL_LOCAL */
		return NULL;
	}
}

struct page *alloc_pages_mpol(struct nc_machine *m, gfp_t gfp, unsigned int order,
			      struct mempolicy *pol, unsigned long ilx, int nid)
{
	const nodemask_t *nodemask = policy_nodemask(m, pol, ilx, &nid);
	struct page *page;

	if (nid >= MAX_NUMNODES || nid >= (int)m->topo->nr_node_ids)
		nid = numa_node_id(m);
	if (pol->mode == MPOL_PREFERRED_MANY) {
		/* the preferred set first without reclaim, then anywhere */
		gfp_t pgfp = (gfp | __GFP_NOWARN) & ~(__GFP_DIRECT_RECLAIM | __GFP_NOFAIL);

		page = __alloc_pages(m, pgfp, order, nid, nodemask);
		return page ? page : __alloc_pages(m, gfp, order, nid, NULL);
	}
	page = __alloc_pages(m, gfp, order, nid, nodemask);
	/* v6.12 counts interleave hits for MPOL_INTERLEAVE only */
	if (page && pol->mode == MPOL_INTERLEAVE && page_to_nid(page) == nid &&
	    vm_numa_stat_enabled(m))
		__count_numa_event(page_zone(m, page), NUMA_INTERLEAVE_HIT);
	return page;
}

struct page *alloc_pages(struct nc_machine *m, gfp_t gfp, unsigned int order)
{
	struct mempolicy *pol = &m->mempolicy->default_policy;

	if (!(gfp & __GFP_THISNODE))
		pol = get_task_policy(m, nc_current(m));
	return alloc_pages_mpol(m, gfp, order, pol, NO_INTERLEAVE_INDEX,
				numa_node_id(m));
}

struct page *vma_alloc_folio(struct nc_machine *m, gfp_t gfp, unsigned int order,
			     struct vm_area_struct *vma, unsigned long addr)
{
	unsigned long ilx;
	struct mempolicy *pol = get_vma_policy(m, vma, addr, order, &ilx);

	return alloc_pages_mpol(m, gfp, order, pol, ilx, numa_node_id(m));
}

int mempolicy_slab_node(struct nc_machine *m)
{
	struct task_struct *cur = nc_current(m);
	struct mempolicy *pol = cur ? cur->mempolicy : NULL;
	int node = numa_mem_id(m);

	if (!pol)
		return node;
	switch (pol->mode) {
	case MPOL_PREFERRED:
		return first_node(pol->nodes);
	case MPOL_INTERLEAVE:
		return interleave_nodes(cur, pol);
	case MPOL_WEIGHTED_INTERLEAVE:
		return weighted_interleave_nodes(m, cur, pol);
	case MPOL_BIND:
	case MPOL_PREFERRED_MANY: {
		/* the first node of the local node's fallback zonelist that
		 * the policy allows */
		int order[MAX_NUMNODES];
		unsigned int i, k = nc_zonelist_node_order(m, node, order, MAX_NUMNODES);

		for (i = 0; i < k; i++)
			if (node_isset((unsigned)order[i], pol->nodes))
				return order[i];
		return node;
	}
	default:
		return node;
	}
}

/* ---- text ---- */

static int append(char *buf, int maxlen, int len, const char *s)
{
	int n = (int)strlen(s);

	if (len < maxlen - 1) {
		int room = maxlen - 1 - len;

		memcpy(buf + len, s, (size_t)(n < room ? n : room));
		buf[len + (n < room ? n : room)] = '\0';
	}
	return len + n;
}

void mpol_to_str(const struct nc_machine *m, char *buffer, int maxlen,
		 const struct mempolicy *pol)
{
	unsigned short mode = MPOL_DEFAULT, flags = 0;
	char list[4096];
	int len = 0;

	if (maxlen <= 0)
		return;
	buffer[0] = '\0';
	if (pol && !mpol_is_builtin(m, pol)) {
		mode = pol->mode;
		flags = pol->flags;
	}
	len = append(buffer, maxlen, len, policy_modes[mode]);
	if (flags & MPOL_MODE_FLAGS) {
		len = append(buffer, maxlen, len, "=");
		if (flags & MPOL_F_STATIC_NODES)
			len = append(buffer, maxlen, len, "static");
		else if (flags & MPOL_F_RELATIVE_NODES)
			len = append(buffer, maxlen, len, "relative");
		if (flags & MPOL_F_NUMA_BALANCING) {
			if (flags & (MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES))
				len = append(buffer, maxlen, len, "|");
			len = append(buffer, maxlen, len, "balancing");
		}
	}
	if (mode != MPOL_DEFAULT && mode != MPOL_LOCAL && !nodes_empty(pol->nodes)) {
		len = append(buffer, maxlen, len, ":");
		bitmap_print_list(list, sizeof(list), pol->nodes.bits, MAX_NUMNODES);
		append(buffer, maxlen, len, list);
	}
}

/* ---- weighted-interleave sysfs ---- */

/* models kstrtou8(buf, 0, &weight) with one trailing newline allowed */
static int parse_u8(const char *buf, unsigned long count, unsigned char *out)
{
	unsigned long v = 0, i = 0, base = 10;

	if (count && buf[count - 1] == '\n')
		count--;
	if (i < count && buf[i] == '+')
		i++;
	if (count - i >= 2 && buf[i] == '0' && (buf[i + 1] == 'x' || buf[i + 1] == 'X')) {
		base = 16;
		i += 2;
	} else if (count - i >= 2 && buf[i] == '0') {
		base = 8;
		i++;
	}
	if (i >= count)
		return -EINVAL;
	for (; i < count; i++) {
		unsigned long d;
		char c = buf[i];

		if (c >= '0' && c <= '9')
			d = (unsigned long)(c - '0');
		else if (c >= 'a' && c <= 'f')
			d = (unsigned long)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			d = (unsigned long)(c - 'A' + 10);
		else
			return -EINVAL;
		if (d >= base)
			return -EINVAL;
		v = v * base + d;
		if (v > 255)
			return -ERANGE;
	}
	*out = (unsigned char)v;
	return 0;
}

long weighted_interleave_node_store(struct nc_machine *m, int nid,
				    const char *buf, unsigned long count)
{
	unsigned int nr = m->topo->nr_node_ids;
	unsigned char weight = 0, *t;

	if (nid < 0 || (unsigned)nid >= nr)
		return -EINVAL;
	/* an empty write (or a lone newline) means "use the default" */
	if (count && !(count == 1 && buf[0] == '\n') && parse_u8(buf, count, &weight))
		return -EINVAL;
	t = malloc(nr);
	if (!t)
		return -ENOMEM;
	if (m->mempolicy->iw_table)
		memcpy(t, m->mempolicy->iw_table, nr);
	else
		memset(t, 0, nr);
	t[nid] = weight;
	free(m->mempolicy->iw_table);
	m->mempolicy->iw_table = t;
	return (long)count;
}

int weighted_interleave_node_show(const struct nc_machine *m, int nid, char *buf)
{
	unsigned char w = get_il_weight(m, nid);
	int len = 0;

	if (w >= 100)
		buf[len++] = (char)('0' + w / 100);
	if (w >= 10)
		buf[len++] = (char)('0' + w / 10 % 10);
	buf[len++] = (char)('0' + w % 10);
	buf[len++] = '\n';
	buf[len] = '\0';
	return len;
}

/* ---- user node masks ---- */

/* models mm/mempolicy.c:get_bitmap() */
static int get_bitmap(struct nc_machine *m, unsigned long *mask,
		      unsigned long nmask, unsigned long maxnode)
{
	unsigned long nlongs = BITS_TO_LONGS(maxnode);

	if (copy_from_user(m, mask, nmask, nlongs * sizeof(unsigned long)))
		return -EFAULT;
	if (maxnode % BITS_PER_LONG)
		mask[nlongs - 1] &= (1UL << (maxnode % BITS_PER_LONG)) - 1;
	return 0;
}

/* models mm/mempolicy.c:get_nodes() */
static int get_nodes(struct nc_machine *m, nodemask_t *nodes,
		     unsigned long nmask, unsigned long maxnode)
{
	--maxnode;
	nodes_clear(*nodes);
	if (maxnode == 0 || !nmask)
		return 0;
	if (maxnode > PAGE_SIZE * 8)
		return -EINVAL;
	/* the part past MAX_NUMNODES must be zero: checked a word at a time
	 * from the top */
	while (maxnode > MAX_NUMNODES) {
		unsigned long bits = maxnode < BITS_PER_LONG ? maxnode : BITS_PER_LONG;
		unsigned long t;

		if (get_bitmap(m, &t, nmask + (maxnode - 1) / BITS_PER_LONG *
			       sizeof(unsigned long), bits))
			return -EFAULT;
		if (maxnode - bits >= MAX_NUMNODES) {
			maxnode -= bits;
		} else {
			maxnode = MAX_NUMNODES;
			t &= ~((1UL << (MAX_NUMNODES % BITS_PER_LONG)) - 1);
		}
		if (t)
			return -EINVAL;
	}
	return get_bitmap(m, nodes->bits, nmask, maxnode);
}

/* models mm/mempolicy.c:copy_nodes_to_user() */
static int copy_nodes_to_user(struct nc_machine *m, unsigned long mask,
			      unsigned long maxnode, const nodemask_t *nodes)
{
	unsigned long copy = ((maxnode - 1 + 63) & ~63UL) / 8;
	unsigned long nbytes = BITS_TO_LONGS(m->topo->nr_node_ids) * sizeof(long);

	if (copy > nbytes) {
		if (copy > PAGE_SIZE)
			return -EINVAL;
		if (clear_user(m, mask + nbytes, copy - nbytes))
			return -EFAULT;
		copy = nbytes;
	}
	return copy_to_user(m, mask, nodes->bits, copy) ? -EFAULT : 0;
}

/* models mm/mempolicy.c:sanitize_mpol_flags() */
static int sanitize_mpol_flags(int *mode, unsigned short *flags)
{
	*flags = (unsigned short)(*mode & MPOL_MODE_FLAGS);
	*mode &= ~MPOL_MODE_FLAGS;
	if ((unsigned int)*mode >= MPOL_MAX)
		return -EINVAL;
	if ((*flags & MPOL_F_STATIC_NODES) && (*flags & MPOL_F_RELATIVE_NODES))
		return -EINVAL;
	if (*flags & MPOL_F_NUMA_BALANCING) {
		if (*mode != MPOL_BIND && *mode != MPOL_PREFERRED_MANY)
			return -EINVAL;
		*flags |= MPOL_F_MOF | MPOL_F_MORON;
	}
	return 0;
}

/* ---- set_mempolicy ---- */

/* models mm/mempolicy.c:do_set_mempolicy() */
static long do_set_mempolicy(struct nc_machine *m, unsigned short mode,
			     unsigned short flags, const nodemask_t *nodes)
{
	struct task_struct *cur = nc_current(m);
	struct mempolicy *new, *old;
	int err;

	new = mpol_new(m, mode, flags, nodes, &err);
	if (err)
		return err;
	err = mpol_set_nodemask(m, new, nodes);
	if (err) {
		mpol_put(new);
		return err;
	}
	old = cur->mempolicy;
	cur->mempolicy = new;
	if (new && (new->mode == MPOL_INTERLEAVE ||
		    new->mode == MPOL_WEIGHTED_INTERLEAVE)) {
		cur->il_prev = MAX_NUMNODES - 1;
		cur->il_weight = 0;
	}
	mpol_put(old);
	return 0;
}

/* The argument checks set_mempolicy() and mbind() share: the mode and its
 * flags, then the node mask */
static int mpol_args_from_user(struct nc_machine *m, int *mode,
			       unsigned short *mode_flags, nodemask_t *nodes,
			       unsigned long nmask, unsigned long maxnode)
{
	int err = sanitize_mpol_flags(mode, mode_flags);

	return err ? err : get_nodes(m, nodes, nmask, maxnode);
}

long kernel_set_mempolicy(struct nc_machine *m, int mode, unsigned long nmask,
			  unsigned long maxnode)
{
	unsigned short mode_flags;
	nodemask_t nodes;
	int err;

	if (!nc_current(m))
		return -ESRCH;
	err = mpol_args_from_user(m, &mode, &mode_flags, &nodes, nmask, maxnode);
	if (err)
		return err;
	return do_set_mempolicy(m, (unsigned short)mode, mode_flags, &nodes);
}

/* ---- get_mempolicy ---- */

/* models mm/mempolicy.c:get_policy_nodemask() */
static void get_policy_nodemask(const struct mempolicy *pol, nodemask_t *nodes)
{
	nodes_clear(*nodes);
	if (pol->mode != MPOL_LOCAL)
		*nodes = pol->nodes;
}

/* models mm/mempolicy.c:do_get_mempolicy() */
static long do_get_mempolicy(struct nc_machine *m, int *policy, nodemask_t *nmask,
			     unsigned long addr, unsigned long flags)
{
	struct task_struct *cur = nc_current(m);
	struct mempolicy *pol = cur->mempolicy;
	struct mempolicy *deflt = &m->mempolicy->default_policy;

	if (flags & ~(unsigned long)(MPOL_F_NODE | MPOL_F_ADDR | MPOL_F_MEMS_ALLOWED))
		return -EINVAL;
	if (flags & MPOL_F_MEMS_ALLOWED) {
		if (flags & (MPOL_F_NODE | MPOL_F_ADDR))
			return -EINVAL;
		*policy = 0;
		*nmask = cur->mems_allowed;
		return 0;
	}
	if (flags & MPOL_F_ADDR) {
		struct vm_area_struct *vma = cur->mm ? vma_lookup(cur->mm, addr) : NULL;
		unsigned long ilx;

		if (!vma)
			return -EFAULT;
		pol = __get_vma_policy(vma, &ilx);
		if (flags & MPOL_F_NODE) {
			int nid = nc_lookup_node(m, vma, addr);

			if (nid < 0)
				return nid;
			*policy = nid;
		}
	} else if (addr) {
		return -EINVAL;
	}
	if (!pol)
		pol = deflt;
	if (!(flags & MPOL_F_NODE)) {
		*policy = (pol == deflt ? MPOL_DEFAULT : pol->mode) |
			  (pol->flags & MPOL_MODE_FLAGS);
	} else if (!(flags & MPOL_F_ADDR)) {
		if (pol == cur->mempolicy && pol->mode == MPOL_INTERLEAVE)
			*policy = next_node_in(cur->il_prev, &pol->nodes);
		else if (pol == cur->mempolicy && pol->mode == MPOL_WEIGHTED_INTERLEAVE)
			*policy = cur->il_weight ? cur->il_prev :
				  next_node_in(cur->il_prev, &pol->nodes);
		else
			return -EINVAL;
	}
	if (mpol_store_user_nodemask(pol))
		*nmask = pol->w.user_nodemask;
	else
		get_policy_nodemask(pol, nmask);
	return 0;
}

long kernel_get_mempolicy(struct nc_machine *m, unsigned long policy,
			  unsigned long nmask, unsigned long maxnode,
			  unsigned long addr, unsigned long flags)
{
	nodemask_t nodes;
	int pval;
	long err;

	if (!nc_current(m))
		return -ESRCH;
	if (nmask && maxnode < m->topo->nr_node_ids)
		return -EINVAL;
	err = do_get_mempolicy(m, &pval, &nodes, addr, flags);
	if (err)
		return err;
	if (policy && copy_to_user(m, policy, &pval, sizeof(pval)))
		return -EFAULT;
	if (nmask)
		return copy_nodes_to_user(m, nmask, maxnode, &nodes);
	return 0;
}

/* ---- mbind ---- */

#define MPOL_MF_DISCONTIG_OK (MPOL_MF_INTERNAL << 0)

/* Credentials are not modelled: every task holds every capability, as
 * the root-run oracle does. */
static bool capable_sys_nice(void)
{
	return true;
}

struct queue_pages {
	struct nc_machine *m;
	const nodemask_t *nmask;   /* the raw user mask */
	unsigned long flags;
	long nr_failed;
	struct nc_pte **list;      /* pages queued for migration */
	unsigned long nr_list, cap_list;
	bool oom;
};

/* models mm/mempolicy.c:queue_folios_pte_range() for one pte: a page on a
 * node outside the user mask is "misplaced" */
static void queue_folio(struct nc_pte *pte, void *arg)
{
	struct queue_pages *qp = arg;

	if (!pte->page || (pte->flags & NC_PTE_ZERO))
		return;
	if (node_isset((unsigned)page_to_nid(pte->page), *qp->nmask))
		return;
	if (!(qp->flags & (MPOL_MF_MOVE | MPOL_MF_MOVE_ALL))) {
		qp->nr_failed++;
		return;
	}
	if (qp->nr_list == qp->cap_list) {
		unsigned long cap = qp->cap_list ? qp->cap_list * 2 : 16;
		struct nc_pte **l = realloc(qp->list, cap * sizeof(*l));

		if (!l) {
			qp->oom = true;
			qp->nr_failed++;
			return;
		}
		qp->list = l;
		qp->cap_list = cap;
	}
	qp->list[qp->nr_list++] = pte;
}

static int cmp_pte_vpn(const void *a, const void *b)
{
	unsigned long x = (*(struct nc_pte *const *)a)->vpn;
	unsigned long y = (*(struct nc_pte *const *)b)->vpn;

	return x < y ? -1 : x > y;
}

/* models mm/mempolicy.c:queue_pages_range(): the hole checks of
 * queue_pages_test_walk(), then the page scan; returns the failure count
 * or -EFAULT/-EIO */
static long queue_pages_range(struct nc_machine *m, struct mm_struct *mm,
			      unsigned long start, unsigned long end,
			      struct queue_pages *qp)
{
	unsigned int i = nc_vma_index(mm, start);
	bool first = true;

	for (; i < mm->map_count && mm->vmas[i]->vm_start < end; i++) {
		struct vm_area_struct *vma = mm->vmas[i];
		unsigned long s = start > vma->vm_start ? start : vma->vm_start;
		unsigned long e = end < vma->vm_end ? end : vma->vm_end;

		if (first) {
			first = false;
			if (!(qp->flags & MPOL_MF_DISCONTIG_OK) && start < vma->vm_start)
				return -EFAULT;
		}
		if (!(qp->flags & MPOL_MF_DISCONTIG_OK) && vma->vm_end < end &&
		    (i + 1 == mm->map_count || vma->vm_end < mm->vmas[i + 1]->vm_start))
			return -EFAULT;
		if (!(qp->flags & (MPOL_MF_STRICT | MPOL_MF_MOVE | MPOL_MF_MOVE_ALL)))
			continue;
		nc_pte_walk(&mm->pt, s, e, queue_folio, qp);
		if (qp->nr_failed &&
		    (qp->flags & (MPOL_MF_STRICT | MPOL_MF_MOVE | MPOL_MF_MOVE_ALL)) ==
		    MPOL_MF_STRICT)
			return -EIO;
	}
	if (first)
		return -EFAULT;
	(void)m;
	return qp->nr_failed;
}

/* models mm/mempolicy.c:vma_replace_policy() */
static int vma_replace_policy(struct nc_machine *m, struct vm_area_struct *vma,
			      struct mempolicy *pol)
{
	struct mempolicy *new;
	int err = mpol_dup(m, pol, &new);

	if (err)
		return err;
	mpol_put(vma->vm_policy);
	vma->vm_policy = new;
	return 0;
}

/* models mm/mempolicy.c:mbind_range() over [start, end): split, install,
 * merge. Returns 0 or -ENOMEM; stops at the first VMA it cannot change. */
static int mbind_range(struct nc_machine *m, struct mm_struct *mm,
		       struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, struct mempolicy *new)
{
	int err;

	if (mpol_equal(vma->vm_policy, new))
		return 0;
	err = vma_split_range(m, mm, &vma, start, end);
	if (!err)
		err = vma_replace_policy(m, vma, new);
	if (!err)
		nc_vma_merge_around(m, mm, vma->vm_start, vma->vm_end);
	return err;
}

/* Applies new to every VMA in [start, end); models the loop of do_mbind() */
static int mbind_vmas(struct nc_machine *m, struct mm_struct *mm,
		      unsigned long start, unsigned long end, struct mempolicy *new)
{
	unsigned long addr = start;

	while (addr < end) {
		struct vm_area_struct *vma = find_vma(mm, addr);
		unsigned long vend;
		int err;

		if (!vma || vma->vm_start >= end)
			break;
		vend = vma->vm_end < end ? vma->vm_end : end;
		err = mbind_range(m, mm, vma, addr > vma->vm_start ? addr : vma->vm_start,
				  vend, new);
		if (err)
			return err;
		addr = vend;
	}
	return 0;
}

/* Moves the queued pages to where new puts them; models migrate_pages()
 * with alloc_migration_target_by_mpol(). Returns the pages not moved. */
static long migrate_queued(struct nc_machine *m, struct mm_struct *mm,
			   struct queue_pages *qp, struct mempolicy *pol)
{
	long failed = 0;
	unsigned long i;

	/* the interleave base comes from the first queued page, so moved
	 * pages land where a fault at their address would put them */
	qsort(qp->list, qp->nr_list, sizeof(*qp->list), cmp_pte_vpn);
	for (i = 0; i < qp->nr_list; i++) {
		struct nc_pte *pte = qp->list[i];
		struct vm_area_struct *vma = vma_lookup(mm, pte->vpn << PAGE_SHIFT);
		unsigned long ilx = 0;
		struct page *page;

		if (vma && (pol->mode == MPOL_INTERLEAVE ||
			    pol->mode == MPOL_WEIGHTED_INTERLEAVE))
			get_vma_policy(m, vma, pte->vpn << PAGE_SHIFT, 0, &ilx);
		page = alloc_pages_mpol(m, GFP_HIGHUSER_MOVABLE, 0, pol, ilx,
					numa_node_id(m));
		if (!page) {
			failed++;
			continue;
		}
		nc_pte_replace_page(m, pte, page);
	}
	return failed;
}

/* models mm/mempolicy.c:do_mbind() */
static long do_mbind(struct nc_machine *m, unsigned long start, unsigned long len,
		     unsigned short mode, unsigned short mode_flags,
		     const nodemask_t *nmask, unsigned long flags)
{
	struct task_struct *cur = nc_current(m);
	struct mm_struct *mm = cur->mm;
	struct queue_pages qp = { .m = m, .nmask = nmask };
	struct mempolicy *new;
	unsigned long end;
	long nr_failed, err;
	int e;

	if (flags & ~(unsigned long)MPOL_MF_VALID)
		return -EINVAL;
	if ((flags & MPOL_MF_MOVE_ALL) && !capable_sys_nice())
		return -EPERM;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (mode == MPOL_DEFAULT)
		flags &= ~(unsigned long)MPOL_MF_STRICT;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	new = mpol_new(m, mode, mode_flags, nmask, &e);
	if (e)
		return e;
	if (!new)
		flags |= MPOL_MF_DISCONTIG_OK;
	err = mpol_set_nodemask(m, new, nmask);
	if (err)
		goto out;
	if (!mm) {
		err = -EFAULT;
		goto out;
	}
	qp.flags = flags;
	nr_failed = queue_pages_range(m, mm, start, end, &qp);
	if (nr_failed < 0) {
		err = nr_failed;
		nr_failed = 0;
	} else {
		err = mbind_vmas(m, mm, start, end, new);
	}
	if (!err && qp.nr_list) {
		struct mempolicy *target = new ? new : get_task_policy(m, cur);

		nr_failed += migrate_queued(m, mm, &qp, target);
	}
	if (nr_failed && (flags & MPOL_MF_STRICT))
		err = -EIO;
out:
	free(qp.list);
	mpol_put(new);
	return err;
}

long kernel_mbind(struct nc_machine *m, unsigned long start, unsigned long len,
		  unsigned long mode, unsigned long nmask, unsigned long maxnode,
		  unsigned int flags)
{
	unsigned short mode_flags;
	nodemask_t nodes;
	int lmode = (int)mode;   /* the upper 32 bits are dropped */
	int err;

	if (!nc_current(m))
		return -ESRCH;
	err = mpol_args_from_user(m, &lmode, &mode_flags, &nodes, nmask, maxnode);
	if (err)
		return err;
	return do_mbind(m, start, len, (unsigned short)lmode, mode_flags, &nodes, flags);
}

long kernel_set_mempolicy_home_node(struct nc_machine *m, unsigned long start,
				    unsigned long len, unsigned long home_node,
				    unsigned long flags)
{
	struct task_struct *cur = nc_current(m);
	struct mm_struct *mm = cur ? cur->mm : NULL;
	unsigned long end, addr;
	long err = -ENOENT;

	if (!cur)
		return -ESRCH;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (flags != 0)
		return -EINVAL;
	if (home_node >= MAX_NUMNODES || home_node >= m->topo->nr_node_ids ||
	    !node_isset((unsigned)home_node, m->topo->online))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	for (addr = start; mm && addr < end;) {
		struct vm_area_struct *vma = find_vma(mm, addr);
		struct mempolicy *old, *new;
		unsigned long vend;

		if (!vma || vma->vm_start >= end)
			break;
		vend = vma->vm_end < end ? vma->vm_end : end;
		old = vma->vm_policy;
		if (old) {
			if (old->mode != MPOL_BIND && old->mode != MPOL_PREFERRED_MANY)
				return -EOPNOTSUPP;
			err = mpol_dup(m, old, &new);
			if (err)
				return err;
			new->home_node = (int)home_node;
			err = mbind_range(m, mm, vma, addr > vma->vm_start ?
					  addr : vma->vm_start, vend, new);
			mpol_put(new);
			if (err)
				return err;
		}
		addr = vend;
	}
	return err;
}
