/* hhi_figures.h - build functions of the hhi plugin's figure kinds. */
#ifndef HHI_FIGURES_H
#define HHI_FIGURES_H

#include "wrrfig/plugin.h"

/* hhi.area-map: a choropleth of the index over any boundary layer and
 * origin table (spec inputs origin, boundaries; params layout,
 * code_prefix, groups, national, whole). */
wrrfig_status hhi_build_area_map(const wrrfig_host *h, wrrfig_ctx *ctx);
/* hhi.granularity: the index of some municipalities at three groupings
 * (spec inputs origin; params period, areas). */
wrrfig_status hhi_build_granularity(const wrrfig_host *h, wrrfig_ctx *ctx);

#endif
