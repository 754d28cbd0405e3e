/*
 * kindparam.h - the parameters of a figure built from a kind, read the same
 * way whatever the host offers. A spec gives tables and layers in "inputs"
 * and everything else in "params":
 *
 *   {"id": "hhi-wijk-<city>-2019", "plugin": "hhi",
 *    "inputs": {"origin": "hhi/kwb2019_<city>", "boundaries": "geo/wijk_2016_<city>"},
 *    "params": {"layout": "kwb-counts", "code_prefix": "WK<gemeente code>"}, ...}
 *
 * This is the layout of ABI 2 figure kinds, where the host checks the spec
 * against the kind's declared parameters and hands them out with kind_text
 * / kind_number / kind_count. Until a plugin is built against that ABI these
 * helpers read the same members from the spec, so a build function does not
 * change when its figures become kinds. Built against plugin.h only.
 */
#ifndef WRRFIG_COMMON_KINDPARAM_H
#define WRRFIG_COMMON_KINDPARAM_H

#include <stdbool.h>
#include <stddef.h>

#include "wrrfig/plugin.h"

/* Text (or table / layer name) of parameter name ("areas.1" for element 1
 * of a list): inputs.<name>, else params.<name>. NULL when absent.
 * Host-owned, valid until the callback returns. */
const char *wfc_kind_text(const wrrfig_host *h, wrrfig_ctx *ctx, const char *name);
/* Number parameter params.<name>; false when absent or not a number. */
bool wfc_kind_number(const wrrfig_host *h, wrrfig_ctx *ctx, const char *name, double *out);
/* Elements of list parameter params.<name> (0 when absent). */
size_t wfc_kind_count(const wrrfig_host *h, wrrfig_ctx *ctx, const char *name);

#endif
