#define _POSIX_C_SOURCE 200809L
#include "claims/measure.h"

#include <stdbool.h>
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdint.h>
#include <sys/socket.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "host/ctx.h"
#include "util/fdio.h"
#include "util/proc.h"
#include "util/strbuf.h"
#include "data/table.h"

int measure_ref_split(const char *ref, char **name, char **params)
{
    while (*ref == ' ')
        ref++;
    const char *brace = strchr(ref, '{');
    const char *end = ref + strlen(ref);
    while (end > ref && end[-1] == ' ')
        end--;
    if (!brace) {
        *name = xstrndup(ref, (size_t)(end - ref));
        *params = xstrdup("");
        return **name ? 0 : (free(*name), free(*params), -1);
    }
    if (end[-1] != '}' || brace == ref)
        return -1;
    *name = xstrndup(ref, (size_t)(brace - ref));
    *params = xstrndup(brace + 1, (size_t)(end - brace - 2));
    return 0;
}

static bool all_inputs_missing(const wf_app *a, char *const *inputs)
{
    for (size_t i = 0; inputs && inputs[i]; i++)
        if (!table_absent(a->data_dir, inputs[i]))
            return false;
    return true;
}

static void eval_in_child(const wf_app *a, const wf_measure *m, struct wrrfig_params *p, table_cache *cache,
                          wf_measure_result *r)
{
    wrrfig_ctx c;
    ctx_init(&c, m->plugin->name, m->name, a->data_dir, a->lang);
    c.declared = (const char *const *)m->inputs;
    c.quiet = 1;
    c.cache = cache;
    double v = 0;
    int st = m->eval(host_api(), &c, p, &v);
    cites_from_inputs(&r->inputs, &c.inputs);
    if (c.broken) {
        /* Whatever the plugin made of it: a corrupt input is an error, never
         * NO-DATA. */
        r->status = EVAL_ERROR;
        wf_errorf(&r->reason, "%s input: %s", c.broken_content ? "broken" : "unreadable", c.broken_msg);
    } else if (c.misuse) {
        r->status = EVAL_ERROR;
        wf_errorf(&r->reason, "the plugin misused the host API");
    } else if (st == WRRFIG_OK && !isfinite(v)) {
        /* NaN has no verdict, and infinity passed any "=" claim (the
         * comparison's slack is relative) */
        r->status = EVAL_ERROR;
        wf_errorf(&r->reason, "the measure returned %s: not a finite number", isnan(v) ? "NaN" : "infinity");
    } else if (st == WRRFIG_OK) {
        r->status = EVAL_OK;
        r->value = v;
    } else if (st == WRRFIG_NODATA) {
        r->status = EVAL_NODATA;
        wf_errorf(&r->reason, "%s",
                 c.last_msg[0] ? c.last_msg : "the data has no value for these parameters");
    } else {
        r->status = EVAL_ERROR;
        wf_errorf(&r->reason, "the measure reported an error%s%s", c.last_msg[0] ? ": " : "",
                 c.last_msg);
    }
    ctx_release(&c);
}

/* What can be answered without running plugin code: a malformed reference,
 * no plugin providing the measure, all inputs absent, bad parameters.
 * Returns true when res is final; false when the measure must run (m set). */
static bool precheck(const wf_app *a, const char *ref, wf_measure_result *res, const wf_measure **m,
                    struct wrrfig_params *p)
{
    memset(res, 0, sizeof *res);
    char *name = NULL, *ptext = NULL;
    if (measure_ref_split(ref, &name, &ptext) != 0) {
        res->status = EVAL_ERROR;
        wf_errorf(&res->reason, "malformed measure reference '%s' (expected name{k=v,...})", ref);
        return true;
    }
    bool final = true;
    wf_error err;
    *m = registry_measure(&a->reg, name);
    if (!*m) {
        res->status = EVAL_UNBOUND;
        wf_errorf(&res->reason, "no plugin provides measure '%s'", name);
        goto out;
    }
    snprintf(res->unit, sizeof res->unit, "%s", (*m)->unit);
    /* Some measures choose among their inputs by parameter (a fallback table,
     * one table per population): only when none is present is the answer
     * known without asking the plugin. Otherwise the plugin decides, and an
     * absent table it opens becomes its NO-DATA reason. */
    const char *missing = first_missing_input(a, (*m)->inputs);
    if (missing && all_inputs_missing(a, (*m)->inputs)) {
        res->status = EVAL_NODATA;
        wf_errorf(&res->reason, "input '%s' is absent", missing);
        goto out;
    }
    if (params_parse(ptext, p, &err) != 0) {
        res->status = EVAL_ERROR;
        wf_errorf(&res->reason, "%s", err.msg);
        goto out;
    }
    final = false;
out:
    free(name);
    free(ptext);
    return final;
}

