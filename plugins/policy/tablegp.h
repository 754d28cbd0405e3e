/* Writes a laid-out text table as gnuplot commands through the host. */
#ifndef POLICY_TABLEGP_H
#define POLICY_TABLEGP_H

#include <wrrfig/plugin.h>

#include "tablelayout.h"

/* Draws t (laid out with p) in a plot whose coordinates are points, y
 * downwards: header shading, rules between rows, one label per wrapped line
 * (never gnuplot's enhanced text, so no character of the data is markup),
 * and the bullet dashes. */
void tablegp_draw(const wrrfig_host *h, wrrfig_ctx *ctx, const tl_table *t, const tl_params *p);

#endif
