/* A minimal wrrfig chapter plugin: one figure kind (a line chart of any
 * table with a year column and a value) and one measure. Copy this folder,
 * rename "example" everywhere (the descriptor name must equal the .so file
 * stem, and kind and measure names start with it), and edit.
 *
 * A kind is a figure whose inputs and settings come from a spec:
 * figures/example-series.json instantiates this one for example/series.
 * The host checks the spec against the parameters declared below before
 * this code runs, so build() can rely on them.
 *
 * It uses one helper of wrrfig's plugin library (libwrrfig-common, pkg-config
 * wrrfig-common): the CBS period parser, so a year column may hold 2019 or
 * CBS's 2019JJ00, and a quarter (2019KW01) is refused rather than read as a
 * year. */
#include <stdio.h>

#include <wrrfig/plugin.h>

#include "common/period.h"

static wrrfig_status build(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    /* Parameters, checked and with defaults filled in by the host. */
    const char *name = h->kind_text(ctx, "table");
    const char *column = h->kind_text(ctx, "column");
    const wrrfig_table *t = h->table(ctx, name); /* host-owned: do not free or keep */
    if (!t)
        return WRRFIG_NODATA; /* absent: the host says which table and what to download */
    int year = h->table_dim_index(t, column);
    if (year < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: expected a '%s' column", name, column);
        return WRRFIG_ERROR;
    }
    h->csv_row(ctx, "ss", column, "value");
    h->gp_block_begin(ctx, "series");
    size_t n = 0;
    for (size_t r = 0; r < h->table_rows(t); r++) {
        const char *y = h->table_key(t, r, (size_t)year);
        int x;
        if (!wfc_period_year(y, &x)) {
            h->log(ctx, WRRFIG_LOG_ERROR, "%s: row %zu: '%s' is not a year (2019 or 2019JJ00)", name, r + 1, y);
            return WRRFIG_ERROR;
        }
        char ytext[16];
        snprintf(ytext, sizeof ytext, "%d", x); /* the CSV has the year, whatever the code */
        double v;
        if (h->table_value(t, r, &v) != WRRFIG_VALUE) {
            /* CBS '.', 'x', '-': not a number, not a zero. NaN breaks the
             * line there instead of drawing across the gap. */
            h->gp_block_row(ctx, "%d NaN", x);
            continue;
        }
        /* The x value is a number (%d): a quoted "2019" would be a string to
         * gnuplot, and "x range is invalid". Text goes through %q. */
        h->gp_block_row(ctx, "%d %g", x, v);
        h->csv_row(ctx, "sn", ytext, v);
        n++;
    }
    h->gp_block_end(ctx);
    if (n == 0) {
        h->log(ctx, WRRFIG_LOG_WARN, "%s: no numeric values", name);
        return WRRFIG_NODATA;
    }
    const char *ylabel = h->kind_text(ctx, "ylabel");
    if (ylabel && *ylabel)
        h->gp_cmd(ctx, "set ylabel %q", ylabel); /* %q: data and spec text is always quoted */
    h->gp_cmd(ctx, "set xtics 1 nomirror"); /* whole years */
    h->gp_cmd(ctx, "plot $series using 1:2 with linespoints lt 1 notitle");
    return WRRFIG_OK;
}

static wrrfig_status latest(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    (void)p;
    const wrrfig_table *t = h->table(ctx, "example/series");
    size_t n = t ? h->table_rows(t) : 0;
    if (n == 0 || h->table_value(t, n - 1, out) != WRRFIG_VALUE)
        return WRRFIG_NODATA;
    return WRRFIG_OK;
}

/* Designated initializers: a later ABI minor may append fields, which stay 0. */
static const wrrfig_param series_params[] = {
    {.name = "table", .type = WRRFIG_PARAM_TABLE, .def = NULL, .doc = "the table: a year column and a value"},
    {.name = "column", .type = WRRFIG_PARAM_TEXT, .def = "\"year\"", .doc = "the name of the year column"},
    {.name = "ylabel", .type = WRRFIG_PARAM_TEXT, .def = "\"\"", .doc = "the y axis label ({\"nl\", \"en\"})"},
};

static const wrrfig_kind kinds[] = {
    {.id = "example.series",
     .doc = "a line chart of one value per year",
     .params = series_params,
     .param_size = sizeof series_params[0], /* the element size: see plugin.h, Versioning */
     .n_params = WRRFIG_COUNT(series_params),
     .needs = "a table with a year column and a value column",
     .build = build},
};

static const char *const inputs[] = {"example/series", NULL};

static const wrrfig_measure measures[] = {
    {.name = "example.latest", .params = "", .unit = "count", .doc = "the value of the last row of example/series",
     .inputs = inputs, .eval = latest},
};

WRRFIG_PLUGIN("example", "0.2.0", "Example plugin (template)", WRRFIG_NONE, WRRFIG_ARRAY(measures),
              WRRFIG_ARRAY(kinds));
