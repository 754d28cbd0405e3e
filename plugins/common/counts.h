/* Counts (persons, residents) are never negative, and a percentage share
 * (net participation, unemployment, the share employed) lies in 0..100: a
 * value outside is corrupt data, and drawing it would show -230,739
 * immigrants or a participation of 130 %. The plugins read such values
 * through wfc_count_value and wfc_share_value, which refuse them with the
 * table's file, the row and the column. Balances (net migration, natural
 * increase) and changes may be negative and are read as they are. */
#ifndef WRRFIG_COMMON_COUNTS_H
#define WRRFIG_COMMON_COUNTS_H

#include <stddef.h>
#include <wrrfig/plugin.h>

/* table_value of row r; when it is a number below zero, reports the table
 * as broken input (wrrfig_host.input_broken: "<file>: data row N (dim=code,
 * ...), column value: -5 is negative, but it counts <what>"; the figure
 * fails and keeps its previous outputs) and returns -1. Otherwise returns
 * the kind (*out set only for WRRFIG_VALUE). */
int wfc_count_value(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, size_t r, const char *what,
                    double *out);

/* The same for a percentage share: a number below 0 or above 100 is broken
 * input ("... column value: 130 is above 100, but it is a percentage: <what>"). */
int wfc_share_value(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, size_t r, const char *what,
                    double *out);

#endif
