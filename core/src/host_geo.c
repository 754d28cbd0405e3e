/* Geometry inputs for plugins. PLACEHOLDER until the GeoJSON reader lands
 * (branch hhi): reports every geometry input as unreadable, so maps are
 * NO-DATA rather than drawn wrong. */
#include "ctx.h"

const wrrfig_feature *host_geo_features(wrrfig_ctx *ctx, const char *name, size_t *n)
{
    host_api()->log(ctx, WRRFIG_LOG_ERROR, "geometry '%s': GeoJSON support is not built in yet", name);
    if (n)
        *n = 0;
    return NULL;
}
