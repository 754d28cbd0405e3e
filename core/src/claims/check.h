/* Checking the claim registry against the loaded plugins: the engine behind
 * `wrrfig check` (cmd/cmd_check.c). A build never calls it. */
#ifndef WF_CLAIMS_CHECK_H
#define WF_CLAIMS_CHECK_H

#include <stdbool.h>

#include <cjson/cJSON.h>

#include "app.h"
#include "claims/model.h"
#include "util/strbuf.h"

typedef struct claims_options {
    int chapter;              /* -1: all chapters */
    const char *claim_id;     /* NULL: all claims */
    const char *figure_id;    /* NULL: all; else only claims about this figure */
    bool strict;               /* NO-DATA/UNBOUND count as mismatches */
} claims_options;

/* The claim registry of an app: <data_dir>/claims. Caller frees. */
char *claims_registry_dir(const wf_app *a);

/* Checks the selected claims of set; res and sel get one entry per claim
 * (sel[i] = 1 when claim i was selected). Measure references are evaluated
 * once each through wf_measure_eval. */
void claims_check_set(const wf_app *a, const claim_set *set, const claims_options *o, claim_result *res,
                      unsigned char *sel);


#endif
