/* The "report arithmetic" measures: ratios, sums and differences of numbers
 * printed in the report, so that claims such as "for every invited refugee
 * about fifteen asylum seekers came" (30,600 / 2,265) or "the row adds up to
 * 100" are checked like any other claim. No figures, no data input: the
 * parameters are the printed numbers. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "wrrfig/plugin.h"

static int need(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, const char *name, double *out)
{
    if (!h->param_number(p, name, out)) {
        h->log(ctx, WRRFIG_LOG_ERROR, "parameter %s: expected a number", name);
        return 0;
    }
    if (!isfinite(*out)) {
        h->log(ctx, WRRFIG_LOG_ERROR, "parameter %s: not a finite number", name);
        return 0;
    }
    return 1;
}

static wrrfig_status ratio(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    double a, b;
    if (!need(h, ctx, p, "a", &a) || !need(h, ctx, p, "b", &b))
        return WRRFIG_ERROR;
    if (b == 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "b = 0: the ratio is undefined");
        return WRRFIG_ERROR;
    }
    *out = a / b;
    return WRRFIG_OK;
}

static wrrfig_status diff(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    double a, b;
    if (!need(h, ctx, p, "a", &a) || !need(h, ctx, p, "b", &b))
        return WRRFIG_ERROR;
    *out = a - b;
    return WRRFIG_OK;
}

/* a and b are required; c..h are added when present, so a typo such as
 * "c=" with no number is an error rather than a silent zero. */
static wrrfig_status sum(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    static const char *const names[] = {"a", "b", "c", "d", "e", "f", "g", "h"};
    double total = 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        double v;
        if (i >= 2 && !h->param_text(p, names[i]))
            continue;
        if (!need(h, ctx, p, names[i], &v))
            return WRRFIG_ERROR;
        total += v;
    }
    *out = total;
    return WRRFIG_OK;
}

static wrrfig_status pct(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    double part, whole;
    if (!need(h, ctx, p, "part", &part) || !need(h, ctx, p, "whole", &whole))
        return WRRFIG_ERROR;
    if (whole == 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "whole = 0: the percentage is undefined");
        return WRRFIG_ERROR;
    }
    *out = 100.0 * part / whole;
    return WRRFIG_OK;
}

static wrrfig_status pct_change(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    double from, to;
    if (!need(h, ctx, p, "from", &from) || !need(h, ctx, p, "to", &to))
        return WRRFIG_ERROR;
    if (from == 0) {
        h->log(ctx, WRRFIG_LOG_ERROR, "from = 0: the change in percent is undefined");
        return WRRFIG_ERROR;
    }
    *out = 100.0 * (to - from) / from;
    return WRRFIG_OK;
}

static const char *const no_inputs[] = {NULL};

static const wrrfig_measure measures[] = {
    {"arith.diff", "a, b", "(unit of a)", "a - b of two numbers printed in the report", no_inputs, diff},
    {"arith.pct", "part, whole", "percent", "100 * part / whole of numbers printed in the report", no_inputs, pct},
    {"arith.pct_change", "from, to", "percent", "100 * (to - from) / from of numbers printed in the report",
     no_inputs, pct_change},
    {"arith.ratio", "a, b", "ratio", "a / b of two numbers printed in the report", no_inputs, ratio},
    {"arith.sum", "a, b, optional c .. h", "(unit of a)",
     "a + b (+ c ... h when given) of numbers printed in the report, e.g. the cells of a table row", no_inputs,
     sum},
};

WRRFIG_PLUGIN("arith", "1.0.0", "Report arithmetic: ratios, sums and differences of numbers printed in the report",
              WRRFIG_NONE, WRRFIG_ARRAY(measures), WRRFIG_NONE);
