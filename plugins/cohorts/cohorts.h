/* The cohorts plugin: residence cohorts of immigrants (report section 2.5). */
#ifndef COHORTS_H
#define COHORTS_H

#include <wrrfig/plugin.h>

#define TAB21_TABLE "report/tab-2-1"

wrrfig_status tab_2_1_build(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status cohorts_stay_share(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out);
wrrfig_status cohorts_row_sum(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out);

#endif
