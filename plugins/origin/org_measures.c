/* origin.* measures: population by origin group (37296ned, from 1996), by
 * country (1997-2017 table), per municipality (KWB 2017) and the CBS
 * projection. A missing cell is NO-DATA; an unknown code is an error. */
#include "org_measures.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "org_countries.h"
#include "org_data.h"
#include "common/params.h"

#define MAX_C 512

static wrrfig_status text(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, const char *name,
                          const char **out)
{
    *out = h->param_text(p, name);
    if (!*out) {
        h->log(c, WRRFIG_LOG_ERROR, "parameter %s is required", name);
        return WRRFIG_ERROR;
    }
    return WRRFIG_OK;
}

static wrrfig_status generation(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, int *g)
{
    wrrfig_status st = wfc_param_whole(h, c, p, "generation", false, 0, g);
    if (st == WRRFIG_OK && (*g < 0 || *g > 2)) {
        h->log(c, WRRFIG_LOG_ERROR, "generation %d: expected 0, 1 or 2", *g);
        return WRRFIG_ERROR;
    }
    return st;
}

static wrrfig_status m_population(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    const char *g;
    int y, gen;
    wrrfig_status st;
    if ((st = text(h, c, p, "group", &g)) != WRRFIG_OK || (st = wfc_param_whole(h, c, p, "year", true, 0, &y)) != WRRFIG_OK ||
        (st = generation(h, c, p, &gen)) != WRRFIG_OK)
        return st;
    const wrrfig_table *t = h->table(c, ORG_T37296);
    return t ? org_group(h, c, t, g, gen, y, o) : WRRFIG_NODATA;
}

/* The share with a migration background in the years before 37296ned's
 * series (1972-1995), from CBS's reconstruction (70787ned, as
 * cbs/migration_background_1972_2021). */
static wrrfig_status migbg_share(const wrrfig_host *h, wrrfig_ctx *c, int y, int gen, double *o)
{
    const wrrfig_table *t = h->table(c, ORG_T_MIGBG);
    if (!t)
        return WRRFIG_NODATA;
    char q[96];
    double part, all;
    snprintf(q, sizeof q, "Perioden=%dJJ00;Onderwerp=%s", y,
             gen == 1 ? "Generatie1" : gen == 2 ? "Generatie2" : "Migratieachtergrond");
    int k = org_find(h, c, t, q, &part);
    if (k < 0)
        return WRRFIG_ERROR;
    if (k != WRRFIG_VALUE)
        goto absent;
    snprintf(q, sizeof q, "Perioden=%dJJ00;Onderwerp=Bevolking", y);
    if ((k = org_find(h, c, t, q, &all)) < 0)
        return WRRFIG_ERROR;
    if (k != WRRFIG_VALUE || all <= 0)
        goto absent;
    *o = 100.0 * part / all;
    return WRRFIG_OK;
absent:
    h->log(c, WRRFIG_LOG_WARN, "%s has no population with a migration background for %d", ORG_T_MIGBG, y);
    return WRRFIG_NODATA;
}

static wrrfig_status m_share(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    const char *g, *of = h->param_text(p, "of");
    int y, gen;
    wrrfig_status st;
    if ((st = text(h, c, p, "group", &g)) != WRRFIG_OK || (st = wfc_param_whole(h, c, p, "year", true, 0, &y)) != WRRFIG_OK ||
        (st = generation(h, c, p, &gen)) != WRRFIG_OK)
        return st;
    if (y < 1996 && !strcmp(g, "Migratieachtergrond") && (!of || !strcmp(of, "Totaal")))
        return migbg_share(h, c, y, gen, o);
    const wrrfig_table *t = h->table(c, ORG_T37296);
    if (!t)
        return WRRFIG_NODATA;
    double a, b;
    if ((st = org_group(h, c, t, g, gen, y, &a)) != WRRFIG_OK || (st = org_group(h, c, t, of ? of : "Totaal", 0, y, &b)) != WRRFIG_OK)
        return st;
    *o = 100.0 * a / b;
    return WRRFIG_OK;
}

static const char *const GEN_TOPICS[][3] = {
    {"Turkije", "Turkije_49", "Turkije_60"}, {"Marokko", "Marokko_46", "Marokko_57"}, {"Suriname", "Suriname_48", "Suriname_59"}};

