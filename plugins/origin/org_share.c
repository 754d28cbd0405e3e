/* Figures 2.5 and 2.11: shares of origin groups in the population over
 * time, stacked (observed from CBS 37296ned; 2.11 from the CBS forecast). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "org_data.h"
#include "org_figures.h"

#define MAX_G 6
#define Y0 1900
#define NY 200

typedef struct shares {
    size_t ng;
    const char *label[MAX_G];
    double v[MAX_G][NY];   /* persons */
    double tot[NY];        /* population */
    unsigned char ok[NY];  /* every group and the total present */
    unsigned char forecast[NY];
} shares;

/* Writes the stacked-area datablock ($sh: year, cumulative shares), the CSV
 * and the plot. */
static void draw_stack(const wrrfig_host *h, wrrfig_ctx *ctx, const shares *s, int from, int to, int fc_from)
{
    h->csv_row(ctx, "ssssss", "year", "group", "persons", "population", "share_percent", "status");
    h->gp_block_begin(ctx, "sh");
    for (int y = from; y <= to; y++) {
        int i = y - Y0;
        if (!s->ok[i])
            continue;
        double c[MAX_G], cum = 0;
        for (size_t g = 0; g < s->ng; g++) {
            double pct = 100.0 * s->v[g][i] / s->tot[i];
            cum += pct;
            c[g] = cum;
            h->csv_row(ctx, "isnnns", y, s->label[g], s->v[g][i], s->tot[i], pct,
                       s->forecast[i] ? "prognose" : "waargenomen");
        }
        /* fixed width: unused columns repeat the top, which draws nothing */
        for (size_t g = s->ng; g < MAX_G; g++)
            c[g] = cum;
        h->gp_block_row(ctx, "%d %g %g %g %g %g %g", y, c[0], c[1], c[2], c[3], c[4], c[5]);
    }
    h->gp_block_end(ctx);
    const char *x = h->spec_text(ctx, "xlabel"), *yl = h->spec_text(ctx, "ylabel");
    if (x)
        h->gp_cmd(ctx, "set xlabel %q", x);
    if (yl)
        h->gp_cmd(ctx, "set ylabel %q", yl);
    h->gp_cmd(ctx, "set key top left reverse Left");
    h->gp_cmd(ctx, "set xrange [%d:%d]", from, to);
    h->gp_cmd(ctx, "set yrange [0:*]");
    h->gp_cmd(ctx, "set style fill solid 0.85 noborder");
    if (fc_from)
        h->gp_cmd(ctx, "set arrow 1 from %d, graph 0 to %d, graph 1 nohead front dt 2 lc rgb '#444444'", fc_from, fc_from);
    /* drawn top-down so each band covers only its own strip */
    for (size_t g = s->ng; g-- > 0;) {
        int first = g + 1 == s->ng, last = g == 0;
        if (first && last)
            h->gp_cmd(ctx, "plot $sh using 1:%zu with filledcurves x1 lt %zu title %q", g + 2, g + 1, s->label[g]);
        else if (first)
            h->gp_cmd(ctx, "plot $sh using 1:%zu with filledcurves x1 lt %zu title %q, \\", g + 2, g + 1, s->label[g]);
        else if (!last)
            h->gp_cmd(ctx, "     $sh using 1:%zu with filledcurves x1 lt %zu title %q, \\", g + 2, g + 1, s->label[g]);
        else
            h->gp_cmd(ctx, "     $sh using 1:%zu with filledcurves x1 lt %zu title %q", g + 2, g + 1, s->label[g]);
    }
}

static int spec_period(const wrrfig_host *h, wrrfig_ctx *ctx, int *from, int *to)
{
    double a = *from, b = *to;
    h->spec_number(ctx, "period.from", &a);
    h->spec_number(ctx, "period.to", &b);
    *from = (int)a < Y0 ? Y0 : (int)a;
    *to = (int)b >= Y0 + NY ? Y0 + NY - 1 : (int)b;
    return *from <= *to;
}

wrrfig_status org_build_fig_2_11(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *t = h->table(ctx, ORG_T_PROJ);
    if (!t)
        return WRRFIG_NODATA;
    int from = 1996, to = 2060;
    if (!spec_period(h, ctx, &from, &to))
        return WRRFIG_ERROR;
    const char *tot_code = h->spec_text(ctx, "total_code") ? h->spec_text(ctx, "total_code") : "Totaal";
    shares *s = calloc(1, sizeof *s);
    s->ng = h->spec_count(ctx, "series");
    if (s->ng == 0 || s->ng > MAX_G) {
        free(s);
        return WRRFIG_ERROR;
    }
    const char *codes[MAX_G];
    for (size_t g = 0; g < s->ng; g++) {
        char k[48];
        snprintf(k, sizeof k, "series.%zu.code", g);
        codes[g] = h->spec_text(ctx, k);
        snprintf(k, sizeof k, "series.%zu.label", g);
        s->label[g] = h->spec_text(ctx, k) ? h->spec_text(ctx, k) : "?";
        if (!codes[g]) {
            free(s);
            return WRRFIG_ERROR;
        }
    }
    int first = 0, last = 0, fc_from = 0;
    for (int y = from; y <= to; y++) {
        int i = y - Y0;
        /* a year is observed or forecast; the table says which */
        const char *status = "Waargenomen";
        int k = org_cell(h, ctx, t, "Herkomst", tot_code, "Status", status, y, &s->tot[i]);
        if (k >= 0 && k != WRRFIG_VALUE) {
            status = "Prognose";
            k = org_cell(h, ctx, t, "Herkomst", tot_code, "Status", status, y, &s->tot[i]);
            if (k >= 0 && k != WRRFIG_VALUE)
                continue;
            s->forecast[i] = 1;
            if (!fc_from)
                fc_from = y;
        }
        int ok = k >= 0;
        for (size_t g = 0; g < s->ng && ok; g++) {
            k = org_cell(h, ctx, t, "Herkomst", codes[g], "Status", status, y, &s->v[g][i]);
            ok = k == WRRFIG_VALUE;
        }
        if (k < 0) {
            free(s);
            return WRRFIG_ERROR; /* a negative count (logged) */
        }
        s->ok[i] = (unsigned char)ok;
        if (ok) {
            if (!first)
                first = y;
            last = y;
        }
    }
    if (!first) {
        free(s);
        h->log(ctx, WRRFIG_LOG_ERROR, "%s has no year in %d-%d with every series", ORG_T_PROJ, from, to);
        return WRRFIG_NODATA;
    }
    draw_stack(h, ctx, s, first, last, fc_from);
    free(s);
    return WRRFIG_OK;
}
