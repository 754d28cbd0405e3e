/* Reading an importer's source files into rows of text cells: StatLine
 * UntypedDataSet CSV, plain CSV (with the quirks a mapping may declare) and
 * CBS OData v3 JSON all end up as the same csv_doc, so one code path maps
 * them. Each source remembers where its cells came from, for error messages. */
#ifndef WF_IMPORT_READ_H
#define WF_IMPORT_READ_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "format/csv.h"
#include "import/mapping.h"
#include "util/wf_error.h"

typedef struct imp_source {
    char *path;            /* as opened, for error messages */
    const char *rel;       /* as named in the mapping (recorded in the sidecar) */
    char sha256[65];
    csv_doc *doc;          /* row 0 is the header */
    bool is_json;          /* cells are $.<records>[row-1].<column> rather than line:col */
    const char *records;   /* "value" (odata-json) or the mapping's json-records member */
    size_t stray_quotes;   /* repairs made (strip_stray_quotes) */
    size_t first_stray_line;
    const cJSON *constants;
    cJSON *properties;     /* odata-json: DataProperties "value" array owner, or NULL */
} imp_source;

/* Reads file i of the mapping, relative to shared_dir. */
int imp_source_read(const imp_mapping *m, size_t i, const char *shared_dir, imp_source *s, wf_error *err);
void imp_source_free(imp_source *s);

/* "file:line:col" or "file: $.value[k].Col" for a cell (row >= 1), written
 * into buf. */
const char *imp_source_where(const imp_source *s, size_t row, size_t col, char *buf, size_t n);

/* Labels from a labels file: an object code -> label (caller deletes). */
int imp_labels_read(const imp_labels_file *lf, const char *shared_dir, cJSON **out, char sha[65], wf_error *err);

/* shared_dir + "/" + rel; caller frees. */
char *imp_join(const char *dir, const char *rel);

#endif
