/* immigration.* measures: national series from CBS 37296ned, and flows by
 * origin from the (not yet imported) origin tables. A missing year is
 * NO-DATA, never a substitute; an unknown code is an error. */
#include "imm_measures.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "imm_national.h"
#include "imm_origin.h"
#include "imm_series.h"
#include "common/params.h"

typedef struct series_name {
    const char *name, *topic;
} series_name;

static const series_name SERIES[] = {
    {"immigration", IMM_IMMIGRATION}, {"emigration", IMM_EMIGRATION}, {"net", IMM_NET},
    {"population", IMM_POPULATION},   {"births", IMM_BIRTHS},         {"deaths", IMM_DEATHS},
    {"natural_increase", IMM_NATURAL}, {"growth", IMM_GROWTH},        {"net_minus_natural", NULL},
};

/* Origin group codes of docs/measures.md. */
static const char *const ORIGINS[] = {"Totaal", "Nederlands", "Migratieachtergrond", "Westers", "MOE-EU", "GIPS",
                                      "OverigWesters", "NietWesters", "Marokko", "Antillen", "Suriname", "Turkije",
                                      "OverigNietWesters", "EuropeesAngelsaksisch", "NietEuropeesAngelsaksisch",
                                      "OverigNietEuropeesAngelsaksisch", NULL};

static int known_origin(const char *o)
{
    for (size_t i = 0; ORIGINS[i]; i++)
        if (strcmp(ORIGINS[i], o) == 0)
            return 1;
    return 0;
}

/* Loads a named series (net_minus_natural is derived). */
static wrrfig_status load_named(const wrrfig_host *h, wrrfig_ctx *ctx, const char *name, imm_series *s)
{
    const wrrfig_table *t = h->table(ctx, IMM_T37296);
    if (!t)
        return WRRFIG_NODATA;
    for (size_t i = 0; i < sizeof SERIES / sizeof SERIES[0]; i++) {
        if (strcmp(SERIES[i].name, name) != 0)
            continue;
        if (SERIES[i].topic)
            return imm_series_load(h, ctx, t, "Onderwerp", SERIES[i].topic, NULL, NULL, s) < 0 ? WRRFIG_ERROR
                                                                                              : WRRFIG_OK;
        imm_series n, g;
        if (imm_series_load(h, ctx, t, "Onderwerp", IMM_NET, NULL, NULL, &n) < 0 ||
            imm_series_load(h, ctx, t, "Onderwerp", IMM_NATURAL, NULL, NULL, &g) < 0)
            return WRRFIG_ERROR;
        imm_series_diff(&n, &g, s);
        return WRRFIG_OK;
    }
    h->log(ctx, WRRFIG_LOG_ERROR,
           "unknown series '%s' (expected immigration, emigration, net, population, births, deaths, "
           "natural_increase, growth or net_minus_natural)",
           name);
    return WRRFIG_ERROR;
}

static wrrfig_status value_at(const wrrfig_host *h, wrrfig_ctx *ctx, const char *series, int year, double *out)
{
    imm_series s;
    wrrfig_status st = load_named(h, ctx, series, &s);
    if (st != WRRFIG_OK)
        return st;
    if (!imm_has(&s, year)) {
        h->log(ctx, WRRFIG_LOG_WARN, "%s has no %s for %d", IMM_T37296, series, year);
        return WRRFIG_NODATA;
    }
    *out = imm_get(&s, year);
    return WRRFIG_OK;
}

static wrrfig_status one_year(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, const char *series,
                              double *out)
{
    int y;
    wrrfig_status st = wfc_param_whole(h, ctx, p, "year", true, 0, &y);
    return st != WRRFIG_OK ? st : value_at(h, ctx, series, y, out);
}

static wrrfig_status m_total(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    return one_year(h, c, p, "immigration", o);
}
static wrrfig_status m_emigration(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    return one_year(h, c, p, "emigration", o);
}
static wrrfig_status m_net(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    return one_year(h, c, p, "net", o);
}
static wrrfig_status m_population(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    return one_year(h, c, p, "population", o);
}
static wrrfig_status m_natural(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    return one_year(h, c, p, "natural_increase", o);
}

