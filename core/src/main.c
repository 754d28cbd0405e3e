/* wrrfig: rebuilds the figures of the WRR report "Samenleven in
 * verscheidenheid" (2020) from data. Global options, then a command. */
#define _POSIX_C_SOURCE 200809L
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "claims/check.h"
#include "cmd/cmd.h"
#include "util/fileio.h"
#include "util/strbuf.h"

static const char usage[] =
    "usage: wrrfig [--data DIR] [--plugins DIR]... [--figures DIR]... [--no-builtin] [--lang nl|en] [--timeout S]\n"
    "              COMMAND [ARGS]\n"
    "\n"
    "commands:\n"
    "  list                 plugins, figures, and whether each figure's data is present\n"
    "  build [FIG...]       write scripts, CSV, manifests and renders (wrrfig build --help)\n"
    "  info FIG             what a figure shows, its inputs and their provenance\n"
    "  import MAPPING...    CBS downloads -> data/ tables with provenance, as mapping files say (import --help)\n"
    "  check [--chapter N]  the report's claims against the data: PASS, FAIL, NO-DATA, UNBOUND (check --help)\n"
    "  import-geo SRC ...   GeoJSON -> data/geo/ layer in RD New (+ attribute table); import-geo --help\n"
    "\n"
    "options:\n"
    "  --data DIR           project data (default: ../share/wrrfig/data or the source tree's data/)\n"
    "  --plugins DIR        also load the plugins in DIR (repeatable; then $WRRFIG_PLUGIN_PATH, colon-separated),\n"
    "                       after the built-in ones (../lib/wrrfig/plugins or build/plugins)\n"
    "  --figures DIR        also read figure specs in DIR (repeatable; then $WRRFIG_FIGURES_PATH), after the\n"
    "                       built-in ones (../share/wrrfig/figures or figures/)\n"
    "  --no-builtin         search only the directories given, not the built-in plugins and specs\n"
    "  --lang nl|en         language of titles and labels (default nl)\n"
    "  --timeout S          seconds a figure build or render may take (default 120)\n"
    "  --version, --help\n"
    "\n"
    "exit status: 0 ok, 1 something failed, 2 usage, 3 a plugin was refused, 4 environment (gnuplot missing)\n";

/* Finds a default directory relative to the executable, so both the build
 * tree (build/bin/wrrfig) and an installed tree (PREFIX/bin/wrrfig) work
 * without configuration. */
static char *default_dir(const char *installed_rel, const char *tree_rel)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return xstrdup(tree_rel);
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = '\0';
    strbuf b = STRBUF_INIT;
    sb_printf(&b, "%s/%s", exe, installed_rel);
    if (dir_exists(b.s))
        return sb_take(&b);
    b.len = 0;
    sb_printf(&b, "%s/%s", exe, tree_rel);
    return sb_take(&b);
}

int main(int argc, char **argv)
{
    wf_app a = {0};
    a.lang = "nl";
    a.timeout = 120;
    char *own[3] = {NULL, NULL, NULL};
    bool builtin = true;
    /* --plugins/--figures values (argv pointers, so early returns free nothing) */
    const char *extra_plugins[64], *extra_figures[64];
    size_t n_plugins = 0, n_figures = 0;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *o = argv[i];
        if (!strcmp(o, "--no-builtin")) {
            builtin = false;
        } else if (!strcmp(o, "--help") || !strcmp(o, "-h")) {
            fputs(usage, stdout);
            return EXIT_OK;
        } else if (!strcmp(o, "--version")) {
            printf("wrrfig %s (plugin ABI %d.%d)\n", WRRFIG_VERSION, WRRFIG_ABI_MAJOR, WRRFIG_ABI_MINOR);
            return EXIT_OK;
        } else if (i + 1 >= argc) {
            break;
        } else if (!strcmp(o, "--data"))
            a.data_dir = argv[++i];
        else if (!strcmp(o, "--plugins") || !strcmp(o, "--figures")) {
            bool plug = o[2] == 'p';
            if ((plug ? n_plugins : n_figures) == 64) {
                fprintf(stderr, "wrrfig: %s given more than 64 times\n", o);
                return EXIT_USAGE;
            }
            if (plug)
                extra_plugins[n_plugins++] = argv[++i];
            else
                extra_figures[n_figures++] = argv[++i];
        }
        else if (!strcmp(o, "--lang")) {
            a.lang = argv[++i];
            if (strcmp(a.lang, "nl") && strcmp(a.lang, "en")) {
                fprintf(stderr, "wrrfig: --lang takes nl or en\n");
                return EXIT_USAGE;
            }
        } else if (!strcmp(o, "--timeout")) {
            char *end;
            a.timeout = strtod(argv[++i], &end);
            if (*end || a.timeout <= 0) {
                fprintf(stderr, "wrrfig: --timeout takes a positive number of seconds\n");
                return EXIT_USAGE;
            }
        } else
            break;
    }
    if (i >= argc) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    if (argv[i][0] == '-') {
        fprintf(stderr, "wrrfig: unknown option %s\n\n%s", argv[i], usage);
        return EXIT_USAGE;
    }
    const char *cmd = argv[i++];
    if (!a.data_dir)
        a.data_dir = own[0] = default_dir("../share/wrrfig/data", "../../data");
    for (size_t k = 0; k < n_plugins; k++)
        dirs_add(&a.plugin_path, extra_plugins[k]);
    for (size_t k = 0; k < n_figures; k++)
        dirs_add(&a.figures_path, extra_figures[k]);
    dirs_add_list(&a.plugin_path, getenv("WRRFIG_PLUGIN_PATH"));
    dirs_add_list(&a.figures_path, getenv("WRRFIG_FIGURES_PATH"));
    if (builtin) {
        a.plugin_dir = own[1] = default_dir("../lib/wrrfig/plugins", "../plugins");
        a.figures_dir = own[2] = default_dir("../share/wrrfig/figures", "../../figures");
    }

    /* import-geo needs no plugins. */
    if (!strcmp(cmd, "import-geo")) {
        int grc = cli_import_geo_in(a.data_dir, argc - i, argv + i);
        dirs_free(&a.plugin_path);
        dirs_free(&a.figures_path);
        for (int k = 0; k < 3; k++)
            free(own[k]);
        return grc;
    }
    int (*fn)(wf_app *, int, char **) = NULL;
    if (!strcmp(cmd, "list"))
        fn = cli_list;
    else if (!strcmp(cmd, "build"))
        fn = cli_build;
    else if (!strcmp(cmd, "info"))
        fn = cli_info;
    else if (!strcmp(cmd, "check"))
        fn = cli_check;
    else if (!strcmp(cmd, "import"))
        fn = cli_import;
    int rc;
    if (!fn) {
        fprintf(stderr, "wrrfig: unknown command '%s'\n\n%s", cmd, usage);
        rc = EXIT_USAGE;
    } else {
        int lrc = app_load_plugins(&a);
        if (lrc && a.reg.n_plugins == 0)
            rc = lrc;
        else {
            rc = fn(&a, argc - i, argv + i);
            if (rc == EXIT_OK && lrc)
                rc = lrc; /* a refused plugin is reported in the exit status too */
        }
    }
    app_free(&a);
    dirs_free(&a.plugin_path);
    dirs_free(&a.figures_path);
    for (int k = 0; k < 3; k++)
        free(own[k]);
    return rc;
}
