/* The claim registry in memory: one claim per quantitative statement of the
 * report (data/claims/chN.json, described in docs/claims.md), and the result
 * of checking it. */
#ifndef WF_CLAIMS_MODEL_H
#define WF_CLAIMS_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "data/provenance.h"
#include "util/wf_error.h"

typedef enum claim_op {
    CLAIM_OP_EQ = 0,     /* =  |actual - value| <= tol */
    CLAIM_OP_APPROX,     /* ~  same test; says the report rounds loosely */
    CLAIM_OP_GT,         /* >  actual >  value - tol */
    CLAIM_OP_GE,         /* >= actual >= value - tol */
    CLAIM_OP_LT,         /* <  actual <  value + tol */
    CLAIM_OP_LE          /* <= actual <= value + tol */
} claim_op;

/* Verdicts, in the order the reports list them. ERROR means the check itself
 * broke (a plugin crashed, a division by zero); it never matches an
 * expectation. */
typedef enum claim_status {
    CLAIM_PASS = 0,
    CLAIM_FAIL,
    CLAIM_NODATA,
    CLAIM_UNBOUND,
    CLAIM_ERROR,
    CLAIM_N_STATUS
} claim_status;

/* What a verdict rests on (docs/claims.md, "Verdict kinds"). DATA: the
 * measure read third-party data (CBS, SCP, a working paper). INTERNAL: it
 * read only the report's own numbers (data/report/ transcriptions, or
 * arithmetic on printed numbers), so a verdict says whether the report agrees
 * with itself, not whether it is right. NONE: no measure decided it. */
typedef enum claim_kind {
    CLAIM_KIND_NONE = 0,
    CLAIM_KIND_DATA,
    CLAIM_KIND_INTERNAL
} claim_kind;

/* The verdict a reader sees: a decided status named by its kind. */
typedef enum claim_verdict {
    VERDICT_PASS = 0,       /* DATA, holds */
    VERDICT_FAIL,           /* DATA, does not hold */
    VERDICT_CONSISTENT,     /* INTERNAL, holds */
    VERDICT_INCONSISTENT,   /* INTERNAL, does not hold */
    VERDICT_NODATA,
    VERDICT_UNBOUND,
    VERDICT_ERROR,
    CLAIM_N_VERDICT
} claim_verdict;

typedef struct claim {
    char *id;
    int chapter;              /* 0 = summary, from the file name chN.json */
    long line;                /* line in the report text */
    char *section, *box, *figure;   /* figure: canonical id or NULL */
    char *quote_nl, *en, *subject, *period;
    claim_op op;
    double value, tolerance;
    double window;            /* > 0: a one-sided op also bounds the other side (bijna, ruim) */
    char *tolerance_reason;   /* the registry's reason to differ from the tolerance policy, or NULL */
    char *tolerance_rule;     /* how op/tolerance/window were set (policy or registry), for reports */
    char *unit;
    char *measure;            /* expression of measure references, or NULL (UNBOUND) */
    bool each_year;            /* quantifier present: evaluate for years from..to */
    int year_from, year_to;
    bool has_expect;
    claim_status expect;      /* CLAIM_PASS when has_expect is 0 */
    char *expect_reason, *note, *source;
    char *revision;           /* a known FAIL because the data were revised since publication: which vintage
                               * the report used; NULL for a report error */
    char *file;               /* registry file, for messages */
    size_t index;             /* position in that file */
} claim;

typedef struct claim_set {
    claim *v;
    size_t n;
} claim_set;

/* The outcome of checking one claim. */
typedef struct claim_result {
    claim_status status;
    double observed;          /* valid for PASS and FAIL */
    int observed_year;        /* year of the deciding value under each_year, else 0 */
    wf_error reason;          /* why not PASS/FAIL, or which year failed */
    wf_cites inputs;          /* provenance of the data used */
    bool matches;             /* status agrees with the expectation */
    claim_kind kind;          /* what a decided status rests on */
} claim_result;

const char *claim_op_str(claim_op op);
int claim_op_parse(const char *s, claim_op *out);          /* 0 or -1 */
const char *claim_status_str(claim_status s);              /* "PASS", "NO-DATA", ... */
const char *claim_status_key(claim_status s);              /* "pass", "no-data", ... */
int claim_status_parse_key(const char *s, claim_status *out);

claim_verdict claim_verdict_of(claim_status s, claim_kind k);
const char *claim_verdict_str(claim_verdict v);            /* "PASS", "CONSISTENT", "NO-DATA", ... */
const char *claim_verdict_key(claim_verdict v);            /* "pass", "consistent", "no-data", ... */
const char *claim_kind_key(claim_kind k);                  /* "data", "internal", "none" */

/* Frees a claim's members (not the claim itself). */
void claim_clear(claim *c);
void claim_set_free(claim_set *s);
/* Index of the claim with this id, or -1. */
long claim_set_find(const claim_set *s, const char *id);

#endif
