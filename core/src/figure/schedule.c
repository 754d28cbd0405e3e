/* The figure scheduler: one worker process per figure, up to --jobs at
 * once, each with a deadline after which its process group is killed. */
#define _POSIX_C_SOURCE 200809L
#include "figure/schedule.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "figure/cue.h"
#include "util/fileio.h"
#include "util/proc.h"
#include "util/strbuf.h"

typedef struct job {
    const wf_figure *fig;
    pid_t pid;
    int fd;                 /* read end of the worker's reason pipe */
    double start, deadline;
    strbuf reason;
    int done, status;       /* WRRFIG_OK / NODATA / ERROR */
    double ms;
    cue_state cue;          /* incremental rebuild (figure/cue.c) */
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
        wf_error reason = {""};
        int rc = figure_build(a, j->fig, o, &reason);
        /* The first byte says the build returned normally; a plugin that
         * calls exit() itself never writes it. */
        char mark = rc == WRRFIG_OK ? 'O' : rc == WRRFIG_NODATA ? 'N' : 'E';
        ssize_t w = write(p[1], &mark, 1);
        w = write(p[1], reason.msg, strlen(reason.msg));
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

static void report(job *j, size_t done, size_t total, wf_schedule_counts *c, wf_progress_fn progress, void *ud)
{
    cue_finish(&j->cue, j->status);
    c->up_to_date += (size_t)j->cue.up_to_date;
    if (j->status == WRRFIG_OK)
        c->ok++;
    else if (j->status == WRRFIG_NODATA)
        c->nodata++;
    else
        c->failed++;
    if (progress) {
        wf_fig_result r = {j->fig, j->status, sb_cstr(&j->reason), j->ms, j->cue.up_to_date, j->cue.why};
        progress(ud, &r, done, total);
    }
}

wf_schedule_counts wf_schedule_run(const wf_app *a, const build_opts *o, const wf_figure *const *figs, size_t n,
                                   int jobs, wf_progress_fn progress, void *ud)
{
    wf_schedule_counts c = {0, 0, 0, 0, 0};
    if (jobs < 1)
        jobs = 1;
    job *js = xcalloc(n ? n : 1, sizeof *js);
    for (size_t i = 0; i < n; i++) {
        js[i].fig = figs[i];
        js[i].fd = -1;
    }
    size_t finished = 0, next = 0, running = 0;
    double t0 = now_ms();
    while (finished < n) {
        while (next < n && running < (size_t)jobs) {
            job *j = &js[next++];
            const char *missing = first_missing_input(a, j->fig->inputs);
            if (cue_begin(&j->cue, a, o, j->fig, missing != NULL)) {
                j->done = 1; /* up to date: nothing to build */
                j->status = missing ? WRRFIG_NODATA : WRRFIG_OK;
                if (missing)
                    sb_printf(&j->reason, "input '%s' is absent; needs %s", missing, j->fig->needs);
            } else if (missing) {
                j->done = 1;
                j->status = WRRFIG_NODATA;
                sb_printf(&j->reason, "input '%s' is absent; needs %s", missing, j->fig->needs);
                figure_write_nodata_manifest(a, j->fig, o, missing);
            } else {
                start_job(a, o, j);
                if (!j->done)
                    running++;
            }
            if (j->done)
                report(j, ++finished, n, &c, progress, ud);
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
            report(j, ++finished, n, &c, progress, ud);
        }
    }
    c.ms = now_ms() - t0;
    for (size_t i = 0; i < n; i++) {
        sb_free(&js[i].reason);
        cue_state_free(&js[i].cue);
    }
    free(js);
    return c;
}
