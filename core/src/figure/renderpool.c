#define _POSIX_C_SOURCE 200809L
#include "figure/renderpool.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "figure/gpserver.h"
#include "util/fdio.h"

enum { REQ_HEAD = 4 + 4, ANS_HEAD = 4 + 1 + 4, MAX_FRAME = 1 << 20 };

typedef struct slot {
    wf_gpserver *gp;     /* NULL until the slot first renders, or after gnuplot died */
    int reply_fd;        /* the worker waiting for the pending render, or -1 */
    strbuf messages;     /* gnuplot's lines for the slot's current figure */
} slot;

struct wf_render_pool {
    slot *slots;
    int n;
    double timeout;
};

static void put_u32(unsigned char *b, size_t v)
{
    for (int i = 0; i < 4; i++)
        b[i] = (unsigned char)(v >> (8 * i));
}

static size_t get_u32(const unsigned char *b)
{
    return (size_t)b[0] | (size_t)b[1] << 8 | (size_t)b[2] << 16 | (size_t)b[3] << 24;
}

wf_render_pool *render_pool_new(int slots, double timeout)
{
    if (slots < 1)
        slots = 1;
    wf_render_pool *p = xcalloc(1, sizeof *p);
    p->slots = xcalloc((size_t)slots, sizeof *p->slots);
    p->n = slots;
    p->timeout = timeout;
    for (int i = 0; i < slots; i++)
        p->slots[i].reply_fd = -1;
    return p;
}

size_t render_pool_pids(const wf_render_pool *p, pid_t *out, size_t max)
{
    size_t n = 0;
    for (int i = 0; p && i < p->n && n < max; i++)
        if (gpserver_pid(p->slots[i].gp) > 0)
            out[n++] = gpserver_pid(p->slots[i].gp);
    return n;
}

void render_pool_free(wf_render_pool *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->n; i++) {
        gpserver_stop(p->slots[i].gp);
        sb_free(&p->slots[i].messages);
    }
    free(p->slots);
    free(p);
}

static void answer(int fd, bool ok, const char *text)
{
    size_t len = strlen(text);
    unsigned char head[ANS_HEAD];
    memcpy(head, "WRFA", 4);
    head[4] = ok ? 1 : 0;
    put_u32(head + 5, len);
    /* A worker that is gone is noticed by the scheduler, not here. The
     * host's end is non-blocking and a plugin may never read it: the
     * host does not wait (FDIO_NOWAIT), the answer is dropped. */
    if (fd_write_all(fd, head, sizeof head, FDIO_NOWAIT, "render answer", NULL) == 0)
        (void)fd_write_all(fd, text, len, FDIO_NOWAIT, "render answer", NULL);
}

/* Whether path is out_dir/.<id>.<something> with no way out of out_dir. */
static bool own_file(const char *path, const char *out_dir, const char *id)
{
    size_t dl = strlen(out_dir), il = strlen(id);
    return strncmp(path, out_dir, dl) == 0 && path[dl] == '/' && path[dl + 1] == '.' &&
           strncmp(path + dl + 2, id, il) == 0 && path[dl + 2 + il] == '.' && !strchr(path + dl + 1, '/') &&
           !strchr(path, '\n');
}

int render_pool_take_request(wf_render_pool *p, int k, strbuf *buf, const char *out_dir, const char *id,
                             int reply_fd)
{
    if (buf->len < REQ_HEAD || memcmp(buf->s, "WRFR", 4) != 0)
        return 0;
    size_t len = get_u32((const unsigned char *)buf->s + 4);
    if (len > MAX_FRAME || buf->len < REQ_HEAD + len)
        return 0;
    char *body = xmalloc(len + 1);
    memcpy(body, buf->s + REQ_HEAD, len);
    body[len] = '\0';
    memmove(buf->s, buf->s + REQ_HEAD + len, buf->len - REQ_HEAD - len + 1);
    buf->len -= REQ_HEAD + len;
    char *script = body, *prefix = strchr(body, '\n'), *formats = NULL;
    if (prefix) {
        *prefix++ = '\0';
        formats = strchr(prefix, '\n');
        if (formats)
            *formats++ = '\0';
    }
    slot *s = &p->slots[k];
    wf_error err = {""};
    if (!formats || memchr(body, '\0', len) != body + strlen(script) || !own_file(script, out_dir, id) ||
        !own_file(prefix, out_dir, id) || strspn(formats, "svgpdfn1x ,") != strlen(formats) /* svg, pdf, png, png1x */) {
        answer(reply_fd, false, "render request refused: it names files that are not this figure's");
    } else if (s->reply_fd >= 0) {
        answer(reply_fd, false, "render request refused: one is already pending");
    } else {
        if (!s->gp)
            s->gp = gpserver_launch(&err);
        if (s->gp && gpserver_await(s->gp, p->timeout, &err) != 0) {
            gpserver_stop(s->gp);
            s->gp = NULL;
        }
        strbuf shown = STRBUF_INIT;
        sb_printf(&shown, "%s.gp", id);
        int sub = s->gp ? gpserver_submit(s->gp, script, shown.s, formats, prefix, &err) : -1;
        sb_free(&shown);
        if (sub != 0) {
            gpserver_stop(s->gp);
            s->gp = NULL;
            answer(reply_fd, false, err.msg);
        } else {
            s->reply_fd = reply_fd;
        }
    }
    free(body);
    return 1;
}

