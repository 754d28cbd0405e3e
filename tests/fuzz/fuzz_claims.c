/* The claim registry reader (data/claims/ch*.json), expressions included. */
#include "fuzz.h"

#include "claims/read.h"

static int fuzz_claims(const uint8_t *data, size_t size)
{
    claim_set set = {0};
    wf_errors errs = {0};
    claims_parse((const char *)data, size, "ch01.json", 1, &set, &errs);
    claims_check_unique_ids(&set, &errs);
    claim_set_free(&set);
    wf_errors_free(&errs);
    return 0;
}
WF_FUZZ_ENTRY(fuzz_claims)
