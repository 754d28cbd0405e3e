/* hhi_measures.h - evaluators of the hhi.* measures (docs/measures.md). */
#ifndef HHI_MEASURES_H
#define HHI_MEASURES_H

#include "wrrfig/plugin.h"

/* The report's 18-group counts per municipality, 1 January 2015 (absent:
 * it needs CBS 84910NED and the WRR crosswalk). */
#define HHI_T_18_GEM2015 "hhi/herkomst18_gemeente_2015"
#define HHI_T_18_WIJK2014 "hhi/herkomst18_denhaag_wijk_2014"

#define HHI_T_37296NED "cbs/37296ned"

wrrfig_status hhi_m_national_pooled(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out);
wrrfig_status hhi_m_index(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out);
wrrfig_status hhi_m_textbook(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out);
wrrfig_status hhi_m_mean(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out);
wrrfig_status hhi_m_pop_share(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out);
wrrfig_status hhi_m_rank(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out);
wrrfig_status hhi_m_homogeneous_population(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p,
                                           double *out);
wrrfig_status hhi_m_homogeneous_share(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p,
                                      double *out);

#endif
