/* The figure scheduler: one worker process per figure, up to --jobs at
 * once, each with a deadline after which its process group is killed. */
#define _GNU_SOURCE /* pipe2 */
#include "figure/schedule.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <sys/resource.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "figure/cue.h"
#include "figure/manifest.h"
#include "figure/renderpool.h"
#include "util/fileio.h"
#include "util/proc.h"
#include "util/strbuf.h"
#include "util/text.h"

typedef struct job {
    const wf_figure *fig;
    pid_t pid;
    int fd;                 /* the worker's channel: its frames (and render requests) in, answers out */
    int log_fd;             /* read end of the worker's stderr (plugin warnings) */
    strbuf log;             /* what the worker wrote to stderr, at most LOG_CAP bytes */
    int log_truncated;
    int slot;               /* worker slot: the render pool's gnuplot it uses */
    strbuf gp_messages;     /* gnuplot's warnings for this figure */
    double start, deadline;
    strbuf reason;
    wf_file_id before;      /* the manifest an earlier build left, if any */
    int done, status;       /* WRRFIG_OK / NODATA / ERROR */
    double ms;
    cue_state cue;          /* incremental rebuild (figure/cue.c) */
    const char *missing;    /* the absent input of a NO-DATA figure (fig's string) */
} job;

/* The worker's message: magic, status, length, reason text. Only a
 * well-formed message is read, and it only ever supplies the reason of a
 * failure or NO-DATA: whether a figure is ok is decided from the files on
 * disk (figure_verify), never from bytes a plugin could write. */
#define FRAME_MAGIC "WRFG"
enum { FRAME_HEAD = 4 + 1 + 4 };

/* Set by SIGINT/SIGTERM while a schedule runs: the one mutable global, as a
 * signal handler can reach nothing else. */
static volatile sig_atomic_t interrupted;
static void on_interrupt(int sig) { interrupted = sig; }

static const char *signame(int sig)
{
    switch (sig) {
    case SIGSEGV: return "SIGSEGV (segmentation fault)";
    case SIGABRT: return "SIGABRT (abort)";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    case SIGKILL: return "SIGKILL";
    case SIGILL: return "SIGILL";
    case SIGXCPU: return "SIGXCPU (CPU time limit)";
    default: return "a signal";
    }
}

/* WRRFIG_MEMORY_LIMIT: megabytes of address space per worker (RLIMIT_AS),
 * 0 or unset for none. Sanitizer builds reserve terabytes of shadow address
 * space, so the limit is for production builds. */
static unsigned long memory_limit_mb(void)
{
    const char *e = getenv("WRRFIG_MEMORY_LIMIT");
    if (!e || !*e)
        return 0;
    char *end;
    unsigned long v = strtoul(e, &end, 10);
    return *end || v > (1ul << 30) ? 0 : v;
}

static void worker_limits(const wf_app *a, const build_opts *o)
{
    unsigned long mb = memory_limit_mb();
    if (mb) {
        struct rlimit rl = {(rlim_t)mb << 20, (rlim_t)mb << 20};
        setrlimit(RLIMIT_AS, &rl);
    }
    /* A backstop for the parent's deadline, should the parent be stopped:
     * CPU seconds of the worker (gnuplot has its own). */
    double secs = a->timeout * (o->render ? 2 : 1) + 2;
    if (secs > 0 && secs < 1e6) {
        struct rlimit rl = {(rlim_t)secs, (rlim_t)secs + 1};
        setrlimit(RLIMIT_CPU, &rl);
    }
}

static void send_frame(int fd, int status, const char *reason)
{
    size_t len = strlen(reason);
    unsigned char head[FRAME_HEAD];
    memcpy(head, FRAME_MAGIC, 4);
    head[4] = (unsigned char)status;
    for (int i = 0; i < 4; i++)
        head[5 + i] = (unsigned char)(len >> (8 * i));
    ssize_t w = write(fd, head, sizeof head);
    if (w == (ssize_t)sizeof head)
        w = write(fd, reason, len);
    (void)w;
}

