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

struct line_fix; /* reader.c: per-line hash and repairs of a CSV source */

typedef struct imp_source {
    char *path;            /* as opened, for error messages */
    const char *rel;       /* as named in the mapping (recorded in the sidecar) */
    char sha256[65];       /* CSV: complete once imp_source_next has reached the end */
    csv_doc *doc;          /* row 0 is the header; JSON: the records too */
    csv_reader *rd;        /* CSV: the rows after the header, read as they are asked for */
    struct line_fix *fix;
    size_t next;           /* index of the next row (1 the first after the header) */
    bool is_json;          /* cells are $.<records>[row-1].<column> rather than line:col */
    const char *records;   /* "value" (odata-json) or the mapping's json-records member */
    size_t stray_quotes;   /* repairs made (strip_stray_quotes) */
    size_t first_stray_line;
    const cJSON *constants;
    cJSON *properties;     /* odata-json: DataProperties "value" array owner, or NULL */
} imp_source;

/* Opens file i of the mapping, relative to shared_dir: a CSV source up to
 * its header (its rows are streamed), a JSON one whole. */
int imp_source_read(const imp_mapping *m, size_t i, const char *shared_dir, imp_source *s, wf_error *err);
/* The next data row: 1 with *row (valid until the next call) and *index
 * (1 for the first row after the header), 0 after the last, -1 with err
 * (a CSV error, or a NUL byte, with its position). */
int imp_source_next(imp_source *s, const csv_row **row, size_t *index, wf_error *err);
void imp_source_free(imp_source *s);

/* "file:line:col" or "file: $.value[k].Col" for a cell of row r (index
 * row, 0 the header), written into buf. */
const char *imp_source_where(const imp_source *s, size_t row, const csv_row *r, size_t col, char *buf, size_t n);

/* Labels from a labels file: an object code -> label (caller deletes). */
int imp_labels_read(const imp_labels_file *lf, const char *shared_dir, cJSON **out, char sha[65], wf_error *err);

/* shared_dir + "/" + rel; caller frees. */
char *imp_join(const char *dir, const char *rel);

#endif
