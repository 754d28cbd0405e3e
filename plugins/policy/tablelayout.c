#include "tablelayout.h"

#include <stdlib.h>
#include <string.h>

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

int tl_init(tl_table *t, size_t nrows, size_t ncols)
{
    memset(t, 0, sizeof *t);
    if (nrows == 0 || ncols == 0)
        return -1;
    t->nrows = nrows;
    t->ncols = ncols;
    t->text = calloc(nrows * ncols, sizeof *t->text);
    t->lines = calloc(nrows * ncols, sizeof *t->lines);
    t->colw = calloc(ncols, sizeof *t->colw);
    t->colx = calloc(ncols, sizeof *t->colx);
    t->rowh = calloc(nrows, sizeof *t->rowh);
    t->rowy = calloc(nrows, sizeof *t->rowy);
    if (!t->text || !t->lines || !t->colw || !t->colx || !t->rowh || !t->rowy) {
        tl_free(t);
        return -1;
    }
    for (size_t i = 0; i < nrows * ncols; i++) {
        t->text[i] = dup_str("");
        if (!t->text[i]) {
            tl_free(t);
            return -1;
        }
    }
    return 0;
}

int tl_set(tl_table *t, size_t r, size_t c, const char *text)
{
    if (r >= t->nrows || c >= t->ncols)
        return -1;
    char *dup = dup_str(text ? text : "");
    if (!dup)
        return -1;
    free(t->text[r * t->ncols + c]);
    t->text[r * t->ncols + c] = dup;
    return 0;
}

const char *tl_get(const tl_table *t, size_t r, size_t c)
{
    return t->text[r * t->ncols + c];
}

const tw_style *tl_style(const tl_table *t, const tl_params *p, size_t r, size_t c)
{
    (void)t;
    return (r == 0 || (c == 0 && p->row_labels_bold)) ? &p->head : &p->body;
}

void tl_free(tl_table *t)
{
    if (t->text)
        for (size_t i = 0; i < t->nrows * t->ncols; i++)
            free(t->text[i]);
    if (t->lines)
        for (size_t i = 0; i < t->nrows * t->ncols; i++)
            tw_lines_free(&t->lines[i]);
    free(t->text);
    free(t->lines);
    free(t->colw);
    free(t->colx);
    free(t->rowh);
    free(t->rowy);
    memset(t, 0, sizeof *t);
}

/* Column widths: every column gets at least its widest word (so no word is
 * cut), never more than its text needs on one line, and the rest of the
 * wanted width is shared by weight among columns that can still use it. */
static void widths(tl_table *t, const tl_params *p)
{
    size_t nc = t->ncols;
    double *need = calloc(nc, sizeof *need), *nat = calloc(nc, sizeof *nat);
    int *open = calloc(nc, sizeof *open);
    if (!need || !nat || !open) {
        free(need);
        free(nat);
        free(open);
        for (size_t c = 0; c < nc; c++)
            t->colw[c] = p->width_pt / (double)nc;
        return;
    }
    double sum = 0.0;
    for (size_t c = 0; c < nc; c++) {
        for (size_t r = 0; r < t->nrows; r++) {
            const tw_style *st = tl_style(t, p, r, c);
            double mn = tw_min_width(tl_get(t, r, c), st), nw = tw_natural_width(tl_get(t, r, c), st);
            if (mn > need[c])
                need[c] = mn;
            if (nw > nat[c])
                nat[c] = nw;
        }
        need[c] += 2 * p->pad_x_pt;
        nat[c] += 2 * p->pad_x_pt;
        t->colw[c] = need[c];
        sum += need[c];
        open[c] = nat[c] > need[c];
    }
    double spare = p->width_pt - sum;
    for (size_t round = 0; round < nc && spare > 1e-9; round++) {
        double wsum = 0.0;
        for (size_t c = 0; c < nc; c++)
            if (open[c])
                wsum += p->weights ? p->weights[c] : nat[c] - t->colw[c];
        if (wsum <= 0.0)
            break;
        double given = 0.0;
        for (size_t c = 0; c < nc; c++) {
            if (!open[c])
                continue;
            double share = spare * (p->weights ? p->weights[c] : nat[c] - t->colw[c]) / wsum;
            if (t->colw[c] + share >= nat[c]) {
                share = nat[c] - t->colw[c];
                open[c] = 0;
            }
            t->colw[c] += share;
            given += share;
        }
        spare -= given;
    }
    free(need);
    free(nat);
    free(open);
}

int tl_layout(tl_table *t, const tl_params *p)
{
    widths(t, p);
    double x = 0.0;
    for (size_t c = 0; c < t->ncols; c++) {
        t->colx[c] = x;
        x += t->colw[c];
    }
    t->width = x;
    t->overflow = 0;
    double y = 0.0;
    for (size_t r = 0; r < t->nrows; r++) {
        size_t most = 1;
        for (size_t c = 0; c < t->ncols; c++) {
            tw_lines *l = &t->lines[r * t->ncols + c];
            tw_lines_free(l);
            if (tw_wrap(tl_get(t, r, c), t->colw[c] - 2 * p->pad_x_pt, tl_style(t, p, r, c), l) < 0)
                return -1;
            if (l->overflow)
                t->overflow = 1;
            if (l->n > most)
                most = l->n;
        }
        double size = p->head.size_pt > p->body.size_pt ? p->head.size_pt : p->body.size_pt;
        t->rowy[r] = y;
        t->rowh[r] = (double)most * p->leading * size + 2 * p->pad_y_pt;
        y += t->rowh[r];
    }
    t->height = y;
    return 0;
}
