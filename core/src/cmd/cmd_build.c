#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "figure/build.h"
#include "figure/schedule.h"
#include "cmd/cmd.h"
#include "util/fileio.h"
#include "util/proc.h"
#include "util/strbuf.h"

static const char build_usage[] =
    "usage: wrrfig build [FIG...] [--out DIR] [--format svg,pdf,png] [--lang nl|en] [--jobs N]\n"
    "                    [--timeout SECONDS] [--no-render] [--verbose]\n"
    "Builds the named figures (default: all). For each: DIR/FIG.gp (gnuplot script), FIG.csv (the numbers\n"
    "drawn), FIG.json (manifest with inputs and their sha256) and the rendered files. A figure whose input\n"
    "is absent is reported NO-DATA with the table it needs. Exit status: 0 all built or NO-DATA, 1 a figure\n"
    "failed, 2 usage, 3 a plugin was refused, 4 gnuplot missing. The PNG is 2x the canvas (for screens);\n"
    "--format png1x writes FIG.png at 1x.\n";

static int parse_jobs(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    return (*end || v < 1 || v > 256) ? -1 : (int)v;
}

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
    int tty, verbose;
} progress_state;

static void on_figure(void *ud, const wf_fig_result *r, size_t done, size_t total)
{
    const progress_state *ps = ud;
    if (r->status == WRRFIG_OK) {
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
}

int cli_build(wf_app *a, int argc, char **argv)
{
    const char *out = "out", *formats = "svg,pdf,png";
    int jobs = (int)sysconf(_SC_NPROCESSORS_ONLN), render = 1, verbose = 0;
    const char **want = xcalloc((size_t)argc + 1, sizeof *want);
    size_t n_want = 0;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
            fputs(build_usage, stdout);
            free(want);
            return EXIT_OK;
        } else if (!strcmp(arg, "--out") && i + 1 < argc)
            out = argv[++i];
        else if (!strcmp(arg, "--format") && i + 1 < argc)
            formats = argv[++i];
        else if (!strcmp(arg, "--jobs") && i + 1 < argc) {
            if ((jobs = parse_jobs(argv[++i])) < 0) {
                fprintf(stderr, "wrrfig build: --jobs takes a number from 1 to 256\n");
                free(want);
                return EXIT_USAGE;
            }
        } else if (!strcmp(arg, "--no-render"))
            render = 0;
        else if (!strcmp(arg, "--verbose") || !strcmp(arg, "-v"))
            verbose = 1;
        else if (arg[0] == '-') {
            fprintf(stderr, "wrrfig build: unknown option %s\n%s", arg, build_usage);
            free(want);
            return EXIT_USAGE;
        } else
            want[n_want++] = arg;
    }
    if (!valid_formats(formats)) {
        fprintf(stderr, "wrrfig build: --format takes a comma-separated list of svg, pdf, png (2x), png1x\n");
        free(want);
        return EXIT_USAGE;
    }
    if (jobs < 1)
        jobs = 1;
    for (size_t i = 0; i < n_want; i++)
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
    char *fmt_spaced = xstrdup(formats);
    for (char *p = fmt_spaced; *p; p++)
        if (*p == ',')
            *p = ' ';
    build_opts o = {out, fmt_spaced, render, gpver};

    size_t n = n_want ? n_want : a->reg.n_figures;
    const wf_figure **figs = xcalloc(n ? n : 1, sizeof *figs);
    for (size_t i = 0; i < n; i++)
        figs[i] = n_want ? registry_figure(&a->reg, want[i]) : &a->reg.figures[i];
    progress_state ps = {isatty(1), verbose};
    wf_schedule_counts c = wf_schedule_run(a, &o, figs, n, jobs, on_figure, &ps);
    if (ps.tty || verbose || c.failed)
        printf("wrrfig: %zu built, %zu no-data, %zu failed in %.0f ms (output in %s)\n", c.ok, c.nodata, c.failed,
               c.ms, out);
    free(figs);
    free(want);
    free(gpver);
    free(fmt_spaced);
    return c.failed ? EXIT_FAILED : EXIT_OK;
}