void render_pool_warm(wf_render_pool *p, int k)
{
    slot *s = &p->slots[k];
    if (!s->gp)
        s->gp = gpserver_launch(NULL); /* a failure shows at the slot's first request */
}

int render_pool_fd(const wf_render_pool *p, int k)
{
    const slot *s = &p->slots[k];
    return s->reply_fd >= 0 && s->gp ? gpserver_fd(s->gp) : -1;
}

int render_pool_step(wf_render_pool *p, int k)
{
    slot *s = &p->slots[k];
    if (s->reply_fd < 0 || !s->gp)
        return 0;
    bool ok = false;
    strbuf msgs = STRBUF_INIT;
    wf_error err = {""};
    int r = gpserver_poll(s->gp, &ok, &msgs, &err);
    if (r == 0) {
        sb_free(&msgs);
        return 0;
    }
    if (r < 0) {
        gpserver_stop(s->gp);
        s->gp = NULL; /* the next render of this slot starts a new one */
        sb_puts(&msgs, err.msg);
        sb_putc(&msgs, '\n');
        ok = false;
    }
    sb_add(&s->messages, msgs.s ? msgs.s : "", msgs.len);
    answer(s->reply_fd, ok, sb_cstr(&msgs));
    s->reply_fd = -1;
    sb_free(&msgs);
    return 1;
}

void render_pool_release(wf_render_pool *p, int k, strbuf *messages)
{
    slot *s = &p->slots[k];
    if (s->reply_fd >= 0) {
        /* The worker died or timed out with its render pending: that
         * gnuplot may be the one that hangs. */
        gpserver_stop(s->gp);
        s->gp = NULL;
        s->reply_fd = -1;
    }
    if (messages && s->messages.len)
        sb_add(messages, s->messages.s, s->messages.len);
    s->messages.len = 0;
    if (s->messages.s)
        s->messages.s[0] = '\0';
}

int render_pool_request(int fd, const char *script, const char *prefix, const char *formats, strbuf *messages,
                        wf_error *err)
{
    strbuf body = STRBUF_INIT;
    sb_printf(&body, "%s\n%s\n%s", script, prefix, formats);
    unsigned char head[REQ_HEAD];
    memcpy(head, "WRFR", 4);
    put_u32(head + 4, body.len);
    /* The worker's end: it waits (the worker has its own time limit). */
    int rc = fd_write_all(fd, head, sizeof head, FDIO_FOREVER, "render request", NULL) == 0 &&
                     fd_write_all(fd, body.s, body.len, FDIO_FOREVER, "render request", NULL) == 0
                 ? 0
                 : -1;
    sb_free(&body);
    if (rc != 0) {
        /* The plugin closed or replaced the channel: the caller renders by
         * itself, and the host verifies the outputs as ever. */
        wf_errorf(err, "cannot ask the host to render: %s", strerror(errno));
        return -2;
    }
    unsigned char ah[ANS_HEAD];
    if (fd_read_all(fd, ah, sizeof ah, FDIO_FOREVER, "render answer", NULL) != 0 || memcmp(ah, "WRFA", 4) != 0)
        return wf_errorf(err, "the host did not answer the render request");
    size_t len = get_u32(ah + 5);
    if (len > MAX_FRAME)
        return wf_errorf(err, "the host's answer is too long");
    char *text = xmalloc(len + 1);
    if (fd_read_all(fd, text, len, FDIO_FOREVER, "render answer", NULL) != 0) {
        free(text);
        return wf_errorf(err, "the host's answer was cut short");
    }
    text[len] = '\0';
    if (messages)
        sb_add(messages, text, len);
    if (!ah[4]) {
        /* the last line says most: gnuplot's error follows its warnings */
        size_t l = len;
        while (l > 0 && text[l - 1] == '\n')
            text[--l] = '\0';
        char *nl = strrchr(text, '\n');
        wf_errorf(err, "gnuplot failed: %s", nl ? nl + 1 : (l ? text : "(no message)"));
        free(text);
        return -1;
    }
    free(text);
    return 0;
}
