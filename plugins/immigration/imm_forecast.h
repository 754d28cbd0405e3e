/* Figures 2.3 and 2.4: observed immigration (37296ned) with CBS forecasts. */
#ifndef IMM_FORECAST_H
#define IMM_FORECAST_H

#include <wrrfig/plugin.h>

/* Prognoseinterval x Perioden x Onderwerp (Immigratie). */
#define IMM_T_FORECAST "cbs/83787ned"
/* Scenario x Perioden; value = immigration. */
#define IMM_T_COVID "cbs/covid_scenarios_immigratie"

wrrfig_status imm_build_fig_2_3(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status imm_build_fig_2_4(const wrrfig_host *h, wrrfig_ctx *ctx);

#endif
