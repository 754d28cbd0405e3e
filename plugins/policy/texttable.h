/* Reads a text table (columns row, col, text; row 0 the header) from the
 * host into a tl_table, checking that the grid is complete. */
#ifndef POLICY_TEXTTABLE_H
#define POLICY_TEXTTABLE_H

#include <wrrfig/plugin.h>

#include "tablelayout.h"

/* Fills *out (initialised here). On a bad table logs what is wrong (table
 * name, record number, column) and returns WRRFIG_ERROR; an absent table is
 * WRRFIG_NODATA. */
wrrfig_status texttable_load(const wrrfig_host *h, wrrfig_ctx *ctx, const char *name, tl_table *out);

/* Parses a non-negative decimal index of at most 4 digits; -1 otherwise. */
long texttable_index(const char *s);

#endif
