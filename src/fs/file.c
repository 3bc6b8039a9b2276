// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models fs/file.c's descriptor tables: dup_fd() copying the open fds of
 * a table (each file gains a reference), lowest-free allocation limited by
 * RLIMIT_NOFILE, reserve-then-install, close. The table grows as
 * expand_files() does, in host memory. Left out: fs.nr_open, RCU, fget().
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fs/file.h"
#include "kernel/pid.h"
#include "kernel/signal.h"
#include "lib/err.h"

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
	(void)m;
	if (file && !--file->f_count) {
		put_pid(file->pid);
		free(file);
	}
}

/* models fs/file.c:alloc_fdtable()/expand_fdtable(): arrays of nr entries */
static int fdtable_resize(struct files_struct *f, unsigned int nr)
{
	struct file **fd = realloc(f->fd, nr * sizeof(*fd));
	unsigned char *open, *cloexec;

	if (!fd)
		return -ENOMEM;
	f->fd = fd;
	open = realloc(f->open_fds, nr);
	if (!open)
		return -ENOMEM;
	f->open_fds = open;
	cloexec = realloc(f->close_on_exec, nr);
	if (!cloexec)
		return -ENOMEM;
	f->close_on_exec = cloexec;
	memset(fd + f->max_fds, 0, (nr - f->max_fds) * sizeof(*fd));
	memset(open + f->max_fds, 0, nr - f->max_fds);
	memset(cloexec + f->max_fds, 0, nr - f->max_fds);
	f->max_fds = nr;
	return 0;
}

static void free_files_struct(struct files_struct *f)
{
	free(f->fd);
	free(f->open_fds);
	free(f->close_on_exec);
	free(f);
}

struct files_struct *nc_files_alloc(struct nc_machine *m)
{
	struct files_struct *f = calloc(1, sizeof(*f));

	(void)m;
	if (!f)
		return NULL;
	f->count = 1;
	if (fdtable_resize(f, NR_OPEN_DEFAULT)) {
		free_files_struct(f);
		return NULL;
	}
	return f;
}

/* the table size dup_fd() needs: the embedded 64, or the highest open fd
 * rounded up as count_open_files() and alloc_fdtable() do */
static unsigned int open_files_span(const struct files_struct *f)
{
	unsigned int n = f->max_fds;

	while (n > NR_OPEN_DEFAULT && !f->open_fds[n - 1])
		n--;
	return n;
}

struct files_struct *dup_fd(struct nc_machine *m, struct files_struct *oldf)
{
	struct files_struct *newf = nc_files_alloc(m);
	unsigned int n = open_files_span(oldf);

	if (!newf)
		return ERR_PTR(-ENOMEM);
	if (n > newf->max_fds && fdtable_resize(newf, n)) {
		put_files_struct(m, newf);
		return ERR_PTR(-ENOMEM);
	}
	for (unsigned int fd = 0; fd < n; fd++) {
		struct file *f = oldf->fd[fd];

		/* a reserved fd with no file yet is not copied */
		if (!f)
			continue;
		f->f_count++;
		newf->fd[fd] = f;
		newf->open_fds[fd] = 1;
		newf->close_on_exec[fd] = oldf->close_on_exec[fd];
	}
	return newf;
}

void put_files_struct(struct nc_machine *m, struct files_struct *files)
{
	if (!files || --files->count)
		return;
	for (unsigned int fd = 0; fd < files->max_fds; fd++)
		fput(m, files->fd[fd]);
	free_files_struct(files);
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

	while (fd < f->max_fds && f->open_fds[fd])
		fd++;
	if (fd >= end)
		return -EMFILE;
	if (fd >= f->max_fds) {
		unsigned int nr = f->max_fds * 2;

		while (nr <= fd)
			nr *= 2;
		if (fdtable_resize(f, nr))
			return -ENOMEM;
	}
	f->open_fds[fd] = 1;
	f->close_on_exec[fd] = !!(flags & NC_O_CLOEXEC);
	f->next_fd = fd + 1;
	return (int)fd;
}

void put_unused_fd(struct nc_machine *m, unsigned int fd)
{
	struct files_struct *f = nc_current(m)->files;

	f->open_fds[fd] = 0;
	if (fd < f->next_fd)
		f->next_fd = fd;
}

void fd_install(struct nc_machine *m, unsigned int fd, struct file *file)
{
	nc_current(m)->files->fd[fd] = file;
}

struct file *nc_fd_file(const struct nc_machine *m, unsigned int fd)
{
	struct files_struct *f = nc_current(m)->files;

	return f && fd < f->max_fds ? f->fd[fd] : NULL;
}

int close_fd(struct nc_machine *m, unsigned int fd)
{
	struct file *file = nc_fd_file(m, fd);

	if (!file)
		return -EBADF;
	nc_current(m)->files->fd[fd] = NULL;
	put_unused_fd(m, fd);
	fput(m, file);
	return 0;
}
