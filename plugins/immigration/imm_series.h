/* Annual series read from tidy tables: one value per calendar year, with the
 * CBS kind (number, '.', ...) kept so a gap is never a zero. Shared by the
 * immigration figures and measures. */
#ifndef IMM_SERIES_H
#define IMM_SERIES_H

#include <stddef.h>
#include <wrrfig/plugin.h>

#define IMM_Y0 1800
#define IMM_NY 300 /* years 1800..2099 */

typedef struct imm_series {
    double v[IMM_NY];
    unsigned char ok[IMM_NY]; /* 1 when v holds a number */
} imm_series;

/* Fills s from the rows of t whose dimension `dim` is `code` (and, when
 * dim2 is not NULL, whose dimension dim2 is code2), by the Perioden
 * dimension. Returns the number of years with a number, or -1 (logged)
 * when a named dimension is missing or a value is negative although the
 * series counts persons (every series but the balances: net migration,
 * natural increase, population growth). */
int imm_series_load(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, const char *dim,
                    const char *code, const char *dim2, const char *code2, imm_series *s);

/* Value of year y, or 0 when absent (check imm_has first). */
int imm_has(const imm_series *s, int y);
double imm_get(const imm_series *s, int y);

/* First and last year with a number in [lo, hi]; returns 0 when none. */
int imm_span(const imm_series *s, int lo, int hi, int *first, int *last);

/* out = a - b in every year both have a number; no number elsewhere.
 * out may not be a or b. */
void imm_series_diff(const imm_series *a, const imm_series *b, imm_series *out);

/* The spec's period.from..period.to (or the given defaults), as asked:
 * returns 0 when a year is out of 1800..2099 or from > to. */
int imm_spec_period(const wrrfig_host *h, wrrfig_ctx *ctx, int def_from, int def_to, int *from, int *to);

typedef enum imm_period_result {
    IMM_PERIOD_OK,    /* *from, *to set */
    IMM_PERIOD_NONE,  /* no year of the period has a number */
    IMM_PERIOD_ERROR  /* the spec lacks a text (logged) */
} imm_period_result;

/* The figure's period: the spec's period.from/period.to (or the given
 * defaults) clipped to the years the series has. When the data start later
 * or end earlier than the spec asks, adds the note text.period_starts_later
 * or text.period_ends_earlier of the spec, with {report} (the year asked)
 * and {data} (the year the data give) filled in. Both texts are required
 * whether or not they are used. */
imm_period_result imm_period(const wrrfig_host *h, wrrfig_ctx *ctx, const imm_series *s, int def_from, int def_to,
                             int *from, int *to);

/* Least-squares line y = a + b x through the points (x[i], y[i]). Returns
 * -1 when fewer than two distinct x. */
int imm_least_squares(const double *x, const double *y, int n, double *a, double *b);

/* tmpl (a spec text) with "{from}" and "{to}" (or "{year}", the same as
 * {to}) replaced, through wfc_fill; out holds n bytes. */
void imm_fill_years(const char *tmpl, int from, int to, char *out, size_t n);

/* The spec text at key (a series label), or NULL with an error naming the
 * key logged: a label is never made up from the data code. */
const char *imm_label(const wrrfig_host *h, wrrfig_ctx *ctx, const char *key);

/* Sets xlabel and ylabel from the spec when present. */
void imm_axis_labels(const wrrfig_host *h, wrrfig_ctx *ctx);

#endif
