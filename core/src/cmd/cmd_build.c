#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "figure/build.h"
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
    "failed, 2 usage, 3 a plugin was refused, 4 gnuplot missing.\n";

typedef struct job {
    const wf_figure *fig;
    pid_t pid;
    int fd;                 /* read end of the worker's reason pipe */
    double start, deadline;
    strbuf reason;
    int done, status;       /* WRRFIG_OK / NODATA / ERROR */
    double ms;
} job;

static const char *signame(int sig)
{
    switch (sig) {
    case SIGSEGV: return "SIGSEGV (segmentation fault)";
    case SIGABRT: return "SIGABRT (abort)";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    case SIGKILL: return "SIGKILL";
    case SIGILL: return "SIGILL";
    default: return "a signal";
    }
}

static void start_job(const wf_app *a, const build_opts *o, job *j)
{
    int p[2];
    if (pipe(p) != 0) {
        j->done = 1;
        j->status = WRRFIG_ERROR;
        sb_printf(&j->reason, "pipe: %s", strerror(errno));
        return;
    }
    fflush(NULL);
    j->start = now_ms();
    j->deadline = j->start + a->timeout * 1000.0 * (o->render ? 2 : 1);
    pid_t pid = fork();
    if (pid < 0) {
        close(p[0]);
        close(p[1]);
        j->done = 1;
        j->status = WRRFIG_ERROR;
        sb_printf(&j->reason, "fork: %s", strerror(errno));
        return;
    }
    if (pid == 0) {
        worker_default_signals();
        close(p[0]);
        setpgid(0, 0); /* gnuplot joins this group, so a time-out kills both */
        char reason[1024] = "";
        int rc = figure_build(a, j->fig, o, reason, sizeof reason);
        /* The first byte says the build returned normally; a plugin that
         * calls exit() itself never writes it. */
        char mark = rc == WRRFIG_OK ? 'O' : rc == WRRFIG_NODATA ? 'N' : 'E';
        ssize_t w = write(p[1], &mark, 1);
        w = write(p[1], reason, strlen(reason));
        (void)w;
        close(p[1]);
        fflush(NULL);
        _exit(rc);
    }
    setpgid(pid, pid);
    close(p[1]);
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    j->pid = pid;
    j->fd = p[0];
}

static void drain(job *j)
{
    char buf[512];
    ssize_t r;
    while (j->fd >= 0 && (r = read(j->fd, buf, sizeof buf)) > 0)
        sb_add(&j->reason, buf, (size_t)r);
}

static void finish_job(job *j, int st, int timed_out)
{
    drain(j);
    close(j->fd);
    j->fd = -1;
    j->done = 1;
    j->ms = now_ms() - j->start;
    if (timed_out) {
        j->status = WRRFIG_ERROR;
        j->reason.len = 0;
        sb_printf(&j->reason, "killed after the time limit (%.0f ms): the plugin or gnuplot hangs", j->ms);
    } else if (WIFSIGNALED(st)) {
        j->status = WRRFIG_ERROR;
        j->reason.len = 0;
        sb_printf(&j->reason, "crashed: killed by %s", signame(WTERMSIG(st)));
    } else if (j->reason.len == 0 || !strchr("ONE", j->reason.s[0])) {
        j->status = WRRFIG_ERROR;
        j->reason.len = 0;
        sb_printf(&j->reason, "the plugin ended the process itself (exit status %d) before the figure was built",
                  WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    } else {
        char mark = j->reason.s[0];
        j->status = mark == 'O' ? WRRFIG_OK : mark == 'N' ? WRRFIG_NODATA : WRRFIG_ERROR;
        memmove(j->reason.s, j->reason.s + 1, j->reason.len); /* drop the mark, keep the NUL */
        j->reason.len--;
    }
}

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
        if (strcmp(t, "svg") && strcmp(t, "pdf") && strcmp(t, "png"))
            ok = 0;
    }
    free(d);
    return ok && any;
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
        fprintf(stderr, "wrrfig build: --format takes a comma-separated list of svg, pdf, png\n");
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
    job *js = xcalloc(n ? n : 1, sizeof *js);
    for (size_t i = 0; i < n; i++) {
        js[i].fig = n_want ? registry_figure(&a->reg, want[i]) : &a->reg.figures[i];
        js[i].fd = -1;
    }
    int tty = isatty(1);
    size_t finished = 0, next = 0, running = 0, n_ok = 0, n_nodata = 0, n_fail = 0;
    double t0 = now_ms();
    while (finished < n) {
        while (next < n && running < (size_t)jobs) {
            job *j = &js[next++];
            const char *missing = first_missing_input(a, j->fig->inputs);
            if (missing) {
                j->done = 1;
                j->status = WRRFIG_NODATA;
                sb_printf(&j->reason, "input '%s' is absent; needs %s", missing, j->fig->needs);
                figure_write_nodata_manifest(a, j->fig, &o, missing);
            } else {
                start_job(a, &o, j);
                if (!j->done)
                    running++;
            }
            if (j->done) {
                finished++;
                if (j->status == WRRFIG_NODATA) {
                    n_nodata++;
                    if (tty || verbose)
                        printf("[%zu/%zu] %s ... NO-DATA: %s\n", finished, n, j->fig->id, sb_cstr(&j->reason));
                } else {
                    n_fail++;
                    fprintf(stderr, "wrrfig: %s FAILED: %s\n", j->fig->id, sb_cstr(&j->reason));
                }
            }
        }
        if (running == 0)
            continue;
        struct pollfd *pf = xcalloc(n, sizeof *pf);
        nfds_t np = 0;
        for (size_t i = 0; i < next; i++)
            if (!js[i].done && js[i].fd >= 0) {
                pf[np].fd = js[i].fd;
                pf[np].events = POLLIN;
                np++;
            }
        poll(pf, np, 20);
        free(pf);
        for (size_t i = 0; i < next; i++) {
            job *j = &js[i];
            if (j->done)
                continue;
            drain(j);
            int st = 0;
            pid_t r = waitpid(j->pid, &st, WNOHANG);
            int timed_out = 0;
            if (r == 0 && now_ms() > j->deadline) {
                kill(-j->pid, SIGKILL);
                waitpid(j->pid, &st, 0);
                timed_out = 1;
                r = j->pid;
            }
            if (r != j->pid)
                continue;
            finish_job(j, st, timed_out);
            running--;
            finished++;
            if (j->status == WRRFIG_OK) {
                n_ok++;
                if (tty || verbose)
                    printf("[%zu/%zu] %s ... ok %.0f ms\n", finished, n, j->fig->id, j->ms);
            } else if (j->status == WRRFIG_NODATA) {
                n_nodata++;
                if (tty || verbose)
                    printf("[%zu/%zu] %s ... NO-DATA: %s\n", finished, n, j->fig->id, sb_cstr(&j->reason));
            } else {
                n_fail++;
                fprintf(stderr, "wrrfig: %s FAILED (plugin %s): %s\n", j->fig->id, j->fig->plugin->name,
                        sb_cstr(&j->reason));
            }
        }
    }
    if (tty || verbose || n_fail)
        printf("wrrfig: %zu built, %zu no-data, %zu failed in %.0f ms (output in %s)\n", n_ok, n_nodata, n_fail,
               now_ms() - t0, out);
    for (size_t i = 0; i < n; i++)
        sb_free(&js[i].reason);
    free(js);
    free(want);
    free(gpver);
    free(fmt_spaced);
    return n_fail ? EXIT_FAILED : EXIT_OK;
}
