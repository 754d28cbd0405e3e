/* Reading measure parameters, once for every plugin. */
#ifndef WRRFIG_COMMON_PARAMS_H
#define WRRFIG_COMMON_PARAMS_H

#include <stdbool.h>

#include <wrrfig/plugin.h>

/* The whole-number parameter `name` of a measure call (year, from, to,
 * months, ...). Absent: *out = def when !required, else a logged error.
 * Present: it must be a whole number within +-1e6 (a claim's typo such as
 * year=2018.5 is an error, never rounded). Returns WRRFIG_OK or
 * WRRFIG_ERROR; *out is set only on WRRFIG_OK. */
wrrfig_status wfc_param_whole(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, const char *name,
                              bool required, int def, int *out);

#endif
