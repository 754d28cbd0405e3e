#include "claims/eval.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Local helpers: the wrrfig binary links without libm. */
static double dabs(double x)
{
    return x < 0 ? -x : x;
}

static double dmax(double a, double b)
{
    return a > b ? a : b;
}

int claims_compare(claim_op op, double actual, double value, double tol)
{
    if (!isfinite(actual)) /* infinity met the slack below, itself infinite */
        return 0;
    double slack = 1e-9 * dmax(1.0, dmax(dabs(actual), dabs(value)));
    switch (op) {
    case CLAIM_OP_EQ:
    case CLAIM_OP_APPROX: return dabs(actual - value) <= tol + slack;
    case CLAIM_OP_GT: return actual > value - tol;
    case CLAIM_OP_GE: return actual >= value - tol - slack;
    case CLAIM_OP_LT: return actual < value + tol;
    case CLAIM_OP_LE: return actual <= value + tol + slack;
    }
    return 0;
}

int claims_compare_claim(const claim *c, double actual)
{
    if (!claims_compare(c->op, actual, c->value, c->tolerance))
        return 0;
    if (c->window > 0) {
        double slack = 1e-9 * dmax(1.0, dmax(dabs(actual), dabs(c->value)));
        if ((c->op == CLAIM_OP_LT || c->op == CLAIM_OP_LE) && actual < c->value - c->window - slack)
            return 0;
        if ((c->op == CLAIM_OP_GT || c->op == CLAIM_OP_GE) && actual > c->value + c->window + slack)
            return 0;
    }
    return 1;
}

bool claims_matches(const claim *c, claim_status st, bool strict)
{
    claim_status want = c->has_expect ? c->expect : CLAIM_PASS;
    switch (st) {
    case CLAIM_PASS:
    case CLAIM_FAIL: return st == want;
    case CLAIM_NODATA:
    case CLAIM_UNBOUND:
        if (want == CLAIM_NODATA || want == CLAIM_UNBOUND)
            return st == want;
        return !strict;
    default: return 0;
    }
}

static claim_status from_expr(eval_status s)
{
    switch (s) {
    case EVAL_OK: return CLAIM_PASS;
    case EVAL_NODATA: return CLAIM_NODATA;
    case EVAL_UNBOUND: return CLAIM_UNBOUND;
    default: return CLAIM_ERROR;
    }
}

/* How close a passing value came to failing; larger is closer. Used to
 * report the deciding year of an each_year claim. */
static double closeness(const claim *c, double v)
{
    switch (c->op) {
    case CLAIM_OP_GT:
    case CLAIM_OP_GE: return -v;
    case CLAIM_OP_LT:
    case CLAIM_OP_LE: return v;
    default: return dabs(v - c->value);
    }
}

static void each_year(const claim *c, expr_ref_fn fn, void *user, claim_result *out)
{
    int worst_year = 0, n_fail = 0, first_fail = 0;
    double worst = 0, fail_value = 0;
    eval_status st = EVAL_OK;
    for (int y = c->year_from; y <= c->year_to; y++) {
        expr_value v;
        claims_expr_eval(c->measure, y, fn, user, &v);
        cites_merge(&out->inputs, &v.inputs);
        if (v.status != EVAL_OK) {
            if (v.status > st) {
                st = v.status;
                wf_errorf(&out->reason, "%d: %.1000s", y, v.reason.msg);
            }
            continue;
        }
        if (!claims_compare_claim(c, v.value)) {
            if (n_fail++ == 0) {
                first_fail = y;
                fail_value = v.value;
            }
        } else if (!worst_year || closeness(c, v.value) > closeness(c, worst)) {
            worst_year = y;
            worst = v.value;
        }
    }
    if (st != EVAL_OK) {
        out->status = from_expr(st);
        return;
    }
    if (n_fail) {
        out->status = CLAIM_FAIL;
        out->observed = fail_value;
        out->observed_year = first_fail;
        if (n_fail > 1)
            wf_errorf(&out->reason, "fails in %d and other years (%d of %d years)", first_fail, n_fail,
                      c->year_to - c->year_from + 1);
        else
            wf_errorf(&out->reason, "fails in %d", first_fail);
    } else {
        out->status = CLAIM_PASS;
        out->observed = worst;
        out->observed_year = worst_year;
        wf_errorf(&out->reason, "holds in every year %d-%d; closest in %d", c->year_from,
                 c->year_to, worst_year);
    }
}

void claims_check_one(const claim *c, expr_ref_fn fn, void *user, int strict, claim_result *out)
{
    memset(out, 0, sizeof *out);
    if (!c->measure) {
        out->status = CLAIM_UNBOUND;
        wf_errorf(&out->reason, "no measure: the registry binds this claim to no data");
    } else if (c->each_year) {
        each_year(c, fn, user, out);
    } else {
        expr_value v;
        claims_expr_eval(c->measure, 0, fn, user, &v);
        out->inputs = v.inputs;
        if (v.status != EVAL_OK) {
            out->status = from_expr(v.status);
            wf_errorf(&out->reason, "%s", v.reason.msg);
        } else {
            out->observed = v.value;
            out->status = claims_compare_claim(c, v.value) ? CLAIM_PASS : CLAIM_FAIL;
        }
    }
    out->matches = claims_matches(c, out->status, strict);
}
