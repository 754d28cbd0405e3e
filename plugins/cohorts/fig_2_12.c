/* Figuur 2.12: departure of immigrants by year of immigration and duration
 * of stay. fig-2-12 draws the proxy the shared data allow (non-Dutch
 * nationality, EU/EFTA vs not, within 2 and 5 years, CBS news 2025/28);
 * fig-2-12-report is the report's own version (foreign-born, observed and
 * forecast), NO-DATA until CBS 84140NED and the CBS forecast are imported. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cohorts.h"
#include "common/counts.h"
#include "common/period.h"
#include "common/spectext.h"

#define MAX_SERIES 8
#define MAX_YEARS 64

typedef struct series {
    size_t n;
    int year[MAX_YEARS];
    double v[MAX_YEARS];
} series;

static void add_point(series *s, int year, double v)
{
    if (s->n >= MAX_YEARS)
        return;
    size_t i = s->n++;
    while (i > 0 && s->year[i - 1] > year) { /* keep years ascending */
        s->year[i] = s->year[i - 1];
        s->v[i] = s->v[i - 1];
        i--;
    }
    s->year[i] = year;
    s->v[i] = v;
}

static const char *spec_textf(const wrrfig_host *h, wrrfig_ctx *ctx, const char *fmt, size_t i)
{
    char key[96];
    snprintf(key, sizeof key, fmt, i);
    return h->spec_text(ctx, key);
}

static double spec_numf(const wrrfig_host *h, wrrfig_ctx *ctx, const char *fmt, size_t i, double def)
{
    char key[96];
    double v = def;
    snprintf(key, sizeof key, fmt, i);
    h->spec_number(ctx, key, &v);
    return v;
}

/* One datablock per series and one plot command over them; dashed series
 * (dash > 1) are the forecast or the longer horizon, as the spec says. */
static void plot(const wrrfig_host *h, wrrfig_ctx *ctx, const series *s, const char *const *labels,
                 const int *colours, const int *dashes, size_t ns)
{
    size_t last = 0, any = 0;
    for (size_t i = 0; i < ns; i++) {
        if (!s[i].n)
            continue;
        char name[24];
        snprintf(name, sizeof name, "s%zu", i);
        h->gp_block_begin(ctx, name);
        for (size_t k = 0; k < s[i].n; k++)
            h->gp_block_row(ctx, "%d %g", s[i].year[k], s[i].v[k]);
        h->gp_block_end(ctx);
        last = i;
        any++;
    }
    if (!any)
        return;
    h->gp_cmd(ctx, "plot \\");
    for (size_t i = 0; i < ns; i++) {
        if (!s[i].n)
            continue;
        if (i == last)
            h->gp_cmd(ctx, "  $s%zu using 1:2 with linespoints lc rgb %c dt %d lw 2 pt 7 ps 0.7 title %q", i,
                      colours[i], dashes[i], labels[i] ? labels[i] : "");
        else
            h->gp_cmd(ctx, "  $s%zu using 1:2 with linespoints lc rgb %c dt %d lw 2 pt 7 ps 0.7 title %q, \\", i,
                      colours[i], dashes[i], labels[i] ? labels[i] : "");
    }
}

static void axes(const wrrfig_host *h, wrrfig_ctx *ctx, int ymax)
{
    const char *xl = h->spec_text(ctx, "xlabel"), *yl = h->spec_text(ctx, "ylabel");
    h->gp_cmd(ctx, "set xlabel %q", xl ? xl : "");
    h->gp_cmd(ctx, "set ylabel %q", yl ? yl : "");
    h->gp_cmd(ctx, "set yrange [0:%d]", ymax);
    h->gp_cmd(ctx, "set xtics 2");
    /* Inside, above the lines: below the axis it would collide with the
     * source line. Vertical with maxrows 2 fixes the grid at 2 x 2 in every
     * terminal; a horizontal key takes its column count from each
     * terminal's own text-width estimate, so the PNG laid it out as one row
     * straddling the border while the SVG had 2 x 2. */
    h->gp_cmd(ctx, "set key inside top left vertical maxrows 2 Left reverse samplen 3 width 2 box opaque");
}