static const char *series_param(const wrrfig_host *h, const wrrfig_params *p)
{
    const char *s = h->param_text(p, "series");
    return s ? s : "immigration";
}

static wrrfig_status m_series(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    const char *s = h->param_text(p, "series");
    if (!s) {
        h->log(c, WRRFIG_LOG_ERROR, "parameter series is required");
        return WRRFIG_ERROR;
    }
    return one_year(h, c, p, s, o);
}

static wrrfig_status m_emig_per_1000(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    int y;
    wrrfig_status st = wfc_param_whole(h, c, p, "year", true, 0, &y);
    if (st != WRRFIG_OK)
        return st;
    const char *den = h->param_text(p, "denominator");
    if (den && strcmp(den, "jan") != 0 && strcmp(den, "mean") != 0) {
        h->log(c, WRRFIG_LOG_ERROR, "denominator '%s': expected 'jan' or 'mean'", den);
        return WRRFIG_ERROR;
    }
    double e, p0, p1 = 0;
    if ((st = value_at(h, c, "emigration", y, &e)) != WRRFIG_OK ||
        (st = value_at(h, c, "population", y, &p0)) != WRRFIG_OK)
        return st;
    if (den && strcmp(den, "mean") == 0) {
        if ((st = value_at(h, c, "population", y + 1, &p1)) != WRRFIG_OK)
            return st;
        p0 = (p0 + p1) / 2.0;
    }
    *o = 1000.0 * e / p0;
    return WRRFIG_OK;
}

/* The required whole-number parameters from and to of a measure call (a
 * year range; each measure checks the range it can read). */
static wrrfig_status years_param(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, int *from, int *to)
{
    wrrfig_status st = wfc_param_whole(h, c, p, "from", true, 0, from);
    return st != WRRFIG_OK ? st : wfc_param_whole(h, c, p, "to", true, 0, to);
}

/* Reads from..to (inclusive) of the series parameter, requiring every year. */
static wrrfig_status range(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, imm_series *s, int *from,
                           int *to)
{
    wrrfig_status st;
    if ((st = years_param(h, c, p, from, to)) != WRRFIG_OK)
        return st;
    if (*from > *to || *from < IMM_Y0 || *to >= IMM_Y0 + IMM_NY) {
        h->log(c, WRRFIG_LOG_ERROR, "from %d to %d: expected from <= to", *from, *to);
        return WRRFIG_ERROR;
    }
    const char *name = series_param(h, p);
    if ((st = load_named(h, c, name, s)) != WRRFIG_OK)
        return st;
    for (int y = *from; y <= *to; y++)
        if (!imm_has(s, y)) {
            h->log(c, WRRFIG_LOG_WARN, "%s has no %s for %d", IMM_T37296, name, y);
            return WRRFIG_NODATA;
        }
    return WRRFIG_OK;
}

enum agg { AGG_MIN, AGG_MAX, AGG_SUM, AGG_ARGMAX, AGG_ARGMIN };

static wrrfig_status aggregate(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, enum agg a, double *o)
{
    imm_series s;
    int from, to;
    wrrfig_status st = range(h, c, p, &s, &from, &to);
    if (st != WRRFIG_OK)
        return st;
    double best = imm_get(&s, from), sum = 0;
    int arg = from;
    for (int y = from; y <= to; y++) {
        double v = imm_get(&s, y);
        sum += v;
        /* strict comparisons keep the earliest year on a tie */
        if ((a == AGG_MAX || a == AGG_ARGMAX) ? v > best : v < best) {
            best = v;
            arg = y;
        }
    }
    *o = a == AGG_SUM ? sum : (a == AGG_ARGMAX || a == AGG_ARGMIN) ? arg : best;
    return WRRFIG_OK;
}

static wrrfig_status m_min(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    return aggregate(h, c, p, AGG_MIN, o);
}
static wrrfig_status m_max(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    return aggregate(h, c, p, AGG_MAX, o);
}
static wrrfig_status m_sum(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    return aggregate(h, c, p, AGG_SUM, o);
}
static wrrfig_status m_argmax(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    return aggregate(h, c, p, AGG_ARGMAX, o);
}
static wrrfig_status m_argmin(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    return aggregate(h, c, p, AGG_ARGMIN, o);
}

