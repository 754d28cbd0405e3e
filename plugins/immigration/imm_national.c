/* Figures 2.1, 2.7 and 2.8: immigration with its linear trend, the three
 * flows, and the emigration rate, from CBS 37296ned. */
#include "imm_national.h"

#include <stdio.h>

#include "imm_series.h"
#include "common/spectext.h"

static const wrrfig_table *open_37296(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    return h->table(ctx, IMM_T37296);
}

/* Loads one topic; NODATA when the table lacks it entirely. */
static wrrfig_status load_topic(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *t, const char *topic,
                                imm_series *s)
{
    int n = imm_series_load(h, ctx, t, "Onderwerp", topic, NULL, NULL, s);
    if (n < 0)
        return WRRFIG_ERROR;
    if (n == 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "%s has no values for Onderwerp=%s", IMM_T37296, topic);
        return WRRFIG_NODATA;
    }
    return WRRFIG_OK;
}

static void set_period_title(const wrrfig_host *h, wrrfig_ctx *ctx, int from, int to)
{
    const char *t = h->spec_text(ctx, "title_template");
    if (!t)
        return;
    char buf[512];
    imm_fill_years(t, from, to, buf, sizeof buf);
    h->set_title(ctx, buf);
}

/* The period of the national figures (1946-2018 unless the spec says
 * otherwise), clipped to the series with a note. */
static wrrfig_status period_of(const wrrfig_host *h, wrrfig_ctx *ctx, const imm_series *s, int *from, int *to)
{
    switch (imm_period(h, ctx, s, 1946, 2018, from, to)) {
    case IMM_PERIOD_OK:
        return WRRFIG_OK;
    case IMM_PERIOD_NONE:
        return WRRFIG_NODATA;
    default:
        return WRRFIG_ERROR;
    }
}

/* The trend note: tmpl (text.trend) with {from}, {to} and {slope} (persons
 * per year, one decimal, in the spec's decimal mark) filled in. */
static void note_trend(const wrrfig_host *h, wrrfig_ctx *ctx, const char *tmpl, const char *mark, int from, int to,
                       double slope)
{
    static const char *const names[] = {"from", "to", "slope"};
    char f[16], t[16], b[48], note[512];
    snprintf(f, sizeof f, "%d", from);
    snprintf(t, sizeof t, "%d", to);
    snprintf(b, sizeof b, "%.1f", slope);
    wfc_decimal(b, sizeof b, mark);
    wfc_fill(note, sizeof note, tmpl, names, (const char *const[]){f, t, b}, 3);
    h->note(ctx, "%s", note);
}

/* Every year of the period must have the number: a gap would silently bend
 * the trend or the chart. */
static wrrfig_status require_years(const wrrfig_host *h, wrrfig_ctx *ctx, const imm_series *s, const char *topic,
                                   int from, int to)
{
    for (int y = from; y <= to; y++)
        if (!imm_has(s, y)) {
            h->log(ctx, WRRFIG_LOG_ERROR, "%s: no number for Onderwerp=%s in %d", IMM_T37296, topic, y);
            return WRRFIG_NODATA;
        }
    return WRRFIG_OK;
}

wrrfig_status imm_build_fig_2_1(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *t = open_37296(h, ctx);
    if (!t)
        return WRRFIG_NODATA;
    imm_series imm;
    wrrfig_status st = load_topic(h, ctx, t, IMM_IMMIGRATION, &imm);
    if (st != WRRFIG_OK)
        return st;
    static const char *const text_keys[] = {"text.trend", "text.decimal_mark"};
    const char *words[2];
    if (!wfc_spec_texts(h, ctx, text_keys, words, 2))
        return WRRFIG_ERROR;
    int from, to;
    if ((st = period_of(h, ctx, &imm, &from, &to)) != WRRFIG_OK ||
        (st = require_years(h, ctx, &imm, IMM_IMMIGRATION, from, to)) != WRRFIG_OK)
        return st;
    int n = to - from + 1;
    double x[IMM_NY], y[IMM_NY], a, b;
    for (int i = 0; i < n; i++) {
        x[i] = from + i;
        y[i] = imm_get(&imm, from + i);
    }
    if (imm_least_squares(x, y, n, &a, &b) != 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "a trend needs at least two years (have %d)", n);
        return WRRFIG_NODATA;
    }
    set_period_title(h, ctx, from, to);
    note_trend(h, ctx, words[0], words[1], from, to, b);
    h->csv_row(ctx, "sss", "year", "immigration", "trend");
    h->gp_block_begin(ctx, "imm");
    for (int i = 0; i < n; i++) {
        double tr = a + b * x[i];
        h->csv_row(ctx, "inn", from + i, y[i], tr);
        h->gp_block_row(ctx, "%d %g %g", from + i, y[i] / 1000.0, tr / 1000.0);
    }
    h->gp_block_end(ctx);
    imm_axis_labels(h, ctx);
    h->gp_cmd(ctx, "set key top left");
    h->gp_cmd(ctx, "set xrange [%d:%d]", from - 1, to + 1);
    h->gp_cmd(ctx, "set yrange [0:*]");
    static const char *const keys[] = {"legend.immigration", "legend.trend"};
    const char *lg[2];
    if (!wfc_spec_texts(h, ctx, keys, lg, 2))
        return WRRFIG_ERROR;
    h->gp_cmd(ctx, "plot $imm using 1:2 with lines lt 1 lw 2 title %q, $imm using 1:3 with lines lt 2 lw 2 dt 2 title %q",
              lg[0], lg[1]);
    return WRRFIG_OK;
}

