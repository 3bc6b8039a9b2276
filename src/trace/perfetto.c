// SPDX-License-Identifier: GPL-2.0-only
/*
 * The trace as Chrome trace-event JSON ("traceEvents"), the format
 * ui.perfetto.dev and chrome://tracing load. Three groups of tracks:
 * "CPUs" (one track per simulated CPU: every event as an instant, its
 * ftrace fields in args), "Tasks" (one track per task created while
 * tracing: a slice from task_newtask to sched_process_exit) and "Memory"
 * (a counter per node: pages allocated minus pages freed since tracing
 * began, from mm_page_alloc/mm_page_free). Times are simulated, in µs.
 * Not a kernel format: the kernel has no Perfetto writer.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "trace/output.h"
#include "trace/perfetto.h"

/* Track ids above every pid the kernel can hand out (PID_MAX_LIMIT), so
 * that a task's track never collides with a CPU track. */
#define PID_MAX_LIMIT 4194304
#define TRACK_TASKS   PID_MAX_LIMIT
#define TRACK_CPUS    (2 * PID_MAX_LIMIT)
#define TRACK_MEMORY  (3 * PID_MAX_LIMIT)

/* JSON string: quotes, backslashes and control bytes escaped; bytes above
 * 0x7f as \u00XX so any comm gives valid JSON */
static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p < 0x20 || *p > 0x7e)
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

static void json_ts(FILE *f, uint64_t ns)
{
	fprintf(f, "\"ts\":%" PRIu64 ".%03" PRIu64, ns / 1000, ns % 1000);
}

static void metadata(FILE *f, const char *what, int pid, int tid, const char *name)
{
	fprintf(f, ",\n{\"ph\":\"M\",\"name\":\"%s\",\"pid\":%d,\"tid\":%d,\"args\":{\"name\":",
		what, pid, tid);
	json_str(f, name);
	fputs("}}", f);
}

static void sort_index(FILE *f, int pid, int tid, int index)
{
	if (tid)
		fprintf(f, ",\n{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":%d,\"tid\":%d,"
			"\"args\":{\"sort_index\":%d}}", pid, tid, index);
	else
		fprintf(f, ",\n{\"ph\":\"M\",\"name\":\"process_sort_index\",\"pid\":%d,"
			"\"args\":{\"sort_index\":%d}}", pid, index);
}

static void instant(FILE *f, const struct trace_entry *e)
{
	const char *name = trace_event_name(e->type);
	char text[1024];

	trace_print_event(e, text, sizeof(text));
	fputs(",\n{\"ph\":\"i\",\"s\":\"t\",\"name\":", f);
	json_str(f, name);
	fputs(",\"cat\":", f);
	json_str(f, trace_event_system(e->type));
	fputc(',', f);
	json_ts(f, e->ts);
	fprintf(f, ",\"pid\":%d,\"tid\":%d,\"args\":{\"comm\":", TRACK_CPUS,
		TRACK_CPUS + 1 + e->cpu);
	json_str(f, e->pid ? e->comm : "<idle>");
	fprintf(f, ",\"pid\":%d,\"fields\":", e->pid);
	json_str(f, text + strlen(name) + 2);
	fputs("}}", f);
}

static void task_slice(FILE *f, char ph, pid_t pid, uint64_t ts, const char *comm)
{
	fprintf(f, ",\n{\"ph\":\"%c\",", ph);
	if (comm) {
		fputs("\"name\":", f);
		json_str(f, comm);
		fputc(',', f);
	}
	json_ts(f, ts);
	fprintf(f, ",\"pid\":%d,\"tid\":%d}", TRACK_TASKS, pid);
}

static int cmp_pid(const void *a, const void *b)
{
	pid_t x = *(const pid_t *)a, y = *(const pid_t *)b;

	return (x > y) - (x < y);
}

/* The pids task_newtask announced, sorted and unique; *n set. */
static pid_t *new_tasks(const struct nc_trace *t, size_t *n)
{
	pid_t *pids = malloc((t->len ? t->len : 1) * sizeof(*pids));
	size_t k = 0;

	if (!pids)
		return NULL;
	for (size_t i = 0; i < t->len; i++) {
		const struct trace_entry *e = trace_entry_at(t, i);

		if (e->type == TRACE_TASK_NEWTASK)
			pids[k++] = e->task.pid;
	}
	qsort(pids, k, sizeof(*pids), cmp_pid);
	*n = 0;
	for (size_t i = 0; i < k; i++)
		if (!*n || pids[*n - 1] != pids[i])
			pids[(*n)++] = pids[i];
	return pids;
}

