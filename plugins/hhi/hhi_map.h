/*
 * hhi_map.h - draws a choropleth of regions with gnuplot through the host.
 *
 * The map itself is the common renderer's (common/choropleth.h: classes,
 * white holes, enclaves on top); this adds the frame: equal aspect ratio,
 * no axes, a
 * legend built with keyentry. The plot range is the regions' bounding box
 * plus a margin, so no polygon reaches the border (gnuplot 5.4.4 clips
 * filled polygons wrongly at the range edge).
 */
#ifndef HHI_MAP_H
#define HHI_MAP_H

#include <stddef.h>

#include "common/choropleth.h"
#include "wrrfig/plugin.h"

#define HHI_NO_CLASS WFC_CHORO_NONE

typedef struct hhi_map_legend {
    size_t n_classes;
    const char *const *colours; /* n_classes colours, '#rrggbb' */
    const char *const *labels;  /* n_classes legend texts */
    const char *nodata_colour;  /* for regions without a value */
    const char *nodata_label;   /* shown only when such regions exist */
    int place;                  /* hhi_legend_place() */
} hhi_map_legend;

/* Where the legend goes, from the spec's "legend" text: "top left"
 * (default), "top right", "bottom left", "bottom right" (inside, over an
 * empty corner such as the sea) or "outside" (right of the map). -1 for
 * anything else. */
int hhi_legend_place(const char *spec);

/* Draws regions[i] in class cls[i] (0-based, or HHI_NO_CLASS). Returns 0, or
 * -1 when there is nothing to draw or a class is out of range (logged). */
int hhi_draw_map(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_feature *const *regions,
                 const int *cls, size_t n, const hhi_map_legend *legend);

#endif
