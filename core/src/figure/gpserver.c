#define _GNU_SOURCE /* pipe2 */
#include "figure/gpserver.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "figure/build.h"
#include "figure/gpwrite.h"
#include "util/fdio.h"
#include "util/path.h"
#include "util/proc.h"
#include "util/text.h"

struct wf_gpserver {
    pid_t pid;
    int in;              /* gnuplot's stdin (write end) */
    int err;             /* gnuplot's stderr (read end, non-blocking) */
    char nonce[48];      /* "WRRFIG-<pid>-<n>": marks the server's own lines */
    unsigned long seq;   /* requests sent */
    bool busy;
    strbuf pending;      /* bytes read but not yet a whole line */
    strbuf msgs;         /* lines of the pending request, at most MSGS_CAP bytes */
    bool msgs_cut;       /* lines were dropped beyond MSGS_CAP */
    char *script;        /* of the pending request, as gnuplot quotes it in messages */
    char *shown_as;      /* ... and the name to show instead */
    char *version;
    bool ready;          /* the version answer arrived (gpserver_await) */
    char *prog;          /* the program started, for messages */
    pid_t group;         /* gnuplot's process group (its pid), kept after it died */
    int guard[2];        /* the group's guard (util/proc.h), open while it runs */
};

/* gnuplot's messages kept per request. A script that prints in a loop
 * (plugin code writes the script) grew the host's memory by 166 MB per
 * million lines, and the answer to the worker beyond its frame limit failed
 * the figure; the first MSGS_CAP bytes say what went wrong. */
enum { MSGS_CAP = 64 * 1024 };

/* Everything between two scripts that makes gnuplot's state that of a
 * fresh process (see gpserver.h). */
static const char reset_cmds[] = "reset session\n"
                                 "set terminal svg\n"
                                 "set output '/dev/null'\n"
                                 "clear\n"
                                 "set output\n"
                                 "reset session\n"
                                 "reset errors\n";

const char *gpserver_version(const wf_gpserver *s) { return s->version ? s->version : ""; }
pid_t gpserver_pid(const wf_gpserver *s) { return s && s->pid > 0 ? s->pid : 0; }
int gpserver_fd(const wf_gpserver *s) { return s->err; }
bool gpserver_busy(const wf_gpserver *s) { return s->busy; }

/* Handles one whole line: a sentinel of this server, or a message. Returns
 * 1 for the sentinel of the pending request (*errno_out set), 0 otherwise. */
static int take_line(wf_gpserver *s, const char *line, long *errno_out, char *version_out, size_t vn)
{
    size_t nl = strlen(s->nonce);
    if (!strncmp(line, s->nonce, nl) && line[nl] == ' ') {
        const char *rest = line + nl + 1;
        unsigned long seq = 0;
        long e = 0;
        if (!strncmp(rest, "VERSION ", 8)) {
            if (version_out)
                snprintf(version_out, vn, "%s", rest + 8);
            return 1;
        }
        if (sscanf(rest, "DONE %lu %ld", &seq, &e) == 2 && seq == s->seq) {
            *errno_out = e;
            return 1;
        }
    }
    /* gnuplot echoes a failing command line and marks it with a caret; keep
     * only lines with words in them. */
    const char *p = line;
    while (*p == ' ' || *p == '\t' || *p == '^')
        p++;
    if (*p && s->msgs.len >= MSGS_CAP) {
        if (!s->msgs_cut)
            sb_puts(&s->msgs, "[more gnuplot messages dropped]\n");
        s->msgs_cut = true;
    } else if (*p) {
        /* Leading blanks are gnuplot's indentation. The script's path (a
         * temporary file, with a pid in it) becomes the name it is shown as:
         * "\"/out/.fig-1-2.gp.123.1.tmp\" line 58: warning: ..." */
        const char *t = line;
        while (*t == ' ' || *t == '\t')
            t++;
        /* gnuplot prints what the script says (plugin code writes it):
         * control characters as \xNN, for the terminal and the manifest */
        size_t sn = 8 * strlen(t) + 8;
        char *safe = xmalloc(sn);
        text_for_terminal(t, safe, sn);
        t = safe;
        strbuf q = STRBUF_INIT;
        if (s->script && s->shown_as)
            sb_printf(&q, "\"%s\"", s->script);
        const char *at = q.len ? strstr(t, q.s) : NULL;
        if (at)
            sb_printf(&s->msgs, "%.*s\"%s\"%s\n", (int)(at - t), t, s->shown_as, at + q.len);
        else
            sb_printf(&s->msgs, "%s\n", t);
        sb_free(&q);
        free(safe);
    }
    return 0;
}

