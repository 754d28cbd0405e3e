/* Advance widths of the house font (DejaVu Sans, regular and bold), so text
 * can be measured and wrapped before gnuplot sees it: gnuplot cannot wrap
 * label text itself. Used by the policy tables, the fig-3-6 end labels'
 * neighbours, and the host's title wrapping (core/src/figure/gpwrite.c links
 * libwrrfig-common.a, which is built against plugin.h only). Regenerate the
 * table with gen_metrics.py. */
#ifndef POLICY_FONTMETRICS_H
#define POLICY_FONTMETRICS_H

#include <stddef.h>
#include <stdint.h>

typedef struct tw_advance {
    uint32_t cp;   /* Unicode code point */
    uint16_t adv;  /* advance width in font units */
} tw_advance;

typedef struct tw_font {
    const char *family;       /* the name gnuplot is given */
    unsigned units_per_em;
    unsigned fallback;        /* advance used for code points not in the table */
    const tw_advance *adv;    /* sorted by cp */
    size_t n;
} tw_font;

extern const tw_font tw_font_regular;
extern const tw_font tw_font_bold;

/* Advance of one code point in font units (fallback when absent). */
unsigned tw_advance_of(const tw_font *f, uint32_t cp);

/* Decodes one UTF-8 sequence at s (len bytes left); stores the code point and
 * returns the bytes used (>= 1). Invalid bytes decode as U+FFFD, one byte each,
 * so a bad byte can never stall a caller's loop. */
size_t tw_utf8_next(const char *s, size_t len, uint32_t *cp);

/* Width in points of len bytes of UTF-8 text set at size_pt. */
double tw_text_width(const tw_font *f, double size_pt, const char *s, size_t len);

#endif
