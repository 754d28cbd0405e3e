/* A mapping file (data/mappings/<table>.json) says how one source table
 * becomes one tidy table: which columns are dimensions, which value columns
 * are melted into a topic dimension, renames, code filters, labels and units.
 * Supporting a new CBS table means writing a mapping, not C code. The format
 * is documented in docs/importer.md; unknown keys are errors so a typo in a
 * mapping cannot silently drop a setting. */
#ifndef WF_IMPORT_MAPPING_H
#define WF_IMPORT_MAPPING_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "util/wf_error.h"

/* IMP_ODATA_V4: CBS OData v4 Observations (long: one row per dimension
 * combination and Measure), read by import/v4obs.c. */
typedef enum imp_format { IMP_CBS_CSV, IMP_CSV, IMP_ODATA_JSON, IMP_JSON_RECORDS, IMP_ODATA_V4 } imp_format;

typedef struct imp_file {
    const char *file;          /* relative to the shared data directory; may be a glob pattern */
    const cJSON *constants;    /* object: constant dimension -> code, or NULL */
    char *resolved;            /* the file a pattern resolved to (owned), set by import_build; NULL before */
} imp_file;

typedef struct imp_labels_file {
    const char *file;          /* relative to the shared data directory */
    imp_format format;         /* IMP_CSV (with sep) or IMP_ODATA_JSON */
    char sep;
    const char *key, *label;   /* column names (csv) or member names (json) */
} imp_labels_file;

typedef struct imp_dim {
    const char *column;        /* source column (or the key its title resolved to), or NULL for a constant */
    const char *title;         /* the dimension's CBS title, resolved to column by import/titles.c, or NULL */
    const cJSON *keep_titles;  /* object category title -> output code (resolved into keep + rename), or NULL */
    const char *constant;      /* name of a per-file constant, or NULL */
    const char *name;          /* output dimension name */
    const cJSON *labels, *labels_en; /* objects code -> text, or NULL */
    imp_labels_file labels_file;     /* .file NULL when absent */
    bool period_labels;         /* label YYYYJJ00 codes as YYYY */
    const cJSON *keep, *drop;  /* arrays of source codes, or NULL */
    const cJSON *rename;       /* object source code -> output code, or NULL */
    char path[32];             /* "$.dimensions[3]" for messages */
} imp_dim;

typedef struct imp_melt_col {
    const char *column, *code, *label, *label_en, *unit;
    const char *title;         /* the topic's CBS title (column is resolved from it), or NULL */
} imp_melt_col;

typedef struct imp_mapping {
    cJSON *root;               /* owns every string below */
    char *path;                /* the mapping file as given */
    char *base;                /* its file name, recorded in the sidecar */
    char sha256[65];
    const char *table, *title, *title_en, *source, *licence, *reference_period, *unit;
    const cJSON *notes;        /* array of strings or NULL */
    imp_format format;
    char sep, also_sep;        /* also_sep 0 when absent */
    bool trim, strip_stray_quotes;
    imp_file *files;
    size_t n_files;
    const char *properties;    /* odata-json: DataProperties file (may be a pattern), or NULL */
    char *properties_resolved; /* what it resolved to (owned), set by import_build */
    const char *records;       /* json-records: top-level member holding the records */
    imp_dim *dims;
    size_t n_dims;
    const cJSON *ignore;       /* array of column names or NULL */
    bool ignore_other;
    const char *melt_dim;      /* NULL when no melt */
    imp_melt_col *melt;
    size_t n_melt;
    const char *value_col, *value_unit, *value_label;
    const char *value_title;   /* the value topic's CBS title, or NULL */
    bool unverified;           /* written from published metadata; no real download imported yet */
    const char *written_from;  /* where an unverified mapping's keys and titles come from */
    const char *classification;/* "migratieachtergrond" or "herkomst", or NULL */
    const char *crosswalk;     /* file under <data>/crosswalks/ applied to crosswalk_dim, or NULL */
    const char *crosswalk_dim; /* output dimension the crosswalk recodes */
    cJSON *resolved;           /* owns keys and arrays that titles resolved to (import/titles.c) */
} imp_mapping;

/* Is c a classification the project knows (migratieachtergrond, herkomst)? */
bool imp_classification_known(const char *c);

/* Does the mapping select anything by title? */
bool imp_mapping_has_titles(const imp_mapping *m);

/* The CBS table id of a snapshot input ("snapshots/<id>/..."), written into
 * buf, or NULL when the input is not a snapshot. */
const char *imp_mapping_snapshot_table(const imp_mapping *m, char *buf, size_t n);

/* Reads and validates a mapping. Errors cite file:line:col for JSON syntax
 * and file: $.json.path for a wrong or missing field. */
int imp_mapping_load(const char *path, imp_mapping **out, wf_error *err);
void imp_mapping_free(imp_mapping *m);

#endif
