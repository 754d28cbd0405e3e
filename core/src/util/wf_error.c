#include "util/wf_error.h"

#include <stdio.h>
#include <stdlib.h>

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

int wf_errors_add(wf_errors *l, const char *fmt, ...)
{
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 8;
        wf_error *nv = realloc(l->v, nc * sizeof *nv);
        if (!nv)
            return -1;
        l->v = nv;
        l->cap = nc;
    }
    va_list ap;
    va_start(ap, fmt);
    wf_errorv(&l->v[l->n++], fmt, ap);
    va_end(ap);
    return -1;
}

void wf_errors_free(wf_errors *l)
{
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}
