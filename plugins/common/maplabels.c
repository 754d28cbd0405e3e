#include "common/maplabels.h"

#include <stdio.h>

#include "common/choropleth.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double wfc_ring_area(const wrrfig_ring *r)
{
    double a = 0.0;
    for (size_t i = 0; i + 1 < r->n_points; i++)
        a += r->xy[2 * i] * r->xy[2 * i + 3] - r->xy[2 * i + 2] * r->xy[2 * i + 1];
    return a / 2.0;
}

static void ring_box(const wrrfig_ring *r, double b[4])
{
    for (size_t i = 0; i < r->n_points; i++) {
        b[0] = fmin(b[0], r->xy[2 * i]);
        b[1] = fmax(b[1], r->xy[2 * i]);
        b[2] = fmin(b[2], r->xy[2 * i + 1]);
        b[3] = fmax(b[3], r->xy[2 * i + 1]);
    }
}

int wfc_label_point(const wrrfig_feature *f, double *x, double *y)
{
    const wrrfig_ring *best = NULL;
    double best_area = -1.0;
    for (size_t k = 0; k < f->n_rings; k++) {
        double a = fabs(wfc_ring_area(&f->rings[k]));
        if (!f->rings[k].is_hole && a > best_area) {
            best = &f->rings[k];
            best_area = a;
        }
    }
    if (!best || best->n_points == 0)
        return -1;
    double b[4] = {INFINITY, -INFINITY, INFINITY, -INFINITY};
    ring_box(best, b);
    *x = (b[0] + b[1]) / 2.0;
    *y = (b[2] + b[3]) / 2.0;
    return 0;
}

void wfc_feature_extent(const wrrfig_feature *f, double *w, double *h)
{
    double b[4] = {INFINITY, -INFINITY, INFINITY, -INFINITY};
    for (size_t k = 0; k < f->n_rings; k++)
        if (!f->rings[k].is_hole)
            ring_box(&f->rings[k], b);
    *w = b[1] > b[0] ? b[1] - b[0] : 0;
    *h = b[3] > b[2] ? b[3] - b[2] : 0;
}

double wfc_text_width_px(const char *s, double font_px)
{
    /* DejaVu Sans advances (em fractions), rounded up per class. */
    double em = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if ((c & 0xC0) == 0x80)
            continue; /* UTF-8 continuation byte: counted with its lead */
        if (c == ' ')
            em += 0.32;
        else if (strchr("iljtfr.,:;'!|()-", c))
            em += 0.40;
        else if (c == 'm' || c == 'w' || c == 'M' || c == 'W')
            em += 0.90;
        else if (c >= 'A' && c <= 'Z')
            em += 0.72;
        else
            em += 0.62;
    }
    return em * font_px;
}

char *wfc_wrap_text(const char *text, double width_px, double font_px)
{
    size_t n = strlen(text);
    char *out = malloc(n + 1), *word = malloc(n + 1), *line = malloc(2 * n + 2);
    if (!out || !word || !line) {
        free(out);
        free(word);
        free(line);
        return NULL;
    }
    size_t o = 0, ln = 0;
    line[0] = '\0';
    for (const char *p = text;;) {
        size_t wl = strcspn(p, " \n");
        memcpy(word, p, wl);
        word[wl] = '\0';
        if (ln > 0) {
            line[ln] = ' ';
            memcpy(line + ln + 1, word, wl + 1);
            if (wfc_text_width_px(line, font_px) > width_px) {
                out[o++] = '\n';
                ln = 0;
            } else {
                out[o++] = ' ';
                ln++;
            }
        }
        memcpy(out + o, word, wl);
        o += wl;
        memcpy(line + ln, word, wl + 1);
        ln += wl;
        p += wl;
        if (!*p)
            break;
        if (*p == '\n') {
            out[o++] = '\n';
            ln = 0;
            line[0] = '\0';
            p++;
            continue;
        }
        while (*p == ' ' && p[1] == ' ')
            out[o++] = *p++; /* keep runs of spaces but one, which joins the next word */
        p++;
    }
    out[o] = '\0';
    free(word);
    free(line);
    return out;
}

static bool overlaps(const double a[4], const double b[4])
{
    return a[0] < b[1] && b[0] < a[1] && a[2] < b[3] && b[2] < a[3];
}

static void box_at(const wfc_label *l, double cx, double cy, double b[4])
{
    b[0] = cx - l->w / 2;
    b[1] = cx + l->w / 2;
    b[2] = cy - l->h / 2;
    b[3] = cy + l->h / 2;
}

static bool inside(const double b[4], const double frame[4])
{
    return b[0] >= frame[0] && b[1] <= frame[1] && b[2] >= frame[2] && b[3] <= frame[3];
}

/* A region smaller than its text: its box is kept clear of all labels. */
static bool small_region(const wfc_label *l, double b[4])
{
    if (!(l->rw < l->w || l->rh < l->h))
        return false;
    b[0] = l->ax - l->rw / 2;
    b[1] = l->ax + l->rw / 2;
    b[2] = l->ay - l->rh / 2;
    b[3] = l->ay + l->rh / 2;
    return true;
}

/* Whether a box at (cx, cy) for label i is free: in the frame, clear of the
 * obstacles, of placed labels and of other labels' anchors. */
