/* Plugin discovery and the registry of figures and measures.
 *
 * The host scans one directory for regular files named <name>.so, dlopens
 * each with RTLD_NOW|RTLD_LOCAL and validates its descriptor. Everything it
 * keeps from a plugin's descriptor (names, ids, input lists) is copied, so
 * nothing dangles after registry_free() closes the handles. The descriptor's
 * callbacks are only called while the plugin is loaded. */
#ifndef WF_REGISTRY_H
#define WF_REGISTRY_H

#include <stddef.h>

#include "wrrfig/plugin.h"

typedef struct wf_plugin {
    char *path;
    char *name;
    char *version;
    char *description;
    unsigned abi_major, abi_minor;
    void *handle;                    /* dlopen handle, closed by registry_free */
    const wrrfig_plugin *desc;       /* points into the loaded object */
} wf_plugin;

typedef struct wf_figure {
    char *id;
    char **inputs;                   /* NULL-terminated copy */
    char *needs;
    wf_plugin *plugin;
    const wrrfig_figure *desc;       /* valid while the plugin is loaded */
} wf_figure;

typedef struct wf_measure {
    char *name, *params, *unit, *doc;
    char **inputs;
    wf_plugin *plugin;
    const wrrfig_measure *desc;
} wf_measure;

typedef struct wf_registry {
    wf_plugin **plugins;
    size_t n_plugins;
    wf_figure *figures;              /* sorted by id */
    size_t n_figures;
    wf_measure *measures;            /* sorted by name */
    size_t n_measures;
    char **refusals;                 /* one message per refused file */
    size_t n_refusals;
} wf_registry;

/* Loads every plugin in dir. Refused plugins are recorded in refusals (and
 * not loaded); returns -1 only when dir itself cannot be read. */
int registry_load_dir(wf_registry *r, const char *dir);
/* Loads a single file (used by tests). Returns 0, or -1 with a refusal. */
int registry_load_file(wf_registry *r, const char *path);
void registry_free(wf_registry *r);

const wf_figure *registry_figure(const wf_registry *r, const char *id);
const wf_measure *registry_measure(const wf_registry *r, const char *name);

#endif
