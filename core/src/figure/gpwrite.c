#include "figure/gpwrite.h"

#include "common/fontmetrics.h"
#include "util/numfmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const palette[GP_PALETTE_N] = {
    "#0072b2", "#e69f00", "#009e73", "#d55e00", "#56b4e9", "#cc79a7", "#f0e442", "#555555"};

const char *gp_palette(int i)
{
    if (i < 0)
        i = 0;
    return palette[i % GP_PALETTE_N];
}

/* gnuplot 5.4.4 misreads a doubled quote inside a single-quoted string
 * when it starts the string or follows another ('''s-Gravenhage' and
 * 'a''''b' are syntax errors), so a quote is never doubled: the text is
 * written as single-quoted runs without quotes or control characters,
 * joined by '.' to a double-quoted escape for each such character ("\047",
 * "\n", "\ooo"). Single quotes expand nothing (no backquotes, no macros,
 * no backslashes); each double-quoted piece holds one escape and nothing
 * else. The quote itself is an octal escape, not "'": gnuplot's macro
 * scanner does not see that a ' inside double quotes opens nothing, and
 * would then expand the @name in the next single-quoted run. Text without quotes and control characters stays one plain
 * single-quoted string. Proven by a round trip through gnuplot
 * (tests/e2e/test_gp_quote_roundtrip.c). */
static int plain(unsigned char c) { return c && c != '\'' && c >= 0x20 && c != 0x7f; }

void gp_quote(strbuf *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    int in_run = 0, any = 0;
    for (; *p; p++) {
        /* A quote between two plain characters reads back as doubled
         * ('it''s'); only at the ends of a run or beside another quote
         * does gnuplot misread it. Doubling there keeps the scripts of
         * the shipped figures as they were. */
        if (*p == '\'' && in_run && plain(p[1])) {
            sb_puts(out, "''");
            continue;
        }
        int special = !plain(*p);
        if (special) {
            if (in_run)
                sb_putc(out, '\'');
            in_run = 0;
            if (any)
                sb_putc(out, '.');
            if (*p == '\n')
                sb_puts(out, "\"\\n\"");
            else
                sb_printf(out, "\"\\%03o\"", *p);
        } else {
            if (!in_run) {
                if (any)
                    sb_putc(out, '.');
                sb_putc(out, '\'');
            }
            in_run = 1;
            sb_putc(out, (char)*p);
        }
        any = 1;
    }
    if (in_run)
        sb_putc(out, '\'');
    if (!any)
        sb_puts(out, "''");
}

void gp_data_field(strbuf *out, const char *s)
{
    sb_putc(out, '"');
    for (const char *p = s ? s : ""; *p; p++) {
        if (*p == '"')
            sb_putc(out, '\'');
        else if ((unsigned char)*p < 0x20)
            sb_putc(out, ' ');
        else
            sb_putc(out, *p);
    }
    sb_putc(out, '"');
}

int gp_vformat(strbuf *out, gp_mode mode, const char *fmt, va_list ap, wf_error *err)
{
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            if (mode == GP_DATA && *p == '\n')
                return wf_errorf(err, "%s", "a datablock row may not contain a line break");
            sb_putc(out, *p);
            continue;
        }
        p++;
        switch (*p) {
        case '%': sb_putc(out, '%'); break;
        case 'd': sb_printf(out, "%d", va_arg(ap, int)); break;
        case 'u': sb_printf(out, "%u", va_arg(ap, unsigned)); break;
        case 'z':
            if (p[1] != 'u')
                return wf_errorf(err, "%s", "only %zu is supported after %z");
            p++;
            sb_printf(out, "%zu", va_arg(ap, size_t));
            break;
        case 'l':
            if (p[1] == 'd')
                sb_printf(out, "%ld", va_arg(ap, long));
            else if (p[1] == 'u')
                sb_printf(out, "%lu", va_arg(ap, unsigned long));
            else
                return wf_errorf(err, "%s", "only %ld and %lu are supported after %l");
            p++;
            break;
        case 'g': sb_number(out, va_arg(ap, double)); break;
        case '.': {
            int prec = 0;
            p++;
            while (*p >= '0' && *p <= '9')
                prec = prec * 10 + (*p++ - '0');
            if (*p != 'f' || prec > 12)
                return wf_errorf(err, "%s", "only %.Nf (N <= 12) is supported after %.");
            double v = va_arg(ap, double);
            char fixed[NUMFMT_FIXED_MAX];
            if (isnan(v))
                sb_puts(out, "NaN");
            else if (numfmt_fixed(fixed, sizeof fixed, v, prec) >= 0)
                sb_puts(out, fixed);
            else
                sb_printf(out, "%.*f", prec, v);
            break;
        }
        case 'q': {
            const char *s = va_arg(ap, const char *);
            if (mode == GP_COMMAND)
                gp_quote(out, s);
            else
                gp_data_field(out, s);
            break;
        }
        case 'c': {
            int i = va_arg(ap, int);
            sb_putc(out, '\'');
            sb_puts(out, gp_palette(i));
            sb_putc(out, '\'');
            break;
        }
        case 's':
            return wf_errorf(err, "%s",
                             "%s is refused: write strings with %q so data cannot reach the command line unquoted");
        default:
            return wf_errorf(err, "%s", "unsupported directive (use %d %u %ld %lu %zu %g %.Nf %q %c %%)");
        }
    }
    return 0;
}