static wrrfig_status m_count_years(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    const char *cmp = h->param_text(p, "cmp");
    double thr;
    if (!cmp || (strcmp(cmp, "<") && strcmp(cmp, "<=") && strcmp(cmp, ">") && strcmp(cmp, ">="))) {
        h->log(c, WRRFIG_LOG_ERROR, "cmp: expected '<', '<=', '>' or '>='");
        return WRRFIG_ERROR;
    }
    if (!h->param_number(p, "threshold", &thr)) {
        h->log(c, WRRFIG_LOG_ERROR, "parameter threshold is required");
        return WRRFIG_ERROR;
    }
    imm_series s;
    int from, to;
    wrrfig_status st = range(h, c, p, &s, &from, &to);
    if (st != WRRFIG_OK)
        return st;
    int n = 0;
    for (int y = from; y <= to; y++) {
        double v = imm_get(&s, y);
        int ok = cmp[0] == '<' ? (cmp[1] ? v <= thr : v < thr) : (cmp[1] ? v >= thr : v > thr);
        n += ok;
    }
    *o = n;
    return WRRFIG_OK;
}

static wrrfig_status m_non_record(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    imm_series s;
    int from, to;
    wrrfig_status st = range(h, c, p, &s, &from, &to);
    if (st != WRRFIG_OK)
        return st;
    int first;
    int last;
    imm_span(&s, IMM_Y0, IMM_Y0 + IMM_NY - 1, &first, &last);
    /* the running maximum starts at the table's first year, so years before
     * `from` count as history */
    double max = imm_get(&s, first);
    int n = 0;
    for (int y = first + 1; y <= to; y++) {
        if (!imm_has(&s, y))
            continue;
        double v = imm_get(&s, y);
        if (y >= from && v <= max)
            n++;
        if (v > max)
            max = v;
    }
    *o = n;
    return WRRFIG_OK;
}

static wrrfig_status m_growth_pct(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    int from, to;
    double a, b;
    wrrfig_status st;
    if ((st = years_param(h, c, p, &from, &to)) != WRRFIG_OK ||
        (st = value_at(h, c, "population", from, &a)) != WRRFIG_OK ||
        (st = value_at(h, c, "population", to, &b)) != WRRFIG_OK)
        return st;
    *o = 100.0 * (b - a) / a;
    return WRRFIG_OK;
}

/* --- flows by origin (tables not in shared/) ------------------------- */

static wrrfig_status origin_param(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, const char **o)
{
    *o = h->param_text(p, "origin");
    if (!*o || !known_origin(*o)) {
        h->log(c, WRRFIG_LOG_ERROR, "origin '%s': expected one of the origin group codes of docs/measures.md",
               *o ? *o : "(missing)");
        return WRRFIG_ERROR;
    }
    return WRRFIG_OK;
}

static wrrfig_status flow_value(const wrrfig_host *h, wrrfig_ctx *c, const char *table, const char *code,
                                const char *topic, int year, double *o)
{
    const wrrfig_table *t = h->table(c, table);
    if (!t)
        return WRRFIG_NODATA;
    imm_series s;
    if (imm_series_load(h, c, t, "Herkomst", code, "Onderwerp", topic, &s) < 0)
        return WRRFIG_ERROR;
    if (!imm_has(&s, year)) {
        h->log(c, WRRFIG_LOG_WARN, "%s has no %s for Herkomst=%s in %d", table, topic, code, year);
        return WRRFIG_NODATA;
    }
    *o = imm_get(&s, year);
    return WRRFIG_OK;
}

