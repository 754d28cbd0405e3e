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
    HHI_SRC_KWB2017,      /* KWB 2017 percentages (cfg.table, default hhi/kwb2017_gemeente) */
    HHI_SRC_KWB2019,      /* hhi/kwb2019_denhaag, counts, 3 groups */
    HHI_SRC_GROUP_COUNTS  /* region x herkomst persons (cfg.table) */
} hhi_source;

typedef struct hhi_map_config {
    hhi_source source;
    hhi_grouping grouping;  /* KWB 2017 only */
    const char *table;      /* HHI_SRC_GROUP_COUNTS; KWB 2017 tables other than the municipal one */
    const char *prefix;     /* region codes mapped: "GM", "WK0518" */
    const char *geometry;   /* boundaries of the data's year */
    int national;           /* note pooled and mean values over the areas */
} hhi_map_config;

wrrfig_status hhi_build_map(const wrrfig_host *h, wrrfig_ctx *ctx, const hhi_map_config *cfg);

/* Reads the spec's class breaks ("classes": {"method": "fixed", "breaks":
 * [...]} or {"method": "quantiles", "n": 5}) for the given values. */
int hhi_spec_classes(const wrrfig_host *h, wrrfig_ctx *ctx, const double *v, size_t n,
                     hhi_classes *out, int *decimals);

#endif
