#include "geom.h"

#include <math.h>

int geom_point_in_ring(const wrrfig_ring *r, double x, double y)
{
    int in = 0;
    size_t n = r->n_points;
    if (n < 3)
        return 0;
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        double xi = r->xy[2 * i], yi = r->xy[2 * i + 1], xj = r->xy[2 * j], yj = r->xy[2 * j + 1];
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            in = !in;
    }
    return in;
}

int geom_ring_in_hole(const wrrfig_ring *r, const wrrfig_feature *all, size_t n)
{
    if (r->is_hole || r->n_points == 0)
        return 0;
    double x = r->xy[0], y = r->xy[1];
    for (size_t f = 0; f < n; f++)
        for (size_t k = 0; k < all[f].n_rings; k++) {
            const wrrfig_ring *h = &all[f].rings[k];
            if (h->is_hole && h != r && geom_point_in_ring(h, x, y))
                return 1;
        }
    return 0;
}

double geom_ring_area(const wrrfig_ring *r)
{
    double a = 0.0;
    for (size_t i = 0; i + 1 < r->n_points; i++)
        a += r->xy[2 * i] * r->xy[2 * i + 3] - r->xy[2 * i + 2] * r->xy[2 * i + 1];
    return a / 2.0;
}

int geom_label_point(const wrrfig_feature *f, double *x, double *y)
{
    const wrrfig_ring *best = NULL;
    double best_area = -1.0;
    for (size_t k = 0; k < f->n_rings; k++) {
        double a = fabs(geom_ring_area(&f->rings[k]));
        if (!f->rings[k].is_hole && a > best_area) {
            best = &f->rings[k];
            best_area = a;
        }
    }
    if (!best || best->n_points == 0)
        return -1;
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (size_t i = 0; i < best->n_points; i++) {
        x0 = fmin(x0, best->xy[2 * i]);
        x1 = fmax(x1, best->xy[2 * i]);
        y0 = fmin(y0, best->xy[2 * i + 1]);
        y1 = fmax(y1, best->xy[2 * i + 1]);
    }
    *x = (x0 + x1) / 2.0;
    *y = (y0 + y1) / 2.0;
    return 0;
}
