/* Names a user types: the tables of a data directory and its mappings, for
 * `wrrfig list --tables`, "did you mean" and bash completion. */
#ifndef WF_NAMES_H
#define WF_NAMES_H

#include <stddef.h>

/* A sorted list of strings; free with wf_names_free. */
typedef struct wf_names {
    char **v;
    size_t n;
} wf_names;

/* Every table under data_dir: each <name>.meta.json, as "cbs/37296ned". */
void wf_table_names(const char *data_dir, wf_names *out);
/* Every mapping: <data_dir>/mappings/<name>.json, as "37296ned". */
void wf_mapping_names(const char *data_dir, wf_names *out);
void wf_names_free(wf_names *n);

#endif
