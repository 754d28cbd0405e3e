/* Figures 2.6 and 1.2: the migration-background population split into
 * origin groups (CBS 37296ned, 1 January). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "org_data.h"
#include "common/spectext.h"
#include "org_figures.h"

#define MAX_GROUPS 12
#define MAX_CODES 8

/* Sum of the 37296ned topics listed under key.codes (or the single topic
 * key.code) for a year. */
static wrrfig_status group_sum(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, const char *key,
                               int year, double *out)
{
    char k[96];
    snprintf(k, sizeof k, "%s.code", key);
    const char *one = h->spec_text(ctx, k);
    double s = 0, v;
    wrrfig_status st;
    if (one) {
        if ((st = org_topic(h, ctx, t, one, year, &v)) != WRRFIG_OK)
            return st;
        *out = v;
        return WRRFIG_OK;
    }
    snprintf(k, sizeof k, "%s.codes", key);
    size_t n = h->spec_count(ctx, k);
    if (n == 0 || n > MAX_CODES) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec %s: expected 'code' or 1-%d 'codes'", key, MAX_CODES);
        return WRRFIG_ERROR;
    }
    for (size_t i = 0; i < n; i++) {
        char kk[128];
        snprintf(kk, sizeof kk, "%s.codes.%zu", key, i);
        const char *c = h->spec_text(ctx, kk);
        if (!c || (st = org_topic(h, ctx, t, c, year, &v)) != WRRFIG_OK)
            return c ? st : WRRFIG_ERROR;
        s += v;
    }
    *out = s;
    return WRRFIG_OK;
}

/* A note that the groups do not add up to CBS' total: tmpl (spec text) with
 * {what} (a year or a panel number), {sum} and {total}. */
static void note_sum(const wrrfig_host *h, wrrfig_ctx *ctx, const char *tmpl, const char *what, double sum,
                     double total)
{
    static const char *const names[] = {"what", "sum", "total"};
    char s[32], t[32], note[512];
    snprintf(s, sizeof s, "%.0f", sum);
    snprintf(t, sizeof t, "%.0f", total);
    const char *const values[] = {what, s, t};
    wfc_fill(note, sizeof note, tmpl, names, values, 3);
    h->note(ctx, "%s", note);
}