/* Breaks lines wider than max_px at spaces, measured with the house font's
 * advances (plugins/common/fontmetrics.h) at the title's size, so a long
 * title is neither cut off by the canvas nor broken early; lines the plugin
 * broke itself are kept. In the SVG a font size of N is N user units (px). */
static char *wrap_title(const char *t, double max_px, double size)
{
    strbuf b = STRBUF_INIT;
    double col = 0, space = tw_text_width(&tw_font_regular, size, " ", 1);
    const char *p = t;
    while (*p) {
        if (*p == '\n') {
            sb_putc(&b, '\n');
            col = 0;
            p++;
            continue;
        }
        size_t wl = strcspn(p, " \n");
        double ww = tw_text_width(&tw_font_regular, size, p, wl);
        if (col > 0 && col + space + ww > max_px) {
            sb_putc(&b, '\n');
            col = 0;
        } else if (col > 0) {
            sb_putc(&b, ' ');
            col += space;
        }
        sb_add(&b, p, wl);
        col += ww;
        p += wl;
        while (*p == ' ')
            p++;
    }
    return sb_take(&b);
}

static const gp_canvas canvases[] = {
    {"full", 1000, 600},      /* the report's text width: charts, multi-panel figures */
    {"full-tall", 1000, 760}, /* text width, for charts with many categories */
    {"half", 640, 480},       /* half the text width: small single charts */
    {"map", 900, 900},        /* choropleth maps (the maps plugins trim to it) */
};

const gp_canvas *gp_canvas_find(const char *name)
{
    for (size_t i = 0; name && i < sizeof canvases / sizeof canvases[0]; i++)
        if (strcmp(canvases[i].name, name) == 0)
            return &canvases[i];
    return NULL;
}

const char *gp_canvas_names(void)
{
    return "full (1000x600), full-tall (1000x760), half (640x480), map (900x900), table (its own size)";
}

