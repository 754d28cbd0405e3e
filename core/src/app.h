/* Settings shared by all commands, from the global options, and the plugin
 * and spec search paths. */
#ifndef WF_APP_H
#define WF_APP_H

#include <stdbool.h>

#include <cjson/cJSON.h>

#include "host/registry.h"
#include "host/specs.h"
#include "util/wf_error.h"

#define WRRFIG_VERSION "0.1.0"

/* Exit codes (documented in the man page and README). */
enum {
    EXIT_OK = 0,         /* everything selected was built, checked or listed */
    EXIT_FAILED = 1,     /* at least one figure failed, or a claim differs from its expectation */
    EXIT_USAGE = 2,      /* bad command line */
    EXIT_PLUGINS = 3,    /* a plugin was refused, or no plugins were found */
    EXIT_ENV = 4         /* the environment lacks something (gnuplot, a directory) */
};

/* A search path: directories in the order they are searched. Owns copies
 * of the strings; zero-initialise, free with dirs_free. */
typedef struct wf_dirs {
    char **v;
    size_t n;
} wf_dirs;

/* Appends a copy of dir (an empty string or a repeat is skipped). */
void dirs_add(wf_dirs *d, const char *dir);
/* Appends each directory of a colon-separated list (as $PATH; NULL or ""
 * adds nothing). */
void dirs_add_list(wf_dirs *d, const char *colon_list);
void dirs_free(wf_dirs *d);

typedef struct wf_app {
    const char *data_dir;
    /* The built-in directories (NULL: none, e.g. with --no-builtin): searched
     * first, before the extra ones. */
    const char *plugin_dir;
    const char *figures_dir;
    wf_dirs plugin_path;         /* --plugins DIR..., then $WRRFIG_PLUGIN_PATH */
    wf_dirs figures_path;        /* --figures DIR..., then $WRRFIG_FIGURES_PATH */
    bool no_builtin;             /* --no-builtin: no built-in plugin and spec directories */
    const char *shared_dir;      /* third-party downloads for import (--shared, $WRRFIG_SHARED); NULL: none known */
    const char *lang;            /* "nl" or "en" */
    double timeout;              /* seconds per figure build (and render) */
    wf_registry reg;
    wf_specs specs;              /* id -> spec file, and specs that register nothing */
    bool plugins_loaded;         /* plugins were loaded (by wf_cmd_prepare or a test) */
    int plugin_rc;               /* EXIT_PLUGINS when a plugin was refused, else 0 */
    char *owned[4];              /* default directories filled in by wf_cmd_prepare (cmd/cmd.h) */
} wf_app;

/* The full search paths: the built-in directory, then the extra ones.
 * Fills out (caller frees with dirs_free). */
void app_plugin_dirs(const wf_app *a, wf_dirs *out);
void app_figure_dirs(const wf_app *a, wf_dirs *out);

/* Loads the plugins of the plugin path (a plugin name, figure id, measure
 * or kind that an earlier file already provides is refused, naming both
 * files), indexes the specs of the figures path and instantiates the kind
 * specs. Prints refusals to stderr. Returns 0 or EXIT_PLUGINS. */
int app_load_plugins(wf_app *a);
/* Frees the registry, the spec index and the search paths. */
void app_free(wf_app *a);

/* Prints the specs that register no figure (wrong kind, bad parameters, no
 * plugin) to stderr, one line each; returns how many. */
size_t app_report_spec_problems(const wf_app *a);

/* The spec of figure id from the figures path, parsed; NULL with err set
 * when absent or invalid. */
cJSON *app_spec_load(const wf_app *a, const char *id, wf_error *err);
/* The file that spec comes from, or NULL. */
const char *app_spec_path(const wf_app *a, const char *id);

/* figures_dir/<id>.json, parsed; NULL with err set when absent or invalid. */
cJSON *spec_load(const char *figures_dir, const char *id, wf_error *err);
/* Same, from a file. */
cJSON *spec_load_file(const char *path, const char *id, wf_error *err);

/* First missing input of a list (NULL when all exist). */
const char *first_missing_input(const wf_app *a, char *const *inputs);

#endif