/* Immigration of an origin summed over from..to (or one `year`). */
static wrrfig_status m_by_origin(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    const char *org = h->param_text(p, "origin");
    int from, to;
    wrrfig_status st;
    if (!org) {
        h->log(c, WRRFIG_LOG_ERROR, "parameter origin is required");
        return WRRFIG_ERROR;
    }
    double y;
    if (h->param_number(p, "year", &y)) {
        if ((st = wfc_param_whole(h, c, p, "year", true, 0, &from)) != WRRFIG_OK)
            return st;
        to = from;
    } else if ((st = years_param(h, c, p, &from, &to)) != WRRFIG_OK) {
        return st;
    }
    /* a country of birth may be named too (docs/measures.md), so any code is
     * looked up; an absent one is NO-DATA */
    double sum = 0, v;
    for (int yr = from; yr <= to; yr++) {
        if ((st = flow_value(h, c, IMM_T_MIG_HERKOMST, org, "Immigratie", yr, &v)) != WRRFIG_OK)
            return st;
        sum += v;
    }
    *o = sum;
    return WRRFIG_OK;
}

static wrrfig_status net_sum_of(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, const char *code,
                                double *o)
{
    int from, to;
    wrrfig_status st;
    if ((st = years_param(h, c, p, &from, &to)) != WRRFIG_OK)
        return st;
    const wrrfig_table *t = h->table(c, IMM_T_MIG_HERKOMST);
    if (!t)
        return WRRFIG_NODATA;
    return imm_net_sum(h, c, t, code, from, to, o);
}

static wrrfig_status m_net_by_origin(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    const char *org;
    wrrfig_status st = origin_param(h, c, p, &org);
    return st != WRRFIG_OK ? st : net_sum_of(h, c, p, org, o);
}

static wrrfig_status m_net_by_country(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    const char *country = h->param_text(p, "country");
    if (!country) {
        h->log(c, WRRFIG_LOG_ERROR, "parameter country is required");
        return WRRFIG_ERROR;
    }
    return net_sum_of(h, c, p, country, o);
}

static wrrfig_status m_natural_by_origin(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    const char *org;
    int from, to;
    wrrfig_status st;
    if ((st = origin_param(h, c, p, &org)) != WRRFIG_OK || (st = years_param(h, c, p, &from, &to)) != WRRFIG_OK)
        return st;
    double sum = 0;
    for (int y = from; y <= to; y++) {
        double b, d;
        if ((st = flow_value(h, c, IMM_T_BIRTHS_DEATHS, org, "LevendGeborenen", y, &b)) != WRRFIG_OK ||
            (st = flow_value(h, c, IMM_T_BIRTHS_DEATHS, org, "Overledenen", y, &d)) != WRRFIG_OK)
            return st;
        sum += b - d;
    }
    *o = sum;
    return WRRFIG_OK;
}

static wrrfig_status m_emigrant_share(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    const char *org;
    int y;
    double part, whole;
    wrrfig_status st;
    if ((st = origin_param(h, c, p, &org)) != WRRFIG_OK || (st = wfc_param_whole(h, c, p, "year", true, 0, &y)) != WRRFIG_OK ||
        (st = flow_value(h, c, IMM_T_MIG_HERKOMST, org, "Emigratie", y, &part)) != WRRFIG_OK ||
        (st = flow_value(h, c, IMM_T_MIG_HERKOMST, "Totaal", "Emigratie", y, &whole)) != WRRFIG_OK)
        return st;
    *o = 100.0 * part / whole;
    return WRRFIG_OK;
}

#define IMM_T60032 "cbs/60032"

/* One code of a '+'-joined list ("L008567+L008723", "EuWork+NonEuWork"):
 * copies the code at *q into code[size] and moves *q past it and its '+'
 * (to NULL after the last). Returns 1 with a code, 0 after the last, -1
 * for an empty or overlong code: an empty list, "a++b" or a trailing '+'. */
static int next_code(const char **q, char *code, size_t size)
{
    if (!*q)
        return 0;
    size_t n = strcspn(*q, "+");
    if (n == 0 || n >= size)
        return -1;
    memcpy(code, *q, n);
    code[n] = '\0';
    *q = (*q)[n] == '+' ? *q + n + 1 : NULL;
    return 1;
}

