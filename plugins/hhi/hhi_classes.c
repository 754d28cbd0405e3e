#include "hhi_classes.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int hhi_classes_fixed(const double *breaks, size_t n, hhi_classes *out, size_t *bad)
{
    if (n == 0 || n > HHI_MAX_CLASSES - 1) {
        if (bad)
            *bad = n;
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(breaks[i]) || (i > 0 && !(breaks[i] > breaks[i - 1]))) {
            if (bad)
                *bad = i;
            return -1;
        }
        out->breaks[i] = breaks[i];
    }
    out->n_breaks = n;
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int hhi_classes_quantiles(const double *v, size_t n, size_t k, int decimals, hhi_classes *out)
{
    if (n == 0 || k < 2 || k > HHI_MAX_CLASSES)
        return -1;
    double *s = malloc(n * sizeof *s);
    if (!s)
        return -1;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(v[i]))
            s[m++] = v[i];
    if (m == 0) {
        free(s);
        return -1;
    }
    qsort(s, m, sizeof *s, cmp_double);
    double scale = pow(10.0, decimals);
    out->n_breaks = 0;
    for (size_t j = 1; j < k; j++) {
        double pos = (double)j / (double)k * (double)(m - 1);
        size_t lo = (size_t)floor(pos);
        size_t hi = lo + 1 < m ? lo + 1 : lo;
        double q = s[lo] + (pos - (double)lo) * (s[hi] - s[lo]);
        double r = round(q * scale) / scale;
        if (out->n_breaks == 0 || r > out->breaks[out->n_breaks - 1])
            out->breaks[out->n_breaks++] = r;
    }
    free(s);
    return out->n_breaks > 0 ? 0 : -1;
}

size_t hhi_class_of(const hhi_classes *c, double v)
{
    size_t k = 0;
    while (k < c->n_breaks && v >= c->breaks[k])
        k++;
    return k;
}

/* Prints x with a decimal comma or point. */
static void fmt_num(double x, int decimals, int comma, char *buf, size_t len)
{
    snprintf(buf, len, "%.*f", decimals, x);
    if (comma)
        for (char *p = buf; *p; p++)
            if (*p == '.')
                *p = ',';
}

void hhi_fill(const char *tpl, const char *a, const char *b, char *buf, size_t len)
{
    size_t o = 0;
    for (const char *p = tpl; *p && o + 1 < len; p++) {
        const char *with = !strncmp(p, "{a}", 3) ? a : !strncmp(p, "{b}", 3) ? b : NULL;
        if (with) {
            for (const char *q = with; *q && o + 1 < len; q++)
                buf[o++] = *q;
            p += 2;
        } else {
            buf[o++] = *p;
        }
    }
    buf[o] = '\0';
}

void hhi_class_label(const hhi_classes *c, size_t k, int decimals, int comma, const hhi_class_words *w, char *buf,
                     size_t len)
{
    char a[32], b[32];
    if (c->n_breaks == 0) {
        hhi_fill(w->all, "", "", buf, len);
        return;
    }
    if (k == 0) {
        fmt_num(c->breaks[0], decimals, comma, a, sizeof a);
        hhi_fill(w->below, a, "", buf, len);
    } else if (k >= c->n_breaks) {
        fmt_num(c->breaks[c->n_breaks - 1], decimals, comma, a, sizeof a);
        hhi_fill(w->above, a, "", buf, len);
    } else {
        fmt_num(c->breaks[k - 1], decimals, comma, a, sizeof a);
        fmt_num(c->breaks[k], decimals, comma, b, sizeof b);
        hhi_fill(w->between, a, b, buf, len);
    }
}
