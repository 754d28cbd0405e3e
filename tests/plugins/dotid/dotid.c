/* Test plugin: a figure id that would name files outside the output
 * directory ("..": <out>/...svg). The host refuses the plugin. */
#include <wrrfig/plugin.h>

static wrrfig_status build(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    (void)h;
    (void)ctx;
    return WRRFIG_OK;
}

static const wrrfig_figure figures[] = {{"..", NULL, "nothing", build}};

WRRFIG_PLUGIN_DEFINE_NO_MEASURES("dotid", "0.0.1", "test plugin: figure id '..'", figures);
