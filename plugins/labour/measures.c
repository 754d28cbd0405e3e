/* Measures for the claims of chapters 3 and 7 (docs/measures.md, labour.*).
 * Each reads one cell; an absent cell is NO-DATA (logged with the cell),
 * never a substitute. */
#include <math.h>
#include <stdio.h>
#include <stdbool.h>
#include <string.h>

#include "labour.h"
#include "common/params.h"

#define MAX_KEYS 6

static const char *const ORIGINS[] = {"Totaal",   "Nederlands", "Migratieachtergrond", "Westers",
                                      "NietWesters", "Marokko", "Turkije", "Suriname",
                                      "Antillen", "OverigNietWesters", "MOE-EU", "GIPS",
                                      "OverigWesters", "EuropeesAngelsaksisch",
                                      "NietEuropeesAngelsaksisch", "Polen", NULL};

static int one_of(const char *v, const char *const *allowed)
{
    for (size_t i = 0; v && allowed[i]; i++)
        if (strcmp(v, allowed[i]) == 0)
            return 1;
    return 0;
}

/* A text parameter that must be one of allowed (a typo in a claim is an
 * error, not NO-DATA). def is used when the parameter is absent (NULL:
 * required). */
static const char *text_param(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, const char *name,
                              const char *def, const char *const *allowed)
{
    const char *v = h->param_text(p, name);
    if (!v)
        v = def;
    if (!v) {
        h->log(ctx, WRRFIG_LOG_ERROR, "parameter '%s' is required", name);
        return NULL;
    }
    if (allowed && !one_of(v, allowed)) {
        char list[512] = "";
        size_t len = 0;
        for (size_t i = 0; allowed[i]; i++) {
            int n = snprintf(list + len, sizeof list - len, "%s'%s'", i ? ", " : "", allowed[i]);
            if (n < 0 || (size_t)n >= sizeof list - len)
                break;
            len += (size_t)n;
        }
        h->log(ctx, WRRFIG_LOG_ERROR, "parameter %s='%s' is not one of %s", name, v, list);
        return NULL;
    }
    return v;
}

/* What a cell holds: every labour number is a percentage share (0..100)
 * except 82809NED's population and employed, which count persons. A value
 * outside its range is broken input (common/counts.h). */
typedef enum cell_unit { CELL_SHARE, CELL_COUNT } cell_unit;

/* Reads the cell dims[k]=codes[k] of table tn. All matching rows must agree
 * (a value printed by two sources is cross-checked, not just the first
 * taken). */
