/* typology: Figuur 3.13, examples of the eight municipality types. The
 * report names example municipalities per type (Kader 2.3); the full
 * assignment behind the figure (VNG 2020: 39) is not published in it. So
 * this map colours exactly the named examples on the 2015 boundaries and
 * leaves every other municipality grey: it shows what the report states,
 * not a classification of all municipalities. */
#include <wrrfig/plugin.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/choropleth.h"
#include "common/maplabels.h"

#define MAX_TYPES 12
#define TYPES_INPUT "report/kader-2-3"
#define GEO_INPUT "geo/gemeente_2015"

typedef struct legend {
    const char *type[MAX_TYPES], *label[MAX_TYPES], *colour[MAX_TYPES];
    size_t n;
    const char *rest_colour, *rest_label;
} legend;

static int read_legend(const wrrfig_host *h, wrrfig_ctx *ctx, legend *lg)
{
    lg->n = h->spec_count(ctx, "legend");
    if (lg->n == 0 || lg->n > MAX_TYPES) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec legend: expected 1-%d entries", MAX_TYPES);
        return -1;
    }
    for (size_t i = 0; i < lg->n; i++) {
        char k[48];
        snprintf(k, sizeof k, "legend.%zu.type", i);
        lg->type[i] = h->spec_text(ctx, k);
        snprintf(k, sizeof k, "legend.%zu.label", i);
        lg->label[i] = h->spec_text(ctx, k);
        snprintf(k, sizeof k, "legend.%zu.colour", i);
        lg->colour[i] = h->spec_text(ctx, k);
        if (!lg->type[i] || !lg->label[i] || !lg->colour[i] || lg->colour[i][0] != '#' ||
            strlen(lg->colour[i]) != 7) {
            h->log(ctx, WRRFIG_LOG_ERROR, "spec legend.%zu: expected type, label and colour '#rrggbb'", i);
            return -1;
        }
    }
    lg->rest_colour = h->spec_text(ctx, "rest.colour");
    lg->rest_label = h->spec_text(ctx, "rest.label");
    if (!lg->rest_colour || !lg->rest_label) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec rest: expected colour and label");
        return -1;
    }
    return 0;
}

static int legend_index(const legend *lg, const char *type)
{
    for (size_t i = 0; i < lg->n; i++)
        if (strcmp(lg->type[i], type) == 0)
            return (int)i;
    return -1;
}

