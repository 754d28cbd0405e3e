/* Test plugin: one well-behaved figure that draws a hostile label, and
 * figures that crash, abort, loop, exit or misuse the API, so the tests can
 * prove each fails alone while the others are built. */
#include <signal.h>
#include <stdlib.h>
#include <wrrfig/plugin.h>

static const char *const hostile_in[] = {"test/hostile", NULL};
static const char *const absent_in[] = {"test/absent", NULL};

static wrrfig_status build_ok(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *t = h->table(ctx, "test/hostile");
    if (!t)
        return WRRFIG_ERROR;
    const char *label = h->table_key(t, 0, 0);
    double v = 0;
    h->table_value(t, 0, &v);
    h->set_title(ctx, label);
    h->gp_block_begin(ctx, "pts");
    h->gp_block_row(ctx, "%g %g %q", 1.0, v, label);
    h->gp_block_end(ctx);
    h->gp_cmd(ctx, "set label 1 %q at graph 0.1, graph 0.5", label);
    h->gp_cmd(ctx, "set xrange [0:2]; set yrange [0:%g]", v * 2);
    h->gp_cmd(ctx, "plot $pts using 1:2 with points title %q, $pts using 1:2:3 with labels offset 0,1 notitle", label);
    h->csv_row(ctx, "ss", "label", "value");
    h->csv_row(ctx, "sn", label, v);
    return WRRFIG_OK;
}

static wrrfig_status build_segv(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    (void)h;
    (void)ctx;
    raise(SIGSEGV);
    return WRRFIG_OK;
}

static wrrfig_status build_abort(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    (void)h;
    (void)ctx;
    abort();
}

static wrrfig_status build_loop(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    (void)h;
    (void)ctx;
    for (volatile unsigned long i = 0;; i++)
        ;
    return WRRFIG_OK;
}

static wrrfig_status build_exit(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    (void)h;
    (void)ctx;
    exit(0);
}

static wrrfig_status build_misuse(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    h->csv_row(ctx, "s", "x");
    h->gp_cmd(ctx, "set title '%s'", "unescaped");
    return WRRFIG_OK;
}

static wrrfig_status build_nodata(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    return h->table(ctx, "test/absent") ? WRRFIG_OK : WRRFIG_NODATA;
}

static wrrfig_status measure_value(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    const wrrfig_table *t = h->table(ctx, "test/hostile");
    double scale = 1;
    h->param_number(p, "scale", &scale);
    if (!t || h->table_value(t, 0, out) != WRRFIG_VALUE)
        return WRRFIG_NODATA;
    *out *= scale;
    return WRRFIG_OK;
}

static wrrfig_status measure_segv(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    (void)h;
    (void)ctx;
    (void)p;
    (void)out;
    raise(SIGSEGV);
    return WRRFIG_OK;
}

static const wrrfig_figure figures[] = {
    {"crashy-ok", hostile_in, "nothing", build_ok},
    {"crashy-segv", NULL, "nothing", build_segv},
    {"crashy-abort", NULL, "nothing", build_abort},
    {"crashy-loop", NULL, "nothing", build_loop},
    {"crashy-exit", NULL, "nothing", build_exit},
    {"crashy-misuse", NULL, "nothing", build_misuse},
    {"crashy-nodata", absent_in, "CBS 99999NED (a table that does not exist)", build_nodata},
};

static const wrrfig_measure measures[] = {
    {"crashy.value", "scale", "count", "the test value times scale", hostile_in, measure_value},
    {"crashy.segv", "", "count", "crashes", NULL, measure_segv},
    {"crashy.absent", "", "count", "needs an absent table", absent_in, measure_value},
};

WRRFIG_PLUGIN_DEFINE("crashy", "0.0.1", "test plugin: crashes and hostile labels", figures, measures);
