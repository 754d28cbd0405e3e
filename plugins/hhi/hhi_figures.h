/* hhi_figures.h - build functions of the hhi plugin's figures. */
#ifndef HHI_FIGURES_H
#define HHI_FIGURES_H

#include "wrrfig/plugin.h"

wrrfig_status hhi_build_fig_2_14(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status hhi_build_fig_2_14_report(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status hhi_build_fig_2_15(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status hhi_build_fig_2_15_2017(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status hhi_build_fig_2_15_report(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status hhi_build_granularity(const wrrfig_host *h, wrrfig_ctx *ctx);

#endif
