/* Plugin discovery and the registry of figures, measures and figure kinds.
 *
 * The host scans the directories of the plugin search path for regular
 * files named <name>.so, dlopens each with RTLD_NOW|RTLD_LOCAL and checks
 * its descriptor (registry_check_descriptor: found/expected messages, no
 * side effects, so it can run in any process). Everything it keeps from a
 * descriptor (names, ids, input lists, parameter declarations) is copied,
 * and array elements are read by the plugin's element size (plugin.h,
 * Versioning), so nothing dangles after registry_free() closes the handles
 * and an older plugin's smaller elements are read correctly. Callbacks are
 * only called while the plugin is loaded.
 *
 * Figures come from two places: the fixed figures of a descriptor, and the
 * specs of the figures search path that instantiate a kind (host/specs.c
 * adds those with registry_add_figure). */
#ifndef WF_REGISTRY_H
#define WF_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "util/strbuf.h"
#include "wrrfig/plugin.h"

typedef struct wf_plugin {
    char *path;
    char *name;
    char *version;
    char *description;
    unsigned abi_major, abi_minor;
    void *handle;                    /* dlopen handle, closed by registry_free */
} wf_plugin;

typedef struct wf_param {
    char *name;
    wrrfig_param_type type;
    char *def;                       /* JSON text, or NULL: required */
    char *doc;
} wf_param;

typedef struct wf_kind {
    char *id;                        /* "hhi.area-map" */
    char *doc, *needs;
    wf_param *params;
    size_t n_params;
    wf_plugin *plugin;
    wrrfig_build_fn build;           /* valid while the plugin is loaded */
} wf_kind;

typedef struct wf_figure {
    char *id;
    char **inputs;                   /* NULL-terminated copy */
    char *needs;
    char *doc;                       /* "" when the plugin gives none */
    wf_plugin *plugin;
    wrrfig_build_fn build;           /* valid while the plugin is loaded */
    /* For a figure instantiated from a spec: its kind, and the spec's
     * parameters after checking, defaults filled in (inputs and params in
     * one object, owned here). NULL for fixed figures. */
    const wf_kind *kind;
    cJSON *params;
} wf_figure;

typedef struct wf_measure {
    char *name, *params, *unit, *doc;
    char **inputs;
    wf_plugin *plugin;
    wrrfig_measure_fn eval;          /* valid while the plugin is loaded */
} wf_measure;

typedef struct wf_registry {
    wf_plugin **plugins;
    size_t n_plugins;
    wf_figure *figures;              /* sorted by id */
    size_t n_figures;
    wf_measure *measures;            /* sorted by name */
    size_t n_measures;
    wf_kind **kinds;                 /* sorted by id; each allocated on its own (stable pointers) */
    size_t n_kinds;
    char **refusals;                 /* one message per refused file */
    size_t n_refusals;
} wf_registry;

/* Loads every plugin in dir. Refused plugins are recorded in refusals (and
 * not loaded); returns -1 only when dir itself cannot be read. */
int registry_load_dir(wf_registry *r, const char *dir);
/* Loads a single file. Returns 0, or -1 with a refusal. */
int registry_load_file(wf_registry *r, const char *path);
void registry_free(wf_registry *r);

/* Checks a descriptor against this host's ABI and against what r already
 * holds (duplicate ids); stem is the file stem. Returns 0, or -1 with one
 * message in msg ("<path>: what: found ..., expected ..."). Reads only the
 * descriptor; safe to call in a child process. */
int registry_check_descriptor(const wf_registry *r, const wrrfig_plugin *d, const char *path, const char *stem,
                              strbuf *msg);

/* The figure-id rule (plugin.h, wrrfig_figure): a report id (fig|tab|kader)-C-N[-variant],
 * or <plugin>-<name>. */
bool registry_figure_id_ok(const char *id, const char *plugin);

/* Adds a figure (takes ownership of f's members) and keeps figures sorted.
 * Returns -1 (taking nothing) when the id is already registered. */
int registry_add_figure(wf_registry *r, wf_figure *f);

const wf_figure *registry_figure(const wf_registry *r, const char *id);
const wf_measure *registry_measure(const wf_registry *r, const char *name);
const wf_kind *registry_kind(const wf_registry *r, const char *id);

#endif
