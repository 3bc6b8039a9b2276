// SPDX-License-Identifier: GPL-2.0-only
/*
 * The model's ftrace text against the host kernel's own: a private tracefs
 * instance records a real fork, exit and wait (and whatever kmem events
 * the host makes meanwhile); the model records the same events; the header
 * must match line for line (counts masked) and every line the same layout:
 * columns of the context, flag characters, the event's field names in order
 * and the kind of each value (number, hex, pointer, symbol+off/size).
 * Values (pids, times, addresses) are not compared. Needs root and tracefs.
 * Named differences between v6.12 (modelled) and the host's 6.18, whose
 * extra fields are dropped from the host line before comparing:
 * sched_process_exit gained group_dead=, kmem_cache_alloc gained name=.
 */
#include <dirent.h>
#include <errno.h>
#include <regex.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "kernel/exit.h"
#include "nc_boot.h"
#include "trace/events.h"
#include "trace/trace.h"
#include "uapi/linux/sched.h"

#define TRACEFS "/sys/kernel/tracing"

static const char *const host_events[] = {
	"task/task_newtask", "sched/sched_process_fork", "sched/sched_wakeup_new",
	"sched/sched_process_exit", "sched/sched_process_wait", "kmem/kmem_cache_alloc",
	"kmem/kmem_cache_free", "kmem/kmalloc", "kmem/kfree", "kmem/mm_page_alloc",
	"kmem/mm_page_free",
};

/* 6.18 fields v6.12 does not have: dropped from host lines */
static const struct {
	const char *event, *field;
} newer_fields[] = {
	{ "sched_process_exit", " group_dead=" },
	{ "kmem_cache_alloc", " name=" },
};

static int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	int ret;

	if (!f)
		return -errno;
	ret = fputs(text, f) < 0 ? -EIO : 0;
	if (fclose(f))
		ret = -errno;
	return ret;
}

static char *read_all(FILE *f)
{
	char *buf = NULL;
	size_t size = 0, len = 0, n;

	do {
		if (len + 4096 + 1 > size) {
			size = size ? size * 2 : 65536;
			buf = realloc(buf, size);
			assert_non_null(buf);
		}
		n = fread(buf + len, 1, size - len - 1, f);
		len += n;
	} while (n);
	buf[len] = 0;
	return buf;
}

/* Records a fork, exit and wait of this process on the host; returns the
 * trace text (malloc'd) or NULL with *why set. */
static char *host_trace(const char **why, pid_t *forked)
{
	char dir[128], path[256];
	char *text = NULL;
	struct stat st;
	pid_t child;
	FILE *f;

	if (geteuid() != 0) {
		*why = "not root: tracefs needs it";
		return NULL;
	}
	if (stat(TRACEFS "/instances", &st) &&
	    mount("nodev", TRACEFS, "tracefs", 0, NULL)) {
		*why = "no tracefs at " TRACEFS;
		return NULL;
	}
	snprintf(dir, sizeof(dir), TRACEFS "/instances/numaclone-test-%d", (int)getpid());
	if (mkdir(dir, 0755)) {
		*why = "cannot create a tracefs instance";
		return NULL;
	}
	snprintf(path, sizeof(path), "%s/buffer_size_kb", dir);
	write_file(path, "256");
	for (size_t i = 0; i < sizeof(host_events) / sizeof(host_events[0]); i++) {
		snprintf(path, sizeof(path), "%s/events/%s/enable", dir, host_events[i]);
		if (write_file(path, "1")) {
			*why = "a host event is missing";
			goto out;
		}
	}
	child = fork();
	if (child == 0)
		_exit(0);
	assert_true(child > 0);
	waitpid(child, NULL, 0);
	*forked = child;
	snprintf(path, sizeof(path), "%s/tracing_on", dir);
	write_file(path, "0");
	snprintf(path, sizeof(path), "%s/trace", dir);
	f = fopen(path, "r");
	if (f) {
		text = read_all(f);
		fclose(f);
	}
out:
	snprintf(path, sizeof(path), "%s/events/enable", dir);
	write_file(path, "0");
	rmdir(dir);
	if (!text)
		*why = "cannot read the instance's trace";
	return text;
}

/* The model's trace of the same events: a fork, the child's exit, the
 * parent's wait, and one of each kmem event. */