wrrfig_status imm_build_fig_2_7(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *t = open_37296(h, ctx);
    if (!t)
        return WRRFIG_NODATA;
    imm_series imm, emi, net;
    wrrfig_status st;
    if ((st = load_topic(h, ctx, t, IMM_IMMIGRATION, &imm)) != WRRFIG_OK ||
        (st = load_topic(h, ctx, t, IMM_EMIGRATION, &emi)) != WRRFIG_OK ||
        (st = load_topic(h, ctx, t, IMM_NET, &net)) != WRRFIG_OK)
        return st;
    int from, to;
    if ((st = period_of(h, ctx, &imm, &from, &to)) != WRRFIG_OK)
        return st;
    if ((st = require_years(h, ctx, &imm, IMM_IMMIGRATION, from, to)) != WRRFIG_OK ||
        (st = require_years(h, ctx, &emi, IMM_EMIGRATION, from, to)) != WRRFIG_OK ||
        (st = require_years(h, ctx, &net, IMM_NET, from, to)) != WRRFIG_OK)
        return st;
    set_period_title(h, ctx, from, to);
    int mismatches = 0;
    h->csv_row(ctx, "sssss", "year", "immigration", "emigration", "net_migration", "immigration_minus_emigration");
    h->gp_block_begin(ctx, "flows");
    for (int y = from; y <= to; y++) {
        double i = imm_get(&imm, y), e = imm_get(&emi, y), s = imm_get(&net, y);
        if (i - e != s)
            mismatches++;
        h->csv_row(ctx, "innnn", y, i, e, s, i - e);
        h->gp_block_row(ctx, "%d %g %g %g", y, i / 1000.0, -e / 1000.0, s / 1000.0);
    }
    h->gp_block_end(ctx);
    if (mismatches)
        h->note(ctx, "CBS net migration differs from immigration minus emigration in %d year(s); the CSV has both.",
                mismatches);
    imm_axis_labels(h, ctx);
    h->gp_cmd(ctx, "set key top left");
    h->gp_cmd(ctx, "set xrange [%d:%d]", from - 1, to + 1);
    h->gp_cmd(ctx, "set style fill solid 0.85 noborder");
    h->gp_cmd(ctx, "set boxwidth 0.8");
    h->gp_cmd(ctx, "set xzeroaxis lt -1 lc rgb '#444444'");
    static const char *const keys[] = {"legend.immigration", "legend.emigration", "legend.net"};
    const char *lg[3];
    if (!wfc_spec_texts(h, ctx, keys, lg, 3))
        return WRRFIG_ERROR;
    h->gp_cmd(ctx,
              "plot $flows using 1:2 with boxes lt 1 title %q, $flows using 1:3 with boxes lt 3 title %q, "
              "$flows using 1:4 with lines lt 2 lw 2 lc rgb '#000000' title %q",
              lg[0], lg[1], lg[2]);
    return WRRFIG_OK;
}

wrrfig_status imm_build_fig_2_8(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *t = open_37296(h, ctx);
    if (!t)
        return WRRFIG_NODATA;
    imm_series emi, pop;
    wrrfig_status st;
    if ((st = load_topic(h, ctx, t, IMM_EMIGRATION, &emi)) != WRRFIG_OK ||
        (st = load_topic(h, ctx, t, IMM_POPULATION, &pop)) != WRRFIG_OK)
        return st;
    int from, to;
    if ((st = period_of(h, ctx, &emi, &from, &to)) != WRRFIG_OK)
        return st;
    if ((st = require_years(h, ctx, &emi, IMM_EMIGRATION, from, to)) != WRRFIG_OK ||
        (st = require_years(h, ctx, &pop, IMM_POPULATION, from, to + 1)) != WRRFIG_OK)
        return st;
    set_period_title(h, ctx, from, to);
    h->csv_row(ctx, "sssss", "year", "emigration", "population_1jan", "population_1jan_next", "per_1000");
    h->gp_block_begin(ctx, "rate");
    for (int y = from; y <= to; y++) {
        double e = imm_get(&emi, y), p0 = imm_get(&pop, y), p1 = imm_get(&pop, y + 1);
        /* CBS's relative figures divide by the mean population of the year */
        double r = 1000.0 * e / ((p0 + p1) / 2.0);
        h->csv_row(ctx, "innnn", y, e, p0, p1, r);
        h->gp_block_row(ctx, "%d %g", y, r);
    }
    h->gp_block_end(ctx);
    imm_axis_labels(h, ctx);
    h->gp_cmd(ctx, "set key top left");
    h->gp_cmd(ctx, "set xrange [%d:%d]", from - 1, to + 1);
    h->gp_cmd(ctx, "set yrange [0:*]");
    static const char *const keys[] = {"legend.rate"};
    const char *lg[1];
    if (!wfc_spec_texts(h, ctx, keys, lg, 1))
        return WRRFIG_ERROR;
    h->gp_cmd(ctx, "plot $rate using 1:2 with lines lt 1 lw 2 title %q", lg[0]);
    return WRRFIG_OK;
}
