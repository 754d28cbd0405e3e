/* Internal declarations of the labour plugin (chapter 3 labour figures and
 * Tabel 7.1). Only plugin.h is included from the host. */
#ifndef LABOUR_H
#define LABOUR_H

#include <stddef.h>

#include <wrrfig/plugin.h>

#include "common/counts.h"
#include "common/spectext.h"

/* Only the descriptor is exported (plugin.h); everything declared here
 * stays internal to the shared object. */
#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

/* Tables the plugin reads, and their dimension names (docs/plugins/labour.md). */
#define LAB_T_PART "labour/participation_82809"
#define LAB_T_ASYLUM "labour/asylum_cohort_2014"
/* Net participation every year 2003-2019 (CBS news 2020/46): dims periode,
 * herkomst (same origin codes as LAB_T_PART). */
#define LAB_T_PART_YEARS "labour/participation_2003_2019"
#define LAB_T_FIG37 "report/fig-3-7"
#define LAB_T_TAB71 "report/tab-7-1"
/* Unemployment by origin and age per quarter (fig. 3.8): a second import
 * of CBS 82809NED in the same layout as LAB_T_PART. */
#define LAB_T_UNEMP_AGE "labour/unemployment_age_82809"
#define LAB_T_MOTIVE9599 "labour/cohort_1995_1999_motive"
#define LAB_T_ASYL9599 "labour/asylum_cohort_1995_1999_country"
#define LAB_T_POLISH "labour/polish_participation"

/* labour/participation_82809: dims geslacht, leeftijd, herkomst, periode,
 * onderwerp, bron. herkomst uses the origin codes of docs/measures.md. */
#define LAB_SEX_TOTAL "Totaal"
#define LAB_AGE_ALL "15-75"
/* Codes of its onderwerp dimension. */
#define LAB_TOPIC_POP "BEVOLKING"
#define LAB_TOPIC_EMPLOYED "WERKZAAM"
#define LAB_TOPIC_NETPART "NETTO_PART"
#define LAB_TOPIC_UNEMP "WERKLOOS_PCT"

/* Enough for every series here: 17 years, 6 measurement months, 15+ years
 * of residence. Builders refuse more rather than truncate silently. */
#define LAB_MAX_POINTS 64
#define LAB_MAX_SERIES 12
#define LAB_MAX_GROUPS 16

/* ---- lab_util.c ---------------------------------------------------- */

/* Spec keys built with printf: wfc_spec_textf and friends (common/spectext.h). */

/* Index of dimension name in t; logs an error naming the table when absent. */
int lab_dim(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, const char *table_name,
            const char *dim);

/* The code of dimension dim whose code or label ("label:<dim>:<code>") equals
 * key, so a spec may name CBS categories by their published label. NULL when
 * no row has it. */
const char *lab_resolve(const wrrfig_host *h, const wrrfig_table *t, int dim, const char *key);

/* The first row whose dimensions dims[k] hold codes[k] (k < n), or
 * LAB_NO_ROW. Unlike table_find it gives the row, so other columns of the
 * same row (a citation, a source) can be read. */
#define LAB_NO_ROW ((size_t)-1)
size_t lab_find_row(const wrrfig_host *h, const wrrfig_table *t, const int *dims, const char *const *codes,
                    size_t n);

/* A "dim=code;dim=code" query for table_find. */
typedef struct lab_query {
    char s[768];
    size_t len;
    int overflow;
} lab_query;
void lab_query_init(lab_query *q);
void lab_query_add(lab_query *q, const char *dim, const char *code);


/* Writes years[0..n) (sorted, distinct) as ranges, "2003-2007, 2009",
 * into buf. Returns buf. */
char *lab_ranges(const int *years, size_t n, char *buf, size_t size);

/* Formats a percentage for a label with the spec's decimal mark
 * (text.decimal_mark: 69,1 or 69.1); whole numbers without decimals. */
char *lab_fmt_pct(double v, const char *decimal_mark, char *buf, size_t size);
/* The same with a fixed number of decimals (the source's precision: 49,0). */
char *lab_fmt_fixed(double v, int decimals, const char *decimal_mark, char *buf, size_t size);

/* ---- lab_draw.c ---------------------------------------------------- */

typedef enum lab_style { LAB_POINTS, LAB_LINESPOINTS, LAB_LINES } lab_style;

typedef struct lab_series {
    const char *label;   /* legend text (spec or data; quoted by the host) */
    int colour;          /* house palette index */
    int point;           /* gnuplot point type */
    int dash;            /* gnuplot dash type, 1 = solid */
    lab_style style;
    size_t n;
    double x[LAB_MAX_POINTS], y[LAB_MAX_POINTS];
} lab_series;

/* Adds a point, keeping x ascending. Returns -1 when the series is full. */
int lab_series_add(lab_series *s, double x, double y);

/* Writes one datablock per non-empty series and a single plot command.
 * more: the command's last element ends in ", \\" so the caller appends
 * its own. Returns the number of series drawn (0: nothing to plot). */
size_t lab_plot_series(const wrrfig_host *h, wrrfig_ctx *ctx, const lab_series *s, size_t ns, int more);

/* The colour (house palette index, default the series' index) and legend
 * label (NULL when absent) of the bar series <array>.0 .. <array>.<ns-1>
 * of the spec. */
void lab_bar_series(const wrrfig_host *h, wrrfig_ctx *ctx, const char *array, size_t ns, int *colours,
                    const char **labels);

/* Grouped bars: values[g * ns + s] for group g and series s (NaN: absent,
 * no bar), each labelled with its value written with decimal_mark (the
 * spec's text.decimal_mark). Writes datablocks, x tics and the plot
 * command. Returns the number of bars drawn. */
size_t lab_plot_bars(const wrrfig_host *h, wrrfig_ctx *ctx, const char *const *group_labels, size_t ng,
                     const char *const *series_labels, const int *series_colours, size_t ns,
                     const double *values, const char *decimal_mark);

/* ---- figures -------------------------------------------------------- */
wrrfig_status lab_build_fig_3_6(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status lab_build_fig_3_7(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status lab_build_fig_3_8(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status lab_build_fig_3_9(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status lab_build_fig_3_10(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status lab_build_fig_3_11(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status lab_build_fig_3_11_report(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status lab_build_fig_3_12(const wrrfig_host *h, wrrfig_ctx *ctx);
wrrfig_status lab_build_tab_7_1(const wrrfig_host *h, wrrfig_ctx *ctx);

/* Shared by 3.9, 3.10, 3.11, 3.12: lines over layout.dim_x, one per entry of
 * layout.series, from a table with dims layout.dim_series, layout.dim_x. */
wrrfig_status lab_build_cohort_lines(const wrrfig_host *h, wrrfig_ctx *ctx, const char *table_name);

/* ---- measures (docs/measures.md) ----------------------------------- */
#define LAB_T_ASYLUM_8H "labour/asylum2014_job8h"
#define LAB_T_ASYLUM_BIJSTAND "labour/asylum2014_bijstand"
wrrfig_status lab_m_net_participation(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out);
wrrfig_status lab_m_unemployment(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out);
wrrfig_status lab_m_asylum2014_working(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out);
wrrfig_status lab_m_asylum2014_job8h(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out);
wrrfig_status lab_m_asylum2014_bijstand(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p,
                                        double *out);
wrrfig_status lab_m_cohort9599_employed(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p,
                                        double *out);
wrrfig_status lab_m_polish_participation(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p,
                                         double *out);
wrrfig_status lab_m_discrimination(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif
#endif
