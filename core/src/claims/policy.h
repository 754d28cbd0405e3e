/* The tolerance policy: one written rule (docs/claims.md, "Tolerance
 * policy") that turns the report's hedge and stated digits into the
 * operator, tolerance and window a claim is checked with:
 *
 *   wording before the number            op   tolerance / window
 *   none (a numeral, a number word)      =    half a unit of the last stated digit
 *   none (de helft, een derde, X op de Y) ~   2.5 percentage points
 *   ongeveer, circa, ca., zo'n, rond,    ~    5 % of the value, at least the
 *     ruwweg, grofweg, naar schatting         stated-digit rounding (fractions: 2.5 pp)
 *   bijna, nagenoeg, vrijwel, krap       <    below the value, by at most 10 % of it
 *                                             (at least one stated unit; fractions 5 pp)
 *   ruim, iets meer dan                  >    above the value, by at most 10 % (idem)
 *   meer dan, boven                      >    strictly above
 *   minder dan, onder, nog geen          <    strictly below
 *   minstens, ten minste, zeker,         >=   at least
 *     niet minder dan
 *   hooguit, maximaal, niet meer dan     <=   at most
 *
 * The registry reader applies it to every claim whose quote states the
 * claimed value, unless the claim gives `tolerance_reason`. */
#ifndef WF_CLAIMS_POLICY_H
#define WF_CLAIMS_POLICY_H

#include <stdbool.h>

#include "claims/model.h"

typedef struct claim_policy {
    bool found;            /* the quote states the claimed value */
    claim_op op;
    double tolerance, window;
    char hedge[24];        /* "" when none */
    char stated[80];       /* the number as printed */
    char rule[320];        /* "ongeveer: ~, 5 % of 15 = 0.75" */
} claim_policy;

/* The policy's encoding of claim c, from its quote, value and unit. */
void claims_policy_of(const claim *c, claim_policy *out);

#endif