static wrrfig_status cell_of(const wrrfig_host *h, wrrfig_ctx *ctx, const char *tn, size_t n,
                             const char *const *dim_names, const char *const *codes, const char *needs,
                             cell_unit unit, double *out)
{
    const wrrfig_table *t = h->table(ctx, tn);
    if (!t) {
        h->log(ctx, WRRFIG_LOG_WARN, "table %s is absent; it needs %s", tn, needs);
        return WRRFIG_NODATA;
    }
    int dims[MAX_KEYS];
    for (size_t k = 0; k < n; k++) {
        dims[k] = lab_dim(h, ctx, t, tn, dim_names[k]);
        if (dims[k] < 0)
            return WRRFIG_ERROR;
    }
    size_t rows = h->table_rows(t), matches = 0;
    double first = NAN;
    wrrfig_value_kind kind = WRRFIG_NO_CELL;
    for (size_t r = 0; r < rows; r++) {
        size_t k = 0;
        while (k < n && strcmp(h->table_key(t, r, (size_t)dims[k]), codes[k]) == 0)
            k++;
        if (k < n)
            continue;
        double v = NAN;
        int vk = unit == CELL_COUNT ? wfc_count_value(h, ctx, t, r, "persons", &v)
                                    : wfc_share_value(h, ctx, t, r, "a share of persons", &v);
        if (vk < 0)
            return WRRFIG_ERROR;
        if (vk == WRRFIG_NIL) {
            vk = WRRFIG_VALUE;
            v = 0; /* '-' is a true zero by definition */
        }
        if (vk != WRRFIG_VALUE) {
            if (kind == WRRFIG_NO_CELL)
                kind = (wrrfig_value_kind)vk;
            continue;
        }
        if (matches++ == 0) {
            first = v;
            kind = WRRFIG_VALUE;
        } else if (fabs(v - first) > 1e-9) {
            h->log(ctx, WRRFIG_LOG_ERROR, "%s: two rows for the same cell disagree (%g and %g, row %zu)", tn, first,
                   v, r + 1);
            return WRRFIG_ERROR;
        }
    }
    if (kind != WRRFIG_VALUE) {
        char what[256] = "";
        size_t len = 0;
        for (size_t k = 0; k < n; k++) {
            int w = snprintf(what + len, sizeof what - len, "%s%s=%s", k ? ";" : "", dim_names[k], codes[k]);
            if (w < 0 || (size_t)w >= sizeof what - len)
                break;
            len += (size_t)w;
        }
        h->log(ctx, WRRFIG_LOG_WARN, "%s has no value for %s (%s); it needs %s", tn, what,
               kind == WRRFIG_NO_CELL ? "no such row" : "CBS marks it as absent", needs);
        return WRRFIG_NODATA;
    }
    *out = first;
    return WRRFIG_OK;
}

/* A percentage share (what almost every measure here reads). */
static wrrfig_status cell(const wrrfig_host *h, wrrfig_ctx *ctx, const char *tn, size_t n,
                          const char *const *dim_names, const char *const *codes, const char *needs, double *out)
{
    return cell_of(h, ctx, tn, n, dim_names, codes, needs, CELL_SHARE, out);
}

/* The parameters year (required) and quarter (0 = annual, default) as a
 * CBS period code, 2019JJ00 or 2019KW04, into buf; *quarter receives the
 * quarter. WRRFIG_ERROR (logged) when either is missing or out of range. */
static wrrfig_status period_param(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, char *buf,
                                  size_t size, int *quarter)
{
    int year;
    if (wfc_param_whole(h, ctx, p, "year", true, 0, &year) != WRRFIG_OK ||
        wfc_param_whole(h, ctx, p, "quarter", false, 0, quarter) != WRRFIG_OK)
        return WRRFIG_ERROR;
    if (*quarter < 0 || *quarter > 4) {
        h->log(ctx, WRRFIG_LOG_ERROR, "parameter quarter=%d must be 0 (annual) or 1..4", *quarter);
        return WRRFIG_ERROR;
    }
    if (*quarter == 0)
        snprintf(buf, size, "%dJJ00", year);
    else
        snprintf(buf, size, "%dKW%02d", year, *quarter);
    return WRRFIG_OK;
}

static const char *const PART_DIMS[] = {"geslacht", "leeftijd", "herkomst", "periode", "onderwerp"};
#define NEEDS_82809 "CBS 82809NED (Arbeidsdeelname; migratieachtergrond), all years, quarters, sexes and ages"

