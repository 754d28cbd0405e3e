/* Can `wrrfig fetch` fill a missing input? Yes when a mapping in
 * <data>/mappings/ produces that table from a CBS snapshot
 * (its input is "snapshots/<id>/<time>/<file>"): fetching <id> and importing the mapping
 * fills it. Otherwise the answer says what is missing: no mapping produces
 * the table (naming the CBS tables the needs text names and whether a
 * mapping fetches them), or the mapping reads a file rather than a CBS
 * download. Used by `list`, `fetch --needed` and NO-DATA manifests. */
#ifndef WF_IMPORT_FETCHABLE_H
#define WF_IMPORT_FETCHABLE_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct imp_fetch_entry {
    char *path;         /* <data>/mappings/<name>.json, to read */
    char *mapping;      /* "data/mappings/<name>.json", to show (no absolute path in manifests) */
    char *name;         /* <name>: `wrrfig import <name>` */
    char *table;        /* the table it produces, or NULL when the mapping does not load */
    char *cbs;          /* the CBS table id of its snapshot input, or NULL */
    const char *api;    /* "v3" or "v4" (with cbs) */
    bool unverified;
    char *problem;      /* why the mapping does not load, or NULL */
} imp_fetch_entry;

typedef struct imp_fetch_index {
    imp_fetch_entry *v;
    size_t n;
} imp_fetch_index;

/* Reads every mapping of <data_dir>/mappings, as data/mapping_files.h lists
 * them (sorted by file name). */
void imp_fetch_index_load(const char *data_dir, imp_fetch_index *ix);
void imp_fetch_index_free(imp_fetch_index *ix);

enum { IMP_FETCH_MAX = 8 };

typedef struct imp_fetchable {
    bool ok;
    const imp_fetch_entry *via[IMP_FETCH_MAX]; /* the mappings (ok), borrowed from the index */
    size_t n_via;
    char reason[768];          /* why not (when !ok) */
} imp_fetchable;

/* For the missing input `table` of a figure whose needs text is `needs`
 * (may be NULL). */
void imp_fetchable_for(const imp_fetch_index *ix, const char *table, const char *needs, imp_fetchable *out);

/* For a figure: every input absent from data_dir must be fetchable (no
 * absent input: not fetchable, nothing to fetch). */
void imp_figure_fetchable(const imp_fetch_index *ix, const char *data_dir, char *const *inputs, const char *needs,
                          imp_fetchable *out);

/* The manifest's "fetchable" member: {"table", "api", "mapping",
 * "unverified"} (with "also": [...] when
 * several tables are needed) or false (then the caller adds fetchable_reason). */
cJSON *imp_fetchable_json(const imp_fetchable *f);

/* The CBS table ids a needs text names ("CBS 83787NED", "StatLine 03742",
 * "84910NED"): five digits, optionally followed by letters, standing alone.
 * Writes up to max ids of at most 15 characters into ids; returns how many. */
size_t imp_cbs_ids_in(const char *text, char ids[][16], size_t max);

#endif
