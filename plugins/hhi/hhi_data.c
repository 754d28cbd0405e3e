#include "hhi_data.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hhi_index.h"
#include "common/counts.h"
#include "common/spectext.h"

/* The groups' names in the CSV: identifiers of the data, the same in every
 * output language (what a figure says about its grouping is spec text). */
static const char *const G3[] = {"Dutch", "western", "non-western"};
static const char *const G7[] = {"Dutch", "western", "Moroccan", "Antillean/Aruban",
                                 "Surinamese", "Turkish", "other non-western"};

const char *hhi_grouping_id(hhi_grouping g)
{
    return g == HHI_G3 ? "3" : g == HHI_G7 ? "7" : "country";
}

size_t hhi_grouping_size(hhi_grouping g)
{
    return g == HHI_G3 ? 3 : g == HHI_G7 ? 7 : 0;
}

const char *hhi_group_name(hhi_grouping g, size_t i)
{
    if (g == HHI_G3 && i < 3)
        return G3[i];
    if (g == HHI_G7 && i < 7)
        return G7[i];
    return NULL;
}

const char *hhi_grouping_text(const wrrfig_host *h, wrrfig_ctx *ctx, hhi_grouping g)
{
    char key[40];
    snprintf(key, sizeof key, "text.grouping.%s", hhi_grouping_id(g));
    const char *const keys[] = {key};
    const char *text;
    return wfc_spec_texts(h, ctx, keys, &text, 1) ? text : NULL;
}

void hhi_area_compute(hhi_area *a)
{
    a->ok = hhi_gini_simpson(a->w, a->n, &a->d) == HHI_OK && hhi_textbook(a->w, a->n, &a->h) == HHI_OK;
    if (!a->ok)
        a->d = a->h = NAN;
}

static void set_code_name(hhi_area *a, const wrrfig_host *h, const wrrfig_table *t, const char *code)
{
    snprintf(a->code, sizeof a->code, "%s", code);
    char key[64];
    snprintf(key, sizeof key, "label:region:%s", code);
    const char *name = h->table_meta(t, key);
    snprintf(a->name, sizeof a->name, "%s", name ? name : code);
}

/* Opens a table of dimensions region x `second`: NODATA when it is absent,
 * an error when it lacks either dimension. */
static wrrfig_status open_by_region(const wrrfig_host *h, wrrfig_ctx *ctx, const char *table, const char *second,
                                    const wrrfig_table **t, int *dr, int *d2)
{
    if (!(*t = h->table(ctx, table)))
        return WRRFIG_NODATA;
    *dr = h->table_dim_index(*t, "region");
    *d2 = h->table_dim_index(*t, second);
    if (*dr < 0 || *d2 < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: expected dimensions 'region' and '%s'", table, second);
        return WRRFIG_ERROR;
    }
    return WRRFIG_OK;
}

/* Values of the named variables per region of a region x variable table.
 * vals[i * nv + k] is variable k of area i; NaN when absent or not a
 * number. */
static wrrfig_status collect(const wrrfig_host *h, wrrfig_ctx *ctx, const char *table, const char *prefix,
                             const char *const *vars, size_t nv, hhi_area **out, double **vals,
                             size_t *n)
{
    *out = NULL;
    *vals = NULL;
    *n = 0;
    const wrrfig_table *t;
    int dr, dv;
    wrrfig_status st = open_by_region(h, ctx, table, "variable", &t, &dr, &dv);
    if (st != WRRFIG_OK)
        return st;
    size_t rows = h->table_rows(t);
    hhi_area *a = calloc(rows ? rows : 1, sizeof *a);
    double *v = malloc((rows ? rows : 1) * nv * sizeof *v);
    if (!a || !v) {
        free(a);
        free(v);
        h->log(ctx, WRRFIG_LOG_ERROR, "out of memory");
        return WRRFIG_ERROR;
    }
    size_t m = 0;
    for (size_t r = 0; r < rows; r++) {
        const char *code = h->table_key(t, r, (size_t)dr);
        if (prefix && strncmp(code, prefix, strlen(prefix)) != 0)
            continue;
        /* Rows are sorted by region, so a region's rows are adjacent. */
        if (m == 0 || strcmp(a[m - 1].code, code) != 0) {
            set_code_name(&a[m], h, t, code);
            for (size_t k = 0; k < nv; k++)
                v[m * nv + k] = NAN;
            m++;
        }
        const char *var = h->table_key(t, r, (size_t)dv);
        for (size_t k = 0; k < nv; k++)
            if (strcmp(var, vars[k]) == 0) {
                double x;
                int kind = wfc_count_value(h, ctx, t, r, "residents or a share of them", &x);
                if (kind < 0) {
                    free(a);
                    free(v);
                    return WRRFIG_ERROR;
                }
                if (kind == WRRFIG_VALUE)
                    v[(m - 1) * nv + k] = x;
            }
    }
    if (m == 0) {
        free(a);
        free(v);
        h->log(ctx, WRRFIG_LOG_WARN, "%s: no region with codes starting '%s'", table, prefix ? prefix : "");
        return WRRFIG_NODATA;
    }
    *out = a;
    *vals = v;
    *n = m;
    return WRRFIG_OK;
}