wrrfig_status fig_2_12_build(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *t = h->table(ctx, COHORTS_T_DEPARTURE);
    if (!t)
        return WRRFIG_NODATA;
    int d_year = h->table_dim_index(t, "immigratiejaar");
    int d_group = h->table_dim_index(t, "nationaliteit");
    int d_within = h->table_dim_index(t, "binnen_jaren");
    if (d_year < 0 || d_group < 0 || d_within < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: expected dimensions immigratiejaar, nationaliteit, binnen_jaren",
               COHORTS_T_DEPARTURE);
        return WRRFIG_ERROR;
    }
    size_t ns = h->spec_count(ctx, "series");
    if (ns == 0 || ns > MAX_SERIES) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec: needs 1..%d entries in 'series'", MAX_SERIES);
        return WRRFIG_ERROR;
    }
    static const char *const keys[] = {"text.not_yet_passed"};
    const char *not_yet_passed;
    if (!wfc_spec_texts(h, ctx, keys, &not_yet_passed, 1))
        return WRRFIG_ERROR;
    series s[MAX_SERIES];
    const char *labels[MAX_SERIES];
    int colours[MAX_SERIES], dashes[MAX_SERIES];
    memset(s, 0, sizeof s);
    h->csv_row(ctx, "sssss", "nationaliteit", "binnen_jaren", "immigratiejaar", "vertrokken_pct", "label");
    size_t total = 0;
    int first_year = 9999, last_year = 0;
    for (size_t i = 0; i < ns; i++) {
        const char *group = spec_textf(h, ctx, "series.%zu.group", i);
        char within[16];
        snprintf(within, sizeof within, "%d", (int)spec_numf(h, ctx, "series.%zu.within", i, 0));
        labels[i] = spec_textf(h, ctx, "series.%zu.label", i);
        colours[i] = (int)spec_numf(h, ctx, "series.%zu.colour", i, (double)i);
        dashes[i] = (int)spec_numf(h, ctx, "series.%zu.dash", i, 1);
        for (size_t r = 0, n = h->table_rows(t); group && r < n; r++) {
            double v;
            if (strcmp(h->table_key(t, r, (size_t)d_group), group) != 0 ||
                strcmp(h->table_key(t, r, (size_t)d_within), within) != 0)
                continue;
            int kind = wfc_count_value(h, ctx, t, r, COHORTS_COUNTS, &v);
            if (kind < 0)
                return WRRFIG_ERROR;
            if (kind != WRRFIG_VALUE)
                continue;
            int y = wfc_period_year_or(h->table_key(t, r, (size_t)d_year), -1);
            if (y < 0) {
                h->log(ctx, WRRFIG_LOG_ERROR, "%s row %zu: immigratiejaar '%s' is not a year", COHORTS_T_DEPARTURE,
                       r + 1, h->table_key(t, r, (size_t)d_year));
                return WRRFIG_ERROR;
            }
            add_point(&s[i], y, v);
            total++;
        }
        for (size_t k = 0; k < s[i].n; k++) {
            h->csv_row(ctx, "ssins", group, within, s[i].year[k], s[i].v[k], labels[i] ? labels[i] : "");
            if (s[i].year[k] < first_year)
                first_year = s[i].year[k];
            if (s[i].year[k] > last_year)
                last_year = s[i].year[k];
        }
    }
    if (total == 0) {
        h->log(ctx, WRRFIG_LOG_WARN, "%s holds none of the series the spec asks for", COHORTS_T_DEPARTURE);
        return WRRFIG_NODATA;
    }
    /* Name the years a series lacks (the 5-year horizon ends before the
     * last immigration years). */
    for (size_t i = 0; i < ns; i++) {
        if (!s[i].n)
            continue;
        int a = s[i].year[s[i].n - 1];
        if (a < last_year) {
            static const char *const names[] = {"series", "years"};
            char years[32], note[512];
            snprintf(years, sizeof years, "%d-%d", a + 1, last_year);
            const char *values[] = {labels[i] ? labels[i] : "?", years};
            wfc_fill(note, sizeof note, not_yet_passed, names, values, 2);
            h->note(ctx, "%s", note);
        }
    }
    h->gp_cmd(ctx, "set xrange [%d:%d]", first_year - 1, last_year + 1);
    axes(h, ctx, (int)spec_numf(h, ctx, "ymax", 0, 100));
    plot(h, ctx, s, labels, colours, dashes, ns);
    return WRRFIG_OK;
}

