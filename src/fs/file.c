// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models fs/file.c's descriptor tables: dup_fd() copying the open fds of
 * a table (each file gains a reference), lowest-free allocation limited by
 * RLIMIT_NOFILE, reserve-then-install, close, dup/dup2/dup3, close_range().
 * files_struct objects come from files_cache; tables beyond the embedded
 * 64 slots from kmalloc() as alloc_fdtable() sizes them, a replaced table
 * freed after a grace period. Left out: fget(), fs.nr_open other than its
 * default, kvmalloc()'s vmalloc fallback (kmalloc serves every size the
 * model reaches), full_fds_bits (sized, not used).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fs/file.h"
#include "kernel/pid.h"
#include "kernel/rcu/tree.h"
#include "kernel/signal.h"
#include "lib/bitmap.h"
#include "lib/err.h"
#include "lib/list.h"
#include "mm/slab.h"
#include "mm/slab_common.h"
#include "mm/slub.h"
#include "mm/uaccess.h"

#define BITBIT_SIZE(nr) (BITS_TO_LONGS(BITS_TO_LONGS(nr)) * sizeof(long))

/* models include/linux/close_range.h's struct fd_range: fds from..to */
struct fd_range {
	unsigned int from, to;
};

static struct kmem_cache *files_cachep(const struct nc_machine *m)
{
	return m->slab->boot[NC_CACHE_FILES];
}

/* models fs/file.c:__free_fdtable() */
static void __free_fdtable(struct nc_machine *m, struct fdtable *fdt)
{
	kfree(m, fdt->fd);
	kfree(m, fdt->open_fds);
	kfree(m, fdt);
}

/* models fs/file.c:free_fdtable_rcu() */
static void free_fdtable_rcu(struct nc_machine *m, struct rcu_head *rcu)
{
	__free_fdtable(m, container_of(rcu, struct fdtable, rcu));
}

/* models fs/file.c:alloc_fdtable(): room for fd nr, the fd array in
 * 1 KiB steps doubling, bitmaps in one allocation */
static struct fdtable *alloc_fdtable(struct nc_machine *m, unsigned int nr)
{
	const unsigned int per_kib = 1024 / sizeof(struct file *);
	unsigned int slots = 1;
	struct fdtable *fdt;
	size_t bits;
	char *data;

	while (slots < nr / per_kib + 1)
		slots <<= 1;
	nr = slots * per_kib;
	if (nr > NR_OPEN)
		nr = NR_OPEN;
	fdt = kmalloc(m, sizeof(*fdt), GFP_KERNEL_ACCOUNT);
	if (!fdt)
		return NULL;
	fdt->max_fds = nr;
	fdt->fd = kmalloc(m, nr * sizeof(struct file *), GFP_KERNEL_ACCOUNT);
	if (!fdt->fd)
		goto out_fdt;
	/* open_fds, close_on_exec and the kernel's full_fds_bits */
	bits = 2 * nr / 8 + BITBIT_SIZE(nr);
	data = kmalloc(m, bits < L1_CACHE_BYTES ? L1_CACHE_BYTES : bits, GFP_KERNEL_ACCOUNT);
	if (!data)
		goto out_arr;
	fdt->open_fds = (unsigned long *)data;
	fdt->close_on_exec = (unsigned long *)(data + nr / 8);
	return fdt;

out_arr:
	kfree(m, fdt->fd);
out_fdt:
	kfree(m, fdt);
	return NULL;
}

/* models fs/file.c:copy_fd_bitmaps(): count bits copied, the rest cleared */
static void copy_fd_bitmaps(struct fdtable *nfdt, const struct fdtable *ofdt,
			    unsigned int count)
{
	size_t cpy = count / 8, set = (nfdt->max_fds - count) / 8;

	memcpy(nfdt->open_fds, ofdt->open_fds, cpy);
	memset((char *)nfdt->open_fds + cpy, 0, set);
	memcpy(nfdt->close_on_exec, ofdt->close_on_exec, cpy);
	memset((char *)nfdt->close_on_exec + cpy, 0, set);
}

