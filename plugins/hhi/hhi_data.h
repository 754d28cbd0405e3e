/*
 * hhi_data.h - population by origin group per area, read from the tidy
 * tables the hhi plugin uses, with the grouping made explicit. Which table
 * a figure or a measure reads comes from the figure's spec or the measure's
 * table list (data/hhi/tables.csv), never from this code; the layouts are:
 *   KWB percentages  region x variable: AANT_INW, P_WEST_AL, P_N_W_AL, ...
 *   KWB counts       region x variable: inwoners, westers, nietwesters
 *   group counts     region x herkomst (persons)
 *   CBS 84910NED     RegioS x Migratieachtergrond x Perioden x ... (one city)
 */
#ifndef HHI_DATA_H
#define HHI_DATA_H

#include <stddef.h>

#include "wrrfig/plugin.h"

#define HHI_MAX_GROUPS 64

typedef enum hhi_grouping {
    HHI_G3 = 0,      /* Dutch, western, non-western */
    HHI_G7 = 1,      /* Dutch, western, Moroccan, Antillean/Aruban, Surinamese, Turkish, other non-western */
    HHI_GCOUNTRY = 2 /* Dutch and each country CBS 84910NED lists (see hhi_data.c) */
} hhi_grouping;

typedef struct hhi_area {
    char code[24];
    char name[128];
    double pop;                /* residents; NaN when unknown */
    double w[HHI_MAX_GROUPS];  /* weights per group: persons or percent */
    size_t n;                  /* number of groups */
    int ok;                    /* 1 when d and h were computed */
    double d;                  /* 1 - sum p^2, the report's "hhi" */
    double h;                  /* sum p^2, textbook HHI */
    int nw_unsplit;            /* KWB: non-western subgroups all 0 (suppressed) while
                                  non-western > 0: kept as one group */
} hhi_area;

/* "3", "7", "country". */
const char *hhi_grouping_id(hhi_grouping g);
/* The spec's sentence naming the groups of grouping g, for the notes:
 * text.grouping.<id> ("text.grouping.7"), in the output language. NULL,
 * with an error naming that key logged, when the spec lacks it (the caller
 * fails the figure). Host-owned, valid until the callback returns. */
const char *hhi_grouping_text(const wrrfig_host *h, wrrfig_ctx *ctx, hhi_grouping g);
/* Group names of the 3- and 7-group schemes as the CSV writes them, the
 * same in every language (NULL for country level). */
const char *hhi_group_name(hhi_grouping g, size_t i);
size_t hhi_grouping_size(hhi_grouping g);

/* Computes d and h from w; ok = 0 when the weights are unusable. */
void hhi_area_compute(hhi_area *a);

/* The regions whose code starts with prefix of a KWB percentage table
 * (region x variable with AANT_INW, P_WEST_AL, ...), sorted by code. Shares
 * are the CBS whole percentages; Dutch background = 100 - western -
 * non-western, so the three main groups add up to 100. For 7 groups the
 * five non-western subgroups, rounded separately (their sum is off by up to
 * 3 points), are scaled to add up to the non-western share: the split then
 * refines the 3-group shares and never lowers the index below the 3-group
 * value. Regions without inhabitants have ok = 0. Caller frees *out. */
wrrfig_status hhi_load_kwb_pct(const wrrfig_host *h, wrrfig_ctx *ctx, const char *table, const char *prefix,
                               hhi_grouping g, hhi_area **out, size_t *n);

/* The regions whose code starts with prefix (a city's wijken "WK....", or
 * the city "GM....") of a KWB count table (region x variable with
 * inwoners, westers, nietwesters), 3 groups (Dutch = inhabitants - western -
 * non-western). Regions without inhabitants have ok = 0. */
wrrfig_status hhi_load_kwb_counts(const wrrfig_host *h, wrrfig_ctx *ctx, const char *table, const char *prefix,
                                  hhi_area **out, size_t *n);

/* Persons per region and origin group from a table with dimensions
 * region, herkomst (the layout the report's 18-group versions need, e.g.
 * CBS 84910NED aggregated with the WRR country -> group crosswalk).
 * Every region must have the same groups; the group count goes to
 * *n_groups and their codes (host-owned) to group_codes[HHI_MAX_GROUPS]. */
wrrfig_status hhi_load_group_counts(const wrrfig_host *h, wrrfig_ctx *ctx, const char *table,
                                    const char *prefix, hhi_area **out, size_t *n, size_t *n_groups,
                                    const char **group_codes);

/* One municipality (code gm) of a CBS 84910NED table (all ages, both
 * sexes, all generations) in period (a CBS code such as 2019JJ00). */
wrrfig_status hhi_load_city(const wrrfig_host *h, wrrfig_ctx *ctx, const char *table, const char *period,
                            const char *gm, hhi_grouping g, hhi_area *out);

#endif