static void start_job(const wf_app *a, const build_opts *o, job *j, int guard[2])
{
    int p[2];
    /* A socket, not a pipe: the worker also asks the parent to render over
     * it and reads the answer (figure/renderpool.h). */
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, p) != 0) {
        j->done = 1;
        j->status = WRRFIG_ERROR;
        sb_printf(&j->reason, "socketpair: %s", strerror(errno));
        return;
    }
    /* The worker's stderr comes to the parent, which prints it above its
     * progress line or per figure and counts known warnings instead of
     * repeating them (cmd/build_report.c). Without the pipe the worker
     * writes to stderr directly. */
    int lp[2];
    if (pipe2(lp, O_CLOEXEC) != 0)
        lp[0] = lp[1] = -1;
    figure_manifest_stat(o->out_dir, j->fig->id, &j->before);
    fflush(NULL);
    j->start = now_ms();
    j->deadline = j->start + a->timeout * 1000.0 * (o->render ? 2 : 1);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        close(p[0]);
        close(p[1]);
        if (lp[0] >= 0) {
            close(lp[0]);
            close(lp[1]);
        }
        j->done = 1;
        j->status = WRRFIG_ERROR;
        sb_printf(&j->reason, "fork: %s", strerror(errno));
        return;
    }
    if (pid == 0) {
        /* Its own group, so a time-out or the end of the build kills the
         * worker, gnuplot and whatever the plugin started; and it dies with
         * the host, so a killed host leaves no worker behind. */
        setpgid(0, 0);
        child_die_with_parent(parent);
        worker_default_signals();
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        /* PR_SET_PDEATHSIG ends the worker alone when the host is killed;
         * the guardian ends what the plugin started in the group too. */
        child_start_group_guard(guard);
        if (lp[1] >= 0)
            dup2(lp[1], 2); /* the copy on 2 is inherited; both pipe ends close below */
        /* Standard output is the host's build log (and a tool's input): a
         * plugin's printf must not write lines there that look like the
         * host's ("[1/1] fig-2-1 ... ok"). It goes with its stderr. */
        dup2(2, 1);
        child_close_fds(p[1]); /* no other job's pipe, no host file */
        worker_limits(a, o);
        wf_error reason = {""};
        build_opts wo = *o;
        wo.render_fd = o->pool ? p[1] : 0;
        int rc = figure_build(a, j->fig, &wo, &reason);
        send_frame(p[1], rc, reason.msg);
        close(p[1]);
        fflush(NULL);
        _exit(rc == WRRFIG_OK ? 0 : 1);
    }
    setpgid(pid, pid);
    close(p[1]);
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    j->pid = pid;
    j->fd = p[0];
    if (lp[0] >= 0) {
        close(lp[1]);
        fcntl(lp[0], F_SETFL, O_NONBLOCK);
    }
    j->log_fd = lp[0];
    /* The slot's gnuplot starts now, after the fork (the worker inherits
     * none of its descriptors), while the worker computes its script. */
    if (o->pool)
        render_pool_warm(o->pool, j->slot);
}

static void drain(job *j)
{
    char buf[512];
    ssize_t r;
    while (j->fd >= 0 && j->reason.len < 65536 && (r = read(j->fd, buf, sizeof buf)) > 0)
        sb_add(&j->reason, buf, (size_t)r);
    /* A plugin that floods stderr must not exhaust the parent: the first
     * LOG_CAP bytes are kept, the rest is read and dropped. */
    enum { LOG_CAP = 64 * 1024 };
    while (j->log_fd >= 0 && (r = read(j->log_fd, buf, sizeof buf)) > 0) {
        if (j->log.len < LOG_CAP)
            sb_add(&j->log, buf, (size_t)r);
        else if (!j->log_truncated) {
            sb_puts(&j->log, "\n[more output of this worker dropped]\n");
            j->log_truncated = 1;
        }
    }
}

/* The worker's frame, if the bytes read are exactly one well-formed frame:
 * its status, and its reason moved to the front of j->reason. -1 if not. */
