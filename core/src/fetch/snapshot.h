/* wrrfig fetch: downloads one CBS table through OData (v3: opendata.cbs.nl's
 * Feed; v4: datasets.cbs.nl) into a snapshot directory
 * <root>/<table>/<UTC timestamp>/ holding every raw response page, each
 * resource's pages merged into <Resource>.json ({"value": [...]}, what the
 * importer's odata-json format reads) and manifest.json (URL, sha256, bytes
 * and time of each page, CBS's Modified and ReasonDelivery, licence). The
 * snapshot is written into a temporary directory and renamed when complete:
 * a failed fetch leaves nothing behind. */
#ifndef WF_FETCH_SNAPSHOT_H
#define WF_FETCH_SNAPSHOT_H

#include "fetch/http.h"
#include "util/strbuf.h"
#include "util/wf_error.h"

typedef enum { FETCH_V3 = 3, FETCH_V4 = 4 } fetch_api;

typedef struct fetch_opts {
    http_opts http;
    fetch_api api;
    const char *v3_base;    /* e.g. https://opendata.cbs.nl/ODataFeed/odata */
    const char *v4_base;    /* e.g. https://datasets.cbs.nl/odata/v1/CBS */
    const char *root;       /* snapshot root directory */
    size_t max_pages;       /* per resource (default 100000) */
} fetch_opts;

/* Is id a plausible CBS table id (letters, digits, '_' or '-', 1-32)? Ids
 * become directory names and URL parts, so nothing else is accepted. */
int fetch_valid_table_id(const char *id);

/* Fetches table id. *dir gets the snapshot directory (caller frees); log
 * gets one line per page. -1 with err naming the URL and the status or
 * curl error; the temporary directory is removed. */
int fetch_table(const fetch_opts *o, const char *id, char **dir, strbuf *log, wf_error *err);

#endif
