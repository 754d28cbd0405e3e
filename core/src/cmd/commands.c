/* The command table and what every command needs before it runs. */
#define _POSIX_C_SOURCE 200809L
#include "cmd/cmd.h"

#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "data/overlay.h"
#include "util/fileio.h"
#include "util/path.h"
#include "util/strbuf.h"

/* One line per command: name, entry point, needs, one-line help. */
const wf_command wf_commands[] = {
    {"list", cmd_list, WF_CMD_PLUGINS, "every figure: ready, or NO-DATA with the table it needs"},
    {"build", cmd_build, WF_CMD_PLUGINS, "write scripts, CSV, manifests and renders of figures"},
    {"info", cmd_info, WF_CMD_PLUGINS, "what a figure shows, its inputs and their provenance"},
    {"check", cmd_check, WF_CMD_PLUGINS, "the report's claims against the data: PASS, FAIL, NO-DATA, UNBOUND"},
    {"import", cmd_import, WF_CMD_WRITES_DATA, "CBS downloads -> data tables with provenance, as mapping files say"},
    {"import-geo", cmd_import_geo, WF_CMD_WRITES_DATA,
     "GeoJSON boundaries -> a data/geo/ layer in RD New (+ attribute table)"},
    {"fetch", cmd_fetch, 0, "download CBS tables (OData v3/v4) into snapshots with a manifest"},
    {"refresh", cmd_refresh, WF_CMD_WRITES_DATA, "a new release: import, rebuild what changed, check, show what changed"},
    {"diff", cmd_diff, 0, "what changed between two builds: values, inputs, claims (text + HTML)"},
    {"site", cmd_site, WF_CMD_PLUGINS, "a static gallery and reviewer site of the built figures and the claims"},
    {"help", cmd_help, 0, "this overview, or 'help COMMAND' for one command"},
    {NULL, NULL, 0, NULL},
};

