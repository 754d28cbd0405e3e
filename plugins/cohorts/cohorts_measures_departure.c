/* Departure and length of stay of immigration cohorts (figures 2.12, 2.13)
 * and the cohorts.* departure measures of docs/measures.md.
 *
 * The layout of CBS 84140NED is written down once here, for figures and
 * measures alike. It follows the table's description page (no data rows of
 * it are in the shared data): dimensions JaarVanImmigratie, Verblijfsduur,
 * Migratiereden, and Geslacht, Leeftijd, Migratieachtergrond,
 * SociaaleconomischeCategorie pinned to their totals; the value is the number
 * of immigrants of the year still living in the Netherlands after the
 * duration (duration 0: all immigrants of the year). Categories are found by
 * code or by label, so an import that keeps CBS's codes and labels works
 * unchanged; check DEP_* below after the first real import. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cohorts.h"
#include "common/counts.h"
#include "common/params.h"
#include "common/period.h"

static const char *const DEP_DIM_YEAR = "JaarVanImmigratie";
static const char *const DEP_DIM_STAY = "Verblijfsduur";
static const char *const DEP_DIM_MOTIVE = "Migratiereden";
static const char *const DEP_FIXED[][2] = {
    {"Geslacht", "Totaal mannen en vrouwen"},
    {"Leeftijd", "Totaal"},
    {"Migratieachtergrond", "Totaal"},
    {"SociaaleconomischeCategorie", "Totaal"},
};
#define N_FIXED (sizeof DEP_FIXED / sizeof DEP_FIXED[0])

const char *cohorts_dep_resolve(const wrrfig_host *h, const wrrfig_table *t, int dim, const char *key)
{
    if (!t || dim < 0 || !key)
        return NULL;
    const char *dname = h->table_dim_name(t, (size_t)dim);
    const char *by_label = NULL;
    char mkey[256];
    for (size_t r = 0, n = h->table_rows(t); r < n; r++) {
        const char *code = h->table_key(t, r, (size_t)dim);
        if (strcmp(code, key) == 0)
            return code; /* a code match wins over a label match */
        if (!by_label && snprintf(mkey, sizeof mkey, "label:%s:%s", dname, code) < (int)sizeof mkey) {
            const char *label = h->table_meta(t, mkey);
            if (label && strcmp(label, key) == 0)
                by_label = code;
        }
    }
    return by_label;
}

wrrfig_status cohorts_dep_open(const wrrfig_host *h, wrrfig_ctx *ctx, cohorts_dep *d)
{
    memset(d, 0, sizeof *d);
    d->t = h->table(ctx, COHORTS_T_84140);
    if (!d->t)
        return WRRFIG_NODATA;
    d->d_year = h->table_dim_index(d->t, DEP_DIM_YEAR);
    d->d_stay = h->table_dim_index(d->t, DEP_DIM_STAY);
    d->d_motive = h->table_dim_index(d->t, DEP_DIM_MOTIVE);
    if (d->d_year < 0 || d->d_stay < 0 || d->d_motive < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: expected dimensions %s, %s and %s (layout in cohorts_measures_departure.c)",
               COHORTS_T_84140, DEP_DIM_YEAR, DEP_DIM_STAY, DEP_DIM_MOTIVE);
        return WRRFIG_ERROR;
    }
    /* Dimensions a figure does not vary are pinned to their totals, so no
     * arbitrary first match is taken. A dimension the import left out is
     * simply not pinned. */
    for (size_t i = 0; i < N_FIXED; i++) {
        int dim = h->table_dim_index(d->t, DEP_FIXED[i][0]);
        if (dim < 0)
            continue;
        const char *code = cohorts_dep_resolve(h, d->t, dim, DEP_FIXED[i][1]);
        if (!code) {
            h->log(ctx, WRRFIG_LOG_ERROR, "%s: no category '%s' in %s", COHORTS_T_84140, DEP_FIXED[i][1],
                   DEP_FIXED[i][0]);
            return WRRFIG_ERROR;
        }
        d->fixed_dim[d->n_fixed] = dim;
        d->fixed_code[d->n_fixed] = code;
        d->n_fixed++;
    }
    return WRRFIG_OK;
}

/* Persons of immigration year `year` with motive code `motive` still present
 * after the duration whose code is `stay`: the kind, or -1 for a negative
 * count (logged with the table's file, row and column). */
