// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models fs/file.c's descriptor tables: dup_fd() copying the open fds of
 * a table (each file gains a reference), lowest-free allocation limited by
 * RLIMIT_NOFILE, reserve-then-install, close. files_struct objects come
 * from files_cache; tables beyond the embedded 64 slots from kmalloc() as
 * alloc_fdtable() sizes them. Left out: fs.nr_open, RCU, fget(),
 * kvmalloc()'s vmalloc fallback (kmalloc serves every size the model reaches).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fs/file.h"
#include "kernel/pid.h"
#include "kernel/signal.h"
#include "lib/bitmap.h"
#include "lib/err.h"
#include "mm/slab.h"
#include "mm/slab_common.h"
#include "mm/slub.h"

#define BITBIT_SIZE(nr) (BITS_TO_LONGS(BITS_TO_LONGS(nr)) * sizeof(long))

struct file *nc_file_alloc(struct nc_machine *m, unsigned int flags, struct pid *pid)
{
	struct file *f = calloc(1, sizeof(*f));

	(void)m;
	if (!f)
		return NULL;
	f->f_count = 1;
	f->f_flags = flags;
	f->pid = get_pid(pid);
	return f;
}

void fput(struct nc_machine *m, struct file *file)
{
	if (file && !--file->f_count) {
		put_pid(m, file->pid);
		free(file);
	}
}

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

/* models fs/file.c:expand_fdtable() via expand_files(): 0 or -ENOMEM */
static int expand_files(struct nc_machine *m, struct files_struct *files, unsigned int nr)
{
	struct fdtable *cur = files->fdt, *new;

	if (nr < cur->max_fds)
		return 0;
	new = alloc_fdtable(m, nr);
	if (!new)
		return -ENOMEM;
	memcpy(new->fd, cur->fd, cur->max_fds * sizeof(struct file *));
	memset(new->fd + cur->max_fds, 0, (new->max_fds - cur->max_fds) * sizeof(struct file *));
	copy_fd_bitmaps(new, cur, cur->max_fds);
	files->fdt = new;
	if (cur != &files->fdtab)
		__free_fdtable(m, cur);
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

/* models fs/file.c:count_open_files() with sane_fdtable_size(): up to
 * the last word holding an open fd, at least the embedded 64 */
static unsigned int open_files_span(const struct fdtable *fdt)
{
	unsigned int words = fdt->max_fds / BITS_PER_LONG;

	while (words > 1 && !fdt->open_fds[words - 1])
		words--;
	return words * BITS_PER_LONG;
}

struct files_struct *dup_fd(struct nc_machine *m, struct files_struct *oldf)
{
	struct files_struct *newf = kmem_cache_alloc(m, files_cachep(m), GFP_KERNEL);
	struct fdtable *old_fdt = oldf->fdt, *new_fdt;
	unsigned int open_files = open_files_span(old_fdt);

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
			f->f_count++;
		else
			__clear_bit(fd, new_fdt->open_fds);
		new_fdt->fd[fd] = f;
	}
	memset(new_fdt->fd + open_files, 0,
	       (new_fdt->max_fds - open_files) * sizeof(struct file *));
	newf->fdt = new_fdt;
	return newf;
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
	/* init_files is static in the kernel and never reaches its last put */
	if (virt_to_slab(m, files))
		kmem_cache_free(m, files_cachep(m), files);
}

void exit_files(struct nc_machine *m, struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	tsk->files = NULL;
	put_files_struct(m, files);
}

int get_unused_fd_flags(struct nc_machine *m, unsigned int flags)
{
	struct task_struct *current = nc_current(m);
	struct files_struct *f = current->files;
	unsigned long end = task_rlimit(current, RLIMIT_NOFILE);
	unsigned int fd = f->next_fd;
	struct fdtable *fdt = f->fdt;
	int err;

	while (fd < fdt->max_fds && test_bit(fd, fdt->open_fds))
		fd++;
	if (fd >= end)
		return -EMFILE;
	err = expand_files(m, f, fd);
	if (err)
		return err;
	fdt = f->fdt;
	__set_bit(fd, fdt->open_fds);
	if (flags & NC_O_CLOEXEC)
		__set_bit(fd, fdt->close_on_exec);
	else
		__clear_bit(fd, fdt->close_on_exec);
	f->next_fd = fd + 1;
	return (int)fd;
}

void put_unused_fd(struct nc_machine *m, unsigned int fd)
{
	struct files_struct *f = nc_current(m)->files;

	__clear_bit(fd, f->fdt->open_fds);
	if (fd < f->next_fd)
		f->next_fd = fd;
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

int close_fd(struct nc_machine *m, unsigned int fd)
{
	struct file *file = nc_fd_file(m, fd);

	if (!file)
		return -EBADF;
	nc_current(m)->files->fdt->fd[fd] = NULL;
	put_unused_fd(m, fd);
	fput(m, file);
	return 0;
}

void do_close_on_exec(struct nc_machine *m, struct files_struct *files)
{
	for (unsigned int fd = 0; fd < files->fdt->max_fds; fd++) {
		if (!test_bit(fd, files->fdt->close_on_exec))
			continue;
		__clear_bit(fd, files->fdt->close_on_exec);
		close_fd(m, fd);       /* a reserved fd without a file stays reserved */
	}
}
