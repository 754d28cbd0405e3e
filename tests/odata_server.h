/* A loopback OData server for end-to-end tests (tests/e2e/test_fetch.c,
 * test_refresh_fetch.c): it listens on 127.0.0.1 only, on a free port, in
 * a child process that dies with the test, and answers
 * GET /<api>/<table>/<resource>[?query] with the file
 * <root>/<api>/<table>/<resource>.json, read at each request (so a test can
 * replace a release between requests), "{BASE}" replaced by the server's
 * address. Special tables: DOWN (a persistent 503), TRUNC (a cut body),
 * STALL (a stalled connection), FLAKY (a 500 before the first TypedDataSet,
 * then T0001). */
#ifndef WF_TEST_ODATA_SERVER_H
#define WF_TEST_ODATA_SERVER_H

#include "testutil.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>

#include "util/strbuf.h"

typedef struct server {
    pid_t pid;
    int port;
    char base[64];
} server;

static void send_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

static void respond(int fd, int status, const char *body, size_t len)
{
    char h[256];
    int n = snprintf(h, sizeof h, "HTTP/1.1 %d X\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n"
                                  "Connection: close\r\n\r\n", status, len);
    send_all(fd, h, (size_t)n);
    send_all(fd, body, len);
}

/* One request: GET /<api>/<table>/<resource>[?query]. */
static void handle(int fd, const char *root, const char *base, int *flaky_count)
{
    char req[8192];
    size_t got = 0;
    while (got < sizeof req - 1) {
        ssize_t r = read(fd, req + got, sizeof req - 1 - got);
        if (r <= 0)
            break;
        got += (size_t)r;
        req[got] = '\0';
        if (strstr(req, "\r\n\r\n"))
            break;
    }
    req[got] = '\0';
    char api[8] = "", table[32] = "", res[64] = "";
    if (sscanf(req, "GET /%7[^/]/%31[^/]/%63[^? ]", api, table, res) != 3) {
        respond(fd, 400, "bad request", 11);
        return;
    }
    if (!strcmp(table, "DOWN")) {
        respond(fd, 503, "{\"error\": \"down\"}", 17);
        return;
    }
    if (!strcmp(table, "TRUNC")) {
        const char *h = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"value\": [";
        send_all(fd, h, strlen(h));
        return; /* closed early: a cut body */
    }
    if (!strcmp(table, "STALL")) {
        const char *h = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"va";
        send_all(fd, h, strlen(h));
        sleep(30); /* the client must give up first */
        return;
    }
    if (!strcmp(table, "FLAKY")) {
        if (!strcmp(res, "TypedDataSet") && (*flaky_count)++ == 0) {
            respond(fd, 500, "{\"error\": \"busy\"}", 17);
            return;
        }
        snprintf(table, sizeof table, "T0001");
    }
    char path[1200];
    snprintf(path, sizeof path, "%s/%s/%s/%s.json", root, api, table, res);
    char *text = tu_read(path, NULL);
    if (!text) {
        respond(fd, 404, "{\"error\": \"not found\"}", 22);
        return;
    }
    strbuf b = STRBUF_INIT;
    for (const char *p = text; *p;) {
        const char *q = strstr(p, "{BASE}");
        if (!q) {
            sb_puts(&b, p);
            break;
        }
        sb_add(&b, p, (size_t)(q - p));
        sb_puts(&b, base);
        p = q + 6;
    }
    respond(fd, 200, b.s, b.len);
    sb_free(&b);
    free(text);
}

/* Serves root (which the caller keeps) until stop_server. */
static server start_server(const char *root)
{
    server s = {0, 0, ""};
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(ls >= 0);
    int one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK); /* 127.0.0.1 only */
    a.sin_port = 0;
    assert_int_equal(bind(ls, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(listen(ls, 16), 0);
    socklen_t len = sizeof a;
    getsockname(ls, (struct sockaddr *)&a, &len);
    s.port = ntohs(a.sin_port);
    snprintf(s.base, sizeof s.base, "http://127.0.0.1:%d", s.port);
    fflush(NULL);
    s.pid = fork();
    assert_true(s.pid >= 0);
    if (s.pid == 0) {
        /* Never outlive the test: a failed assertion skips stop_server. */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        alarm(120);
        int flaky = 0;
        for (;;) {
            int fd = accept(ls, NULL, NULL);
            if (fd < 0)
                continue;
            handle(fd, root, s.base, &flaky);
            close(fd);
        }
    }
    close(ls);
    return s;
}

static void stop_server(server *s)
{
    kill(s->pid, SIGKILL);
    waitpid(s->pid, NULL, 0);
}

#endif
