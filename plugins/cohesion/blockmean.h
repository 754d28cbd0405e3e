/* Figure 3.1: SCP's "nationaal probleembesef" as averages over blocks of
 * three years (twelve quarters), for the categories largest in one quarter.
 * Pure: works on plain arrays, so it is tested without the host. */
#ifndef COHESION_BLOCKMEAN_H
#define COHESION_BLOCKMEAN_H

#include <stddef.h>

/* Parses a CBS/SCP quarter code "2019KW03" into year and quarter (1-4).
 * Returns 0, or -1 when s is not such a code. */
int bm_quarter(const char *s, int *year, int *quarter);

typedef struct bm_obs {
    const char *period;   /* "2019KW03" */
    const char *category; /* topic code */
    double value;         /* percent */
    int present;          /* 0: the cell is absent or a CBS/SCP missing symbol */
} bm_obs;

/* The n categories with the largest values in rank_period, largest first
 * (ties: code order). Writes up to n pointers into top (pointing into obs)
 * and returns how many it found. */
size_t bm_top(const bm_obs *obs, size_t n_obs, const char *rank_period, size_t n, const char **top);

/* Mean of category over the quarters of years from..to. *used receives the
 * number of quarters with a value, *expected how many the block has. The
 * mean is NaN unless every quarter is present: the report's note says each
 * bar averages all twelve quarters, and a partial mean would be another
 * quantity. */
double bm_block_mean(const bm_obs *obs, size_t n_obs, const char *category, int from, int to, size_t *used,
                     size_t *expected);

#endif
