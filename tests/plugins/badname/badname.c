/* Test plugin: a descriptor whose name pointer points nowhere. */
#include <stdint.h>
#include <wrrfig/plugin.h>

WRRFIG_EXPORT const wrrfig_plugin WRRFIG_PLUGIN_SYMBOL = {
    .magic = WRRFIG_ABI_MAGIC, .abi_major = WRRFIG_ABI_MAJOR, .abi_minor = WRRFIG_ABI_MINOR,
    .name = (const char *)(uintptr_t)8, .version = "0.0.1", .description = "test plugin: bad name pointer"};
