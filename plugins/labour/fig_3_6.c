/* Figuur 3.6: net labour participation by origin, every year 2003-2019, as
 * lines (labour/participation_2003_2019, the table of CBS news 2020/46).
 * Each line ends in a label with the group's name and its last value at the
 * source's precision (spec value_decimals); labels that would touch are
 * spread apart (plugins/common/labelspread.h), so no legend is needed. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "common/labelspread.h"
#include "common/period.h"
#include "labour.h"

wrrfig_status lab_build_fig_3_6(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *t = h->table(ctx, LAB_T_PART_YEARS);
    if (!t)
        return WRRFIG_NODATA;
    int d_origin = lab_dim(h, ctx, t, LAB_T_PART_YEARS, "herkomst");
    int d_period = lab_dim(h, ctx, t, LAB_T_PART_YEARS, "periode");
    if (d_origin < 0 || d_period < 0)
        return WRRFIG_ERROR;

    double from = 2003, to = 2019, decimals = 1;
    /* the period shown: the host puts the data's last year here with --latest (core/src/figure/period.h) */
    h->spec_number(ctx, "period.from", &from);
    h->spec_number(ctx, "period.to", &to);
    h->spec_number(ctx, "value_decimals", &decimals);
    size_t nspec = h->spec_count(ctx, "series");
    if (to < from || to - from >= LAB_MAX_POINTS) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec: period.from..period.to must span 1..%d years", LAB_MAX_POINTS);
        return WRRFIG_ERROR;
    }
    if (nspec == 0 || nspec > LAB_MAX_SERIES || decimals < 0 || decimals > 3) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec: needs 1..%d entries in 'series' and value_decimals 0..3",
               LAB_MAX_SERIES);
        return WRRFIG_ERROR;
    }

    lab_series s[LAB_MAX_SERIES];
    memset(s, 0, sizeof s);
    static const char *const keys[] = {"text.decimal_mark", "text.no_value"};
    const char *words[2];
    if (!wfc_spec_texts(h, ctx, keys, words, 2))
        return WRRFIG_ERROR;
    h->csv_row(ctx, "ssss", "herkomst", "label", "jaar", "netto_arbeidsparticipatie_pct");
    size_t rows = h->table_rows(t);
    for (size_t i = 0; i < nspec; i++) {
        const char *code = wfc_spec_textf(h, ctx, "series.%zu.code", i);
        const char *label = wfc_spec_textf(h, ctx, "series.%zu.label", i);
        double colour = (double)i, point = 7, dash = 1;
        wfc_spec_numberf(h, ctx, &colour, "series.%zu.colour", i);
        wfc_spec_numberf(h, ctx, &point, "series.%zu.point", i);
        wfc_spec_numberf(h, ctx, &dash, "series.%zu.dash", i);
        s[i].label = label ? label : code;
        s[i].colour = (int)colour;
        s[i].point = (int)point;
        s[i].dash = (int)dash;
        s[i].style = LAB_LINESPOINTS;
        int have[LAB_MAX_POINTS] = {0}, years[LAB_MAX_POINTS], nyears = 0;
        for (size_t r = 0; code && r < rows; r++) {
            if (strcmp(h->table_key(t, r, (size_t)d_origin), code) != 0)
                continue;
            int y;
            if (!wfc_period_year(h->table_key(t, r, (size_t)d_period), &y) || y < from || y > to)
                continue;
            double v;
            int kind = wfc_share_value(h, ctx, t, r, "net labour participation", &v);
            if (kind < 0)
                return WRRFIG_ERROR;
            if (kind != WRRFIG_VALUE)
                continue;
            if (lab_series_add(&s[i], y, v) != 0) {
                h->log(ctx, WRRFIG_LOG_ERROR, "series %s: more than %d points", code, LAB_MAX_POINTS);
                return WRRFIG_ERROR;
            }
            have[y - (int)from] = 1;
            h->csv_row(ctx, "ssin", code, s[i].label, y, v);
        }
        for (int y = (int)from; y <= (int)to; y++)
            if (!have[y - (int)from])
                years[nyears++] = y;
        if (nyears > 0) {
            char ranges[256];
            static const char *const names[] = {"series", "years"};
            const char *values[] = {s[i].label, lab_ranges(years, (size_t)nyears, ranges, sizeof ranges)};
            char note[512];
            wfc_fill(note, sizeof note, words[1], names, values, 2);
            h->note(ctx, "%s", note);
        }
    }
    size_t any = 0;
    for (size_t i = 0; i < nspec; i++)
        any += s[i].n;
    if (any == 0) {
        h->log(ctx, WRRFIG_LOG_WARN, "no values for the requested series in %s", LAB_T_PART_YEARS);
        return WRRFIG_NODATA;
    }

    double ymin = 40, ymax = 80, gap = 1.9;
    h->spec_number(ctx, "ymin", &ymin);
    h->spec_number(ctx, "ymax", &ymax);
    h->spec_number(ctx, "label_gap", &gap);
    /* End labels: name and last value, spread so none touch. */
    double pos[LAB_MAX_SERIES];
    size_t idx[LAB_MAX_SERIES], nl = 0;
    for (size_t i = 0; i < nspec; i++)
        if (s[i].n > 0) {
            idx[nl] = i;
            pos[nl++] = s[i].y[s[i].n - 1];
        }
    wfc_spread(pos, nl, gap, ymin + gap / 2, ymax - gap / 2);
    /* set label / set arrow, not a datablock plot: labels right of the
     * x range are drawn (a plotted label there would be clipped). */
    for (size_t k = 0; k < nl; k++) {
        const lab_series *e = &s[idx[k]];
        char num[32], text[256];
        lab_fmt_fixed(e->y[e->n - 1], (int)decimals, words[0], num, sizeof num);
        snprintf(text, sizeof text, "%s %s", e->label, num);
        double x = e->x[e->n - 1], y = e->y[e->n - 1];
        h->gp_cmd(ctx, "set arrow %zu from first %g, first %g to first %g, first %g nohead lw 1 lc rgb '#888888'",
                  k + 1, x + 0.2, y, x + 0.7, pos[k]);
        h->gp_cmd(ctx, "set label %zu %q at first %g, first %g left font ',10' tc rgb %c", k + 1, text, x + 0.8,
                  pos[k], e->colour);
    }

    h->gp_cmd(ctx, "set xrange [%g:%g]", from - 0.5, to + 0.5);
    h->gp_cmd(ctx, "set xtics %g,2,%g", from + 1, to);
    h->gp_cmd(ctx, "set mxtics 2");
    h->gp_cmd(ctx, "set yrange [%g:%g]", ymin, ymax);
    h->gp_cmd(ctx, "set format y '%%.0f'");
    const char *xl = h->spec_text(ctx, "xlabel"), *yl = h->spec_text(ctx, "ylabel");
    h->gp_cmd(ctx, "set xlabel %q", xl ? xl : "");
    h->gp_cmd(ctx, "set ylabel %q", yl ? yl : "");
    h->gp_cmd(ctx, "set rmargin %d", 24);
    h->gp_cmd(ctx, "unset key");
    lab_plot_series(h, ctx, s, nspec, 0);
    return WRRFIG_OK;
}
