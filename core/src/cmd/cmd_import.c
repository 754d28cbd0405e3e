/* wrrfig import: converts third-party source files into the project's tidy
 * tables, one mapping (data/mappings/<table>.json) per source table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "import/importer.h"
#include "util/strbuf.h"

static const char import_usage[] =
    "usage: wrrfig [--data DIR] import [--shared DIR] [--check] MAPPING.json...\n"
    "\n"
    "Converts the source files a mapping names (paths relative to --shared, default ../shared/data)\n"
    "into <data>/<table>.csv and <table>.meta.json (written atomically). A mapping's input may be a\n"
"file pattern (dir/37296ned_UntypedDataSet_*.csv): the newest match is imported, so a new download\n"
"needs no edit. Prints what changed against the table on disk: rows added, removed, changed\n"
"(largest first) and periods added.\n"
    "  --check   write nothing; print the same summary and exit 1 if a re-import would change any file.\n"
    "            A mapping whose input file is absent is skipped (and said so), not counted as a change.\n";

int cli_import(wf_app *a, int argc, char **argv)
{
    const char *shared = "../shared/data";
    int check = 0, i = 0;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(import_usage, stdout);
            return EXIT_OK;
        } else if (!strcmp(argv[i], "--check")) {
            check = 1;
        } else if (!strcmp(argv[i], "--shared") && i + 1 < argc) {
            shared = argv[++i];
        } else {
            fprintf(stderr, "wrrfig import: unknown option %s\n\n%s", argv[i], import_usage);
            return EXIT_USAGE;
        }
    }
    if (i >= argc) {
        fputs(import_usage, stderr);
        return EXIT_USAGE;
    }
    int failed = 0;
    for (; i < argc; i++) {
        wf_error err = {{0}};
        int differs = 0;
        char *name = NULL, *absent = NULL;
        strbuf summary = STRBUF_INIT;
        if (check && import_inputs_absent(argv[i], shared, &absent)) {
            printf("skipped   %s: its input %s is absent\n", argv[i], absent);
            free(absent);
            continue;
        }
        if (import_run_report(argv[i], shared, a->data_dir, check, &differs, &name, &summary, &err) != 0) {
            fprintf(stderr, "wrrfig import: %s\n", err.msg);
            failed = 1;
        } else if (check) {
            printf("%s %s (%s)\n%s", differs ? "DIFFERS  " : "unchanged", name, argv[i], differs ? sb_cstr(&summary) : "");
            failed |= differs;
        } else {
            printf("imported %s (%s)\n%s", name, argv[i], sb_cstr(&summary));
        }
        sb_free(&summary);
        free(name);
    }
    return failed ? EXIT_FAILED : EXIT_OK;
}
