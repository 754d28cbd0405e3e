#include "hhi_map.h"

#include <stdbool.h>
#include <string.h>

static const char *const PLACES[] = {"top left", "top right", "bottom left", "bottom right", "outside"};

int hhi_legend_place(const char *spec)
{
    if (!spec)
        return 0;
    for (int i = 0; i < (int)(sizeof PLACES / sizeof *PLACES); i++)
        if (strcmp(spec, PLACES[i]) == 0)
            return i;
    return -1;
}

int hhi_draw_map(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_feature *const *regions,
                 const int *cls, size_t n, const hhi_map_legend *lg)
{
    bool has_nodata = false;
    for (size_t i = 0; i < n; i++)
        has_nodata |= cls[i] == HHI_NO_CLASS;
    double box[4];
    if (wfc_regions_bbox(regions, n, box) != 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "no region with a drawable outline");
        return -1;
    }
    wfc_choropleth m = {regions, n, cls, lg->n_classes, lg->colours, lg->nodata_colour, "white", 0.4};
    wfc_choro_parts parts;
    if (wfc_choro_blocks(h, ctx, &m, &parts) != 0)
        return -1;

    /* A margin of 4 % keeps every vertex strictly inside the range. */
    double mx = 0.04 * (box[1] - box[0]), my = 0.04 * (box[3] - box[2]);
    h->gp_cmd(ctx, "set xrange [%.1f:%.1f]", box[0] - mx, box[1] + mx);
    h->gp_cmd(ctx, "set yrange [%.1f:%.1f]", box[2] - my, box[3] + my);
    h->gp_cmd(ctx, "set size ratio -1");
    h->gp_cmd(ctx, "unset border");
    h->gp_cmd(ctx, "unset xtics");
    h->gp_cmd(ctx, "unset ytics");
    h->gp_cmd(ctx, "unset grid");
    /* Keywords cannot go through %q, so each place is its own literal. */
    switch (lg->place) {
    case 1: h->gp_cmd(ctx, "set key top right Left reverse samplen 1.5 spacing 1.1 opaque noautotitle"); break;
    case 2: h->gp_cmd(ctx, "set key bottom left Left reverse samplen 1.5 spacing 1.1 opaque noautotitle"); break;
    case 3: h->gp_cmd(ctx, "set key bottom right Left reverse samplen 1.5 spacing 1.1 opaque noautotitle"); break;
    case 4: h->gp_cmd(ctx, "set key outside right top Left reverse samplen 1.5 spacing 1.1 noautotitle"); break;
    default: h->gp_cmd(ctx, "set key top left Left reverse samplen 1.5 spacing 1.1 opaque noautotitle"); break;
    }
    h->gp_cmd(ctx, "set style fill solid 1.0 border lc rgb 'white'");

    wfc_plot pl = {parts.n_clauses + lg->n_classes + has_nodata, 0};
    h->gp_cmd(ctx, "plot \\");
    wfc_choro_plot(h, ctx, &parts, &pl);
    /* Legend from the highest class down, as maps usually read. */
    for (size_t k = lg->n_classes; k-- > 0;)
        WFC_PLOT_CLAUSE(h, ctx, &pl, "  keyentry with boxes fc rgb %q title %q", lg->colours[k], lg->labels[k]);
    if (has_nodata)
        WFC_PLOT_CLAUSE(h, ctx, &pl, "  keyentry with boxes fc rgb %q title %q", lg->nodata_colour, lg->nodata_label);
    return 0;
}
