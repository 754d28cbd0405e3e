/* Selecting by title: a mapping written from a CBS table's published
 * description, before its data has been seen, names dimensions, categories
 * and topics by the titles the table's metadata gives them (v3:
 * DataProperties Title and each code list's Title; v4: Dimensions,
 * MeasureCodes and <Dim>Codes titles). import_build resolves each title to
 * its key from the snapshot's own metadata before reading the data. A title
 * matches only exactly (after trimming the trailing blanks CBS pads keys
 * and titles with): never a fuzzy or closest match. A title that is absent
 * or that two keys share is an error naming it and the mapping's JSON path,
 * so a changed table is never mapped to something else in its place. */
#ifndef WF_IMPORT_TITLES_H
#define WF_IMPORT_TITLES_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "import/mapping.h"
#include "util/strbuf.h"
#include "util/wf_error.h"

/* Keys and titles of one metadata list (trimmed copies, owned). */
typedef struct imp_titled {
    char **key, **title;
    size_t n;
} imp_titled;

/* Collects the entries of doc's "value" array whose `type_member` (when
 * not NULL) contains `type_has`, reading members key_member and "Title". */
void imp_titled_from(const cJSON *doc, const char *key_member, const char *type_member, const char *type_has,
                     imp_titled *out);
void imp_titled_free(imp_titled *t);

/* Finds the one key whose title is `title` (compared exactly after
 * trimming trailing blanks). 0: found (*key borrowed from t); 1: no such
 * title; 2: ambiguous. On 1 and 2, why (may be NULL) gets the titles there
 * are, or the keys that share the title. */
int imp_titled_find(const imp_titled *t, const char *title, const char **key, strbuf *why);

/* Resolves every title the mapping uses against the metadata beside its
 * (first) input file under shared_dir: sets columns, keep, rename and
 * default labels. Owned results go to m->resolved. */
int imp_titles_resolve(imp_mapping *m, const char *shared_dir, wf_error *err);

#endif
