/* Figures 1.1, 2.2, 2.9 and 2.10: flows and natural increase by origin. */
#include "imm_origin.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imm_series.h"

#define MAX_SERIES 16
#define MAX_CODES 512

static wrrfig_status net_series(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, const char *dim,
                                const char *code, imm_series *net)
{
    if (imm_series_load(h, ctx, t, dim, code, "Onderwerp", "Migratiesaldo", net) > 0)
        return WRRFIG_OK;
    imm_series in, out;
    if (imm_series_load(h, ctx, t, dim, code, "Onderwerp", "Immigratie", &in) < 0 ||
        imm_series_load(h, ctx, t, dim, code, "Onderwerp", "Emigratie", &out) < 0)
        return WRRFIG_ERROR;
    imm_series_diff(&in, &out, net);
    return WRRFIG_OK;
}

wrrfig_status imm_net_sum(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, const char *code, int from,
                          int to, double *out)
{
    imm_series net;
    wrrfig_status st = net_series(h, ctx, t, "Herkomst", code, &net);
    if (st != WRRFIG_OK)
        return st;
    double s = 0;
    for (int y = from; y <= to; y++) {
        if (!imm_has(&net, y)) {
            h->log(ctx, WRRFIG_LOG_WARN, "no net migration for Herkomst=%s in %d", code, y);
            return WRRFIG_NODATA;
        }
        s += imm_get(&net, y);
    }
    *out = s;
    return WRRFIG_OK;
}

typedef struct ranked {
    const char *code;
    double net;
} ranked;

static int by_net_desc(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->net != y->net)
        return x->net < y->net ? 1 : -1;
    return strcmp(x->code, y->code);
}

static int excluded(const wrrfig_host *h, wrrfig_ctx *ctx, const char *code)
{
    size_t n = h->spec_count(ctx, "exclude");
    for (size_t i = 0; i < n; i++) {
        char key[32];
        snprintf(key, sizeof key, "exclude.%zu", i);
        const char *c = h->spec_text(ctx, key);
        if (c && strcmp(c, code) == 0)
            return 1;
    }
    return 0;
}

static const char *label_of(const wrrfig_host *h, const wrrfig_table *t, const char *dim, const char *code)
{
    char key[256];
    snprintf(key, sizeof key, "label:%s:%s", dim, code);
    const char *l = h->table_meta(t, key);
    return l ? l : code;
}

wrrfig_status imm_build_fig_1_1(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *t = h->table(ctx, IMM_T_MIG_HERKOMST);
    if (!t)
        return WRRFIG_NODATA;
    int from, to;
    if (!imm_spec_period(h, ctx, 2008, 2018, &from, &to))
        return WRRFIG_ERROR;
    int dk = h->table_dim_index(t, "Herkomst");
    if (dk < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s lacks dimension Herkomst", IMM_T_MIG_HERKOMST);
        return WRRFIG_ERROR;
    }
    ranked *r = calloc(MAX_CODES, sizeof *r);
    size_t n = 0, rows = h->table_rows(t);
    for (size_t i = 0; i < rows && n < MAX_CODES; i++) {
        const char *c = h->table_key(t, i, (size_t)dk);
        int seen = 0;
        for (size_t j = 0; j < n && !seen; j++)
            seen = strcmp(r[j].code, c) == 0;
        if (seen || excluded(h, ctx, c))
            continue;
        double s;
        if (imm_net_sum(h, ctx, t, c, from, to, &s) != WRRFIG_OK)
            continue; /* incomplete series are left out of the ranking, and logged */
        r[n].code = c;
        r[n].net = s;
        n++;
    }
    if (n == 0) {
        free(r);
        h->log(ctx, WRRFIG_LOG_ERROR, "no origin has net migration for every year %d-%d", from, to);
        return WRRFIG_NODATA;
    }
    qsort(r, n, sizeof *r, by_net_desc);
    double top = 15;
    h->spec_number(ctx, "top", &top);
    size_t k = n < (size_t)top ? n : (size_t)top;
    h->csv_row(ctx, "ssss", "rank", "herkomst", "label", "net_migration_sum");
    h->gp_block_begin(ctx, "top");
    for (size_t i = 0; i < k; i++) {
        const char *lab = label_of(h, t, "Herkomst", r[i].code);
        h->csv_row(ctx, "issn", (int)(i + 1), r[i].code, lab, r[i].net);
        /* drawn bottom-up so rank 1 is at the top */
        h->gp_block_row(ctx, "%zu %g %q", k - i, r[i].net / 1000.0, lab);
    }
    h->gp_block_end(ctx);
    free(r);
    imm_axis_labels(h, ctx);
    h->gp_cmd(ctx, "set style fill solid 0.85 noborder");
    h->gp_cmd(ctx, "set boxwidth 0.7");
    h->gp_cmd(ctx, "set yrange [0.3:%g]", (double)k + 0.7);
    h->gp_cmd(ctx, "set xrange [0:*]");
    h->gp_cmd(ctx, "set grid xtics noytics");
    h->gp_cmd(ctx, "plot $top using (0):1:(0):2:($1-0.35):($1+0.35):ytic(3) with boxxyerror lt 1 notitle");
    return WRRFIG_OK;
}