/* Reads what is there. Returns 1 when the sentinel arrived, 0 when not yet,
 * -1 when gnuplot closed its stderr (it died). */
static int read_some(wf_gpserver *s, long *errno_out, char *version_out, size_t vn)
{
    char buf[4096];
    for (;;) {
        ssize_t r = read(s->err, buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return 0;
        if (r <= 0)
            return -1;
        sb_add(&s->pending, buf, (size_t)r);
        if (s->pending.len > MSGS_CAP && !memchr(s->pending.s, '\n', s->pending.len)) {
            /* one endless line: never a sentinel (those start a line) */
            take_line(s, "[a line of more than 64 KB dropped]", errno_out, version_out, vn);
            s->pending.len = 0;
            s->pending.s[0] = '\0';
        }
        for (;;) {
            char *nl = memchr(s->pending.s, '\n', s->pending.len);
            if (!nl)
                break;
            *nl = '\0';
            size_t used = (size_t)(nl - s->pending.s) + 1;
            char *line = xstrdup(s->pending.s);
            memmove(s->pending.s, s->pending.s + used, s->pending.len - used + 1);
            s->pending.len -= used;
            int done = take_line(s, line, errno_out, version_out, vn);
            free(line);
            if (done)
                return 1;
        }
    }
}

/* Waits for the sentinel at most timeout seconds. 1 done, 0 time-out, -1 died. */
static int wait_done(wf_gpserver *s, double timeout, long *errno_out, char *version_out, size_t vn)
{
    double deadline = now_ms() + timeout * 1000.0;
    for (;;) {
        int r = read_some(s, errno_out, version_out, vn);
        if (r != 0)
            return r;
        double left = deadline - now_ms();
        if (left <= 0)
            return 0;
        struct pollfd pf = {s->err, POLLIN, 0};
        int pr = poll(&pf, 1, left > 1e6 ? 1000000 : (int)left + 1);
        if (pr < 0 && errno != EINTR)
            return -1;
    }
}

char *gpserver_png_encoder(void)
{
    const char *off = getenv("WRRFIG_FAST_PNG");
    if (off && strcmp(off, "0") == 0)
        return NULL;
    char *exe = path_exe_dir();
    if (!exe)
        return NULL;
    strbuf p = STRBUF_INIT;
    sb_printf(&p, "%s/../lib/wrrfig/gp-pngenc.so", exe);
    free(exe);
    /* LD_PRELOAD splits its list at blanks and colons */
    if (access(p.s, R_OK) != 0 || strpbrk(p.s, " :\t\n")) {
        sb_free(&p);
        return NULL;
    }
    return sb_take(&p);
}

wf_gpserver *gpserver_launch(wf_error *err)
{
    int in[2], er[2];
    if (pipe2(in, O_CLOEXEC) != 0)
        return wf_errorf(err, "pipe: %s", strerror(errno)), NULL;
    if (pipe2(er, O_CLOEXEC) != 0) {
        close(in[0]);
        close(in[1]);
        return wf_errorf(err, "pipe: %s", strerror(errno)), NULL;
    }
    /* Reproducible-builds convention, as for a single render. */
    if (!getenv("SOURCE_DATE_EPOCH"))
        setenv("SOURCE_DATE_EPOCH", "0", 0);
    /* gnuplot's PNGs through wrrfig's encoder: the same bytes in less time
     * (core/preload/gp_pngenc.c). Set in the child only. */
    char *enc = gpserver_png_encoder();
    strbuf preload = STRBUF_INIT;
    if (enc) {
        const char *old = getenv("LD_PRELOAD");
        sb_printf(&preload, "%s%s%s", old && *old ? old : "", old && *old ? ":" : "", enc);
        free(enc);
    }
    /* gnuplot leads its own group with a guardian in it: what a script
     * starts (system('sleep 60 &')) is killed with the group when the
     * server stops, or when the host dies however it dies. In the host's
     * group, such a process outlived the build. */
    int guard[2] = {-1, -1};
    if (group_guard_pipe(guard) != 0)
        guard[0] = guard[1] = -1;
    pid_t parent = getpid();
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        if (guard[0] >= 0) {
            close(guard[0]);
            close(guard[1]);
        }
        sb_free(&preload);
        close(in[0]);
        close(in[1]);
        close(er[0]);
        close(er[1]);
        return wf_errorf(err, "fork: %s", strerror(errno)), NULL;
    }
    if (pid == 0) {
        /* gnuplot dies with the build, even when the build is SIGKILLed. */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(127);
        setpgid(0, 0);
        child_start_group_guard(guard);
        int devnull = open("/dev/null", O_WRONLY);
        dup2(in[0], 0);
        dup2(devnull >= 0 ? devnull : er[1], 1);
        dup2(er[1], 2);
        if (preload.len)
            setenv("LD_PRELOAD", preload.s, 1);
        const char *prog = gnuplot_program();
        execlp(prog, prog, (char *)NULL);
        _exit(127);
    }
    sb_free(&preload);
    setpgid(pid, pid); /* before any kill(-pid): whichever of the two runs first */
    close(in[0]);
    close(er[1]);
    /* A dead gnuplot must not kill the build with SIGPIPE. */
    signal(SIGPIPE, SIG_IGN);
    fcntl(er[0], F_SETFL, fcntl(er[0], F_GETFL) | O_NONBLOCK);
    wf_gpserver *s = xcalloc(1, sizeof *s);
    s->prog = xstrdup(gnuplot_program());
    s->pid = pid;
    s->group = pid;
    s->guard[0] = guard[0];
    s->guard[1] = guard[1];
    s->in = in[1];
    s->err = er[0];
    static const char hex[] = "0123456789abcdef";
    unsigned long long mix = (unsigned long long)now_ms() * 1000003ULL ^ (unsigned long long)pid << 20;
    char tag[17];
    for (int i = 0; i < 16; i++, mix >>= 4)
        tag[i] = hex[mix & 15];
    tag[16] = '\0';
    snprintf(s->nonce, sizeof s->nonce, "WRRFIG-%ld-%s", (long)pid, tag);
    strbuf cmd = STRBUF_INIT;
    sb_printf(&cmd, "set print\nprint sprintf('%s VERSION gnuplot %%s patchlevel %%s', "
                    "gprintf('%%g', GPVAL_VERSION), GPVAL_PATCHLEVEL)\n",
              s->nonce);
    /* A gnuplot that could not be started closes the pipe at once; writing
     * may still succeed (the pipe buffers it), so only the answer counts
     * (gpserver_await). */
    int w = fd_write_all(s->in, cmd.s, cmd.len, FDIO_FOREVER, "gnuplot: cannot send commands", NULL);
    sb_free(&cmd);
    if (w != 0) {
        wf_errorf(err, "cannot run %s (install gnuplot: apt-get install gnuplot-nox)", s->prog);
        gpserver_stop(s);
        return NULL;
    }
    return s;
}

