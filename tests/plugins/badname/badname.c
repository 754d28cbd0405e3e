/* Test plugin: a descriptor whose name pointer points nowhere. */
#include <stdint.h>
#include <wrrfig/plugin.h>

WRRFIG_EXPORT const wrrfig_plugin WRRFIG_PLUGIN_SYMBOL = {
    WRRFIG_ABI_MAGIC, WRRFIG_ABI_MAJOR, WRRFIG_ABI_MINOR, (const char *)(uintptr_t)8, "0.0.1",
    "test plugin: bad name pointer", NULL, 0, NULL, 0};
