/* The hhi.* measures of docs/measures.md. Each one answers only from data
 * of the requested area, year and grouping: the table comes from the list
 * hhi/tables (data/hhi/tables.csv: area prefix, year, groupings, layout,
 * table), so no area code or table name is written here. Anything else is
 * NO-DATA naming the exact table it would need (or saying that none is
 * listed), never a value from another year or a coarser grouping. */
#include "hhi_measures.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hhi_data.h"
#include "hhi_index.h"
#include "hhi_national.h"

/* Every table a measure may read: the list, and the tables it names. (ABI
 * 1 checks each table against the declared inputs, so a table listed in
 * hhi/tables but absent from here is reported, not opened.) */
/* FIXED-INPUTS-BEGIN */
const char *const hhi_measure_inputs[] = {HHI_T_TABLES,
                                          "hhi/kwb2017_gemeente",
                                          "hhi/kwb2017_denhaag_wijk",
                                          "hhi/kwb2019_denhaag",
                                          "hhi/kwb2019_amsterdam",
                                          "hhi/84910ned_cities_2019",
                                          "hhi/herkomst18_gemeente_2015",
                                          "hhi/herkomst18_denhaag_wijk_2014",
                                          NULL};
/* FIXED-INPUTS-END */

/* Grouping of a call: 18 (default), 7, 3 or 'country'. */
typedef enum { G18, G7, G3, GCOUNTRY } mgroups;

static int read_groups(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, mgroups *g)
{
    double x;
    const char *t = h->param_text(p, "groups");
    if (t && strcmp(t, "country") == 0) {
        *g = GCOUNTRY;
        return 0;
    }
    if (!h->param_number(p, "groups", &x)) {
        if (t) {
            h->log(ctx, WRRFIG_LOG_ERROR, "groups='%s': expected 18, 7, 3 or 'country'", t);
            return -1;
        }
        *g = G18;
        return 0;
    }
    if (x == 18)
        *g = G18;
    else if (x == 7)
        *g = G7;
    else if (x == 3)
        *g = G3;
    else {
        h->log(ctx, WRRFIG_LOG_ERROR, "groups=%g: expected 18, 7, 3 or 'country'", x);
        return -1;
    }
    return 0;
}

static int read_year(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, int *year)
{
    double y;
    if (!h->param_number(p, "year", &y) || y != floor(y) || !(y >= -1e9 && y <= 1e9)) {
        h->log(ctx, WRRFIG_LOG_ERROR, "year: expected a whole number");
        return -1;
    }
    *year = (int)y;
    return 0;
}

static const char *groups_id(mgroups g)
{
    return g == G18 ? "18" : g == G7 ? "7" : g == G3 ? "3" : "country";
}

static hhi_grouping grouping_of(mgroups g)
{
    return g == G7 ? HHI_G7 : g == G3 ? HHI_G3 : HHI_GCOUNTRY;
}

/* A row of hhi/tables. Strings are host-owned (valid during the call). */
typedef struct source_row {
    const char *prefix, *layout, *table, *period;
} source_row;

static bool has_word(const char *list, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = list; p && *p;) {
        size_t k = strcspn(p, " ");
        if (k == n && strncmp(p, w, n) == 0)
            return true;
        p += k + (p[k] == ' ');
    }
    return false;
}

static bool is_declared(const char *table)
{
    for (size_t i = 0; hhi_measure_inputs[i]; i++)
        if (strcmp(hhi_measure_inputs[i], table) == 0)
            return true;
    return false;
}

/* The table for (area, year, grouping): the row of hhi/tables with the
 * longest prefix of area, that year and that grouping. NO-DATA (logged)
 * when none is listed, or when the listed table is absent (named). */
