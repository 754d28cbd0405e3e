/* Test plugin: a descriptor whose figures pointer points nowhere. Checking
 * it crashes; the host must refuse this file by name and load the others. */
#include <stdint.h>
#include <wrrfig/plugin.h>

WRRFIG_EXPORT const wrrfig_plugin WRRFIG_PLUGIN_SYMBOL = {
    .magic = WRRFIG_ABI_MAGIC, .abi_major = WRRFIG_ABI_MAJOR, .abi_minor = WRRFIG_ABI_MINOR, .name = "badptr",
    .version = "0.0.1", .description = "test plugin: bad figures pointer",
    .figures = (const wrrfig_figure *)(uintptr_t)16, .figure_size = sizeof(wrrfig_figure), .n_figures = 3};
