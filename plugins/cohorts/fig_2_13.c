/* Figuur 2.13: length of stay of non-Dutch immigrants by migration reason,
 * cohorts 1999-2005 and 2006-2010: per reason two 100% stacked bars
 * (< 2, 2-5, > 5 years), computed from CBS 84140NED. NO-DATA until that
 * table is imported. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cohorts.h"

#define MAX_MOTIVES 8
#define N_COHORTS 2
#define N_CLASS 3

static const char *spec_textf(const wrrfig_host *h, wrrfig_ctx *ctx, const char *fmt, size_t i)
{
    char key[96];
    snprintf(key, sizeof key, fmt, i);
    return h->spec_text(ctx, key);
}

wrrfig_status fig_2_13_build(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    cohorts_dep d;
    wrrfig_status st = cohorts_dep_open(h, ctx, &d);
    if (st != WRRFIG_OK)
        return st;
    size_t nm = h->spec_count(ctx, "motives");
    if (nm == 0 || nm > MAX_MOTIVES || h->spec_count(ctx, "cohorts") != N_COHORTS ||
        h->spec_count(ctx, "legend") != N_COHORTS * N_CLASS || h->spec_count(ctx, "colors") != N_COHORTS * N_CLASS) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec: needs 1..%d 'motives', %d 'cohorts' and %d 'legend' entries", MAX_MOTIVES,
               N_COHORTS, N_COHORTS * N_CLASS);
        return WRRFIG_ERROR;
    }
    int from[N_COHORTS], to[N_COHORTS];
    for (size_t c = 0; c < N_COHORTS; c++) {
        char key[64];
        double v = 0;
        snprintf(key, sizeof key, "cohorts.%zu.from", c);
        h->spec_number(ctx, key, &v);
        from[c] = (int)v;
        snprintf(key, sizeof key, "cohorts.%zu.to", c);
        h->spec_number(ctx, key, &v);
        to[c] = (int)v;
    }
    static const int durations[3] = {0, 2, 5};
    double share[MAX_MOTIVES][N_COHORTS][N_CLASS];
    int have[MAX_MOTIVES][N_COHORTS];
    const char *mlabel[MAX_MOTIVES];
    size_t drawn = 0;
    h->csv_row(ctx, "ssssssss", "migratiereden", "label", "cohort", "minder_dan_2_jaar_pct", "2_tot_5_jaar_pct",
               "meer_dan_5_jaar_pct", "immigranten", "nog_aanwezig_na_5_jaar");
    for (size_t m = 0; m < nm; m++) {
        const char *key = spec_textf(h, ctx, "motives.%zu.key", m);
        mlabel[m] = spec_textf(h, ctx, "motives.%zu.label", m);
        for (size_t c = 0; c < N_COHORTS; c++) {
            double present[3];
            have[m][c] = 0;
            wrrfig_status cst = key ? cohorts_dep_cohort(h, ctx, &d, key, from[c], to[c], durations, 3, 0, present)
                                    : WRRFIG_NODATA;
            if (cst == WRRFIG_ERROR)
                return cst; /* a negative count (logged) */
            if (cst != WRRFIG_OK)
                continue;
            if (cohorts_stay_shares(present, &share[m][c][0], &share[m][c][1], &share[m][c][2]) != 0) {
                h->log(ctx, WRRFIG_LOG_ERROR, "%s: counts for %s %d-%d do not fall with the duration of stay",
                       COHORTS_T_84140, key, from[c], to[c]);
                return WRRFIG_ERROR;
            }
            have[m][c] = 1;
            drawn++;
            char cohort[16];
            snprintf(cohort, sizeof cohort, "%d-%d", from[c], to[c]);
            h->csv_row(ctx, "sssnnnnn", key, mlabel[m] ? mlabel[m] : key, cohort, share[m][c][0], share[m][c][1],
                       share[m][c][2], present[0], present[2]);
        }
    }
    if (drawn == 0) {
        h->log(ctx, WRRFIG_LOG_WARN, "%s holds none of the motives and cohorts the spec asks for", COHORTS_T_84140);
        return WRRFIG_NODATA;
    }
    /* One datablock per legend item (class within cohort), each row a box
     * segment: x, y, xlow, xhigh, ylow, yhigh. */
    const double half = 0.17, gap = 0.2;
    for (size_t c = 0; c < N_COHORTS; c++)
        for (size_t k = 0; k < N_CLASS; k++) {
            char name[24];
            snprintf(name, sizeof name, "c%zu_%zu", c, k);
            h->gp_block_begin(ctx, name);
            for (size_t m = 0; m < nm; m++) {
                if (!have[m][c])
                    continue;
                double x = (double)m + (c == 0 ? -gap : gap);
                double lo = 0;
                for (size_t j = 0; j < k; j++)
                    lo += share[m][c][j];
                double hi = lo + share[m][c][k];
                h->gp_block_row(ctx, "%g %g %g %g %g %g", x, (lo + hi) / 2, x - half, x + half, lo, hi);
            }
            h->gp_block_end(ctx);
        }
    const char *yl = h->spec_text(ctx, "ylabel");
    h->gp_cmd(ctx, "set ylabel %q", yl ? yl : "");
    h->gp_cmd(ctx, "set xrange [-0.6:%g]", (double)nm - 0.4);
    h->gp_cmd(ctx, "set style fill solid 0.9 border lc rgb 'white'");
    h->gp_cmd(ctx, "set xtics scale 0");
    h->gp_cmd(ctx, "set xtics ()");
    for (size_t m = 0; m < nm; m++)
        h->gp_cmd(ctx, "set xtics add (%q %zu)", mlabel[m] ? mlabel[m] : "", m);
    h->gp_cmd(ctx, "set key outside below center vertical maxrows 3 width 2");
    h->gp_cmd(ctx, "set bmargin 9");
    /* Which bar is which cohort, written above the bars. */
    h->gp_block_begin(ctx, "tags");
    for (size_t m = 0; m < nm; m++)
        for (size_t c = 0; c < N_COHORTS; c++)
            if (have[m][c])
                h->gp_block_row(ctx, "%g %g %q", (double)m + (c == 0 ? -gap : gap), 100.0,
                                spec_textf(h, ctx, "cohorts.%zu.label", c) ? spec_textf(h, ctx, "cohorts.%zu.label", c)
                                                                            : "");
    h->gp_block_end(ctx);
    h->gp_cmd(ctx, "set yrange [0:108]");
    h->gp_cmd(ctx, "set ytics 0,20,100");
    h->gp_cmd(ctx, "plot \\");
    for (size_t c = 0; c < N_COHORTS; c++)
        for (size_t k = 0; k < N_CLASS; k++) {
            size_t i = c * N_CLASS + k;
            const char *title = spec_textf(h, ctx, "legend.%zu", i);
            /* One hue per cohort, darker for longer stays (spec colors). */
            const char *colour = spec_textf(h, ctx, "colors.%zu", i);
            h->gp_cmd(ctx, "  $c%zu_%zu using 1:2:3:4:5:6 with boxxyerror lc rgb %q title %q, \\", c, k,
                      colour ? colour : "#888888", title ? title : "");
        }
    h->gp_cmd(ctx, "  $tags using 1:2:3 with labels offset 0,0.8 font ',9' notitle");
    return WRRFIG_OK;
}