const wf_command *wf_command_find(const char *name)
{
    for (const wf_command *c = wf_commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

/* The source tree the executable was built in (build/bin/wrrfig,
 * build/san/bin/wrrfig, ...): the nearest ancestor holding the plugin ABI
 * header. NULL for an installed copy. Caller frees. */
static char *source_tree(const char *dir)
{
    strbuf b = STRBUF_INIT;
    sb_puts(&b, dir);
    for (int up = 0; up < 4; up++) {
        char *slash = strrchr(b.s, '/');
        if (!slash || slash == b.s)
            break;
        *slash = '\0';
        b.len = (size_t)(slash - b.s);
        size_t keep = b.len;
        sb_puts(&b, "/core/include/wrrfig/plugin.h");
        bool found = access(b.s, R_OK) == 0;
        b.s[keep] = '\0';
        b.len = keep;
        if (found)
            return sb_take(&b);
    }
    sb_free(&b);
    return NULL;
}

/* installed_rel beside the executable when that exists (PREFIX/bin/wrrfig ->
 * PREFIX/share/wrrfig/...), else tree_rel in the source tree; NULL when
 * neither applies. */
static char *default_dir(const char *exe, const char *tree, const char *installed_rel, const char *tree_rel)
{
    strbuf b = STRBUF_INIT;
    if (exe) {
        sb_printf(&b, "%s/%s", exe, installed_rel);
        if (dir_exists(b.s))
            return sb_take(&b);
        b.len = 0;
    }
    if (tree && tree_rel) {
        sb_printf(&b, "%s/%s", tree, tree_rel);
        return sb_take(&b);
    }
    sb_free(&b);
    return xstrdup(tree_rel ? tree_rel : installed_rel);
}

/* The data directory when --data is not given: in a source tree its data/;
 * in an installed copy the user's overlay of the installed data
 * (data/overlay.h) when it exists or the command writes tables, else the
 * installed data itself. Returns 0 or an exit code. */
static int default_data_dir(wf_app *a, const wf_command *c, const char *exe, const char *tree)
{
    strbuf inst = STRBUF_INIT;
    if (exe)
        sb_printf(&inst, "%s/../share/wrrfig/data", exe);
    if (!exe || !dir_exists(inst.s)) {
        sb_free(&inst);
        a->data_dir = a->owned[0] = default_dir(NULL, tree, "data", "data");
        return 0;
    }
    char *user = overlay_user_dir();
    bool writes = c && (c->flags & WF_CMD_WRITES_DATA);
    if (user && (writes || dir_exists(user))) {
        wf_error err;
        if (overlay_sync(user, inst.s, &err) == 0) {
            /* The overlay's links lead into the installed data: readers
             * that refuse links out of the data directory (util/path.c)
             * accept that one directory too. Set in the environment, not
             * a global, so workers inherit it. */
            setenv(PATH_LOWER_ENV, inst.s, 1);
            a->data_dir = a->owned[0] = user;
            sb_free(&inst);
            return 0;
        }
        if (writes) {
            fprintf(stderr, "wrrfig %s: cannot set up the user data directory: %s; give a writable one with "
                            "--data DIR\n", c->name, err.msg);
            free(user);
            sb_free(&inst);
            return EXIT_ENV;
        }
    } else if (writes) {
        fprintf(stderr, "wrrfig %s: the installed data is read-only and there is no user data directory "
                        "(set HOME or XDG_DATA_HOME, or give --data DIR)\n", c->name);
        sb_free(&inst);
        return EXIT_ENV;
    }
    free(user);
    a->data_dir = a->owned[0] = sb_take(&inst);
    return 0;
}

int wf_cmd_prepare(wf_app *a, const char *command)
{
    char *exe = path_exe_dir(), *tree = exe ? source_tree(exe) : NULL;
    const wf_command *c = wf_command_find(command);
    if (!a->data_dir) {
        int rc = default_data_dir(a, c, exe, tree);
        if (rc) {
            free(exe);
            free(tree);
            return rc;
        }
    }
    if (!a->plugins_loaded) {
        dirs_add_list(&a->plugin_path, getenv("WRRFIG_PLUGIN_PATH"));
        dirs_add_list(&a->figures_path, getenv("WRRFIG_FIGURES_PATH"));
    }
    if (!a->plugin_dir && !a->no_builtin) {
        /* PREFIX/lib/wrrfig/plugins when installed, else build/plugins
         * beside build/bin (each build directory has its own plugins). */
        strbuf b = STRBUF_INIT;
        sb_printf(&b, "%s/../lib/wrrfig/plugins", exe ? exe : ".");
        if (!dir_exists(b.s)) {
            b.len = 0;
            sb_printf(&b, "%s/../plugins", exe ? exe : ".");
        }
        a->plugin_dir = a->owned[1] = sb_take(&b);
    }
    if (!a->figures_dir && !a->no_builtin)
        a->figures_dir = a->owned[2] = default_dir(exe, tree, "../share/wrrfig/figures", "figures");
    if (!a->shared_dir) {
        const char *env = getenv("WRRFIG_SHARED");
        if (env && *env)
            a->shared_dir = env;
        else if (tree)
            a->shared_dir = a->owned[3] = default_dir(NULL, tree, "", "../shared/data");
        /* an installed copy has no default: import asks for --shared */
    }
    free(exe);
    free(tree);
    if (c && (c->flags & WF_CMD_PLUGINS) && !a->plugins_loaded && a->reg.n_plugins == 0) {
        int lrc = app_load_plugins(a);
        a->plugins_loaded = true;
        if (lrc && a->reg.n_plugins == 0)
            return lrc;
        a->plugin_rc = lrc; /* a refused plugin shows in the exit status too */
    }
    return 0;
}

void wf_app_release(wf_app *a)
{
    app_free(a);
    for (size_t k = 0; k < sizeof a->owned / sizeof *a->owned; k++) {
        free(a->owned[k]);
        a->owned[k] = NULL;
    }
}