/* Immigration from the countries of previous residence in `codes` (CBS 60032
 * codes joined by '+', e.g. 'L008567+L008723' = Bulgaria + Romania), summed
 * over the countries, for each year from..to, into sum[year - IMM_Y0] (the
 * caller's array of IMM_NY zeros). Reads cbs/60032 (all persons). NODATA
 * when the table or a year of a country is absent. */
static wrrfig_status sum_60032(const wrrfig_host *h, wrrfig_ctx *c, const char *codes, int from, int to,
                               double sum[IMM_NY])
{
    if (!codes || !*codes) {
        h->log(c, WRRFIG_LOG_ERROR, "parameter countries is required (CBS 60032 codes joined by '+')");
        return WRRFIG_ERROR;
    }
    if (from < IMM_Y0 || to >= IMM_Y0 + IMM_NY || from > to) {
        h->log(c, WRRFIG_LOG_ERROR, "from/to: expected %d <= from <= to < %d", IMM_Y0, IMM_Y0 + IMM_NY);
        return WRRFIG_ERROR;
    }
    const wrrfig_table *t = h->table(c, IMM_T60032);
    if (!t)
        return WRRFIG_NODATA;
    char code[32];
    const char *q = codes;
    int more;
    while ((more = next_code(&q, code, sizeof code)) > 0) {
        imm_series s;
        if (imm_series_load(h, c, t, "LandVanHerkomstVestiging", code, "Geslacht", "T001038", &s) < 0)
            return WRRFIG_ERROR;
        for (int y = from; y <= to; y++) {
            if (!imm_has(&s, y)) {
                h->log(c, WRRFIG_LOG_WARN, "%s has no immigration from %s in %d", IMM_T60032, code, y);
                return WRRFIG_NODATA;
            }
            sum[y - IMM_Y0] += imm_get(&s, y);
        }
    }
    if (more < 0) {
        h->log(c, WRRFIG_LOG_ERROR, "countries: expected codes joined by '+', got '%s'", codes);
        return WRRFIG_ERROR;
    }
    return WRRFIG_OK;
}

/* The year of the largest rise of immigration from the countries of previous
 * residence in `countries`, summed, over the previous year, in from..to: when
 * a flow "starts". */
static wrrfig_status m_jump_year(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    int from, to;
    wrrfig_status st;
    if ((st = years_param(h, c, p, &from, &to)) != WRRFIG_OK)
        return st;
    if (from <= IMM_Y0 || from > to) {
        h->log(c, WRRFIG_LOG_ERROR, "from/to: expected %d < from <= to < %d", IMM_Y0, IMM_Y0 + IMM_NY);
        return WRRFIG_ERROR;
    }
    double sum[IMM_NY] = {0};
    if ((st = sum_60032(h, c, h->param_text(p, "countries"), from - 1, to, sum)) != WRRFIG_OK)
        return st;
    int best = 0;
    double rise = 0;
    for (int y = from; y <= to; y++) {
        double d = sum[y - IMM_Y0] - sum[y - 1 - IMM_Y0];
        if (!best || d > rise) {
            best = y;
            rise = d;
        }
    }
    *o = best;
    return WRRFIG_OK;
}

/* Immigration from the countries of previous residence in `countries`,
 * summed over the countries and the years from..to (cbs/60032). */
static wrrfig_status m_prev_residence_sum(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    int from, to;
    wrrfig_status st;
    if ((st = years_param(h, c, p, &from, &to)) != WRRFIG_OK)
        return st;
    double sum[IMM_NY] = {0};
    if ((st = sum_60032(h, c, h->param_text(p, "countries"), from, to, sum)) != WRRFIG_OK)
        return st;
    double total = 0;
    for (int y = from; y <= to; y++)
        total += sum[y - IMM_Y0];
    *o = total;
    return WRRFIG_OK;
}

#define IMM_T_MOTIVE "cbs/immigrants_motive_1999_2024"

/* The series of one migration motive (CBS 84808NED/85468NED compilation,
 * cbs/immigrants_motive_1999_2024: EuWork, NonEuAsylum, NonEuFamily ...),
 * with a number for every year of from..to: the parameters and series the
 * year-valued motive measures share. */
