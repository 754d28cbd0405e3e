/* Figure 8.1: the share of couples whose partners have the same migration
 * background, from counts of couples by the partners' backgrounds. Pure. */
#ifndef COHESION_HOMOGAMY_H
#define COHESION_HOMOGAMY_H

/* 100 * same / total. Returns 0, or -1 when the counts cannot be a share
 * (total <= 0, same < 0, or same > total). */
int hg_share(double same, double total, double *out);

#endif