/* A measure worker: one forked process that evaluates references sent over
 * a socket, keeping the tables it loaded, so checking hundreds of claims costs
 * one fork and one read of each table. A measure that crashes or hangs ends
 * the worker; that reference is reported as an error and the next one starts
 * a fresh worker. */
struct wf_measure_server {
    const wf_app *a;
    pid_t pid;   /* the worker, which leads its own process group */
    int fd; /* our end of the socket pair; -1 when no worker runs */
    int guard[2]; /* the worker group's guard (util/proc.h), open while it runs */
    uint32_t seq; /* number of the last request, echoed in its answer */
};

/* The worker's answer, on a socket plugin code could also write to:
 *   "WFMR" seq:u32 len:u32 | status:u8 value:8 bytes | 3 x (n:u16 bytes)
 * for unit, reason and inputs. The parent accepts an answer only when magic
 * and seq match, the lengths add up, every string fits its field and has no
 * NUL and the status is known; anything else ends the worker, so junk
 * cannot put later answers out of step. */
#define ANSWER_MAGIC "WFMR"
enum { ANSWER_HEAD = 12, ANSWER_MAX = 1 + 8 + 3 * 2 + 64 + 1024 + 2048 };

static void put_u32(unsigned char *b, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        b[i] = (unsigned char)(v >> (8 * i));
}
static uint32_t get_u32(const unsigned char *b)
{
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static void put_str(strbuf *b, const char *s, size_t field)
{
    size_t n = strnlen(s, field - 1);
    sb_putc(b, (char)(n & 0xff));
    sb_putc(b, (char)(n >> 8));
    sb_add(b, s, n);
}

/* Encodes r as a complete answer (header included) into b. */
static void answer_encode(const wf_measure_result *r, uint32_t seq, strbuf *b)
{
    strbuf pl = STRBUF_INIT;
    sb_putc(&pl, (char)r->status);
    unsigned char v[8];
    memcpy(v, &r->value, 8);
    sb_add(&pl, (const char *)v, 8);
    put_str(&pl, r->unit, sizeof r->unit);
    put_str(&pl, r->reason.msg, sizeof r->reason.msg);
    /* The cited inputs: a count, the truncated flag, then each record. */
    sb_putc(&pl, (char)r->inputs.n);
    sb_putc(&pl, (char)r->inputs.truncated);
    for (size_t i = 0; i < r->inputs.n; i++) {
        const wf_cite *c = &r->inputs.v[i];
        put_str(&pl, c->name, sizeof c->name);
        put_str(&pl, c->source, sizeof c->source);
        put_str(&pl, c->sha256, sizeof c->sha256);
    }
    unsigned char h[ANSWER_HEAD];
    memcpy(h, ANSWER_MAGIC, 4);
    put_u32(h + 4, seq);
    put_u32(h + 8, (uint32_t)pl.len);
    sb_add(b, (const char *)h, sizeof h);
    sb_add(b, pl.s, pl.len);
    sb_free(&pl);
}

static int get_str(const unsigned char **p, const unsigned char *end, char *out, size_t field)
{
    if (end - *p < 2)
        return -1;
    size_t n = (size_t)(*p)[0] | (size_t)(*p)[1] << 8;
    *p += 2;
    if (n >= field || (size_t)(end - *p) < n || memchr(*p, '\0', n))
        return -1;
    memcpy(out, *p, n);
    out[n] = '\0';
    *p += n;
    return 0;
}

/* Decodes a payload of len bytes. 0, or -1 when it is not a valid answer. */
int measure_answer_decode(const unsigned char *pl, size_t len, wf_measure_result *r)
{
    memset(r, 0, sizeof *r);
    const unsigned char *p = pl, *end = pl + len;
    if (len < 9 || pl[0] > EVAL_ERROR)
        return -1;
    r->status = (eval_status)pl[0];
    memcpy(&r->value, pl + 1, 8);
    p += 9;
    if (get_str(&p, end, r->unit, sizeof r->unit) != 0 || get_str(&p, end, r->reason.msg, sizeof r->reason.msg) != 0 ||
        end - p < 2 || p[0] > WF_CITES_MAX || p[1] > 1)
        return -1;
    r->inputs.n = p[0];
    r->inputs.truncated = p[1] != 0;
    p += 2;
    for (size_t i = 0; i < r->inputs.n; i++) {
        wf_cite *c = &r->inputs.v[i];
        if (get_str(&p, end, c->name, sizeof c->name) != 0 || get_str(&p, end, c->source, sizeof c->source) != 0 ||
            get_str(&p, end, c->sha256, sizeof c->sha256) != 0)
            return -1;
    }
    return p == end ? 0 : -1;
}

/* The answer's bytes by the deadline: 0, -2 on time-out, -1 on end of
 * file or error (the worker is gone). */
static int recv_answer(int fd, void *buf, size_t n, double deadline)
{
    if (fd_read_all(fd, buf, n, deadline, "measure answer", NULL) == 0)
        return 0;
    return errno == ETIMEDOUT ? -2 : -1;
}

static void worker_loop(const wf_app *a, int fd)
{
    table_cache cache = {0};
    for (;;) {
        unsigned char head[8];
        if (fd_read_all(fd, head, sizeof head, FDIO_FOREVER, "measure request", NULL) != 0)
            break;
        uint32_t seq = get_u32(head), len = get_u32(head + 4);
        if (len > 65536)
            break;
        char *ref = xmalloc(len + 1);
        if (fd_read_all(fd, ref, len, FDIO_FOREVER, "measure request", NULL) != 0) {
            free(ref);
            break;
        }
        ref[len] = '\0';
        wf_measure_result r;
        const wf_measure *m = NULL;
        struct wrrfig_params p;
        if (!precheck(a, ref, &r, &m, &p)) {
            eval_in_child(a, m, &p, &cache, &r);
            params_free(&p);
        }
        free(ref);
        strbuf ans = STRBUF_INIT;
        answer_encode(&r, seq, &ans);
        int sent = fd_write_all(fd, ans.s, ans.len, FDIO_FOREVER, "measure answer", NULL);
        sb_free(&ans);
        if (sent != 0)
            break;
    }
    table_cache_free(&cache);
}

/* Ends the worker (at once when kill_it, else when it reads end of file)
 * and whatever plugin code left running in its group; st gets its wait
 * status (may be NULL). */
static void server_end(wf_measure_server *s, int kill_it, int *st)
{
    if (s->fd < 0)
        return;
    if (kill_it)
        kill(s->pid, SIGKILL);
    close(s->fd); /* the worker reads end of file and exits */
    int w = 0;
    waitpid(s->pid, &w, 0);
    if (st)
        *st = w;
    /* A child a measure started must not outlive the check: the group
     * outlives its leader while any member runs. */
    kill(-s->pid, SIGKILL);
    strays_end(NULL, 0); /* what left the group, adopted (strays_adopt) */
    if (s->guard[0] >= 0) {
        close(s->guard[0]);
        close(s->guard[1]);
    }
    s->guard[0] = s->guard[1] = -1;
    s->fd = -1;
    s->pid = 0;
}

static void server_stop(wf_measure_server *s, int kill_it)
{
    server_end(s, kill_it, NULL);
}

static int server_start(wf_measure_server *s)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
        return -1;
    if (group_guard_pipe(s->guard) != 0)
        s->guard[0] = s->guard[1] = -1;
    strays_adopt();
    fflush(NULL);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        close(sv[0]);
        close(sv[1]);
        if (s->guard[0] >= 0) {
            close(s->guard[0]);
            close(s->guard[1]);
        }
        s->guard[0] = s->guard[1] = -1;
        return -1;
    }
    if (pid == 0) {
        /* Its own group, so that it ends with whatever a measure started
         * (server_end), even when the host is killed (the guard). */
        setpgid(0, 0);
        child_die_with_parent(parent);
        worker_default_signals();
        child_start_group_guard(s->guard);
        /* Standard output carries `wrrfig check`'s report (JSON, TAP): a
         * measure's printf goes to stderr instead, where it is a message. */
        dup2(2, 1);
        close(sv[0]);
        child_close_fds(sv[1]);
        worker_loop(s->a, sv[1]);
        close(sv[1]);
        _exit(0);
    }
    setpgid(pid, pid); /* before any kill(-pid): whichever of the two runs first */
    close(sv[1]);
    s->pid = pid;
    s->fd = sv[0];
    return 0;
}

