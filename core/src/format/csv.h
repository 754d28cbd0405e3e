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
    char **f;           /* fields, NUL-terminated (owned by the doc or the reader) */
    size_t *col;        /* 1-based column where each field starts */
    size_t line;        /* 1-based line where the row starts */
} csv_row;

typedef struct csv_doc {
    size_t n_rows;      /* including the header row */
    csv_row *rows;
} csv_doc;

/* Reading row by row, so that a large file is never held whole: the reader
 * owns the current row, valid until the next call. Rows, errors, lines and
 * columns are exactly those of csv_parse (which is built on it). */
typedef struct csv_reader csv_reader;

/* Called with each physical line of a file (up to and including its '\n')
 * as it is read and before it is parsed, with its 1-based number. It may
 * change bytes in place, one for one (the importer's repairs), and see the
 * raw bytes (a hash); -1 with err stops the reading with that error. */
typedef int (*csv_line_fn)(void *ud, char *line, size_t len, size_t lineno, wf_error *err);

/* A reader of the file at path (hook may be NULL); -1 with err when it
 * cannot be opened. */
int csv_reader_open(const char *path, const csv_opts *o, csv_line_fn hook, void *ud, csv_reader **out,
                    wf_error *err);
/* A reader of len bytes of text (not copied: it must outlive the reader). */
csv_reader *csv_reader_mem(const char *text, size_t len, const char *name, const csv_opts *o);
/* The next row (the header first): 1 with *row set, 0 at the end, -1 with
 * err. Blank lines are skipped. */
int csv_reader_next(csv_reader *r, const csv_row **row, wf_error *err);
void csv_reader_free(csv_reader *r);
/* A copy of a row that owns its fields (free them as csv_free does). */
csv_row csv_row_copy(const csv_row *row);
/* Frees n owned rows (fields, column array) and the array itself: for row
 * arrays built outside a csv_doc (the OData readers). NULL is allowed. */
void csv_rows_free(csv_row *rows, size_t n);

/* Parses len bytes of text. `name` is used in error messages. On error
 * returns -1 with err set and *out untouched. A file that is empty or holds
 * only a BOM yields zero rows. */
int csv_parse(const char *text, size_t len, const char *name, const csv_opts *o, csv_doc **out,
              wf_error *err);
int csv_read_file(const char *path, const csv_opts *o, csv_doc **out, wf_error *err);
void csv_free(csv_doc *d);
/* Frees every row from `keep` on (the importer keeps only the header once a
 * file's rows are taken, so a large source is not held twice). */
void csv_truncate(csv_doc *d, size_t keep);

/* Index of a header field (exact match), or -1. */
int csv_header_index(const csv_doc *d, const char *name);

/* Appends one CSV field to a strbuf-like sink, quoting when needed. */
struct strbuf;
void csv_put_field(struct strbuf *b, const char *s, char sep);

#endif
