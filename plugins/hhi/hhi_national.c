#include "hhi_national.h"

#include <math.h>
#include <string.h>

#include "hhi_index.h"

static int usable(const hhi_area *a)
{
    return a->ok && isfinite(a->pop) && a->pop > 0;
}

int hhi_summarise(const hhi_area *a, size_t n, hhi_summary *out)
{
    memset(out, 0, sizeof *out);
    double pooled[HHI_MAX_GROUPS] = {0};
    size_t groups = 0;
    double sum_d = 0, sum_wd = 0;
    for (size_t i = 0; i < n; i++) {
        if (!usable(&a[i]))
            continue;
        if (groups == 0)
            groups = a[i].n;
        else if (a[i].n != groups)
            return -1;
        double total = hhi_total(a[i].w, a[i].n);
        for (size_t g = 0; g < groups; g++)
            pooled[g] += a[i].pop * a[i].w[g] / total;
        sum_d += a[i].d;
        sum_wd += a[i].pop * a[i].d;
        out->pop += a[i].pop;
        out->n_used++;
    }
    if (out->n_used == 0)
        return -1;
    if (hhi_gini_simpson(pooled, groups, &out->pooled_d) != HHI_OK ||
        hhi_textbook(pooled, groups, &out->pooled_h) != HHI_OK)
        return -1;
    out->mean_d = sum_d / (double)out->n_used;
    out->wmean_d = sum_wd / out->pop;
    return 0;
}

double hhi_pop_share(const hhi_area *a, size_t n, double lo, double hi)
{
    double in = 0, all = 0;
    for (size_t i = 0; i < n; i++) {
        if (!usable(&a[i]))
            continue;
        all += a[i].pop;
        if (a[i].d >= lo && a[i].d < hi)
            in += a[i].pop;
    }
    return all > 0 ? 100.0 * in / all : NAN;
}

size_t hhi_rank(const hhi_area *a, size_t n, const hhi_area *which)
{
    if (!which->ok)
        return 0;
    size_t r = 1;
    for (size_t i = 0; i < n; i++)
        if (a[i].ok && a[i].d > which->d)
            r++;
    return r;
}
