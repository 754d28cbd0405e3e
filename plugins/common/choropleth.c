#include "common/choropleth.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/maplabels.h"

bool wfc_point_in_ring(const wrrfig_ring *r, double x, double y)
{
    bool in = false;
    size_t n = r->n_points;
    if (n < 3)
        return false;
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        double xi = r->xy[2 * i], yi = r->xy[2 * i + 1], xj = r->xy[2 * j], yj = r->xy[2 * j + 1];
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            in = !in;
    }
    return in;
}

static void ring_bbox(const wrrfig_ring *r, double b[4])
{
    b[0] = b[2] = INFINITY;
    b[1] = b[3] = -INFINITY;
    for (size_t k = 0; k < r->n_points; k++) {
        b[0] = fmin(b[0], r->xy[2 * k]);
        b[1] = fmax(b[1], r->xy[2 * k]);
        b[2] = fmin(b[2], r->xy[2 * k + 1]);
        b[3] = fmax(b[3], r->xy[2 * k + 1]);
    }
}

int wfc_regions_bbox(const wrrfig_feature *const *regions, size_t n, double box[4])
{
    box[0] = box[2] = INFINITY;
    box[1] = box[3] = -INFINITY;
    for (size_t i = 0; i < n; i++)
        for (size_t r = 0; r < regions[i]->n_rings; r++) {
            double b[4];
            ring_bbox(&regions[i]->rings[r], b);
            box[0] = fmin(box[0], b[0]);
            box[1] = fmax(box[1], b[1]);
            box[2] = fmin(box[2], b[2]);
            box[3] = fmax(box[3], b[3]);
        }
    return box[1] > box[0] && box[3] > box[2] ? 0 : -1;
}

/* --- the hole index ----------------------------------------------------- */

typedef struct hole {
    const wrrfig_ring *ring;
    double b[4];
} hole;

/* A g x g grid over the holes' extent; cell c lists the holes whose box
 * overlaps it, as cell_start[c] .. cell_start[c+1] in cell_holes. */
struct wfc_hole_index {
    hole *holes;
    size_t n;
    double b[4];
    size_t g;
    size_t *cell_start, *cell_holes;
};

static size_t cell_of(const wfc_hole_index *ix, double v, int axis)
{
    double lo = ix->b[2 * axis], hi = ix->b[2 * axis + 1];
    double f = hi > lo ? (v - lo) / (hi - lo) : 0;
    size_t c = f <= 0 ? 0 : (size_t)(f * (double)ix->g);
    return c >= ix->g ? ix->g - 1 : c;
}

wfc_hole_index *wfc_hole_index_new(const wrrfig_feature *const *regions, size_t n)
{
    wfc_hole_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return NULL;
    size_t nh = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t r = 0; r < regions[i]->n_rings; r++)
            nh += regions[i]->rings[r].is_hole && regions[i]->rings[r].n_points >= 3;
    ix->b[0] = ix->b[2] = INFINITY;
    ix->b[1] = ix->b[3] = -INFINITY;
    if (nh == 0)
        return ix;
    ix->holes = malloc(nh * sizeof *ix->holes);
    if (!ix->holes)
        goto fail;
    for (size_t i = 0; i < n; i++)
        for (size_t r = 0; r < regions[i]->n_rings; r++) {
            const wrrfig_ring *ring = &regions[i]->rings[r];
            if (!ring->is_hole || ring->n_points < 3)
                continue;
            hole *hl = &ix->holes[ix->n++];
            hl->ring = ring;
            ring_bbox(ring, hl->b);
            ix->b[0] = fmin(ix->b[0], hl->b[0]);
            ix->b[1] = fmax(ix->b[1], hl->b[1]);
            ix->b[2] = fmin(ix->b[2], hl->b[2]);
            ix->b[3] = fmax(ix->b[3], hl->b[3]);
        }
    /* About one hole per cell; a hole spanning many cells is listed in each. */
    ix->g = (size_t)ceil(sqrt((double)ix->n));
    if (ix->g > 256)
        ix->g = 256;
    size_t cells = ix->g * ix->g;
    ix->cell_start = calloc(cells + 1, sizeof *ix->cell_start);
    if (!ix->cell_start)
        goto fail;
    for (int pass = 0; pass < 2; pass++) {
        size_t *fill = NULL;
        if (pass == 1) {
            for (size_t c = 0; c < cells; c++)
                ix->cell_start[c + 1] += ix->cell_start[c];
            ix->cell_holes = malloc((ix->cell_start[cells] ? ix->cell_start[cells] : 1) * sizeof *ix->cell_holes);
            fill = malloc(cells * sizeof *fill);
            if (!ix->cell_holes || !fill) {
                free(fill);
                goto fail;
            }
            for (size_t c = 0; c < cells; c++)
                fill[c] = ix->cell_start[c];
        }
        for (size_t k = 0; k < ix->n; k++) {
            size_t cx0 = cell_of(ix, ix->holes[k].b[0], 0), cx1 = cell_of(ix, ix->holes[k].b[1], 0);
            size_t cy0 = cell_of(ix, ix->holes[k].b[2], 1), cy1 = cell_of(ix, ix->holes[k].b[3], 1);
            for (size_t cy = cy0; cy <= cy1; cy++)
                for (size_t cx = cx0; cx <= cx1; cx++) {
                    size_t c = cy * ix->g + cx;
                    if (pass == 0)
                        ix->cell_start[c + 1]++;
                    else
                        ix->cell_holes[fill[c]++] = k;
                }
        }
        free(fill);
    }
    return ix;
