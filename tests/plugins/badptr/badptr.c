/* Test plugin: a descriptor whose figures pointer points nowhere. Checking
 * it crashes; the host must refuse this file by name and load the others. */
#include <stdint.h>
#include <wrrfig/plugin.h>

WRRFIG_EXPORT const wrrfig_plugin WRRFIG_PLUGIN_SYMBOL = {
    WRRFIG_ABI_MAGIC, WRRFIG_ABI_MAJOR, WRRFIG_ABI_MINOR, "badptr", "0.0.1", "test plugin: bad figures pointer",
    (const wrrfig_figure *)(uintptr_t)16, 3, NULL, 0};
