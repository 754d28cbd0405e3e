#define _POSIX_C_SOURCE 200809L
#include "measure.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ctx.h"
#include "proc.h"
#include "strbuf.h"
#include "table.h"

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

static int all_inputs_missing(const wf_app *a, char *const *inputs)
{
    for (size_t i = 0; inputs && inputs[i]; i++)
        if (table_exists(a->data_dir, inputs[i]))
            return 0;
    return 1;
}

static void eval_in_child(const wf_app *a, const wf_measure *m, struct wrrfig_params *p, wf_measure_result *r)
{
    wrrfig_ctx c;
    ctx_init(&c, m->plugin->name, m->name, a->data_dir, a->lang);
    c.declared = (const char *const *)m->inputs;
    c.quiet = 1;
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
        r->status = MEASURE_ERROR;
        snprintf(r->reason, sizeof r->reason, "the plugin misused the host API");
    } else if (st == WRRFIG_OK) {
        r->status = MEASURE_OK;
        r->value = v;
    } else if (st == WRRFIG_NODATA) {
        r->status = MEASURE_NODATA;
        snprintf(r->reason, sizeof r->reason, "%s", c.last_msg[0] ? c.last_msg : "the data has no value for these parameters");
    } else {
        r->status = MEASURE_ERROR;
        snprintf(r->reason, sizeof r->reason, "the measure reported an error%s%s", c.last_msg[0] ? ": " : "",
                 c.last_msg);
    }
    ctx_release(&c);
}

int wf_measure_eval(const wf_app *a, const char *ref, wf_measure_result *res)
{
    memset(res, 0, sizeof *res);
    char *name = NULL, *ptext = NULL;
    if (measure_ref_split(ref, &name, &ptext) != 0) {
        res->status = MEASURE_ERROR;
        snprintf(res->reason, sizeof res->reason, "malformed measure reference '%s' (expected name{k=v,...})", ref);
        return 0;
    }
    const wf_measure *m = registry_measure(&a->reg, name);
    struct wrrfig_params p;
    wf_error err;
    if (!m) {
        res->status = MEASURE_UNBOUND;
        snprintf(res->reason, sizeof res->reason, "no plugin provides measure '%s'", name);
        goto out;
    }
    snprintf(res->unit, sizeof res->unit, "%s", m->unit);
    /* Some measures choose among their inputs by parameter (a fallback table,
     * one table per population): only when none is present is the answer
     * known without asking the plugin. Otherwise the plugin decides, and an
     * absent table it opens becomes its NO-DATA reason. */
    const char *missing = first_missing_input(a, m->inputs);
    if (missing && all_inputs_missing(a, m->inputs)) {
        res->status = MEASURE_NODATA;
        snprintf(res->reason, sizeof res->reason, "input '%s' is absent", missing);
        goto out;
    }
    if (params_parse(ptext, &p, &err) != 0) {
        res->status = MEASURE_ERROR;
        snprintf(res->reason, sizeof res->reason, "%s", err.msg);
        goto out;
    }
    int fds[2];
    if (pipe(fds) != 0) {
        res->status = MEASURE_ERROR;
        snprintf(res->reason, sizeof res->reason, "pipe: %s", strerror(errno));
        params_free(&p);
        goto out;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        worker_default_signals();
        close(fds[0]);
        wf_measure_result r = *res;
        eval_in_child(a, m, &p, &r);
        const char *b = (const char *)&r;
        size_t left = sizeof r;
        while (left > 0) {
            ssize_t w = write(fds[1], b, left);
            if (w <= 0)
                break;
            b += w;
            left -= (size_t)w;
        }
        _exit(0);
    }
    close(fds[1]);
    params_free(&p);
    if (pid < 0) {
        close(fds[0]);
        res->status = MEASURE_ERROR;
        snprintf(res->reason, sizeof res->reason, "fork: %s", strerror(errno));
        goto out;
    }
    double deadline = now_ms() + a->timeout * 1000.0;
    int st = 0, timed_out = 0;
    for (;;) {
        pid_t r = waitpid(pid, &st, WNOHANG);
        if (r == pid)
            break;
        if (now_ms() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &st, 0);
            timed_out = 1;
            break;
        }
        struct timespec ts = {0, 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    wf_measure_result got;
    size_t have = 0;
    ssize_t n;
    while (have < sizeof got && (n = read(fds[0], (char *)&got + have, sizeof got - have)) > 0)
        have += (size_t)n;
    close(fds[0]);
    if (timed_out) {
        res->status = MEASURE_ERROR;
        snprintf(res->reason, sizeof res->reason, "measure '%s' did not finish within %.0f s", name, a->timeout);
    } else if (WIFSIGNALED(st) || have != sizeof got) {
        res->status = MEASURE_ERROR;
        snprintf(res->reason, sizeof res->reason, "measure '%s' crashed (%s)", name,
                 WIFSIGNALED(st) ? strsignal(WTERMSIG(st)) : "no result");
    } else {
        *res = got;
    }
out:
    free(name);
    free(ptext);
    return 0;
}