wrrfig_status org_build_fig_2_6(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *t = h->table(ctx, ORG_T37296);
    if (!t)
        return WRRFIG_NODATA;
    static const char *const keys[] = {"text.groups_sum_differ"};
    const char *sum_differ;
    if (!wfc_spec_texts(h, ctx, keys, &sum_differ, 1))
        return WRRFIG_ERROR;
    size_t ny = h->spec_count(ctx, "years"), ng = h->spec_count(ctx, "groups");
    if (ny == 0 || ny > 4 || ng == 0 || ng > MAX_GROUPS) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec needs 1-4 years and 1-%d groups", MAX_GROUPS);
        return WRRFIG_ERROR;
    }
    double val[4][MAX_GROUPS], total[4];
    int years[4];
    const char *label[MAX_GROUPS];
    wrrfig_status st;
    for (size_t y = 0; y < ny; y++) {
        char k[32];
        double yy;
        snprintf(k, sizeof k, "years.%zu", y);
        if (!h->spec_number(ctx, k, &yy))
            return WRRFIG_ERROR;
        years[y] = (int)yy;
        total[y] = 0;
        if ((st = org_topic(h, ctx, t, "PersoonMetEenMigratieachtergrond_28", years[y], &total[y])) != WRRFIG_OK)
            return st;
        double sum = 0;
        for (size_t g = 0; g < ng; g++) {
            char key[32];
            snprintf(key, sizeof key, "groups.%zu", g);
            if ((st = group_sum(h, ctx, t, key, years[y], &val[y][g])) != WRRFIG_OK)
                return st;
            sum += val[y][g];
        }
        if (sum != total[y]) {
            char yt[16];
            snprintf(yt, sizeof yt, "%d", years[y]);
            note_sum(h, ctx, sum_differ, yt, sum, total[y]);
        }
    }
    for (size_t g = 0; g < ng; g++) {
        char key[48];
        snprintf(key, sizeof key, "groups.%zu.label", g);
        label[g] = h->spec_text(ctx, key) ? h->spec_text(ctx, key) : "?";
    }
    h->csv_row(ctx, "sssss", "year", "group", "value", "total_migration_background", "share_percent");
    for (size_t g = 0; g < ng; g++) {
        char name[32];
        snprintf(name, sizeof name, "g%zu", g);
        h->gp_block_begin(ctx, name);
        for (size_t y = 0; y < ny; y++) {
            double lo = 0;
            for (size_t k = 0; k < g; k++)
                lo += val[y][k];
            h->gp_block_row(ctx, "%zu %g %g %d", y, lo / 1000.0, (lo + val[y][g]) / 1000.0, years[y]);
        }
        h->gp_block_end(ctx);
    }
    for (size_t y = 0; y < ny; y++)
        for (size_t g = 0; g < ng; g++)
            h->csv_row(ctx, "isnnn", years[y], label[g], val[y][g], total[y], 100.0 * val[y][g] / total[y]);
    h->gp_block_begin(ctx, "tot");
    for (size_t y = 0; y < ny; y++)
        h->gp_block_row(ctx, "%zu %g %d", y, total[y] / 1000.0, years[y]);
    h->gp_block_end(ctx);
    const char *xl = h->spec_text(ctx, "xlabel");
    if (xl)
        h->gp_cmd(ctx, "set xlabel %q", xl);
    h->gp_cmd(ctx, "set style fill solid 0.9 border rgb 'white'");
    h->gp_cmd(ctx, "set key outside right top vertical Left reverse");
    h->gp_cmd(ctx, "set yrange [-0.6:%g]", ny - 0.4);
    h->gp_cmd(ctx, "set xrange [0:*]");
    h->gp_cmd(ctx, "set grid xtics noytics");
    h->gp_cmd(ctx, "set offsets 0, graph 0.12, 0, 0");
    for (size_t g = 0; g < ng; g++) {
        if (g == 0)
            h->gp_cmd(ctx, "plot $tot using 2:1:(sprintf('%%.0f', $2)) with labels left offset 0.5,0 notitle, \\");
        if (g + 1 < ng)
            h->gp_cmd(ctx, "     $g%zu using (($2+$3)/2):1:2:3:($1-0.3):($1+0.3) with boxxyerror lt %zu title %q, \\", g,
                      g + 1, label[g]);
        else
            h->gp_cmd(ctx,
                      "     $g%zu using (($2+$3)/2):1:2:3:($1-0.3):($1+0.3):ytic(stringcolumn(4)) with boxxyerror lt %zu "
                      "title %q",
                      g, g + 1, label[g]);
    }
    return WRRFIG_OK;
}

