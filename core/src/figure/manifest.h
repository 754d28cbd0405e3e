/* Figure manifests (<out>/<id>.json). */
#ifndef WF_MANIFEST_H
#define WF_MANIFEST_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "figure/build.h"
#include "host/ctx.h"

/* "<dir>/<id>.<ext>"; caller frees. */
char *figure_out_path(const char *dir, const char *id, const char *ext);

/* j as pretty JSON plus a newline; caller frees. */
char *figure_json_text(cJSON *j);

/* Identity of a manifest file, to tell a manifest the worker wrote from the
 * one an earlier build left. */
typedef struct wf_file_id {
    bool exists;
    unsigned long long dev, ino;
    long long mtime_ns;
} wf_file_id;
int figure_manifest_stat(const char *out_dir, const char *id, wf_file_id *fid);

/* What the host verified after a worker ended: WRRFIG_OK when a fresh
 * manifest (not `before`) says ok and every output it lists exists and is
 * non-empty (renders were checked complete before they were renamed),
 * WRRFIG_NODATA for a fresh no-data manifest, else -1 with why. Nothing a
 * plugin writes to a pipe decides this. */
int figure_verify(const char *out_dir, const char *id, const wf_file_id *before, char *why, size_t n);

/* Writes j as pretty JSON plus a newline, atomically. 0 or -1 with err. */
int figure_write_json(const char *path, cJSON *j, wf_error *err);

/* The manifest of a built figure (caller deletes). title is the title drawn. */
cJSON *figure_manifest(const wf_app *a, const wf_figure *f, const build_opts *o, wrrfig_ctx *c, const char *title);

#endif