static wrrfig_status country_value(const wrrfig_host *h, wrrfig_ctx *c, const char *country, int year, int gen,
                                   double *o)
{
    const wrrfig_table *tn = h->table(c, ORG_T37296);
    if (gen) {
        for (size_t i = 0; i < sizeof GEN_TOPICS / sizeof GEN_TOPICS[0]; i++)
            if (tn && strcmp(GEN_TOPICS[i][0], country) == 0)
                return org_topic(h, c, tn, GEN_TOPICS[i][gen], year, o);
        h->log(c, WRRFIG_LOG_WARN, "no generation split for country '%s' in the data (only Turkije, Marokko, Suriname)",
               country);
        return WRRFIG_NODATA;
    }
    const wrrfig_table *tc = h->table(c, ORG_T_COUNTRY);
    if (!tc)
        return WRRFIG_NODATA;
    org_country *list = calloc(MAX_C, sizeof *list);
    size_t n;
    if (org_countries(h, c, tc, tn, year, org_default_extras, org_n_default_extras, list, MAX_C, &n) != 0) {
        free(list);
        return WRRFIG_ERROR;
    }
    wrrfig_status st = WRRFIG_NODATA;
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i].code, country) == 0) {
            *o = list[i].total;
            st = WRRFIG_OK;
        }
    if (st != WRRFIG_OK)
        h->log(c, WRRFIG_LOG_WARN, "no value for country '%s' on 1 January %d (country data: 1997-2017, a selection)",
               country, year);
    free(list);
    return st;
}

static wrrfig_status m_country_population(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    const char *country;
    int y, gen;
    wrrfig_status st;
    if ((st = text(h, c, p, "country", &country)) != WRRFIG_OK || (st = wfc_param_whole(h, c, p, "year", true, 0, &y)) != WRRFIG_OK ||
        (st = generation(h, c, p, &gen)) != WRRFIG_OK)
        return st;
    return country_value(h, c, country, y, gen, o);
}

static wrrfig_status m_country_rank(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    const char *country;
    int y;
    wrrfig_status st;
    if ((st = text(h, c, p, "country", &country)) != WRRFIG_OK || (st = wfc_param_whole(h, c, p, "year", true, 0, &y)) != WRRFIG_OK)
        return st;
    const wrrfig_table *tc = h->table(c, ORG_T_COUNTRY), *tn = h->table(c, ORG_T37296);
    if (!tc)
        return WRRFIG_NODATA;
    org_country *list = calloc(MAX_C, sizeof *list);
    size_t n;
    if (org_countries(h, c, tc, tn, y, org_default_extras, org_n_default_extras, list, MAX_C, &n) != 0) {
        free(list);
        return WRRFIG_ERROR;
    }
    st = WRRFIG_NODATA;
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i].code, country) == 0) {
            size_t above = 0;
            for (size_t j = 0; j < n; j++)
                above += list[j].total > list[i].total;
            *o = (double)(above + 1);
            st = WRRFIG_OK;
        }
    if (st != WRRFIG_OK)
        h->log(c, WRRFIG_LOG_WARN, "country '%s' has no value on 1 January %d", country, y);
    free(list);
    return st;
}

static wrrfig_status m_group_rank(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    static const char *const RANKED[] = {"Marokko", "Turkije", "Suriname", "Antillen", "MOE-EU", "GIPS"};
    const char *g;
    int y;
    wrrfig_status st;
    if ((st = text(h, c, p, "group", &g)) != WRRFIG_OK || (st = wfc_param_whole(h, c, p, "year", true, 0, &y)) != WRRFIG_OK)
        return st;
    int idx = -1;
    for (int i = 0; i < 6; i++)
        if (strcmp(RANKED[i], g) == 0)
            idx = i;
    if (idx < 0) {
        h->log(c, WRRFIG_LOG_ERROR, "group '%s': expected Marokko, Turkije, Suriname, Antillen, MOE-EU or GIPS", g);
        return WRRFIG_ERROR;
    }
    const wrrfig_table *t = h->table(c, ORG_T37296);
    if (!t)
        return WRRFIG_NODATA;
    double v[6];
    for (int i = 0; i < 6; i++)
        if ((st = org_group(h, c, t, RANKED[i], 0, y, &v[i])) != WRRFIG_OK)
            return st;
    int above = 0;
    for (int i = 0; i < 6; i++)
        above += v[i] > v[idx];
    *o = above + 1;
    return WRRFIG_OK;
}