wrrfig_status lab_m_net_participation(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    static const char *const sexes[] = {"Totaal", "Mannen", "Vrouwen", NULL};
    const char *origin = text_param(h, ctx, p, "origin", NULL, ORIGINS);
    const char *sex = text_param(h, ctx, p, "sex", "Totaal", sexes);
    int quarter;
    char period[16];
    if (!origin || !sex || period_param(h, ctx, p, period, sizeof period, &quarter) != WRRFIG_OK)
        return WRRFIG_ERROR;
    const char *codes[5] = {sex, LAB_AGE_ALL, origin, period, LAB_TOPIC_NETPART};
    wrrfig_status st = cell(h, ctx, LAB_T_PART, 5, PART_DIMS, codes, NEEDS_82809, out);
    if (st != WRRFIG_NODATA)
        return st;
    /* Without a published rate, the definition itself: employed / population. */
    double employed, population;
    codes[4] = LAB_TOPIC_EMPLOYED;
    wrrfig_status se = cell_of(h, ctx, LAB_T_PART, 5, PART_DIMS, codes, NEEDS_82809, CELL_COUNT, &employed);
    codes[4] = LAB_TOPIC_POP;
    wrrfig_status sp = se == WRRFIG_ERROR
                           ? WRRFIG_ERROR
                           : cell_of(h, ctx, LAB_T_PART, 5, PART_DIMS, codes, NEEDS_82809, CELL_COUNT, &population);
    if (se == WRRFIG_ERROR || sp == WRRFIG_ERROR)
        return WRRFIG_ERROR;
    bool counts = se == WRRFIG_OK && sp == WRRFIG_OK && population > 0;
    if (!counts) {
        /* Annual, both sexes: CBS news 2020/46's series 2003-2019. */
        if (quarter == 0 && !strcmp(sex, "Totaal") && h->table(ctx, LAB_T_PART_YEARS)) {
            static const char *const YEAR_DIMS[] = {"periode", "herkomst"};
            const char *yc[2] = {period, origin};
            return cell(h, ctx, LAB_T_PART_YEARS, 2, YEAR_DIMS, yc,
                        "CBS news 2020/46: net participation by origin 2003-2019", out);
        }
        return WRRFIG_NODATA;
    }
    *out = 100.0 * employed / population;
    h->log(ctx, WRRFIG_LOG_INFO, "net participation computed as employed / population = %g", *out);
    return WRRFIG_OK;
}

wrrfig_status lab_m_unemployment(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    static const char *const sexes[] = {"Totaal", "Mannen", "Vrouwen", NULL};
    static const char *const ages[] = {"15-75", "15-25", "25-45", "45-75", NULL};
    const char *origin = text_param(h, ctx, p, "origin", NULL, ORIGINS);
    const char *sex = text_param(h, ctx, p, "sex", "Totaal", sexes);
    const char *age = text_param(h, ctx, p, "age", "15-75", ages);
    int quarter;
    char period[16];
    if (!origin || !sex || !age || period_param(h, ctx, p, period, sizeof period, &quarter) != WRRFIG_OK)
        return WRRFIG_ERROR;
    const char *codes[5] = {sex, age, origin, period, LAB_TOPIC_UNEMP};
    return cell(h, ctx, LAB_T_PART, 5, PART_DIMS, codes, NEEDS_82809, out);
}

static const char *const ASYLUM_COUNTRIES[] = {"Totaal", "Syrië", "Irak", "Afghanistan", "Eritrea", "Iran",
                                               "Overig", NULL};

static wrrfig_status asylum_cell(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, const char *tn,
                                 const char *needs, const char *default_country, double *out)
{
    const char *country = text_param(h, ctx, p, "country", default_country, ASYLUM_COUNTRIES);
    int months;
    if (!country || wfc_param_whole(h, ctx, p, "months", true, 0, &months) != WRRFIG_OK)
        return WRRFIG_ERROR;
    char m[16];
    snprintf(m, sizeof m, "%d", months);
    static const char *const dims[] = {"vergunningsjaar", "herkomst", "maanden"};
    const char *codes[3] = {"2014", country, m};
    return cell(h, ctx, tn, 3, dims, codes, needs, out);
}

wrrfig_status lab_m_asylum2014_working(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    return asylum_cell(h, ctx, p, LAB_T_ASYLUM,
                       "CBS cohort study of asylum permit holders 2014 (share working, employee or self-employed), "
                       "months beyond 30: CBS follow-up / Boot et al. 2020",
                       NULL, out);
}

