/* wrrfig import: converts third-party source files into the project's tidy
 * tables, one mapping (data/mappings/<table>.json) per source table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cmd/cmd.h"
#include "cmd/options.h"
#include "import/importer.h"
#include "util/strbuf.h"

static const wf_usage import_usage = {
    "import", "MAPPING.json...",
    "Converts the source files a mapping names (paths relative to --shared) into <data>/<table>.csv and\n"
    "<table>.meta.json, written atomically. Mappings are in data/mappings/ (docs/importer.md). A mapping's\n"
    "input may be a file pattern (dir/37296ned_UntypedDataSet_*.csv): the newest match is imported, so a new\n"
    "download needs no edit. Prints what changed against the table on disk: rows added, removed, changed\n"
    "(largest first) and periods added.\n",
    1, -1, NULL};

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
    int failed = 0;
    for (int i = 0; i < n_pos; i++) {
        wf_error err = {{0}};
        int differs = 0;
        char *name = NULL, *absent = NULL;
        strbuf summary = STRBUF_INIT;
        if (check && import_inputs_absent(pos[i], a->shared_dir, &absent)) {
            printf("skipped   %s: its input %s is absent\n", pos[i], absent);
            free(absent);
            continue;
        }
        if (import_run_report(pos[i], a->shared_dir, a->data_dir, check, &differs, &name, &summary, &err) != 0) {
            fprintf(stderr, "wrrfig import: %s\n", err.msg);
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
    free(pos);
    return failed ? EXIT_FAILED : EXIT_OK;
}