wrrfig_status hhi_load_kwb_pct(const wrrfig_host *h, wrrfig_ctx *ctx, const char *table, const char *prefix,
                               hhi_grouping g, hhi_area **out, size_t *n)
{
    enum { INW, WEST, NW, MAR, ANT, SUR, TUR, OVER, NV };
    static const char *const vars[NV] = {"AANT_INW", "P_WEST_AL", "P_N_W_AL", "P_MAROKKO",
                                         "P_ANT_ARU", "P_SURINAM", "P_TURKIJE", "P_OVER_NW"};
    if (g == HHI_GCOUNTRY) {
        h->log(ctx, WRRFIG_LOG_WARN, "KWB 2017 has no country-level origin");
        return WRRFIG_NODATA;
    }
    double *v;
    wrrfig_status st = collect(h, ctx, table, prefix, vars, NV, out, &v, n);
    if (st != WRRFIG_OK)
        return st;
    for (size_t i = 0; i < *n; i++) {
        hhi_area *a = &(*out)[i];
        const double *x = &v[i * NV];
        a->pop = x[INW];
        /* KWB gives no Dutch-background share: it is what is left. */
        double dutch = 100.0 - x[WEST] - x[NW];
        if (g == HHI_G3) {
            double w[3] = {dutch, x[WEST], x[NW]};
            memcpy(a->w, w, sizeof w);
            a->n = 3;
        } else {
            double sub = x[MAR] + x[ANT] + x[SUR] + x[TUR] + x[OVER];
            double k = sub > 0 ? x[NW] / sub : 0;
            double w[7] = {dutch, x[WEST], k * x[MAR], k * x[ANT], k * x[SUR], k * x[TUR], k * x[OVER]};
            if (!(sub > 0) && x[NW] > 0) {
                /* CBS suppressed every subgroup: the split is unknown, so
                 * the non-western residents stay one group. */
                w[6] = x[NW];
                a->nw_unsplit = 1;
            }
            memcpy(a->w, w, sizeof w);
            a->n = 7;
        }
        hhi_area_compute(a);
        /* Percentages of nobody (a wijk of dunes or harbour) are all 0,
         * which would read as 100 % Dutch background. */
        if (!(a->pop > 0)) {
            a->ok = 0;
            a->d = a->h = NAN;
        }
    }
    free(v);
    return WRRFIG_OK;
}

wrrfig_status hhi_load_kwb_counts(const wrrfig_host *h, wrrfig_ctx *ctx, const char *table, const char *prefix,
                                  hhi_area **out, size_t *n)
{
    static const char *const vars[] = {"inwoners", "westers", "nietwesters"};
    double *v;
    wrrfig_status st = collect(h, ctx, table, prefix, vars, 3, out, &v, n);
    if (st != WRRFIG_OK)
        return st;
    for (size_t i = 0; i < *n; i++) {
        hhi_area *a = &(*out)[i];
        const double *x = &v[i * 3];
        a->pop = x[0];
        a->w[0] = x[0] - x[1] - x[2];
        a->w[1] = x[1];
        a->w[2] = x[2];
        a->n = 3;
        /* CBS rounds wijk counts to 5, so the remainder can dip below zero
         * in a wijk with almost no Dutch-background residents. */
        if (a->w[0] < 0 && a->w[0] > -10)
            a->w[0] = 0;
        hhi_area_compute(a);
    }
    free(v);
    return WRRFIG_OK;
}

