// SPDX-License-Identifier: GPL-2.0-only
/*
 * numastat(8) as numactl ships it (the C rewrite of 2012, version
 * 20130723): reads each online node's numastat file, lays the counters
 * out as a table of 16-column cells and folds the columns that do not fit
 * the line width into further sections separated by a blank line.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/base/node.h"
#include "tools/numastat.h"

#define NR_ROWS 6
#define COL_WIDTH 16
#define WIDTH_MAX 10000000L

static const char *const tokens[NR_ROWS] = {
	"numa_hit", "numa_miss", "numa_foreign", "interleave_hit", "local_node", "other_node",
};
static const char *const labels[NR_ROWS] = {
	"Numa_Hit", "Numa_Miss", "Numa_Foreign", "Interleave_Hit", "Local_Node", "Other_Node",
};

enum cell_type { CELL_NULL, CELL_DOUBLE, CELL_STRING, CELL_DASHES };

struct cell {
	enum cell_type type;
	double d;
	char s[24];
};

struct table {
	int header_rows, rows, cols;  /* cols: label, one per node, total */
	struct cell *cell;
	int *width;
	int places;
	bool *col_nonzero, *row_nonzero;
};

#define CELL(t, r, c) (&(t)->cell[(r) * (t)->cols + (c)])

long numastat_width(const char *env_width, long tty_columns)
{
	long width = 80;

	if (env_width) {
		width = atol(env_width);
		if (width < 1 || width > WIDTH_MAX)
			width = 80;
	} else if (tty_columns > 0) {
		width = tty_columns > WIDTH_MAX ? 80 : tty_columns;
	} else if (!tty_columns) {
		width = WIDTH_MAX; /* not a tty: one long line, easy to parse */
	}
	return width < 32 ? 32 : width;
}

/* A cell's text cut to width, as numastat's fmt_cell_data() makes it. */
static void cell_text(const struct table *t, const struct cell *c, int width,
		      char *buf, size_t size)
{
	buf[0] = '\0';
	if (c->type == CELL_DOUBLE)
		snprintf(buf, size, "%.*f", t->places, c->d);
	else if (c->type == CELL_STRING)
		snprintf(buf, size, "%s", c->s);
	else if (c->type == CELL_DASHES && width > 1) {
		memset(buf, '-', (size_t)width - 1);
		buf[width - 1] = '\0';
	}
	if (width >= 0 && (size_t)width < size)
		buf[width] = '\0';
}

static void put_cell(const struct table *t, int row, int col, FILE *out)
{
	int w = t->width[col];
	char buf[128];

	cell_text(t, CELL(t, row, col), w, buf, sizeof(buf));
	fprintf(out, col ? "%*s" : "%-*s", w, buf); /* labels left, data right */
}

static bool col_shown(const struct table *t, bool hide_zero, int col)
{
	return !hide_zero || t->col_nonzero[col];
}

/* numastat's display_table(): header rows always, then data rows, as many
 * columns per line as fit; the rest in the next section. */
static void display_table(const struct table *t, const struct numastat_opts *o, FILE *out)
{
	bool any_nonzero = false;
	int col = -1, data_col = 1;

	for (int c = 1; c < t->cols; c++)
		any_nonzero |= t->col_nonzero[c];
	if (!any_nonzero && o->hide_zero) {
		fprintf(out, "Table has no non-zero data.\n");
		return;
	}
	while (data_col < t->cols) {
		if (!col_shown(t, o->hide_zero, data_col)) {
			data_col++;
			continue;
		}
		if (col > 0)
			fputc('\n', out);
		for (int row = 0; row < t->rows; row++) {
			long line = t->width[0];

			if (row >= t->header_rows && o->hide_zero && !t->row_nonzero[row])
				continue;
			put_cell(t, row, 0, out);
			for (col = data_col;;) {
				if (col_shown(t, o->hide_zero, col)) {
					put_cell(t, row, col, out);
					line += t->width[col];
				}
				col++;
				if (col >= t->cols || line + t->width[col] > o->width)
					break;
			}
			fputc('\n', out);
		}
		data_col = col;
	}
}

