// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/fs/proc/nc_procfs.c: directory listings in the kernel's
 * readdir order, which tasks /proc and /proc/PID/task show and which they
 * only look up (fs/proc/base.c's rules, worked by hand), the lookup's
 * errors, and the files each path reaches.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "nc_boot.h"
#include "unit/proc_oracle.h"
#include "fs/proc/nc_procfs.h"
#include "kernel/exit.h"
#include "uapi/linux/sched.h"

static void assert_error(struct nc_machine *m, const char *path, int want)
{
	struct nc_error err = { "" };
	char *text = (char *)path;

	assert_int_equal(nc_procfs_read(m, path, &text, &err), want);
	assert_null(text);
	assert_non_null(strstr(err.msg, want == -ENAMETOOLONG ? "PATH_MAX" : path));
}

/* The text begins with want. */
static void assert_prefix(const char *text, const char *want)
{
	if (strncmp(text, want, strlen(want)))
		fail_msg("expected to begin with:\n%s\ngot:\n%s", want, text);
}

static void test_listings(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	char *text;

	(void)state;
	proc_assert_model(m, "/", "proc/\nsys/\n");
	/* /proc's own entries by name length, then the pids (fs/proc/root.c) */
	text = proc_model_read(m, "/proc");
	assert_prefix(text, "sys/\nvmstat\nmeminfo\nslabinfo\nzoneinfo\nbuddyinfo\n1/\n2/\n");
	free(text);
	proc_assert_model(m, "/proc/1", "task/\nstatus\nstat\nnuma_maps\n");
	proc_assert_model(m, "//proc/./1//", "task/\nstatus\nstat\nnuma_maps\n");
	proc_assert_model(m, "/proc/1/task", "1/\n");
	proc_assert_model(m, "/proc/1/task/1", "status\nstat\nchildren\nnuma_maps\n");
	/* sysctl directories by name */
	proc_assert_model(m, "/proc/sys", "kernel/\nvm/\n");
	proc_assert_model(m, "/proc/sys/vm", "lowmem_reserve_ratio\nmin_free_kbytes\nnuma_stat\n"
			"watermark_scale_factor\n");
	proc_assert_model(m, "/sys", "devices/\nkernel/\n");
	proc_assert_model(m, "/sys/devices/system", "cpu/\nnode/\n");
	proc_assert_model(m, "/sys/devices/system/cpu", "online\npossible\npresent\n");
	proc_assert_model(m, "/sys/devices/system/node", "possible\nonline\nhas_normal_memory\n"
			"has_memory\nhas_cpu\nnode0/\nnode1/\n");
	proc_assert_model(m, "/sys/devices/system/node/node1",
		    "cpulist\ncpumap\ndistance\nmeminfo\nnumastat\nvmstat\n");
	text = proc_model_read(m, "/sys/kernel/slab");
	assert_non_null(strstr(text, "\ntask_struct/\n"));
	free(text);
	text = proc_model_read(m, "/sys/kernel/slab/task_struct");
	assert_non_null(strstr(text, "\nobject_size\n"));
	assert_non_null(strstr(text, "\nalloc_fastpath\n"));
	free(text);
	nc_machine_destroy(m);
}

static void test_files(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	char *text;

	(void)state;
	/* 2 nodes of 2 CPUs: node 1 has CPUs 2-3, bits 2 and 3 of a 4-bit mask */
	proc_assert_model(m, "/sys/devices/system/node/node1/cpulist", "2-3\n");
	proc_assert_model(m, "/sys/devices/system/node/node1/cpumap", "c\n");
	proc_assert_model(m, "/sys/devices/system/node/node0/distance", "10 20\n");
	proc_assert_model(m, "/sys/devices/system/node/has_cpu", "0-1\n");
	proc_assert_model(m, "/sys/devices/system/cpu/present", "0-3\n");
	text = proc_model_read(m, "/proc/slabinfo");
	assert_prefix(text, "slabinfo - version: 2.1\n");
	free(text);
	text = proc_model_read(m, "/proc/buddyinfo");
	assert_prefix(text, "Node 0, zone      DMA ");
	free(text);
	text = proc_model_read(m, "/proc/2/status");
	assert_prefix(text, "Name:\tkthreadd\n");
	free(text);
	text = proc_model_read(m, "/sys/kernel/slab/task_struct/object_size");
	assert_true(atoi(text) > 0);
	free(text);
	nc_machine_destroy(m);
}

/* fs/proc/base.c: /proc lists thread-group leaders but looks up any pid;
 * /proc/PID/task lists and looks up the group's threads only. */
static void test_threads(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	char path[64], want[64], *text;
	long tid;

	(void)state;
	nc_run_as(m, 1);
	tid = nc_clone(m, CLONE_VM | CLONE_SIGHAND | CLONE_THREAD, 0);
	assert_true(tid > 2);
	text = proc_model_read(m, "/proc");
	snprintf(want, sizeof(want), "\n%ld/\n", tid);
	assert_null(strstr(text, want));
	free(text);
	snprintf(want, sizeof(want), "1/\n%ld/\n", tid);
	proc_assert_model(m, "/proc/1/task", want);
	snprintf(path, sizeof(path), "/proc/%ld/status", tid);
	text = proc_model_read(m, path);
	snprintf(want, sizeof(want), "Tgid:\t1\nPid:\t%ld\n", tid);
	assert_non_null(strstr(text, want));
	free(text);
	snprintf(path, sizeof(path), "/proc/1/task/%ld/stat", tid);
	free(proc_model_read(m, path));
	text = proc_model_read(m, "/proc/1/status");
	assert_non_null(strstr(text, "\nThreads:\t2\n"));
	free(text);
	assert_error(m, "/proc/1/task/2", -ENOENT);
	nc_machine_destroy(m);
}

/* A child that exited and was not waited for is a zombie, still in /proc. */
static void test_zombie(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	char path[64], *text;
	long pid;

	(void)state;
	nc_run_as(m, 1);
	pid = nc_clone(m, 0, 17);
	assert_true(pid > 2);
	nc_run_as(m, (pid_t)pid);
	do_exit(m, 0);
	snprintf(path, sizeof(path), "/proc/%ld/status", pid);
	text = proc_model_read(m, path);
	assert_non_null(strstr(text, "\nState:\tZ (zombie)\n"));
	free(text);
	nc_machine_destroy(m);
}

static void test_errors(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	char *path = malloc(NC_PROCFS_PATH_MAX + 1);

	(void)state;
	assert_error(m, "proc/buddyinfo", -ENOENT);
	assert_error(m, "", -ENOENT);
	assert_error(m, "/proc/buddyinfo/", -ENOTDIR);
	assert_error(m, "/proc/buddyinfo/x", -ENOTDIR);
	assert_error(m, "/proc/cpuinfo", -ENOENT);
	assert_error(m, "/proc/01", -ENOENT);     /* name_to_int(): no leading zero */
	assert_error(m, "/proc/0", -ENOENT);      /* the idle task has no entry */
	assert_error(m, "/proc/4294967295", -ENOENT);
	assert_error(m, "/proc/99999", -ENOENT);
	assert_error(m, "/proc/1/task/01", -ENOENT);
	assert_error(m, "/proc/1/..", -ENOENT);
	assert_error(m, "/sys/devices/system/node/node2", -ENOENT);
	assert_error(m, "/sys/devices/system/node/node01", -ENOENT);
	assert_error(m, "/sys/devices/system/node/nodex", -ENOENT);
	assert_error(m, "/sys/kernel/slab/no_such_cache", -ENOENT);
	assert_error(m, "/sys/kernel/slab/task_struct/no_such_attr", -ENOENT);
	assert_non_null(path);
	memset(path, '/', NC_PROCFS_PATH_MAX);
	path[NC_PROCFS_PATH_MAX] = '\0';
	assert_error(m, path, -ENAMETOOLONG);
	path[NC_PROCFS_PATH_MAX - 1] = '\0';
	free(proc_model_read(m, path));
	free(path);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_listings),
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_zombie),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
