#include "imm_forecast.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "imm_national.h"
#include "imm_series.h"
#include "common/spectext.h"

#define MAX_SCEN 8

static double or_nan(const imm_series *s, int y)
{
    return imm_has(s, y) ? imm_get(s, y) : NAN;
}

wrrfig_status imm_build_fig_2_3(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *obs_t = h->table(ctx, IMM_T37296), *fc_t = h->table(ctx, IMM_T_FORECAST);
    if (!obs_t || !fc_t)
        return WRRFIG_NODATA;
    int from, to;
    if (!imm_spec_period(h, ctx, 2000, 2040, &from, &to))
        return WRRFIG_ERROR;
    const char *cf = h->spec_text(ctx, "codes.forecast"), *cl = h->spec_text(ctx, "codes.lower"),
               *cu = h->spec_text(ctx, "codes.upper");
    if (!cf || !cl || !cu) {
        h->log(ctx, WRRFIG_LOG_ERROR, "spec lacks codes.forecast/lower/upper");
        return WRRFIG_ERROR;
    }
    imm_series obs, fc, lo, up;
    if (imm_series_load(h, ctx, obs_t, "Onderwerp", IMM_IMMIGRATION, NULL, NULL, &obs) < 0 ||
        imm_series_load(h, ctx, fc_t, "Prognoseinterval", cf, "Onderwerp", "Immigratie", &fc) < 0 ||
        imm_series_load(h, ctx, fc_t, "Prognoseinterval", cl, "Onderwerp", "Immigratie", &lo) < 0 ||
        imm_series_load(h, ctx, fc_t, "Prognoseinterval", cu, "Onderwerp", "Immigratie", &up) < 0)
        return WRRFIG_ERROR;
    int f1, l1, f2, l2;
    if (!imm_span(&obs, from, to, &f1, &l1) || !imm_span(&fc, from, to, &f2, &l2)) {
        h->log(ctx, WRRFIG_LOG_ERROR, "need observed and forecast immigration in %d-%d", from, to);
        return WRRFIG_NODATA;
    }
    h->csv_row(ctx, "sssss", "year", "observed", "forecast", "lower_67", "upper_67");
    h->gp_block_begin(ctx, "fc");
    for (int y = from; y <= to; y++) {
        double o = or_nan(&obs, y), p = or_nan(&fc, y), a = or_nan(&lo, y), b = or_nan(&up, y);
        if (isnan(o) && isnan(p))
            continue;
        h->csv_row(ctx, "innnn", y, o, p, a, b);
        h->gp_block_row(ctx, "%d %g %g %g %g", y, o / 1000.0, p / 1000.0, a / 1000.0, b / 1000.0);
    }
    h->gp_block_end(ctx);
    imm_axis_labels(h, ctx);
    h->gp_cmd(ctx, "set key top left");
    h->gp_cmd(ctx, "set xrange [%d:%d]", from - 1, to + 1);
    h->gp_cmd(ctx, "set yrange [0:*]");
    h->gp_cmd(ctx, "set style fill transparent solid 0.3 noborder");
    static const char *const keys[] = {"legend.interval", "legend.observed", "legend.forecast"};
    const char *lg[3];
    if (!wfc_spec_texts(h, ctx, keys, lg, 3))
        return WRRFIG_ERROR;
    h->gp_cmd(ctx, "plot $fc using 1:4:5 with filledcurves lc rgb '#9ecae1' title %q, \\", lg[0]);
    h->gp_cmd(ctx, "     $fc using 1:2 with lines lt 1 lw 2 title %q, \\", lg[1]);
    h->gp_cmd(ctx, "     $fc using 1:3 with lines lt 2 lw 2 dt 2 title %q", lg[2]);
    return WRRFIG_OK;
}

