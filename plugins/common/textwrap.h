/* Greedy word wrap of table cell text against real font advances.
 *
 * A cell is one or more paragraphs separated by '\n'. A paragraph that starts
 * with an en dash and a space ("\u2013 ") is a bullet item, as the report prints
 * them: the dash hangs in the margin and every line of the item is indented.
 * Lines break only at ASCII spaces, so a word is never cut; a word wider than
 * the column gets a line of its own and the result says it overflows. */
#ifndef WRRFIG_COMMON_TEXTWRAP_H
#define WRRFIG_COMMON_TEXTWRAP_H

#include <stddef.h>
#include "common/fontmetrics.h"

#define TW_BULLET "\xE2\x80\x93 " /* U+2013 EN DASH, then a space */

typedef struct tw_style {
    const tw_font *font;
    double size_pt;
    double bullet_indent_pt; /* where bullet text starts, from the cell's left edge */
} tw_style;

typedef struct tw_line {
    size_t off, len;   /* bytes of the cell text shown on this line */
    double indent_pt;  /* x offset of the text from the cell's left edge */
    double width_pt;   /* width of the text itself */
    int bullet;        /* 1: draw the bullet dash at x = 0 on this line */
} tw_line;

typedef struct tw_lines {
    tw_line *v;
    size_t n, cap;
    int overflow;      /* some line is wider than the width asked for */
} tw_lines;

/* Wraps text into width_pt. Appends to *out (which must be zeroed or hold
 * earlier lines). An empty text gives no lines; an empty paragraph between
 * others gives one empty line. Returns 0, or -1 when out of memory. */
int tw_wrap(const char *text, double width_pt, const tw_style *st, tw_lines *out);
void tw_lines_free(tw_lines *l);

/* The narrowest width text can be wrapped to without overflow: its widest
 * word plus any bullet indent. */
double tw_min_width(const char *text, const tw_style *st);

/* The width of text with no wrapping at all: its widest paragraph. */
double tw_natural_width(const char *text, const tw_style *st);

#endif