static bool is_free(const wfc_label *l, size_t n, size_t i, double cx, double cy, const double frame[4],
                    const double (*obst)[4], size_t n_obst, bool against_unplaced)
{
    double b[4];
    box_at(&l[i], cx, cy, b);
    if (!inside(b, frame))
        return false;
    for (size_t k = 0; k < n_obst; k++)
        if (overlaps(b, obst[k]))
            return false;
    for (size_t j = 0; j < n; j++) {
        double rb[4];
        if (small_region(&l[j], rb) && overlaps(b, rb))
            return false;
        if (j == i)
            continue;
        if (l[j].ax > b[0] && l[j].ax < b[1] && l[j].ay > b[2] && l[j].ay < b[3])
            return false;
        if (l[j].placed || against_unplaced) {
            double o[4];
            if (l[j].placed)
                box_at(&l[j], l[j].x, l[j].y, o);
            else
                box_at(&l[j], l[j].ax, l[j].ay, o);
            if (overlaps(b, o))
                return false;
        }
    }
    return true;
}

static void set_leader(wfc_label *l, double min_len)
{
    double b[4];
    box_at(l, l->x, l->y, b);
    l->lx = fmin(fmax(l->ax, b[0]), b[1]);
    l->ly = fmin(fmax(l->ay, b[2]), b[3]);
    l->leader = hypot(l->lx - l->ax, l->ly - l->ay) > min_len;
}

size_t wfc_place_labels(wfc_label *l, size_t n, const double frame[4], const double (*obst)[4], size_t n_obst,
                        double step, int max_rings)
{
    size_t placed = 0;
    for (size_t i = 0; i < n; i++)
        l[i].placed = l[i].leader = false;
    /* 1: centred wherever that collides with nobody, placed or not */
    for (size_t i = 0; i < n; i++)
        if (is_free(l, n, i, l[i].ax, l[i].ay, frame, obst, n_obst, true)) {
            l[i].x = l[i].ax;
            l[i].y = l[i].ay;
            l[i].placed = true;
            placed++;
        }
    /* 2: the rest, in order, on rings of growing distance */
    static const double dirs[8][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {1, 1}, {-1, 1}, {1, -1}, {-1, -1}};
    for (size_t i = 0; i < n; i++) {
        if (l[i].placed)
            continue;
        if (is_free(l, n, i, l[i].ax, l[i].ay, frame, obst, n_obst, false)) {
            l[i].x = l[i].ax;
            l[i].y = l[i].ay;
            l[i].placed = true;
            placed++;
            continue;
        }
        for (int k = 0; k <= max_rings && !l[i].placed; k++)
            for (int d = 0; d < 8 && !l[i].placed; d++) {
                /* the box's near edge (or corner) at distance k * step from
                 * the anchor, plus a small gap */
                double gap = step * (0.5 + k);
                double cx = l[i].ax + dirs[d][0] * (l[i].w / 2 + gap);
                double cy = l[i].ay + dirs[d][1] * (l[i].h / 2 + gap);
                if (is_free(l, n, i, cx, cy, frame, obst, n_obst, false)) {
                    l[i].x = cx;
                    l[i].y = cy;
                    l[i].placed = true;
                    placed++;
                }
            }
    }
    for (size_t i = 0; i < n; i++)
        if (l[i].placed)
            set_leader(&l[i], 0.75 * step);
    return placed;
}

static void label_counts(const wfc_label *l, size_t n, bool *lab, bool *lead)
{
    *lab = *lead = false;
    for (size_t i = 0; i < n; i++) {
        *lab |= l[i].placed;
        *lead |= l[i].placed && l[i].leader;
    }
}

size_t wfc_label_blocks(const wrrfig_host *h, wrrfig_ctx *ctx, const wfc_label *l, size_t n, int id)
{
    bool lab, lead;
    label_counts(l, n, &lab, &lead);
    char name[24];
    if (lead) {
        snprintf(name, sizeof name, "lead%d", id);
        h->gp_block_begin(ctx, name);
        for (size_t i = 0; i < n; i++)
            if (l[i].placed && l[i].leader)
                h->gp_block_row(ctx, "%.1f %.1f %.1f %.1f", l[i].ax, l[i].ay, l[i].lx - l[i].ax, l[i].ly - l[i].ay);
        h->gp_block_end(ctx);
    }
    if (lab) {
        snprintf(name, sizeof name, "lab%d", id);
        h->gp_block_begin(ctx, name);
        for (size_t i = 0; i < n; i++)
            if (l[i].placed)
                h->gp_block_row(ctx, "%.1f %.1f %q", l[i].x, l[i].y, l[i].text);
        h->gp_block_end(ctx);
    }
    return (size_t)lab + (size_t)lead;
}

void wfc_label_style(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    h->gp_cmd(ctx, "set style textbox opaque fillcolor rgb %q noborder margins 1,0.5", "#ffffff");
}

void wfc_label_plot(const wrrfig_host *h, wrrfig_ctx *ctx, const wfc_label *l, size_t n, int id, int font_px,
                    wfc_plot *pl)
{
    bool lab, lead;
    label_counts(l, n, &lab, &lead);
    char font[16];
    snprintf(font, sizeof font, ",%d", font_px);
    if (lead)
        WFC_PLOT_CLAUSE(h, ctx, pl, "  $lead%d using 1:2:3:4 with vectors nohead lw 0.8 lc rgb %q", id, "#333333");
    if (lab)
        WFC_PLOT_CLAUSE(h, ctx, pl, "  $lab%d using 1:2:3 with labels boxed font %q textcolor rgb %q noenhanced", id,
                        font, "#111111");
}
