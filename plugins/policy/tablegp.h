/* Writes a laid-out text table as a gnuplot page through the host: title,
 * the table, and the source line, each positioned by this plugin.
 *
 * Units: one plot unit is one SVG pixel, and the canvas (the spec's "size")
 * is as many pixels as the page is units. Font sizes are given for SVG; the
 * script scales them for the cairo terminals, whose fonts are in points on
 * canvases of other resolutions (pdfcairo: size/100 inches, so 0.72 pt per
 * pixel; pngcairo: 96 dpi, so 0.75 pt per pixel). */
#ifndef POLICY_TABLEGP_H
#define POLICY_TABLEGP_H

#include <wrrfig/plugin.h>

#include "tablelayout.h"

typedef struct tablegp_page {
    double margin;              /* around everything */
    tw_style title_style;
    tw_lines title_lines;
    double title_leading;
    double table_x, table_y;    /* top-left corner of the table */
    double source_y;            /* centre of the source line */
    double source_size;
    double width, height;       /* of the canvas */
} tablegp_page;

/* Places title (wrapped to the table's width), table and source. 0, or -1
 * when out of memory. */
int tablegp_page_layout(const tl_table *t, const char *title, const char *source, tablegp_page *pg);
void tablegp_page_free(tablegp_page *pg);

/* Emits the page: title, header shading, rules between rows, one label per
 * wrapped line (noenhanced: no character of the data is markup), bullet
 * dashes, source line. Replaces the host's title and source label. */
void tablegp_draw(const wrrfig_host *h, wrrfig_ctx *ctx, const tl_table *t, const tl_params *p,
                  const char *title, const char *source, const tablegp_page *pg);

#endif
