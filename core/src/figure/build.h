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
    struct wf_render_pool *pool;  /* long-lived gnuplots of the parent (figure/renderpool.h), or NULL */
    int render_fd;                /* in a worker: the channel to ask the parent to render (never 0, which
                                   * is stdin); 0: run gnuplot here */
    const char *render_formats;   /* what gnuplot is asked for: formats, with png as png1x for
                                   * --format png1x (the same FIG.png at 1x); NULL: formats */
    bool latest;                  /* --latest: time series run to the data's last period (figure/period.h) */
    const struct imp_fetch_index *fetch_index; /* what fetch can fill (import/fetchable.h), loaded once per
                                   * build by the caller and borrowed; NULL: each NO-DATA manifest loads it */
} build_opts;

/* figure_build's result when an input (table, geometry, spec) exists but
 * cannot be read: a failure that keeps the previous outputs untouched. */
#define FIGURE_BROKEN_INPUT 3

/* Returns WRRFIG_OK, WRRFIG_NODATA, WRRFIG_ERROR or FIGURE_BROKEN_INPUT;
 * *reason gets a one-line explanation for all but the first. Outputs are
 * staged and renamed into place, the manifest last, only when all are
 * complete. */
int figure_build(const wf_app *a, const wf_figure *f, const build_opts *o, wf_error *reason);

/* Writes <out>/<id>.json for a figure that was not built because an input
 * is absent. */
int figure_write_nodata_manifest(const wf_app *a, const wf_figure *f, const build_opts *o, const char *missing);

/* Writes a manifest with status "failed" and the reason, and removes the
 * outputs of an earlier build, which would otherwise sit beside it. */
int figure_write_failed_manifest(const wf_app *a, const wf_figure *f, const build_opts *o, const char *reason);

/* Runs gnuplot on a script, producing <prefix>.<fmt> for each format, each
 * checked complete (PDF dates normalised). Returns 0, or -1 in *reason with
 * no files left. */
int render_figure(const char *gp_path, const char *prefix, const char *formats, double timeout, wf_error *reason);

/* The checks after a render, shared by both ways of rendering: every
 * <prefix>.<fmt> complete, PDF dates normalised; all removed when anything
 * failed (ok: whether gnuplot itself succeeded). 0 or -1 with *reason. */
int render_finish(const char *prefix, const char *formats, int ok, wf_error *reason);
/* The file extension of a render format: "png1x" (the 1x PNG) writes .png. */
const char *render_ext(const char *fmt);

/* "gnuplot 5.4 patchlevel 4", or NULL when gnuplot cannot be run. Caller frees. */
char *gnuplot_version(void);
/* The gnuplot program: $WRRFIG_GNUPLOT or "gnuplot". */
const char *gnuplot_program(void);

#endif