wf_measure_server *measure_server_new(const wf_app *a)
{
    wf_measure_server *s = xcalloc(1, sizeof *s);
    s->a = a;
    s->fd = -1;
    s->guard[0] = s->guard[1] = -1;
    return s;
}

void measure_server_free(wf_measure_server *s)
{
    if (!s)
        return;
    server_stop(s, 0);
    free(s);
}

void measure_server_eval(wf_measure_server *s, const char *ref, wf_measure_result *res)
{
    const wf_measure *m = NULL;
    struct wrrfig_params p;
    if (precheck(s->a, ref, res, &m, &p))
        return;
    params_free(&p); /* parsed again in the worker; here only to catch syntax errors early */
    size_t n = strlen(ref);
    unsigned char head[8];
    put_u32(head + 4, (uint32_t)n);
    if (s->fd >= 0) {
        /* Bytes waiting before we asked anything: something a plugin left
         * behind (a child writing late). Start afresh rather than read them
         * as the next answer. */
        struct pollfd pf = {s->fd, POLLIN, 0};
        if (poll(&pf, 1, 0) > 0)
            server_stop(s, 1);
    }
    int sent = 0;
    for (int attempt = 0; attempt < 2 && !sent; attempt++) {
        if (s->fd < 0 && server_start(s) != 0)
            break;
        put_u32(head, ++s->seq);
        if (fd_write_all(s->fd, head, sizeof head, FDIO_FOREVER, "measure request", NULL) == 0 &&
            fd_write_all(s->fd, ref, n, FDIO_FOREVER, "measure request", NULL) == 0)
            sent = 1;
        else
            server_stop(s, 1); /* a worker that died after its last answer */
    }
    if (!sent) {
        res->status = EVAL_ERROR;
        wf_errorf(&res->reason, "cannot start a measure worker: %s", strerror(errno));
        return;
    }
    double deadline = now_ms() + s->a->timeout * 1000.0;
    unsigned char ah[ANSWER_HEAD];
    int rc = recv_answer(s->fd, ah, sizeof ah, deadline);
    if (rc == 0) {
        uint32_t len = get_u32(ah + 8);
        unsigned char *pl = NULL;
        int good = memcmp(ah, ANSWER_MAGIC, 4) == 0 && get_u32(ah + 4) == s->seq && len <= ANSWER_MAX;
        if (good) {
            pl = xmalloc(len ? len : 1);
            rc = recv_answer(s->fd, pl, len, deadline);
            good = rc == 0 && measure_answer_decode(pl, len, res) == 0;
            free(pl);
        }
        if (good)
            return;
        if (rc == 0) {
            /* Bytes that are not our answer: plugin code wrote to the
             * socket. This reference fails; the next gets a fresh worker. */
            server_stop(s, 1);
            memset(res, 0, sizeof *res);
            res->status = EVAL_ERROR;
            wf_errorf(&res->reason,
                      "measure '%s': the worker's answer was malformed (plugin code wrote to the host's socket)",
                      m->name);
            return;
        }
    }
    int st = 0;
    if (rc == -2) {
        server_stop(s, 1);
        res->status = EVAL_ERROR;
        wf_errorf(&res->reason, "measure '%s' did not finish within %.0f s", m->name,
                 s->a->timeout);
        return;
    }
    server_end(s, 0, &st);
    res->status = EVAL_ERROR;
    wf_errorf(&res->reason, "measure '%s' crashed (%s)", m->name,
             WIFSIGNALED(st) ? strsignal(WTERMSIG(st)) : "the worker ended without an answer");
}

int wf_measure_eval(const wf_app *a, const char *ref, wf_measure_result *res)
{
    wf_measure_server *s = measure_server_new(a);
    measure_server_eval(s, ref, res);
    measure_server_free(s);
    return 0;
}
