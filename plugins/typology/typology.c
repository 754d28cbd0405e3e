/* typology: Figuur 3.13, examples of the eight municipality types. The
 * report names example municipalities per type (Kader 2.3); the full
 * assignment behind the figure (VNG 2020: 39) is not published in it. So
 * this map colours exactly the named examples on the 2015 boundaries and
 * leaves every other municipality grey: it shows what the report states,
 * not a classification of all municipalities. */
#include <wrrfig/plugin.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/choropleth.h"
#include "common/kindparam.h"
#include "common/maplabels.h"
#include "common/spectext.h"

#define MAX_TYPES 12

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

/* One note: tmpl (spec text) with names[i] replaced by values[i]. */
static void note_fill(const wrrfig_host *h, wrrfig_ctx *ctx, const char *tmpl, const char *const *names,
                      const char *const *values, size_t n)
{
    char note[1024];
    wfc_fill(note, sizeof note, tmpl, names, values, n);
    h->note(ctx, "%s", note);
}

static wrrfig_status build_examples_map(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    legend lg;
    if (read_legend(h, ctx, &lg) < 0)
        return WRRFIG_ERROR;
    /* The notes' words, in the output language, before any data. */
    enum { NOT_IN_BOUNDARIES, RENAMED, TWO_TYPES, COLOURED, N_WORDS };
    static const char *const keys[N_WORDS] = {"text.not_in_boundaries", "text.renamed", "text.two_types",
                                              "text.coloured"};
    const char *words[N_WORDS];
    if (!wfc_spec_texts(h, ctx, keys, words, N_WORDS))
        return WRRFIG_ERROR;
    /* The example table and the boundaries come from the spec's inputs. */
    const char *types_input = wfc_kind_text(h, ctx, "examples"), *geo_input = wfc_kind_text(h, ctx, "boundaries");
    if (!types_input || !geo_input) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec inputs: expected examples (the example municipalities) and boundaries");
        return WRRFIG_ERROR;
    }
    const wrrfig_table *t = h->table(ctx, types_input);
    if (!t)
        return WRRFIG_NODATA;
    size_t nf = 0;
    const wrrfig_feature *f = h->geo_features(ctx, geo_input, &nf);
    if (!f || nf == 0)
        return WRRFIG_NODATA;
    int dt = h->table_dim_index(t, "type"), dg = h->table_dim_index(t, "gemeente"),
        dc = h->table_dim_index(t, "statcode_2015");
    if (dt < 0 || dg < 0 || dc < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: expected columns type, gemeente and statcode_2015", types_input);
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
            note_fill(h, ctx, words[NOT_IN_BOUNDARIES], (const char *const[]){"name", "code", "type"},
                      (const char *const[]){name, code, type}, 3);
        } else {
            matched++;
            if (strcmp(feat->name, name) != 0)
                note_fill(h, ctx, words[RENAMED], (const char *const[]){"name", "boundary_name", "code"},
                          (const char *const[]){name, feat->name, code}, 3);
            if (k >= 0) {
                size_t i = (size_t)(feat - f);
                if (cls[i] == (int)lg.n) {
                    cls[i] = k;
                    coloured++;
                } else if (cls[i] != k) {
                    note_fill(h, ctx, words[TWO_TYPES], (const char *const[]){"name"}, (const char *const[]){name},
                              1);
                }
            }
        }
        h->csv_row(ctx, "ssssss", code, name, feat ? feat->name : "", type,
                   k >= 0 ? lg.label[k] : "(not a type of the figure's legend)",
                   feat && k >= 0 ? "coloured" : feat ? "grey" : "absent");
    }
    char nc[24];
    snprintf(nc, sizeof nc, "%zu", coloured);
    note_fill(h, ctx, words[COLOURED], (const char *const[]){"n"}, (const char *const[]){nc}, 1);
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
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: no drawable outline", geo_input);
        free(regions);
        free(cls);
        return WRRFIG_ERROR;
    }
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
    /* Layout: the country left, the legend top right, the inset below it. */
    double cw, ch, area[4];
    wfc_canvas(h, ctx, &cw, &ch);
    wfc_map_area(h, ctx, cw, ch, area);
    const double scr_main[4] = {area[0], 0.56, area[2], area[3]};
    const double scr_legend[4] = {0.58, 0.99, 0.60, area[3]};
    const double scr_inset[4] = {0.58, 0.985, area[2] + 0.01, 0.585};
    wfc_view vmain, vinset = {0, 0, 0, 0, 1};
    wfc_view_fit(box, 0.01, scr_main, cw, ch, &vmain);
    if (has_inset)
        wfc_view_fit(inset, 0, scr_inset, cw, ch, &vinset);
    bool *small = calloc(nf ? nf : 1, sizeof *small);
    bool *small_inset = calloc(nf ? nf : 1, sizeof *small_inset);
    wfc_label *lab_main = calloc(nf ? nf : 1, sizeof *lab_main);
    wfc_label *lab_inset = calloc(nf ? nf : 1, sizeof *lab_inset);
    wrrfig_status rc = WRRFIG_ERROR;
    if (!small || !small_inset || !lab_main || !lab_inset)
        goto out;
    /* Regions too small to see at the country's scale (Urk) get a marker. */
    size_t marks_main = wfc_choro_marks(h, ctx, &map, &vmain, 10, 0, small);
    size_t marks_inset = has_inset ? wfc_choro_marks(h, ctx, &map, &vinset, 10, 1, small_inset) : 0;
    /* Names: every coloured municipality, in the inset when its label point
     * lies there, placed clear of each other with leaders where moved. */
    size_t n_main = 0, n_inset = 0;
    for (size_t i = 0; i < nf; i++) {
        double lx, ly;
        if (cls[i] == WFC_CHORO_NONE || wfc_label_point(&f[i], &lx, &ly) < 0)
            continue;
        bool in = has_inset && lx >= vinset.x0 && lx <= vinset.x1 && ly >= vinset.y0 && ly <= vinset.y1;
        const wfc_view *v = in ? &vinset : &vmain;
        wfc_label *l = in ? &lab_inset[n_inset++] : &lab_main[n_main++];
        *l = (wfc_label){.text = f[i].name, .ax = lx, .ay = ly};
        l->w = (wfc_text_width_px(f[i].name, 9) + 4) * v->upp;
        l->h = 12 * v->upp;
        wfc_feature_extent(&f[i], &l->rw, &l->rh);
    }
    double pad = 2 * vmain.upp;
    const double frame_main[4] = {vmain.x0 + pad, vmain.x1 - pad, vmain.y0 + pad, vmain.y1 - pad};
    const double obst_main[1][4] = {{vinset.x0, vinset.x1, vinset.y0, vinset.y1}};
    size_t placed = wfc_place_labels(lab_main, n_main, frame_main, obst_main, has_inset ? 1 : 0, 3 * vmain.upp, 30);
    if (has_inset) {
        pad = 2 * vinset.upp;
        const double frame_inset[4] = {vinset.x0 + pad, vinset.x1 - pad, vinset.y0 + pad, vinset.y1 - pad};
        placed += wfc_place_labels(lab_inset, n_inset, frame_inset, NULL, 0, 3 * vinset.upp, 30);
    }
    if (placed < n_main + n_inset)
        h->log(ctx, WRRFIG_LOG_WARN, "%zu of %zu names found no free place and are not drawn",
               n_main + n_inset - placed, n_main + n_inset);
    size_t lc_main = wfc_label_blocks(h, ctx, lab_main, n_main, 0);
    size_t lc_inset = wfc_label_blocks(h, ctx, lab_inset, n_inset, 1);

    h->gp_cmd(ctx, "unset title");
    h->gp_cmd(ctx, "unset key");
    h->gp_cmd(ctx, "unset border");
    h->gp_cmd(ctx, "unset xtics");
    h->gp_cmd(ctx, "unset ytics");
    h->gp_cmd(ctx, "unset grid");
    h->gp_cmd(ctx, "set style fill solid 1.0 border lc rgb '#ffffff'");
    wfc_label_style(h, ctx);
    /* wrrfig_title: the title the host wrapped to the canvas. */
    h->gp_cmd(ctx, "set multiplot title wrrfig_title font ',13'");
    /* 1: the whole country, the inset's area framed */
    wfc_view_apply(h, ctx, scr_main, &vmain);
    if (has_inset)
        h->gp_cmd(ctx, "set object 1 rectangle from %.1f,%.1f to %.1f,%.1f front fillstyle empty border "
                       "linecolor rgb '#333333' linewidth 1", vinset.x0, vinset.y0, vinset.x1, vinset.y1);
    wfc_plot pl = {mp.n_clauses + marks_main + lc_main, 0};
    h->gp_cmd(ctx, "plot \\");
    wfc_choro_plot(h, ctx, &mp, &pl);
    if (marks_main)
        wfc_choro_marks_plot(h, ctx, 0, &pl);
    wfc_label_plot(h, ctx, lab_main, n_main, 0, 9, &pl);
    h->gp_cmd(ctx, "unset object 1");
    h->gp_cmd(ctx, "unset label 9999");
    if (has_inset) {
        /* 2: the inset, framed */
        wfc_view_apply(h, ctx, scr_inset, &vinset);
        h->gp_cmd(ctx, "set border 15 linecolor rgb '#333333' linewidth 1");
        pl = (wfc_plot){mp.n_clauses + marks_inset + lc_inset, 0};
        h->gp_cmd(ctx, "plot \\");
        wfc_choro_plot(h, ctx, &mp, &pl);
        if (marks_inset)
            wfc_choro_marks_plot(h, ctx, 1, &pl);
        wfc_label_plot(h, ctx, lab_inset, n_inset, 1, 9, &pl);
        h->gp_cmd(ctx, "unset border");
    }
    /* 3: the legend on its own, above the inset: filled, outlined patches */
    wfc_screen_margins(h, ctx, scr_legend);
    h->gp_cmd(ctx, "set xrange [0:1]");
    h->gp_cmd(ctx, "set yrange [0:1]");
    h->gp_cmd(ctx, "set key inside top left Left reverse samplen 1.2 spacing 1.5 noautotitle");
    const char *small_label = h->spec_text(ctx, "small.label");
    bool any_small = false;
    for (size_t i = 0; i < nf; i++)
        any_small |= small[i];
    any_small = any_small && small_label;
    /* a plot of key entries alone trips an assertion in gnuplot 5.4, so an
     * empty curve comes first */
    pl = (wfc_plot){lg.n + 2 + any_small, 0};
    h->gp_cmd(ctx, "plot \\");
    WFC_PLOT_CLAUSE(h, ctx, &pl, "  %g notitle", NAN);
    for (size_t k = 0; k < lg.n; k++)
        WFC_PLOT_CLAUSE(h, ctx, &pl, "  keyentry with boxes fillcolor rgb %q fs solid 1.0 border lc rgb %q title %q",
                        lg.colour[k], "#666666", lg.label[k]);
    WFC_PLOT_CLAUSE(h, ctx, &pl, "  keyentry with boxes fillcolor rgb %q fs solid 1.0 border lc rgb %q title %q",
                    lg.rest_colour, "#666666", lg.rest_label);
    if (any_small)
        WFC_PLOT_CLAUSE(h, ctx, &pl, "  keyentry with points pt 6 ps 1.1 lw 1 lc rgb %q title %q", "#222222",
                        small_label);
    h->gp_cmd(ctx, "unset multiplot");
    rc = WRRFIG_OK;
out:
    free(small);
    free(small_inset);
    free(lab_main);
    free(lab_inset);
    free(regions);
    free(cls);
    return rc;
}

/* fig-3-13 is a spec of this kind (figures/fig-3-13.json names the example
 * table and the boundaries). */
static const wrrfig_param examples_params[] = {
    {.name = "examples", .type = WRRFIG_PARAM_TABLE, .def = NULL,
     .doc = "the example municipalities: a text table with columns type, gemeente and statcode_2015"},
    {.name = "boundaries", .type = WRRFIG_PARAM_LAYER, .def = NULL, .doc = "municipal boundaries of those codes"},
};

static const wrrfig_kind kinds[] = {
    {.id = "typology.examples-map",
     .doc = "a map of example municipalities coloured by their type, every other municipality grey, with an inset",
     .params = examples_params,
     .param_size = sizeof examples_params[0],
     .n_params = WRRFIG_COUNT(examples_params),
     .needs = "the table of example municipalities and the boundaries the spec names",
     .build = build_examples_map},
};

WRRFIG_PLUGIN("typology", "1.0.0", "Municipality types: the report's example municipalities on a map (figure 3.13)",
              WRRFIG_NONE, WRRFIG_NONE, WRRFIG_ARRAY(kinds));
