/* A minimal Chrome DevTools Protocol client for the site's browser tests:
 * Debian's chromium, headless, driven over --remote-debugging-pipe (JSON
 * messages separated by NUL bytes on fds 3 and 4), so no network port, no
 * websocket library and no npm. Header-only like testutil.h.
 *
 * The client collects, for the page it drives, every console error, uncaught
 * exception and failed resource load into `errors` (one line each), so a test
 * can assert that a page loaded cleanly. */
#ifndef WF_CDP_H
#define WF_CDP_H

#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CDP_CHROMIUM "/usr/bin/chromium"

typedef struct cdp {
    pid_t pid;
    int to_browser, from_browser;
    char *buf;              /* bytes read and not yet split into messages */
    size_t len, cap;
    int next_id;
    int loaded;             /* Page.loadEventFired seen since the last navigate */
    char session[128];      /* the page's session id (flat mode) */
    char errors[16384];     /* console errors, exceptions, failed loads */
    size_t n_errors;
} cdp;

static inline double cdp_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static inline void cdp_note_error(cdp *c, const char *kind, const char *text, const char *url)
{
    size_t have = strlen(c->errors);
    snprintf(c->errors + have, sizeof c->errors - have, "%s: %s%s%s\n", kind, text ? text : "?", url ? " at " : "",
             url ? url : "");
    c->n_errors++;
}

static inline void cdp_event(cdp *c, const cJSON *m)
{
    const char *method = cJSON_GetStringValue(cJSON_GetObjectItem(m, "method"));
    const cJSON *p = cJSON_GetObjectItem(m, "params");
    if (!method)
        return;
    if (!strcmp(method, "Page.loadEventFired"))
        c->loaded = 1;
    else if (!strcmp(method, "Runtime.exceptionThrown")) {
        const cJSON *d = cJSON_GetObjectItem(p, "exceptionDetails");
        const cJSON *ex = cJSON_GetObjectItem(d, "exception");
        const char *desc = cJSON_GetStringValue(cJSON_GetObjectItem(ex, "description"));
        cdp_note_error(c, "exception", desc ? desc : cJSON_GetStringValue(cJSON_GetObjectItem(d, "text")),
                       cJSON_GetStringValue(cJSON_GetObjectItem(d, "url")));
    } else if (!strcmp(method, "Runtime.consoleAPICalled")) {
        const char *type = cJSON_GetStringValue(cJSON_GetObjectItem(p, "type"));
        if (type && (!strcmp(type, "error") || !strcmp(type, "assert"))) {
            const cJSON *a0 = cJSON_GetArrayItem(cJSON_GetObjectItem(p, "args"), 0);
            const char *v = cJSON_GetStringValue(cJSON_GetObjectItem(a0, "value"));
            cdp_note_error(c, "console.error", v ? v : cJSON_GetStringValue(cJSON_GetObjectItem(a0, "description")),
                           NULL);
        }
    } else if (!strcmp(method, "Log.entryAdded")) {
        const cJSON *e = cJSON_GetObjectItem(p, "entry");
        const char *level = cJSON_GetStringValue(cJSON_GetObjectItem(e, "level"));
        if (level && !strcmp(level, "error"))
            cdp_note_error(c, "log", cJSON_GetStringValue(cJSON_GetObjectItem(e, "text")),
                           cJSON_GetStringValue(cJSON_GetObjectItem(e, "url")));
    } else if (!strcmp(method, "Network.loadingFailed")) {
        cdp_note_error(c, "load failed", cJSON_GetStringValue(cJSON_GetObjectItem(p, "errorText")),
                       cJSON_GetStringValue(cJSON_GetObjectItem(p, "requestId")));
    }
}

/* Reads until one whole message is available or the deadline passes; the
 * message is returned parsed (caller deletes), NULL on time-out or EOF. */