static int dep_count(const wrrfig_host *h, wrrfig_ctx *ctx, const cohorts_dep *d, const char *motive, int year,
                     const char *stay, double *out)
{
    for (size_t r = 0, n = h->table_rows(d->t); r < n; r++) {
        if (wfc_period_year_or(h->table_key(d->t, r, (size_t)d->d_year), -1) != year ||
            strcmp(h->table_key(d->t, r, (size_t)d->d_motive), motive) != 0 ||
            strcmp(h->table_key(d->t, r, (size_t)d->d_stay), stay) != 0)
            continue;
        size_t k = 0;
        while (k < d->n_fixed && strcmp(h->table_key(d->t, r, (size_t)d->fixed_dim[k]), d->fixed_code[k]) == 0)
            k++;
        if (k < d->n_fixed)
            continue;
        return wfc_count_value(h, ctx, d->t, r, COHORTS_COUNTS, out);
    }
    return WRRFIG_NO_CELL;
}

wrrfig_status cohorts_dep_cohort(const wrrfig_host *h, wrrfig_ctx *ctx, const cohorts_dep *d,
                                 const char *motive_key, int from, int to, const int *durations, size_t n_dur,
                                 int quiet, double *present)
{
    const char *motive = cohorts_dep_resolve(h, d->t, d->d_motive, motive_key);
    if (!motive) {
        h->log(ctx, WRRFIG_LOG_WARN, "%s: no migration reason '%s'", COHORTS_T_84140, motive_key);
        return WRRFIG_NODATA;
    }
    for (size_t i = 0; i < n_dur; i++) {
        char key[16];
        snprintf(key, sizeof key, "%d", durations[i]);
        const char *stay = cohorts_dep_resolve(h, d->t, d->d_stay, key);
        if (!stay) {
            h->log(ctx, WRRFIG_LOG_WARN, "%s: no duration of stay '%s'", COHORTS_T_84140, key);
            return WRRFIG_NODATA;
        }
        present[i] = 0;
        for (int y = from; y <= to; y++) {
            double v;
            int k = dep_count(h, ctx, d, motive, y, stay, &v);
            if (k < 0)
                return WRRFIG_ERROR;
            if (k == WRRFIG_NIL)
                v = 0, k = WRRFIG_VALUE;
            if (k != WRRFIG_VALUE) {
                /* A cohort with a missing year would be a different cohort. */
                h->log(ctx, quiet ? WRRFIG_LOG_DEBUG : WRRFIG_LOG_WARN, "%s: no count for %s, year %d, duration %s", COHORTS_T_84140,
                       motive_key, y, key);
                return WRRFIG_NODATA;
            }
            present[i] += v;
        }
    }
    return WRRFIG_OK;
}

int cohorts_stay_shares(const double *present3, double *lt2, double *from2to5, double *gt5)
{
    double n0 = present3[0], n2 = present3[1], n5 = present3[2];
    if (!(n0 > 0) || n2 > n0 || n5 > n2 || n5 < 0)
        return -1; /* people cannot reappear in a cohort, nor a cohort be empty */
    *lt2 = 100.0 * (n0 - n2) / n0;
    *from2to5 = 100.0 * (n2 - n5) / n0;
    *gt5 = 100.0 * n5 / n0;
    return 0;
}

/* ---- measures ------------------------------------------------------- */

static int cohort_years(const char *cohort, int *from, int *to)
{
    if (cohort && strcmp(cohort, "1999-2005") == 0)
        return *from = 1999, *to = 2005, 1;
    if (cohort && strcmp(cohort, "2006-2010") == 0)
        return *from = 2006, *to = 2010, 1;
    return 0;
}

static int one_of(const char *v, const char *const *allowed)
{
    for (size_t i = 0; v && allowed[i]; i++)
        if (strcmp(v, allowed[i]) == 0)
            return 1;
    return 0;
}

/* The one row of a small project table whose named dimensions hold codes. */
static wrrfig_status small_cell(const wrrfig_host *h, wrrfig_ctx *ctx, const char *tn, size_t n,
                                const char *const *dims, const char *const *codes, const char *needs, double *out)
{
    const wrrfig_table *t = h->table(ctx, tn);
    if (!t) {
        h->log(ctx, WRRFIG_LOG_WARN, "table %s is absent; it needs %s", tn, needs);
        return WRRFIG_NODATA;
    }
    int di[4];
    for (size_t k = 0; k < n; k++)
        if ((di[k] = h->table_dim_index(t, dims[k])) < 0) {
            h->log(ctx, WRRFIG_LOG_ERROR, "table %s: no dimension column '%s'", tn, dims[k]);
            return WRRFIG_ERROR;
        }
    for (size_t r = 0, rows = h->table_rows(t); r < rows; r++) {
        size_t k = 0;
        while (k < n && strcmp(h->table_key(t, r, (size_t)di[k]), codes[k]) == 0)
            k++;
        if (k < n)
            continue;
        int kind = wfc_count_value(h, ctx, t, r, COHORTS_COUNTS, out);
        if (kind < 0)
            return WRRFIG_ERROR;
        if (kind == WRRFIG_NIL)
            return *out = 0, WRRFIG_OK;
        if (kind == WRRFIG_VALUE)
            return WRRFIG_OK;
        break;
    }
    char what[160] = "";
    size_t len = 0;
    for (size_t k = 0; k < n; k++) {
        int w = snprintf(what + len, sizeof what - len, "%s%s=%s", k ? ";" : "", dims[k], codes[k]);
        if (w < 0 || (size_t)w >= sizeof what - len)
            break;
        len += (size_t)w;
    }
    h->log(ctx, WRRFIG_LOG_WARN, "%s has no value for %s; it needs %s", tn, what, needs);
    return WRRFIG_NODATA;
}

