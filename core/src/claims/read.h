/* Reading the claim registry (data/claims/chN.json, format in docs/claims.md).
 * Every problem is reported, not just the first, one line each, as
 *     data/claims/ch2.json: $[14].op: expected one of = ~ > >= < <=, got "=="
 * so a reviewer fixing the registry sees them all at once. */
#ifndef WF_CLAIMS_READ_H
#define WF_CLAIMS_READ_H

#include <stddef.h>

#include "claims/model.h"
#include "util/strbuf.h"

/* Parses one registry file's text; display names the file in messages and
 * chapter is recorded in each claim. Claims are appended to out. Returns the
 * number of errors appended to errs (0 = all good); claims with errors are
 * not added. */
size_t claims_parse(const char *text, size_t len, const char *display, int chapter, claim_set *out, strbuf *errs);

/* Appends one error per claim whose id an earlier claim of set already has,
 * naming the first; returns how many. Sort-based, O(n log n). */
size_t claims_check_unique_ids(const claim_set *set, strbuf *errs);

/* Reads dir/chN.json for every N present, in chapter order, and checks that
 * ids are unique across files. Returns the number of errors (a missing or
 * empty directory is one error). */
size_t claims_load_dir(const char *dir, claim_set *out, strbuf *errs);

#endif
