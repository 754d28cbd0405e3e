/* hhi.granularity: how much the grouping moves the index. The spec names
 * the municipalities (params.areas), the CBS 84910NED table (inputs.origin)
 * and the period (params.period); each is shown at country level, with the
 * 7 groups of the KWB tables and with 3 groups. Drawn as clustered bars
 * with their values, and written as a Markdown table beside the figure. */
#include "hhi_figures.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "common/kindparam.h"
#include "common/spectext.h"
#include "hhi_classes.h"
#include "hhi_data.h"

#define MAX_CITIES 6
#define N_LEVELS 3

/* The label clause of bar c of n in a cluster (gap 1): at $0 shifted by
 * (2c - (n - 1)) / (2 (n + 1)), the fraction reduced; the last clause ends
 * the plot command. */
static void bar_label(const wrrfig_host *h, wrrfig_ctx *ctx, int c, int n)
{
    int num = 2 * c - (n - 1), den = 2 * (n + 1), a = num < 0 ? -num : num, b = den, col = c + 2;
    while (b) {
        int t = a % b;
        a = b;
        b = t;
    }
    if (a > 1)
        num /= a, den /= a;
    bool last = c == n - 1;
    if (num == 0 && last)
        h->gp_cmd(ctx, "  '' using ($0):%d:(gprintf('%%.2f', $%d)) with labels offset 0,0.8 notitle", col, col);
    else if (num == 0)
        h->gp_cmd(ctx, "  '' using ($0):%d:(gprintf('%%.2f', $%d)) with labels offset 0,0.8 notitle, \\", col, col);
    else if (num < 0 && last)
        h->gp_cmd(ctx, "  '' using ($0-%d.0/%d):%d:(gprintf('%%.2f', $%d)) with labels offset 0,0.8 notitle", -num, den,
                  col, col);
    else if (num < 0)
        h->gp_cmd(ctx, "  '' using ($0-%d.0/%d):%d:(gprintf('%%.2f', $%d)) with labels offset 0,0.8 notitle, \\",
                  -num, den, col, col);
    else if (last)
        h->gp_cmd(ctx, "  '' using ($0+%d.0/%d):%d:(gprintf('%%.2f', $%d)) with labels offset 0,0.8 notitle", num, den,
                  col, col);
    else
        h->gp_cmd(ctx, "  '' using ($0+%d.0/%d):%d:(gprintf('%%.2f', $%d)) with labels offset 0,0.8 notitle, \\", num,
                  den, col, col);
}

/* One datablock row: the cluster's label and the n cities' values. */
static void bar_row(const wrrfig_host *h, wrrfig_ctx *ctx, const char *label, const double *v, int n)
{
    switch (n) {
    case 1: h->gp_block_row(ctx, "%q %.4f", label, v[0]); break;
    case 2: h->gp_block_row(ctx, "%q %.4f %.4f", label, v[0], v[1]); break;
    case 3: h->gp_block_row(ctx, "%q %.4f %.4f %.4f", label, v[0], v[1], v[2]); break;
    case 4: h->gp_block_row(ctx, "%q %.4f %.4f %.4f %.4f", label, v[0], v[1], v[2], v[3]); break;
    case 5: h->gp_block_row(ctx, "%q %.4f %.4f %.4f %.4f %.4f", label, v[0], v[1], v[2], v[3], v[4]); break;
    default: h->gp_block_row(ctx, "%q %.4f %.4f %.4f %.4f %.4f %.4f", label, v[0], v[1], v[2], v[3], v[4], v[5]); break;
    }
}