/* models fs/file.c:expand_files() and expand_fdtable(): 0 if fd nr fits,
 * else a bigger table (the old one, if not embedded, after a grace
 * period: lockless readers may still hold it); -EMFILE, -ENOMEM */
static int expand_files(struct nc_machine *m, struct files_struct *files, unsigned int nr)
{
	struct fdtable *cur = files->fdt, *new;

	if (nr < cur->max_fds)
		return 0;
	if (nr >= NR_OPEN)
		return -EMFILE;
	/* a shared table waits for fd_install()s in flight: synchronize_rcu() */
	if (files->count > 1)
		synchronize_rcu(m);
	new = alloc_fdtable(m, nr);
	if (!new)
		return -ENOMEM;
	memcpy(new->fd, cur->fd, cur->max_fds * sizeof(struct file *));
	memset(new->fd + cur->max_fds, 0, (new->max_fds - cur->max_fds) * sizeof(struct file *));
	copy_fd_bitmaps(new, cur, cur->max_fds);
	files->fdt = new;
	if (cur != &files->fdtab)
		call_rcu(m, &cur->rcu, free_fdtable_rcu);
	return 0;
}

void nc_files_init(struct files_struct *f)
{
	memset(f, 0, sizeof(*f));
	f->count = 1;
	f->fdt = &f->fdtab;
	f->fdtab.max_fds = NR_OPEN_DEFAULT;
	f->fdtab.fd = f->fd_array;
	f->fdtab.close_on_exec = f->close_on_exec_init;
	f->fdtab.open_fds = f->open_fds_init;
}

/* The highest open fd below end, or end if none (find_last_bit()). */
static unsigned int last_open_fd(const struct fdtable *fdt, unsigned int end)
{
	for (unsigned int fd = end; fd-- > 0;)
		if (test_bit(fd, fdt->open_fds))
			return fd;
	return end;
}

/* models fs/file.c:sane_fdtable_size(): up to the last open fd, a word's
 * multiple, at least the embedded 64; a hole the copy will close that
 * reaches the last open fd is not copied */
static unsigned int sane_fdtable_size(const struct fdtable *fdt, const struct fd_range *hole)
{
	unsigned int last = last_open_fd(fdt, fdt->max_fds);

	if (last == fdt->max_fds)
		return NR_OPEN_DEFAULT;
	if (hole && hole->to >= last && hole->from <= last) {
		last = last_open_fd(fdt, hole->from);
		if (last == hole->from)
			return NR_OPEN_DEFAULT;
	}
	return (last + BITS_PER_LONG) / BITS_PER_LONG * BITS_PER_LONG;
}

/* models fs/file.c:dup_fd() */
static struct files_struct *__dup_fd(struct nc_machine *m, struct files_struct *oldf,
				     const struct fd_range *hole)
{
	struct files_struct *newf = kmem_cache_alloc(m, files_cachep(m), GFP_KERNEL);
	struct fdtable *old_fdt = oldf->fdt, *new_fdt;
	unsigned int open_files = sane_fdtable_size(old_fdt, hole);

	if (!newf)
		return ERR_PTR(-ENOMEM);
	nc_files_init(newf);
	new_fdt = &newf->fdtab;
	if (open_files > new_fdt->max_fds) {
		new_fdt = alloc_fdtable(m, open_files - 1);
		if (!new_fdt) {
			kmem_cache_free(m, files_cachep(m), newf);
			return ERR_PTR(-ENOMEM);
		}
	}
	copy_fd_bitmaps(new_fdt, old_fdt, open_files);
	for (unsigned int fd = 0; fd < open_files; fd++) {
		struct file *f = old_fdt->fd[fd];

		/* a reserved fd with no file yet is free in the copy */
		if (f)
			get_file(f);
		else
			__clear_bit(fd, new_fdt->open_fds);
		new_fdt->fd[fd] = f;
	}
	memset(new_fdt->fd + open_files, 0,
	       (new_fdt->max_fds - open_files) * sizeof(struct file *));
	newf->fdt = new_fdt;
	if (oldf->nc_named) {
		newf->nc_named = malloc(BITS_TO_LONGS(NC_NAMED_FDS) * sizeof(long));
		if (!newf->nc_named) {
			put_files_struct(m, newf);
			return ERR_PTR(-ENOMEM);
		}
		memcpy(newf->nc_named, oldf->nc_named, BITS_TO_LONGS(NC_NAMED_FDS) * sizeof(long));
	}
	return newf;
}

