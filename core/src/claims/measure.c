#define _POSIX_C_SOURCE 200809L
#include "claims/measure.h"

#include <stdbool.h>
#include <errno.h>
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
        if (table_exists(a->data_dir, inputs[i]))
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
    int st = m->desc->eval(host_api(), &c, p, &v);
    strbuf in = STRBUF_INIT;
    for (size_t i = 0; i < c.n_tables; i++) {
        const wf_table *t = c.tables[i];
        const char *src = table_meta_get(t, "source");
        sb_printf(&in, "%s%s (%s; sha256 %.12s)", i ? "; " : "", t->name, src ? src : "?", t->sha256);
    }
    snprintf(r->inputs, sizeof r->inputs, "%s", sb_cstr(&in));
    sb_free(&in);
    if (c.misuse) {
        r->status = EVAL_ERROR;
        wf_errorf(&r->reason, "the plugin misused the host API");
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
    pid_t pid;
    int fd; /* our end of the socket pair; -1 when no worker runs */
};

static int send_all(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL); /* a dead worker must not SIGPIPE the host */
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Reads exactly n bytes, waiting at most until deadline (ms, now_ms clock).
 * Returns 0, -1 on end of file or error, -2 on time-out. */
static int recv_all(int fd, void *buf, size_t n, double deadline)
{
    char *p = buf;
    while (n > 0) {
        double left = deadline - now_ms();
        if (left <= 0)
            return -2;
        struct pollfd pf = {fd, POLLIN, 0};
        int pr = poll(&pf, 1, (int)left + 1);
        if (pr < 0 && errno == EINTR)
            continue;
        if (pr == 0)
            return -2;
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        p += r;
        n -= (size_t)r;
    }
    return 0;
}

static void worker_loop(const wf_app *a, int fd)
{
    table_cache cache = {0};
    for (;;) {
        uint32_t len;
        if (recv_all(fd, &len, sizeof len, now_ms() + 1e9) != 0 || len > 65536)
            break;
        char *ref = xmalloc(len + 1);
        if (recv_all(fd, ref, len, now_ms() + 1e9) != 0) {
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
        if (send_all(fd, &r, sizeof r) != 0)
            break;
    }
    table_cache_free(&cache);
}

static void server_stop(wf_measure_server *s, int kill_it)
{
    if (s->fd < 0)
        return;
    if (kill_it)
        kill(s->pid, SIGKILL);
    close(s->fd); /* the worker reads end of file and exits */
    int st;
    waitpid(s->pid, &st, 0);
    s->fd = -1;
    s->pid = 0;
}

static int server_start(wf_measure_server *s)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
        return -1;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(sv[0]);
        close(sv[1]);
        return -1;
    }
    if (pid == 0) {
        worker_default_signals();
        close(sv[0]);
        worker_loop(s->a, sv[1]);
        close(sv[1]);
        _exit(0);
    }
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
    uint32_t len = (uint32_t)n;
    int sent = 0;
    for (int attempt = 0; attempt < 2 && !sent; attempt++) {
        if (s->fd < 0 && server_start(s) != 0)
            break;
        if (send_all(s->fd, &len, sizeof len) == 0 && send_all(s->fd, ref, n) == 0)
            sent = 1;
        else
            server_stop(s, 1); /* a worker that died after its last answer */
    }
    if (!sent) {
        res->status = EVAL_ERROR;
        wf_errorf(&res->reason, "cannot start a measure worker: %s", strerror(errno));
        return;
    }
    wf_measure_result got;
    int rc = recv_all(s->fd, &got, sizeof got, now_ms() + s->a->timeout * 1000.0);
    if (rc == 0) {
        *res = got;
        return;
    }
    int st = 0;
    if (rc == -2) {
        server_stop(s, 1);
        res->status = EVAL_ERROR;
        wf_errorf(&res->reason, "measure '%s' did not finish within %.0f s", m->name,
                 s->a->timeout);
        return;
    }
    close(s->fd);
    waitpid(s->pid, &st, 0);
    s->fd = -1;
    s->pid = 0;
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