/* One line series for a multi-line chart. */
typedef struct line_set {
    size_t n;
    const char *label[MAX_SERIES];
    imm_series s[MAX_SERIES];
} line_set;

/* Adds the series of spec_key.N.code (label spec_key.N.label) from table t:
 * the topic's values, or net migration when topic is NULL. */
static wrrfig_status add_lines(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, const char *dim,
                               const char *spec_key, const char *topic, line_set *ls)
{
    size_t ns = h->spec_count(ctx, spec_key);
    for (size_t i = 0; i < ns && ls->n < MAX_SERIES; i++) {
        char k1[64], k2[64];
        snprintf(k1, sizeof k1, "%s.%zu.code", spec_key, i);
        snprintf(k2, sizeof k2, "%s.%zu.label", spec_key, i);
        const char *code = h->spec_text(ctx, k1);
        if (!code)
            continue;
        imm_series *s = &ls->s[ls->n];
        if (topic) {
            if (imm_series_load(h, ctx, t, dim, code, "Onderwerp", topic, s) < 0)
                return WRRFIG_ERROR;
        } else {
            wrrfig_status st = net_series(h, ctx, t, dim, code, s);
            if (st != WRRFIG_OK)
                return st;
        }
        if (!(ls->label[ls->n++] = imm_label(h, ctx, k2)))
            return WRRFIG_ERROR;
    }
    return WRRFIG_OK;
}

/* Writes one datablock per series ($s0, $s1, ...: year and value / 1000)
 * and the CSV (year, one column per series), then one plot command whose
 * clauses are continuation lines. Series of index >= dashed_from are drawn
 * dashed. NODATA when no series has a number in the period. */
static wrrfig_status draw_lines(const wrrfig_host *h, wrrfig_ctx *ctx, const line_set *ls, int from, int to,
                                size_t dashed_from, const char *const *csv_names)
{
    int any = 0;
    for (size_t i = 0; i < ls->n; i++) {
        int f, l;
        if (imm_span(&ls->s[i], from, to, &f, &l))
            any = 1;
        else
            h->log(ctx, WRRFIG_LOG_WARN, "series '%s' has no data in %d-%d", ls->label[i], from, to);
    }
    if (!any)
        return WRRFIG_NODATA;
    h->csv_row(ctx, "ssss", "series", "label", "year", "value");
    for (size_t i = 0; i < ls->n; i++) {
        char name[32];
        snprintf(name, sizeof name, "s%zu", i);
        h->gp_block_begin(ctx, name);
        for (int y = from; y <= to; y++)
            if (imm_has(&ls->s[i], y)) {
                h->gp_block_row(ctx, "%d %g", y, imm_get(&ls->s[i], y) / 1000.0);
                h->csv_row(ctx, "ssin", csv_names[i], ls->label[i], y, imm_get(&ls->s[i], y));
            }
        h->gp_block_end(ctx);
    }
    h->gp_cmd(ctx, "set xrange [%d:%d]", from - 1, to + 1);
    /* the key goes under the plot, with room for three rows above the source line */
    h->gp_cmd(ctx, "set key below maxrows 3");
    h->gp_cmd(ctx, "set bmargin 10");
    for (size_t i = 0; i < ls->n; i++) {
        int last = i + 1 == ls->n, dt = i >= dashed_from ? 2 : 1;
        if (i == 0 && last)
            h->gp_cmd(ctx, "plot $s%zu using 1:2 with linespoints lt %zu dt %d title %q", i, i + 1, dt, ls->label[i]);
        else if (i == 0)
            h->gp_cmd(ctx, "plot $s%zu using 1:2 with linespoints lt %zu dt %d title %q, \\", i, i + 1, dt, ls->label[i]);
        else if (!last)
            h->gp_cmd(ctx, "     $s%zu using 1:2 with linespoints lt %zu dt %d title %q, \\", i, (i % 8) + 1, dt,
                      ls->label[i]);
        else
            h->gp_cmd(ctx, "     $s%zu using 1:2 with linespoints lt %zu dt %d title %q", i, (i % 8) + 1, dt,
                      ls->label[i]);
    }
    return WRRFIG_OK;
}