wrrfig_status imm_build_fig_2_4(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *obs_t = h->table(ctx, IMM_T37296), *sc_t = h->table(ctx, IMM_T_COVID);
    if (!obs_t || !sc_t)
        return WRRFIG_NODATA;
    int from, to;
    if (!imm_spec_period(h, ctx, 2010, 2035, &from, &to))
        return WRRFIG_ERROR;
    imm_series obs;
    if (imm_series_load(h, ctx, obs_t, "Onderwerp", IMM_IMMIGRATION, NULL, NULL, &obs) < 0)
        return WRRFIG_ERROR;
    size_t ns = h->spec_count(ctx, "series");
    if (ns > MAX_SCEN)
        ns = MAX_SCEN;
    imm_series *sc = calloc(ns ? ns : 1, sizeof *sc);
    const char *code[MAX_SCEN], *label[MAX_SCEN];
    int any = 0;
    for (size_t i = 0; i < ns; i++) {
        char k[64];
        snprintf(k, sizeof k, "series.%zu.code", i);
        code[i] = h->spec_text(ctx, k);
        snprintf(k, sizeof k, "series.%zu.label", i);
        label[i] = h->spec_text(ctx, k);
        if (!code[i] || !label[i]) {
            free(sc);
            h->log(ctx, WRRFIG_LOG_ERROR, "spec series.%zu lacks code or label", i);
            return WRRFIG_ERROR;
        }
        if (imm_series_load(h, ctx, sc_t, "Scenario", code[i], NULL, NULL, &sc[i]) < 0) {
            free(sc);
            return WRRFIG_ERROR;
        }
        int f, l;
        any |= imm_span(&sc[i], from, to, &f, &l);
    }
    if (!any) {
        free(sc);
        h->log(ctx, WRRFIG_LOG_ERROR, "no scenario has values in %d-%d", from, to);
        return WRRFIG_NODATA;
    }
    static const char *const obs_key[] = {"legend.observed"};
    const char *obs_label;
    if (!wfc_spec_texts(h, ctx, obs_key, &obs_label, 1)) {
        free(sc);
        return WRRFIG_ERROR;
    }
    h->csv_row(ctx, "ssss", "series", "label", "year", "value");
    h->gp_block_begin(ctx, "obs");
    for (int y = from; y <= to; y++)
        if (imm_has(&obs, y)) {
            h->gp_block_row(ctx, "%d %g", y, imm_get(&obs, y) / 1000.0);
            h->csv_row(ctx, "ssin", "waargenomen", obs_label, y, imm_get(&obs, y)); /* series code, spec label */
        }
    h->gp_block_end(ctx);
    for (size_t i = 0; i < ns; i++) {
        char name[32];
        snprintf(name, sizeof name, "sc%zu", i);
        h->gp_block_begin(ctx, name);
        for (int y = from; y <= to; y++)
            if (imm_has(&sc[i], y)) {
                h->gp_block_row(ctx, "%d %g", y, imm_get(&sc[i], y) / 1000.0);
                h->csv_row(ctx, "ssin", code[i], label[i], y, imm_get(&sc[i], y));
            }
        h->gp_block_end(ctx);
    }
    imm_axis_labels(h, ctx);
    h->gp_cmd(ctx, "set key bottom right");
    h->gp_cmd(ctx, "set xrange [%d:%d]", from - 1, to + 1);
    h->gp_cmd(ctx, "set yrange [0:*]");
    if (ns == 0)
        h->gp_cmd(ctx, "plot $obs using 1:2 with lines lt 1 lw 3 lc rgb '#000000' title %q", obs_label);
    else
        h->gp_cmd(ctx, "plot $obs using 1:2 with lines lt 1 lw 3 lc rgb '#000000' title %q, \\", obs_label);
    for (size_t i = 0; i < ns; i++) {
        if (i + 1 < ns)
            h->gp_cmd(ctx, "     $sc%zu using 1:2 with lines lt %zu lw 2 dt %zu title %q, \\", i, i + 2, i + 2, label[i]);
        else
            h->gp_cmd(ctx, "     $sc%zu using 1:2 with lines lt %zu lw 2 dt %zu title %q", i, i + 2, i + 2, label[i]);
    }
    free(sc);
    return WRRFIG_OK;
}
