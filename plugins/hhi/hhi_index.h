/*
 * hhi_index.h - the diversity index of the report and the textbook HHI.
 *
 * The report calls its index "Herfindahl-Hirschman-Index" but defines it as
 * the probability that two residents drawn at random belong to different
 * origin groups: D = 1 - sum p_i^2 (Gini-Simpson). The textbook HHI is the
 * complement, H = sum p_i^2 (concentration). Both are computed from the
 * same shares so outputs can show that only D matches the report.
 *
 * Inputs are non-negative weights per group: counts of persons, or
 * percentages. Shares are weight / sum of weights. For whole-percent inputs
 * that do not add up to 100 (CBS rounds each group separately), dividing by
 * their actual sum spreads the rounding error over all groups in proportion
 * to their size instead of dumping it on one group.
 */
#ifndef HHI_INDEX_H
#define HHI_INDEX_H

#include <stddef.h>

typedef enum hhi_err {
    HHI_OK = 0,
    HHI_EMPTY = 1,    /* no groups, or all weights zero */
    HHI_NEGATIVE = 2, /* a weight below zero or not a number */
} hhi_err;

/* H = sum p_i^2 (textbook Herfindahl-Hirschman index), in [1/n, 1]. */
hhi_err hhi_textbook(const double *w, size_t n, double *out);

/* D = 1 - sum p_i^2 (the report's "hhi", Gini-Simpson), in [0, 1 - 1/n]. */
hhi_err hhi_gini_simpson(const double *w, size_t n, double *out);

/* Sum of weights, the population when the weights are counts. */
double hhi_total(const double *w, size_t n);

#endif
