/* What an import changes: the new table compared with the one on disk,
 * cell by cell (rows are keyed by all their dimension codes). Printed by
 * `wrrfig import` and `--check`, so a new release says what it brings. */
#ifndef WF_IMPORT_IMPDIFF_H
#define WF_IMPORT_IMPDIFF_H

#include <stdio.h>

#include "data/table.h"
#include "util/strbuf.h"

typedef struct imp_change {
    size_t old_row, new_row;   /* (size_t)-1 when the row is absent on that side */
    double size;               /* |new - old| for two numbers; HUGE_VAL for a symbol change */
} imp_change;

typedef struct imp_diff {
    size_t added, removed, changed;
    imp_change *ch;            /* changed rows, largest first */
    char **periods_added, **periods_removed; /* period codes, sorted */
    size_t n_periods_added, n_periods_removed;
    int meta_changed;          /* the sidecar differs (labels, notes, sources) */
} imp_diff;

/* Compares old (may be NULL: everything is added) with new. Both tables
 * must be sorted (table_sort). period_dim may be NULL. */
void imp_diff_tables(const wf_table *old, const wf_table *new_t, const char *period_dim, imp_diff *d);
void imp_diff_free(imp_diff *d);
int imp_diff_empty(const imp_diff *d);

/* Appends the summary: one line of counts, then up to max_changes changes
 * with their keys ("Perioden=2020JJ00 Onderwerp=Immigratie_73: 1 -> 2"). */
void imp_diff_print(strbuf *b, const imp_diff *d, const wf_table *old, const wf_table *new_t, size_t max_changes);

#endif
