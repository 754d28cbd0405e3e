/* The context of one plugin callback (a figure build or a measure
 * evaluation): what the host hands out through the wrrfig_host table, and
 * what it collects (script, CSV, notes, inputs used). */
#ifndef WF_CTX_H
#define WF_CTX_H

#include <stdbool.h>

#include <cjson/cJSON.h>

#include "host/registry.h"
#include "util/strbuf.h"
#include "data/provenance.h"
#include "data/table.h"

struct wrrfig_params {
    size_t n;
    char **keys;
    char **values;     /* text as written, quotes removed */
};

struct wrrfig_ctx {
    const char *plugin_name;
    const char *item_id;         /* figure id or measure name, for log lines */
    const char *data_dir;
    const char *lang;            /* "nl" or "en" */
    cJSON *spec;                 /* figures/<id>.json; may be NULL for measures */
    const cJSON *kind_params;    /* a kind's checked inputs and params (registry-owned), or NULL */
    const char *const *declared; /* inputs the figure/measure declared (may be NULL) */

    wf_table **tables;           /* opened so far; owned unless a cache lends them */
    size_t n_tables;
    /* Optional: tables kept across callbacks in one process (the measure
     * worker evaluates many measures on the same few tables). When set,
     * tables are loaded into and lent from it, and ctx_release leaves them. */
    struct table_cache *cache;
    /* Geometry inputs opened so far (core/src/host_geo.c owns the layout). */
    void *geo;
    void (*geo_free)(void *geo);
    wf_inputs inputs;            /* every table and layer opened, in order: the provenance */

    strbuf blocks;               /* datablocks */
    strbuf body;                 /* plot commands */
    bool in_block;
    strbuf csv;
    size_t csv_cols;             /* columns of the header row, 0 before it */
    char **notes;
    size_t n_notes;
    char *title;                 /* override from set_title */
    char **extra_ext, **extra_text; /* output_text: extension and text */
    size_t n_extra;
    int misuse;                  /* API misuse count: fails the build */
    /* Declared inputs that exist but could not be read (corrupt, unreadable).
     * The host fails the figure or measure on this whatever the plugin
     * returns, so a plugin that maps NULL to NO-DATA cannot turn broken data
     * into "absent". broken_msg keeps the first error (file:line:col). */
    int broken;
    char broken_msg[512];
    bool broken_content;         /* that first one was readable but wrong (input_broken: a negative count) */
    bool quiet;                   /* keep messages instead of printing them (measures) */
    char last_msg[512];          /* the last warning or error, kept when quiet */
};

typedef struct table_cache {
    wf_table **t;
    size_t n;
} table_cache;
void table_cache_free(table_cache *tc);

void ctx_init(wrrfig_ctx *c, const char *plugin, const char *item, const char *data_dir, const char *lang);
void ctx_release(wrrfig_ctx *c);
/* Whether the figure or measure declared input name (a context without a
 * declaration list allows every name). */
bool ctx_declared(const wrrfig_ctx *c, const char *name);
/* Records that a declared input exists but cannot be read. */
void ctx_broken_input(wrrfig_ctx *c, const char *msg);
/* Logs an API misuse (a plugin bug) and marks the build failed. */
void ctx_misuse(wrrfig_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The host function table handed to plugins. */
const wrrfig_host *host_api(void);

/* Implemented in host_geo.c. */
const wrrfig_feature *host_geo_features(wrrfig_ctx *ctx, const char *name, size_t *n);

/* Parameter parsing for measure references: "year=2016, type='Totaal'". */
int params_parse(const char *text, struct wrrfig_params *p, wf_error *err);
void params_free(struct wrrfig_params *p);

#endif