fail:
    wfc_hole_index_free(ix);
    return NULL;
}

void wfc_hole_index_free(wfc_hole_index *ix)
{
    if (!ix)
        return;
    free(ix->holes);
    free(ix->cell_start);
    free(ix->cell_holes);
    free(ix);
}

size_t wfc_hole_count(const wfc_hole_index *ix) { return ix->n; }

bool wfc_in_any_hole(const wfc_hole_index *ix, double x, double y)
{
    if (ix->n == 0 || x < ix->b[0] || x > ix->b[1] || y < ix->b[2] || y > ix->b[3])
        return false;
    size_t c = cell_of(ix, y, 1) * ix->g + cell_of(ix, x, 0);
    for (size_t i = ix->cell_start[c]; i < ix->cell_start[c + 1]; i++) {
        const hole *hl = &ix->holes[ix->cell_holes[i]];
        if (x >= hl->b[0] && x <= hl->b[1] && y >= hl->b[2] && y <= hl->b[3] && wfc_point_in_ring(hl->ring, x, y))
            return true;
    }
    return false;
}

bool wfc_ring_is_enclave(const wfc_hole_index *ix, const wrrfig_ring *r)
{
    if (r->is_hole || r->n_points == 0)
        return false;
    return wfc_in_any_hole(ix, r->xy[0], r->xy[1]);
}

/* --- blocks and plot clauses --------------------------------------------- */

static void ring_rows(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_ring *r)
{
    for (size_t k = 0; k < r->n_points; k++)
        h->gp_block_row(ctx, "%.1f %.1f", r->xy[2 * k], r->xy[2 * k + 1]);
    h->gp_block_row(ctx, "");
}

/* Block index of region i: its class, or n_classes for the rest. */
static size_t block_of(const wfc_choropleth *m, size_t i)
{
    return m->cls[i] == WFC_CHORO_NONE ? m->n_classes : (size_t)m->cls[i];
}

/* Writes $<prefix><k> with the outer rings of block k that are (or are
 * not) enclaves; encl holds one flag per ring, regions in order. */
static bool class_block(const wrrfig_host *h, wrrfig_ctx *ctx, const wfc_choropleth *m, const unsigned char *encl,
                        size_t k, bool enclaves, const char *name)
{
    bool any = false;
    size_t ri = 0;
    for (size_t i = 0; i < m->n; i++) {
        bool mine = block_of(m, i) == k;
        for (size_t r = 0; r < m->regions[i]->n_rings; r++, ri++) {
            const wrrfig_ring *ring = &m->regions[i]->rings[r];
            if (!mine || ring->is_hole || (bool)encl[ri] != enclaves)
                continue;
            if (!any)
                h->gp_block_begin(ctx, name);
            any = true;
            ring_rows(h, ctx, ring);
        }
    }
    if (any)
        h->gp_block_end(ctx);
    return any;
}

