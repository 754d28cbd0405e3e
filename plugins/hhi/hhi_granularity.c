/* hhi-granularity: how much the grouping moves the index. Den Haag and
 * Amsterdam on 1 January 2019 (CBS 84910NED) at country level, with the
 * 7 groups of the KWB tables and with 3 groups. Drawn as clustered bars
 * with their values, and written as a Markdown table beside the figure. */
#include "hhi_figures.h"

#include <stdio.h>
#include <string.h>

#include "hhi_data.h"

#define N_CITIES 2
#define N_LEVELS 3

wrrfig_status hhi_build_granularity(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    static const char *const cities[N_CITIES] = {"GM0518", "GM0363"};
    static const hhi_grouping levels[N_LEVELS] = {HHI_GCOUNTRY, HHI_G7, HHI_G3};
    int nl = strcmp(h->lang(ctx), "nl") == 0;
    hhi_area a[N_CITIES][N_LEVELS];
    for (int c = 0; c < N_CITIES; c++)
        for (int l = 0; l < N_LEVELS; l++) {
            wrrfig_status st = hhi_load_city(h, ctx, cities[c], levels[l], &a[c][l]);
            if (st != WRRFIG_OK)
                return st;
            if (!a[c][l].ok) {
                h->log(ctx, WRRFIG_LOG_ERROR, "%s: no index at grouping %s", cities[c], hhi_grouping_id(levels[l]));
                return WRRFIG_ERROR;
            }
        }

    for (int l = 0; l < N_LEVELS; l++)
        h->note(ctx, "%s", hhi_grouping_desc(levels[l], nl));
    h->note(ctx, "None of these is the report's grouping (18 geolinguistic groups): country level is finer, 7 "
                 "and 3 groups are coarser; the report's 2015 values are not reproduced here");

    h->csv_row(ctx, "sssssss", "code", "name", "grouping", "n_groups", "population", "hhi_wrr_1_minus_sum_p2",
               "hhi_textbook_sum_p2");
    for (int c = 0; c < N_CITIES; c++)
        for (int l = 0; l < N_LEVELS; l++)
            h->csv_row(ctx, "sssinnn", a[c][l].code, a[c][l].name, hhi_grouping_id(levels[l]), (int)a[c][l].n,
                       a[c][l].pop, a[c][l].d, a[c][l].h);

    /* Bars: one cluster per grouping, one bar per city. */
    h->gp_block_begin(ctx, "g");
    for (int l = 0; l < N_LEVELS; l++) {
        char label[48];
        if (levels[l] == HHI_GCOUNTRY)
            snprintf(label, sizeof label, nl ? "landen (%zu groepen)" : "countries (%zu groups)", a[0][l].n);
        else
            snprintf(label, sizeof label, nl ? "%zu groepen" : "%zu groups", a[0][l].n);
        h->gp_block_row(ctx, "%q %.4f %.4f", label, a[0][l].d, a[1][l].d);
    }
    h->gp_block_end(ctx);
    const char *ylabel = h->spec_text(ctx, "ylabel");
    h->gp_cmd(ctx, "set ylabel %q", ylabel ? ylabel : "hhi");
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
    h->gp_cmd(ctx, "  '' using 3 title %q lc rgb %c, \\", a[1][0].name, 1);
    h->gp_cmd(ctx, "  '' using ($0-1.0/6):2:(gprintf('%%.2f', $2)) with labels offset 0,0.8 notitle, \\");
    h->gp_cmd(ctx, "  '' using ($0+1.0/6):3:(gprintf('%%.2f', $3)) with labels offset 0,0.8 notitle");

    /* The same numbers as a table a reader can copy. */
    char md[2048];
    size_t len = (size_t)snprintf(md, sizeof md, "| %s | %s | %s | %s |\n|---|---:|---:|---:|\n",
                                  nl ? "gemeente" : "municipality", nl ? "landen" : "countries",
                                  nl ? "7 groepen" : "7 groups", nl ? "3 groepen" : "3 groups");
    for (int c = 0; c < N_CITIES && len < sizeof md; c++) {
        char v[N_LEVELS][16];
        for (int l = 0; l < N_LEVELS; l++) {
            snprintf(v[l], sizeof v[l], "%.3f", a[c][l].d);
            if (nl)
                *strchr(v[l], '.') = ',';
        }
        len += (size_t)snprintf(md + len, sizeof md - len, "| %s | %s | %s | %s |\n", a[c][0].name, v[0], v[1], v[2]);
    }
    h->output_text(ctx, "md", md);
    return WRRFIG_OK;
}
