/* wrrfig build: checks the environment once, schedules the figures and
 * reports them (cmd/build_report.c). */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* struct winsize, TIOCGWINSZ */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "figure/build.h"
#include "figure/cue.h"
#include "figure/renderpool.h"
#include "figure/schedule.h"
#include "import/fetchable.h"
#include "cmd/cmd.h"
#include "cmd/build_report.h"
#include "cmd/figure_order.h"
#include "cmd/options.h"
#include "util/fileio.h"
#include "util/proc.h"
#include "util/strbuf.h"
#include "util/suggest.h"

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

/* The one check of the environment before any work starts: the output
 * directory is (or can be made) a directory we can write, the data
 * directory exists, and gnuplot runs when rendering. One message naming what
 * is missing and what to do, instead of one failure per figure. */
static int check_environment(const wf_app *a, const char *out, int render, char **gpver)
{
    struct stat st;
    if (stat(out, &st) == 0 && !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "wrrfig build: --out %s exists and is not a directory; give a directory with --out DIR\n",
                out);
        return EXIT_ENV;
    }
    wf_error err;
    if (make_dirs(out, &err) != 0) {
        fprintf(stderr, "wrrfig build: cannot create the output directory (%s); give a writable directory "
                        "with --out DIR\n", err.msg);
        return EXIT_ENV;
    }
    /* access() says yes to root on a read-only mount: try a real file. */
    strbuf probe = STRBUF_INIT;
    sb_printf(&probe, "%s/.wrrfig-write-test.XXXXXX", out);
    int fd = mkstemp(probe.s);
    if (fd < 0) {
        fprintf(stderr, "wrrfig build: cannot write in the output directory %s (%s); give a writable directory "
                        "with --out DIR\n", out, strerror(errno));
        sb_free(&probe);
        return EXIT_ENV;
    }
    close(fd);
    unlink(probe.s);
    sb_free(&probe);
    if (!dir_exists(a->data_dir)) {
        fprintf(stderr, "wrrfig build: the data directory %s does not exist; give one with --data DIR\n",
                a->data_dir);
        return EXIT_ENV;
    }
    if (render && !(*gpver = gnuplot_version())) {
        fprintf(stderr, "wrrfig build: cannot run '%s': install it with: apt-get install gnuplot-nox "
                        "(or build with --no-render)\n", gnuplot_program());
        return EXIT_ENV;
    }
    return 0;
}

/* "no figure 'fig-2.1'; did you mean 'fig-2-1'?" */
static void no_such_figure(const wf_app *a, const char *cmd, const char *id)
{
    const char **ids = xcalloc(a->reg.n_figures + 1, sizeof *ids);
    for (size_t i = 0; i < a->reg.n_figures; i++)
        ids[i] = a->reg.figures[i].id;
    char hint[256];
    wf_suggest_text(id, ids, a->reg.n_figures, hint, sizeof hint);
    fprintf(stderr, "wrrfig %s: no figure '%s'%s (wrrfig list shows them all)\n", cmd, id, hint);
    free(ids);
}

static int terminal_width(void)
{
    struct winsize ws;
    if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *c = getenv("COLUMNS");
    return c && atoi(c) > 0 ? atoi(c) : 80;
}

