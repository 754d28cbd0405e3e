#include "common/counts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* Reports row r of t as broken input: "<file>: data row N (dim=code, ...),
 * column value: <v> <why>". The figure fails and keeps its previous
 * outputs (wrrfig_host.input_broken): the data is wrong, not the plugin. */
static int refuse(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, size_t r, double v,
                  const char *why, const char *what)
{
    char codes[256];
    size_t o = 0;
    codes[0] = '\0';
    for (size_t d = 0; d < h->table_dims(t) && o + 1 < sizeof codes; d++) {
        int n = snprintf(codes + o, sizeof codes - o, "%s%s=%s", d ? ", " : "", h->table_dim_name(t, d),
                         h->table_key(t, r, d));
        if (n < 0)
            break;
        o += (size_t)n;
    }
    const char *file = h->table_meta(t, "file"), *name = h->table_meta(t, "name");
    /* the number as the file has it: -43.7, not -43.700000000000003 */
    char num[32];
    snprintf(num, sizeof num, "%.15g", v);
    if (strtod(num, NULL) != v)
        snprintf(num, sizeof num, "%.17g", v);
    h->input_broken(ctx, "%s: data row %zu (%s), column value: %s %s%s", file ? file : name ? name : "table",
                    r + 1, codes, num, why, what);
    return -1;
}

/* table_value of row r, refused as broken input outside [0, max]. */
static int ranged_value(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, size_t r, double max,
                        const char *negative, const char *above, const char *what, double *out)
{
    double v = 0;
    wrrfig_value_kind k = h->table_value(t, r, &v);
    if (k != WRRFIG_VALUE)
        return (int)k;
    if (v < 0)
        return refuse(h, ctx, t, r, v, negative, what);
    if (v > max)
        return refuse(h, ctx, t, r, v, above, what);
    *out = v;
    return (int)k;
}

int wfc_count_value(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, size_t r, const char *what,
                    double *out)
{
    return ranged_value(h, ctx, t, r, HUGE_VAL, "is negative, but it counts ", NULL, what, out);
}

int wfc_share_value(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, size_t r, const char *what,
                    double *out)
{
    return ranged_value(h, ctx, t, r, 100, "is negative, but it is a percentage: ",
                        "is above 100, but it is a percentage: ", what, out);
}
