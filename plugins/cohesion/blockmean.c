#include "blockmean.h"

#include <math.h>
#include <string.h>

int bm_quarter(const char *s, int *year, int *quarter)
{
    if (!s || strlen(s) != 8 || s[4] != 'K' || s[5] != 'W' || s[6] != '0')
        return -1;
    int y = 0;
    for (int i = 0; i < 4; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        y = y * 10 + (s[i] - '0');
    }
    if (s[7] < '1' || s[7] > '4')
        return -1;
    *year = y;
    *quarter = s[7] - '0';
    return 0;
}

size_t bm_top(const bm_obs *obs, size_t n_obs, const char *rank_period, size_t n, const char **top)
{
    size_t found = 0;
    /* selection: repeatedly take the best remaining; n is small (4) */
    while (found < n) {
        const bm_obs *best = NULL;
        for (size_t i = 0; i < n_obs; i++) {
            const bm_obs *o = &obs[i];
            if (!o->present || strcmp(o->period, rank_period) != 0)
                continue;
            int taken = 0;
            for (size_t k = 0; k < found && !taken; k++)
                taken = strcmp(top[k], o->category) == 0;
            if (taken)
                continue;
            if (!best || o->value > best->value ||
                (o->value == best->value && strcmp(o->category, best->category) < 0))
                best = o;
        }
        if (!best)
            break;
        top[found++] = best->category;
    }
    return found;
}

double bm_block_mean(const bm_obs *obs, size_t n_obs, const char *category, int from, int to, size_t *used,
                     size_t *expected)
{
    double sum = 0.0;
    size_t k = 0;
    *expected = to >= from ? (size_t)(to - from + 1) * 4 : 0;
    for (size_t i = 0; i < n_obs; i++) {
        int y, q;
        if (!obs[i].present || strcmp(obs[i].category, category) != 0 || bm_quarter(obs[i].period, &y, &q) < 0)
            continue;
        if (y < from || y > to)
            continue;
        sum += obs[i].value;
        k++;
    }
    *used = k;
    return (k == *expected && k > 0) ? sum / (double)k : NAN;
}