#define NEEDS_84140 "CBS 84140NED (Immigranten; migratiereden, sociaaleconomische categorie), cohorts from 1999"

wrrfig_status cohorts_m_stay_by_motive(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p,
                                       double *out)
{
    static const char *const motives[] = {"Totaal", "Arbeid", "Asiel", "Gezin", "Studie", NULL};
    static const char *const stays[] = {"<2", "2-5", ">5", "<5", NULL};
    const char *motive = h->param_text(p, "motive"), *cohort = h->param_text(p, "cohort");
    const char *stay = h->param_text(p, "stay");
    int from, to;
    if (!one_of(motive, motives) || !one_of(stay, stays) || !cohort_years(cohort, &from, &to)) {
        h->log(ctx, WRRFIG_LOG_ERROR,
               "parameters: motive one of Totaal, Arbeid, Asiel, Gezin, Studie; cohort '1999-2005' or "
               "'2006-2010'; stay '<2', '2-5', '>5' or '<5'");
        return WRRFIG_ERROR;
    }
    cohorts_dep d;
    wrrfig_status st = cohorts_dep_open(h, ctx, &d);
    if (st == WRRFIG_OK) {
        static const int durations[3] = {0, 2, 5};
        double present[3], s[3];
        st = cohorts_dep_cohort(h, ctx, &d, motive, from, to, durations, 3, 0, present);
        if (st != WRRFIG_OK)
            return st;
        if (cohorts_stay_shares(present, &s[0], &s[1], &s[2]) != 0) {
            h->log(ctx, WRRFIG_LOG_ERROR, "%s: counts for %s %s do not fall with the duration of stay",
                   COHORTS_T_84140, motive, cohort);
            return WRRFIG_ERROR;
        }
        *out = strcmp(stay, "<2") == 0    ? s[0]
               : strcmp(stay, "2-5") == 0 ? s[1]
               : strcmp(stay, ">5") == 0  ? s[2]
                                          : s[0] + s[1];
        return WRRFIG_OK;
    }
    if (st == WRRFIG_ERROR)
        return st;
    /* Without 84140NED only the two totals on the WRR page are known. */
    if (strcmp(motive, "Totaal") == 0 && strcmp(stay, "<5") == 0) {
        static const char *const dims[] = {"cohort", "motief", "verblijf"};
        const char *codes[] = {cohort, "Totaal", "<5"};
        return small_cell(h, ctx, COHORTS_T_SCHMEETS, 3, dims, codes, NEEDS_84140, out);
    }
    h->log(ctx, WRRFIG_LOG_WARN, "%s is absent; it needs %s", COHORTS_T_84140, NEEDS_84140);
    return WRRFIG_NODATA;
}

wrrfig_status cohorts_m_immigrants_by_motive(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p,
                                             double *out)
{
    const char *motive = h->param_text(p, "motive");
    const char *nat = h->param_text(p, "nationality");
    if (!nat)
        nat = "non-dutch";
    int from, to;
    if (!motive || wfc_param_whole(h, ctx, p, "from", true, 0, &from) != WRRFIG_OK ||
        wfc_param_whole(h, ctx, p, "to", true, 0, &to) != WRRFIG_OK)
        return WRRFIG_ERROR;
    if (strcmp(nat, "eu-efta") == 0) {
        static const char *const eu_motives[] = {"Arbeid", "Gezin", "Studie", "Overig", NULL};
        if (!one_of(motive, eu_motives)) {
            h->log(ctx, WRRFIG_LOG_ERROR, "motive='%s': EU/EFTA aims are Arbeid, Gezin, Studie, Overig", motive);
            return WRRFIG_ERROR;
        }
        double sum = 0;
        for (int y = from; y <= to; y++) {
            char year[16];
            snprintf(year, sizeof year, "%d", y);
            static const char *const dims[] = {"immigratiejaar", "motief"};
            const char *codes[] = {year, motive};
            double v;
            wrrfig_status st = small_cell(h, ctx, COHORTS_T_EU_MOTIVE, 2, dims, codes,
                                          "CBS news 2020/30 (EU/EFTA immigrants by derived aim)", &v);
            if (st != WRRFIG_OK)
                return st;
            sum += v;
        }
        *out = 1000.0 * sum; /* the table is in thousands */
        return WRRFIG_OK;
    }
    if (strcmp(nat, "non-dutch") != 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "nationality='%s': expected 'non-dutch' or 'eu-efta'", nat);
        return WRRFIG_ERROR;
    }
    static const char *const motives[] = {"Totaal", "Arbeid", "Asiel", "Gezin", "Studie", NULL};
    if (!one_of(motive, motives)) {
        h->log(ctx, WRRFIG_LOG_ERROR, "motive='%s': expected Totaal, Arbeid, Asiel, Gezin or Studie", motive);
        return WRRFIG_ERROR;
    }
    cohorts_dep d;
    wrrfig_status st = cohorts_dep_open(h, ctx, &d);
    if (st != WRRFIG_OK) {
        if (st == WRRFIG_NODATA)
            h->log(ctx, WRRFIG_LOG_WARN, "%s is absent; it needs %s", COHORTS_T_84140, NEEDS_84140);
        return st;
    }
    static const int arrival[1] = {0};
    return cohorts_dep_cohort(h, ctx, &d, motive, from, to, arrival, 1, 0, out);
}