int wfc_choro_blocks(const wrrfig_host *h, wrrfig_ctx *ctx, const wfc_choropleth *m, wfc_choro_parts *p)
{
    *p = (wfc_choro_parts){.map = m};
    if (m->n_classes == 0 || m->n_classes > WFC_CHORO_MAX_CLASSES) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%zu classes: a map needs 1 to %d", m->n_classes, WFC_CHORO_MAX_CLASSES);
        return -1;
    }
    size_t n_rings = 0;
    for (size_t i = 0; i < m->n; i++) {
        if (m->cls[i] != WFC_CHORO_NONE && (m->cls[i] < 0 || (size_t)m->cls[i] >= m->n_classes)) {
            h->log(ctx, WRRFIG_LOG_ERROR, "region %s: class %d outside 0..%zu", m->regions[i]->code, m->cls[i],
                   m->n_classes - 1);
            return -1;
        }
        n_rings += m->regions[i]->n_rings;
    }
    wfc_hole_index *ix = wfc_hole_index_new(m->regions, m->n);
    unsigned char *encl = calloc(n_rings ? n_rings : 1, 1);
    if (!ix || !encl) {
        wfc_hole_index_free(ix);
        free(encl);
        h->log(ctx, WRRFIG_LOG_ERROR, "out of memory");
        return -1;
    }
    bool any_encl = false;
    for (size_t i = 0, ri = 0; i < m->n; i++)
        for (size_t r = 0; r < m->regions[i]->n_rings; r++, ri++)
            any_encl |= encl[ri] = wfc_ring_is_enclave(ix, &m->regions[i]->rings[r]);
    wfc_hole_index_free(ix);
    for (size_t i = 0; i < m->n; i++)
        for (size_t r = 0; r < m->regions[i]->n_rings; r++)
            p->any_hole |= m->regions[i]->rings[r].is_hole != 0;

    char name[16];
    for (size_t k = 0; k <= m->n_classes; k++) {
        snprintf(name, sizeof name, "c%zu", k);
        p->has_c[k] = class_block(h, ctx, m, encl, k, false, name);
        snprintf(name, sizeof name, "e%zu", k);
        p->has_e[k] = any_encl && class_block(h, ctx, m, encl, k, true, name);
        p->n_clauses += p->has_c[k] + p->has_e[k];
    }
    free(encl);
    if (p->any_hole) {
        h->gp_block_begin(ctx, "holes");
        for (size_t i = 0; i < m->n; i++)
            for (size_t r = 0; r < m->regions[i]->n_rings; r++)
                if (m->regions[i]->rings[r].is_hole)
                    ring_rows(h, ctx, &m->regions[i]->rings[r]);
        h->gp_block_end(ctx);
        p->n_clauses++;
    }
    return 0;
}

void wfc_choro_plot(const wrrfig_host *h, wrrfig_ctx *ctx, const wfc_choro_parts *p, wfc_plot *pl)
{
    const wfc_choropleth *m = p->map;
    for (size_t k = 0; k <= m->n_classes; k++)
        if (p->has_c[k])
            WFC_PLOT_CLAUSE(h, ctx, pl, "  $c%zu with filledcurves closed fc rgb %q lw %g", k,
                            k == m->n_classes ? m->rest_colour : m->colours[k], m->line_width);
    if (p->any_hole)
        WFC_PLOT_CLAUSE(h, ctx, pl, "  $holes with filledcurves closed fc rgb %q lw %g", m->hole_colour,
                        m->line_width);
    for (size_t k = 0; k <= m->n_classes; k++)
        if (p->has_e[k])
            WFC_PLOT_CLAUSE(h, ctx, pl, "  $e%zu with filledcurves closed fc rgb %q lw %g", k,
                            k == m->n_classes ? m->rest_colour : m->colours[k], m->line_width);
}

/* --- the frame of a map ---------------------------------------------------- */

void wfc_canvas(const wrrfig_host *h, wrrfig_ctx *ctx, double *w, double *hgt)
{
    *w = 800;
    *hgt = 500;
    double x;
    if (h->spec_number(ctx, "size.0", &x) && x > 0)
        *w = x;
    if (h->spec_number(ctx, "size.1", &x) && x > 0)
        *hgt = x;
}