static wrrfig_status motive_series(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, imm_series *s,
                                   int *from, int *to)
{
    const char *motive = h->param_text(p, "motive");
    wrrfig_status st;
    if (!motive) {
        h->log(c, WRRFIG_LOG_ERROR, "parameter motive is required (EuWork, NonEuAsylum, NonEuFamily, ...)");
        return WRRFIG_ERROR;
    }
    if ((st = years_param(h, c, p, from, to)) != WRRFIG_OK)
        return st;
    if (*from > *to) {
        h->log(c, WRRFIG_LOG_ERROR, "from/to: expected from <= to");
        return WRRFIG_ERROR;
    }
    const wrrfig_table *t = h->table(c, IMM_T_MOTIVE);
    if (!t)
        return WRRFIG_NODATA;
    if (imm_series_load(h, c, t, "Motief", motive, NULL, NULL, s) < 0)
        return WRRFIG_ERROR;
    for (int y = *from; y <= *to; y++)
        if (!imm_has(s, y)) {
            h->log(c, WRRFIG_LOG_WARN, "%s has no %s immigrants in %d", IMM_T_MOTIVE, motive, y);
            return WRRFIG_NODATA;
        }
    return WRRFIG_OK;
}

/* Year in from..to with the most immigrants of a migration motive. */
static wrrfig_status m_motive_argmax_year(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    imm_series s;
    int from, to;
    wrrfig_status st = motive_series(h, c, p, &s, &from, &to);
    if (st != WRRFIG_OK)
        return st;
    int best = 0;
    for (int y = from; y <= to; y++)
        if (!best || imm_get(&s, y) > imm_get(&s, best))
            best = y;
    *o = best;
    return WRRFIG_OK;
}

/* The first year of the rise that ends at the peak of from..to: from the
 * peak back, as long as each year had more immigrants than the one before.
 * What "rose again from 2013" states: the fall before it ended in 2012. */
static wrrfig_status m_motive_rise_start(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    imm_series s;
    int from, to;
    wrrfig_status st = motive_series(h, c, p, &s, &from, &to);
    if (st != WRRFIG_OK)
        return st;
    int peak = from;
    for (int y = from; y <= to; y++)
        if (imm_get(&s, y) > imm_get(&s, peak))
            peak = y;
    int start = peak;
    while (start > from && imm_get(&s, start) > imm_get(&s, start - 1))
        start--;
    if (start == from) {
        /* the rise may have begun before `from`: the year is not decided */
        h->log(c, WRRFIG_LOG_WARN, "the rise to the peak of %d runs back to %d, the start of the range", peak, from);
        return WRRFIG_NODATA;
    }
    *o = start + 1;
    return WRRFIG_OK;
}

/* Immigrants of the '+'-joined motives ("EuWork+NonEuWork") in one year,
 * summed; NO-DATA when one of them has no number for the year. */
static wrrfig_status motive_sum(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_table *t, const char *list, int year,
                                double *o)
{
    double sum = 0;
    char code[64];
    const char *q = list;
    int more;
    while ((more = next_code(&q, code, sizeof code)) > 0) {
        imm_series s;
        if (imm_series_load(h, c, t, "Motief", code, NULL, NULL, &s) < 0)
            return WRRFIG_ERROR;
        if (!imm_has(&s, year)) {
            h->log(c, WRRFIG_LOG_WARN, "%s has no %s immigrants in %d", IMM_T_MOTIVE, code, year);
            return WRRFIG_NODATA;
        }
        sum += imm_get(&s, year);
    }
    if (more < 0) {
        h->log(c, WRRFIG_LOG_ERROR, "motive list '%s': an empty or overlong motive code", list);
        return WRRFIG_ERROR;
    }
    *o = sum;
    return WRRFIG_OK;
}

static wrrfig_status motive_args(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, const char *name,
                                 const char **list, int *year, const wrrfig_table **t)
{
    *list = h->param_text(p, name);
    if (!*list) {
        h->log(c, WRRFIG_LOG_ERROR, "parameter %s is required (EuWork, NonEuAsylum, NonEuTotal, ... joined by '+')", name);
        return WRRFIG_ERROR;
    }
    wrrfig_status st = wfc_param_whole(h, c, p, "year", true, 0, year);
    if (st != WRRFIG_OK)
        return st;
    *t = h->table(c, IMM_T_MOTIVE);
    return *t ? WRRFIG_OK : WRRFIG_NODATA;
}

