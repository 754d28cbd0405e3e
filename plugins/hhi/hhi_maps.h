/*
 * hhi_maps.h - the choropleth figures: data -> index per area -> join with
 * the boundaries of the same year -> classes from the spec -> map, CSV and
 * notes (grouping, join report, national summaries).
 */
#ifndef HHI_MAPS_H
#define HHI_MAPS_H

#include "hhi_classes.h"
#include "hhi_data.h"

typedef enum hhi_source {
    HHI_SRC_KWB_PCT,      /* layout "kwb-pct": KWB percentages (AANT_INW, P_WEST_AL, ...), 7 or 3 groups */
    HHI_SRC_KWB_COUNTS,   /* "kwb-counts": KWB counts (inwoners, westers, nietwesters), 3 groups */
    HHI_SRC_GROUP_COUNTS  /* "group-counts": region x herkomst persons, the table's groups */
} hhi_source;

/* What an area map (figure kind hhi.area-map) shows. Every field comes
 * from the spec (common/kindparam.h): inputs origin and boundaries, params
 * layout, code_prefix, groups, national, whole (strings are host-owned,
 * valid during the build). */
typedef struct hhi_map_config {
    hhi_source source;
    hhi_grouping grouping;  /* kwb-pct: params.groups 7 (default) or 3 */
    const char *table;      /* inputs.origin: the origin table */
    const char *prefix;     /* params.code_prefix: region codes mapped, e.g. "GM" or a city's "WK...." */
    const char *geometry;   /* inputs.boundaries: boundaries of the data's year */
    int national;           /* params.national: note pooled and mean values over the areas */
    const char *whole;      /* params.whole: code of the whole area (a city's GM....) in the same
                               table, noted for comparison; NULL for none */
} hhi_map_config;

/* Reads the config from the spec; -1 (logged, naming the key) when a
 * parameter is missing or invalid. */
int hhi_map_config_from_spec(const wrrfig_host *h, wrrfig_ctx *ctx, hhi_map_config *cfg);

wrrfig_status hhi_build_map(const wrrfig_host *h, wrrfig_ctx *ctx, const hhi_map_config *cfg);

/* Reads the spec's class breaks ("classes": {"method": "fixed", "breaks":
 * [...]} or {"method": "quantiles", "n": 5}) for the given values. */
int hhi_spec_classes(const wrrfig_host *h, wrrfig_ctx *ctx, const double *v, size_t n,
                     hhi_classes *out, int *decimals);

#endif
