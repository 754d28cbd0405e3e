/* Lays out a text table in points: column widths from the text's own
 * measure, wrapped cells, row heights that grow with their text. Pure; the
 * gnuplot, Markdown and HTML writers all read the same model. */
#ifndef POLICY_TABLELAYOUT_H
#define POLICY_TABLELAYOUT_H

#include <stddef.h>
#include "common/textwrap.h"

typedef struct tl_params {
    double width_pt;         /* wanted total width of the table */
    double pad_x_pt, pad_y_pt; /* cell padding */
    double leading;          /* line height as a multiple of the font size */
    tw_style body, head;     /* head: row 0 and, when row_labels_bold, col 0 */
    int row_labels_bold;
    const double *weights;   /* ncols shares of the spare width, or NULL */
} tl_params;

typedef struct tl_table {
    size_t nrows, ncols;     /* row 0 is the header */
    char **text;             /* nrows*ncols cell texts, owned, never NULL */
    tw_lines *lines;         /* nrows*ncols wrapped lines */
    double *colw, *colx;     /* width and left edge per column */
    double *rowh, *rowy;     /* height and top edge per row (y grows downwards) */
    double width, height;    /* of the whole table */
    int overflow;            /* some word did not fit its column */
} tl_table;

/* Starts an empty nrows x ncols table with every cell "". 0 or -1 (memory). */
int tl_init(tl_table *t, size_t nrows, size_t ncols);
/* Copies text into cell (r, c). 0 or -1 (memory or out of range). */
int tl_set(tl_table *t, size_t r, size_t c, const char *text);
const char *tl_get(const tl_table *t, size_t r, size_t c);
const tw_style *tl_style(const tl_table *t, const tl_params *p, size_t r, size_t c);
/* Computes widths, wraps every cell, computes heights. 0 or -1 (memory). */
int tl_layout(tl_table *t, const tl_params *p);
void tl_free(tl_table *t);

#endif
