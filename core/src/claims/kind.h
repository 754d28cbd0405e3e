/* What a verdict rests on: third-party data, or only the report's own
 * numbers (docs/claims.md, "Verdict kinds"). Decided from the tables the
 * measure actually read, so a registry entry cannot call a comparison of the
 * report with itself "data". */
#ifndef WF_CLAIMS_KIND_H
#define WF_CLAIMS_KIND_H

#include <stdbool.h>
#include <stddef.h>

#include "claims/model.h"
#include "host/registry.h"

/* Whether table `name` (as in data/<name>.csv) transcribes the report
 * itself: everything under data/report/. */
bool claims_table_is_report(const char *name);

/* One table a result cites; pointers into the wf_cite, with lengths (the
 * sha256 shortened to the 12 digits reports show). */
typedef struct claims_input {
    const char *name, *source, *sha256;
    size_t name_len, source_len, sha256_len;
} claims_input;

/* Calls fn(user, input) for each table a result cites, in order. Returns
 * the number of tables. */
size_t claims_input_tables(const wf_cites *inputs, void (*fn)(void *user, const claims_input *in), void *user);

/* The kind of a checked claim: UNBOUND and claims without a measure are
 * NONE; otherwise DATA when any table read (or, when none was read, any table
 * the referenced measures declare) is third-party, else INTERNAL. reg may be
 * NULL (declared inputs then unknown: no tables means INTERNAL). */
claim_kind claims_kind_of(const wf_registry *reg, const claim *c, const claim_result *x);

#endif
