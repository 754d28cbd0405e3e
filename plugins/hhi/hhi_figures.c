/* The map figures: which data, grouping and boundaries each one uses. */
#include "hhi_figures.h"

#include <stdlib.h>

#include "hhi_maps.h"
#include "hhi_measures.h"

wrrfig_status hhi_build_fig_2_14(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    /* 1 January 2017 data on the 2017 boundaries (388 municipalities). */
    const hhi_map_config cfg = {HHI_SRC_KWB2017, HHI_G7, NULL, "GM", HHI_G_GEM2017, 1};
    return hhi_build_map(h, ctx, &cfg);
}

wrrfig_status hhi_build_fig_2_14_report(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const hhi_map_config cfg = {HHI_SRC_GROUP_COUNTS, HHI_G3, HHI_T_18_GEM2015, "GM", HHI_G_GEM2015, 1};
    return hhi_build_map(h, ctx, &cfg);
}

wrrfig_status hhi_build_fig_2_15(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const hhi_map_config cfg = {HHI_SRC_KWB2019, HHI_G3, NULL, "WK0518", HHI_G_WIJK2016_DH, 0};
    wrrfig_status st = hhi_build_map(h, ctx, &cfg);
    if (st != WRRFIG_OK)
        return st;
    /* The city as a whole, for comparison with the wijken. */
    hhi_area *city = NULL;
    size_t n = 0;
    if (hhi_load_kwb2019(h, ctx, "GM0518", &city, &n) == WRRFIG_OK && n == 1 && city[0].ok)
        h->note(ctx, "Den Haag as a whole, same data and grouping: %.3f", city[0].d);
    free(city);
    return st;
}

wrrfig_status hhi_build_fig_2_15_2017(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    /* KWB 2017 splits the non-western residents into the four largest
     * groups per wijk too: 7 groups on the 2017 wijk boundaries. */
    const hhi_map_config cfg = {HHI_SRC_KWB2017, HHI_G7, HHI_T_KWB2017_DH, "WK0518", HHI_G_WIJK2017_DH, 0};
    return hhi_build_map(h, ctx, &cfg);
}

wrrfig_status hhi_build_fig_2_15_report(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const hhi_map_config cfg = {HHI_SRC_GROUP_COUNTS, HHI_G3, HHI_T_18_WIJK2014, "WK0518", HHI_G_WIJK2016_DH, 0};
    return hhi_build_map(h, ctx, &cfg);
}
