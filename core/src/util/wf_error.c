#include "util/wf_error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int wf_errorv(wf_error *err, const char *fmt, va_list ap)
{
    if (err)
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    return -1;
}

int wf_errorf(wf_error *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    wf_errorv(err, fmt, ap);
    va_end(ap);
    return -1;
}

int wf_error_at(wf_error *err, const char *file, size_t line, size_t col, const char *fmt, ...)
{
    if (!err)
        return -1;
    int n = snprintf(err->msg, sizeof err->msg, "%s:%zu:%zu: ", file, line, col);
    if (n < 0 || (size_t)n >= sizeof err->msg)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg + n, sizeof err->msg - (size_t)n, fmt, ap);
    va_end(ap);
    return -1;
}

int wf_error_vin(wf_error *err, const char *where, const char *fmt, va_list ap)
{
    if (!err)
        return -1;
    int n = snprintf(err->msg, sizeof err->msg, "%s: ", where);
    if (n < 0)
        n = 0;
    if ((size_t)n < sizeof err->msg)
        vsnprintf(err->msg + n, sizeof err->msg - (size_t)n, fmt, ap);
    return -1;
}

int wf_error_in(wf_error *err, const char *where, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    wf_error_vin(err, where, fmt, ap);
    va_end(ap);
    return -1;
}

void wf_error_clear(wf_error *err)
{
    if (err)
        err->msg[0] = '\0';
}

bool wf_error_isset(const wf_error *err)
{
    return err && err->msg[0] != '\0';
}

static wf_error *errors_slot(wf_errors *l)
{
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 8;
        wf_error *nv = realloc(l->v, nc * sizeof *nv);
        if (!nv)
            return NULL;
        l->v = nv;
        l->cap = nc;
    }
    return &l->v[l->n++];
}

int wf_errors_add(wf_errors *l, const char *fmt, ...)
{
    wf_error *e = errors_slot(l);
    if (!e)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    wf_errorv(e, fmt, ap);
    va_end(ap);
    return -1;
}

int wf_errors_push(wf_errors *l, const wf_error *e)
{
    wf_error *slot = errors_slot(l);
    if (slot)
        *slot = *e;
    return -1;
}

char *wf_errors_join(const wf_errors *l)
{
    size_t len = 0;
    for (size_t i = 0; i < l->n; i++)
        len += strlen(l->v[i].msg) + 1;
    char *s = malloc(len + 1);
    if (!s)
        return NULL;
    size_t at = 0;
    for (size_t i = 0; i < l->n; i++) {
        size_t k = strlen(l->v[i].msg);
        memcpy(s + at, l->v[i].msg, k);
        s[at + k] = '\n';
        at += k + 1;
    }
    s[at] = '\0';
    return s;
}

void wf_errors_free(wf_errors *l)
{
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}