/* numastat's auto_set_col_width(col, 4, 16): widest text plus a gutter */
static void compress_width(struct table *t, int col)
{
	int width = 4;

	for (int row = 0; row < t->rows; row++) {
		char buf[128];
		int l;

		if (CELL(t, row, col)->type == CELL_DASHES)
			continue;
		cell_text(t, CELL(t, row, col), COL_WIDTH, buf, sizeof(buf));
		l = (int)strlen(buf);
		if (width < l)
			width = l;
	}
	width++;
	t->width[col] = width > COL_WIDTH ? COL_WIDTH : width;
}

static int fill_node(struct table *t, const struct nc_machine *m, int nid, int col,
		     bool compat)
{
	char buf[NODE_ATTR_BUF_SIZE];
	char *line, *save = NULL;
	int total = t->cols - 1;

	node_read_numastat(m, nid, buf);
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char name[32];
		long value;
		double v;

		if (sscanf(line, "%31s %ld", name, &value) != 2)
			continue;
		for (int r = 0; r < NR_ROWS; r++) {
			if (strcmp(name, tokens[r]))
				continue;
			/* -n shows MBs: counts are taken as pages */
			v = compat ? (double)value : (double)value * 4096.0 / (1024.0 * 1024.0);
			CELL(t, t->header_rows + r, col)->type = CELL_DOUBLE;
			CELL(t, t->header_rows + r, col)->d = v;
			CELL(t, t->header_rows + r, total)->type = CELL_DOUBLE;
			CELL(t, t->header_rows + r, total)->d += v;
		}
	}
	return 0;
}

int numastat_show(const struct nc_machine *m, const struct numastat_opts *o, FILE *out)
{
	struct table t = { .header_rows = o->compat ? 1 : 2 };
	int nr_nodes = (int)nodes_weight(m->topo->online), col = 1, nid;

	t.rows = t.header_rows + NR_ROWS;
	t.cols = 1 + nr_nodes + 1;
	t.places = o->compat || o->compress ? 0 : 2;
	t.cell = calloc((size_t)t.rows * (size_t)t.cols, sizeof(*t.cell));
	t.width = calloc((size_t)t.cols, sizeof(*t.width));
	t.col_nonzero = calloc((size_t)t.cols, sizeof(bool));
	t.row_nonzero = calloc((size_t)t.rows, sizeof(bool));
	if (!t.cell || !t.width || !t.col_nonzero || !t.row_nonzero) {
		free(t.cell);
		free(t.width);
		free(t.col_nonzero);
		free(t.row_nonzero);
		return -ENOMEM;
	}
	for (int r = 0; r < NR_ROWS; r++) {
		CELL(&t, t.header_rows + r, 0)->type = CELL_STRING;
		snprintf(CELL(&t, t.header_rows + r, 0)->s, sizeof(t.cell->s), "%s",
			 o->compat ? tokens[r] : labels[r]);
	}
	t.width[0] = COL_WIDTH;
	for_each_node_mask(nid, m->topo->online) {
		struct cell *h = CELL(&t, 0, col);

		h->type = CELL_STRING;
		snprintf(h->s, sizeof(h->s), o->compat ? "node%d" : "Node %d", nid);
		t.width[col] = COL_WIDTH;
		fill_node(&t, m, nid, col++, o->compat);
	}
	/* the Total column; in compatibility mode it keeps its sums but has
	 * neither a header nor a width, so it prints nothing */
	if (!o->compat) {
		CELL(&t, 0, col)->type = CELL_STRING;
		snprintf(CELL(&t, 0, col)->s, sizeof(t.cell->s), "Total");
		t.width[col] = COL_WIDTH;
		for (int c = 1; c < t.cols; c++)
			CELL(&t, 1, c)->type = CELL_DASHES;
	}
	for (int r = t.header_rows; r < t.rows; r++)
		for (int c = 1; c < t.cols; c++)
			if (CELL(&t, r, c)->d != 0) {
				t.row_nonzero[r] = true;
				t.col_nonzero[c] = true;
			}
	if (o->compress)
		for (int c = 0; c < t.cols; c++)
			compress_width(&t, c);
	if (!o->compat)
		fprintf(out, "\nPer-node numastat info (in MBs):\n");
	display_table(&t, o, out);
	free(t.cell);
	free(t.width);
	free(t.col_nonzero);
	free(t.row_nonzero);
	return 0;
}