struct files_struct *dup_fd(struct nc_machine *m, struct files_struct *oldf)
{
	return __dup_fd(m, oldf, NULL);
}

void put_files_struct(struct nc_machine *m, struct files_struct *files)
{
	struct fdtable *fdt;

	if (!files || --files->count)
		return;
	fdt = files->fdt;
	for (unsigned int fd = 0; fd < fdt->max_fds; fd++)
		fput(m, fdt->fd[fd]);
	if (fdt != &files->fdtab)
		__free_fdtable(m, fdt);
	free(files->nc_named);
	/* init_files is static in the kernel and never reaches its last put */
	if (virt_to_slab(m, files))
		kmem_cache_free(m, files_cachep(m), files);
}

int nc_fd_name(struct nc_machine *m, unsigned int fd)
{
	struct files_struct *files = nc_current(m)->files;

	if (fd >= NC_NAMED_FDS)
		return 0;
	if (!files->nc_named) {
		files->nc_named = calloc(BITS_TO_LONGS(NC_NAMED_FDS), sizeof(long));
		if (!files->nc_named)
			return -ENOMEM;
	}
	__set_bit(fd, files->nc_named);
	return 0;
}

bool nc_fd_named(const struct nc_machine *m, unsigned int fd)
{
	const struct files_struct *files = nc_current(m)->files;

	return fd >= NC_NAMED_FDS || (files->nc_named && test_bit(fd, files->nc_named));
}

void exit_files(struct nc_machine *m, struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	tsk->files = NULL;
	put_files_struct(m, files);
}

/* models fs/file.c:alloc_fd(): the lowest free fd from start up (from
 * next_fd when start is below it), below end */
static int alloc_fd(struct nc_machine *m, unsigned int start, unsigned long end,
		    unsigned int flags)
{
	struct files_struct *files = nc_current(m)->files;
	struct fdtable *fdt = files->fdt;
	unsigned int fd = start < files->next_fd ? files->next_fd : start;
	int err;

	if (fd < fdt->max_fds)
		fd = find_next_zero_bit(fdt->open_fds, fdt->max_fds, fd);
	if (fd >= end)
		return -EMFILE;
	err = expand_files(m, files, fd);
	if (err)
		return err;
	fdt = files->fdt;
	if (start <= files->next_fd)
		files->next_fd = fd + 1;
	__set_bit(fd, fdt->open_fds);
	if (flags & NC_O_CLOEXEC)
		__set_bit(fd, fdt->close_on_exec);
	else
		__clear_bit(fd, fdt->close_on_exec);
	return (int)fd;
}

int get_unused_fd_flags(struct nc_machine *m, unsigned int flags)
{
	return alloc_fd(m, 0, task_rlimit(nc_current(m), RLIMIT_NOFILE), flags);
}

/* models fs/file.c:__put_unused_fd() */
static void __put_unused_fd(struct files_struct *files, unsigned int fd)
{
	__clear_bit(fd, files->fdt->open_fds);
	if (fd < files->next_fd)
		files->next_fd = fd;
}

void put_unused_fd(struct nc_machine *m, unsigned int fd)
{
	__put_unused_fd(nc_current(m)->files, fd);
}

void fd_install(struct nc_machine *m, unsigned int fd, struct file *file)
{
	nc_current(m)->files->fdt->fd[fd] = file;
}

struct file *nc_fd_file(const struct nc_machine *m, unsigned int fd)
{
	struct files_struct *f = nc_current(m)->files;

	return f && fd < f->fdt->max_fds ? f->fdt->fd[fd] : NULL;
}

bool nc_fd_cloexec(const struct files_struct *f, unsigned int fd)
{
	return fd < f->fdt->max_fds && test_bit(fd, f->fdt->close_on_exec);
}

