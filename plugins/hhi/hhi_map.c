#include "hhi_map.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/maplabels.h"

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

/* Names of the regions the spec lists ("labels": [{"code", "text"}]),
 * placed clear of each other and of the legend box. Returns the number of
 * labels (in l, at most n). */
static size_t spec_labels(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_feature *const *regions, size_t n,
                          const wfc_view *v, wfc_label *l)
{
    size_t nl = h->spec_count(ctx, "labels"), m = 0;
    for (size_t k = 0; k < nl && m < n; k++) {
        char key[40];
        snprintf(key, sizeof key, "labels.%zu.code", k);
        const char *code = h->spec_text(ctx, key);
        snprintf(key, sizeof key, "labels.%zu.text", k);
        const char *text = h->spec_text(ctx, key);
        if (!code || !text) {
            h->log(ctx, WRRFIG_LOG_WARN, "spec labels.%zu: expected code and text; skipped", k);
            continue;
        }
        size_t i = 0;
        while (i < n && strcmp(regions[i]->code, code) != 0)
            i++;
        double x, y;
        if (i == n || wfc_label_point(regions[i], &x, &y) != 0) {
            h->log(ctx, WRRFIG_LOG_WARN, "spec labels.%zu: %s is not on the map; not labelled", k, code);
            continue;
        }
        l[m] = (wfc_label){.text = text, .ax = x, .ay = y};
        l[m].w = (wfc_text_width_px(text, 9) + 4) * v->upp;
        l[m].h = 12 * v->upp;
        wfc_feature_extent(regions[i], &l[m].rw, &l[m].rh);
        m++;
    }
    return m;
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
    const char *border = h->spec_text(ctx, "border");
    if (!border)
        border = "#ffffff";
    wfc_choropleth m = {regions, n, cls, lg->n_classes, lg->colours, lg->nodata_colour, "white", 0.4};
    wfc_choro_parts parts;
    if (wfc_choro_blocks(h, ctx, &m, &parts) != 0)
        return -1;

    /* The map fills the canvas between title and source line (and a note on
     * the figure, if the spec has one); an outside legend takes the width
     * of its longest entry on the right. */
    double cw, ch, scr[4];
    wfc_canvas(h, ctx, &cw, &ch);
    wfc_map_area(h, ctx, cw, ch, scr);
    const char *fnote_spec = h->spec_text(ctx, "figure_note");
    char *fnote = fnote_spec ? wfc_wrap_text(fnote_spec, cw - 20, 8) : NULL;
    size_t note_lines = 0;
    for (const char *p = fnote; p && *p; p++)
        note_lines += *p == '\n';
    note_lines += fnote != NULL;
    if (fnote)
        scr[2] += (12.0 * (double)note_lines + 4) / ch;
    double key_w = 0;
    size_t n_keys = lg->n_classes + has_nodata;
    for (size_t k = 0; k < lg->n_classes; k++)
        key_w = fmax(key_w, wfc_text_width_px(lg->labels[k], 11));
    if (has_nodata)
        key_w = fmax(key_w, wfc_text_width_px(lg->nodata_label, 11));
    key_w += 40; /* the patch, the gap and a margin */
    double key_h = 17.0 * (double)n_keys + 10;
    if (lg->place == 4)
        scr[1] -= key_w / cw;
    wfc_view v;
    wfc_view_fit(box, 0.02, scr, cw, ch, &v);
    wfc_view_apply(h, ctx, scr, &v);

    /* Labels keep clear of an inside legend's box. */
    wfc_label *lab = calloc(n ? n : 1, sizeof *lab);
    if (!lab || (fnote_spec && !fnote)) {
        free(lab);
        free(fnote);
        h->log(ctx, WRRFIG_LOG_ERROR, "out of memory");
        return -1;
    }
    size_t n_lab = spec_labels(h, ctx, regions, n, &v, lab);
    double kw = key_w * v.upp, kh = key_h * v.upp;
    double obst[1][4] = {{v.x0, v.x0 + kw, v.y1 - kh, v.y1}};
    if (lg->place == 1)
        obst[0][0] = v.x1 - kw, obst[0][1] = v.x1;
    if (lg->place == 2 || lg->place == 3)
        obst[0][2] = v.y0, obst[0][3] = v.y0 + kh;
    if (lg->place == 3)
        obst[0][0] = v.x1 - kw, obst[0][1] = v.x1;
    double pad = 2 * v.upp;
    const double frame[4] = {v.x0 + pad, v.x1 - pad, v.y0 + pad, v.y1 - pad};
    size_t placed = wfc_place_labels(lab, n_lab, frame, obst, lg->place == 4 ? 0 : 1, 3 * v.upp, 30);
    if (placed < n_lab)
        h->log(ctx, WRRFIG_LOG_WARN, "%zu of %zu names found no free place and are not drawn", n_lab - placed, n_lab);
    size_t lab_clauses = wfc_label_blocks(h, ctx, lab, n_lab, 0);

    h->gp_cmd(ctx, "unset border");
    h->gp_cmd(ctx, "unset xtics");
    h->gp_cmd(ctx, "unset ytics");
    h->gp_cmd(ctx, "unset grid");
    /* Keywords cannot go through %q, so each place is its own literal. */
    switch (lg->place) {
    case 1: h->gp_cmd(ctx, "set key top right Left reverse samplen 1.2 spacing 1.5 opaque noautotitle"); break;
    case 2: h->gp_cmd(ctx, "set key bottom left Left reverse samplen 1.2 spacing 1.5 opaque noautotitle"); break;
    case 3: h->gp_cmd(ctx, "set key bottom right Left reverse samplen 1.2 spacing 1.5 opaque noautotitle"); break;
    case 4:
        h->gp_cmd(ctx, "set key at screen %.4f, screen %.4f top left Left reverse samplen 1.2 spacing 1.5 noautotitle",
                  scr[1] + 0.01, scr[3]);
        break;
    default: h->gp_cmd(ctx, "set key top left Left reverse samplen 1.2 spacing 1.5 opaque noautotitle"); break;
    }
    h->gp_cmd(ctx, "set style fill solid 1.0 border lc rgb %q", border);
    if (fnote)
        h->gp_cmd(ctx, "set label 9998 %q at screen 0.01, screen %.4f left font ',8' tc rgb '#333333'", fnote,
                  (24.0 + 12.0 * (double)note_lines) / ch);
    if (n_lab)
        wfc_label_style(h, ctx);

    wfc_plot pl = {parts.n_clauses + lab_clauses + lg->n_classes + has_nodata, 0};
    h->gp_cmd(ctx, "plot \\");
    wfc_choro_plot(h, ctx, &parts, &pl);
    wfc_label_plot(h, ctx, lab, n_lab, 0, 9, &pl);
    /* Legend from the highest class down, as maps usually read: filled
     * patches with an outline, so the lightest class shows on white. */
    for (size_t k = lg->n_classes; k-- > 0;)
        WFC_PLOT_CLAUSE(h, ctx, &pl, "  keyentry with boxes fc rgb %q fs solid 1.0 border lc rgb %q title %q",
                        lg->colours[k], "#666666", lg->labels[k]);
    if (has_nodata)
        WFC_PLOT_CLAUSE(h, ctx, &pl, "  keyentry with boxes fc rgb %q fs solid 1.0 border lc rgb %q title %q",
                        lg->nodata_colour, "#666666", lg->nodata_label);
    free(lab);
    free(fnote);
    return 0;
}