wrrfig_status cohorts_m_left_within(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    const char *pop = h->param_text(p, "population");
    int year, years;
    if (!pop || wfc_param_whole(h, ctx, p, "year", true, 0, &year) != WRRFIG_OK ||
        wfc_param_whole(h, ctx, p, "years", true, 0, &years) != WRRFIG_OK)
        return WRRFIG_ERROR;
    if (years != 2 && years != 5 && years != 10) {
        h->log(ctx, WRRFIG_LOG_ERROR, "years=%d: expected 2, 5 or 10", years);
        return WRRFIG_ERROR;
    }
    char y[16], w[16];
    snprintf(y, sizeof y, "%d", year);
    snprintf(w, sizeof w, "%d", years);
    if (strcmp(pop, "eu-efta") == 0 || strcmp(pop, "non-eu-efta") == 0) {
        static const char *const dims[] = {"immigratiejaar", "nationaliteit", "binnen_jaren"};
        const char *codes[] = {y, pop, w};
        return small_cell(h, ctx, COHORTS_T_DEPARTURE, 3, dims, codes,
                          "CBS news 2025/28 (departure by nationality and immigration year)", out);
    }
    if (strcmp(pop, "non-dutch") == 0) {
        /* The page gives EU/EFTA and non-EU/EFTA only; their sizes are not
         * there, so no total can be formed from them. */
        h->log(ctx, WRRFIG_LOG_WARN,
               "population 'non-dutch' needs the total over EU/EFTA and non-EU/EFTA, which CBS news 2025/28's "
               "saved table lacks; it needs CBS 84140NED by nationality");
        return WRRFIG_NODATA;
    }
    if (strcmp(pop, "foreign-born") != 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "population='%s': expected foreign-born, non-dutch, eu-efta, non-eu-efta", pop);
        return WRRFIG_ERROR;
    }
    cohorts_dep d;
    wrrfig_status st = cohorts_dep_open(h, ctx, &d);
    if (st != WRRFIG_OK) {
        if (st == WRRFIG_NODATA)
            h->log(ctx, WRRFIG_LOG_WARN, "%s is absent; it needs %s", COHORTS_T_84140, NEEDS_84140);
        return st;
    }
    int durations[2] = {0, years};
    double present[2];
    st = cohorts_dep_cohort(h, ctx, &d, "Totaal", year, year, durations, 2, 0, present);
    if (st != WRRFIG_OK)
        return st;
    if (!(present[0] > 0) || present[1] > present[0]) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: cohort %d grows or is empty", COHORTS_T_84140, year);
        return WRRFIG_ERROR;
    }
    *out = 100.0 * (1.0 - present[1] / present[0]);
    return WRRFIG_OK;
}

wrrfig_status cohorts_m_left_forecast(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p,
                                      double *out)
{
    int year, years;
    if (wfc_param_whole(h, ctx, p, "year", true, 0, &year) != WRRFIG_OK ||
        wfc_param_whole(h, ctx, p, "years", true, 0, &years) != WRRFIG_OK)
        return WRRFIG_ERROR;
    char y[16], w[16];
    snprintf(y, sizeof y, "%d", year);
    if (years == 0)
        snprintf(w, sizeof w, "%s", "uiteindelijk");
    else
        snprintf(w, sizeof w, "%d", years);
    static const char *const dims[] = {"immigratiejaar", "binnen_jaren"};
    const char *codes[] = {y, w};
    return small_cell(h, ctx, COHORTS_T_FORECAST, 2, dims, codes,
                      "the CBS forecast of departure by immigration cohort of foreign-born immigrants (the report's "
                      "'prognose van het cbs'; no StatLine table id known)",
                      out);
}
