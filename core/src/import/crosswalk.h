/* Classifications and crosswalks. CBS replaced "migratieachtergrond" by
 * "herkomst" in 2022-2023 (82809NED became 85456NED, say): the categories
 * differ, so old and new series must never be mixed silently. A mapping
 * declares the classification it produces; the sidecar records it; a
 * figure spec declares the one it expects (figure/classcheck.c refuses a
 * mismatch). A mapping may apply a crosswalk file from <data>/crosswalks/
 * ({"from": "herkomst", "to": "migratieachtergrond", "source": "...",
 * "codes": {"<from code>": "<to code>"}, "labels": {"<to code>": "..."}})
 * to one of its dimensions: every kept code must be in the crosswalk, and
 * the table is then of the crosswalk's "to" classification. */
#ifndef WF_IMPORT_CROSSWALK_H
#define WF_IMPORT_CROSSWALK_H

#include <cjson/cJSON.h>

#include "import/mapping.h"
#include "util/wf_error.h"

/* Loads the mapping's crosswalk (none: 0 with *record NULL) and joins it to
 * the dimension's renames. *record gets {"file", "sha256", "from", "to"}
 * for the sidecar (caller deletes). Errors name the crosswalk file or the
 * code it lacks. The crosswalk lies in <dir of the mapping>/../crosswalks/. */
int imp_crosswalk_apply(imp_mapping *m, cJSON **record, wf_error *err);

/* Adds what the mapping declares to a sidecar: "classification" (the
 * crosswalk's "to" when one was applied), "crosswalk", and "unverified"
 * with "written_from". */
void imp_meta_declarations(const imp_mapping *m, cJSON *meta, const cJSON *crosswalk);

/* "<data_dir>/crosswalks/<from>-to-<to>.json" (caller frees). */
char *imp_crosswalk_path(const char *data_dir, const char *from, const char *to);

#endif