wrrfig_status fig_2_12_report_build(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    cohorts_dep d;
    wrrfig_status st = cohorts_dep_open(h, ctx, &d);
    if (st != WRRFIG_OK)
        return st;
    const wrrfig_table *f = h->table(ctx, COHORTS_T_FORECAST);
    if (!f)
        return WRRFIG_NODATA; /* the report's figure is observed and forecast together */
    int f_year = h->table_dim_index(f, "immigratiejaar"), f_within = h->table_dim_index(f, "binnen_jaren");
    if (f_year < 0 || f_within < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: expected dimensions immigratiejaar, binnen_jaren", COHORTS_T_FORECAST);
        return WRRFIG_ERROR;
    }
    size_t nd = h->spec_count(ctx, "durations");
    if (nd == 0 || 2 * nd > MAX_SERIES) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec: needs 1..%d entries in 'durations'", MAX_SERIES / 2);
        return WRRFIG_ERROR;
    }
    /* The immigration years are those of 84140NED itself. */
    int years[MAX_YEARS];
    size_t ny = 0;
    for (size_t r = 0, n = h->table_rows(d.t); r < n && ny < MAX_YEARS; r++) {
        int y = wfc_period_year_or(h->table_key(d.t, r, (size_t)d.d_year), -1);
        size_t k = 0;
        while (k < ny && years[k] != y)
            k++;
        if (y >= 0 && k == ny)
            years[ny++] = y;
    }
    /* The kind of each point in the CSV, in the output language. */
    static const char *const keys[] = {"text.observed", "text.forecast"};
    const char *kind[2];
    if (!wfc_spec_texts(h, ctx, keys, kind, 2))
        return WRRFIG_ERROR;
    series s[MAX_SERIES];
    const char *labels[MAX_SERIES];
    int colours[MAX_SERIES], dashes[MAX_SERIES];
    memset(s, 0, sizeof s);
    h->csv_row(ctx, "sssss", "immigratiejaar", "binnen_jaren", "soort", "vertrokken_pct", "label");
    size_t total = 0;
    for (size_t i = 0; i < nd; i++) {
        int dur = (int)spec_numf(h, ctx, "durations.%zu.years", i, 0);
        const char *label = spec_textf(h, ctx, "durations.%zu.label", i);
        labels[2 * i] = label;
        labels[2 * i + 1] = spec_textf(h, ctx, "durations.%zu.forecast_label", i);
        colours[2 * i] = colours[2 * i + 1] = (int)spec_numf(h, ctx, "durations.%zu.colour", i, (double)i);
        dashes[2 * i] = 1;
        dashes[2 * i + 1] = 2;
        int durs[2] = {0, dur};
        for (size_t k = 0; k < ny; k++) {
            double present[2];
            /* A cohort too recent for the duration has no row: no point. */
            wrrfig_status cst = cohorts_dep_cohort(h, ctx, &d, "Totaal", years[k], years[k], durs, 2, 1, present);
            if (cst == WRRFIG_ERROR)
                return cst; /* a negative count (logged) */
            if (cst == WRRFIG_OK && present[0] > 0 && present[1] <= present[0]) {
                double v = 100.0 * (1.0 - present[1] / present[0]);
                add_point(&s[2 * i], years[k], v);
                h->csv_row(ctx, "iisns", years[k], dur, kind[0], v, label ? label : "");
                total++;
            }
        }
        char within[16];
        snprintf(within, sizeof within, "%d", dur);
        for (size_t r = 0, n = h->table_rows(f); r < n; r++) {
            double v;
            if (strcmp(h->table_key(f, r, (size_t)f_within), within) != 0)
                continue;
            int vk = wfc_count_value(h, ctx, f, r, COHORTS_COUNTS, &v);
            if (vk < 0)
                return WRRFIG_ERROR;
            if (vk != WRRFIG_VALUE)
                continue;
            int y = wfc_period_year_or(h->table_key(f, r, (size_t)f_year), -1);
            if (y < 0)
                continue;
            add_point(&s[2 * i + 1], y, v);
            h->csv_row(ctx, "iisns", y, dur, kind[1], v,
                       labels[2 * i + 1] ? labels[2 * i + 1] : "");
            total++;
        }
    }
    if (total == 0) {
        h->log(ctx, WRRFIG_LOG_WARN, "neither %s nor %s gives a departure share", COHORTS_T_84140,
               COHORTS_T_FORECAST);
        return WRRFIG_NODATA;
    }
    axes(h, ctx, (int)spec_numf(h, ctx, "ymax", 0, 100));
    plot(h, ctx, s, labels, colours, dashes, 2 * nd);
    return WRRFIG_OK;
}
