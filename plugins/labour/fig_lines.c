/* Lines over a numeric dimension (months since a permit, years of residence,
 * calendar years), one per category of a series dimension. Figures 3.9,
 * 3.10, 3.11 and 3.12 differ only in table and spec (layout.*). */
#include <stdlib.h>
#include <string.h>

#include "labour.h"
#include "common/period.h"

#define MAX_FIXED 8

/* The x position a code stands for: "30" -> 30, "2006" or "2006JJ00" -> 2006.
 * Returns 0 when the code is not numeric. */
static int x_of(const char *code, double *x)
{
    char *end;
    double v = strtod(code, &end);
    if (end != code && *end == '\0') {
        *x = v;
        return 1;
    }
    int y;
    if (wfc_period_year(code, &y)) {
        *x = y;
        return 1;
    }
    return 0;
}

wrrfig_status lab_build_cohort_lines(const wrrfig_host *h, wrrfig_ctx *ctx, const char *tn)
{
    const wrrfig_table *t = h->table(ctx, tn);
    if (!t)
        return WRRFIG_NODATA;
    int d_series = lab_dim(h, ctx, t, tn, h->spec_text(ctx, "layout.dim_series"));
    int d_x = lab_dim(h, ctx, t, tn, h->spec_text(ctx, "layout.dim_x"));
    if (d_series < 0 || d_x < 0)
        return WRRFIG_ERROR;
    int fdims[MAX_FIXED];
    const char *fcodes[MAX_FIXED];
    size_t nfixed = h->spec_count(ctx, "layout.fixed");
    if (nfixed > MAX_FIXED) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec: at most %d entries in layout.fixed", MAX_FIXED);
        return WRRFIG_ERROR;
    }
    for (size_t i = 0; i < nfixed; i++) {
        const char *dim = wfc_spec_textf(h, ctx, "layout.fixed.%zu.dim", i);
        const char *key = wfc_spec_textf(h, ctx, "layout.fixed.%zu.key", i);
        fdims[i] = lab_dim(h, ctx, t, tn, dim);
        if (fdims[i] < 0)
            return WRRFIG_ERROR;
        fcodes[i] = lab_resolve(h, t, fdims[i], key);
        if (!fcodes[i]) {
            h->log(ctx, WRRFIG_LOG_WARN, "%s: no category '%s' in %s", tn, key ? key : "?", dim);
            return WRRFIG_NODATA;
        }
    }
    static const char *const keys[] = {"text.not_in_data"};
    const char *not_in_data;
    if (!wfc_spec_texts(h, ctx, keys, &not_in_data, 1))
        return WRRFIG_ERROR;
    size_t ns = h->spec_count(ctx, "layout.series");
    if (ns == 0 || ns > LAB_MAX_SERIES) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec: needs 1..%d entries in layout.series", LAB_MAX_SERIES);
        return WRRFIG_ERROR;
    }
    const char *style = h->spec_text(ctx, "style");
    lab_style st = style && strcmp(style, "lines") == 0 ? LAB_LINES : LAB_LINESPOINTS;
    lab_series s[LAB_MAX_SERIES];
    memset(s, 0, sizeof s);
    h->csv_row(ctx, "ssss", h->table_dim_name(t, (size_t)d_series), "label", h->table_dim_name(t, (size_t)d_x),
               "waarde");
    size_t rows = h->table_rows(t), total = 0;
    for (size_t i = 0; i < ns; i++) {
        const char *key = wfc_spec_textf(h, ctx, "layout.series.%zu.key", i);
        const char *code = lab_resolve(h, t, d_series, key);
        double colour = (double)i, point = 7, dash = 1;
        wfc_spec_numberf(h, ctx, &colour, "layout.series.%zu.colour", i);
        wfc_spec_numberf(h, ctx, &point, "layout.series.%zu.point", i);
        wfc_spec_numberf(h, ctx, &dash, "layout.series.%zu.dash", i);
        s[i].label = wfc_spec_textf(h, ctx, "layout.series.%zu.label", i);
        if (!s[i].label)
            s[i].label = key;
        s[i].colour = (int)colour;
        s[i].point = (int)point;
        s[i].dash = (int)dash;
        s[i].style = st;
        if (!code) {
            char note[512];
            wfc_fill(note, sizeof note, not_in_data, (const char *const[]){"series"},
                     (const char *const[]){s[i].label ? s[i].label : "?"}, 1);
            h->note(ctx, "%s", note);
            continue;
        }
        for (size_t r = 0; r < rows; r++) {
            if (strcmp(h->table_key(t, r, (size_t)d_series), code) != 0)
                continue;
            size_t k = 0;
            while (k < nfixed && strcmp(h->table_key(t, r, (size_t)fdims[k]), fcodes[k]) == 0)
                k++;
            if (k < nfixed)
                continue;
            double x, v;
            const char *xc = h->table_key(t, r, (size_t)d_x);
            if (!x_of(xc, &x)) {
                h->log(ctx, WRRFIG_LOG_ERROR, "%s row %zu: %s code '%s' is not a number", tn, r + 1,
                       h->table_dim_name(t, (size_t)d_x), xc);
                return WRRFIG_ERROR;
            }
            int kind = wfc_share_value(h, ctx, t, r, "the share of a cohort", &v);
            if (kind < 0)
                return WRRFIG_ERROR;
            if (kind != WRRFIG_VALUE)
                continue;
            if (lab_series_add(&s[i], x, v) != 0) {
                h->log(ctx, WRRFIG_LOG_ERROR, "%s: more than %d points for %s", tn, LAB_MAX_POINTS, code);
                return WRRFIG_ERROR;
            }
            total++;
        }
        for (size_t k = 0; k < s[i].n; k++)
            h->csv_row(ctx, "ssnn", code, s[i].label ? s[i].label : "", s[i].x[k], s[i].y[k]);
    }
    if (total == 0) {
        h->log(ctx, WRRFIG_LOG_WARN, "%s holds none of the requested series", tn);
        return WRRFIG_NODATA;
    }
    double xmin, xmax, ymin = 0, ymax;
    if (h->spec_number(ctx, "xmin", &xmin) && h->spec_number(ctx, "xmax", &xmax))
        h->gp_cmd(ctx, "set xrange [%g:%g]", xmin, xmax);
    else if (h->spec_number(ctx, "xmax", &xmax))
        h->gp_cmd(ctx, "set xrange [0:%g]", xmax);
    double xtic;
    if (h->spec_number(ctx, "xtic", &xtic))
        h->gp_cmd(ctx, "set xtics %g", xtic);
    h->spec_number(ctx, "ymin", &ymin);
    if (h->spec_number(ctx, "ymax", &ymax))
        h->gp_cmd(ctx, "set yrange [%g:%g]", ymin, ymax);
    else
        h->gp_cmd(ctx, "set yrange [%g:*]", ymin);
    h->gp_cmd(ctx, "set xlabel %q", h->spec_text(ctx, "xlabel") ? h->spec_text(ctx, "xlabel") : "");
    h->gp_cmd(ctx, "set ylabel %q", h->spec_text(ctx, "ylabel") ? h->spec_text(ctx, "ylabel") : "");
    h->gp_cmd(ctx, "set key top left box opaque");
    /* Where the data stop, when the report's figure runs further. */
    double mark;
    if (h->spec_number(ctx, "mark_x.x", &mark)) {
        const char *ml = h->spec_text(ctx, "mark_x.label");
        h->gp_cmd(ctx, "set arrow 1 from %g, graph 0 to %g, graph 1 nohead lc rgb '#888888' dt 3 lw 1", mark, mark);
        h->gp_cmd(ctx, "set label 1 %q at %g, graph 0.95 left offset 0.8,0 font ',9' tc rgb '#555555'", ml ? ml : "",
                  mark);
    }
    lab_plot_series(h, ctx, s, ns, 0);
    return WRRFIG_OK;
}

wrrfig_status lab_build_fig_3_9(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    return lab_build_cohort_lines(h, ctx, LAB_T_MOTIVE9599);
}

wrrfig_status lab_build_fig_3_10(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    return lab_build_cohort_lines(h, ctx, LAB_T_ASYL9599);
}

wrrfig_status lab_build_fig_3_11(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    return lab_build_cohort_lines(h, ctx, LAB_T_ASYLUM);
}

wrrfig_status lab_build_fig_3_11_report(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    return lab_build_cohort_lines(h, ctx, LAB_T_ASYLUM_8H);
}

wrrfig_status lab_build_fig_3_12(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    return lab_build_cohort_lines(h, ctx, LAB_T_POLISH);
}
