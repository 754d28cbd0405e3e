/* Runs a mapping: reads its sources, applies it (dimensions, melt, renames,
 * filters), checks every cell, and produces the tidy table with its
 * provenance sidecar. Output depends only on the mapping and the source
 * bytes (rows sorted, labels in code order, no dates or absolute paths), so
 * re-importing gives byte-identical files. */
#ifndef WF_IMPORT_BUILD_H
#define WF_IMPORT_BUILD_H

#include "data/table.h"
#include "util/strbuf.h"
#include "util/wf_error.h"

/* Builds the table of the mapping at mapping_path from files under
 * shared_dir (the directory the mapping's relative paths start from). */
int import_build(const char *mapping_path, const char *shared_dir, wf_table **out, wf_error *err);

/* import_build, then writes <data_dir>/<table>.csv and .meta.json
 * atomically. With check_only set nothing is written; instead the result is
 * compared with the files on disk and *differs is set (1 when absent or
 * different). *name receives the table name (caller frees; may be NULL). */
int import_run(const char *mapping_path, const char *shared_dir, const char *data_dir, int check_only,
               int *differs, char **name, wf_error *err);

/* import_run that also appends to summary (when not NULL) what the import
 * changes against the table in data_dir: rows added, removed and changed
 * (largest first), periods added. */
int import_run_report(const char *mapping_path, const char *shared_dir, const char *data_dir, int check_only,
                      int *differs, char **name, strbuf *summary, wf_error *err);

/* 1 when an input file of the mapping is absent from shared_dir (a pattern
 * that matches nothing counts as absent); *which gets its path (caller
 * frees). 0 otherwise, also for a mapping that cannot be read. */
int import_inputs_absent(const char *mapping_path, const char *shared_dir, char **which);

#endif