wrrfig_status hhi_load_group_counts(const wrrfig_host *h, wrrfig_ctx *ctx, const char *table,
                                    const char *prefix, hhi_area **out, size_t *n, size_t *n_groups,
                                    const char **group_codes)
{
    *out = NULL;
    *n = *n_groups = 0;
    const wrrfig_table *t;
    int dr, dg;
    wrrfig_status st = open_by_region(h, ctx, table, "herkomst", &t, &dr, &dg);
    if (st != WRRFIG_OK)
        return st;
    size_t rows = h->table_rows(t);
    hhi_area *a = calloc(rows ? rows : 1, sizeof *a);
    if (!a) {
        h->log(ctx, WRRFIG_LOG_ERROR, "out of memory");
        return WRRFIG_ERROR;
    }
    size_t m = 0;
    for (size_t r = 0; r < rows; r++) {
        const char *code = h->table_key(t, r, (size_t)dr);
        if (prefix && strncmp(code, prefix, strlen(prefix)) != 0)
            continue;
        if (m == 0 || strcmp(a[m - 1].code, code) != 0)
            set_code_name(&a[m++], h, t, code);
        hhi_area *cur = &a[m - 1];
        double x;
        if (cur->n == HHI_MAX_GROUPS) {
            h->log(ctx, WRRFIG_LOG_ERROR, "%s: %s: more than %d groups", table, code, HHI_MAX_GROUPS);
            free(a);
            return WRRFIG_ERROR;
        }
        const char *gcode = h->table_key(t, r, (size_t)dg);
        if (m == 1)
            group_codes[cur->n] = gcode;
        else if (cur->n >= a[0].n || strcmp(group_codes[cur->n], gcode) != 0) {
            h->log(ctx, WRRFIG_LOG_ERROR, "%s: %s: origin group %s where %s was expected", table, code,
                   gcode, cur->n < a[0].n ? group_codes[cur->n] : "no further group");
            free(a);
            return WRRFIG_ERROR;
        }
        int kind = wfc_count_value(h, ctx, t, r, "residents", &x);
        if (kind < 0) {
            free(a);
            return WRRFIG_ERROR;
        }
        cur->w[cur->n++] = kind == WRRFIG_VALUE ? x : NAN;
    }
    for (size_t i = 0; i < m; i++) {
        if (a[i].n != a[0].n) {
            h->log(ctx, WRRFIG_LOG_ERROR, "%s: %s has %zu origin groups, %s has %zu", table, a[i].code,
                   a[i].n, a[0].code, a[0].n);
            free(a);
            return WRRFIG_ERROR;
        }
        a[i].pop = hhi_total(a[i].w, a[i].n);
        hhi_area_compute(&a[i]);
    }
    if (m == 0) {
        free(a);
        return WRRFIG_NODATA;
    }
    *out = a;
    *n = m;
    *n_groups = a[0].n;
    return WRRFIG_OK;
}

/* --- CBS 84910NED, one city ------------------------------------------- */

typedef struct cbs_code {
    const char *code;
    const char *parent; /* former state whose total includes this code, or NULL */
} cbs_code;

/* The countries and former states of 84910NED's origin list that are not
 * aggregates (continents, EU groups, western/non-western). Codes nested in
 * a former state name it as parent: the former state's own group is what
 * its total holds beyond them. */
static const cbs_code COUNTRY_CODES[] = {
    {"H008533", NULL}, {"H008552", NULL}, {"H008562", NULL}, {"H008567", NULL}, {"H008575", NULL},
    {"H008579", NULL}, {"H008592", NULL}, {"H008594", NULL}, {"H008597", NULL}, {"H008599", NULL},
    {"H008603", NULL}, {"H008605", NULL}, {"H008612", NULL}, {"H008615", NULL}, {"H008627", NULL},
    {"H008631", NULL}, {"H008632", NULL}, {"H008633", NULL}, {"H008634", NULL}, {"H008636", NULL},
    {"H008644", NULL}, {"H008673", NULL}, {"H008710", NULL}, {"H008718", NULL}, {"H008719", NULL},
    {"H008723", NULL}, {"H008747", NULL}, {"H008749", NULL}, {"H008751", NULL}, {"H008753", NULL},
    {"H008757", NULL}, {"H008766", NULL}, {"H008776", NULL}, {"H008778", NULL}, {"H008780", NULL},
    {"H008787", NULL}, {"H007204", NULL},
    /* (former) Yugoslavia */
    {"H007072", "H007069"}, {"H008559", "H007069"},
    /* (former) Netherlands Antilles, Aruba */
    {"H007128", "H007119"}, {"H008544", "H007119"}, {"H008586", "H007119"},
    /* (former) Soviet Union */
    {"H007186", "H007172"}, {"H008724", "H007172"}, {"H008706", "H007172"},
};
static const char *const FORMER_STATES[] = {"H007069", "H007119", "H007172"};

static wrrfig_value_kind city_value(const wrrfig_host *h, const wrrfig_table *t, const char *period,
                                    const char *gm, const char *origin, double *out)
{
    char q[200];
    snprintf(q, sizeof q,
             "RegioS=%s;Migratieachtergrond=%s;Perioden=%s;Geslacht=T001038;Leeftijd=10000;"
             "Generatie=T001040",
             gm, origin, period);
    return h->table_find(t, q, out);
}