static const wrrfig_feature *find_feature(const wrrfig_feature *f, size_t n, const char *code)
{
    size_t lo = 0, hi = n; /* the host sorts features by code */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(f[mid].code, code);
        if (c == 0)
            return &f[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* Plots the map (outer rings by class, the holes white, then the rings
 * inside holes), then the names block when given. */
static void map_plot(const wrrfig_host *h, wrrfig_ctx *ctx, const wfc_choro_parts *m, const char *names)
{
    wfc_plot pl = {m->n_clauses + (names != NULL), 0};
    h->gp_cmd(ctx, "plot \\");
    wfc_choro_plot(h, ctx, m, &pl);
    if (names) {
        if (strcmp(names, "names_main") == 0)
            WFC_PLOT_CLAUSE(h, ctx, &pl, "  $names_main using 1:2:3 with labels font %q textcolor rgb %q noenhanced",
                            ",9", "#111111");
        else
            WFC_PLOT_CLAUSE(h, ctx, &pl, "  $names_inset using 1:2:3 with labels font %q textcolor rgb %q noenhanced",
                            ",9", "#111111");
    }
}

static wrrfig_status build_fig_3_13(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    legend lg;
    if (read_legend(h, ctx, &lg) < 0)
        return WRRFIG_ERROR;
    const wrrfig_table *t = h->table(ctx, TYPES_INPUT);
    if (!t)
        return WRRFIG_NODATA;
    size_t nf = 0;
    const wrrfig_feature *f = h->geo_features(ctx, GEO_INPUT, &nf);
    if (!f || nf == 0)
        return WRRFIG_NODATA;
    int dt = h->table_dim_index(t, "type"), dg = h->table_dim_index(t, "gemeente"),
        dc = h->table_dim_index(t, "statcode_2015");
    if (dt < 0 || dg < 0 || dc < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: expected columns type, gemeente and statcode_2015", TYPES_INPUT);
        return WRRFIG_ERROR;
    }
    int *cls = malloc(nf * sizeof *cls);
    if (!cls)
        return WRRFIG_ERROR;
    for (size_t i = 0; i < nf; i++)
        cls[i] = (int)lg.n;

    h->csv_row(ctx, "ssssss", "statcode_2015", "gemeente_report", "gemeente_boundaries", "type", "type_label",
               "drawn");
    size_t rows = h->table_rows(t), matched = 0, coloured = 0;
    for (size_t r = 0; r < rows; r++) {
        const char *type = h->table_key(t, r, (size_t)dt), *name = h->table_key(t, r, (size_t)dg),
                   *code = h->table_key(t, r, (size_t)dc);
        int k = legend_index(&lg, type);
        const wrrfig_feature *feat = find_feature(f, nf, code);
        if (!feat) {
            h->note(ctx, "%s (%s, %s) is not in the 2015 boundaries: not drawn.", name, code, type);
        } else {
            matched++;
            if (strcmp(feat->name, name) != 0)
                h->note(ctx, "%s is named '%s' in the boundaries (%s).", name, feat->name, code);
            if (k >= 0) {
                size_t i = (size_t)(feat - f);
                if (cls[i] == (int)lg.n) {
                    cls[i] = k;
                    coloured++;
                } else if (cls[i] != k) {
                    h->note(ctx, "%s is an example of two types; drawn as the first.", name);
                }
            }
        }
        h->csv_row(ctx, "ssssss", code, name, feat ? feat->name : "", type,
                   k >= 0 ? lg.label[k] : "(not a type of the figure's legend)",
                   feat && k >= 0 ? "coloured" : feat ? "grey" : "absent");
    }
    h->note(ctx, "Coloured: the %zu example municipalities Kader 2.3 names for the legend's types; all other "
                 "municipalities are grey. The report's full classification (VNG 2020: 39) is not in the report.",
            coloured);
    if (matched < rows)
        h->log(ctx, WRRFIG_LOG_WARN, "%zu of %zu example municipalities not in the boundaries", rows - matched,
               rows);

    const wrrfig_feature **regions = malloc(nf * sizeof *regions);
    if (!regions) {
        free(cls);
        return WRRFIG_ERROR;
    }
    for (size_t i = 0; i < nf; i++) {
        regions[i] = &f[i];
        if (cls[i] == (int)lg.n)
            cls[i] = WFC_CHORO_NONE;
    }
    double box[4];
    if (wfc_regions_bbox(regions, nf, box) != 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: no drawable outline", GEO_INPUT);
        free(regions);
        free(cls);
        return WRRFIG_ERROR;
    }
    double x0 = box[0], x1 = box[1], y0 = box[2], y1 = box[3];
    wfc_choropleth map = {regions, nf, cls, lg.n, lg.colour, lg.rest_colour, "#ffffff", 0.3};
    wfc_choro_parts mp;
    if (wfc_choro_blocks(h, ctx, &map, &mp) != 0) {
        free(regions);
        free(cls);
        return WRRFIG_ERROR;
    }

    /* An inset enlarges the crowded west (spec "inset", RD metres), so
     * small examples such as Diemen or Rijswijk can be seen and named. */
    double inset[4] = {0, 0, 0, 0};
    int has_inset = 1;
    for (int i = 0; i < 4 && has_inset; i++) {
        char k[24];
        snprintf(k, sizeof k, "inset.%d", i);
        has_inset = h->spec_number(ctx, k, &inset[i]);
    }
    if (has_inset && !(inset[1] > inset[0] && inset[3] > inset[2])) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec inset: expected [x0, x1, y0, y1] with x0 < x1 and y0 < y1");
        free(regions);
        free(cls);
        return WRRFIG_ERROR;
    }
    int any_main = 0, any_inset = 0;
    for (int pass = 0; pass < 2; pass++) {
        int any = 0;
        for (size_t i = 0; i < nf; i++) {
            double lx, ly;
            if (cls[i] == WFC_CHORO_NONE || wfc_label_point(&f[i], &lx, &ly) < 0)
                continue;
            int in = has_inset && lx >= inset[0] && lx <= inset[1] && ly >= inset[2] && ly <= inset[3];
            if (in != pass)
                continue;
            if (!any)
                h->gp_block_begin(ctx, pass ? "names_inset" : "names_main");
            any = 1;
            h->gp_block_row(ctx, "%.1f %.1f %q", lx, ly, f[i].name);
        }
        if (any)
            h->gp_block_end(ctx);
        if (pass)
            any_inset = any;
        else
            any_main = any;
    }

    double mx = 0.02 * (x1 - x0), my = 0.02 * (y1 - y0);
    h->gp_cmd(ctx, "unset title");
    h->gp_cmd(ctx, "unset key");
    h->gp_cmd(ctx, "unset border");
    h->gp_cmd(ctx, "unset xtics");
    h->gp_cmd(ctx, "unset ytics");
    h->gp_cmd(ctx, "unset grid");
    h->gp_cmd(ctx, "set style fill solid 1.0 border lc rgb '#ffffff'");
    /* wrrfig_title: the title the host wrapped to the canvas. */
    h->gp_cmd(ctx, "set multiplot title wrrfig_title font ',13'");
    /* 1: the whole country */
    h->gp_cmd(ctx, "set size ratio -1");
    h->gp_cmd(ctx, "set origin 0,0.04");
    h->gp_cmd(ctx, "set size 0.56,0.86");
    h->gp_cmd(ctx, "set xrange [%.1f:%.1f]", x0 - mx, x1 + mx);
    h->gp_cmd(ctx, "set yrange [%.1f:%.1f]", y0 - my, y1 + my);
    if (has_inset)
        h->gp_cmd(ctx, "set object 1 rectangle from %.1f,%.1f to %.1f,%.1f front fillstyle empty border "
                       "linecolor rgb '#333333' linewidth 1", inset[0], inset[2], inset[1], inset[3]);
    map_plot(h, ctx, &mp, any_main ? "names_main" : NULL);
    h->gp_cmd(ctx, "unset object 1");
    h->gp_cmd(ctx, "unset label 9999");
    if (has_inset) {
        /* 2: the inset, framed */
        h->gp_cmd(ctx, "set origin 0.56,0.06");
        h->gp_cmd(ctx, "set size 0.42,0.5");
        h->gp_cmd(ctx, "set xrange [%.1f:%.1f]", inset[0], inset[1]);
        h->gp_cmd(ctx, "set yrange [%.1f:%.1f]", inset[2], inset[3]);
        h->gp_cmd(ctx, "set border 15 linecolor rgb '#333333' linewidth 1");
        map_plot(h, ctx, &mp, any_inset ? "names_inset" : NULL);
        h->gp_cmd(ctx, "unset border");
    }
    /* 3: the legend on its own, above the inset */
    h->gp_cmd(ctx, "set origin 0.56,0.56");
    h->gp_cmd(ctx, "set size 0.43,0.36");
    h->gp_cmd(ctx, "set size noratio");
    h->gp_cmd(ctx, "set xrange [0:1]");
    h->gp_cmd(ctx, "set yrange [0:1]");
    h->gp_cmd(ctx, "set key inside top left Left reverse samplen 1.5 spacing 1.15 noautotitle");
    /* a plot of key entries alone trips an assertion in gnuplot 5.4, so an
     * empty curve comes first */
    wfc_plot pl = {lg.n + 2, 0};
    h->gp_cmd(ctx, "plot \\");
    WFC_PLOT_CLAUSE(h, ctx, &pl, "  %g notitle", NAN);
    for (size_t k = 0; k < lg.n; k++)
        WFC_PLOT_CLAUSE(h, ctx, &pl, "  keyentry with boxes fillcolor rgb %q title %q", lg.colour[k], lg.label[k]);
    WFC_PLOT_CLAUSE(h, ctx, &pl, "  keyentry with boxes fillcolor rgb %q title %q", lg.rest_colour, lg.rest_label);
    h->gp_cmd(ctx, "unset multiplot");
    free(regions);
    free(cls);
    return WRRFIG_OK;
}

static const char *const in_3_13[] = {TYPES_INPUT, GEO_INPUT, NULL};

static const wrrfig_figure figures[] = {
    {"fig-3-13", in_3_13,
     "the example municipalities of Kader 2.3 (data/report/kader-2-3, in the project) and the 2015 municipal "
     "boundaries (geo/gemeente_2015: CBS/PDOK gebiedsindelingen 2015, converted with wrrfig import-geo); the "
     "report's full typology (VNG 2020: 39) is not public in the report",
     build_fig_3_13},
};

WRRFIG_PLUGIN_DEFINE_NO_MEASURES("typology", "1.0.0",
                                 "Municipality types: the report's example municipalities on a map (figure 3.13)",
                                 figures);
