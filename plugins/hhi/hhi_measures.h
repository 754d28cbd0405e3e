/* hhi_measures.h - evaluators of the hhi.* measures (docs/measures.md). */
#ifndef HHI_MEASURES_H
#define HHI_MEASURES_H

#include "wrrfig/plugin.h"

/* FIXED-INPUTS-BEGIN */
/* The list of which table holds which areas and years (data/hhi/tables.csv). */
#define HHI_T_TABLES "hhi/tables"
/* The national population by origin group (hhi.national_pooled). */
#define HHI_T_37296NED "cbs/37296ned"
/* FIXED-INPUTS-END */

/* Every table the area measures may read (NULL-terminated): the list and
 * the tables it names. */
extern const char *const hhi_measure_inputs[];

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
