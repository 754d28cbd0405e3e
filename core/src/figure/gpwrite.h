/* Writing gnuplot safely. Everything that came from data or specs is
 * written either as a single-quoted gnuplot string (backquotes and macros
 * are never expanded there, ' is doubled) or as a field of a datablock
 * (never evaluated). The format mini-language refuses %s so a plugin cannot
 * paste data into a command by accident. */
#ifndef WF_GPWRITE_H
#define WF_GPWRITE_H

#include <stdarg.h>

#include "util/strbuf.h"
#include "util/wf_error.h"

typedef enum gp_mode { GP_COMMAND, GP_DATA } gp_mode;

/* Appends the formatted text. Returns 0, or -1 with a message in *err
 * for a refused directive. */
int gp_vformat(strbuf *out, gp_mode mode, const char *fmt, va_list ap, wf_error *err);
/* A single-quoted gnuplot string literal for s. */
void gp_quote(strbuf *out, const char *s);
/* A datablock field for s (double-quoted, with " and control characters
 * replaced so the field stays one field). */
void gp_data_field(strbuf *out, const char *s);

/* The house palette (Okabe-Ito, distinguishable with colour-vision
 * deficiencies). */
#define GP_PALETTE_N 8
const char *gp_palette(int i);

/* The house canvas sizes (pixels of the SVG; the PDF is w/100 x h/100
 * inches; the PNG is 2x for screens, or 1x with the format "png1x"). A
 * figure spec names one with "canvas"; only a content-sized text table
 * ("canvas": "table") gives its own "size". docs/figure-style.md. */
typedef struct gp_canvas {
    const char *name;
    int width, height;
} gp_canvas;
#define GP_CANVAS_DEFAULT "full"
/* NULL for an unknown name. */
const gp_canvas *gp_canvas_find(const char *name);
/* The names, comma-separated, for messages. */
const char *gp_canvas_names(void);

/* Assembles the self-contained script of a figure. */
typedef struct gp_script_parts {
    const char *id;
    const char *title;
    const char *source_line;     /* may be NULL */
    const char *lang;
    const char *blocks;          /* datablock definitions */
    const char *body;            /* plot commands */
    const char *header_comment;  /* plugin name/version, never a timestamp */
    int width, height;           /* pixels for svg/png; pdf scales from these */
    const char *const *footnotes; /* lines drawn under the plot, above the source line */
    size_t n_footnotes;
} gp_script_parts;

char *gp_script(const gp_script_parts *p);

#endif
