/* Spreading end-of-line labels apart along one axis.
 *
 * Line charts label each line at its last point; two lines that end close
 * together would print their labels on top of each other. wfc_spread moves
 * label positions the least needed so neighbours are at least `gap` apart
 * and all stay inside [lo, hi] (when the range can hold them), keeping
 * their order. Plugins draw a short leader from the point to a moved label
 * when they want to. */
#ifndef WRRFIG_COMMON_LABELSPREAD_H
#define WRRFIG_COMMON_LABELSPREAD_H

#include <stddef.h>

/* pos[0..n) are the wanted positions (any order); on return each holds its
 * label's position. n <= 64; returns -1 (pos unchanged) for more, or for a
 * gap that is not positive. */
int wfc_spread(double *pos, size_t n, double gap, double lo, double hi);

#endif
