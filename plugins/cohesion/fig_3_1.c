/* Figuur 3.1: national problem perception, the four largest topic
 * categories of 2019Q3, averaged over three-year blocks. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blockmean.h"
#include "figs.h"

#define MAX_TOP 8
#define MAX_BLOCKS 12

const char *code_label(const wrrfig_host *h, const wrrfig_table *t, const char *dim, const char *code)
{
    char key[256];
    snprintf(key, sizeof key, "label:%s:%s", dim, code);
    const char *l = h->table_meta(t, key);
    return l ? l : code;
}

static int read_blocks(const wrrfig_host *h, wrrfig_ctx *ctx, int from[], int to[], size_t *n)
{
    *n = h->spec_count(ctx, "blocks");
    if (*n == 0 || *n > MAX_BLOCKS) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec blocks: expected 1-%d [from, to] year pairs", MAX_BLOCKS);
        return -1;
    }
    for (size_t i = 0; i < *n; i++) {
        char k0[32], k1[32];
        double a, b;
        snprintf(k0, sizeof k0, "blocks.%zu.0", i);
        snprintf(k1, sizeof k1, "blocks.%zu.1", i);
        if (!h->spec_number(ctx, k0, &a) || !h->spec_number(ctx, k1, &b) || b < a) {
            h->log(ctx, WRRFIG_LOG_ERROR, "spec blocks.%zu: expected [from, to] with from <= to", i);
            return -1;
        }
        from[i] = (int)a;
        to[i] = (int)b;
    }
    return 0;
}

wrrfig_status build_problembesef(const wrrfig_host *h, wrrfig_ctx *ctx, const char *input)
{
    const wrrfig_table *t = h->table(ctx, input);
    if (!t)
        return WRRFIG_NODATA;
    int dp = h->table_dim_index(t, "Perioden"), dc = h->table_dim_index(t, "Onderwerp");
    if (dp < 0 || dc < 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: expected dimensions Perioden and Onderwerp", input);
        return WRRFIG_ERROR;
    }
    size_t n = h->table_rows(t);
    bm_obs *obs = calloc(n ? n : 1, sizeof *obs);
    if (!obs)
        return WRRFIG_ERROR;
    for (size_t i = 0; i < n; i++) {
        int y, q;
        obs[i].period = h->table_key(t, i, (size_t)dp);
        obs[i].category = h->table_key(t, i, (size_t)dc);
        if (bm_quarter(obs[i].period, &y, &q) < 0) {
            h->log(ctx, WRRFIG_LOG_ERROR, "%s: record %zu: Perioden: expected a quarter code like 2019KW03, found '%s'",
                   input, i + 1, obs[i].period);
            free(obs);
            return WRRFIG_ERROR;
        }
        obs[i].present = h->table_value(t, i, &obs[i].value) == WRRFIG_VALUE;
    }
    const char *rank = h->spec_text(ctx, "rank_period");
    double topn = 4;
    h->spec_number(ctx, "top_n", &topn);
    int from[MAX_BLOCKS], to[MAX_BLOCKS];
    size_t nb;
    const char *top[MAX_TOP];
    if (!rank || topn < 1 || topn > MAX_TOP || read_blocks(h, ctx, from, to, &nb) < 0) {
        if (!rank || topn < 1 || topn > MAX_TOP)
            h->log(ctx, WRRFIG_LOG_ERROR, "spec: expected rank_period (a quarter code) and top_n 1-%d", MAX_TOP);
        free(obs);
        return WRRFIG_ERROR;
    }
    size_t nt = bm_top(obs, n, rank, (size_t)topn, top);
    if (nt < (size_t)topn) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s: %zu categories have a value in %s, the figure needs %d", input, nt, rank,
               (int)topn);
        free(obs);
        return nt == 0 ? WRRFIG_NODATA : WRRFIG_ERROR;
    }

    double mean[MAX_BLOCKS][MAX_TOP];
    h->csv_row(ctx, "sssss", "block", "category", "label", "mean_percent", "quarters");
    for (size_t b = 0; b < nb; b++)
        for (size_t c = 0; c < nt; c++) {
            size_t used, expected;
            char block[32];
            mean[b][c] = bm_block_mean(obs, n, top[c], from[b], to[b], &used, &expected);
            snprintf(block, sizeof block, "%d-%d", from[b], to[b]);
            if (isnan(mean[b][c]))
                h->note(ctx, "%s %s: %zu of %zu quarters have a value; no mean is drawn for this block.", top[c],
                        block, used, expected);
            h->csv_row(ctx, "sssni", block, top[c], code_label(h, t, "Onderwerp", top[c]), mean[b][c], (int)used);
        }

    /* header row: the categories' labels, read by "title columnheader" */
    const char *lab[MAX_TOP];
    for (size_t c = 0; c < MAX_TOP; c++)
        lab[c] = c < nt ? code_label(h, t, "Onderwerp", top[c]) : "";
    h->gp_block_begin(ctx, "d");
    h->gp_block_row(ctx, "%q %q %q %q %q %q %q %q %q", "block", lab[0], lab[1], lab[2], lab[3], lab[4], lab[5], lab[6],
                    lab[7]);
    for (size_t b = 0; b < nb; b++) {
        char block[32];
        double m[MAX_TOP];
        for (size_t c = 0; c < MAX_TOP; c++)
            m[c] = c < nt ? mean[b][c] : NAN;
        snprintf(block, sizeof block, "%d-%d", from[b], to[b]);
        h->gp_block_row(ctx, "%q %g %g %g %g %g %g %g %g", block, m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7]);
    }
    h->gp_block_end(ctx);
    const char *yl = h->spec_text(ctx, "ylabel");
    if (yl)
        h->gp_cmd(ctx, "set ylabel %q", yl);
    h->gp_cmd(ctx, "set style data histogram");
    h->gp_cmd(ctx, "set style histogram clustered gap 1");
    h->gp_cmd(ctx, "set style fill solid 0.9 border rgb '#ffffff'");
    h->gp_cmd(ctx, "set yrange [0:*]");
    h->gp_cmd(ctx, "set key outside top center horizontal Left reverse samplen 1.5");
    h->gp_cmd(ctx, "plot for [i=2:%zu] $d using i:xtic(1) title columnheader(i) linecolor (i-1)", nt + 1);
    free(obs);
    return WRRFIG_OK;
}