static wrrfig_status m_n_countries(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    int y;
    wrrfig_status st = wfc_param_whole(h, c, p, "year", true, 0, &y);
    (void)o;
    if (st != WRRFIG_OK)
        return st;
    h->log(c, WRRFIG_LOG_WARN,
           "the country table in the data is a selection made by its source's author (not all CBS codes), so it cannot "
           "count origin countries; needs CBS 37325 or 84910NED with every herkomstland");
    return WRRFIG_NODATA;
}

/* KWB 2017 percentages per municipality (whole percentages as CBS rounds
 * them). Dutch background is 100 - western - non-western. */
static wrrfig_status kwb_share(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_table *t, const char *area,
                               const char *group, double *o)
{
    static const char *const MAP[][3] = {{"Westers", "P_WEST_AL", NULL},   {"NietWesters", "P_N_W_AL", NULL},
                                         {"Marokko", "P_MAROKKO", NULL},   {"Antillen", "P_ANT_ARU", NULL},
                                         {"Suriname", "P_SURINAM", NULL},  {"Turkije", "P_TURKIJE", NULL},
                                         {"OverigNietWesters", "P_OVER_NW", NULL},
                                         {"Migratieachtergrond", "P_WEST_AL", "P_N_W_AL"},
                                         {"Nederlands", "P_WEST_AL", "P_N_W_AL"}};
    for (size_t i = 0; i < sizeof MAP / sizeof MAP[0]; i++) {
        if (strcmp(MAP[i][0], group) != 0)
            continue;
        double a = 0, b = 0;
        char q[128];
        snprintf(q, sizeof q, "region=%s;variable=%s", area, MAP[i][1]);
        int k = org_find(h, c, t, q, &a);
        if (k != WRRFIG_VALUE)
            return k < 0 ? WRRFIG_ERROR : WRRFIG_NODATA;
        if (MAP[i][2]) {
            snprintf(q, sizeof q, "region=%s;variable=%s", area, MAP[i][2]);
            if ((k = org_find(h, c, t, q, &b)) != WRRFIG_VALUE)
                return k < 0 ? WRRFIG_ERROR : WRRFIG_NODATA;
        }
        *o = strcmp(group, "Nederlands") == 0 ? 100.0 - a - b : a + b;
        return WRRFIG_OK;
    }
    int known;
    org_column(group, 0, &known);
    if (!known) {
        h->log(c, WRRFIG_LOG_ERROR, "group '%s' is not an origin group code", group);
        return WRRFIG_ERROR;
    }
    h->log(c, WRRFIG_LOG_WARN, "group '%s' is not in %s", group, ORG_T_KWB);
    return WRRFIG_NODATA;
}

static wrrfig_status area_args(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, const char **area,
                               const char **group, const wrrfig_table **t)
{
    int y;
    wrrfig_status st;
    if ((st = text(h, c, p, "area", area)) != WRRFIG_OK || (st = text(h, c, p, "group", group)) != WRRFIG_OK ||
        (st = wfc_param_whole(h, c, p, "year", true, 0, &y)) != WRRFIG_OK)
        return st;
    if (y != 2017) {
        h->log(c, WRRFIG_LOG_WARN, "municipal origin shares are in the data for 1 January 2017 only (asked: %d)", y);
        return WRRFIG_NODATA;
    }
    *t = h->table(c, ORG_T_KWB);
    return *t ? WRRFIG_OK : WRRFIG_NODATA;
}

/* Amsterdam and Den Haag on 1 January 2019 from CBS 84910NED (all ages,
 * both sexes, all generations): share of a group in the municipality. The
 * total is Dutch background + migration background (the slice has no total
 * origin row). */