static int take_frame(job *j)
{
    const unsigned char *b = (const unsigned char *)j->reason.s;
    if (j->reason.len < FRAME_HEAD || memcmp(b, FRAME_MAGIC, 4) != 0 || b[4] > FIGURE_BROKEN_INPUT)
        return -1;
    size_t len = (size_t)b[5] | (size_t)b[6] << 8 | (size_t)b[7] << 16 | (size_t)b[8] << 24;
    if (len != j->reason.len - FRAME_HEAD || memchr(b + FRAME_HEAD, '\0', len))
        return -1;
    int st = b[4];
    memmove(j->reason.s, j->reason.s + FRAME_HEAD, len + 1);
    j->reason.len = len;
    return st;
}

static void set_reason(job *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_reason(job *j, const char *fmt, ...)
{
    j->reason.len = 0;
    if (j->reason.s)
        j->reason.s[0] = '\0';
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&j->reason, fmt, ap);
    va_end(ap);
}

/* b's text with control characters as \xNN, line by line. */
static void terminal_safe(strbuf *b)
{
    if (!b->len)
        return;
    char *safe = text_lines_for_terminal(b->s);
    b->len = 0;
    b->s[0] = '\0';
    sb_puts(b, safe);
    free(safe);
}

static void finish_job(const wf_app *a, const build_opts *o, job *j, int st, int timed_out)
{
    drain(j);
    if (o->pool)
        render_pool_release(o->pool, j->slot, &j->gp_messages);
    close(j->fd);
    j->fd = -1;
    if (j->log_fd >= 0)
        close(j->log_fd);
    j->log_fd = -1;
    j->done = 1;
    j->ms = now_ms() - j->start;
    /* Whatever the plugin started in the worker's group ends with it. */
    kill(-j->pid, SIGKILL);
    int said = take_frame(j);
    int keep = 0;
    j->status = WRRFIG_ERROR;
    if (timed_out) {
        set_reason(j, "killed after the time limit (%.0f ms): the plugin or gnuplot hangs", j->ms);
    } else if (WIFSIGNALED(st)) {
        if (WTERMSIG(st) == SIGXCPU || (WTERMSIG(st) == SIGKILL && j->ms > (j->deadline - j->start)))
            set_reason(j, "killed after the CPU time limit: the plugin or gnuplot hangs");
        else
            set_reason(j, "crashed: killed by %s%s", signame(WTERMSIG(st)),
                       memory_limit_mb() ? " (the memory limit may have been reached)" : "");
    } else if (WIFEXITED(st) && WEXITSTATUS(st) == WF_EXIT_OOM && said < 0) {
        set_reason(j, "out of memory%s", memory_limit_mb() ? " (the worker's memory limit, WRRFIG_MEMORY_LIMIT)" : "");
    } else {
        char why[600] = "";
        int v = figure_verify(o->out_dir, j->fig->id, &j->before, why, sizeof why);
        if (v == WRRFIG_OK && said == WRRFIG_OK && WIFEXITED(st) && WEXITSTATUS(st) == 0) {
            j->status = WRRFIG_OK;
            set_reason(j, "%s", "");
        } else if (v == WRRFIG_OK && said < 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0) {
            /* The plugin closed or scribbled on the pipe, but the host wrote
             * and checked every output. */
            j->status = WRRFIG_OK;
            set_reason(j, "%s", "");
        } else if (v == WRRFIG_NODATA && said == WRRFIG_NODATA) {
            j->status = WRRFIG_NODATA;
        } else if (said == FIGURE_BROKEN_INPUT) {
            keep = 1; /* corrupt data: the previous outputs stay as they were */
        } else if (said == WRRFIG_ERROR) {
            /* the worker's reason stands */
        } else if (said < 0) {
            set_reason(j, "the plugin ended the process itself (exit status %d) before the figure was built",
                       WIFEXITED(st) ? WEXITSTATUS(st) : -1);
        } else {
            set_reason(j, "the worker reported %s, but the host found %s",
                       said == WRRFIG_OK ? "ok" : "no data", why);
        }
    }
    /* The reason (a well-formed frame's, which plugin code can forge) and
     * the worker's stderr are shown on a terminal: control characters as
     * \xNN, so a plugin cannot send escape sequences (clear the screen,
     * set the title). */
    terminal_safe(&j->reason);
    terminal_safe(&j->log);
    if (j->status == WRRFIG_ERROR && !keep)
        figure_write_failed_manifest(a, j->fig, o, sb_cstr(&j->reason));
}

