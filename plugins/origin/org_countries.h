/* Origin countries from the national country table (1997-2017), shared by
 * figure 1.3 and the origin.country_* measures. */
#ifndef ORG_COUNTRIES_H
#define ORG_COUNTRIES_H

#include <stddef.h>
#include <wrrfig/plugin.h>

typedef struct org_country {
    const char *code;  /* host- or spec-owned */
    double total;
    int from_37296;    /* taken from 37296ned (missing in the country files) */
} org_country;

/* Latest year with a country value (Niveau=land); 0 when none. */
int org_latest_year(const wrrfig_host *h, const wrrfig_table *t);

/* A country the country files lack, with its 37296ned topic. */
typedef struct org_extra {
    const char *country, *topic;
} org_extra;

/* Morocco is missing from the source's Africa file; 37296ned has it. */
extern const org_extra org_default_extras[];
extern const size_t org_n_default_extras;

/* Countries (Niveau=land) of a year, plus the extras (from tn, when tn is
 * given and the country is absent), sorted by total, largest first. Groups
 * and continents (Niveau groep/werelddeel) are not countries and are left
 * out. Sets *n and returns 0; -1 (logged) when a count is negative. */
int org_countries(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_table *tc, const wrrfig_table *tn, int year,
                  const org_extra *extras, size_t n_extras, org_country *out, size_t max, size_t *n);

#endif
