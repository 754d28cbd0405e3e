/*
 * hhi_national.h - national (or city-wide) summaries of area indices.
 *
 * The report gives one national value, 0,38, once as "de hhi voor heel
 * Nederland" and once as "de gemiddelde hhi". Both readings are computed:
 * the index of the pooled national shares, and the mean of the areas'
 * indices (unweighted and population-weighted), so the build can say which
 * one the report's number matches.
 */
#ifndef HHI_NATIONAL_H
#define HHI_NATIONAL_H

#include <stddef.h>

#include "hhi_data.h"

typedef struct hhi_summary {
    double pooled_d;  /* 1 - sum p^2 of the pooled shares */
    double pooled_h;  /* sum p^2 of the pooled shares */
    double mean_d;    /* unweighted mean of area values */
    double wmean_d;   /* population-weighted mean of area values */
    double pop;       /* residents of the areas used */
    size_t n_used;    /* areas with a value and a population */
} hhi_summary;

/* Areas without a value or population are left out (counted by the
 * caller). Pooled shares: each area's shares times its population, summed.
 * All areas must use the same grouping. Returns 0, or -1 when no area is
 * usable or groupings differ. */
int hhi_summarise(const hhi_area *a, size_t n, hhi_summary *out);

/* 100 x residents of areas with lo <= d < hi / residents of all usable
 * areas. */
double hhi_pop_share(const hhi_area *a, size_t n, double lo, double hi);

/* 1 + the number of areas with a strictly higher d; 0 when the area has no
 * value. */
size_t hhi_rank(const hhi_area *a, size_t n, const hhi_area *which);

#endif