static inline cJSON *cdp_read(cdp *c, double deadline)
{
    for (;;) {
        char *z = c->len ? memchr(c->buf, '\0', c->len) : NULL;
        if (z) {
            cJSON *m = cJSON_Parse(c->buf);
            size_t used = (size_t)(z - c->buf) + 1;
            memmove(c->buf, c->buf + used, c->len - used);
            c->len -= used;
            return m ? m : cJSON_CreateObject();
        }
        double left = deadline - cdp_now();
        if (left <= 0)
            return NULL;
        struct pollfd pfd = {c->from_browser, POLLIN, 0};
        int r = poll(&pfd, 1, (int)(left * 1000) + 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return NULL;
        if (c->cap - c->len < 65536) {
            c->cap = c->cap ? c->cap * 2 : 1 << 20;
            c->buf = realloc(c->buf, c->cap);
        }
        ssize_t n = read(c->from_browser, c->buf + c->len, c->cap - c->len - 1);
        if (n <= 0)
            return NULL;
        c->len += (size_t)n;
    }
}

/* Sends a command (params: a JSON object text or NULL; in the page's session
 * unless browser_level) and waits for its reply; events on the way are
 * recorded. Returns the reply's "result" detached (caller deletes), or NULL
 * on error or time-out with the reason in why. */
static inline cJSON *cdp_call(cdp *c, int browser_level, const char *method, const char *params, double timeout,
                              char *why, size_t why_size)
{
    int id = ++c->next_id;
    size_t n = strlen(method) + (params ? strlen(params) : 2) + 256;
    char *msg = malloc(n);
    int len = snprintf(msg, n, "{\"id\":%d,\"method\":\"%s\",\"params\":%s%s%s%s}", id, method, params ? params : "{}",
                       browser_level ? "" : ",\"sessionId\":\"", browser_level ? "" : c->session,
                       browser_level ? "" : "\"");
    int ok = write(c->to_browser, msg, (size_t)len + 1) == len + 1;
    free(msg);
    if (!ok) {
        snprintf(why, why_size, "%s: cannot write to chromium", method);
        return NULL;
    }
    double deadline = cdp_now() + timeout;
    for (;;) {
        cJSON *m = cdp_read(c, deadline);
        if (!m) {
            snprintf(why, why_size, "%s: no reply from chromium within %.0f s", method, timeout);
            return NULL;
        }
        const cJSON *mid = cJSON_GetObjectItem(m, "id");
        if (cJSON_IsNumber(mid) && (int)mid->valuedouble == id) {
            const cJSON *err = cJSON_GetObjectItem(m, "error");
            if (err) {
                snprintf(why, why_size, "%s: %s", method,
                         cJSON_GetStringValue(cJSON_GetObjectItem(err, "message")));
                cJSON_Delete(m);
                return NULL;
            }
            cJSON *res = cJSON_DetachItemFromObject(m, "result");
            cJSON_Delete(m);
            return res ? res : cJSON_CreateObject();
        }
        cdp_event(c, m);
        cJSON_Delete(m);
    }
}

/* Starts chromium headless with a fresh profile in udd and opens one page.
 * Returns 0, or -1 with the reason in why (chromium missing included). */
static inline int cdp_start(cdp *c, const char *udd, char *why, size_t why_size)
{
    memset(c, 0, sizeof *c);
    c->pid = -1;
    if (access(CDP_CHROMIUM, X_OK) != 0) {
        snprintf(why, why_size, "%s is missing: install Debian's chromium (scripts/install-deps.sh test)",
                 CDP_CHROMIUM);
        return -1;
    }
    int in[2], out[2];
    if (pipe(in) != 0 || pipe(out) != 0) {
        snprintf(why, why_size, "pipe: %s", strerror(errno));
        return -1;
    }
    char uddarg[1100];
    snprintf(uddarg, sizeof uddarg, "--user-data-dir=%s", udd);
    pid_t pid = fork();
    if (pid == 0) {
        /* fds 3 and 4 are the protocol's; everything else closes */
        int r = dup(in[0]), w = dup(out[1]);
        if (r < 5) {
            int t = fcntl(r, F_DUPFD, 5);
            r = t;
        }
        if (w < 5) {
            int t = fcntl(w, F_DUPFD, 5);
            w = t;
        }
        dup2(r, 3);
        dup2(w, 4);
        for (int fd = 5; fd < 1024; fd++)
            close(fd);
        int devnull = open("/dev/null", O_RDWR);
        dup2(devnull, 0);
        dup2(devnull, 1);
        dup2(devnull, 2);
        setpgid(0, 0);
        execl(CDP_CHROMIUM, "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
              "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--disable-extensions", "--hide-scrollbars", "--mute-audio", "--remote-debugging-pipe", uddarg,
              "about:blank", (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    if (pid < 0) {
        snprintf(why, why_size, "fork: %s", strerror(errno));
        return -1;
    }
    c->pid = pid;
    c->to_browser = in[1];
    c->from_browser = out[0];
    signal(SIGPIPE, SIG_IGN);
    cJSON *t = cdp_call(c, 1, "Target.createTarget", "{\"url\":\"about:blank\"}", 90, why, why_size);
    if (!t)
        return -1;
    char params[256];
    snprintf(params, sizeof params, "{\"targetId\":\"%s\",\"flatten\":true}",
             cJSON_GetStringValue(cJSON_GetObjectItem(t, "targetId")));
    cJSON_Delete(t);
    cJSON *a = cdp_call(c, 1, "Target.attachToTarget", params, 60, why, why_size);
    if (!a)
        return -1;
    snprintf(c->session, sizeof c->session, "%s", cJSON_GetStringValue(cJSON_GetObjectItem(a, "sessionId")));
    cJSON_Delete(a);
    static const char *enable[] = {"Page.enable", "Runtime.enable", "Log.enable", "Network.enable"};
    for (size_t i = 0; i < 4; i++) {
        cJSON *r = cdp_call(c, 0, enable[i], NULL, 60, why, why_size);
        if (!r)
            return -1;
        cJSON_Delete(r);
    }
    cJSON *r = cdp_call(c, 0, "Emulation.setDeviceMetricsOverride",
                        "{\"width\":1280,\"height\":900,\"deviceScaleFactor\":1,\"mobile\":false}", 60, why, why_size);
    if (!r)
        return -1;
    cJSON_Delete(r);
    return 0;
}

/* Loads a URL and waits for its load event. */
static inline int cdp_navigate(cdp *c, const char *url, char *why, size_t why_size)
{
    c->loaded = 0;
    char *params = malloc(strlen(url) + 32);
    sprintf(params, "{\"url\":\"%s\"}", url);
    cJSON *r = cdp_call(c, 0, "Page.navigate", params, 60, why, why_size);
    free(params);
    if (!r)
        return -1;
    const char *et = cJSON_GetStringValue(cJSON_GetObjectItem(r, "errorText"));
    if (et) {
        snprintf(why, why_size, "navigate %s: %s", url, et);
        cJSON_Delete(r);
        return -1;
    }
    cJSON_Delete(r);
    double deadline = cdp_now() + 90;
    while (!c->loaded) {
        cJSON *m = cdp_read(c, deadline);
        if (!m) {
            snprintf(why, why_size, "%s: no load event within 90 s", url);
            return -1;
        }
        cdp_event(c, m);
        cJSON_Delete(m);
    }
    return 0;
}

/* Evaluates an expression that yields a string (promises are awaited);
 * returns it (caller frees) or NULL with the reason. */
static inline char *cdp_eval(cdp *c, const char *expr, char *why, size_t why_size)
{
    cJSON *p = cJSON_CreateObject();
    cJSON_AddStringToObject(p, "expression", expr);
    cJSON_AddTrueToObject(p, "returnByValue");
    cJSON_AddTrueToObject(p, "awaitPromise");
    char *ps = cJSON_PrintUnformatted(p);
    cJSON_Delete(p);
    cJSON *r = cdp_call(c, 0, "Runtime.evaluate", ps, 120, why, why_size);
    free(ps);
    if (!r)
        return NULL;
    const cJSON *ex = cJSON_GetObjectItem(r, "exceptionDetails");
    if (ex) {
        const char *d = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(ex, "exception"), "description"));
        snprintf(why, why_size, "evaluate: %s", d ? d : "exception");
        cJSON_Delete(r);
        return NULL;
    }
    const char *v = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(r, "result"), "value"));
    char *out = v ? strdup(v) : NULL;
    if (!out)
        snprintf(why, why_size, "evaluate: the expression gave no string");
    cJSON_Delete(r);
    return out;
}