static char *model_trace(void)
{
	struct nc_machine *m = nc_boot("1x2");
	struct nc_error err;
	struct page *p;
	char *buf = NULL;
	size_t size = 0;
	FILE *f;
	long child;

	assert_int_equal(nc_trace_start(m, "task:task_newtask,sched_process_fork,"
					"sched_wakeup_new,sched_process_exit,sched_process_wait,kmem",
					0, &err), 0);
	nc_run_as(m, 1);
	trace_kmem_cache_alloc(m, "dup_task_struct", 0xffff888100a4c000UL, 9856, 10240,
			       GFP_KERNEL, NUMA_NO_NODE, true);
	child = nc_clone(m, CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID, SIGCHLD);
	assert_true(child > 0);
	p = alloc_pages_node(m, NUMA_NO_NODE, GFP_HIGHUSER_MOVABLE | __GFP_ZERO, 0);
	assert_non_null(p);
	trace_kmalloc(m, "alloc_pid", 0xffff888104e2a0c0UL, 136, 192, GFP_KERNEL, -1);
	nc_run_as(m, (pid_t)child);
	kernel_exit(m, 0);
	nc_run_as(m, 1);
	trace_sched_process_wait(m, 0);
	trace_kfree(m, "free_pid", 0xffff888104e2a0c0UL);
	trace_kmem_cache_free(m, "rcu_do_batch", 0xffff888100a4c000UL, "task_struct");
	__free_pages(m, p, 0);
	f = open_memstream(&buf, &size);
	assert_non_null(f);
	assert_int_equal(nc_trace_write(m, f, NC_TRACE_FTRACE), 0);
	fclose(f);
	nc_machine_destroy(m);
	return buf;
}

/* The shape of one event line: context columns, flags, and the fields */
struct layout {
	int dash, bracket, flags, dot, colon;  /* columns */
	char event[64];
	char fields[512];                      /* "name=K name=K ...", K a value kind */
};

static char value_kind(const char *v, size_t n)
{
	size_t hex = strspn(v, "0123456789abcdef"), dec = strspn(v, "0123456789");

	if (n == 16 && hex == 16)
		return 'p';                    /* %p, hashed or not */
	if (n > 2 && !strncmp(v, "0x", 2) && strspn(v + 2, "0123456789abcdef") == n - 2)
		return 'x';                    /* 0x%lx */
	if (dec == n || (v[0] == '-' && strspn(v + 1, "0123456789") == n - 1))
		return 'n';
	if (hex == n)
		return 'n';                    /* %lx without 0x (clone_flags) */
	if (memchr(v, '+', n) && memchr(v, '/', n))
		return 'S';                    /* %pS: symbol+0xoff/0xsize */
	return 's';
}

/* Parses one trace line; false if it is not an event line. */
static bool parse_line(const char *line, struct layout *l)
{
	static regex_t re;
	static bool compiled;
	regmatch_t mt[8];
	const char *p, *end;
	size_t len = 0;

	if (!compiled) {
		assert_int_equal(regcomp(&re, "^ *[^ ].*-[0-9]+ +\\[[0-9]{3}\\] "
					 "[.dDbX][.Nnp][.ZzHhs][.0-9a-f][.0-9] +[0-9]+\\.[0-9]{6}: "
					 "([a-z_]+): ", REG_EXTENDED), 0);
		compiled = true;
	}
	if (regexec(&re, line, 2, mt, 0))
		return false;
	memset(l, 0, sizeof(*l));
	l->bracket = (int)(strstr(line, " [") - line) + 1;
	for (l->dash = l->bracket - 1; l->dash > 0 && line[l->dash] != '-'; l->dash--)
		;
	l->flags = l->bracket + 6;
	l->dot = (int)(strchr(line + l->flags + 6, '.') - line);
	l->colon = (int)(strchr(line + l->dot, ':') - line);
	snprintf(l->event, sizeof(l->event), "%.*s", (int)(mt[1].rm_eo - mt[1].rm_so),
		 line + mt[1].rm_so);
	/* fields: "key=value" separated by single spaces */
	for (p = line + mt[0].rm_eo; *p && *p != '\n'; p = *end == ' ' ? end + 1 : end) {
		const char *eq = strchr(p, '=');

		end = p + strcspn(p, " \n");
		if (!eq || eq > end)
			return false;
		len += (size_t)snprintf(l->fields + len, sizeof(l->fields) - len, "%.*s=%c ",
					(int)(eq - p), p, value_kind(eq + 1, (size_t)(end - eq - 1)));
		if (len >= sizeof(l->fields))
			return false;
	}
	return true;
}

