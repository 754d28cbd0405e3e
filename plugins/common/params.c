#include "common/params.h"

#include <math.h>

wrrfig_status wfc_param_whole(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, const char *name,
                              bool required, int def, int *out)
{
    double v;
    if (!h->param_number(p, name, &v)) {
        if (required) {
            h->log(ctx, WRRFIG_LOG_ERROR, "parameter '%s' (a whole number) is required", name);
            return WRRFIG_ERROR;
        }
        *out = def;
        return WRRFIG_OK;
    }
    if (!(v == floor(v)) || fabs(v) > 1e6) {
        h->log(ctx, WRRFIG_LOG_ERROR, "parameter %s=%g: expected a whole number", name, v);
        return WRRFIG_ERROR;
    }
    *out = (int)v;
    return WRRFIG_OK;
}