static wrrfig_status city_share_2019(const wrrfig_host *h, wrrfig_ctx *c, const char *area, const char *group,
                                     double *o)
{
    static const char *const MAP[][2] = {{"Nederlands", "1012600"},
                                         {"Migratieachtergrond", "2012605"},
                                         {"Westers", "2012655"},
                                         {"NietWesters", "2012657"}};
    const char *code = NULL;
    for (size_t i = 0; i < sizeof MAP / sizeof MAP[0]; i++)
        if (!strcmp(MAP[i][0], group))
            code = MAP[i][1];
    if (!code) {
        h->log(c, WRRFIG_LOG_WARN, "group '%s' is not in %s (Nederlands, Migratieachtergrond, Westers, NietWesters)",
               group, ORG_T_CITIES);
        return WRRFIG_NODATA;
    }
    const wrrfig_table *t = h->table(c, ORG_T_CITIES);
    if (!t)
        return WRRFIG_NODATA;
    double part, nl, mb;
    char q[160];
    const char *fix = "Geslacht=T001038;Leeftijd=10000;Generatie=T001040;Perioden=2019JJ00";
    int k;
    snprintf(q, sizeof q, "%s;RegioS=%s;Migratieachtergrond=%s", fix, area, code);
    if ((k = org_find(h, c, t, q, &part)) != WRRFIG_VALUE)
        goto absent;
    snprintf(q, sizeof q, "%s;RegioS=%s;Migratieachtergrond=1012600", fix, area);
    if ((k = org_find(h, c, t, q, &nl)) != WRRFIG_VALUE)
        goto absent;
    snprintf(q, sizeof q, "%s;RegioS=%s;Migratieachtergrond=2012605", fix, area);
    if ((k = org_find(h, c, t, q, &mb)) != WRRFIG_VALUE || nl + mb <= 0)
        goto absent;
    *o = 100.0 * part / (nl + mb);
    return WRRFIG_OK;
absent:
    if (k < 0)
        return WRRFIG_ERROR;
    h->log(c, WRRFIG_LOG_WARN, "%s has no 2019 population of %s for %s (Amsterdam GM0363 and Den Haag GM0518 only)",
           ORG_T_CITIES, group, area);
    return WRRFIG_NODATA;
}

static wrrfig_status m_area_share(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    const char *area, *group;
    const wrrfig_table *t;
    double y;
    if (h->param_number(p, "year", &y) && y == 2019) {
        wrrfig_status st = text(h, c, p, "area", &area);
        if (st == WRRFIG_OK)
            st = text(h, c, p, "group", &group);
        return st != WRRFIG_OK ? st : city_share_2019(h, c, area, group, o);
    }
    wrrfig_status st = area_args(h, c, p, &area, &group, &t);
    return st != WRRFIG_OK ? st : kwb_share(h, c, t, area, group, o);
}

static wrrfig_status m_area_rank(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    const char *area, *group;
    const wrrfig_table *t;
    double mine;
    wrrfig_status st = area_args(h, c, p, &area, &group, &t);
    if (st != WRRFIG_OK || (st = kwb_share(h, c, t, area, group, &mine)) != WRRFIG_OK)
        return st;
    int dr = h->table_dim_index(t, "region");
    size_t rows = h->table_rows(t);
    int above = 0;
    const char *prev = NULL;
    for (size_t r = 0; r < rows; r++) {
        const char *reg = h->table_key(t, r, (size_t)dr);
        if (prev && strcmp(prev, reg) == 0)
            continue; /* rows are sorted: one visit per municipality */
        prev = reg;
        double v;
        wrrfig_status sv = kwb_share(h, c, t, reg, group, &v);
        if (sv == WRRFIG_ERROR)
            return sv; /* a negative count (logged) */
        if (sv == WRRFIG_OK && v > mine)
            above++;
    }
    *o = above + 1;
    return WRRFIG_OK;
}

static wrrfig_status m_area_population(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    const char *area;
    int y;
    wrrfig_status st;
    if ((st = text(h, c, p, "area", &area)) != WRRFIG_OK || (st = wfc_param_whole(h, c, p, "year", true, 0, &y)) != WRRFIG_OK)
        return st;
    if (y != 2017) {
        h->log(c, WRRFIG_LOG_WARN, "municipal populations are in the data for 1 January 2017 only (asked: %d)", y);
        return WRRFIG_NODATA;
    }
    const wrrfig_table *t = h->table(c, ORG_T_KWB);
    if (!t)
        return WRRFIG_NODATA;
    char q[128];
    snprintf(q, sizeof q, "region=%s;variable=AANT_INW", area);
    int k = org_find(h, c, t, q, o);
    if (k < 0)
        return WRRFIG_ERROR;
    if (k != WRRFIG_VALUE) {
        h->log(c, WRRFIG_LOG_WARN, "%s has no inhabitants for %s", ORG_T_KWB, area);
        return WRRFIG_NODATA;
    }
    return WRRFIG_OK;
}

/* Wijken (all of the Netherlands, KWB 2017) with inhabitants in which at
 * least one of the listed groups makes up more than `min` percent: "in
 * vrijwel geen enkele wijk vormt een etnische groep de meerderheid". Only
 * groups the KWB gives as one variable per wijk can be listed; its Westers
 * and OverigNietWesters are aggregates of many origins, not one group. One
 * pass over the rows (sorted by region, so a wijk's rows are adjacent). */
