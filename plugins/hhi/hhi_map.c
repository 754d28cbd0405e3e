#include "hhi_map.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int hhi_point_in_ring(const wrrfig_ring *r, double x, double y)
{
    int in = 0;
    size_t n = r->n_points;
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        double xi = r->xy[2 * i], yi = r->xy[2 * i + 1];
        double xj = r->xy[2 * j], yj = r->xy[2 * j + 1];
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            in = !in;
    }
    return in;
}

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

static void ring_rows(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_ring *r)
{
    for (size_t k = 0; k < r->n_points; k++)
        h->gp_block_row(ctx, "%.1f %.1f", r->xy[2 * k], r->xy[2 * k + 1]);
    h->gp_block_row(ctx, "");
}

/* Whether region a's first outer point lies inside a hole of another
 * region: then a is an enclave and must be painted after the holes. */
static int is_enclave(const wrrfig_feature *const *regions, size_t n, size_t a)
{
    const wrrfig_feature *f = regions[a];
    if (f->n_rings == 0 || f->rings[0].n_points == 0)
        return 0;
    double x = f->rings[0].xy[0], y = f->rings[0].xy[1];
    for (size_t b = 0; b < n; b++) {
        if (b == a)
            continue;
        for (size_t r = 0; r < regions[b]->n_rings; r++)
            if (regions[b]->rings[r].is_hole && hhi_point_in_ring(&regions[b]->rings[r], x, y))
                return 1;
    }
    return 0;
}

/* Writes datablock $<prefix><k> with the outer rings of the regions in class
 * k (k = n_classes for regions without a value) that are (or are not)
 * enclaves. Returns whether the block has any ring. */
static int class_block(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_feature *const *regions,
                       const int *cls, const unsigned char *encl, size_t n, int k, int enclaves,
                       const char *name)
{
    int any = 0;
    for (size_t i = 0; i < n; i++)
        if (cls[i] == k && encl[i] == enclaves)
            for (size_t r = 0; r < regions[i]->n_rings; r++)
                if (!regions[i]->rings[r].is_hole) {
                    if (!any)
                        h->gp_block_begin(ctx, name);
                    any = 1;
                    ring_rows(h, ctx, &regions[i]->rings[r]);
                }
    if (any)
        h->gp_block_end(ctx);
    return any;
}

int hhi_draw_map(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_feature *const *regions,
                 const int *cls, size_t n, const hhi_map_legend *lg)
{
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    int has_nodata = 0;
    for (size_t i = 0; i < n; i++) {
        if (cls[i] != HHI_NO_CLASS && (cls[i] < 0 || (size_t)cls[i] >= lg->n_classes)) {
            h->log(ctx, WRRFIG_LOG_ERROR, "region %s: class %d outside 0..%zu", regions[i]->code,
                   cls[i], lg->n_classes - 1);
            return -1;
        }
        has_nodata |= cls[i] == HHI_NO_CLASS;
        for (size_t r = 0; r < regions[i]->n_rings; r++)
            for (size_t k = 0; k < regions[i]->rings[r].n_points; k++) {
                double x = regions[i]->rings[r].xy[2 * k], y = regions[i]->rings[r].xy[2 * k + 1];
                x0 = fmin(x0, x);
                x1 = fmax(x1, x);
                y0 = fmin(y0, y);
                y1 = fmax(y1, y);
            }
    }
    if (!(x1 > x0 && y1 > y0)) {
        h->log(ctx, WRRFIG_LOG_ERROR, "no region with a drawable outline");
        return -1;
    }

    if (lg->n_classes == 0 || lg->n_classes + 1 > HHI_MAP_MAX_BLOCKS) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%zu classes: a map needs 1 to %d", lg->n_classes,
               HHI_MAP_MAX_BLOCKS - 1);
        return -1;
    }
    unsigned char *encl = calloc(n, 1);
    if (!encl) {
        h->log(ctx, WRRFIG_LOG_ERROR, "out of memory");
        return -1;
    }
    int any_encl = 0;
    for (size_t i = 0; i < n; i++)
        any_encl |= encl[i] = (unsigned char)is_enclave(regions, n, i);

    /* Blocks: $c<k> per class, $c<n> for no data, $holes, $e<k> enclaves. */
    int nk = (int)lg->n_classes;
    int has_c[HHI_MAP_MAX_BLOCKS], has_e[HHI_MAP_MAX_BLOCKS];
    char name[16];
    for (int k = 0; k <= nk; k++) {
        int kk = k == nk ? HHI_NO_CLASS : k;
        snprintf(name, sizeof name, "c%d", k);
        has_c[k] = class_block(h, ctx, regions, cls, encl, n, kk, 0, name);
        snprintf(name, sizeof name, "e%d", k);
        has_e[k] = any_encl ? class_block(h, ctx, regions, cls, encl, n, kk, 1, name) : 0;
    }
    int any_hole = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t r = 0; r < regions[i]->n_rings; r++)
            if (regions[i]->rings[r].is_hole) {
                if (!any_hole)
                    h->gp_block_begin(ctx, "holes");
                any_hole = 1;
                ring_rows(h, ctx, &regions[i]->rings[r]);
            }
    if (any_hole)
        h->gp_block_end(ctx);

    /* A margin of 4 % keeps every vertex strictly inside the range. */
    double mx = 0.04 * (x1 - x0), my = 0.04 * (y1 - y0);
    h->gp_cmd(ctx, "set xrange [%.1f:%.1f]", x0 - mx, x1 + mx);
    h->gp_cmd(ctx, "set yrange [%.1f:%.1f]", y0 - my, y1 + my);
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

    /* The plot command is assembled one clause per line with gnuplot's
     * continuation backslash, so every clause still goes through gp_cmd;
     * clauses are counted first so the last one ends without a comma. */
    int total = any_hole + nk + has_nodata, done = 0;
    for (int k = 0; k <= nk; k++)
        total += has_c[k] + has_e[k];
/* One clause; every one but the last ends in ", \\" (continued line). */
#define CLAUSE(fmt, ...)                                                                    \
    do {                                                                                    \
        if (++done < total)                                                                 \
            h->gp_cmd(ctx, fmt ", \\", __VA_ARGS__);                                       \
        else                                                                                \
            h->gp_cmd(ctx, fmt, __VA_ARGS__);                                               \
    } while (0)
    h->gp_cmd(ctx, "plot \\");
    for (int pass = 0; pass < 3; pass++) {
        for (int k = 0; k <= nk; k++) {
            const char *col = k == nk ? lg->nodata_colour : lg->colours[k];
            if (pass == 0 && has_c[k])
                CLAUSE("  $c%d with filledcurves closed fc rgb %q lw 0.4", k, col);
            if (pass == 2 && has_e[k])
                CLAUSE("  $e%d with filledcurves closed fc rgb %q lw 0.4", k, col);
        }
        if (pass == 1 && any_hole)
            CLAUSE("  $holes with filledcurves closed fc rgb %q lw 0.4", "white");
    }
    /* Legend from the highest class down, as maps usually read. */
    for (int k = nk - 1; k >= 0; k--)
        CLAUSE("  keyentry with boxes fc rgb %q title %q", lg->colours[k], lg->labels[k]);
    if (has_nodata)
        CLAUSE("  keyentry with boxes fc rgb %q title %q", lg->nodata_colour, lg->nodata_label);
#undef CLAUSE
    free(encl);
    return 0;
}
