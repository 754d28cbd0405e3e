#include "common/kindparam.h"

#include <stdio.h>

const char *wfc_kind_text(const wrrfig_host *h, wrrfig_ctx *ctx, const char *name)
{
    const char *v = h->kind_text(ctx, name);
    if (v)
        return v;
    char key[128];
    snprintf(key, sizeof key, "inputs.%s", name);
    v = h->spec_text(ctx, key);
    if (v)
        return v;
    snprintf(key, sizeof key, "params.%s", name);
    return h->spec_text(ctx, key);
}

bool wfc_kind_number(const wrrfig_host *h, wrrfig_ctx *ctx, const char *name, double *out)
{
    if (h->kind_number(ctx, name, out))
        return true;
    char key[128];
    snprintf(key, sizeof key, "params.%s", name);
    return h->spec_number(ctx, key, out);
}

size_t wfc_kind_count(const wrrfig_host *h, wrrfig_ctx *ctx, const char *name)
{
    size_t n = h->kind_count(ctx, name);
    if (n)
        return n;
    char key[128];
    snprintf(key, sizeof key, "params.%s", name);
    return h->spec_count(ctx, key);
}