/* Immigrants of one motive (or '+'-joined motives, summed) in one year:
 * the parts and totals of claims about immigration by motive. */
static wrrfig_status m_motive_count(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    const char *list;
    int year;
    const wrrfig_table *t;
    wrrfig_status st = motive_args(h, c, p, "motive", &list, &year, &t);
    return st != WRRFIG_OK ? st : motive_sum(h, c, t, list, year, o);
}

/* 100 x immigrants of `motives` / immigrants of `of`, one year. */
static wrrfig_status m_motive_share(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    const char *list, *of = h->param_text(p, "of");
    int year;
    const wrrfig_table *t;
    double part, whole;
    if (!of) {
        h->log(c, WRRFIG_LOG_ERROR, "parameter of is required (the total: e.g. 'EuTotal+NonEuTotal')");
        return WRRFIG_ERROR;
    }
    wrrfig_status st = motive_args(h, c, p, "motives", &list, &year, &t);
    if (st != WRRFIG_OK || (st = motive_sum(h, c, t, list, year, &part)) != WRRFIG_OK ||
        (st = motive_sum(h, c, t, of, year, &whole)) != WRRFIG_OK)
        return st;
    if (whole <= 0) {
        h->log(c, WRRFIG_LOG_ERROR, "%s: no immigrants of %s in %d to divide by", IMM_T_MOTIVE, of, year);
        return WRRFIG_ERROR;
    }
    *o = 100.0 * part / whole;
    return WRRFIG_OK;
}

static const char *const IN_NAT[] = {IMM_T37296, NULL};
static const char *const IN_MOTIVE[] = {IMM_T_MOTIVE, NULL};
static const char *const IN_60032[] = {IMM_T60032, NULL};
static const char *const IN_MIG[] = {IMM_T_MIG_HERKOMST, NULL};
static const char *const IN_BD[] = {IMM_T_BIRTHS_DEATHS, NULL};

