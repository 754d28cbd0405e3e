/* The mapping files of a data directory: <data_dir>/mappings/<stem>.json.
 * One listing for every reader of that folder: `wrrfig import` and `list
 * --mappings` (their names), and the fetchable index (import/fetchable.c,
 * which loads each one). Only the listing lives here; what a mapping says
 * is import/mapping.h's job. */
#ifndef WF_DATA_MAPPING_FILES_H
#define WF_DATA_MAPPING_FILES_H

#include <stddef.h>

typedef struct wf_mapping_file {
    char *stem; /* "37296ned": the name `wrrfig import` takes */
    char *file; /* "37296ned.json": the name in the folder */
    char *path; /* "<data_dir>/mappings/37296ned.json": to open */
} wf_mapping_file;

/* Owns its entries and their strings; free with wf_mapping_files_free. */
typedef struct wf_mapping_files {
    wf_mapping_file *v;
    size_t n;
} wf_mapping_files;

/* Every entry of <data_dir>/mappings whose name ends in ".json" after at
 * least one character and does not start with '.', sorted by file name
 * (strcmp). A folder that is absent or unreadable lists nothing: a data
 * directory without mappings has none to offer. */
void wf_mapping_files_list(const char *data_dir, wf_mapping_files *out);
void wf_mapping_files_free(wf_mapping_files *l);

#endif