static void codes_of(const wrrfig_host *h, wrrfig_ctx *ctx, const char *spec_key, const char **out, size_t *n)
{
    size_t ns = h->spec_count(ctx, spec_key);
    for (size_t i = 0; i < ns && *n < MAX_SERIES; i++) {
        char k[64];
        snprintf(k, sizeof k, "%s.%zu.code", spec_key, i);
        const char *c = h->spec_text(ctx, k);
        if (c)
            out[(*n)++] = c;
    }
}

/* A multi-line figure under way: its period, its series and their codes
 * (the CSV's series column). */
typedef struct lines_fig {
    int from, to;
    line_set *ls;
    const char *names[MAX_SERIES];
    size_t nn;
} lines_fig;

/* The period (period.from/to of the spec, else def_from..def_to) and an
 * empty set of series. */
static wrrfig_status lines_begin(const wrrfig_host *h, wrrfig_ctx *ctx, int def_from, int def_to, lines_fig *lf)
{
    memset(lf, 0, sizeof *lf);
    if (!imm_spec_period(h, ctx, def_from, def_to, &lf->from, &lf->to))
        return WRRFIG_ERROR;
    if (!(lf->ls = calloc(1, sizeof *lf->ls))) {
        h->log(ctx, WRRFIG_LOG_ERROR, "out of memory");
        return WRRFIG_ERROR;
    }
    return WRRFIG_OK;
}

/* Draws the series when st is WRRFIG_OK (axis labels from the spec, a zero
 * line for balances, series from dashed_from on dashed) and frees them. */
static wrrfig_status lines_end(const wrrfig_host *h, wrrfig_ctx *ctx, lines_fig *lf, wrrfig_status st,
                               bool zero_axis, size_t dashed_from)
{
    if (st == WRRFIG_OK) {
        imm_axis_labels(h, ctx);
        if (zero_axis)
            h->gp_cmd(ctx, "set xzeroaxis lt -1 lc rgb '#444444'");
        st = draw_lines(h, ctx, lf->ls, lf->from, lf->to, dashed_from, lf->names);
    }
    free(lf->ls);
    return st;
}

wrrfig_status imm_build_fig_2_2(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *t = h->table(ctx, IMM_T_MIG_HERKOMST);
    if (!t)
        return WRRFIG_NODATA;
    lines_fig lf;
    wrrfig_status st = lines_begin(h, ctx, 1996, 2018, &lf);
    if (st != WRRFIG_OK)
        return st;
    st = add_lines(h, ctx, t, "Herkomst", "series", "Immigratie", lf.ls);
    codes_of(h, ctx, "series", lf.names, &lf.nn);
    return lines_end(h, ctx, &lf, st, false, 4);
}

wrrfig_status imm_build_fig_2_9(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *to_ = h->table(ctx, IMM_T_MIG_HERKOMST), *tn = h->table(ctx, IMM_T_MIG_NAT);
    if (!to_ || !tn)
        return WRRFIG_NODATA;
    lines_fig lf;
    wrrfig_status st = lines_begin(h, ctx, 1977, 2018, &lf);
    if (st != WRRFIG_OK)
        return st;
    st = add_lines(h, ctx, tn, "Nationaliteit", "nationality_series", NULL, lf.ls);
    codes_of(h, ctx, "nationality_series", lf.names, &lf.nn);
    size_t n_nat = lf.ls->n;
    if (st == WRRFIG_OK)
        st = add_lines(h, ctx, to_, "Herkomst", "origin_series", NULL, lf.ls);
    codes_of(h, ctx, "origin_series", lf.names, &lf.nn);
    return lines_end(h, ctx, &lf, st, true, n_nat);
}

wrrfig_status imm_build_fig_2_10(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *t = h->table(ctx, IMM_T_BIRTHS_DEATHS);
    if (!t)
        return WRRFIG_NODATA;
    lines_fig lf;
    wrrfig_status st = lines_begin(h, ctx, 1996, 2018, &lf);
    if (st != WRRFIG_OK)
        return st;
    codes_of(h, ctx, "series", lf.names, &lf.nn);
    line_set *ls = lf.ls;
    for (size_t i = 0; i < lf.nn && st == WRRFIG_OK; i++) {
        imm_series b, d;
        if (imm_series_load(h, ctx, t, "Herkomst", lf.names[i], "Onderwerp", "LevendGeborenen", &b) < 0 ||
            imm_series_load(h, ctx, t, "Herkomst", lf.names[i], "Onderwerp", "Overledenen", &d) < 0) {
            st = WRRFIG_ERROR;
            break;
        }
        imm_series_diff(&b, &d, &ls->s[ls->n]);
        char key[64];
        snprintf(key, sizeof key, "series.%zu.label", i);
        if (!(ls->label[ls->n++] = imm_label(h, ctx, key)))
            st = WRRFIG_ERROR;
    }
    return lines_end(h, ctx, &lf, st, true, MAX_SERIES);
}