void wfc_map_area(const wrrfig_host *h, wrrfig_ctx *ctx, double cw, double ch, double scr[4])
{
    const char *title = h->spec_text(ctx, "title");
    size_t lines = 0;
    for (const char *p = title; p && *p;) {
        size_t n = strcspn(p, "\n");
        char *line = malloc(n + 1);
        double wpx = 0;
        if (line) {
            memcpy(line, p, n);
            line[n] = '\0';
            wpx = wfc_text_width_px(line, 13);
            free(line);
        }
        lines += 1 + (size_t)(wpx / (cw - 40));
        p += n + (p[n] == '\n');
    }
    double top_px = 24 + 19.0 * (double)lines, bottom_px = h->spec_text(ctx, "source") ? 30 : 8;
    scr[0] = 0.01;
    scr[1] = 0.99;
    scr[2] = bottom_px / ch;
    scr[3] = 1 - top_px / ch;
}

void wfc_view_fit(const double box[4], double margin, const double scr[4], double cw, double ch, wfc_view *v)
{
    double wpx = (scr[1] - scr[0]) * cw, hpx = (scr[3] - scr[2]) * ch;
    double dx = (box[1] - box[0]) * (1 + 2 * margin), dy = (box[3] - box[2]) * (1 + 2 * margin);
    v->upp = fmax(dx / wpx, dy / hpx);
    double cx = (box[0] + box[1]) / 2, cy = (box[2] + box[3]) / 2;
    v->x0 = cx - wpx * v->upp / 2;
    v->x1 = cx + wpx * v->upp / 2;
    v->y0 = cy - hpx * v->upp / 2;
    v->y1 = cy + hpx * v->upp / 2;
}

void wfc_screen_margins(const wrrfig_host *h, wrrfig_ctx *ctx, const double scr[4])
{
    h->gp_cmd(ctx, "set lmargin at screen %.4f", scr[0]);
    h->gp_cmd(ctx, "set rmargin at screen %.4f", scr[1]);
    h->gp_cmd(ctx, "set bmargin at screen %.4f", scr[2]);
    h->gp_cmd(ctx, "set tmargin at screen %.4f", scr[3]);
}

void wfc_view_apply(const wrrfig_host *h, wrrfig_ctx *ctx, const double scr[4], const wfc_view *v)
{
    wfc_screen_margins(h, ctx, scr);
    h->gp_cmd(ctx, "set xrange [%.1f:%.1f]", v->x0, v->x1);
    h->gp_cmd(ctx, "set yrange [%.1f:%.1f]", v->y0, v->y1);
}

static long colour_int(const char *c)
{
    return c && c[0] == '#' && strlen(c) == 7 ? strtol(c + 1, NULL, 16) : 0x808080;
}

size_t wfc_choro_marks(const wrrfig_host *h, wrrfig_ctx *ctx, const wfc_choropleth *m, const wfc_view *v,
                       double min_px, int id, bool *small)
{
    bool any = false;
    for (size_t i = 0; i < m->n; i++) {
        small[i] = false;
        if (m->cls[i] == WFC_CHORO_NONE)
            continue;
        double w, hh, x, y;
        wfc_feature_extent(m->regions[i], &w, &hh);
        if (w / v->upp >= min_px || hh / v->upp >= min_px || wfc_label_point(m->regions[i], &x, &y) != 0)
            continue;
        if (!any) {
            char name[24];
            snprintf(name, sizeof name, "marks%d", id);
            h->gp_block_begin(ctx, name);
        }
        any = small[i] = true;
        h->gp_block_row(ctx, "%.1f %.1f %ld", x, y, colour_int(m->colours[m->cls[i]]));
    }
    if (any)
        h->gp_block_end(ctx);
    return any ? 2 : 0;
}

void wfc_choro_marks_plot(const wrrfig_host *h, wrrfig_ctx *ctx, int id, wfc_plot *pl)
{
    WFC_PLOT_CLAUSE(h, ctx, pl, "  $marks%d using 1:2:3 with points pt 7 ps 1.1 lc rgb variable", id);
    WFC_PLOT_CLAUSE(h, ctx, pl, "  $marks%d using 1:2 with points pt 6 ps 1.1 lw 1 lc rgb %q", id, "#222222");
}
