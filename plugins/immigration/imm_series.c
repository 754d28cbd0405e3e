#include "imm_series.h"
#include "imm_national.h"
#include "common/counts.h"
#include "common/period.h"
#include "common/spectext.h"

#include <stdio.h>
#include <string.h>

/* The codes of balances, the only series of this plugin that may be
 * negative (net migration, natural increase, population growth). Every
 * other series it reads is a number of persons. */
static int is_balance(const char *code)
{
    static const char *const balances[] = {IMM_NET, IMM_NATURAL, IMM_GROWTH, "Migratiesaldo"};
    for (size_t i = 0; code && i < sizeof balances / sizeof balances[0]; i++)
        if (strcmp(code, balances[i]) == 0)
            return 1;
    return 0;
}

int imm_series_load(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, const char *dim,
                    const char *code, const char *dim2, const char *code2, imm_series *s)
{
    memset(s, 0, sizeof *s);
    int dp = h->table_dim_index(t, "Perioden"), d1 = h->table_dim_index(t, dim);
    int d2 = dim2 ? h->table_dim_index(t, dim2) : -1;
    if (dp < 0 || d1 < 0 || (dim2 && d2 < 0)) {
        h->log(ctx, WRRFIG_LOG_ERROR, "table lacks dimension '%s'", dp < 0 ? "Perioden" : d1 < 0 ? dim : dim2);
        return -1;
    }
    int n = 0;
    size_t rows = h->table_rows(t);
    for (size_t r = 0; r < rows; r++) {
        if (strcmp(h->table_key(t, r, (size_t)d1), code) != 0)
            continue;
        if (dim2 && strcmp(h->table_key(t, r, (size_t)d2), code2) != 0)
            continue;
        int y = wfc_period_year_or(h->table_key(t, r, (size_t)dp), 0);
        double v;
        if (y < IMM_Y0 || y >= IMM_Y0 + IMM_NY)
            continue;
        int k = is_balance(code) || is_balance(code2) ? (int)h->table_value(t, r, &v)
                                                       : wfc_count_value(h, ctx, t, r, "persons", &v);
        if (k < 0)
            return -1;
        if (k != WRRFIG_VALUE)
            continue;
        s->v[y - IMM_Y0] = v;
        if (!s->ok[y - IMM_Y0])
            n++;
        s->ok[y - IMM_Y0] = 1;
    }
    return n;
}

int imm_has(const imm_series *s, int y)
{
    return y >= IMM_Y0 && y < IMM_Y0 + IMM_NY && s->ok[y - IMM_Y0];
}

double imm_get(const imm_series *s, int y)
{
    return imm_has(s, y) ? s->v[y - IMM_Y0] : 0.0;
}

int imm_span(const imm_series *s, int lo, int hi, int *first, int *last)
{
    int f = 0, l = 0;
    for (int y = lo; y <= hi; y++)
        if (imm_has(s, y)) {
            if (!f)
                f = y;
            l = y;
        }
    if (!f)
        return 0;
    *first = f;
    *last = l;
    return 1;
}

void imm_series_diff(const imm_series *a, const imm_series *b, imm_series *out)
{
    memset(out, 0, sizeof *out);
    for (int k = 0; k < IMM_NY; k++)
        if (a->ok[k] && b->ok[k]) {
            out->v[k] = a->v[k] - b->v[k];
            out->ok[k] = 1;
        }
}

int imm_spec_period(const wrrfig_host *h, wrrfig_ctx *ctx, int def_from, int def_to, int *from, int *to)
{
    double a = def_from, b = def_to;
    h->spec_number(ctx, "period.from", &a);
    h->spec_number(ctx, "period.to", &b);
    if (!(a >= IMM_Y0 && a < IMM_Y0 + IMM_NY && b >= IMM_Y0 && b < IMM_Y0 + IMM_NY))
        return 0; /* checked before the cast: (int)1e19 is undefined */
    *from = (int)a;
    *to = (int)b;
    return *from <= *to;
}

/* tmpl with {report} and {data} filled in, as a note. */
static void note_years(const wrrfig_host *h, wrrfig_ctx *ctx, const char *tmpl, int report, int data)
{
    static const char *const names[] = {"report", "data"};
    char r[16], d[16], note[512];
    snprintf(r, sizeof r, "%d", report);
    snprintf(d, sizeof d, "%d", data);
    wfc_fill(note, sizeof note, tmpl, names, (const char *const[]){r, d}, 2);
    h->note(ctx, "%s", note);
}

imm_period_result imm_period(const wrrfig_host *h, wrrfig_ctx *ctx, const imm_series *s, int def_from, int def_to,
                             int *from, int *to)
{
    /* read before the data decide whether they are needed: a spec without
     * them fails every time, not only in the year the data fall short */
    static const char *const keys[] = {"text.period_starts_later", "text.period_ends_earlier"};
    const char *words[2];
    if (!wfc_spec_texts(h, ctx, keys, words, 2))
        return IMM_PERIOD_ERROR;
    double a = def_from, b = def_to;
    h->spec_number(ctx, "period.from", &a);
    h->spec_number(ctx, "period.to", &b);
    /* Out of any table's range either way; clamped before the cast. */
    a = a < -100000 ? -100000 : a > 100000 ? 100000 : a;
    b = b < -100000 ? -100000 : b > 100000 ? 100000 : b;
    int want_from = a == a ? (int)a : 0, want_to = b == b ? (int)b : 0;
    if (!imm_span(s, want_from, want_to, from, to))
        return IMM_PERIOD_NONE;
    if (*from > want_from)
        note_years(h, ctx, words[0], want_from, *from);
    if (*to < want_to)
        note_years(h, ctx, words[1], want_to, *to);
    return IMM_PERIOD_OK;
}

int imm_least_squares(const double *x, const double *y, int n, double *a, double *b)
{
    if (n < 2)
        return -1;
    double mx = 0, my = 0;
    for (int i = 0; i < n; i++) {
        mx += x[i];
        my += y[i];
    }
    mx /= n;
    my /= n;
    /* centred sums: years near 2000 squared would lose digits otherwise */
    double sxx = 0, sxy = 0;
    for (int i = 0; i < n; i++) {
        sxx += (x[i] - mx) * (x[i] - mx);
        sxy += (x[i] - mx) * (y[i] - my);
    }
    if (sxx == 0)
        return -1;
    *b = sxy / sxx;
    *a = my - *b * mx;
    return 0;
}

void imm_fill_years(const char *tmpl, int from, int to, char *out, size_t n)
{
    static const char *const names[] = {"from", "to", "year"};
    char f[16], t[16];
    snprintf(f, sizeof f, "%d", from);
    snprintf(t, sizeof t, "%d", to);
    wfc_fill(out, n, tmpl, names, (const char *const[]){f, t, t}, 3);
}

const char *imm_label(const wrrfig_host *h, wrrfig_ctx *ctx, const char *key)
{
    const char *const keys[] = {key};
    const char *text;
    return wfc_spec_texts(h, ctx, keys, &text, 1) ? text : NULL;
}

void imm_axis_labels(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const char *x = h->spec_text(ctx, "xlabel"), *y = h->spec_text(ctx, "ylabel");
    if (x)
        h->gp_cmd(ctx, "set xlabel %q", x);
    if (y)
        h->gp_cmd(ctx, "set ylabel %q", y);
}
