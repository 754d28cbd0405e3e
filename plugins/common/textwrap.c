#include "common/textwrap.h"

#include <stdlib.h>
#include <string.h>

static int push(tw_lines *l, tw_line line)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        tw_line *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = line;
    return 0;
}

void tw_lines_free(tw_lines *l)
{
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* One paragraph: bytes [p, end) of the cell. */
typedef struct para {
    size_t start, end;
    int bullet;
} para;

static para para_at(const char *text, size_t start)
{
    para p = {start, start, 0};
    const char *nl = strchr(text + start, '\n');
    p.end = nl ? (size_t)(nl - text) : strlen(text);
    size_t blen = strlen(TW_BULLET);
    if (p.end - p.start >= blen && memcmp(text + p.start, TW_BULLET, blen) == 0) {
        p.bullet = 1;
        p.start += blen;
    }
    return p;
}

static double word_w(const tw_style *st, const char *s, size_t len)
{
    return tw_text_width(st->font, st->size_pt, s, len);
}

static int wrap_para(const char *text, para p, double width, const tw_style *st, tw_lines *out)
{
    double indent = p.bullet ? st->bullet_indent_pt : 0.0;
    double avail = width - indent;
    double space = word_w(st, " ", 1);
    size_t i = p.start;
    int any = 0;
    tw_line cur = {0, 0, indent, 0.0, p.bullet};

    while (i < p.end) {
        while (i < p.end && text[i] == ' ')
            i++;
        if (i >= p.end)
            break;
        size_t ws = i;
        while (i < p.end && text[i] != ' ')
            i++;
        double w = word_w(st, text + ws, i - ws);
        if (!any) {
            cur.off = ws;
            cur.len = i - ws;
            cur.width_pt = w;
            any = 1;
        } else if (cur.width_pt + space + w <= avail) {
            cur.len = i - cur.off;
            cur.width_pt += space + w;
        } else {
            if (push(out, cur) < 0)
                return -1;
            cur = (tw_line){ws, i - ws, indent, w, 0};
        }
        if (cur.width_pt > avail)
            out->overflow = 1;
    }
    if (!any)
        cur = (tw_line){p.start, 0, indent, 0.0, p.bullet};
    return push(out, cur);
}

int tw_wrap(const char *text, double width_pt, const tw_style *st, tw_lines *out)
{
    size_t n = strlen(text), pos = 0;
    if (n == 0)
        return 0;
    for (;;) {
        para p = para_at(text, pos);
        if (wrap_para(text, p, width_pt, st, out) < 0)
            return -1;
        if (p.end >= n)
            break;
        pos = p.end + 1;
        if (pos == n) /* a trailing newline ends the cell; it adds no line */
            break;
    }
    return 0;
}

static double scan(const char *text, const tw_style *st, int whole_paragraphs)
{
    size_t n = strlen(text), pos = 0;
    double best = 0.0;
    while (pos < n) {
        para p = para_at(text, pos);
        double indent = p.bullet ? st->bullet_indent_pt : 0.0;
        if (whole_paragraphs) {
            double w = indent + word_w(st, text + p.start, p.end - p.start);
            if (w > best)
                best = w;
        } else {
            size_t i = p.start;
            while (i < p.end) {
                size_t ws = i;
                while (i < p.end && text[i] != ' ')
                    i++;
                double w = indent + word_w(st, text + ws, i - ws);
                if (w > best)
                    best = w;
                while (i < p.end && text[i] == ' ')
                    i++;
            }
        }
        pos = p.end + 1;
    }
    return best;
}

double tw_min_width(const char *text, const tw_style *st)
{
    return scan(text, st, 0);
}

double tw_natural_width(const char *text, const tw_style *st)
{
    return scan(text, st, 1);
}
