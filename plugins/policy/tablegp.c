#include "tablegp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Vertical centre of line k of row r: gnuplot centres labels on their y. */
static double line_y(const tl_table *t, const tl_params *p, size_t r, size_t k)
{
    double size = p->head.size_pt > p->body.size_pt ? p->head.size_pt : p->body.size_pt;
    return t->rowy[r] + p->pad_y_pt + ((double)k + 0.5) * p->leading * size;
}

static void labels_block(const wrrfig_host *h, wrrfig_ctx *ctx, const tl_table *t, const tl_params *p,
                         const char *name, int bold)
{
    h->gp_block_begin(ctx, name);
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            const tw_style *st = tl_style(t, p, r, c);
            if ((st == &p->head) != bold)
                continue;
            const tw_lines *l = &t->lines[r * t->ncols + c];
            const char *text = tl_get(t, r, c);
            for (size_t k = 0; k < l->n; k++) {
                if (l->v[k].len == 0)
                    continue;
                char *buf = malloc(l->v[k].len + 1);
                if (!buf) {
                    h->log(ctx, WRRFIG_LOG_ERROR, "out of memory");
                    continue;
                }
                memcpy(buf, text + l->v[k].off, l->v[k].len);
                buf[l->v[k].len] = '\0';
                h->gp_block_row(ctx, "%.2f %.2f %q", t->colx[c] + p->pad_x_pt + l->v[k].indent_pt,
                                line_y(t, p, r, k), buf);
                free(buf);
            }
        }
    }
    h->gp_block_end(ctx);
}

void tablegp_draw(const wrrfig_host *h, wrrfig_ctx *ctx, const tl_table *t, const tl_params *p)
{
    char regular[128], bold[128];
    snprintf(regular, sizeof regular, "%s,%g", p->body.font->family, p->body.size_pt);
    snprintf(bold, sizeof bold, "%s:Bold,%g", p->head.font->family, p->head.size_pt);

    labels_block(h, ctx, t, p, "cells", 0);
    labels_block(h, ctx, t, p, "heads", 1);

    h->gp_block_begin(ctx, "bullets");
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++) {
            const tw_lines *l = &t->lines[r * t->ncols + c];
            for (size_t k = 0; k < l->n; k++)
                if (l->v[k].bullet)
                    h->gp_block_row(ctx, "%.2f %.2f %q", t->colx[c] + p->pad_x_pt, line_y(t, p, r, k),
                                    "\xE2\x80\x93");
        }
    h->gp_block_end(ctx);

    /* Rules: heavy above the header, under it and under the last row; thin
     * between body rows. */
    h->gp_block_begin(ctx, "rules_thin");
    for (size_t r = 2; r < t->nrows; r++)
        h->gp_block_row(ctx, "%.2f %.2f %.2f %.2f", 0.0, t->rowy[r], t->width, 0.0);
    h->gp_block_end(ctx);
    h->gp_block_begin(ctx, "rules_heavy");
    h->gp_block_row(ctx, "%.2f %.2f %.2f %.2f", 0.0, 0.0, t->width, 0.0);
    h->gp_block_row(ctx, "%.2f %.2f %.2f %.2f", 0.0, t->rowh[0], t->width, 0.0);
    h->gp_block_row(ctx, "%.2f %.2f %.2f %.2f", 0.0, t->height, t->width, 0.0);
    h->gp_block_end(ctx);

    h->gp_cmd(ctx, "unset border");
    h->gp_cmd(ctx, "unset xtics");
    h->gp_cmd(ctx, "unset ytics");
    h->gp_cmd(ctx, "unset key");
    h->gp_cmd(ctx, "set xrange [0:%.2f]", t->width);
    h->gp_cmd(ctx, "set yrange [%.2f:0]", t->height);
    h->gp_cmd(ctx, "set object 1 rectangle from 0,0 to %.2f,%.2f behind fillcolor rgb '#e6e6e6' "
                   "fillstyle solid 1.0 noborder", t->width, t->rowh[0]);
    h->gp_cmd(ctx, "plot $rules_thin using 1:2:3:4 with vectors nohead linewidth 0.5 linecolor rgb '#8c8c8c', "
                   "$rules_heavy using 1:2:3:4 with vectors nohead linewidth 1.2 linecolor rgb '#000000', "
                   "$cells using 1:2:3 with labels left noenhanced font %q textcolor rgb '#000000', "
                   "$heads using 1:2:3 with labels left noenhanced font %q textcolor rgb '#000000', "
                   "$bullets using 1:2:3 with labels left noenhanced font %q textcolor rgb '#000000'",
                   regular, bold, regular);
}