int trace_write_perfetto(const struct nc_machine *m, const struct nc_trace *t, FILE *f)
{
	const struct nc_topology *topo = m->topo;
	size_t nr_tasks = 0;
	pid_t *tasks = new_tasks(t, &nr_tasks);
	bool *open = calloc(nr_tasks ? nr_tasks : 1, sizeof(*open));
	long long *pages = calloc(topo->nr_node_ids, sizeof(*pages));
	uint64_t last = 0;
	char name[32];
	int ret = 0;

	if (!tasks || !open || !pages) {
		ret = -ENOMEM;
		goto out;
	}
	fprintf(f, "{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n"
		"{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":%d,\"tid\":0,"
		"\"args\":{\"name\":\"CPUs\"}}", TRACK_CPUS);
	sort_index(f, TRACK_CPUS, 0, 0);
	for (unsigned int cpu = 0; cpu < topo->nr_cpu_ids; cpu++) {
		if (cpu_to_node(topo, cpu) < 0)
			continue;
		snprintf(name, sizeof(name), "CPU %u", cpu);
		metadata(f, "thread_name", TRACK_CPUS, TRACK_CPUS + 1 + (int)cpu, name);
		sort_index(f, TRACK_CPUS, TRACK_CPUS + 1 + (int)cpu, (int)cpu);
	}
	metadata(f, "process_name", TRACK_TASKS, 0, "Tasks");
	sort_index(f, TRACK_TASKS, 0, 1);
	metadata(f, "process_name", TRACK_MEMORY, 0, "Memory");
	sort_index(f, TRACK_MEMORY, 0, 2);

	for (size_t i = 0; i < t->len; i++) {
		const struct trace_entry *e = trace_entry_at(t, i);
		pid_t *slot;

		last = e->ts;
		instant(f, e);
		switch (e->type) {
		case TRACE_TASK_NEWTASK:
			slot = bsearch(&e->task.pid, tasks, nr_tasks, sizeof(*tasks), cmp_pid);
			if (open[slot - tasks])
				task_slice(f, 'E', e->task.pid, e->ts, NULL);
			open[slot - tasks] = true;
			snprintf(name, sizeof(name), "%s-%d", e->task.comm, e->task.pid);
			metadata(f, "thread_name", TRACK_TASKS, e->task.pid, name);
			task_slice(f, 'B', e->task.pid, e->ts, e->task.comm);
			break;
		case TRACE_SCHED_PROCESS_EXIT:
			slot = bsearch(&e->proc.pid, tasks, nr_tasks, sizeof(*tasks), cmp_pid);
			if (slot && open[slot - tasks]) {
				open[slot - tasks] = false;
				task_slice(f, 'E', e->proc.pid, e->ts, NULL);
			}
			break;
		case TRACE_MM_PAGE_ALLOC:
		case TRACE_MM_PAGE_FREE:
			if (e->page.failed || e->page.nid < 0 ||
			    (unsigned int)e->page.nid >= topo->nr_node_ids)
				break;
			if (e->type == TRACE_MM_PAGE_ALLOC)
				pages[e->page.nid] += 1LL << e->page.order;
			else
				pages[e->page.nid] -= 1LL << e->page.order;
			fprintf(f, ",\n{\"ph\":\"C\",\"name\":\"node %d pages\",", e->page.nid);
			json_ts(f, e->ts);
			fprintf(f, ",\"pid\":%d,\"args\":{\"pages\":%lld}}", TRACK_MEMORY,
				pages[e->page.nid]);
			break;
		default:
			break;
		}
	}
	/* tasks still alive end with the trace */
	for (size_t i = 0; i < nr_tasks; i++)
		if (open[i])
			task_slice(f, 'E', tasks[i], last, NULL);
	fputs("\n]}\n", f);
	if (ferror(f))
		ret = -EIO;
out:
	free(tasks);
	free(open);
	free(pages);
	return ret;
}
