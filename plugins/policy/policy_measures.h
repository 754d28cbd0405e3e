/* Measures over the transcribed policy tables of chapter 4 (docs/measures.md). */
#ifndef POLICY_MEASURES_H
#define POLICY_MEASURES_H

#include "wrrfig/plugin.h"

/* policy.integration_term{period='2013-2021'}: the Inburgeringstermijn of
 * Kader 4.5 for that period's column, in years ("3,5 jaar" -> 3.5). */
wrrfig_status policy_m_integration_term(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out);
/* policy.n_types: the municipality types of Kader 2.3 (report/kader-2-3). */
wrrfig_status policy_m_n_types(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out);

#endif
