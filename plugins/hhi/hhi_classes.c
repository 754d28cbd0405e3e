#include "hhi_classes.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/spectext.h"

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

/* Prints x with the spec's decimal mark. */
static void fmt_num(double x, int decimals, const char *mark, char *buf, size_t len)
{
    snprintf(buf, len, "%.*f", decimals, x);
    wfc_decimal(buf, len, mark);
}

/* The template with {a} and {b} replaced (cut short to len). */
static void fill_ab(const char *tpl, const char *a, const char *b, char *buf, size_t len)
{
    static const char *const names[] = {"a", "b"};
    const char *values[] = {a, b};
    wfc_fill(buf, len, tpl, names, values, 2);
}

void hhi_class_label(const hhi_classes *c, size_t k, int decimals, const char *mark, const hhi_class_words *w,
                     char *buf, size_t len)
{
    char a[32], b[32];
    if (c->n_breaks == 0) {
        fill_ab(w->all, "", "", buf, len);
        return;
    }
    if (k == 0) {
        fmt_num(c->breaks[0], decimals, mark, a, sizeof a);
        fill_ab(w->below, a, "", buf, len);
    } else if (k >= c->n_breaks) {
        fmt_num(c->breaks[c->n_breaks - 1], decimals, mark, a, sizeof a);
        fill_ab(w->above, a, "", buf, len);
    } else {
        fmt_num(c->breaks[k - 1], decimals, mark, a, sizeof a);
        fmt_num(c->breaks[k], decimals, mark, b, sizeof b);
        fill_ab(w->between, a, b, buf, len);
    }
}