int gpserver_await(wf_gpserver *s, double timeout, wf_error *err)
{
    if (s->ready)
        return 0;
    char version[128] = "";
    long e = 0;
    int r = wait_done(s, timeout, &e, version, sizeof version);
    if (r != 1 || !version[0]) {
        if (r == 0)
            return wf_errorf(err, "%s did not answer within %.0f s", s->prog, timeout);
        return wf_errorf(err, "cannot run %s (install gnuplot: apt-get install gnuplot-nox)", s->prog);
    }
    s->version = xstrdup(version);
    s->msgs.len = 0;
    s->msgs_cut = false;
    if (s->msgs.s)
        s->msgs.s[0] = '\0';
    s->ready = true;
    return 0;
}

wf_gpserver *gpserver_start(double timeout, wf_error *err)
{
    wf_gpserver *s = gpserver_launch(err);
    if (s && gpserver_await(s, timeout, err) != 0) {
        gpserver_stop(s);
        return NULL;
    }
    return s;
}

int gpserver_submit(wf_gpserver *s, const char *script, const char *shown_as, const char *formats,
                    const char *prefix, wf_error *err)
{
    if (s->busy)
        return wf_errorf(err, "gnuplot server: a request is already pending");
    if (!s->ready)
        return wf_errorf(err, "gnuplot server: not started (gpserver_await first)");
    free(s->script);
    free(s->shown_as);
    s->script = xstrdup(script);
    s->shown_as = shown_as ? xstrdup(shown_as) : NULL;
    s->seq++;
    s->msgs.len = 0;
    s->msgs_cut = false;
    if (s->msgs.s)
        s->msgs.s[0] = '\0';
    strbuf cmd = STRBUF_INIT;
    sb_puts(&cmd, reset_cmds);
    sb_puts(&cmd, "wrrfig_formats = ");
    gp_quote(&cmd, formats);
    sb_puts(&cmd, "\nwrrfig_output = ");
    gp_quote(&cmd, prefix);
    sb_puts(&cmd, "\nload ");
    gp_quote(&cmd, script);
    /* An error abandons the script with its output possibly still open. */
    sb_printf(&cmd, "\nset output\nprint sprintf('%s DONE %lu %%d', GPVAL_ERRNO)\n", s->nonce, s->seq);
    int rc = fd_write_all(s->in, cmd.s, cmd.len, FDIO_FOREVER, "gnuplot: cannot send commands", err);
    sb_free(&cmd);
    if (rc == 0)
        s->busy = true;
    return rc;
}

