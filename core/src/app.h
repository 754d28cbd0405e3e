/* Settings shared by all commands, from the global options. */
#ifndef WF_APP_H
#define WF_APP_H

#include <stdbool.h>

#include <cjson/cJSON.h>

#include "host/registry.h"
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

typedef struct wf_app {
    const char *data_dir;
    const char *plugin_dir;
    const char *figures_dir;
    const char *shared_dir;      /* third-party downloads for import (--shared, $WRRFIG_SHARED) */
    const char *lang;            /* "nl" or "en" */
    double timeout;              /* seconds per figure build (and render) */
    wf_registry reg;
    bool plugins_loaded;         /* plugins were loaded (by wf_cmd_prepare or a test) */
    int plugin_rc;               /* EXIT_PLUGINS when a plugin was refused, else 0 */
    char *owned[4];              /* default directories filled in by wf_cmd_prepare (cmd/cmd.h) */
} wf_app;

/* Loads the plugins and prints refusals to stderr. Returns 0 or EXIT_PLUGINS. */
int app_load_plugins(wf_app *a);

/* figures/<id>.json, parsed; NULL with err set when absent or invalid. */
cJSON *spec_load(const char *figures_dir, const char *id, wf_error *err);

/* First missing input of a list (NULL when all exist). */
const char *first_missing_input(const wf_app *a, char *const *inputs);

#endif
