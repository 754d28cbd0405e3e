/* wrrfig fetch TABLE...: downloads CBS tables through OData into snapshots
 * (core/src/fetch/snapshot.c). The base URLs come from --v3-url/--v4-url or
 * $WRRFIG_CBS_V3_URL/$WRRFIG_CBS_V4_URL, so tests point them at a server
 * on 127.0.0.1. */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/options.h"
#include "fetch/snapshot.h"
#include "util/strbuf.h"

static const char *env_or(const char *name, const char *dflt)
{
    const char *v = getenv(name);
    return v && *v ? v : dflt;
}

int cmd_fetch(wf_app *a, int argc, char **argv)
{
    static const wf_usage usage = {
        "fetch", "TABLE...",
        "Downloads CBS tables (e.g. 37296ned) through OData into snapshots: DIR/<table>/<UTC time>/ with every\n"
        "raw response page, each resource merged into <Resource>.json, and manifest.json (URL, sha256, bytes and\n"
        "time of each page; CBS's Modified and ReasonDelivery; licence). v3 (opendata.cbs.nl Feed): TableInfos,\n"
        "DataProperties, each dimension's codes, TypedDataSet; v4 (datasets.cbs.nl): Properties, Dimensions,\n"
        "MeasureCodes, <Dim>Codes, Observations; odata.nextLink is followed. A failed fetch leaves nothing\n"
        "and names the URL and the HTTP status or curl error. 429 and 5xx are retried with backoff.\n"
        "A mapping imports a snapshot through a pattern: \"file\": \"snapshots/37296ned/*/TypedDataSet.json\".\n",
        1, -1, NULL};
    static const char *const apis[] = {"v3", "v4", NULL};
    const char *api = "v3", *snapshots = NULL;
    const char *v3 = env_or("WRRFIG_CBS_V3_URL", "https://opendata.cbs.nl/ODataFeed/odata");
    const char *v4 = env_or("WRRFIG_CBS_V4_URL", "https://datasets.cbs.nl/odata/v1/CBS");
    int http_timeout = 300, stall = 30, retries = 4, max_mb = 512, backoff = 1000;
    const wf_option opts[] = {
        WF_OPT_CHOICE(0, "api", &api, "v3|v4", apis, "OData v3 (opendata.cbs.nl, default) or v4 (datasets.cbs.nl)"),
        WF_OPT_STRING(0, "v3-url", &v3, "URL", "v3 base (default $WRRFIG_CBS_V3_URL or https://opendata.cbs.nl/ODataFeed/odata)"),
        WF_OPT_STRING(0, "v4-url", &v4, "URL", "v4 base (default $WRRFIG_CBS_V4_URL or https://datasets.cbs.nl/odata/v1/CBS)"),
        WF_OPT_STRING(0, "snapshots", &snapshots, "DIR", "snapshot root (default $WRRFIG_SNAPSHOTS or <shared>/snapshots)"),
        WF_OPT_INT(0, "http-timeout", &http_timeout, "S", 1, 86400, "seconds one request may take (default 300)"),
        WF_OPT_INT(0, "stall", &stall, "S", 1, 3600, "give up when no byte arrives for S seconds (default 30)"),
        WF_OPT_INT(0, "retries", &retries, "N", 0, 20, "retries after a 429 or 5xx (default 4)"),
        WF_OPT_INT(0, "backoff-ms", &backoff, "MS", 0, 600000, "first wait before a retry; doubles (default 1000)"),
        WF_OPT_INT(0, "max-mb", &max_mb, "N", 1, 65536, "size limit of one response in MiB (default 512)"),
        WF_OPT_END,
    };
    char **pos;
    int n_pos, rc;
    if (wf_cmd_parse(a, &usage, opts, argc, argv, &pos, &n_pos, &rc) != 0)
        return rc;
    strbuf root = STRBUF_INIT;
    if (snapshots)
        sb_puts(&root, snapshots);
    else if (getenv("WRRFIG_SNAPSHOTS") && *getenv("WRRFIG_SNAPSHOTS"))
        sb_puts(&root, getenv("WRRFIG_SNAPSHOTS"));
    else
        sb_printf(&root, "%s/snapshots", a->shared_dir);
    fetch_opts fo = {{http_timeout, stall, retries, backoff, (size_t)max_mb << 20},
                     strcmp(api, "v4") == 0 ? FETCH_V4 : FETCH_V3, v3, v4, root.s, 100000};
    for (int i = 0; i < n_pos; i++)
        if (!fetch_valid_table_id(pos[i])) {
            fprintf(stderr, "wrrfig fetch: '%s' is not a CBS table id (letters, digits, '_' or '-')\n", pos[i]);
            sb_free(&root);
            free(pos);
            return EXIT_USAGE;
        }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    int failed = 0;
    for (int i = 0; i < n_pos; i++) {
        strbuf log = STRBUF_INIT;
        char *dir = NULL;
        wf_error err = {{0}};
        if (fetch_table(&fo, pos[i], &dir, &log, &err) != 0) {
            fprintf(stderr, "wrrfig fetch: %s: %s\n", pos[i], err.msg);
            failed = 1;
        } else {
            printf("fetched %s -> %s\n%s", pos[i], dir, sb_cstr(&log));
        }
        free(dir);
        sb_free(&log);
    }
    curl_global_cleanup();
    sb_free(&root);
    free(pos);
    return failed ? EXIT_FAILED : EXIT_OK;
}
