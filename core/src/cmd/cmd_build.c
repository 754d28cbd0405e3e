#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "figure/build.h"
#include "figure/cue.h"
#include "figure/renderpool.h"
#include "figure/schedule.h"
#include "cmd/cmd.h"
#include "cmd/options.h"
#include "util/fileio.h"
#include "util/proc.h"
#include "util/strbuf.h"

static int valid_formats(const char *s)
{
    char *d = xstrdup(s), *save = NULL;
    int ok = 1, any = 0;
    for (char *t = strtok_r(d, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        any = 1;
        if (strcmp(t, "svg") && strcmp(t, "pdf") && strcmp(t, "png") && strcmp(t, "png1x"))
            ok = 0;
    }
    free(d);
    return ok && any;
}

typedef struct progress_state {
    int tty, verbose, explain;
} progress_state;

static void on_orphan(void *ud, const char *id)
{
    printf("orphan %s: no such figure; its outputs %s\n", id, *(const bool *)ud ? "are kept (--keep-orphans)" : "were removed");
}

static void on_figure(void *ud, const wf_fig_result *r, size_t done, size_t total)
{
    const progress_state *ps = ud;
    if (ps->explain && (r->up_to_date || r->cue[0]))
        printf("%s: %s%s\n", r->fig->id, r->up_to_date ? "" : "rebuilt: ", r->cue);
    if (r->up_to_date) {
        if (ps->verbose && !ps->explain)
            printf("[%zu/%zu] %s ... up to date\n", done, total, r->fig->id);
    } else if (r->status == WRRFIG_OK) {
        if (ps->tty || ps->verbose)
            printf("[%zu/%zu] %s ... ok %.0f ms\n", done, total, r->fig->id, r->ms);
    } else if (r->status == WRRFIG_NODATA) {
        if (ps->tty || ps->verbose)
            printf("[%zu/%zu] %s ... NO-DATA: %s\n", done, total, r->fig->id, r->reason);
    } else if (r->ms == 0) {
        fprintf(stderr, "wrrfig: %s FAILED: %s\n", r->fig->id, r->reason);
    } else {
        fprintf(stderr, "wrrfig: %s FAILED (plugin %s): %s\n", r->fig->id, r->fig->plugin->name, r->reason);
    }
    /* gnuplot's warnings, tagged with the figure (also in its manifest) */
    if (r->warnings && *r->warnings && r->status == WRRFIG_OK) {
        char *w = xstrdup(r->warnings), *save = NULL;
        for (char *line = strtok_r(w, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
            fprintf(stderr, "wrrfig: [%s] gnuplot: %s\n", r->fig->id, line);
        free(w);
    }
}

static const wf_usage build_usage = {
    "build", "[FIG...]",
    "Builds the named figures (default: all). For each: DIR/FIG.gp (gnuplot script), FIG.csv (the numbers\n"
    "drawn), FIG.json (manifest with inputs and their sha256) and the rendered files. A figure whose input\n"
    "is absent is reported NO-DATA with the table it needs. Incremental: a figure is rebuilt only when a\n"
    "cue changed (an input's content hash, its spec, the plugin's version or build, the gnuplot version,\n"
    "the output options) or an output is missing. A full build removes outputs of figures that no longer\n"
    "exist. The PNG is drawn at twice the canvas size, for screens; png1x writes the same FIG.png at 1x.\n",
    0, -1, NULL};

int cmd_build(wf_app *a, int argc, char **argv)
{
    const char *out = "out", *formats = "svg,pdf,png";
    int jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
    bool no_render = false, verbose = false, quiet = false, explain = false, force = false, keep_orphans = false;
    if (jobs < 1)
        jobs = 1;
    if (jobs > 256)
        jobs = 256;
    const wf_option opts[] = {
        WF_OPT_STRING('o', "out", &out, "DIR", "where the outputs go (default out; created when absent)"),
        WF_OPT_STRING(0, "format", &formats, "LIST", "comma-separated render formats: svg, pdf, png (2x), png1x (default svg,pdf,png)"),
        WF_OPT_INT('j', "jobs", &jobs, "N", 1, 256, "figures built at once (default: the number of cores)"),
        WF_OPT_FLAG(0, "no-render", &no_render, "scripts, CSV and manifests only; gnuplot is not run"),
        WF_OPT_FLAG('v', "verbose", &verbose, "every warning in full"),
        WF_OPT_FLAG('q', "quiet", &quiet, "only failures and the summary"),
        WF_OPT_FLAG(0, "explain", &explain, "print each figure's cue (why it is rebuilt), or 'up to date'"),
        WF_OPT_FLAG(0, "force", &force, "rebuild every figure, whatever its cues"),
        WF_OPT_FLAG(0, "keep-orphans", &keep_orphans, "list, rather than remove, outputs of figures that no longer exist"),
        WF_OPT_END,
    };
    char **want;
    int n_want, rc;
    if (wf_cmd_parse(a, &build_usage, opts, argc, argv, &want, &n_want, &rc) != 0)
        return rc;
    int render = !no_render;
    if (!valid_formats(formats)) {
        fprintf(stderr, "wrrfig build: --format takes a comma-separated list of svg, pdf, png, png1x, got '%s'\n",
                formats);
        free(want);
        return EXIT_USAGE;
    }
    for (int i = 0; i < n_want; i++)
        if (!registry_figure(&a->reg, want[i])) {
            fprintf(stderr, "wrrfig build: no figure '%s' (see wrrfig list)\n", want[i]);
            free(want);
            return EXIT_USAGE;
        }
    wf_error err;
    if (make_dirs(out, &err) != 0) {
        fprintf(stderr, "wrrfig: %s\n", err.msg);
        free(want);
        return EXIT_ENV;
    }
    char *gpver = NULL;
    if (render && !(gpver = gnuplot_version())) {
        fprintf(stderr, "wrrfig: cannot run '%s': install it with: apt-get install gnuplot-nox "
                        "(or build with --no-render)\n", gnuplot_program());
        free(want);
        return EXIT_ENV;
    }
    /* render_spaced is what gnuplot draws (png1x: the PNG at 1x); fmt_spaced
     * names the files, so png1x writes FIG.png like png. */
    char *render_spaced = xstrdup(formats);
    for (char *p = render_spaced; *p; p++)
        if (*p == ',')
            *p = ' ';
    strbuf files = STRBUF_INIT;
    {
        char *tmp = xstrdup(render_spaced), *save = NULL;
        for (char *t = strtok_r(tmp, " ", &save); t; t = strtok_r(NULL, " ", &save))
            sb_printf(&files, "%s%s", files.len ? " " : "", strcmp(t, "png1x") == 0 ? "png" : t);
        free(tmp);
    }
    char *fmt_spaced = sb_take(&files);
    cue_memo memo = {STRSET_INIT, NULL};
    build_opts o = {out, fmt_spaced, render, gpver, !force, &memo, NULL, 0, render_spaced};
    /* One long-lived gnuplot per job slot renders every figure of the slot
     * (figure/renderpool.h); WRRFIG_GNUPLOT_REUSE=0 runs one per figure. */
    const char *reuse = getenv("WRRFIG_GNUPLOT_REUSE");
    if (render && !(reuse && !strcmp(reuse, "0")))
        o.pool = render_pool_new(jobs, a->timeout);

    size_t n = n_want ? (size_t)n_want : a->reg.n_figures;
    const wf_figure **figs = xcalloc(n ? n : 1, sizeof *figs);
    for (size_t i = 0; i < n; i++)
        figs[i] = n_want ? registry_figure(&a->reg, want[i]) : &a->reg.figures[i];
    progress_state ps = {isatty(1), verbose, explain};
    (void)quiet;
    wf_schedule_counts c = wf_schedule_run(a, &o, figs, n, jobs, on_figure, &ps);
    if (!n_want) { /* only a full build knows every figure that exists */
        const char **ids = xcalloc(n ? n : 1, sizeof *ids);
        for (size_t i = 0; i < n; i++)
            ids[i] = figs[i]->id;
        wf_orphans(out, ids, n, !keep_orphans, on_orphan, &keep_orphans);
        free(ids);
    }
    if (ps.tty || verbose || explain || c.failed)
        printf("wrrfig: %zu built, %zu no-data, %zu failed in %.0f ms (output in %s); %zu up to date, %zu rebuilt\n",
               c.ok, c.nodata, c.failed, c.ms, out, c.up_to_date, c.ok + c.nodata + c.failed - c.up_to_date);
    render_pool_free(o.pool);
    cue_memo_free(&memo);
    free(figs);
    free(want);
    free(gpver);
    free(fmt_spaced);
    free(render_spaced);
    return c.failed ? EXIT_FAILED : EXIT_OK;
}
