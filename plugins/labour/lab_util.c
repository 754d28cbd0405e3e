/* Small helpers shared by the labour figures and measures: dimension lookup
 * by code or label, query strings, year ranges, number labels. (Spec keys
 * and periods: plugins/common.) */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "labour.h"

int lab_dim(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, const char *table_name,
            const char *dim)
{
    int d = dim ? h->table_dim_index(t, dim) : -1;
    if (d < 0)
        h->log(ctx, WRRFIG_LOG_ERROR, "table %s: no dimension column '%s' (expected by this figure's layout)",
               table_name, dim ? dim : "(none given in the spec)");
    return d;
}

const char *lab_resolve(const wrrfig_host *h, const wrrfig_table *t, int dim, const char *key)
{
    if (!t || dim < 0 || !key)
        return NULL;
    const char *dname = h->table_dim_name(t, (size_t)dim);
    size_t rows = h->table_rows(t);
    const char *by_label = NULL;
    char mkey[256];
    for (size_t r = 0; r < rows; r++) {
        const char *code = h->table_key(t, r, (size_t)dim);
        if (!code)
            continue;
        if (strcmp(code, key) == 0)
            return code; /* a code match wins over a label match */
        if (!by_label) {
            int n = snprintf(mkey, sizeof mkey, "label:%s:%s", dname, code);
            if (n > 0 && (size_t)n < sizeof mkey) {
                const char *label = h->table_meta(t, mkey);
                if (label && strcmp(label, key) == 0)
                    by_label = code;
            }
        }
    }
    return by_label;
}

void lab_query_init(lab_query *q)
{
    q->s[0] = '\0';
    q->len = 0;
    q->overflow = 0;
}

void lab_query_add(lab_query *q, const char *dim, const char *code)
{
    int n = snprintf(q->s + q->len, sizeof q->s - q->len, "%s%s=%s", q->len ? ";" : "", dim, code);
    if (n < 0 || (size_t)n >= sizeof q->s - q->len) {
        q->overflow = 1;
        return;
    }
    q->len += (size_t)n;
}

char *lab_ranges(const int *years, size_t n, char *buf, size_t size)
{
    size_t len = 0;
    if (size == 0)
        return buf;
    buf[0] = '\0';
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && years[j + 1] == years[j] + 1)
            j++;
        int w;
        if (j == i)
            w = snprintf(buf + len, size - len, "%s%d", len ? ", " : "", years[i]);
        else
            w = snprintf(buf + len, size - len, "%s%d-%d", len ? ", " : "", years[i], years[j]);
        if (w < 0 || (size_t)w >= size - len)
            break; /* truncated at a whole range */
        len += (size_t)w;
        i = j + 1;
    }
    return buf;
}

char *lab_fmt_pct(double v, const char *decimal_mark, char *buf, size_t size)
{
    if (isnan(v)) {
        snprintf(buf, size, "%s", "");
        return buf;
    }
    if (fabs(v - round(v)) < 1e-9)
        snprintf(buf, size, "%.0f", v);
    else
        snprintf(buf, size, "%.1f", v);
    return wfc_decimal(buf, size, decimal_mark);
}

char *lab_fmt_fixed(double v, int decimals, const char *decimal_mark, char *buf, size_t size)
{
    if (isnan(v)) {
        snprintf(buf, size, "%s", "");
        return buf;
    }
    snprintf(buf, size, "%.*f", decimals, v);
    return wfc_decimal(buf, size, decimal_mark);
}

size_t lab_find_row(const wrrfig_host *h, const wrrfig_table *t, const int *dims, const char *const *codes,
                    size_t n)
{
    size_t rows = h->table_rows(t);
    for (size_t r = 0; r < rows; r++) {
        size_t k = 0;
        while (k < n && dims[k] >= 0 && strcmp(h->table_key(t, r, (size_t)dims[k]), codes[k]) == 0)
            k++;
        if (k == n)
            return r;
    }
    return LAB_NO_ROW;
}