wrrfig_status lab_m_asylum2014_job8h(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    return asylum_cell(h, ctx, p, LAB_T_ASYLUM_8H,
                       "Boot et al. 2020 (SCP/CBS): share with a job of at least 8 hours a week, 2014 permit "
                       "cohort, by country and months since the permit",
                       NULL, out);
}

wrrfig_status lab_m_asylum2014_bijstand(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p,
                                        double *out)
{
    return asylum_cell(h, ctx, p, LAB_T_ASYLUM_BIJSTAND,
                       "CBS cohort study of asylum permit holders 2014: share on social assistance (bijstand) by "
                       "months since the permit",
                       "Totaal", out);
}

wrrfig_status lab_m_cohort9599_employed(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p,
                                        double *out)
{
    static const char *const motives[] = {"Asiel", "Arbeid", "Gezin", NULL};
    const char *motive = text_param(h, ctx, p, "motive", NULL, motives);
    const char *country = text_param(h, ctx, p, "country", "Totaal", NULL);
    int years;
    if (!motive || !country || wfc_param_whole(h, ctx, p, "years", true, 0, &years) != WRRFIG_OK)
        return WRRFIG_ERROR;
    char y[16];
    snprintf(y, sizeof y, "%d", years);
    static const char *const needs =
        "the CBS custom (SSB) figures behind WRR policy brief 'Geen tijd verliezen' (2015): share employed > 8 h "
        "a week of the 1995-1999 inflow cohort by motive (and country) and years of residence";
    if (strcmp(country, "Totaal") == 0) {
        static const char *const dims[] = {"motief", "verblijfsjaren"};
        const char *codes[2] = {motive, y};
        return cell(h, ctx, LAB_T_MOTIVE9599, 2, dims, codes, needs, out);
    }
    if (strcmp(motive, "Asiel") != 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "country='%s' exists only for motive='Asiel' (fig. 3.10)", country);
        return WRRFIG_ERROR;
    }
    static const char *const dims[] = {"herkomstland", "verblijfsjaren"};
    const char *codes[2] = {country, y};
    return cell(h, ctx, LAB_T_ASYL9599, 2, dims, codes, needs, out);
}

wrrfig_status lab_m_polish_participation(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p,
                                         double *out)
{
    static const char *const groups[] = {"Polen", "Nederlands", NULL};
    const char *group = text_param(h, ctx, p, "group", NULL, groups);
    int year;
    if (!group || wfc_param_whole(h, ctx, p, "year", true, 0, &year) != WRRFIG_OK)
        return WRRFIG_ERROR;
    char y[16];
    snprintf(y, sizeof y, "%d", year);
    static const char *const dims[] = {"groep", "jaar"};
    const char *codes[2] = {group, y};
    return cell(h, ctx, LAB_T_POLISH, 2, dims, codes,
                "Gijsberts et al. 2018 (SCP) / CBS custom figures: net participation of Poles registered from "
                "2004 and of the Dutch background, 2006-2016",
                out);
}

wrrfig_status lab_m_discrimination(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    static const char *const origins[] = {"Marokko", "Turkije", "Suriname", "Antillen", "OverigNietEuropees",
                                          "MOE", "OverigEuropees", "Nederland", NULL};
    static const char *const domains[] = {"werk", "voorwaarden", NULL};
    static const char *const doubts[] = {"zonder", "inclusief", NULL};
    const char *origin = text_param(h, ctx, p, "origin", NULL, origins);
    const char *domain = text_param(h, ctx, p, "domain", NULL, domains);
    const char *doubt = text_param(h, ctx, p, "doubt", NULL, doubts);
    if (!origin || !domain || !doubt)
        return WRRFIG_ERROR;
    static const char *const dims[] = {"herkomst", "terrein", "twijfel"};
    const char *codes[3] = {origin, domain, doubt};
    return cell(h, ctx, LAB_T_TAB71, 3, dims, codes, "the transcription of Tabel 7.1 (data/report/tab-7-1)", out);
}