static wrrfig_status m_wijk_count_above(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    static const char *const VAR[][2] = {{"Westers", "P_WEST_AL"},  {"NietWesters", "P_N_W_AL"},
                                         {"Marokko", "P_MAROKKO"},  {"Antillen", "P_ANT_ARU"},
                                         {"Suriname", "P_SURINAM"}, {"Turkije", "P_TURKIJE"},
                                         {"OverigNietWesters", "P_OVER_NW"}};
    const char *groups;
    int y;
    double min;
    wrrfig_status st;
    if ((st = text(h, c, p, "groups", &groups)) != WRRFIG_OK || (st = wfc_param_whole(h, c, p, "year", true, 0, &y)) != WRRFIG_OK)
        return st;
    if (!h->param_number(p, "min", &min)) {
        h->log(c, WRRFIG_LOG_ERROR, "parameter min (a percentage) is required");
        return WRRFIG_ERROR;
    }
    const char *vars[8];
    size_t nv = 0;
    for (const char *g = groups; nv < 8;) {
        const char *e = strchr(g, '+');
        size_t len = e ? (size_t)(e - g) : strlen(g);
        const char *var = NULL;
        for (size_t i = 0; i < sizeof VAR / sizeof VAR[0]; i++)
            if (strlen(VAR[i][0]) == len && !strncmp(VAR[i][0], g, len))
                var = VAR[i][1];
        if (!var) {
            h->log(c, WRRFIG_LOG_ERROR, "groups: '%.*s' is not one of the KWB wijk groups (Marokko, Turkije, Suriname, "
                   "Antillen, OverigNietWesters, Westers, NietWesters)", (int)len, g);
            return WRRFIG_ERROR;
        }
        vars[nv++] = var;
        if (!e)
            break;
        g = e + 1;
    }
    if (y != 2017) {
        h->log(c, WRRFIG_LOG_WARN, "wijk origin shares are in the data for 1 January 2017 only (asked: %d)", y);
        return WRRFIG_NODATA;
    }
    const wrrfig_table *t = h->table(c, ORG_T_KWB_WIJK);
    if (!t)
        return WRRFIG_NODATA;
    int dr = h->table_dim_index(t, "region"), dv = h->table_dim_index(t, "variable");
    if (dr < 0 || dv < 0) {
        h->log(c, WRRFIG_LOG_ERROR, "%s has no region or variable dimension", ORG_T_KWB_WIJK);
        return WRRFIG_ERROR;
    }
    size_t rows = h->table_rows(t);
    const char *cur = NULL;
    double inw = 0;
    bool above = false;
    int n = 0;
    for (size_t r = 0; r <= rows; r++) {
        const char *reg = r < rows ? h->table_key(t, r, (size_t)dr) : NULL;
        if (cur && (!reg || strcmp(cur, reg))) {
            n += inw > 0 && above;
            inw = 0;
            above = false;
        }
        if (!reg)
            break;
        cur = reg;
        double v;
        int k = org_value(h, c, t, r, &v);
        if (k < 0)
            return WRRFIG_ERROR;
        if (k != WRRFIG_VALUE)
            continue;
        const char *var = h->table_key(t, r, (size_t)dv);
        if (!strcmp(var, "AANT_INW"))
            inw = v;
        for (size_t i = 0; i < nv; i++)
            if (!strcmp(var, vars[i]) && v > min)
                above = true;
    }
    *o = n;
    return WRRFIG_OK;
}

static wrrfig_status m_share_projection(const wrrfig_host *h, wrrfig_ctx *c, const wrrfig_params *p, double *o)
{
    const char *g;
    int y;
    wrrfig_status st;
    if ((st = text(h, c, p, "group", &g)) != WRRFIG_OK || (st = wfc_param_whole(h, c, p, "year", true, 0, &y)) != WRRFIG_OK)
        return st;
    const wrrfig_table *t = h->table(c, ORG_T_PROJ);
    if (!t)
        return WRRFIG_NODATA;
    static const char *const STATUS[] = {"Waargenomen", "Prognose"};
    for (int s = 0; s < 2; s++) {
        double a, b;
        int ka = org_cell(h, c, t, "Herkomst", g, "Status", STATUS[s], y, &a);
        int kb = ka < 0 ? ka : org_cell(h, c, t, "Herkomst", "Totaal", "Status", STATUS[s], y, &b);
        if (ka < 0 || kb < 0)
            return WRRFIG_ERROR;
        if (ka == WRRFIG_VALUE && kb == WRRFIG_VALUE) {
            *o = 100.0 * a / b;
            return WRRFIG_OK;
        }
    }
    h->log(c, WRRFIG_LOG_WARN, "%s has no %s and Totaal for %d", ORG_T_PROJ, g, y);
    return WRRFIG_NODATA;
}