static bool same_file(int fd1, int fd2)
{
    struct stat a, b;
    return fstat(fd1, &a) == 0 && fstat(fd2, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

typedef struct orphan_ctx {
    build_report *rep;
    bool keep;
} orphan_ctx;

static void on_orphan(void *ud, const char *id)
{
    const orphan_ctx *oc = ud;
    strbuf b = STRBUF_INIT;
    sb_printf(&b, "orphan %s: no such figure; its outputs %s", id, oc->keep ? "are kept (--keep-orphans)" : "were removed");
    build_report_line(oc->rep, b.s);
    sb_free(&b);
}

static const wf_usage build_usage = {
    "build", "[FIG...]",
    "Builds the named figures (default: all). For each: DIR/FIG.gp (gnuplot script), FIG.csv (the numbers\n"
    "drawn), FIG.json (manifest with inputs and their sha256) and the rendered files. A figure whose input\n"
    "is absent is reported NO-DATA with the table it needs. Incremental: a figure is rebuilt only when a\n"
    "cue changed (an input's content hash, its spec, the plugin's version or build, the gnuplot version,\n"
    "the output options) or an output is missing. A full build removes outputs of figures that no longer\n"
    "exist. On a terminal one progress line; otherwise (a log) one line per figure; then a summary. The PNG\n"
    "is drawn at twice the canvas size, for screens; png1x writes the same FIG.png at 1x.\n"
    "Periods: by default a time series shows the report's period, and a figure whose data runs past it\n"
    "says so in a warning and its manifest; --latest extends each to the last period in its data (titles\n"
    "from the spec's {from}/{to} templates). The manifest's \"period\" records what is shown and the mode.\n",
    0, -1, NULL};

int cmd_build(wf_app *a, int argc, char **argv)
{
    const char *out = "out", *formats = "svg,pdf,png";
    int jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
    bool no_render = false, verbose = false, quiet = false, explain = false, force = false, keep_orphans = false,
         latest = false;
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
        WF_OPT_FLAG(0, "latest", &latest, "time series run to the last period in their data, not the report's"),
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
    if (quiet && verbose) {
        fprintf(stderr, "wrrfig build: --quiet and --verbose exclude each other\n");
        free(want);
        return EXIT_USAGE;
    }
    int unknown = 0;
    for (int i = 0; i < n_want; i++)
        if (!registry_figure(&a->reg, want[i])) {
            no_such_figure(a, "build", want[i]);
            unknown = 1;
        }
    if (unknown) {
        free(want);
        return EXIT_USAGE;
    }
    char *gpver = NULL;
    int env = check_environment(a, out, render, &gpver);
    if (env) {
        free(want);
        return env;
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
    /* Every NO-DATA manifest says what fetch can fill: read the mappings
     * once here, not once per figure (22 times) in the workers. */
    imp_fetch_index fetch_index;
    imp_fetch_index_load(a->data_dir, &fetch_index);
    build_opts o = {out, fmt_spaced, render, gpver, !force, &memo, NULL, 0, render_spaced, latest, &fetch_index};
    /* One long-lived gnuplot per job slot renders every figure of the slot
     * (figure/renderpool.h); WRRFIG_GNUPLOT_REUSE=0 runs one per figure. */
    const char *reuse = getenv("WRRFIG_GNUPLOT_REUSE");
    if (render && !(reuse && !strcmp(reuse, "0")))
        o.pool = render_pool_new(jobs, a->timeout);

    size_t n = n_want ? (size_t)n_want : a->reg.n_figures;
    const wf_figure **figs = xcalloc(n ? n : 1, sizeof *figs);
    for (size_t i = 0; i < n; i++)
        figs[i] = n_want ? registry_figure(&a->reg, want[i]) : &a->reg.figures[i];
    if (!n_want)
        wf_sort_figures(figs, n); /* a log of all figures reads in the report's order */
    build_report_opts ro = {0};
    ro.tty = isatty(1) == 1;
    ro.color_out = ro.tty && build_report_color_ok(1);
    ro.color_err = build_report_color_ok(2);
    ro.err_is_out = same_file(1, 2);
    ro.quiet = quiet;
    ro.verbose = verbose;
    ro.width = ro.tty ? terminal_width() : 80;
    ro.out_dir = out;
    ro.app = a;
    ro.explain = explain;
    for (size_t i = 0; i < n; i++)
        if ((int)strlen(figs[i]->id) > ro.id_width)
            ro.id_width = (int)strlen(figs[i]->id);
    build_report *rep = build_report_new(&ro, n);
    wf_schedule_counts c = wf_schedule_run(a, &o, figs, n, jobs, build_report_figure, rep);
    if (!n_want) { /* only a full build knows every figure that exists */
        const char **ids = xcalloc(n ? n : 1, sizeof *ids);
        for (size_t i = 0; i < n; i++)
            ids[i] = figs[i]->id;
        orphan_ctx oc = {rep, keep_orphans};
        wf_orphans(out, ids, n, !keep_orphans, on_orphan, &oc);
        free(ids);
    }
    build_report_summary(rep, &c);
    build_report_free(rep);
    render_pool_free(o.pool);
    cue_memo_free(&memo);
    imp_fetch_index_free(&fetch_index);
    free(figs);
    free(want);
    free(gpver);
    free(fmt_spaced);
    free(render_spaced);
    return c.failed ? EXIT_FAILED : EXIT_OK;
}
