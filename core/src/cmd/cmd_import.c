/* wrrfig import: converts third-party source files into the project's tidy
 * tables, one mapping (data/mappings/<table>.json) per source table. */
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"
#include "app.h"
#include "cmd/cmd.h"
#include "cmd/names.h"
#include "import/mapping.h"
#include "cmd/options.h"
#include "import/importer.h"
#include "util/fileio.h"
#include "util/strbuf.h"
#include "util/suggest.h"

static const wf_usage import_usage = {
    "import", "MAPPING...",
    "Converts the source files a mapping (a file, or a name such as 37296ned from <data>/mappings/) names (paths relative to --shared) into <data>/<table>.csv and\n"
    "<table>.meta.json, written atomically. Mappings are in data/mappings/ (docs/importer.md). A mapping's\n"
    "input may be a file pattern (dir/37296ned_UntypedDataSet_*.csv): the newest match is imported, so a new\n"
    "download needs no edit. Prints what changed against the table on disk: rows added, removed, changed\n"
    "(largest first) and periods added.\n",
    1, -1, NULL};

/* A mapping given as a path, or by name ("37296ned") from <data>/mappings/,
 * which is where an installed copy keeps them. NULL (message printed, with
 * a suggestion) when neither exists. Caller frees. */
static char *resolve_mapping(const wf_app *a, const char *arg)
{
    if (file_exists(arg))
        return xstrdup(arg);
    strbuf dir = STRBUF_INIT, p = STRBUF_INIT;
    sb_printf(&dir, "%s/mappings", a->data_dir);
    if (!strchr(arg, '/')) {
        size_t n = strlen(arg);
        bool ext = n > 5 && strcmp(arg + n - 5, ".json") == 0;
        sb_printf(&p, "%s/%s%s", dir.s, arg, ext ? "" : ".json");
        if (file_exists(p.s)) {
            sb_free(&dir);
            return sb_take(&p);
        }
    }
    sb_free(&p);
    /* Suggest among the mapping names. */
    wf_names maps;
    wf_mapping_names(a->data_dir, &maps);
    const char *base = strrchr(arg, '/') ? strrchr(arg, '/') + 1 : arg;
    char *stem = xstrdup(base);
    size_t sn = strlen(stem);
    if (sn > 5 && strcmp(stem + sn - 5, ".json") == 0)
        stem[sn - 5] = '\0';
    char hint[256];
    wf_suggest_text(stem, (const char *const *)maps.v, maps.n, hint, sizeof hint);
    fprintf(stderr, "wrrfig import: no mapping '%s' (neither a file nor a name in %s)%s\n", arg, dir.s, hint);
    free(stem);
    wf_names_free(&maps);
    sb_free(&dir);
    return NULL;
}

/* A mapping written from a table's published description, before any real
 * download was imported, says so on every import. The first successful
 * import of a real download is what clears it: check the table, then remove
 * "unverified" (and keep "written_from" as history) from the mapping. */
static void warn_unverified(const char *mapping)
{
    imp_mapping *m = NULL;
    wf_error err = {{0}};
    if (imp_mapping_load(mapping, &m, &err) != 0)
        return; /* the import reports it */
    if (m->unverified)
        fprintf(stderr,
                "wrrfig import: warning: %s is unverified (written from: %s). If this import of a real download "
                "succeeds, check the table against CBS and remove \"unverified\" from the mapping.\n",
                mapping, m->written_from);
    imp_mapping_free(m);
}

/* Is the mapping's input a snapshot pattern (snapshots/<id>/...) that
 * matches nothing yet? *id gets the table id. */
static bool snapshot_absent(const char *mapping, const char *shared, char *id, size_t n)
{
    imp_mapping *m = NULL;
    wf_error err = {{0}};
    if (imp_mapping_load(mapping, &m, &err) != 0)
        return false; /* the import reports it */
    char *which = NULL;
    bool absent = imp_mapping_snapshot_table(m, id, n) && import_inputs_absent(mapping, shared, &which);
    free(which);
    imp_mapping_free(m);
    return absent;
}

int cmd_import(wf_app *a, int argc, char **argv)
{
    bool check = false;
    const wf_option opts[] = {
        WF_OPT_FLAG(0, "check", &check,
                    "write nothing; print the same summary and exit 1 if a re-import would change any\n"
                    "file. A mapping whose input file is absent is skipped (and said so), not counted"),
        WF_OPT_END,
    };
    char **pos;
    int n_pos, rc;
    if (wf_cmd_parse(a, &import_usage, opts, argc, argv, &pos, &n_pos, &rc) != 0)
        return rc;
    rc = 0;
    /* Every mapping is found before anything is imported. */
    char **maps = xcalloc((size_t)n_pos + 1, sizeof *maps);
    for (int i = 0; i < n_pos && rc == 0; i++)
        if (!(maps[i] = resolve_mapping(a, pos[i])))
            rc = EXIT_USAGE;
    if (rc == 0 && !a->shared_dir) {
        fprintf(stderr, "wrrfig import: which directory holds the downloads? give it with --shared DIR "
                        "(or set WRRFIG_SHARED)\n");
        rc = EXIT_ENV;
    } else if (rc == 0 && !dir_exists(a->shared_dir)) {
        fprintf(stderr, "wrrfig import: the directory of downloads %s does not exist; give it with --shared DIR "
                        "(or set WRRFIG_SHARED)\n", a->shared_dir);
        rc = EXIT_ENV;
    }
    if (rc != 0) {
        for (int i = 0; i < n_pos; i++)
            free(maps[i]);
        free(maps);
        free(pos);
        return rc;
    }
    for (int i = 0; i < n_pos; i++)
        pos[i] = maps[i];
    int failed = 0, skipped = 0;
    for (int i = 0; i < n_pos; i++) {
        wf_error err = {{0}};
        int differs = 0;
        char *name = NULL, *absent = NULL;
        strbuf summary = STRBUF_INIT;
        if (check && import_inputs_absent(pos[i], a->shared_dir, &absent)) {
            printf("skipped   %s: its input %s is absent\n", pos[i], absent);
            free(absent);
            skipped++;
            continue;
        }
        /* A snapshot mapping before its first fetch is not broken: say what
         * to run (scripts/import-all.sh imports every mapping). */
        char snap[40];
        if (!check && snapshot_absent(pos[i], a->shared_dir, snap, sizeof snap)) {
            printf("skipped   %s: no snapshot of %s under %s/snapshots yet (wrrfig fetch %s)\n", pos[i], snap,
                   a->shared_dir, snap);
            skipped++;
            continue;
        }
        warn_unverified(pos[i]);
        if (import_run_report(pos[i], a->shared_dir, a->data_dir, check, &differs, &name, &summary, &err) != 0) {
            /* The message quotes source cells: escape sequences in them
             * must not reach the terminal. */
            text_print_safe(stderr, "wrrfig import: ", err.msg);
            failed = 1;
        } else if (check) {
            printf("%s %s (%s)\n%s", differs ? "DIFFERS  " : "unchanged", name, pos[i], differs ? sb_cstr(&summary) : "");
            failed |= differs;
        } else {
            printf("imported %s (%s)\n%s", name, pos[i], sb_cstr(&summary));
        }
        sb_free(&summary);
        free(name);
    }
    for (int i = 0; i < n_pos; i++)
        free(maps[i]);
    free(maps);
    free(pos);
    /* Nothing imported at all (every mapping waits for a snapshot) is a failure. */
    return failed || (skipped == n_pos && !check) ? EXIT_FAILED : EXIT_OK;
}