static const char *const IN_NAT[] = {ORG_T37296, NULL};
static const char *const IN_CTRY[] = {ORG_T_COUNTRY, ORG_T37296, NULL};
static const char *const IN_KWB[] = {ORG_T_KWB, NULL};
static const char *const IN_NAT_MIGBG[] = {ORG_T37296, ORG_T_MIGBG, NULL};
static const char *const IN_KWB_CITIES[] = {ORG_T_KWB, ORG_T_CITIES, NULL};
static const char *const IN_PROJ[] = {ORG_T_PROJ, NULL};
static const char *const IN_KWB_WIJK[] = {ORG_T_KWB_WIJK, NULL};

const wrrfig_measure org_measures[] = {
    {"origin.population", "group, year, generation (default 0)", "persons",
     "Persons of origin group `group` on 1 January of `year` (CBS 37296ned columns 26-61; generation 1 or 2 selects "
     "columns 40-61).",
     IN_NAT, m_population},
    {"origin.share", "group, year, of (default 'Totaal'), generation (default 0)", "percent",
     "100 x population(group, generation) / population(of, all generations), both 1 January of `year` (37296ned; "
     "the migration-background share of the total before 1996 from CBS 70787ned's reconstruction).",
     IN_NAT_MIGBG, m_share},
    {"origin.country_population", "country, year, generation (default 0)", "persons",
     "Persons with origin country `country` on 1 January (country table 1997-2017, Niveau=land; Morocco from 37296ned); "
     "generation 1/2 only for Turkije, Marokko, Suriname (37296ned).",
     IN_CTRY, m_country_population},
    {"origin.country_rank", "country, year", "rank",
     "Rank of `country` among the origin countries (Niveau=land of the 1997-2017 table, plus Morocco from 37296ned) by "
     "population, 1 = largest. Groups and continents (Niveau groep/werelddeel, e.g. '(voormalig) Joegoslavie' as the "
     "sum of its successor states) are excluded; former countries registered as such ('Joegoslavie (oud)') count. The "
     "table is a selection of its source's author.",
     IN_CTRY, m_country_rank},
    {"origin.group_rank", "group, year", "rank",
     "Rank of `group` among Marokko, Turkije, Suriname, Antillen, MOE-EU and GIPS by population (37296ned), 1 = largest.",
     IN_NAT, m_group_rank},
    {"origin.n_countries", "year", "count",
     "Number of origin countries with at least one person: NO-DATA here, the country table is a selection, not all CBS "
     "codes.",
     IN_CTRY, m_n_countries},
    {"origin.area_share", "area, group, year", "percent",
     "Share of `group` among the residents of municipality `area` on 1 January 2017 (KWB 2017 whole percentages; Dutch = "
     "100 - western - non-western; Migratieachtergrond = western + non-western).",
     IN_KWB_CITIES, m_area_share},
    {"origin.area_rank", "area, group, year", "rank",
     "Rank of municipality `area` among all municipalities by area_share of `group`, 1 = highest (ties share the "
     "better rank).",
     IN_KWB, m_area_rank},
    {"origin.area_population", "area, year", "persons",
     "Residents of municipality `area` on 1 January 2017 (KWB 2017 AANT_INW); other years and wijken are NO-DATA here.",
     IN_KWB, m_area_population},
    {"origin.share_projection", "group, year", "percent",
     "CBS population projection: 100 x group / Totaal in `year` (cbs/prognose_migratieachtergrond, observed or forecast).",
     IN_PROJ, m_share_projection},
    {"origin.wijk_count_above", "groups ('+'-joined codes: Marokko, Turkije, Suriname, Antillen, ...), year, min", "count",
     "Number of wijken with inhabitants on 1 January 2017 (KWB 2017, all 3,070 wijken) in which the share of at least "
     "one of `groups` exceeds `min` percent (whole percentages as CBS rounds them).",
     IN_KWB_WIJK, m_wijk_count_above},
};
_Static_assert(sizeof org_measures / sizeof org_measures[0] == ORG_N_MEASURES, "ORG_N_MEASURES");
