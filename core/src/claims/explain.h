/* `wrrfig check --explain ID`: everything one verdict rests on, for a
 * reviewer who wants to redo it by hand: the quote and its line, the
 * encoding (operator, value, tolerance and the hedge rule that set it), the
 * measure and each reference's value and definition, the tables read with
 * their provenance sidecars, the observed value and the verdict's arithmetic. */
#ifndef WF_CLAIMS_EXPLAIN_H
#define WF_CLAIMS_EXPLAIN_H

#include "app.h"
#include "claims/model.h"
#include "util/strbuf.h"

/* Checks claim `c` (evaluating its references) and appends the explanation
 * to out. Returns 0 when the verdict matches the claim's expectation. */
int claims_explain(const wf_app *a, const claim *c, strbuf *out);

/* The verdict's arithmetic for a decided claim, e.g.
 * "|13.5099 - 15| = 1.4901 > 0.5 (tolerance): does not hold". */
void claims_explain_arithmetic(strbuf *out, const claim *c, double observed);

#endif