static wrrfig_status find_source(const wrrfig_host *h, wrrfig_ctx *ctx, const char *area, int year, mgroups g,
                                 source_row *out, const wrrfig_table **t)
{
    const wrrfig_table *list = h->table(ctx, HHI_T_TABLES);
    if (!list) {
        h->log(ctx, WRRFIG_LOG_WARN, "NO-DATA: the list of hhi tables (%s) is absent", HHI_T_TABLES);
        return WRRFIG_NODATA;
    }
    int dp = h->table_dim_index(list, "prefix"), dy = h->table_dim_index(list, "year"),
        dg = h->table_dim_index(list, "groups"), dl = h->table_dim_index(list, "layout"),
        dt = h->table_dim_index(list, "table"), dq = h->table_dim_index(list, "period");
    if (dp < 0 || dy < 0 || dg < 0 || dl < 0 || dt < 0 || dq < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: expected columns prefix, year, groups, layout, table, period", HHI_T_TABLES);
        return WRRFIG_ERROR;
    }
    char ys[16];
    snprintf(ys, sizeof ys, "%d", year);
    size_t best = 0;
    bool found = false;
    for (size_t r = 0; r < h->table_rows(list); r++) {
        const char *prefix = h->table_key(list, r, (size_t)dp);
        size_t pl = strlen(prefix);
        if (strncmp(area, prefix, pl) != 0 || strcmp(h->table_key(list, r, (size_t)dy), ys) != 0 ||
            !has_word(h->table_key(list, r, (size_t)dg), groups_id(g)) || (found && pl <= best))
            continue;
        *out = (source_row){prefix, h->table_key(list, r, (size_t)dl), h->table_key(list, r, (size_t)dt),
                            h->table_key(list, r, (size_t)dq)};
        best = pl;
        found = true;
    }
    if (!found) {
        h->log(ctx, WRRFIG_LOG_WARN, "NO-DATA: %s lists no table with area %s on 1 January %d with groups=%s",
               HHI_T_TABLES, area, year, groups_id(g));
        return WRRFIG_NODATA;
    }
    if (!is_declared(out->table)) {
        h->log(ctx, WRRFIG_LOG_WARN, "NO-DATA: area %s in %d with groups=%s is in table %s, which %s lists but "
                                      "the hhi measures do not declare as an input", area, year, groups_id(g),
               out->table, HHI_T_TABLES);
        return WRRFIG_NODATA;
    }
    *t = h->table(ctx, out->table);
    if (!*t) {
        h->log(ctx, WRRFIG_LOG_WARN, "NO-DATA: area %s on 1 January %d with groups=%s needs table %s (%s), which "
                                      "is absent",
               area, year, groups_id(g), out->table, out->layout);
        return WRRFIG_NODATA;
    }
    return WRRFIG_OK;
}

/* The areas of a listed table matching prefix (the whole table's prefix for
 * every area of it). */
static wrrfig_status load_rows(const wrrfig_host *h, wrrfig_ctx *ctx, const source_row *s, const char *prefix,
                               mgroups g, hhi_area **a, size_t *n)
{
    if (strcmp(s->layout, "kwb-pct") == 0 && (g == G7 || g == G3))
        return hhi_load_kwb_pct(h, ctx, s->table, prefix, grouping_of(g), a, n);
    if (strcmp(s->layout, "kwb-counts") == 0 && g == G3)
        return hhi_load_kwb_counts(h, ctx, s->table, prefix, a, n);
    if (strcmp(s->layout, "group-counts") == 0) {
        size_t groups;
        const char *codes[HHI_MAX_GROUPS];
        return hhi_load_group_counts(h, ctx, s->table, prefix, a, n, &groups, codes);
    }
    h->log(ctx, WRRFIG_LOG_ERROR, "%s: layout '%s' of %s cannot give groups=%s", HHI_T_TABLES, s->layout, s->table,
           groups_id(g));
    return WRRFIG_ERROR;
}

/* All municipalities for (year, grouping), or NO-DATA saying what is
 * missing. */
static wrrfig_status municipalities(const wrrfig_host *h, wrrfig_ctx *ctx, int year, mgroups g, hhi_area **a,
                                    size_t *n)
{
    source_row s;
    const wrrfig_table *t;
    wrrfig_status st = find_source(h, ctx, "GM", year, g, &s, &t);
    return st == WRRFIG_OK ? load_rows(h, ctx, &s, "GM", g, a, n) : st;
}

/* One area's index for (year, grouping). */
static wrrfig_status area_index(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, hhi_area *out)
{
    int year;
    mgroups g;
    const char *area = h->param_text(p, "area");
    if (!area || read_year(h, ctx, p, &year) || read_groups(h, ctx, p, &g)) {
        if (!area)
            h->log(ctx, WRRFIG_LOG_ERROR, "area: expected 'NL', 'GM....' or 'WK....'");
        return WRRFIG_ERROR;
    }
    hhi_area *a = NULL;
    size_t n = 0;
    source_row src;
    const wrrfig_table *t;
    /* The country pools all municipalities of its table. */
    bool nl = strcmp(area, "NL") == 0;
    wrrfig_status st = find_source(h, ctx, area, year, g, &src, &t);
    if (st != WRRFIG_OK)
        return st;
    if (strcmp(src.layout, "84910ned") == 0)
        return g == G18 ? WRRFIG_NODATA : hhi_load_city(h, ctx, src.table, src.period, area, grouping_of(g), out);
    st = load_rows(h, ctx, &src, nl ? "GM" : area, g, &a, &n);
    if (st != WRRFIG_OK)
        return st;
    st = WRRFIG_NODATA;
    if (strcmp(area, "NL") == 0) {
        /* The pooled national shares: the whole country as one area. */
        hhi_summary s;
        if (hhi_summarise(a, n, &s) == 0) {
            memset(out, 0, sizeof *out);
            strcpy(out->code, "NL");
            out->ok = 1;
            out->d = s.pooled_d;
            out->h = s.pooled_h;
            out->pop = s.pop;
            st = WRRFIG_OK;
        }
    } else {
        for (size_t i = 0; i < n; i++)
            if (strcmp(a[i].code, area) == 0 && a[i].ok) {
                *out = a[i];
                st = WRRFIG_OK;
            }
        if (st != WRRFIG_OK)
            h->log(ctx, WRRFIG_LOG_WARN, "NO-DATA: area %s has no value in %d", area, year);
    }
    free(a);
    return st;
}