wrrfig_status hhi_load_city(const wrrfig_host *h, wrrfig_ctx *ctx, const char *table, const char *period,
                            const char *gm, hhi_grouping g, hhi_area *a)
{
    memset(a, 0, sizeof *a);
    const wrrfig_table *t = h->table(ctx, table);
    if (!t)
        return WRRFIG_NODATA;
    snprintf(a->code, sizeof a->code, "%s", gm);
    char key[64];
    snprintf(key, sizeof key, "label:RegioS:%s", gm);
    const char *name = h->table_meta(t, key);
    snprintf(a->name, sizeof a->name, "%s", name ? name : gm);

    double total, dutch, west, nonwest;
    if (city_value(h, t, period, gm, "T001040", &total) != WRRFIG_VALUE ||
        city_value(h, t, period, gm, "1012600", &dutch) != WRRFIG_VALUE ||
        city_value(h, t, period, gm, "2012655", &west) != WRRFIG_VALUE ||
        city_value(h, t, period, gm, "2012657", &nonwest) != WRRFIG_VALUE) {
        h->log(ctx, WRRFIG_LOG_WARN, "%s: no totals for %s in %s", table, gm, period);
        return WRRFIG_NODATA;
    }
    a->pop = total;
    if (fabs(dutch + west + nonwest - total) > 0.5) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: %s: Dutch + western + non-western = %.0f, total %.0f",
               table, gm, dutch + west + nonwest, total);
        return WRRFIG_ERROR;
    }
    if (g == HHI_G3) {
        a->w[0] = dutch;
        a->w[1] = west;
        a->w[2] = nonwest;
        a->n = 3;
    } else if (g == HHI_G7) {
        static const char *const four[] = {"H008673", "H007119", "H008751", "H008766"};
        a->w[0] = dutch;
        a->w[1] = west;
        double rest = nonwest;
        for (size_t i = 0; i < 4; i++) {
            if (city_value(h, t, period, gm, four[i], &a->w[2 + i]) != WRRFIG_VALUE) {
                h->log(ctx, WRRFIG_LOG_WARN, "%s: %s: no value for origin %s", table, gm, four[i]);
                return WRRFIG_NODATA;
            }
            rest -= a->w[2 + i];
        }
        a->w[6] = rest;
        a->n = 7;
    } else {
        size_t n = 0;
        a->w[n++] = dutch;
        double listed = dutch;
        double nested[3] = {0, 0, 0};
        for (size_t i = 0; i < sizeof COUNTRY_CODES / sizeof *COUNTRY_CODES; i++) {
            double x;
            if (city_value(h, t, period, gm, COUNTRY_CODES[i].code, &x) != WRRFIG_VALUE) {
                h->log(ctx, WRRFIG_LOG_WARN, "%s: %s: no value for origin %s", table, gm,
                       COUNTRY_CODES[i].code);
                return WRRFIG_NODATA;
            }
            a->w[n++] = x;
            listed += x;
            for (size_t k = 0; k < 3; k++)
                if (COUNTRY_CODES[i].parent && strcmp(COUNTRY_CODES[i].parent, FORMER_STATES[k]) == 0)
                    nested[k] += x;
        }
        for (size_t k = 0; k < 3; k++) {
            double whole;
            if (city_value(h, t, period, gm, FORMER_STATES[k], &whole) != WRRFIG_VALUE) {
                h->log(ctx, WRRFIG_LOG_WARN, "%s: %s: no value for origin %s", table, gm,
                       FORMER_STATES[k]);
                return WRRFIG_NODATA;
            }
            /* A negative rest would mean the nesting assumed above is wrong. */
            if (whole - nested[k] < -0.5) {
                h->log(ctx, WRRFIG_LOG_ERROR, "%s: %s: %s (%.0f) is smaller than the codes it should hold (%.0f)",
                       table, gm, FORMER_STATES[k], whole, nested[k]);
                return WRRFIG_ERROR;
            }
            a->w[n++] = whole - nested[k];
            listed += whole - nested[k];
        }
        if (total - listed < -0.5) {
            h->log(ctx, WRRFIG_LOG_ERROR, "%s: %s: listed origins (%.0f) exceed the total (%.0f)",
                   table, gm, listed, total);
            return WRRFIG_ERROR;
        }
        a->w[n++] = total - listed;
        a->n = n;
    }
    hhi_area_compute(a);
    return WRRFIG_OK;
}
