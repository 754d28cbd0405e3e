/* The map figures (kind hhi.area-map): which data, grouping and
 * boundaries a map uses comes from its spec's inputs and params. */
#include "hhi_figures.h"

#include <stdlib.h>
#include <string.h>

#include "hhi_maps.h"

wrrfig_status hhi_build_area_map(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    hhi_map_config cfg;
    if (hhi_map_config_from_spec(h, ctx, &cfg) != 0)
        return WRRFIG_ERROR;
    wrrfig_status st = hhi_build_map(h, ctx, &cfg);
    if (st != WRRFIG_OK || !cfg.whole || !*cfg.whole)
        return st;
    /* The whole city, same table and grouping, for comparison with its
     * parts. */
    hhi_area *whole = NULL;
    size_t n = 0;
    wrrfig_status ws = cfg.source == HHI_SRC_KWB_COUNTS
                           ? hhi_load_kwb_counts(h, ctx, cfg.table, cfg.whole, &whole, &n)
                           : cfg.source == HHI_SRC_KWB_PCT
                                 ? hhi_load_kwb_pct(h, ctx, cfg.table, cfg.whole, cfg.grouping, &whole, &n)
                                 : WRRFIG_NODATA;
    if (ws == WRRFIG_OK && n == 1 && whole[0].ok && strcmp(whole[0].name, whole[0].code) != 0)
        h->note(ctx, "%s (%s) as a whole, same data and grouping: %.3f", whole[0].name, whole[0].code, whole[0].d);
    else if (ws == WRRFIG_OK && n == 1 && whole[0].ok)
        h->note(ctx, "%s as a whole, same data and grouping: %.3f", whole[0].code, whole[0].d);
    else
        h->note(ctx, "%s as a whole: not in %s", cfg.whole, cfg.table);
    free(whole);
    return st;
}
