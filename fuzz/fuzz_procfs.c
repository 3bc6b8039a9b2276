// SPDX-License-Identifier: GPL-2.0-only
/* libFuzzer target for the model's /proc and /sys path lookup
 * (fs/proc/nc_procfs.c) and --show's list (workload/report.c) on a machine
 * with a memoryless and a CPU-less node and a thread group: the input is a
 * path, then the same bytes as a --show list. A lookup either gives text
 * or an error with a message, never both. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <numaclone/numaclone.h>
#include "arch/machine.h"
#include "fs/proc/nc_procfs.h"
#include "kernel/fork.h"
#include "uapi/linux/sched.h"
#include "workload/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct nc_machine *boot(void)
{
	struct nc_machine_config cfg = {
		.topology = "-numa node,cpus=0-1,mem=64M -numa node,mem=64M "
			    "-numa node,cpus=2-3,mem=0",
	};
	struct kernel_clone_args args = { .flags = CLONE_VM | CLONE_SIGHAND | CLONE_THREAD };
	struct nc_machine *m = nc_machine_create(&cfg, NULL);

	if (!m || kernel_clone(m, &args) < 0)
		abort();
	return m;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct nc_machine *m;
	static FILE *null;
	struct nc_error err = { "" };
	char *path, *text;
	int ret;

	if (!m && (!(m = boot()) || !(null = fopen("/dev/null", "w"))))
		abort();
	path = malloc(size + 1);
	if (!path)
		return 0;
	memcpy(path, data, size);
	path[size] = '\0';
	ret = nc_procfs_read(m, path, &text, &err);
	if (ret ? text != NULL || (ret != -ENOMEM && !err.msg[0]) : text == NULL)
		abort();
	free(text);
	err.msg[0] = '\0';
	ret = nc_report_show_machine(null, m, path, &err);
	if (ret && ret != -ENOMEM && !err.msg[0])
		abort();
	free(path);
	return 0;
}