wrrfig_status org_build_fig_1_2(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *t = h->table(ctx, ORG_T37296);
    if (!t)
        return WRRFIG_NODATA;
    static const char *const keys[] = {"text.panel_sum_differ"};
    const char *sum_differ;
    if (!wfc_spec_texts(h, ctx, keys, &sum_differ, 1))
        return WRRFIG_ERROR;
    double yy = 2018;
    h->spec_number(ctx, "year", &yy);
    int year = (int)yy;
    size_t np = h->spec_count(ctx, "panels");
    if (np == 0 || np > 2) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec needs 1 or 2 panels");
        return WRRFIG_ERROR;
    }
    double total;
    wrrfig_status st = org_topic(h, ctx, t, "PersoonMetEenMigratieachtergrond_28", year, &total);
    if (st != WRRFIG_OK)
        return st;
    double val[2][MAX_GROUPS];
    const char *lab[2][MAX_GROUPS];
    size_t ng[2];
    h->csv_row(ctx, "sssss", "panel", "group", "value", "total_migration_background", "share_percent");
    for (size_t p = 0; p < np; p++) {
        char key[48];
        snprintf(key, sizeof key, "panels.%zu.groups", p);
        ng[p] = h->spec_count(ctx, key);
        if (ng[p] == 0 || ng[p] > MAX_GROUPS)
            return WRRFIG_ERROR;
        snprintf(key, sizeof key, "panels.%zu.label", p);
        const char *plabel = h->spec_text(ctx, key) ? h->spec_text(ctx, key) : "";
        double sum = 0;
        for (size_t g = 0; g < ng[p]; g++) {
            char gk[64], lk[80];
            snprintf(gk, sizeof gk, "panels.%zu.groups.%zu", p, g);
            snprintf(lk, sizeof lk, "%s.label", gk);
            if ((st = group_sum(h, ctx, t, gk, year, &val[p][g])) != WRRFIG_OK)
                return st;
            lab[p][g] = h->spec_text(ctx, lk) ? h->spec_text(ctx, lk) : "?";
            sum += val[p][g];
            h->csv_row(ctx, "ssnnn", plabel, lab[p][g], val[p][g], total, 100.0 * val[p][g] / total);
        }
        if (sum != total) {
            char pt[16];
            snprintf(pt, sizeof pt, "%zu", p + 1);
            note_sum(h, ctx, sum_differ, pt, sum, total);
        }
        char name[16];
        snprintf(name, sizeof name, "p%zu", p);
        h->gp_block_begin(ctx, name);
        /* largest on top: rows are written bottom-up */
        for (size_t g = ng[p]; g-- > 0;)
            h->gp_block_row(ctx, "%zu %g %q", ng[p] - 1 - g, val[p][g] / 1000.0, lab[p][g]);
        h->gp_block_end(ctx);
    }
    h->gp_cmd(ctx, "unset title");
    /* wrrfig_title: the title the host wrapped to the canvas. */
    h->gp_cmd(ctx, "set multiplot layout 1,%zu title wrrfig_title font ',13'", np);
    h->gp_cmd(ctx, "set style fill solid 0.9 noborder");
    h->gp_cmd(ctx, "set grid xtics noytics");
    /* One x scale for both panels: they show the same unit side by side,
     * so autoscaling each (0-3000 next to 0-2000) would mislead. The range
     * leaves a fifth for the value labels, rounded up to 500 thousand. */
    double vmax = 0;
    for (size_t p = 0; p < np; p++)
        for (size_t g = 0; g < ng[p]; g++)
            if (val[p][g] / 1000.0 > vmax)
                vmax = val[p][g] / 1000.0;
    double xmax = ceil(vmax * 1.2 / 500.0) * 500.0;
    h->gp_cmd(ctx, "set xrange [0:%g]", xmax > 0 ? xmax : 1);
    /* Room for the longest group name: lmargin counts character widths of
     * the terminal's font, and a proportional font's letters average about
     * 0.85 of that. 27 for every name made the PDF's plot area too small
     * (gnuplot: "Terminal canvas area too small to hold plot"). */
    size_t longest = 0;
    for (size_t p = 0; p < np; p++)
        for (size_t g = 0; g < ng[p]; g++)
            if (strlen(lab[p][g]) > longest)
                longest = strlen(lab[p][g]);
    h->gp_cmd(ctx, "set lmargin %d", (int)ceil((double)longest * 0.85) + 2);
    h->gp_cmd(ctx, "set xtics 1000");
    const char *xl = h->spec_text(ctx, "xlabel");
    if (xl)
        h->gp_cmd(ctx, "set xlabel %q", xl);
    for (size_t p = 0; p < np; p++) {
        char key[48];
        snprintf(key, sizeof key, "panels.%zu.label", p);
        h->gp_cmd(ctx, "set title %q font ',11'", h->spec_text(ctx, key) ? h->spec_text(ctx, key) : "");
        h->gp_cmd(ctx, "set yrange [-0.6:%g]", ng[p] - 0.4);
        if (p == 0)
            h->gp_cmd(ctx,
                      "plot $p0 using ($2/2):1:(0):2:($1-0.35):($1+0.35):ytic(3) with boxxyerror lt 1 notitle, "
                      "$p0 using 2:1:(sprintf('%%.0f', $2)) with labels left offset 0.5,0 notitle");
        else
            h->gp_cmd(ctx,
                      "plot $p1 using ($2/2):1:(0):2:($1-0.35):($1+0.35):ytic(3) with boxxyerror lt 2 notitle, "
                      "$p1 using 2:1:(sprintf('%%.0f', $2)) with labels left offset 0.5,0 notitle");
        /* the source line (a screen label) once, not once per panel */
        if (p == 0)
            h->gp_cmd(ctx, "eval wrrfig_unset_frame");
    }
    h->gp_cmd(ctx, "unset multiplot");
    return WRRFIG_OK;
}
