/* Facts about an imported table that the data itself states, computed at
 * import so a sidecar never restates them by hand (a hand-written
 * "1950-2022" goes stale with the next release): row count, the period
 * range, and per topic the first and last period with a number. */
#ifndef WF_IMPORT_FACTS_H
#define WF_IMPORT_FACTS_H

#include <cjson/cJSON.h>

#include "data/table.h"

/* A new object for the sidecar's "computed" member (caller owns). period_dim
 * and topic_dim name dimensions of t or are NULL. */
cJSON *imp_facts(const wf_table *t, const char *period_dim, const char *topic_dim);

#endif