int gpserver_poll(wf_gpserver *s, bool *ok, strbuf *messages, wf_error *err)
{
    if (!s->busy)
        return wf_errorf(err, "gnuplot server: no request pending");
    long e = 0;
    int r = read_some(s, &e, NULL, 0);
    if (r == 0)
        return 0;
    if (r < 0) {
        int st = 0;
        pid_t w = waitpid(s->pid, &st, WNOHANG);
        if (w == s->pid)
            s->pid = -1;
        if (messages && s->msgs.len)
            sb_add(messages, s->msgs.s, s->msgs.len);
        if (w > 0 && WIFSIGNALED(st))
            return wf_errorf(err, "gnuplot was killed by signal %d", WTERMSIG(st));
        return wf_errorf(err, "gnuplot ended unexpectedly");
    }
    s->busy = false;
    *ok = e == 0;
    if (messages && s->msgs.len)
        sb_add(messages, s->msgs.s, s->msgs.len);
    return 1;
}

int gpserver_render(wf_gpserver **sp, const char *script, const char *formats, const char *prefix, double timeout,
                    strbuf *messages, wf_error *err)
{
    wf_gpserver *s = *sp;
    if (gpserver_submit(s, script, NULL, formats, prefix, err) != 0) {
        gpserver_stop(s);
        *sp = NULL;
        return -1;
    }
    double deadline = now_ms() + timeout * 1000.0;
    for (;;) {
        bool ok = false;
        int r = gpserver_poll(s, &ok, messages, err);
        if (r == 1) {
            if (ok)
                return 0;
            return wf_errorf(err, "gnuplot failed: %s", messages && messages->len ? messages->s : "(no message)");
        }
        if (r < 0) {
            gpserver_stop(s);
            *sp = NULL;
            return -1;
        }
        double left = deadline - now_ms();
        if (left <= 0) {
            gpserver_stop(s);
            *sp = NULL;
            return wf_errorf(err, "gnuplot did not finish within %.0f s", timeout);
        }
        struct pollfd pf = {s->err, POLLIN, 0};
        poll(&pf, 1, left > 1e6 ? 1000000 : (int)left + 1);
    }
}

void gpserver_stop(wf_gpserver *s)
{
    if (!s)
        return;
    if (s->in >= 0)
        close(s->in); /* gnuplot quits at the end of its input */
    if (s->pid > 0) {
        int st;
        /* Give it a moment to quit by itself, then make sure. */
        for (int i = 0; i < 20 && waitpid(s->pid, &st, WNOHANG) == 0; i++) {
            if (i == 0 && s->busy)
                break; /* a pending (hung) request: no waiting */
            usleep(1000);
        }
        if (waitpid(s->pid, &st, WNOHANG) == 0) {
            kill(s->pid, SIGKILL);
            waitpid(s->pid, &st, 0);
        }
    }
    if (s->group > 0)
        kill(-s->group, SIGKILL); /* what its scripts started */
    if (s->guard[0] >= 0) {
        close(s->guard[0]);
        close(s->guard[1]);
    }
    if (s->err >= 0)
        close(s->err);
    sb_free(&s->pending);
    sb_free(&s->msgs);
    free(s->version);
    free(s->prog);
    free(s->script);
    free(s->shown_as);
    free(s);
}
