/* The report's order of figure ids: chapter, then number, then suffix
 * (fig-2-2 before fig-2-10, fig-2-15 before fig-2-15-2017 before
 * fig-2-15-report), the kind (fig, kader, tab) after the number. Ids without
 * numbers (hhi-granularity) come after those with, alphabetically. */
#ifndef WF_FIGURE_ORDER_H
#define WF_FIGURE_ORDER_H

#include <stddef.h>

#include "host/registry.h"

/* strcmp-like comparison of two ids in report order. */
int wf_figure_id_cmp(const char *a, const char *b);

/* Sorts figs[0..n) in report order (ties: as given). */
void wf_sort_figures(const wf_figure **figs, size_t n);

#endif
