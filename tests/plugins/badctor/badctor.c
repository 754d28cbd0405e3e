/* Test plugin: a constructor that crashes when the library is loaded. The
 * host must refuse this file by name and load the others. */
#include <signal.h>
#include <wrrfig/plugin.h>

__attribute__((constructor)) static void crash_on_load(void) { raise(SIGSEGV); }

static wrrfig_status build(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    (void)h;
    (void)ctx;
    return WRRFIG_OK;
}

static const wrrfig_figure figures[] = {{"t-badctor", NULL, "nothing", build}};
WRRFIG_PLUGIN_DEFINE_NO_MEASURES("badctor", "0.0.1", "test plugin: crashing constructor", figures);
