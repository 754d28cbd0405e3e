#include "common/labelspread.h"

#define SPREAD_MAX 64

int wfc_spread(double *pos, size_t n, double gap, double lo, double hi)
{
    if (n > SPREAD_MAX || !(gap > 0))
        return -1;
    size_t ord[SPREAD_MAX];
    double want[SPREAD_MAX], y[SPREAD_MAX];
    for (size_t i = 0; i < n; i++)
        ord[i] = i;
    /* Insertion sort by wanted position; ties keep input order (stable, so
     * the result does not depend on anything but the input). */
    for (size_t i = 1; i < n; i++) {
        size_t k = ord[i], j = i;
        while (j > 0 && pos[ord[j - 1]] > pos[k]) {
            ord[j] = ord[j - 1];
            j--;
        }
        ord[j] = k;
    }
    for (size_t i = 0; i < n; i++)
        want[i] = y[i] = pos[ord[i]];
    /* Clusters of labels closer than gap are laid out gap apart around the
     * mean of their wanted positions; merging repeats until no two clusters
     * touch (the classic 1-D label placement by pooling). */
    size_t start[SPREAD_MAX], len[SPREAD_MAX], nc = 0;
    for (size_t i = 0; i < n; i++) {
        start[nc] = i;
        len[nc] = 1;
        nc++;
        for (;;) {
            if (nc < 2)
                break;
            size_t a = nc - 2, b = nc - 1;
            /* place cluster b */
            double sum = 0;
            for (size_t k = 0; k < len[b]; k++)
                sum += want[start[b] + k] - (double)k * gap;
            double first_b = sum / (double)len[b];
            double last_a = y[start[a] + len[a] - 1];
            if (first_b >= last_a + gap) {
                for (size_t k = 0; k < len[b]; k++)
                    y[start[b] + k] = first_b + (double)k * gap;
                break;
            }
            len[a] += len[b];
            nc--;
            sum = 0;
            for (size_t k = 0; k < len[a]; k++)
                sum += want[start[a] + k] - (double)k * gap;
            double first_a = sum / (double)len[a];
            for (size_t k = 0; k < len[a]; k++)
                y[start[a] + k] = first_a + (double)k * gap;
        }
        if (nc == 1) {
            double sum = 0;
            for (size_t k = 0; k < len[0]; k++)
                sum += want[start[0] + k] - (double)k * gap;
            double first = sum / (double)len[0];
            for (size_t k = 0; k < len[0]; k++)
                y[start[0] + k] = first + (double)k * gap;
        }
    }
    /* Keep inside [lo, hi] when the whole stack fits: shift up from the
     * bottom, then down from the top. */
    if (n > 0 && hi - lo >= (double)(n - 1) * gap) {
        if (y[0] < lo)
            y[0] = lo;
        for (size_t i = 1; i < n; i++)
            if (y[i] < y[i - 1] + gap)
                y[i] = y[i - 1] + gap;
        if (y[n - 1] > hi)
            y[n - 1] = hi;
        for (size_t i = n - 1; i > 0; i--)
            if (y[i - 1] > y[i] - gap)
                y[i - 1] = y[i] - gap;
    }
    for (size_t i = 0; i < n; i++)
        pos[ord[i]] = y[i];
    return 0;
}
