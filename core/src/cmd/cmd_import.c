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
    "into <data>/<table>.csv and <table>.meta.json (written atomically).\n"
    "  --check   write nothing; exit 1 if a re-import would change any file (determinism / staleness check)\n";

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
        char *name = NULL;
        if (import_run(argv[i], shared, a->data_dir, check, &differs, &name, &err) != 0) {
            fprintf(stderr, "wrrfig import: %s\n", err.msg);
            failed = 1;
        } else if (check) {
            printf("%s %s (%s)\n", differs ? "DIFFERS  " : "unchanged", name, argv[i]);
            failed |= differs;
        } else {
            printf("imported %s (%s)\n", name, argv[i]);
        }
        free(name);
    }
    return failed ? EXIT_FAILED : EXIT_OK;
}
