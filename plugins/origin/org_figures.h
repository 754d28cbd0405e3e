/* Build functions of the origin plugin's figures. */
#ifndef ORG_FIGURES_H
#define ORG_FIGURES_H

#include <wrrfig/plugin.h>

wrrfig_status org_build_fig_1_2(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status org_build_fig_1_3(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status org_build_fig_2_5(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status org_build_fig_2_6(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status org_build_fig_2_11(const wrrfig_host *h, wrrfig_ctx *ctx);

#endif
