/* A plugin as it was built against ABI 2.0, before 2.1 appended `doc` to
 * wrrfig_figure: its figure elements are the 2.0 layout, written out by
 * hand, so they are smaller than the host's wrrfig_figure. The host must
 * step through the array by the plugin's element size and read the missing
 * field as absent (tests/unit/test_registry.c). */
#include <wrrfig/plugin.h>

/* wrrfig_figure as ABI 2.0 defined it. */
typedef struct figure_2_0 {
    const char *id;
    const char *const *inputs;
    const char *needs;
    wrrfig_build_fn build;
} figure_2_0;

static wrrfig_status build_a(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    (void)h;
    (void)ctx;
    return WRRFIG_NODATA;
}

static wrrfig_status build_b(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    (void)h;
    (void)ctx;
    return WRRFIG_ERROR;
}

static wrrfig_status value(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    (void)h;
    (void)ctx;
    (void)p;
    *out = 42;
    return WRRFIG_OK;
}

static const char *const in_a[] = {"old/a", NULL};
static const char *const in_b[] = {"old/b1", "old/b2", NULL};

static const figure_2_0 figures[] = {
    {"oldminor-a", in_a, "table old/a", build_a},
    {"oldminor-b", in_b, "tables old/b1 and old/b2", build_b},
    {"fig-98-1", NULL, "nothing", build_a},
};

static const wrrfig_measure measures[] = {
    {"oldminor.value", "", "count", "always 42", NULL, value},
};

static const wrrfig_param series_params[] = {
    {"table", WRRFIG_PARAM_TABLE, "\"old/a\"", "the table"},
    {"year", WRRFIG_PARAM_NUMBER, "2019", "the year"},
};

static const wrrfig_kind kinds[] = {
    {"oldminor.series", "a series", series_params, sizeof series_params[0], 2, "table old/a", build_a},
};

/* Written out: the figure array's element size is the 2.0 struct's. */
WRRFIG_EXPORT const wrrfig_plugin WRRFIG_PLUGIN_SYMBOL = {
    WRRFIG_ABI_MAGIC, 2, 0, "oldminor", "2.0.0", "test: a plugin of ABI 2.0",
    (const wrrfig_figure *)(const void *)figures, sizeof figures[0], 3,
    measures, sizeof measures[0], 1,
    kinds, sizeof kinds[0], 1};