/* Seconds since the epoch when pid started, from /proc; -1 when unknown,
 * -2 when the process has ended (a zombie). */
static double process_start(pid_t pid)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    /* field 22 (starttime, in clock ticks since boot) comes after the
     * command name, which is in parentheses and may hold spaces */
    char *p = strrchr(buf, ')');
    if (p && p[1] == ' ' && (p[2] == 'Z' || p[2] == 'X'))
        return -2; /* a zombie: it has ended, only its parent has not reaped it */
    unsigned long long ticks = 0;
    for (int field = 2; p && field < 22; field++)
        p = strchr(p + 1, ' ');
    if (!p || sscanf(p + 1, "%llu", &ticks) != 1)
        return -1;
    f = fopen("/proc/stat", "r");
    if (!f)
        return -1;
    unsigned long long btime = 0;
    char line[256];
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "btime %llu", &btime) == 1)
            break;
    fclose(f);
    long hz = sysconf(_SC_CLK_TCK);
    return btime && hz > 0 ? (double)btime + (double)ticks / (double)hz : -1;
}

/* Whether the temporary at path, named for pid, may still be in use: its
 * process runs (not a zombie), started before the file was last written,
 * and is a wrrfig. Otherwise the pid was reused and the file is not its. */
static bool temp_in_use(const char *path, pid_t pid)
{
    if (kill(pid, 0) != 0 && errno == ESRCH)
        return false;
    struct stat st;
    double started = process_start(pid);
    if (started == -2)
        return false;
    if (started < 0 || stat(path, &st) != 0)
        return true; /* cannot tell: keep it */
    /* a second of slack for the clocks' different resolutions */
    if (started > (double)st.st_mtim.tv_sec + 1.0)
        return false;
    /* temporaries are written by wrrfig processes only: a pid another
     * program holds now is a reused one */
    char self[PATH_MAX], other[PATH_MAX], link[64];
    snprintf(link, sizeof link, "/proc/%ld/exe", (long)pid);
    ssize_t a = readlink("/proc/self/exe", self, sizeof self - 1), b = readlink(link, other, sizeof other - 1);
    if (a <= 0 || b <= 0)
        return true; /* cannot tell: keep it */
    self[a] = other[b] = '\0';
    return strcmp(self, other) == 0;
}

/* Removes temporaries that a killed build left in out_dir: files named
 * ".<name>.<pid>[.<n>].tmp..." (atomic writes) or ".<id>.render.<pid>..."
 * (renders) whose process no longer runs. */
static void clean_stale_temps(const char *out_dir)
{
    DIR *d = opendir(out_dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *nm = e->d_name;
        if (nm[0] != '.')
            continue;
        long pid = -1;
        const char *r = strstr(nm, ".render.");
        const char *t = strstr(nm, ".tmp");
        if (r) {
            pid = strtol(r + 8, NULL, 10);
        } else if (t && t > nm) {
            /* ".<base>.<pid>.tmp" or ".<base>.<pid>.<k>.tmp": walk back over
             * one or two numbers; the pid is the first of them. */
            const char *q = t - 1, *num[2] = {NULL, NULL};
            int found = 0;
            while (found < 2) {
                const char *stop = q;
                while (q > nm && *q >= '0' && *q <= '9')
                    q--;
                if (q == stop || *q != '.' || q == nm)
                    break;
                num[found++] = q + 1;
                q--;
            }
            if (found == 0)
                continue;
            pid = strtol(num[found - 1], NULL, 10);
        }
        if (pid <= 0)
            continue;
        strbuf p = STRBUF_INIT;
        sb_printf(&p, "%s/%s", out_dir, nm);
        if (!temp_in_use(p.s, (pid_t)pid))
            unlink(p.s);
        sb_free(&p);
    }
    closedir(d);
}

