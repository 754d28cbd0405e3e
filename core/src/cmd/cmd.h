/* Command entry points. Each takes the arguments after the command name
 * and returns an exit code (app.h). */
#ifndef WF_CLI_H
#define WF_CLI_H

#include "app.h"

int cli_list(wf_app *a, int argc, char **argv);
int cli_build(wf_app *a, int argc, char **argv);
int cli_info(wf_app *a, int argc, char **argv);
/* core/src/cli_import.c: CBS downloads -> data/ tables, as mapping files say. */
int cli_import(wf_app *a, int argc, char **argv);
/* core/src/cmd/cmd_site.c: the static site (core/src/site/). */
int cli_site(wf_app *a, int argc, char **argv);
/* core/src/cli_import_geo.c: GeoJSON -> data/geo/ layer (+ attribute table). */
int cli_import_geo_in(const char *data_dir, int argc, char **argv);

#endif
