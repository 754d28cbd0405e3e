/* The tidy table model: rows of dimension codes plus one value (a number or
 * a typed absence), with the provenance sidecar. See docs/data-formats.md. */
#ifndef WF_TABLE_H
#define WF_TABLE_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "util/wf_error.h"
#include "wrrfig/plugin.h"

struct wrrfig_table {
    char *name;            /* "cbs/37296ned" */
    char *path;            /* the CSV file it came from (NULL when built in memory) */
    char sha256[65];       /* of the CSV file's bytes ("" when in memory) */
    size_t n_dims;
    char **dims;           /* dimension column names */
    bool has_value;         /* 0: a text table (no value column) */
    size_t n_rows, cap_rows;
    char **keys;           /* n_rows * n_dims codes, row-major */
    double *values;
    unsigned char *kinds;  /* wrrfig_value_kind per row */
    cJSON *meta;           /* the sidecar object (owned) */
    /* The sidecar's "labels" sorted by (dimension, code), so a label lookup
     * is a binary search, not a walk of the JSON object (which made labelling
     * every region quadratic). Points into meta; rebuilt whenever meta is set. */
    struct wf_label_ix *labels;
    size_t n_labels;
};
typedef struct wrrfig_table wf_table;

/* Path of a table's files: <data_dir>/<name>.csv and .meta.json. Caller frees. */
char *table_csv_path(const char *data_dir, const char *name);
char *table_meta_path(const char *data_dir, const char *name);
/* Does a table (CSV or GeoJSON) of that name exist under data_dir? */
bool table_exists(const char *data_dir, const char *name);

/* Is the table absent: neither <name>.csv nor <name>.geojson exists at all?
 * Anything else (a file that cannot be read, a directory, a bad symlink) is
 * present but broken, which is an error and never NO-DATA. */
int table_absent(const char *data_dir, const char *name);

/* Loads a table with its sidecar. Errors name file, line and column. */
int table_load(const char *data_dir, const char *name, wf_table **out, wf_error *err);
void table_free(wf_table *t);
/* A table from CSV text and sidecar JSON text in memory (the fake host of
 * the tests); its sha256 is that of the text, its path NULL. */
int table_from_text(const char *name, const char *csv, const char *meta_json, wf_table **out, wf_error *err);

/* Parses a CBS cell: a number, or a symbol (. x - or empty). Returns -1 for
 * anything else. The C locale is assumed (the process never sets one). */
int parse_value_cell(const char *s, wrrfig_value_kind *kind, double *v);

/* Lookup helpers behind the host API. */
int table_dim(const wf_table *t, const char *name);
wrrfig_value_kind table_find_query(const wf_table *t, const char *query, double *out);
const char *table_meta_get(const wf_table *t, const char *key);

/* Building tables (importers, tests). Keys are copied. */
wf_table *table_new(const char *name, const char *const *dims, size_t n_dims, int has_value);
void table_add_row(wf_table *t, const char *const *keys, wrrfig_value_kind kind, double value);
/* Sorts rows by their keys (byte order, dimension by dimension) so output
 * does not depend on input order. */
void table_sort(wf_table *t);
/* Takes ownership of meta. */
void table_set_meta(wf_table *t, cJSON *meta);
/* Writes <data_dir>/<name>.csv and .meta.json atomically. */
int table_save(const wf_table *t, const char *data_dir, wf_error *err);
/* The CSV text of a table (caller frees). */
char *table_to_csv(const wf_table *t);

#endif
