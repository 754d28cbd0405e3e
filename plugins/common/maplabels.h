/*
 * maplabels.h - names on a map: where a region's name goes, and a placement
 * that keeps every name clear of every other (and of the map's frame and
 * other reserved boxes), moving a name off its region with a leader line
 * when its own spot is taken. Pure computation on plane coordinates; built
 * against plugin.h only.
 *
 * Placement is greedy and deterministic: first every label whose centred
 * box collides with nothing (and whose region is larger than its text) keeps it; the others, in the given order, take
 * the first free candidate on rings of growing distance around their
 * anchor (right, left, above, below, then the diagonals). A label placed
 * away from its anchor gets a leader line from the anchor to the nearest
 * point of its box.
 */
#ifndef WRRFIG_COMMON_MAPLABELS_H
#define WRRFIG_COMMON_MAPLABELS_H

#include <stdbool.h>
#include <stddef.h>

#include "common/choropleth.h"
#include "wrrfig/plugin.h"

/* Signed area (shoelace) of ring r; positive when counter-clockwise. */
double wfc_ring_area(const wrrfig_ring *r);

/* Where a feature's name goes: the centre of the bounding box of its
 * largest outer ring. Returns 0, or -1 when it has no outer ring. */
int wfc_label_point(const wrrfig_feature *f, double *x, double *y);

/* Width and height {w, h} of the bounding box of a feature's outer rings. */
void wfc_feature_extent(const wrrfig_feature *f, double *w, double *h);

/* Approximate advance width, in pixels, of UTF-8 text in DejaVu Sans at
 * font_px pixels (the house font): per-character classes, erring wide, so a
 * box computed from it holds the text. */
double wfc_text_width_px(const char *s, double font_px);

/* text with line breaks added between words so that no line is wider than
 * width_px at font_px (house font); existing breaks are kept. Caller frees;
 * NULL when out of memory. */
char *wfc_wrap_text(const char *text, double width_px, double font_px);

typedef struct wfc_label {
    /* in */
    const char *text;
    double ax, ay;  /* anchor (region's label point), map units */
    double w, h;    /* box of the text, map units */
    double rw, rh;  /* extent of the region around the anchor (0: a point); a region
                       smaller than its text is kept clear of every label, its own
                       included, so the name goes beside it with a leader */
    /* out */
    double x, y;    /* centre of the text */
    bool placed;    /* false: no free spot within reach (the label is dropped) */
    bool leader;    /* draw a line from (ax, ay) to (lx, ly) */
    double lx, ly;  /* leader end: the point of the box nearest the anchor */
} wfc_label;

/* Places n labels inside frame {x0, x1, y0, y1}, clear of each other and of
 * the n_obst boxes obst[k] = {x0, x1, y0, y1}; step is the distance between
 * candidate rings (map units), max_rings how far a label may move. A label
 * never covers another label's anchor. Returns the number placed. */
size_t wfc_place_labels(wfc_label *l, size_t n, const double frame[4], const double (*obst)[4], size_t n_obst,
                        double step, int max_rings);

/* Gnuplot side: the placed labels of one panel as block $lab<id> (x y text)
 * and their leader lines as $lead<id> (x y dx dy). Returns the number of
 * plot clauses wfc_label_plot will write (0 to 2). */
size_t wfc_label_blocks(const wrrfig_host *h, wrrfig_ctx *ctx, const wfc_label *l, size_t n, int id);
/* The text box style the labels use: opaque white behind the text, so a
 * name stays legible on any fill. Set before the plot. */
void wfc_label_style(const wrrfig_host *h, wrrfig_ctx *ctx);
/* Writes the clauses of wfc_label_blocks (leaders first, then the text). */
void wfc_label_plot(const wrrfig_host *h, wrrfig_ctx *ctx, const wfc_label *l, size_t n, int id, int font_px,
                    wfc_plot *pl);

#endif
