/* CSV reading for both the project's tidy tables (comma, RFC 4180) and CBS
 * StatLine downloads (';', every field quoted, values padded with spaces,
 * optional UTF-8 BOM, codes with trailing spaces). Errors carry the file,
 * 1-based line and column of the offending character. Parsing never looks
 * at the locale. */
#ifndef WF_CSV_H
#define WF_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "util/wf_error.h"

typedef struct csv_opts {
    char sep;           /* ',' or ';' (or '\t') */
    bool trim;           /* strip spaces/tabs around every field, quoted or not */
    bool same_width;     /* every row must have as many fields as the header */
} csv_opts;

#define CSV_OPTS_TIDY {',', 0, 1}
#define CSV_OPTS_CBS {';', 1, 1}

typedef struct csv_row {
    size_t n;           /* number of fields */
    char **f;           /* fields, NUL-terminated (owned by the doc) */
    size_t *col;        /* 1-based column where each field starts */
    size_t line;        /* 1-based line where the row starts */
} csv_row;

typedef struct csv_doc {
    size_t n_rows;      /* including the header row */
    csv_row *rows;
} csv_doc;

/* Parses len bytes of text. `name` is used in error messages. On error
 * returns -1 with err set and *out untouched. A file that is empty or holds
 * only a BOM yields zero rows. */
int csv_parse(const char *text, size_t len, const char *name, const csv_opts *o, csv_doc **out,
              wf_error *err);
int csv_read_file(const char *path, const csv_opts *o, csv_doc **out, wf_error *err);
void csv_free(csv_doc *d);

/* Index of a header field (exact match), or -1. */
int csv_header_index(const csv_doc *d, const char *name);

/* Appends one CSV field to a strbuf-like sink, quoting when needed. */
struct strbuf;
void csv_put_field(struct strbuf *b, const char *s, char sep);

#endif