/* Ends the processes plugins left outside their groups (strays_adopt),
 * keeping the render pool's gnuplots, which lead groups of their own. */
static void end_strays(const build_opts *o)
{
    pid_t keep[256]; /* one gnuplot per slot, --jobs at most 256 (cmd_build.c) */
    size_t n = o->pool ? render_pool_pids(o->pool, keep, sizeof keep / sizeof *keep) : 0;
    strays_end(keep, n);
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
        wf_fig_result r = {j->fig, j->status, sb_cstr(&j->reason), j->ms, j->cue.up_to_date, j->cue.why,
                           sb_cstr(&j->gp_messages), sb_cstr(&j->log), j->missing};
        progress(ud, &r, done, total);
    }
}

/* A slot no running job holds (there is one: at most `jobs` run). */
static int free_slot(const job *js, size_t n, int jobs)
{
    for (int k = 0; k < jobs; k++) {
        bool used = false;
        for (size_t i = 0; i < n && !used; i++)
            used = js[i].pid > 0 && !js[i].done && js[i].slot == k;
        if (!used)
            return k;
    }
    return 0;
}

/* What a figure is likely to cost: the bytes its previous build left (its
 * script and rendered files; rendering, mostly PNG encoding, grows with
 * them). 0 when there are none. */
static double estimated_cost(const char *out_dir, const char *id)
{
    static const char *const ext[] = {"gp", "svg", "pdf", "png"};
    double bytes = 0;
    for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
        strbuf p = STRBUF_INIT;
        sb_printf(&p, "%s/%s.%s", out_dir, id, ext[i]);
        struct stat st;
        if (stat(p.s, &st) == 0 && S_ISREG(st.st_mode))
            bytes += (double)st.st_size;
        sb_free(&p);
    }
    return bytes;
}

typedef struct {
    size_t i;
    double cost;
} start_order;

