/* Figuur 8.1: the share of couples whose partners have the same migration
 * background, per origin group, 1 January 2016. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "figs.h"
#include "homogamy.h"

#define MAX_GROUPS 24
#define MAX_TOPICS 8

/* Sum of the topics listed under spec key (an array of topic codes) for one
 * group and period. Returns 0, or -1 (logged) when a cell is absent. */
static int sum_topics(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, const char *input,
                      const char *key, const char *group, const char *period, double *sum)
{
    size_t n = h->spec_count(ctx, key);
    if (n == 0 || n > MAX_TOPICS) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec %s: expected 1-%d topic codes", key, MAX_TOPICS);
        return -1;
    }
    *sum = 0;
    for (size_t i = 0; i < n; i++) {
        char k[48], q[512];
        snprintf(k, sizeof k, "%s.%zu", key, i);
        const char *topic = h->spec_text(ctx, k);
        double v;
        snprintf(q, sizeof q, "Migratieachtergrond=%s;Perioden=%s;Onderwerp=%s", group, period, topic ? topic : "");
        wrrfig_value_kind kind = h->table_find(t, q, &v);
        if (kind != WRRFIG_VALUE) {
            h->log(ctx, WRRFIG_LOG_ERROR, "%s: no number for %s (kind %d)", input, q, (int)kind);
            return -1;
        }
        *sum += v;
    }
    return 0;
}

wrrfig_status build_homogamy(const wrrfig_host *h, wrrfig_ctx *ctx, const char *input)
{
    const wrrfig_table *t = h->table(ctx, input);
    if (!t)
        return WRRFIG_NODATA;
    const char *period = h->spec_text(ctx, "period");
    size_t ng = h->spec_count(ctx, "groups");
    if (!period || ng == 0 || ng > MAX_GROUPS) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec: expected period and 1-%d groups", MAX_GROUPS);
        return WRRFIG_ERROR;
    }
    size_t longest = 0;
    h->csv_row(ctx, "ssssss", "group", "label", "period", "couples_same_background", "couples_total", "percent_same");
    h->gp_block_begin(ctx, "d");
    for (size_t g = 0; g < ng; g++) {
        char k[48];
        snprintf(k, sizeof k, "groups.%zu.code", g);
        const char *code = h->spec_text(ctx, k);
        snprintf(k, sizeof k, "groups.%zu.label", g);
        const char *label = h->spec_text(ctx, k);
        double same, total, pct;
        if (!code || !label) {
            h->log(ctx, WRRFIG_LOG_ERROR, "spec groups.%zu: expected code and label", g);
            h->gp_block_end(ctx);
            return WRRFIG_ERROR;
        }
        if (sum_topics(h, ctx, t, input, "topics.same", code, period, &same) < 0 ||
            sum_topics(h, ctx, t, input, "topics.total", code, period, &total) < 0) {
            h->gp_block_end(ctx);
            return WRRFIG_ERROR;
        }
        if (hg_share(same, total, &pct) < 0) {
            h->log(ctx, WRRFIG_LOG_ERROR, "%s: group %s: %g couples of the same background out of %g is not a share",
                   input, code, same, total);
            h->gp_block_end(ctx);
            return WRRFIG_ERROR;
        }
        size_t chars = 0;
        for (const char *p = label; *p; p++)
            chars += ((unsigned char)*p & 0xC0) != 0x80;
        if (chars > longest)
            longest = chars;
        h->csv_row(ctx, "sssnnn", code, label, period, same, total, pct);
        h->gp_block_row(ctx, "%zu %g %q", g, pct, label);
    }
    h->gp_block_end(ctx);
    const char *xl = h->spec_text(ctx, "xlabel");
    if (xl)
        h->gp_cmd(ctx, "set xlabel %q", xl);
    h->gp_cmd(ctx, "set style fill solid 0.9 noborder");
    h->gp_cmd(ctx, "set xrange [0:100]");
    h->gp_cmd(ctx, "set yrange [%g:-0.6]", (double)ng - 0.4);
    h->gp_cmd(ctx, "set grid xtics noytics");
    /* room for the longest group label, in character widths */
    h->gp_cmd(ctx, "set lmargin %zu", longest + 3);
    h->gp_cmd(ctx, "plot $d using (0):1:(0):2:($1-0.35):($1+0.35):ytic(3) with boxxyerror linecolor 1 notitle, "
                   "$d using 2:1:(sprintf('%%.0f%%%%', $2)) with labels left offset 0.5,0 notitle");
    return WRRFIG_OK;
}
