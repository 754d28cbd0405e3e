/* Figuur 3.6: net labour participation by origin, drawn as points for the
 * years the data hold (no line: the shared data have 2008, 2014, 2018 and a
 * rounded 2017 value, not every year 2003-2019). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "labour.h"

/* A row's source is "rounded" when the spec lists it in rounded_sources:
 * those points get an open marker. */
static int is_rounded_source(const wrrfig_host *h, wrrfig_ctx *ctx, const char *bron)
{
    size_t n = h->spec_count(ctx, "rounded_sources");
    for (size_t i = 0; i < n; i++) {
        const char *s = lab_spec_text(h, ctx, "rounded_sources.%zu", i);
        if (s && bron && strcmp(s, bron) == 0)
            return 1;
    }
    return 0;
}

wrrfig_status lab_build_fig_3_6(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *t = h->table(ctx, LAB_T_PART);
    if (!t)
        return WRRFIG_NODATA;
    int d_origin = lab_dim(h, ctx, t, LAB_T_PART, "herkomst");
    int d_period = lab_dim(h, ctx, t, LAB_T_PART, "periode");
    int d_topic = lab_dim(h, ctx, t, LAB_T_PART, "onderwerp");
    int d_source = lab_dim(h, ctx, t, LAB_T_PART, "bron");
    int d_sex = lab_dim(h, ctx, t, LAB_T_PART, "geslacht");
    int d_age = lab_dim(h, ctx, t, LAB_T_PART, "leeftijd");
    if (d_origin < 0 || d_period < 0 || d_topic < 0 || d_source < 0 || d_sex < 0 || d_age < 0)
        return WRRFIG_ERROR;

    const char *topic = h->spec_text(ctx, "topic");
    double from = 2003, to = 2019;
    h->spec_number(ctx, "years.from", &from);
    h->spec_number(ctx, "years.to", &to);
    size_t nspec = h->spec_count(ctx, "series");
    if (to < from || to - from >= LAB_MAX_POINTS) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec: years.from..years.to must span 1..%d years", LAB_MAX_POINTS);
        return WRRFIG_ERROR;
    }
    if (!topic || nspec == 0 || nspec > LAB_MAX_SERIES / 2) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec: needs 'topic' and 1..%d entries in 'series'", LAB_MAX_SERIES / 2);
        return WRRFIG_ERROR;
    }

    /* Series 2i: published values (filled marker); 2i+1: rounded values
     * from article text (open marker of the same colour). */
    lab_series s[LAB_MAX_SERIES];
    memset(s, 0, sizeof s);
    const char *lang = h->lang(ctx);
    int en = lang && strcmp(lang, "en") == 0;
    h->csv_row(ctx, "ssssss", "herkomst", "label", "jaar", "netto_arbeidsparticipatie_pct", "bron",
               "afgerond");
    size_t rows = h->table_rows(t);
    for (size_t i = 0; i < nspec; i++) {
        const char *code = lab_spec_text(h, ctx, "series.%zu.code", i);
        const char *label = lab_spec_text(h, ctx, "series.%zu.label", i);
        double colour = i, point = 7;
        lab_spec_number(h, ctx, &colour, "series.%zu.colour", i);
        lab_spec_number(h, ctx, &point, "series.%zu.point", i);
        lab_series *full = &s[2 * i], *open = &s[2 * i + 1];
        full->label = label ? label : code;
        full->colour = open->colour = (int)colour;
        full->point = (int)point;
        open->point = (int)point - 1; /* gnuplot's open variant precedes the filled one (6/7, 4/5, 8/9) */
        full->style = open->style = LAB_POINTS;
        full->value_labels = open->value_labels = 1;
        full->dash = open->dash = 1;
        int have[LAB_MAX_POINTS] = {0}, nyears = 0;
        int years[LAB_MAX_POINTS];
        for (size_t r = 0; code && r < rows; r++) {
            if (strcmp(h->table_key(t, r, (size_t)d_origin), code) != 0 ||
                strcmp(h->table_key(t, r, (size_t)d_topic), topic) != 0 ||
                strcmp(h->table_key(t, r, (size_t)d_sex), LAB_SEX_TOTAL) != 0 ||
                strcmp(h->table_key(t, r, (size_t)d_age), LAB_AGE_ALL) != 0)
                continue;
            const char *period = h->table_key(t, r, (size_t)d_period);
            int y = lab_year_of(period);
            if (!lab_is_annual(period) || y < from || y > to)
                continue;
            double v;
            if (h->table_value(t, r, &v) != WRRFIG_VALUE)
                continue;
            const char *bron = h->table_key(t, r, (size_t)d_source);
            int rounded = is_rounded_source(h, ctx, bron);
            if (lab_series_add(rounded ? open : full, y, v) != 0) {
                h->log(ctx, WRRFIG_LOG_ERROR, "series %s: more than %d points", code, LAB_MAX_POINTS);
                return WRRFIG_ERROR;
            }
            have[y - (int)from] = 1;
            h->csv_row(ctx, "ssinsi", code, full->label, y, v, bron, rounded);
        }
        for (int y = (int)from; y <= (int)to; y++)
            if (!have[y - (int)from])
                years[nyears++] = y;
        if (full->n + open->n == 0) {
            h->note(ctx, en ? "%s: no data in the table for %d-%d." : "%s: geen gegevens in de tabel voor %d-%d.",
                    full->label, (int)from, (int)to);
            continue;
        }
        if (nyears > 0) {
            char ranges[256];
            h->note(ctx, en ? "%s: no value for %s (missing from the data; not interpolated)."
                            : "%s: geen waarde voor %s (ontbreekt in de gegevens; niet geïnterpoleerd).",
                    full->label, lab_ranges(years, (size_t)nyears, ranges, sizeof ranges));
        }
        if (open->n > 0) {
            /* The legend must say what the open marker means. */
            const char *rl = lab_spec_text(h, ctx, "series.%zu.rounded_label", i);
            open->label = rl ? rl : full->label;
        }
    }

    size_t any = 0;
    for (size_t i = 0; i < 2 * nspec; i++)
        any += s[i].n;
    if (any == 0) {
        h->log(ctx, WRRFIG_LOG_WARN, "no %s values for the requested series in %s", topic, LAB_T_PART);
        return WRRFIG_NODATA;
    }
    double ymin = 40, ymax = 80;
    h->spec_number(ctx, "ymin", &ymin);
    h->spec_number(ctx, "ymax", &ymax);
    h->gp_cmd(ctx, "set xrange [%g:%g]", from - 0.5, to + 0.5);
    h->gp_cmd(ctx, "set xtics %g,2,%g", from + 1, to);
    h->gp_cmd(ctx, "set mxtics 2");
    h->gp_cmd(ctx, "set yrange [%g:%g]", ymin, ymax);
    h->gp_cmd(ctx, "set xlabel %q", h->spec_text(ctx, "xlabel") ? h->spec_text(ctx, "xlabel") : "");
    h->gp_cmd(ctx, "set ylabel %q", h->spec_text(ctx, "ylabel") ? h->spec_text(ctx, "ylabel") : "");
    h->gp_cmd(ctx, "set key bottom left box opaque");
    lab_plot_series(h, ctx, s, 2 * nspec);
    return WRRFIG_OK;
}
