/*
 * choropleth.h - the one choropleth renderer every map plugin uses (hhi's
 * diversity maps, typology's municipality types). Built against plugin.h
 * only.
 *
 * A map is a list of regions, each in a class (its colour) or in none (the
 * "rest" colour: no data, or not an example). It is painted in three
 * passes: the outer rings by class, then every hole in the background
 * colour, then the outer rings that lie inside a hole (enclaves), so a hole
 * shows as a gap while a mapped region inside it keeps its colour.
 *
 * The enclave rule is per ring, and a region's own holes count: Baarle-
 * Nassau's Dutch counter-enclaves lie in holes of Baarle-Nassau itself (the
 * Belgian enclaves of Baarle-Hertog), so a rule that looks only at other
 * regions' holes, or only at a region's first ring, paints them over.
 *
 * Holes are indexed once in a uniform grid of their bounding boxes, so
 * classifying every ring costs about one point-in-ring test per ring, not
 * one per ring and hole.
 */
#ifndef WRRFIG_COMMON_CHOROPLETH_H
#define WRRFIG_COMMON_CHOROPLETH_H

#include <stdbool.h>
#include <stddef.h>

#include "wrrfig/plugin.h"

#define WFC_CHORO_NONE (-1)
#define WFC_CHORO_MAX_CLASSES 15 /* the rest colour takes one more block */

/* Even-odd test: is (x, y) inside ring r? Rings of fewer than 3 points
 * contain nothing. */
bool wfc_point_in_ring(const wrrfig_ring *r, double x, double y);

/* Bounding box {x0, x1, y0, y1} of every ring of the regions. Returns 0, or
 * -1 when they span no area. */
int wfc_regions_bbox(const wrrfig_feature *const *regions, size_t n, double box[4]);

/* The holes of a set of regions, indexed for point queries. */
typedef struct wfc_hole_index wfc_hole_index;

/* Indexes every hole of the regions; NULL when out of memory. The index
 * points into the regions' rings: it must not outlive them. */
wfc_hole_index *wfc_hole_index_new(const wrrfig_feature *const *regions, size_t n);
void wfc_hole_index_free(wfc_hole_index *ix);
size_t wfc_hole_count(const wfc_hole_index *ix);
/* Whether (x, y) lies inside any indexed hole. */
bool wfc_in_any_hole(const wfc_hole_index *ix, double x, double y);
/* Whether outer ring r (its first point) lies inside a hole: an enclave,
 * painted after the holes. A hole is never an enclave. */
bool wfc_ring_is_enclave(const wfc_hole_index *ix, const wrrfig_ring *r);

typedef struct wfc_choropleth {
    const wrrfig_feature *const *regions;
    size_t n;
    const int *cls;             /* per region: 0 .. n_classes-1, or WFC_CHORO_NONE */
    size_t n_classes;
    const char *const *colours; /* n_classes colours, '#rrggbb' */
    const char *rest_colour;    /* regions in no class */
    const char *hole_colour;    /* the background the holes show */
    double line_width;          /* of the borders between regions */
} wfc_choropleth;

/* What wfc_choro_blocks wrote, for wfc_choro_plot. */
typedef struct wfc_choro_parts {
    const wfc_choropleth *map;
    bool has_c[WFC_CHORO_MAX_CLASSES + 1], has_e[WFC_CHORO_MAX_CLASSES + 1];
    bool any_hole;
    size_t n_clauses;
} wfc_choro_parts;

/* Writes the map's datablocks: $c<k> (outer rings of class k; k = n_classes
 * for the rest), $e<k> (the same for rings inside holes) and $holes. Returns
 * 0, or -1 (logged) for a class out of range or too many classes. */
int wfc_choro_blocks(const wrrfig_host *h, wrrfig_ctx *ctx, const wfc_choropleth *m, wfc_choro_parts *p);

/* Clauses of one plot command, one per line joined by gnuplot's line
 * continuation, so every clause still goes through gp_cmd. A clause ends in
 * ", \" unless it is the last one: set total to the number of clauses
 * before the first. */
typedef struct wfc_plot {
    size_t total, done;
} wfc_plot;

#define WFC_PLOT_CLAUSE(h, ctx, pl, fmt, ...)                                                                 \
    do {                                                                                                      \
        if (++(pl)->done < (pl)->total)                                                                       \
            (h)->gp_cmd((ctx), fmt ", \\", __VA_ARGS__);                                                      \
        else                                                                                                  \
            (h)->gp_cmd((ctx), fmt, __VA_ARGS__);                                                             \
    } while (0)

/* Writes the map's clauses (p->n_clauses of them) into an open plot
 * command: outer rings by class, the holes, the enclaves. */
void wfc_choro_plot(const wrrfig_host *h, wrrfig_ctx *ctx, const wfc_choro_parts *p, wfc_plot *pl);

/* --- the frame of a map ---------------------------------------------------- */

/* The canvas of the figure in pixels: the spec's "size" [w, h], else the
 * host's default 800 x 500. */
void wfc_canvas(const wrrfig_host *h, wrrfig_ctx *ctx, double *w, double *hgt);

/* The part of the canvas a map may use, as screen fractions {left, right,
 * bottom, top}: below the title (its lines estimated from the house title
 * font, 13 px, wrapped to the canvas as the host does) and above the source
 * line. */
void wfc_map_area(const wrrfig_host *h, wrrfig_ctx *ctx, double cw, double ch, double scr[4]);

/* What a map panel shows: its ranges and the map units per pixel. */
typedef struct wfc_view {
    double x0, x1, y0, y1;
    double upp;
} wfc_view;

/* Fits box {x0, x1, y0, y1}, grown by margin (a fraction of its size on
 * each side), into the screen rectangle scr of a cw x ch canvas with equal
 * scales on both axes, centred. Explicit margins instead of "set size ratio
 * -1" make the scale known here, so labels can be sized in map units. */
void wfc_view_fit(const double box[4], double margin, const double scr[4], double cw, double ch, wfc_view *v);
/* Writes the margins (at screen) of scr and the view's ranges. */
void wfc_view_apply(const wrrfig_host *h, wrrfig_ctx *ctx, const double scr[4], const wfc_view *v);
/* Sets the four margins at screen (for a panel without a view). */
void wfc_screen_margins(const wrrfig_host *h, wrrfig_ctx *ctx, const double scr[4]);

/* Regions too small to see at the view's scale (their outline spans fewer
 * than min_px pixels both ways) and in a class get a marker: block
 * $marks<id> (x y colour) drawn as a filled circle in the class colour with
 * a dark ring. Returns the number of plot clauses (0 or 2) and writes the
 * block; wfc_choro_marks_plot writes the clauses. */
size_t wfc_choro_marks(const wrrfig_host *h, wrrfig_ctx *ctx, const wfc_choropleth *m, const wfc_view *v,
                       double min_px, int id, bool *small);
void wfc_choro_marks_plot(const wrrfig_host *h, wrrfig_ctx *ctx, int id, wfc_plot *pl);

#endif