/* Costliest first, then in the given order (qsort is not stable). */
static int by_cost(const void *x, const void *y)
{
    const start_order *a = x, *b = y;
    if (a->cost != b->cost)
        return a->cost > b->cost ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
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
        js[i].log_fd = -1;
    }
    /* The longest figures start first: a long one started last keeps one
     * core busy while the others are idle, and the build waits for it.
     * Outputs and the log do not depend on the order. */
    start_order *order = xcalloc(n ? n : 1, sizeof *order);
    for (size_t i = 0; i < n; i++) {
        order[i].i = i;
        order[i].cost = jobs > 1 ? estimated_cost(o->out_dir, figs[i]->id) : 0;
    }
    qsort(order, n, sizeof *order, by_cost);
    /* A figure with an absent input needs no worker: the parent writes its
     * NO-DATA manifest. Those go right after the first `jobs` figures, so
     * the parent writes them while the first workers run instead of
     * between two figures later, when a free slot would wait for it. */
    for (size_t i = 0; i < n; i++)
        js[i].missing = first_missing_input(a, figs[i]->inputs);
    {
        start_order *o2 = xcalloc(n ? n : 1, sizeof *o2);
        bool *taken = xcalloc(n ? n : 1, sizeof *taken);
        size_t k = 0, first = 0;
        for (size_t i = 0; i < n && first < (size_t)jobs; i++)
            if (!js[order[i].i].missing) {
                o2[k++] = order[i];
                taken[i] = true;
                first++;
            }
        for (size_t i = 0; i < n; i++)
            if (js[order[i].i].missing)
                o2[k++] = order[i];
        for (size_t i = 0; i < n; i++)
            if (!js[order[i].i].missing && !taken[i])
                o2[k++] = order[i];
        free(taken);
        free(order);
        order = o2;
    }
    size_t finished = 0, next = 0, running = 0;
    double t0 = now_ms();
    /* Open while this schedule runs; each worker's guardian reads it. */
    int guard[2] = {-1, -1};
    if (group_guard_pipe(guard) != 0)
        guard[0] = guard[1] = -1;
    /* What a plugin moved out of its worker's group comes back here when
     * its parent ends, and is ended with the run (strays_end). */
    strays_adopt();
    clean_stale_temps(o->out_dir);
    /* Ctrl-C reaches the host only (workers have their own groups): it ends
     * every worker group, then the host, with the same signal. */
    struct sigaction sa, old_int, old_term;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    interrupted = 0;
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    while (finished < n && !interrupted) {
        while (next < n && !interrupted) {
            job *j = &js[order[next].i];
            if (!j->missing && running >= (size_t)jobs)
                break; /* needs a worker, and every slot is busy */
            next++;
            const char *missing = j->missing;
            if (cue_begin(&j->cue, a, o, j->fig, missing != NULL)) {
                j->done = 1; /* up to date: nothing to build */
                j->status = missing ? WRRFIG_NODATA : WRRFIG_OK;
                j->missing = missing;
                if (missing)
                    sb_printf(&j->reason, "input '%s' is absent; needs %s", missing, j->fig->needs);
            } else if (missing) {
                j->done = 1;
                j->status = WRRFIG_NODATA;
                sb_printf(&j->reason, "input '%s' is absent; needs %s", missing, j->fig->needs);
                j->missing = missing;
                figure_write_nodata_manifest(a, j->fig, o, missing);
            } else {
                j->slot = free_slot(js, n, jobs);
                start_job(a, o, j, guard);
                if (!j->done)
                    running++;
            }
            if (j->done)
                report(j, ++finished, n, &c, progress, ud);
        }
        if (running == 0)
            continue;
        struct pollfd *pf = xcalloc(3 * n, sizeof *pf);
        nfds_t np = 0;
        for (size_t i = 0; i < n; i++)
            if (!js[i].done && js[i].fd >= 0) {
                pf[np].fd = js[i].fd;
                pf[np].events = POLLIN;
                np++;
                if (js[i].log_fd >= 0) {
                    pf[np].fd = js[i].log_fd;
                    pf[np].events = POLLIN;
                    np++;
                }
                int gfd = o->pool ? render_pool_fd(o->pool, js[i].slot) : -1;
                if (gfd >= 0) {
                    pf[np].fd = gfd;
                    pf[np].events = POLLIN;
                    np++;
                }
            }
        poll(pf, np, 20);
        free(pf);
        for (size_t i = 0; i < n; i++) {
            job *j = &js[i];
            if (j->done || j->pid <= 0) /* finished, or not started */
                continue;
            drain(j);
            if (o->pool) {
                render_pool_take_request(o->pool, j->slot, &j->reason, o->out_dir, j->fig->id, j->fd);
                render_pool_step(o->pool, j->slot);
            }
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
            finish_job(a, o, j, st, timed_out);
            running--;
            report(j, ++finished, n, &c, progress, ud);
        }
    }
    if (interrupted) {
        for (size_t i = 0; i < n; i++)
            if (!js[i].done && js[i].pid > 0) {
                kill(-js[i].pid, SIGKILL);
                waitpid(js[i].pid, NULL, 0);
                close(js[i].fd);
                if (js[i].log_fd >= 0)
                    close(js[i].log_fd);
            }
        end_strays(o);
        clean_stale_temps(o->out_dir);
        int sig = interrupted;
        sigaction(SIGINT, &old_int, NULL);
        sigaction(SIGTERM, &old_term, NULL);
        fflush(NULL);
        raise(sig);
        _exit(128 + sig); /* a handler the caller installed returned */
    }
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    if (guard[0] >= 0) {
        close(guard[0]);
        close(guard[1]);
    }
    end_strays(o);
    /* Again at the end: a worker of a killed build may still have been
     * dying (and writing) when this build started. */
    clean_stale_temps(o->out_dir);
    c.ms = now_ms() - t0;
    for (size_t i = 0; i < n; i++) {
        sb_free(&js[i].reason);
        sb_free(&js[i].gp_messages);
        sb_free(&js[i].log);
        cue_state_free(&js[i].cue);
    }
    free(js);
    free(order);
    return c;
}