/* The area's D (the report's index) or, when textbook, its H. */
static wrrfig_status area_value(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, bool textbook,
                                double *out)
{
    hhi_area a;
    wrrfig_status st = area_index(h, ctx, p, &a);
    if (st == WRRFIG_OK) {
        if (!a.ok)
            return WRRFIG_NODATA;
        *out = textbook ? a.h : a.d;
    }
    return st;
}

wrrfig_status hhi_m_index(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    return area_value(h, ctx, p, false, out);
}

wrrfig_status hhi_m_textbook(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    return area_value(h, ctx, p, true, out);
}

/* Year, grouping and the municipalities for the all-municipality measures. */
static wrrfig_status all_municipalities(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p,
                                        hhi_area **a, size_t *n)
{
    int year;
    mgroups g;
    if (read_year(h, ctx, p, &year) || read_groups(h, ctx, p, &g))
        return WRRFIG_ERROR;
    return municipalities(h, ctx, year, g, a, n);
}

wrrfig_status hhi_m_mean(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    const char *level = h->param_text(p, "level");
    const char *weight = h->param_text(p, "weight");
    if (weight && strcmp(weight, "population") != 0 && strcmp(weight, "none") != 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "weight='%s': expected 'population' or 'none'", weight);
        return WRRFIG_ERROR;
    }
    if (level && strcmp(level, "gemeente") != 0) {
        if (strcmp(level, "wijk") == 0) {
            h->log(ctx, WRRFIG_LOG_WARN, "NO-DATA: origin by wijk for all of the Netherlands is not imported");
            return WRRFIG_NODATA;
        }
        h->log(ctx, WRRFIG_LOG_ERROR, "level='%s': expected 'gemeente' or 'wijk'", level);
        return WRRFIG_ERROR;
    }
    hhi_area *a = NULL;
    size_t n = 0;
    wrrfig_status st = all_municipalities(h, ctx, p, &a, &n);
    if (st != WRRFIG_OK)
        return st;
    hhi_summary s;
    st = hhi_summarise(a, n, &s) == 0 ? WRRFIG_OK : WRRFIG_NODATA;
    if (st == WRRFIG_OK)
        *out = weight && strcmp(weight, "none") == 0 ? s.mean_d : s.wmean_d;
    free(a);
    return st;
}

wrrfig_status hhi_m_pop_share(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    double lo = 0, hi = 1;
    h->param_number(p, "min", &lo);
    h->param_number(p, "max", &hi);
    hhi_area *a = NULL;
    size_t n = 0;
    wrrfig_status st = all_municipalities(h, ctx, p, &a, &n);
    if (st != WRRFIG_OK)
        return st;
    /* max = 1 means "no upper bound": D < 1 always, but say so exactly. */
    *out = hhi_pop_share(a, n, lo, hi >= 1 ? INFINITY : hi);
    free(a);
    return isfinite(*out) ? WRRFIG_OK : WRRFIG_NODATA;
}

wrrfig_status hhi_m_rank(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    const char *area = h->param_text(p, "area");
    if (!area || strncmp(area, "GM", 2) != 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "area: expected a municipality code 'GM....'");
        return WRRFIG_ERROR;
    }
    hhi_area *a = NULL;
    size_t n = 0;
    wrrfig_status st = all_municipalities(h, ctx, p, &a, &n);
    if (st != WRRFIG_OK)
        return st;
    st = WRRFIG_NODATA;
    for (size_t i = 0; i < n; i++)
        if (strcmp(a[i].code, area) == 0 && a[i].ok) {
            *out = (double)hhi_rank(a, n, &a[i]);
            st = WRRFIG_OK;
        }
    if (st != WRRFIG_OK)
        h->log(ctx, WRRFIG_LOG_WARN, "NO-DATA: municipality %s has no value", area);
    free(a);
    return st;
}

/* Residents of municipalities where more than min_dutch % has a Dutch
 * background, and all residents. Only KWB 2017 has the Dutch share of every
 * municipality here. */
