/* The cohesion plugin's figure builders. */
#ifndef COHESION_FIGS_H
#define COHESION_FIGS_H

#include <wrrfig/plugin.h>

#include <stddef.h>

wrrfig_status build_problembesef(const wrrfig_host *h, wrrfig_ctx *ctx, const char *input);
wrrfig_status build_model_curves(const wrrfig_host *h, wrrfig_ctx *ctx, const char *input);
wrrfig_status build_homogamy(const wrrfig_host *h, wrrfig_ctx *ctx, const char *input);

/* Label of a code from the table's sidecar, else the code itself. */
const char *code_label(const wrrfig_host *h, const wrrfig_table *t, const char *dim, const char *code);

/* Greedy word wrap at width characters (UTF-8 aware, never cuts a word);
 * malloc'd, NULL when out of memory. */

#endif