char *gp_script(const gp_script_parts *p)
{
    strbuf b = STRBUF_INIT;
    int w = p->width > 0 ? p->width : 800, h = p->height > 0 ? p->height : 500;
    sb_printf(&b, "# %s - generated by wrrfig; render with: gnuplot -e \"wrrfig_formats='svg pdf png'\" %s.gp\n",
              p->id, p->id);
    if (p->header_comment)
        sb_printf(&b, "# %s\n", p->header_comment);
    sb_puts(&b, "# Strings from data are single-quoted or in datablocks: nothing in them is executed.\n");
    sb_puts(&b, "set encoding utf8\n");
    sb_puts(&b, p->blocks ? p->blocks : "");
    sb_puts(&b, "if (!exists('wrrfig_formats')) wrrfig_formats = 'svg'\n");
    sb_printf(&b, "if (!exists('wrrfig_output')) wrrfig_output = '%s'\n", p->id);
    sb_puts(&b, "do for [wrrfig_fmt in wrrfig_formats] {\n");
    sb_puts(&b, "reset\n");
    /* House style: one font, white background, no enhanced-text markup (so
     * _ ^ @ { } in labels print as themselves). The fontscales make a font
     * size mean the same fraction of the canvas in all three terminals
     * (measured with gnuplot 5.4.4: pngcairo sets points at 96 dpi, 4/3 of
     * svg; pdfcairo sets 0.926 of svg on a canvas of w/100 inches). */
    sb_printf(&b,
              "if (wrrfig_fmt eq 'svg') { set terminal svg size %d,%d fixed font 'DejaVu Sans,11' "
              "background rgb 'white' noenhanced }\n",
              w, h);
    sb_printf(&b,
              "if (wrrfig_fmt eq 'pdf') { set terminal pdfcairo size %.2fin,%.2fin font 'DejaVu Sans,11' "
              "fontscale 1.08 background rgb 'white' noenhanced }\n",
              w / 100.0, h / 100.0);
    /* PNG at 2x for screens (source lines and value labels legible), every
     * length doubled so it looks like the 1x image, only sharper; the
     * format png1x writes the same file name at 1x. */
    sb_printf(&b,
              "if (wrrfig_fmt eq 'png') { set terminal pngcairo size %d,%d font 'DejaVu Sans,11' "
              "fontscale 1.5 linewidth 2 dashlength 2 pointscale 2 background rgb 'white' noenhanced }\n",
              2 * w, 2 * h);
    sb_printf(&b,
              "if (wrrfig_fmt eq 'png1x') { set terminal pngcairo size %d,%d font 'DejaVu Sans,11' "
              "fontscale 0.75 background rgb 'white' noenhanced }\n",
              w, h);
    sb_puts(&b, "set output wrrfig_output.'.'.(wrrfig_fmt eq 'png1x' ? 'png' : wrrfig_fmt)\n");
    for (int i = 0; i < GP_PALETTE_N; i++)
        sb_printf(&b, "set linetype %d lc rgb '%s' lw 2 pt 7 ps 0.8\n", i + 1, palette[i]);
    sb_puts(&b, "set border 3 lc rgb '#444444'\nset tics nomirror out\n"
                "set grid ytics lc rgb '#dddddd' lw 1 dt 1\nset key noautotitle noenhanced\n");
    if (p->lang && strcmp(p->lang, "nl") == 0)
        sb_puts(&b, "set decimalsign ','\n");
    /* wrrfig_title lets a multiplot body reuse the title for the whole page. */
    sb_puts(&b, "wrrfig_title = ");
    /* gnuplot centres the title over the plot area, not the canvas, and a
     * key or label margin can move that centre by a tenth of the width: a
     * line of 0.8 x (canvas - 40 px) fits wherever the centre is. */
    char *title = wrap_title(p->title ? p->title : p->id, 0.8 * ((double)w - 40.0), 13.0);
    gp_quote(&b, title);
    free(title);
    sb_puts(&b, "\nset title wrrfig_title font ',13'\n");
    if (p->source_line && *p->source_line) {
        sb_puts(&b, "set label 9999 ");
        gp_quote(&b, p->source_line);
        sb_puts(&b, " at screen 0.01, screen 0.025 left font ',8' tc rgb '#555555'\n");
    }
    /* Footnotes (what a title's asterisk means, what is missing) sit under
     * the plot, as in the report: one line each, stacked upwards from the
     * source line, 14 px apart; the bottom margin grows by one character
     * row per line so they never reach the x axis label. */
    for (size_t i = 0; i < p->n_footnotes; i++) {
        double y = ((double)h * 0.025 + 14.0 * (double)(p->n_footnotes - i)) / (double)h;
        sb_printf(&b, "set label %zu ", 9990 - p->n_footnotes + i);
        gp_quote(&b, p->footnotes[i]);
        sb_printf(&b, " at screen 0.01, screen %.4f left font ',9' tc rgb '#333333'\n", y);
    }
    if ((p->source_line && *p->source_line) || p->n_footnotes)
        sb_printf(&b, "set bmargin %zu\n", 5 + p->n_footnotes);
    /* A multiplot draws screen labels once per panel: after its first panel
     * a plugin runs `eval wrrfig_unset_frame` so the source line and the
     * footnotes appear once. Host text only (no data), so eval is safe. */
    sb_puts(&b, "wrrfig_unset_frame = 'unset label 9999");
    for (size_t i = 0; i < p->n_footnotes; i++)
        sb_printf(&b, "; unset label %zu", 9990 - p->n_footnotes + i);
    sb_puts(&b, "'\n");
    sb_puts(&b, p->body ? p->body : "");
    sb_puts(&b, "unset output\n}\n");
    return sb_take(&b);
}
