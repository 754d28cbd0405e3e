#include "common/maplabels.h"

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
