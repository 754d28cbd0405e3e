/*
 * kindparam.h - the parameters of a figure, read the same way whether it is
 * built from a kind or is a fixed figure. A spec gives tables and layers in
 * "inputs" and everything else in "params":
 *
 *   {"id": "hhi-wijk-<city>-2019", "kind": "hhi.area-map",
 *    "inputs": {"origin": "hhi/kwb2019_<city>", "boundaries": "geo/wijk_2016_<city>"},
 *    "params": {"layout": "kwb-counts", "code_prefix": "WK<gemeente code>"}, ...}
 *
 * For a figure of a kind the host has checked the spec against the kind's
 * declaration and hands the values out (kind_text, kind_number, kind_count,
 * defaults filled in); for a fixed figure these helpers read the same
 * members from its spec, so one build function serves both. Built against
 * plugin.h only.
 */
#ifndef WRRFIG_COMMON_KINDPARAM_H
#define WRRFIG_COMMON_KINDPARAM_H

#include <stdbool.h>
#include <stddef.h>

#include "wrrfig/plugin.h"

/* Text (or table / layer name) of parameter name ("areas.1" for element 1
 * of a list): the kind's value, else the spec's inputs.<name> or
 * params.<name>. NULL when absent. Host-owned, valid until the callback
 * returns. */
const char *wfc_kind_text(const wrrfig_host *h, wrrfig_ctx *ctx, const char *name);
/* Number parameter: the kind's value, else params.<name>; false when absent
 * or not a number. */
bool wfc_kind_number(const wrrfig_host *h, wrrfig_ctx *ctx, const char *name, double *out);
/* Elements of a list parameter (0 when absent). */
size_t wfc_kind_count(const wrrfig_host *h, wrrfig_ctx *ctx, const char *name);

#endif