void set_close_on_exec(struct nc_machine *m, unsigned int fd, bool flag)
{
	struct fdtable *fdt = nc_current(m)->files->fdt;

	if (flag)
		__set_bit(fd, fdt->close_on_exec);
	else
		__clear_bit(fd, fdt->close_on_exec);
}

/* models fs/file.c:file_close_fd_locked(): the file taken out of fd, the
 * fd freed; NULL (nothing done) if fd holds none */
static struct file *file_close_fd_locked(struct files_struct *files, unsigned int fd)
{
	struct fdtable *fdt = files->fdt;
	struct file *file = fd < fdt->max_fds ? fdt->fd[fd] : NULL;

	if (file) {
		fdt->fd[fd] = NULL;
		__put_unused_fd(files, fd);
	}
	return file;
}

int close_fd(struct nc_machine *m, unsigned int fd)
{
	struct file *file = file_close_fd_locked(nc_current(m)->files, fd);

	if (!file)
		return -EBADF;
	fput(m, file);      /* filp_close() */
	return 0;
}

void do_close_on_exec(struct nc_machine *m, struct files_struct *files)
{
	for (unsigned int fd = 0; fd < files->fdt->max_fds; fd++) {
		if (!test_bit(fd, files->fdt->close_on_exec))
			continue;
		__clear_bit(fd, files->fdt->close_on_exec);
		/* a reserved fd without a file stays reserved */
		fput(m, file_close_fd_locked(files, fd));
	}
}

int f_dupfd(struct nc_machine *m, unsigned int from, struct file *file, unsigned int flags)
{
	unsigned long nofile = task_rlimit(nc_current(m), RLIMIT_NOFILE);
	int fd;

	if (from >= nofile)
		return -EINVAL;
	fd = alloc_fd(m, from, nofile, flags);
	if (fd >= 0)
		fd_install(m, (unsigned int)fd, get_file(file));
	return fd;
}

long kernel_dup(struct nc_machine *m, unsigned int fildes)
{
	struct file *file = nc_fd_file(m, fildes);
	int fd;

	if (!file)
		return -EBADF;
	fd = get_unused_fd_flags(m, 0);
	if (fd >= 0)
		fd_install(m, (unsigned int)fd, get_file(file));
	return fd;
}

/* models fs/file.c:do_dup2(): file at fd, whatever fd held closed; a fd
 * reserved by an open in flight is -EBUSY */
static long do_dup2(struct nc_machine *m, struct files_struct *files, struct file *file,
		    unsigned int fd, unsigned int flags)
{
	struct fdtable *fdt = files->fdt;
	struct file *tofree = fdt->fd[fd];

	if (!tofree && test_bit(fd, fdt->open_fds))
		return -EBUSY;
	fdt->fd[fd] = get_file(file);
	__set_bit(fd, fdt->open_fds);
	if (flags & NC_O_CLOEXEC)
		__set_bit(fd, fdt->close_on_exec);
	else
		__clear_bit(fd, fdt->close_on_exec);
	fput(m, tofree);     /* filp_close() */
	return fd;
}

