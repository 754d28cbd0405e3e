/* The figure index of the claim registry: <registry>/figure-index.json lists,
 * per figure id, the ids of the claims about that figure. `wrrfig build`
 * copies those ids into each manifest without loading the registry (data
 * flows one way: a build never runs the checker); `wrrfig check
 * --write-index` regenerates the file and `wrrfig check` refuses a stale one,
 * so the index cannot drift from the registry (tests/e2e/test_claims_e2e.c). */
#ifndef WF_CLAIMS_FIGINDEX_H
#define WF_CLAIMS_FIGINDEX_H

#include "claims/model.h"
#include "util/strbuf.h"
#include "util/wf_error.h"

#define CLAIMS_FIGURE_INDEX "figure-index.json"

/* Appends the index text for set to out: figures sorted by id, claims in
 * registry order, deterministic, ending in a newline. */
void claims_figure_index(const claim_set *set, strbuf *out);

/* Compares dir/figure-index.json with the index of set. 0 when it matches or
 * is absent (a registry without figures needs none); -1 with err when it is
 * stale or unreadable. */
int claims_figure_index_check(const char *dir, const claim_set *set, wf_error *err);

/* Writes dir/figure-index.json atomically. 0 or -1 with err. */
int claims_figure_index_write(const char *dir, const claim_set *set, wf_error *err);

#endif
