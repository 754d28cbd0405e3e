/* A minimal wrrfig chapter plugin: one figure (a line chart of a table with
 * columns year,value) and one measure. Copy this folder, rename "example"
 * everywhere (the descriptor name must equal the .so file stem), and edit. */
#include <wrrfig/plugin.h>

#define INPUT "example/series"

static const char *const inputs[] = {INPUT, NULL};

static wrrfig_status build(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *t = h->table(ctx, INPUT); /* host-owned: do not free or keep */
    if (!t)
        return WRRFIG_ERROR;
    int year = h->table_dim_index(t, "year");
    if (year < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: expected a 'year' column", INPUT);
        return WRRFIG_ERROR;
    }
    h->csv_row(ctx, "ss", "year", "value");
    h->gp_block_begin(ctx, "series");
    for (size_t r = 0; r < h->table_rows(t); r++) {
        double v;
        if (h->table_value(t, r, &v) != WRRFIG_VALUE)
            continue; /* CBS '.', 'x', '-': not a number, not a zero */
        const char *y = h->table_key(t, r, (size_t)year);
        h->gp_block_row(ctx, "%q %g", y, v);
        h->csv_row(ctx, "sn", y, v);
    }
    h->gp_block_end(ctx);
    const char *ylabel = h->spec_text(ctx, "ylabel");
    if (ylabel)
        h->gp_cmd(ctx, "set ylabel %q", ylabel); /* %q: data and spec text is always quoted */
    h->gp_cmd(ctx, "plot $series using 1:2 with linespoints lt 1 notitle");
    return WRRFIG_OK;
}

static wrrfig_status latest(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    (void)p;
    const wrrfig_table *t = h->table(ctx, INPUT);
    size_t n = t ? h->table_rows(t) : 0;
    if (n == 0 || h->table_value(t, n - 1, out) != WRRFIG_VALUE)
        return WRRFIG_NODATA;
    return WRRFIG_OK;
}

/* Designated initializers: a later ABI minor may append fields, which stay 0. */
static const wrrfig_figure figures[] = {
    {.id = "example-1", .inputs = inputs, .needs = "a table example/series with columns year,value", .build = build},
};

static const wrrfig_measure measures[] = {
    {.name = "example.latest", .params = "", .unit = "count", .doc = "the value of the last row of example/series",
     .inputs = inputs, .eval = latest},
};

WRRFIG_PLUGIN_DEFINE("example", "0.1.0", "Example plugin (template)", figures, measures);
