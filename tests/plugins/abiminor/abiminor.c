/* Test plugin built wrong on purpose (abiminor): the host must refuse it. */
#include <wrrfig/plugin.h>

static wrrfig_status build(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    (void)h;
    (void)ctx;
    return WRRFIG_OK;
}

static const wrrfig_figure figures[] = {{"abiminor-x", NULL, "nothing", build}};

WRRFIG_EXPORT const wrrfig_plugin WRRFIG_PLUGIN_SYMBOL = {WRRFIG_ABI_MAGIC, WRRFIG_ABI_MAJOR, 99, "abiminor", "0.0.1", "test", figures, sizeof figures[0], 1, NULL, 0, 0, NULL, 0, 0};
