#include "texttable.h"

#include <stdlib.h>
#include <string.h>

long texttable_index(const char *s)
{
    long v = 0;
    size_t n = 0;
    if (!s || !*s)
        return -1;
    for (; *s; s++, n++) {
        if (*s < '0' || *s > '9' || n >= 4)
            return -1;
        v = v * 10 + (*s - '0');
    }
    return v;
}

wrrfig_status texttable_load(const wrrfig_host *h, wrrfig_ctx *ctx, const char *name, tl_table *out)
{
    const wrrfig_table *t = h->table(ctx, name);
    memset(out, 0, sizeof *out);
    if (!t)
        return WRRFIG_NODATA;
    int ir = h->table_dim_index(t, "row"), ic = h->table_dim_index(t, "col"), it = h->table_dim_index(t, "text");
    if (ir < 0 || ic < 0 || it < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: expected the columns row, col and text (a text table)", name);
        return WRRFIG_ERROR;
    }
    size_t n = h->table_rows(t);
    long maxr = -1, maxc = -1;
    for (size_t i = 0; i < n; i++) {
        long r = texttable_index(h->table_key(t, i, (size_t)ir));
        long c = texttable_index(h->table_key(t, i, (size_t)ic));
        if (r < 0 || c < 0) {
            h->log(ctx, WRRFIG_LOG_ERROR, "%s: record %zu: column %s: expected a cell index 0-9999, found '%s'",
                   name, i + 1, r < 0 ? "row" : "col",
                   h->table_key(t, i, (size_t)(r < 0 ? ir : ic)));
            return WRRFIG_ERROR;
        }
        if (r > maxr)
            maxr = r;
        if (c > maxc)
            maxc = c;
    }
    if (maxr < 1) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: expected a header row 0 and at least one body row", name);
        return WRRFIG_ERROR;
    }
    size_t nr = (size_t)maxr + 1, nc = (size_t)maxc + 1;
    if ((size_t)n != nr * nc) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: expected %zu records for a %zu x %zu grid, found %zu (a cell is missing or doubled)",
               name, nr * nc, nr, nc, n);
        return WRRFIG_ERROR;
    }
    if (tl_init(out, nr, nc) < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: out of memory", name);
        return WRRFIG_ERROR;
    }
    char *seen = calloc(nr * nc, 1);
    if (!seen) {
        tl_free(out);
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: out of memory", name);
        return WRRFIG_ERROR;
    }
    for (size_t i = 0; i < n; i++) {
        size_t r = (size_t)texttable_index(h->table_key(t, i, (size_t)ir));
        size_t c = (size_t)texttable_index(h->table_key(t, i, (size_t)ic));
        if (seen[r * nc + c]) {
            h->log(ctx, WRRFIG_LOG_ERROR, "%s: record %zu: cell (%zu, %zu) appears twice", name, i + 1, r, c);
            free(seen);
            tl_free(out);
            return WRRFIG_ERROR;
        }
        seen[r * nc + c] = 1;
        if (tl_set(out, r, c, h->table_key(t, i, (size_t)it)) < 0) {
            free(seen);
            tl_free(out);
            h->log(ctx, WRRFIG_LOG_ERROR, "%s: out of memory", name);
            return WRRFIG_ERROR;
        }
    }
    free(seen);
    return WRRFIG_OK;
}