long kernel_dup3(struct nc_machine *m, unsigned int oldfd, unsigned int newfd, int flags)
{
	struct files_struct *files = nc_current(m)->files;
	struct file *file;
	int err;

	if (flags & ~NC_O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (newfd >= task_rlimit(nc_current(m), RLIMIT_NOFILE))
		return -EBADF;
	/* the table grows for newfd before oldfd is looked up */
	err = expand_files(m, files, newfd);
	file = nc_fd_file(m, oldfd);
	if (!file || err == -EMFILE)
		return -EBADF;
	if (err)
		return err;
	return do_dup2(m, files, file, newfd, (unsigned int)flags);
}

long kernel_dup2(struct nc_machine *m, unsigned int oldfd, unsigned int newfd)
{
	if (oldfd == newfd)
		return nc_fd_file(m, oldfd) ? (long)oldfd : -EBADF;
	return kernel_dup3(m, oldfd, newfd, 0);
}

/* models fs/file.c:__range_cloexec(): the bits are set, open fds or not */
static void __range_cloexec(struct files_struct *files, unsigned int fd, unsigned int max_fd)
{
	struct fdtable *fdt = files->fdt;

	if (max_fd > fdt->max_fds - 1)
		max_fd = fdt->max_fds - 1;
	for (; fd <= max_fd; fd++)
		__set_bit(fd, fdt->close_on_exec);
}

/* models fs/file.c:__range_close(): each open fd from fd to max_fd */
static void __range_close(struct nc_machine *m, struct files_struct *files, unsigned int fd,
			  unsigned int max_fd)
{
	unsigned int n = files->fdt->max_fds;

	if (max_fd > n - 1)
		max_fd = n - 1;
	for (fd = find_next_bit(files->fdt->open_fds, n, fd); fd <= max_fd && fd < n;
	     fd = find_next_bit(files->fdt->open_fds, n, fd + 1))
		fput(m, file_close_fd_locked(files, fd));
}

long kernel_close_range(struct nc_machine *m, unsigned int fd, unsigned int max_fd,
			unsigned int flags)
{
	struct task_struct *me = nc_current(m);
	struct files_struct *cur_fds = me->files, *fds = NULL;

	if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC))
		return -EINVAL;
	if (fd > max_fd)
		return -EINVAL;
	if ((flags & CLOSE_RANGE_UNSHARE) && cur_fds->count > 1) {
		struct fd_range range = { fd, max_fd };

		/* a copy that marks every fd close-on-exec copies them all */
		fds = __dup_fd(m, cur_fds, (flags & CLOSE_RANGE_CLOEXEC) ? NULL : &range);
		if (IS_ERR(fds))
			return PTR_ERR(fds);
		cur_fds = fds;
		fds = me->files;
	}
	if (flags & CLOSE_RANGE_CLOEXEC)
		__range_cloexec(cur_fds, fd, max_fd);
	else
		__range_close(m, cur_fds, fd, max_fd);
	if (fds) {
		me->files = cur_fds;
		put_files_struct(m, fds);
	}
	return 0;
}

int nc_fd_new(struct nc_machine *m, unsigned int flags)
{
	int fd = get_unused_fd_flags(m, flags);
	struct file *file;

	if (fd < 0)
		return fd;
	file = nc_file_alloc(m, flags, NULL);
	if (!file) {
		put_unused_fd(m, (unsigned int)fd);
		return -ENOMEM;
	}
	fd_install(m, (unsigned int)fd, file);
	return fd;
}

int nc_fd_adopt(struct nc_machine *m, unsigned int fd, bool cloexec)
{
	struct files_struct *files = nc_current(m)->files;
	struct file *file;
	int err;

	if (nc_fd_file(m, fd))
		return 0;
	err = expand_files(m, files, fd);
	if (err)
		return err;
	if (test_bit(fd, files->fdt->open_fds))
		return 0;      /* reserved by a call in flight: it will hold a file */
	file = nc_file_alloc(m, 0, NULL);
	if (!file)
		return -ENOMEM;
	files->fdt->fd[fd] = file;
	__set_bit(fd, files->fdt->open_fds);
	if (cloexec)
		__set_bit(fd, files->fdt->close_on_exec);
	else
		__clear_bit(fd, files->fdt->close_on_exec);
	return 0;
}

int nc_fd_pair(struct nc_machine *m, unsigned long fildes, unsigned int flags)
{
	struct file *files[2] = { nc_file_alloc(m, flags, NULL), nc_file_alloc(m, flags, NULL) };
	int fd[2] = { -ENOMEM, -ENOMEM }, err = -ENOMEM;

	if (!files[0] || !files[1])
		goto out;
	fd[0] = err = get_unused_fd_flags(m, flags);
	if (err < 0)
		goto out;
	fd[1] = err = get_unused_fd_flags(m, flags);
	if (err < 0)
		goto out;
	err = copy_to_user(m, fildes, fd, sizeof(fd)) ? -EFAULT : 0;
out:
	for (int i = 0; i < 2; i++) {
		if (!err)
			fd_install(m, (unsigned int)fd[i], files[i]);
		else if (fd[i] >= 0)
			put_unused_fd(m, (unsigned int)fd[i]);
		if (err)
			fput(m, files[i]);
	}
	return err;
}