static inline int cdp_b64val(int ch)
{
    if (ch >= 'A' && ch <= 'Z')
        return ch - 'A';
    if (ch >= 'a' && ch <= 'z')
        return ch - 'a' + 26;
    if (ch >= '0' && ch <= '9')
        return ch - '0' + 52;
    return ch == '+' ? 62 : ch == '/' ? 63 : -1;
}

/* Saves a PNG of the page, at most max_height CSS pixels tall. */
static inline int cdp_screenshot(cdp *c, const char *path, int max_height, char *why, size_t why_size)
{
    char *h = cdp_eval(c, "String(Math.ceil(document.documentElement.scrollHeight))", why, why_size);
    if (!h)
        return -1;
    int height = atoi(h);
    free(h);
    if (height < 100)
        height = 100;
    if (height > max_height)
        height = max_height;
    char params[512];
    snprintf(params, sizeof params,
             "{\"format\":\"png\",\"captureBeyondViewport\":true,"
             "\"clip\":{\"x\":0,\"y\":0,\"width\":1280,\"height\":%d,\"scale\":1}}",
             height);
    cJSON *r = cdp_call(c, 0, "Page.captureScreenshot", params, 120, why, why_size);
    if (!r)
        return -1;
    const char *data = cJSON_GetStringValue(cJSON_GetObjectItem(r, "data"));
    FILE *f = data ? fopen(path, "wb") : NULL;
    if (!f) {
        snprintf(why, why_size, "screenshot %s: %s", path, data ? strerror(errno) : "no data");
        cJSON_Delete(r);
        return -1;
    }
    unsigned acc = 0;
    int bits = 0;
    for (const char *p = data; *p; p++) {
        int v = cdp_b64val((unsigned char)*p);
        if (v < 0)
            continue;
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            fputc((int)((acc >> bits) & 0xff), f);
        }
    }
    fclose(f);
    cJSON_Delete(r);
    return 0;
}

static inline void cdp_stop(cdp *c)
{
    if (c->pid > 0) {
        char why[256];
        cJSON *r = cdp_call(c, 1, "Browser.close", NULL, 10, why, sizeof why);
        cJSON_Delete(r);
        close(c->to_browser);
        close(c->from_browser);
        int st;
        double deadline = cdp_now() + 10;
        while (waitpid(c->pid, &st, WNOHANG) == 0) {
            if (cdp_now() > deadline) {
                kill(-c->pid, SIGKILL);
                kill(c->pid, SIGKILL);
                waitpid(c->pid, &st, 0);
                break;
            }
            struct timespec nap = {0, 50000000};
            nanosleep(&nap, NULL);
        }
        /* chromium's helper processes share its process group */
        kill(-c->pid, SIGKILL);
    }
    c->pid = -1;
    free(c->buf);
    c->buf = NULL;
}

#endif
