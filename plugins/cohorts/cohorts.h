/* The cohorts plugin: residence cohorts of immigrants (report section 2.5). */
#ifndef COHORTS_H
#define COHORTS_H

#include <wrrfig/plugin.h>

#define TAB21_TABLE "report/tab-2-1"

/* Every number this plugin reads counts immigrants or is a share of them,
 * so none may be negative: reads go through wfc_count_value
 * (common/counts.h), which refuses one with the table's file, row and
 * column (issue 14). This says what they count, in its message. */
#define COHORTS_COUNTS "persons (or a share of them)"

wrrfig_status tab_2_1_build(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status cohorts_stay_share(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out);
wrrfig_status cohorts_row_sum(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out);

/* ---- departure and length of stay (figures 2.12, 2.13; issue 6) ---- */
#define COHORTS_T_84140 "cbs/84140ned"
#define COHORTS_T_FORECAST "cohorts/departure_forecast"
#define COHORTS_T_DEPARTURE "cohorts/departure_share_nationality"
#define COHORTS_T_EU_MOTIVE "cohorts/immigrants_motive_eu_efta"
#define COHORTS_T_SCHMEETS "cohorts/stay_schmeets"

/* CBS 84140NED opened with its layout resolved (cohorts_measures_departure.c). */
typedef struct cohorts_dep {
    const wrrfig_table *t;
    int d_year, d_stay, d_motive;
    int fixed_dim[8];
    const char *fixed_code[8];
    size_t n_fixed;
} cohorts_dep;
wrrfig_status cohorts_dep_open(const wrrfig_host *h, wrrfig_ctx *ctx, cohorts_dep *d);
/* present[i]: persons of the years from..to with the motive still present
 * after durations[i] years (0: all immigrants), summed over the years. */
/* quiet: an absent cell is expected (a cohort too recent for a duration)
 * and is not logged. */
wrrfig_status cohorts_dep_cohort(const wrrfig_host *h, wrrfig_ctx *ctx, const cohorts_dep *d,
                                 const char *motive_key, int from, int to, const int *durations, size_t n_dur,
                                 int quiet, double *present);
/* Shares (%) staying < 2, 2-5 and > 5 years from present counts after 0, 2,
 * 5 years; -1 when the counts are not a possible cohort. */
int cohorts_stay_shares(const double *present3, double *lt2, double *from2to5, double *gt5);
const char *cohorts_dep_resolve(const wrrfig_host *h, const wrrfig_table *t, int dim, const char *key);

wrrfig_status fig_2_12_build(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status fig_2_12_report_build(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status fig_2_13_build(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status cohorts_m_stay_by_motive(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out);
wrrfig_status cohorts_m_immigrants_by_motive(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p,
                                             double *out);
wrrfig_status cohorts_m_left_within(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out);
wrrfig_status cohorts_m_left_forecast(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out);

#endif