wrrfig_status hhi_build_granularity(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    static const hhi_grouping levels[N_LEVELS] = {HHI_GCOUNTRY, HHI_G7, HHI_G3};
    const char *table = wfc_kind_text(h, ctx, "origin"), *period = wfc_kind_text(h, ctx, "period");
    int n_cities = (int)wfc_kind_count(h, ctx, "areas");
    if (!table || !period || n_cities < 1 || n_cities > MAX_CITIES) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec: expected inputs.origin, params.period (e.g. 2019JJ00) and params.areas "
                                      "(1 to %d codes)",
               MAX_CITIES);
        return WRRFIG_ERROR;
    }
    const char *cities[MAX_CITIES];
    for (int c = 0; c < n_cities; c++) {
        char key[32];
        snprintf(key, sizeof key, "areas.%d", c);
        if (!(cities[c] = wfc_kind_text(h, ctx, key))) {
            h->log(ctx, WRRFIG_LOG_ERROR, "spec %s: expected a municipality code", key);
            return WRRFIG_ERROR;
        }
    }
    /* Every text on the figure comes from the spec ({a} in a cluster name
     * is the number of groups). */
    enum { YLABEL, CL_COUNTRY, CL_GROUPS, HEAD, MARK = HEAD + 4, NOT_REPORT, N_TEXTS };
    static const char *const keys[N_TEXTS] = {"ylabel", "clusters.country", "clusters.groups", "table_header.0",
                                              "table_header.1", "table_header.2", "table_header.3",
                                              "text.decimal_mark", "text.not_report_grouping"};
    const char *text[N_TEXTS], *level_text[N_LEVELS];
    if (!wfc_spec_texts(h, ctx, keys, text, N_TEXTS))
        return WRRFIG_ERROR;
    const char *ylabel = text[YLABEL], *cl_country = text[CL_COUNTRY], *cl_groups = text[CL_GROUPS],
               *const *head = &text[HEAD], *mark = text[MARK];
    for (int l = 0; l < N_LEVELS; l++)
        if (!(level_text[l] = hhi_grouping_text(h, ctx, levels[l])))
            return WRRFIG_ERROR;
    hhi_area a[MAX_CITIES][N_LEVELS];
    for (int c = 0; c < n_cities; c++)
        for (int l = 0; l < N_LEVELS; l++) {
            wrrfig_status st = hhi_load_city(h, ctx, table, period, cities[c], levels[l], &a[c][l]);
            if (st != WRRFIG_OK)
                return st;
            if (!a[c][l].ok) {
                h->log(ctx, WRRFIG_LOG_ERROR, "%s: no index at grouping %s", cities[c], hhi_grouping_id(levels[l]));
                return WRRFIG_ERROR;
            }
        }

    for (int l = 0; l < N_LEVELS; l++)
        h->note(ctx, "%s", level_text[l]);
    h->note(ctx, "%s", text[NOT_REPORT]);

    h->csv_row(ctx, "sssssss", "code", "name", "grouping", "n_groups", "population", "hhi_wrr_1_minus_sum_p2",
               "hhi_textbook_sum_p2");
    for (int c = 0; c < n_cities; c++)
        for (int l = 0; l < N_LEVELS; l++)
            h->csv_row(ctx, "sssinnn", a[c][l].code, a[c][l].name, hhi_grouping_id(levels[l]), (int)a[c][l].n,
                       a[c][l].pop, a[c][l].d, a[c][l].h);

    /* Bars: one cluster per grouping, one bar per city. */
    h->gp_block_begin(ctx, "g");
    for (int l = 0; l < N_LEVELS; l++) {
        char label[96], n[24];
        snprintf(n, sizeof n, "%zu", a[0][l].n);
        wfc_fill(label, sizeof label, levels[l] == HHI_GCOUNTRY ? cl_country : cl_groups, (const char *const[]){"a"},
                 (const char *const[]){n}, 1);
        double v[MAX_CITIES];
        for (int c = 0; c < n_cities; c++)
            v[c] = a[c][l].d;
        bar_row(h, ctx, label, v, n_cities);
    }
    h->gp_block_end(ctx);
    h->gp_cmd(ctx, "set ylabel %q", ylabel);
    h->gp_cmd(ctx, "set yrange [0:1]");
    h->gp_cmd(ctx, "set ytics 0.2");
    h->gp_cmd(ctx, "set grid ytics lc rgb '#dddddd'");
    h->gp_cmd(ctx, "set style data histograms");
    h->gp_cmd(ctx, "set style histogram clustered gap 1");
    h->gp_cmd(ctx, "set style fill solid 0.9 noborder"); /* the house style of bar charts: no outlines */
    h->gp_cmd(ctx, "set boxwidth 0.9");
    h->gp_cmd(ctx, "set xtics scale 0");
    h->gp_cmd(ctx, "set key top right spacing 1.5 samplen 1.5"); /* taller, filled key patches */
    h->gp_cmd(ctx, "plot $g using 2:xtic(1) title %q lc rgb %c, \\", a[0][0].name, 0);
    for (int c = 1; c < n_cities; c++)
        h->gp_cmd(ctx, "  '' using %d title %q lc rgb %c, \\", c + 2, a[c][0].name, c);
    for (int c = 0; c < n_cities; c++)
        bar_label(h, ctx, c, n_cities);

    /* The same numbers as a table a reader can copy. */
    char md[2048];
    size_t len = (size_t)snprintf(md, sizeof md, "| %s | %s | %s | %s |\n|---|---:|---:|---:|\n", head[0], head[1],
                                  head[2], head[3]);
    for (int c = 0; c < n_cities && len < sizeof md; c++) {
        char v[N_LEVELS][16];
        for (int l = 0; l < N_LEVELS; l++) {
            snprintf(v[l], sizeof v[l], "%.3f", a[c][l].d);
            wfc_decimal(v[l], sizeof v[l], mark);
        }
        len += (size_t)snprintf(md + len, sizeof md - len, "| %s | %s | %s | %s |\n", a[c][0].name, v[0], v[1], v[2]);
    }
    h->output_text(ctx, "md", md);
    return WRRFIG_OK;
}
