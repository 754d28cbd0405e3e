#include "common/spectext.h"

#include <stdarg.h>
#include <stdio.h>

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
    for (size_t i = 0; i < n; i++) {
        out[i] = h->spec_text(ctx, keys[i]);
        if (!out[i]) {
            h->log(ctx, WRRFIG_LOG_ERROR, "spec: no text at '%s' (figure text lives in the spec, in nl and en)",
                   keys[i]);
            all = false;
        }
    }
    return all;
}
