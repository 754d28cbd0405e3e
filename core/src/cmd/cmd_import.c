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
    "<table>.meta.json, written atomically. Mappings are in data/mappings/ (docs/importer.md).\n",
    1, -1, NULL};

int cmd_import(wf_app *a, int argc, char **argv)
{
    bool check = false;
    const wf_option opts[] = {
        WF_OPT_FLAG(0, "check", &check,
                    "write nothing; exit 1 if a re-import would change any file (determinism / staleness check)"),
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
        char *name = NULL;
        if (import_run(pos[i], a->shared_dir, a->data_dir, check, &differs, &name, &err) != 0) {
            fprintf(stderr, "wrrfig import: %s\n", err.msg);
            failed = 1;
        } else if (check) {
            printf("%s %s (%s)\n", differs ? "DIFFERS  " : "unchanged", name, pos[i]);
            failed |= differs;
        } else {
            printf("imported %s (%s)\n", name, pos[i]);
        }
        free(name);
    }
    free(pos);
    return failed ? EXIT_FAILED : EXIT_OK;
}
