/* Deciding a claim: the operator and tolerance rule, the each_year
 * quantifier, and the comparison with the recorded expectation. */
#ifndef WF_CLAIMS_EVAL_H
#define WF_CLAIMS_EVAL_H

#include "claims/expr.h"
#include "claims/model.h"

/* Whether `actual` satisfies the claim "op value" within tol:
 *   = and ~ : |actual - value| <= tol
 *   >  (>=) : actual >  (>=) value - tol
 *   <  (<=) : actual <  (<=) value + tol
 * The inclusive bounds allow a relative 1e-9 of slack, so a value printed
 * with the tolerance's precision (15.55 against 15.5 +- 0.05) is not failed
 * by binary rounding; the strict ones allow none. */
int claims_compare(claim_op op, double actual, double value, double tol);

/* claims_compare with the claim's window: for < and <= the actual value must
 * also be >= value - window, for > and >= at most value + window ("bijna
 * 35" is 31.5 to 35, "ruim 60" is 60 to 66), when window > 0. */
int claims_compare_claim(const claim *c, double actual);

/* Whether a status agrees with the claim's expectation (pass when none is
 * recorded). A decided verdict (PASS/FAIL) must equal it. An undecided one
 * (NO-DATA/UNBOUND) matches an explicit no-data/unbound expectation only if
 * equal, and otherwise counts as a mismatch only when strict is set: data
 * that is not there yet is reported, not an error. ERROR never matches. */
bool claims_matches(const claim *c, claim_status st, bool strict);

/* Checks one claim, evaluating its measure through fn. */
void claims_check_one(const claim *c, expr_ref_fn fn, void *user, int strict, claim_result *out);

#endif