static wrrfig_status homogeneous(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *in,
                                 double *all)
{
    int year;
    double min_dutch = 90;
    if (read_year(h, ctx, p, &year))
        return WRRFIG_ERROR;
    h->param_number(p, "min_dutch", &min_dutch);
    hhi_area *a = NULL;
    size_t n = 0;
    wrrfig_status st = municipalities(h, ctx, year, G3, &a, &n);
    if (st != WRRFIG_OK)
        return st;
    *in = *all = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(a[i].pop) || !isfinite(a[i].w[0]))
            continue;
        *all += a[i].pop;
        /* w[0] is the Dutch-background group, in persons or (KWB) whole
         * percentages that add up to 100 with the other two. */
        double total = hhi_total(a[i].w, a[i].n);
        if (total > 0 && 100.0 * a[i].w[0] / total > min_dutch)
            *in += a[i].pop;
    }
    free(a);
    return *all > 0 ? WRRFIG_OK : WRRFIG_NODATA;
}

wrrfig_status hhi_m_homogeneous_population(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p,
                                           double *out)
{
    double in, all;
    wrrfig_status st = homogeneous(h, ctx, p, &in, &all);
    if (st == WRRFIG_OK)
        *out = in;
    return st;
}

wrrfig_status hhi_m_homogeneous_share(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p,
                                      double *out)
{
    double in, all;
    wrrfig_status st = homogeneous(h, ctx, p, &in, &all);
    if (st == WRRFIG_OK)
        *out = 100.0 * in / all;
    return st;
}

/* --- national shares from CBS 37296ned --------------------------------- */

wrrfig_status hhi_m_national_pooled(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    static const char *const g3[] = {"PersoonMetEenNederlandseAchtergrond_27", "TotaalWesterseMigratieachtergrond_30",
                                     "TotaalNietWesters_34"};
    static const char *const g7[] = {"PersoonMetEenNederlandseAchtergrond_27", "TotaalWesterseMigratieachtergrond_30",
                                     "Marokko_35", "VoormaligNedAntillenAruba_36", "Suriname_37", "Turkije_38",
                                     "OverigNietWesters_39"};
    static const char *const g9[] = {"PersoonMetEenNederlandseAchtergrond_27", "MiddenEnOostEuropeseLandenInDeEU_31",
                                     "GIPSLandenInDeEU_32", "OverigWesterseMigratieachtergrond_33", "Marokko_35",
                                     "VoormaligNedAntillenAruba_36", "Suriname_37", "Turkije_38",
                                     "OverigNietWesters_39"};
    int year;
    double groups = 0;
    if (read_year(h, ctx, p, &year))
        return WRRFIG_ERROR;
    if (!h->param_number(p, "groups", &groups) || (groups != 3 && groups != 7 && groups != 9)) {
        h->log(ctx, WRRFIG_LOG_ERROR, "groups: expected 3, 7 or 9 (37296ned has no finer national split)");
        return WRRFIG_ERROR;
    }
    const char *const *codes = groups == 3 ? g3 : groups == 7 ? g7 : g9;
    size_t n = (size_t)groups;
    const wrrfig_table *t = h->table(ctx, HHI_T_37296NED);
    if (!t)
        return WRRFIG_NODATA;
    double w[9], total, sum = 0;
    char q[128];
    snprintf(q, sizeof q, "Perioden=%dJJ00;Onderwerp=TotaleBevolking_26", year);
    if (h->table_find(t, q, &total) != WRRFIG_VALUE) {
        h->log(ctx, WRRFIG_LOG_WARN, "NO-DATA: %s has no population by migration background for %d",
               HHI_T_37296NED, year);
        return WRRFIG_NODATA;
    }
    for (size_t i = 0; i < n; i++) {
        snprintf(q, sizeof q, "Perioden=%dJJ00;Onderwerp=%s", year, codes[i]);
        if (h->table_find(t, q, &w[i]) != WRRFIG_VALUE) {
            h->log(ctx, WRRFIG_LOG_WARN, "NO-DATA: %s: no %s for %d", HHI_T_37296NED, codes[i], year);
            return WRRFIG_NODATA;
        }
        sum += w[i];
    }
    /* The groups must partition the population, or the shares are wrong. */
    if (fabs(sum - total) > 0.5) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s %d: the %zu groups add up to %.0f, the population is %.0f",
               HHI_T_37296NED, year, n, sum, total);
        return WRRFIG_ERROR;
    }
    hhi_area a;
    memset(&a, 0, sizeof a);
    memcpy(a.w, w, n * sizeof *w);
    a.n = n;
    hhi_area_compute(&a);
    if (!a.ok)
        return WRRFIG_NODATA;
    *out = a.d;
    return WRRFIG_OK;
}
