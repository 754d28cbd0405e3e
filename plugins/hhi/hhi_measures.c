/* The hhi.* measures of docs/measures.md. Each one answers only from data
 * of the requested year and grouping; anything else is NO-DATA with the
 * table it would need named in the log, never a value from another year
 * or a coarser grouping. */
#include "hhi_measures.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hhi_data.h"
#include "hhi_national.h"

/* The 18-group table is not among the measures' declared inputs, because it
 * does not exist yet. (The host makes a measure NO-DATA by itself only when
 * all its declared inputs are absent; otherwise the measure decides.) Once
 * imported, add it to the inputs and read it with hhi_load_group_counts() as
 * fig-2-14-report does. */
#define NEED_18 \
    "the report's 18 origin groups need CBS 84910NED (population by origin country per region) aggregated " \
    "with the WRR country -> group crosswalk (table " HHI_T_18_GEM2015 ")"

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
    if (!h->param_number(p, "year", &y) || y != floor(y)) {
        h->log(ctx, WRRFIG_LOG_ERROR, "year: expected a whole number");
        return -1;
    }
    *year = (int)y;
    return 0;
}

/* All municipalities for (year, grouping), or NO-DATA saying what is
 * missing. */
static wrrfig_status municipalities(const wrrfig_host *h, wrrfig_ctx *ctx, int year, mgroups g, hhi_area **a,
                                    size_t *n)
{
    if (year == 2017 && (g == G7 || g == G3))
        return hhi_load_kwb2017(h, ctx, g == G7 ? HHI_G7 : HHI_G3, a, n);
    if (g == G18)
        h->log(ctx, WRRFIG_LOG_WARN, "NO-DATA: %d: %s", year, NEED_18);
    else
        h->log(ctx, WRRFIG_LOG_WARN,
               "NO-DATA: municipal origin data here: 1 January 2017 with 7 or 3 groups (KWB 2017); for %d "
               "the needed table is CBS 84910NED for all municipalities",
               year);
    return WRRFIG_NODATA;
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
    wrrfig_status st;
    if (year == 2019 && (strcmp(area, "GM0518") == 0 || strcmp(area, "GM0363") == 0) && g != G18)
        return hhi_load_city(h, ctx, area, g == G7 ? HHI_G7 : g == G3 ? HHI_G3 : HHI_GCOUNTRY, out);
    if (year == 2019 && strncmp(area, "WK0518", 6) == 0 && g == G3) {
        st = hhi_load_kwb2019(h, ctx, area, &a, &n);
    } else if (strncmp(area, "GM", 2) == 0 || strcmp(area, "NL") == 0) {
        st = municipalities(h, ctx, year, g, &a, &n);
    } else {
        h->log(ctx, WRRFIG_LOG_WARN, "NO-DATA: no origin data for area %s in %d with groups=%s", area, year,
               g == G18 ? "18" : g == G7 ? "7" : g == G3 ? "3" : "'country'");
        return WRRFIG_NODATA;
    }
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

wrrfig_status hhi_m_index(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    hhi_area a;
    wrrfig_status st = area_index(h, ctx, p, &a);
    if (st == WRRFIG_OK) {
        if (!a.ok)
            return WRRFIG_NODATA;
        *out = a.d;
    }
    return st;
}

wrrfig_status hhi_m_textbook(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    hhi_area a;
    wrrfig_status st = area_index(h, ctx, p, &a);
    if (st == WRRFIG_OK) {
        if (!a.ok)
            return WRRFIG_NODATA;
        *out = a.h;
    }
    return st;
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
    if (year != 2017) {
        h->log(ctx, WRRFIG_LOG_WARN,
               "NO-DATA: Dutch-background share per municipality is here for 1 January 2017 only (KWB 2017); "
               "%d needs CBS 84910NED or 37713 for all municipalities",
               year);
        return WRRFIG_NODATA;
    }
    hhi_area *a = NULL;
    size_t n = 0;
    wrrfig_status st = hhi_load_kwb2017(h, ctx, HHI_G3, &a, &n);
    if (st != WRRFIG_OK)
        return st;
    *in = *all = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(a[i].pop) || !isfinite(a[i].w[0]))
            continue;
        *all += a[i].pop;
        /* w[0] = 100 - western - non-western, in whole percentages. */
        if (a[i].w[0] > min_dutch)
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
