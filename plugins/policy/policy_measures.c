/* Reads a cell of the Kader 4.5 transcription (report/kader-4-5: row, col,
 * text): the column whose header is "Periode <period>" (or "Na 2021" for
 * period '2021-'), the row whose first cell names the topic. The table is the
 * report's own, so a verdict on it says whether the report's prose agrees
 * with its box (kind "internal"). */
#include "policy_measures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KADER_4_5 "report/kader-4-5"
#define KADER_2_3 "report/kader-2-3"

static const char *cell_text(const wrrfig_host *h, const wrrfig_table *t, long row, long col)
{
    int dr = h->table_dim_index(t, "row"), dc = h->table_dim_index(t, "col"), dt = h->table_dim_index(t, "text");
    if (dr < 0 || dc < 0 || dt < 0)
        return NULL;
    size_t n = h->table_rows(t);
    for (size_t r = 0; r < n; r++)
        if (atol(h->table_key(t, r, (size_t)dr)) == row && atol(h->table_key(t, r, (size_t)dc)) == col)
            return h->table_key(t, r, (size_t)dt);
    return NULL;
}

wrrfig_status policy_m_integration_term(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    const char *period = h->param_text(p, "period");
    if (!period || !*period) {
        h->log(ctx, WRRFIG_LOG_ERROR, "parameter period is required ('1998-2006', '2007-2012', '2013-2021', '2021-')");
        return WRRFIG_ERROR;
    }
    const wrrfig_table *t = h->table(ctx, KADER_4_5);
    if (!t)
        return WRRFIG_NODATA;
    char want[64];
    if (!strcmp(period, "2021-") || !strcmp(period, "na 2021"))
        snprintf(want, sizeof want, "Na 2021");
    else
        snprintf(want, sizeof want, "Periode %s", period);
    long col = -1, row = -1;
    for (long c = 1; c < 10 && col < 0; c++) {
        const char *s = cell_text(h, t, 0, c);
        if (s && !strcmp(s, want))
            col = c;
    }
    for (long r = 1; r < 40 && row < 0; r++) {
        const char *s = cell_text(h, t, r, 0);
        if (s && !strcmp(s, "Inburgeringstermijn"))
            row = r;
    }
    const char *v = col >= 0 && row >= 0 ? cell_text(h, t, row, col) : NULL;
    if (!v) {
        h->log(ctx, WRRFIG_LOG_WARN, "%s has no Inburgeringstermijn for '%s'", KADER_4_5, want);
        return WRRFIG_NODATA;
    }
    /* "3 jaar", "3,5 jaar"; "N.v.t." is no term. */
    char num[16];
    size_t k = 0;
    for (const char *q = v; *q && k + 1 < sizeof num && ((*q >= '0' && *q <= '9') || *q == ','); q++)
        num[k++] = *q == ',' ? '.' : *q;
    num[k] = '\0';
    if (!k || strstr(v, "jaar") == NULL) {
        h->log(ctx, WRRFIG_LOG_WARN, "Kader 4.5 states no term for '%s' (\"%s\")", want, v);
        return WRRFIG_NODATA;
    }
    *out = strtod(num, NULL);
    return WRRFIG_OK;
}

/* The number of municipality types in the transcription of Kader 2.3
 * (report/kader-2-3: type, gemeente, statcode_2015), the examples of the
 * "gemiddelde Nederlandse gemeente" (type 'gemiddeld') not counted: the
 * report sets that one apart from the types (the table's sidecar notes).
 * The table is the report's own, so the verdict is "internal". */
wrrfig_status policy_m_n_types(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    (void)p;
    const wrrfig_table *t = h->table(ctx, KADER_2_3);
    if (!t)
        return WRRFIG_NODATA;
    int dt = h->table_dim_index(t, "type");
    if (dt < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s has no column 'type'", KADER_2_3);
        return WRRFIG_ERROR;
    }
    size_t n = h->table_rows(t), distinct = 0;
    for (size_t r = 0; r < n; r++) {
        const char *ty = h->table_key(t, r, (size_t)dt);
        if (!strcmp(ty, "gemiddeld"))
            continue;
        int seen = 0;
        for (size_t q = 0; q < r && !seen; q++)
            seen = !strcmp(h->table_key(t, q, (size_t)dt), ty);
        distinct += !seen;
    }
    *out = (double)distinct;
    return WRRFIG_OK;
}