const wrrfig_measure imm_measures[] = {
    {"immigration.total", "year", "persons", "Immigration (CBS 37296ned Immigratie_73) in the calendar year.", IN_NAT, m_total},
    {"immigration.emigration", "year", "persons",
     "Emigration including administrative corrections (37296ned EmigratieInclusiefAdministratieveC_74) in the year.", IN_NAT,
     m_emigration},
    {"immigration.net", "year", "persons",
     "Net migration including administrative corrections (37296ned MigratiesaldoInclusiefAdministratie_75) in the year.",
     IN_NAT, m_net},
    {"immigration.population", "year", "persons", "Total population on 1 January of the year (37296ned TotaleBevolking_1).",
     IN_NAT, m_population},
    {"immigration.natural_increase", "year", "persons", "Live births minus deaths in the year (37296ned Geboorteoverschot_71).",
     IN_NAT, m_natural},
    {"immigration.series", "series, year", "persons",
     "Value of a named national series (immigration, emigration, net, population, births, deaths, natural_increase, growth, "
     "net_minus_natural) in the year.",
     IN_NAT, m_series},
    {"immigration.emigration_per_1000", "year, denominator ('jan' default, or 'mean')", "per 1000",
     "1000 x emigration / population on 1 January of the year; denominator='mean' divides by the mean of 1 January of the "
     "year and the next, as CBS and figure 2.8 do.",
     IN_NAT, m_emig_per_1000},
    {"immigration.min_over", "from, to, series (default 'immigration')", "persons",
     "Minimum of the series over from..to; NO-DATA if a year is absent.", IN_NAT, m_min},
    {"immigration.max_over", "from, to, series (default 'immigration')", "persons",
     "Maximum of the series over from..to; NO-DATA if a year is absent.", IN_NAT, m_max},
    {"immigration.sum_over", "from, to, series (default 'immigration')", "persons",
     "Sum of the series over from..to; NO-DATA if a year is absent.", IN_NAT, m_sum},
    {"immigration.argmax_year", "from, to, series (default 'immigration')", "year",
     "Year in from..to with the largest value (earliest on a tie).", IN_NAT, m_argmax},
    {"immigration.argmin_year", "from, to, series (default 'immigration')", "year",
     "Year in from..to with the smallest value (earliest on a tie).", IN_NAT, m_argmin},
    {"immigration.count_years", "from, to, series, cmp, threshold", "count",
     "Number of years in from..to whose value satisfies value cmp threshold.", IN_NAT, m_count_years},
    {"immigration.non_record_years", "from, to, series (default 'immigration')", "count",
     "Number of years in from..to whose value does not exceed the maximum of all earlier years of the table (the table's "
     "first year counts as a record).",
     IN_NAT, m_non_record},
    {"immigration.growth_pct", "from, to", "percent",
     "100 x (population 1 Jan to - population 1 Jan from) / population 1 Jan from.", IN_NAT, m_growth_pct},
    {"immigration.by_origin", "origin, from, to (or year)", "persons",
     "Immigration of origin group or country `origin` summed over from..to (table cbs/migratie_herkomst, "
     "Onderwerp=Immigratie).",
     IN_MIG, m_by_origin},
    {"immigration.net_by_origin", "origin, from, to", "persons",
     "Net migration of origin group `origin` summed over from..to (cbs/migratie_herkomst: Migratiesaldo, or Immigratie - "
     "Emigratie).",
     IN_MIG, m_net_by_origin},
    {"immigration.net_by_country", "country, from, to", "persons",
     "Net migration of persons with origin country `country` summed over from..to (cbs/migratie_herkomst).", IN_MIG,
     m_net_by_country},
    {"immigration.natural_increase_by_origin", "origin, from, to", "persons",
     "Live births minus deaths of origin group `origin` summed over from..to (cbs/geboorte_sterfte_herkomst).", IN_BD,
     m_natural_by_origin},
    {"immigration.jump_year", "countries (CBS 60032 codes joined by '+'), from, to", "year",
     "Year in from..to with the largest rise over the previous year of immigration from these countries of "
     "previous residence, summed (cbs/60032).",
     IN_60032, m_jump_year},
    {"immigration.prev_residence_sum", "countries (CBS 60032 codes joined by '+'), from, to", "persons",
     "Immigration from these countries of previous residence, summed over the countries and the years from..to "
     "(cbs/60032).",
     IN_60032, m_prev_residence_sum},
    {"immigration.motive_argmax_year", "motive (EuWork, NonEuAsylum, ...), from, to", "year",
     "Year in from..to with the most immigrants of that migration motive (cbs/immigrants_motive_1999_2024).",
     IN_MOTIVE, m_motive_argmax_year},
    {"immigration.motive_rise_start", "motive (EuWork, NonEuAsylum, ...), from, to", "year",
     "First year of the uninterrupted rise that ends at the peak of from..to, for that migration motive "
     "(cbs/immigrants_motive_1999_2024).",
     IN_MOTIVE, m_motive_rise_start},
    {"immigration.motive_count", "motive (EuWork, NonEuAsylum, NonEuTotal, ...; several joined by '+'), year", "persons",
     "Immigrants of that migration motive (the motives summed) in the year (cbs/immigrants_motive_1999_2024).", IN_MOTIVE,
     m_motive_count},
    {"immigration.motive_share", "motives ('+'-joined), of ('+'-joined), year", "percent",
     "100 x immigrants of `motives` / immigrants of `of` in the year (cbs/immigrants_motive_1999_2024).", IN_MOTIVE,
     m_motive_share},
    {"immigration.emigrant_share", "origin, year", "percent",
     "100 x emigration of origin group `origin` / emigration of Totaal in the year (cbs/migratie_herkomst).", IN_MIG,
     m_emigrant_share},
};
_Static_assert(sizeof imm_measures / sizeof imm_measures[0] == IMM_N_MEASURES, "IMM_N_MEASURES");
