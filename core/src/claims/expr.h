/* A claim's measure is a small arithmetic expression over measure references
 * and numbers, e.g.
 *     immigration.total{year=$year}
 *     origin.share{group='Westers', year=2018} + origin.share{group='OverigNietWesters', year=2018}
 *     arith.ratio{a=30600, b=2265}
 * Operators + - * / with the usual precedence, unary minus, no parentheses
 * (a claim that needs them should use a measure instead). "$year" is
 * replaced by the year when the claim has an each_year quantifier.
 * References are evaluated through a callback, so this module knows nothing
 * of plugins and is tested on its own. */
#ifndef WF_CLAIMS_EXPR_H
#define WF_CLAIMS_EXPR_H

#include "claims/status.h"
#include "data/provenance.h"
#include "util/wf_error.h"


typedef struct expr_value {
    eval_status status;
    double value;             /* when OK */
    wf_error reason;          /* when not OK: from the first reference of the worst status */
    wf_cites inputs;          /* provenance of every reference */
} expr_value;

/* Evaluates one reference ("name{params}") into *out (already zeroed). */
typedef void (*expr_ref_fn)(void *user, const char *ref, expr_value *out);

/* Syntax check. allow_year: whether "$year" may occur. */
int claims_expr_check(const char *expr, bool allow_year, wf_error *err);

/* Evaluates expr with $year replaced by year (when year != 0). */
void claims_expr_eval(const char *expr, int year, expr_ref_fn fn, void *user, expr_value *out);

/* Calls fn(user, ref) for each reference in expr, in order (used to list the
 * measures a registry needs). Returns the number of references. */
int claims_expr_refs(const char *expr, void (*fn)(void *user, const char *ref), void *user);

#endif
