#include "common/spectext.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define KEY_MAX 160

/* The key, or false when it does not fit (read as absent). */
static bool key_of(char *key, const char *fmt, va_list ap)
{
    int n = vsnprintf(key, KEY_MAX, fmt, ap);
    return n >= 0 && n < KEY_MAX;
}

const char *wfc_spec_textf(const wrrfig_host *h, wrrfig_ctx *ctx, const char *fmt, ...)
{
    char key[KEY_MAX];
    va_list ap;
    va_start(ap, fmt);
    bool ok = key_of(key, fmt, ap);
    va_end(ap);
    return ok ? h->spec_text(ctx, key) : NULL;
}

bool wfc_spec_numberf(const wrrfig_host *h, wrrfig_ctx *ctx, double *out, const char *fmt, ...)
{
    char key[KEY_MAX];
    va_list ap;
    va_start(ap, fmt);
    bool ok = key_of(key, fmt, ap);
    va_end(ap);
    return ok && h->spec_number(ctx, key, out);
}

size_t wfc_spec_countf(const wrrfig_host *h, wrrfig_ctx *ctx, const char *fmt, ...)
{
    char key[KEY_MAX];
    va_list ap;
    va_start(ap, fmt);
    bool ok = key_of(key, fmt, ap);
    va_end(ap);
    return ok ? h->spec_count(ctx, key) : 0;
}

bool wfc_spec_texts(const wrrfig_host *h, wrrfig_ctx *ctx, const char *const *keys, const char **out, size_t n)
{
    bool all = true;
    /* the spec's file is <id>.json: named as the host names spec errors */
    const char *id = h->spec_text(ctx, "id");
    for (size_t i = 0; i < n; i++) {
        out[i] = h->spec_text(ctx, keys[i]);
        if (!out[i]) {
            h->log(ctx, WRRFIG_LOG_ERROR,
                   "spec %s%s$.%s: no text at '%s' (figure text lives in the spec, in nl and en; C has no default)",
                   id ? id : "", id ? ".json: " : "", keys[i], keys[i]);
            all = false;
        }
    }
    return all;
}

/* Appends s[0..len) to out at *o, keeping room for the terminator. */
static bool put(char *out, size_t size, size_t *o, const char *s, size_t len)
{
    size_t room = size - 1 - *o;
    size_t k = len < room ? len : room;
    memcpy(out + *o, s, k);
    *o += k;
    return k == len;
}

bool wfc_fill(char *out, size_t size, const char *tmpl, const char *const *names, const char *const *values,
              size_t n)
{
    if (size == 0)
        return false;
    size_t o = 0;
    bool fit = true;
    for (const char *p = tmpl ? tmpl : ""; *p;) {
        size_t i = n;
        if (*p == '{')
            for (i = 0; i < n; i++) {
                size_t len = strlen(names[i]);
                if (strncmp(p + 1, names[i], len) == 0 && p[1 + len] == '}')
                    break;
            }
        if (i < n) {
            const char *v = values[i] ? values[i] : "";
            fit &= put(out, size, &o, v, strlen(v));
            p += strlen(names[i]) + 2;
        } else {
            fit &= put(out, size, &o, p, 1);
            p++;
        }
    }
    out[o] = '\0';
    return fit;
}

char *wfc_decimal(char *num, size_t size, const char *mark)
{
    char *dot = strchr(num, '.');
    if (!dot || !mark || strcmp(mark, ".") == 0)
        return num;
    size_t ml = strlen(mark), tail = strlen(dot + 1);
    if ((size_t)(dot - num) + ml + tail + 1 > size)
        return num; /* does not fit: left in the C locale rather than cut */
    memmove(dot + ml, dot + 1, tail + 1);
    memcpy(dot, mark, ml);
    return num;
}
