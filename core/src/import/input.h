/* Where a mapping's input comes from. A mapping names a file, or a pattern
 * (a glob such as "dir/37296ned_UntypedDataSet_*.csv") relative to the
 * shared data directory; the newest match wins, so a new CBS download needs
 * no edit of the mapping. */
#ifndef WF_IMPORT_INPUT_H
#define WF_IMPORT_INPUT_H

#include <stdbool.h>

#include "util/wf_error.h"

/* Does the name hold glob characters (* ? [)? */
bool imp_is_pattern(const char *name);

/* Resolves name under shared_dir. A plain name is returned as it is (even
 * when the file is absent: reading it reports that); a pattern becomes its
 * newest match (latest modification time; on a tie the name that sorts
 * last). *rel gets the path relative to shared_dir (caller frees).
 * Returns 0; 1 when a pattern matches nothing (err says so); -1 on error. */
int imp_input_resolve(const char *shared_dir, const char *name, char **rel, wf_error *err);

/* Is the file a mapping input names (after resolving) absent? Used to skip
 * a mapping in a staleness check on a machine that lacks its source. */
bool imp_input_absent(const char *shared_dir, const char *name);

#endif
