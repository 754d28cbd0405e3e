/* Figure manifests (<out>/<id>.json). */
#ifndef WF_MANIFEST_H
#define WF_MANIFEST_H

#include <cjson/cJSON.h>

#include "figure/build.h"
#include "host/ctx.h"

/* "<dir>/<id>.<ext>"; caller frees. */
char *figure_out_path(const char *dir, const char *id, const char *ext);

/* Writes j as pretty JSON plus a newline, atomically. 0 or -1 with err. */
int figure_write_json(const char *path, cJSON *j, wf_error *err);

/* The manifest of a built figure (caller deletes). title is the title drawn. */
cJSON *figure_manifest(const wf_app *a, const wf_figure *f, const build_opts *o, wrrfig_ctx *c, const char *title);

#endif
