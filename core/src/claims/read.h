/* Reading the claim registry (data/claims/chN.json, format in docs/claims.md).
 * Every problem is reported, not just the first, one line each, as
 *     data/claims/ch2.json: $[14].op: expected one of = ~ > >= < <=, got "=="
 * so a reviewer fixing the registry sees them all at once. */
#ifndef WF_CLAIMS_READ_H
#define WF_CLAIMS_READ_H

#include <stddef.h>

#include "claims/model.h"
#include "util/wf_error.h"

/* Parses one registry file's text; display names the file in messages and
 * chapter is recorded in each claim. Claims are appended to out, errors to
 * errs. Returns 0, or -1 when it appended an error; claims with errors are
 * not added. */
int claims_parse(const char *text, size_t len, const char *display, int chapter, claim_set *out, wf_errors *errs);

/* Appends one error per claim whose id an earlier claim of set already has,
 * naming the first, in registry order. Sort-based, O(n log n). Returns 0, or
 * -1 when it appended errors. */
int claims_check_unique_ids(const claim_set *set, wf_errors *errs);

/* Reads dir/chN.json for every N present, in chapter order, and checks that
 * ids are unique across files. Returns 0, or -1 when it appended errors to
 * errs (a missing or empty directory is one error). */
int claims_load_dir(const char *dir, claim_set *out, wf_errors *errs);

#endif