/* Drops a 6.18-only field (up to the next space) from a host line. */
static void drop_newer_fields(char *line, const char *event)
{
	for (size_t i = 0; i < sizeof(newer_fields) / sizeof(newer_fields[0]); i++) {
		char *f;

		if (strcmp(event, newer_fields[i].event) || !(f = strstr(line, newer_fields[i].field)))
			continue;
		memmove(f, f + 1 + strcspn(f + 1, " \n"), strlen(f + 1 + strcspn(f + 1, " \n")) + 1);
	}
}

/* Whether a trace line ran in the context of one of the tasks in pids
 * (the "comm-PID [cpu]" column), or pids is NULL */
static bool line_of(const char *line, const struct layout *l, const pid_t *pids)
{
	long pid = strtol(line + l->dash + 1, NULL, 10);

	return !pids || pid == pids[0] || pid == pids[1];
}

/* The first line of the text recording event, parsed (host lines with
 * 6.18-only fields dropped), in the context of one of pids if not NULL;
 * false if none. */
static bool find_event(const char *text, const char *event, bool host, const pid_t *pids,
		       struct layout *l)
{
	char line[1024];

	for (const char *p = text; *p; p += strcspn(p, "\n") + (p[strcspn(p, "\n")] != 0)) {
		size_t n = strcspn(p, "\n");
		struct layout tmp;

		if (*p == '#' || n >= sizeof(line))
			continue;
		memcpy(line, p, n);
		line[n] = 0;
		if (!parse_line(line, &tmp) || strcmp(tmp.event, event) || !line_of(line, &tmp, pids))
			continue;
		if (host) {
			drop_newer_fields(line, event);
			assert_true(parse_line(line, &tmp));
		}
		*l = tmp;
		return true;
	}
	return false;
}

/* The 12 header lines, each run of digits (the counts) masked as "N". */
static void header(const char *text, char *out, size_t size)
{
	size_t len = 0;
	const char *p = text;

	for (int i = 0; i < 12 && *p; i++) {
		size_t n = strcspn(p, "\n");

		for (size_t k = 0; k < n && len + 2 < size; k++) {
			bool digit = p[k] >= '0' && p[k] <= '9';

			if (!digit)
				out[len++] = p[k];
			else if (!k || p[k - 1] < '0' || p[k - 1] > '9')
				out[len++] = 'N';
		}
		out[len++] = '\n';
		p += n + (p[n] != 0);
	}
	out[len] = 0;
}

static void test_host_layout(void **state)
{
	const char *why = NULL;
	pid_t own[2] = { getpid(), 0 };
	char *host = host_trace(&why, &own[1]), *model, hh[2048], mh[2048];
	int compared = 0;

	(void)state;
	if (!host) {
		print_message("host ftrace unavailable: %s\n", why);
		skip();
	}
	model = model_trace();
	header(host, hh, sizeof(hh));
	header(model, mh, sizeof(mh));
	assert_string_equal(hh, mh);

	for (size_t i = 0; i < sizeof(host_events) / sizeof(host_events[0]); i++) {
		const char *event = strchr(host_events[i], '/') + 1;
		struct layout h, m;

		/* this test's own fork, exit and wait first: another process's
		 * line (a comm like "cc" reads as a number) only if none */
		if (!find_event(host, event, true, own, &h) &&
		    !find_event(host, event, true, NULL, &h)) {
			print_message("%s: not fired on the host during the test\n", event);
			continue;
		}
		assert_true(find_event(model, event, false, NULL, &m));
		if (strcmp(h.fields, m.fields))
			fail_msg("%s: host fields \"%s\", model \"%s\"", event, h.fields, m.fields);
		assert_int_equal(h.dash, m.dash);
		assert_int_equal(h.bracket, m.bracket);
		assert_int_equal(h.flags, m.flags);
		/* seconds are %5lu: the same column while both are below 100000 */
		assert_int_equal(h.dot, m.dot);
		assert_int_equal(h.colon, m.colon);
		compared++;
		if (getenv("NC_TRACE_VERBOSE"))
			print_message("%s: %s\n", event, m.fields);
	}
	/* the fork, its wakeup and the wait are this test's own */
	assert_true(compared >= 3);
	free(host);
	free(model);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_host_layout),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
