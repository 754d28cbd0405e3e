#include "hhi_index.h"

#include <math.h>

double hhi_total(const double *w, size_t n)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++)
        s += w[i];
    return s;
}

hhi_err hhi_textbook(const double *w, size_t n, double *out)
{
    if (n == 0)
        return HHI_EMPTY;
    for (size_t i = 0; i < n; i++)
        if (!(w[i] >= 0.0) || !isfinite(w[i]))
            return HHI_NEGATIVE;
    double total = hhi_total(w, n);
    if (!(total > 0.0))
        return HHI_EMPTY;
    double h = 0.0;
    for (size_t i = 0; i < n; i++) {
        double p = w[i] / total;
        h += p * p;
    }
    *out = h;
    return HHI_OK;
}

hhi_err hhi_gini_simpson(const double *w, size_t n, double *out)
{
    double h;
    hhi_err e = hhi_textbook(w, n, &h);
    if (e == HHI_OK)
        *out = 1.0 - h;
    return e;
}
