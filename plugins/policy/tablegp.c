#include "tablegp.h"

#include <stdlib.h>
#include <string.h>

int tablegp_page_layout(const tl_table *t, const char *title, const char *source, tablegp_page *pg)
{
    memset(pg, 0, sizeof *pg);
    pg->margin = 16.0;
    pg->title_style = (tw_style){&tw_font_bold, 11.0, 0.0};
    pg->title_leading = 1.3;
    pg->source_size = 8.0;
    if (title && *title && tw_wrap(title, t->width, &pg->title_style, &pg->title_lines) < 0)
        return -1;
    double y = pg->margin;
    if (pg->title_lines.n)
        y += (double)pg->title_lines.n * pg->title_leading * pg->title_style.size_pt + 8.0;
    pg->table_x = pg->margin;
    pg->table_y = y;
    y += t->height;
    if (source && *source) {
        pg->source_y = y + 6.0 + pg->source_size * 0.65;
        y += 6.0 + pg->source_size * 1.3;
    }
    pg->width = t->width + 2 * pg->margin;
    pg->height = y + pg->margin * 0.75;
    return 0;
}

void tablegp_page_free(tablegp_page *pg)
{
    tw_lines_free(&pg->title_lines);
}

static char *slice(const char *s, size_t off, size_t len)
{
    char *b = malloc(len + 1);
    if (b) {
        memcpy(b, s + off, len);
        b[len] = '\0';
    }
    return b;
}

static void line_label(const wrrfig_host *h, wrrfig_ctx *ctx, unsigned tag, const char *text, double x, double y,
                       int bold, double size)
{
    h->gp_cmd(ctx, "set label %u %q at %.2f,%.2f left noenhanced font (%d ? wf_bold : wf_regular).sprintf(',%%.2f', "
                   "%.2f*wf_fs) textcolor rgb '#000000'",
              tag, text, x, y, bold, size);
}

/* Vertical centre of line k of row r: gnuplot centres labels on their y. */
static double line_y(const tl_table *t, const tl_params *p, size_t r, size_t k)
{
    double size = p->head.size_pt > p->body.size_pt ? p->head.size_pt : p->body.size_pt;
    return t->rowy[r] + p->pad_y_pt + ((double)k + 0.5) * p->leading * size;
}

void tablegp_draw(const wrrfig_host *h, wrrfig_ctx *ctx, const tl_table *t, const tl_params *p,
                  const char *title, const char *source, const tablegp_page *pg)
{
    unsigned tag = 0;
    double x0 = pg->table_x, y0 = pg->table_y, W = t->width;

    /* The house style's terminal fontscales already equalise svg, pdf and png. */
    h->gp_cmd(ctx, "wf_fs = 1.0");
    /* The svg terminal writes the family verbatim, so bold must be part of
     * the family name there; cairo terminals take pango's ":Bold". */
    h->gp_cmd(ctx, "wf_regular = %q", p->body.font->family);
    h->gp_cmd(ctx, "wf_bold = (GPVAL_TERM eq 'svg') ? %q : %q", "DejaVu Sans Bold", "DejaVu Sans:Bold");
    h->gp_cmd(ctx, "unset title");
    h->gp_cmd(ctx, "unset label 9999");
    h->gp_cmd(ctx, "unset border");
    h->gp_cmd(ctx, "unset xtics");
    h->gp_cmd(ctx, "unset ytics");
    h->gp_cmd(ctx, "unset grid");
    h->gp_cmd(ctx, "unset key");
    h->gp_cmd(ctx, "set lmargin at screen 0");
    h->gp_cmd(ctx, "set rmargin at screen 1");
    h->gp_cmd(ctx, "set bmargin at screen 0");
    h->gp_cmd(ctx, "set tmargin at screen 1");
    h->gp_cmd(ctx, "set xrange [0:%.2f]", pg->width);
    h->gp_cmd(ctx, "set yrange [%.2f:0]", pg->height);

    /* title */
    for (size_t k = 0; k < pg->title_lines.n; k++) {
        const tw_line *l = &pg->title_lines.v[k];
        char *s = slice(title, l->off, l->len);
        if (!s)
            continue;
        line_label(h, ctx, ++tag, s, x0, pg->margin + ((double)k + 0.5) * pg->title_leading * pg->title_style.size_pt,
                   1, pg->title_style.size_pt);
        free(s);
    }

    /* header shading, then rules: heavy above and below the header and under
     * the last row, thin between body rows */
    h->gp_cmd(ctx, "set object 1 rectangle from %.2f,%.2f to %.2f,%.2f behind fillcolor rgb '#e6e6e6' "
                   "fillstyle solid 1.0 noborder", x0, y0, x0 + W, y0 + t->rowh[0]);
    unsigned arrow = 0;
    for (size_t r = 2; r < t->nrows; r++)
        h->gp_cmd(ctx, "set arrow %u from %.2f,%.2f to %.2f,%.2f nohead linewidth 0.5 linecolor rgb '#8c8c8c'",
                  ++arrow, x0, y0 + t->rowy[r], x0 + W, y0 + t->rowy[r]);
    const double heavy[3] = {0.0, t->rowh[0], t->height};
    for (size_t i = 0; i < 3; i++)
        h->gp_cmd(ctx, "set arrow %u from %.2f,%.2f to %.2f,%.2f nohead linewidth 1.2 linecolor rgb '#000000'",
                  ++arrow, x0, y0 + heavy[i], x0 + W, y0 + heavy[i]);

    /* cells */
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++) {
            const tw_style *st = tl_style(t, p, r, c);
            const tw_lines *l = &t->lines[r * t->ncols + c];
            const char *text = tl_get(t, r, c);
            double cx = x0 + t->colx[c] + p->pad_x_pt;
            for (size_t k = 0; k < l->n; k++) {
                double y = y0 + line_y(t, p, r, k);
                if (l->v[k].bullet)
                    line_label(h, ctx, ++tag, "\xE2\x80\x93", cx, y, 0, st->size_pt);
                if (l->v[k].len == 0)
                    continue;
                char *s = slice(text, l->v[k].off, l->v[k].len);
                if (!s) {
                    h->log(ctx, WRRFIG_LOG_ERROR, "out of memory");
                    continue;
                }
                line_label(h, ctx, ++tag, s, cx + l->v[k].indent_pt, y, st == &p->head, st->size_pt);
                free(s);
            }
        }

    if (source && *source) {
        tag++;
        h->gp_cmd(ctx, "set label %u %q at %.2f,%.2f left noenhanced font wf_regular.sprintf(',%%.2f', %.2f*wf_fs) "
                       "textcolor rgb '#555555'",
                  tag, source, x0, pg->source_y, pg->source_size);
    }
    h->gp_cmd(ctx, "plot NaN notitle");
}
