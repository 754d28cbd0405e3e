/* Building one figure: runs the plugin's build callback, writes the script,
 * the CSV and the manifest (atomically), then renders with gnuplot. Called
 * in a worker process, so a plugin that crashes takes only that figure. */
#ifndef WF_BUILD_H
#define WF_BUILD_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"

typedef struct build_opts {
    const char *out_dir;
    const char *formats;          /* space-separated: "svg pdf png" */
    bool render;                   /* 0 with --no-render */
    const char *gnuplot_version;  /* recorded in manifests */
    int incremental;              /* skip figures whose cues are unchanged (figure/cue.h); 0 with --force */
    struct cue_memo *memo;        /* file hashes computed once per build (figure/cue.h), or NULL */
} build_opts;

/* Returns WRRFIG_OK, WRRFIG_NODATA or WRRFIG_ERROR; *reason gets a one-line
 * explanation for the last two. */
int figure_build(const wf_app *a, const wf_figure *f, const build_opts *o, wf_error *reason);

/* Writes <out>/<id>.json for a figure that was not built because an input
 * is absent. */
int figure_write_nodata_manifest(const wf_app *a, const wf_figure *f, const build_opts *o, const char *missing);

/* Runs gnuplot on a script, producing <out>/<id>.<fmt> for each format via
 * temporary files. Returns 0, or -1 in *reason. */
int render_figure(const char *gp_path, const char *out_dir, const char *id, const char *formats,
                  double timeout, wf_error *reason);

/* "gnuplot 5.4 patchlevel 4", or NULL when gnuplot cannot be run. Caller frees. */
char *gnuplot_version(void);
/* The gnuplot program: $WRRFIG_GNUPLOT or "gnuplot". */
const char *gnuplot_program(void);

#endif
