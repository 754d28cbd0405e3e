/* wrrfig fetch TABLE...: downloads CBS tables through OData into snapshots
 * (core/src/fetch/snapshot.c). The base URLs come from --v3-url/--v4-url or
 * $WRRFIG_CBS_V3_URL/$WRRFIG_CBS_V4_URL, so tests point them at a server
 * on 127.0.0.1. */
#include <curl/curl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/options.h"
#include "fetch/snapshot.h"
#include "import/fetchable.h"
#include "util/strbuf.h"
#include "util/text.h"

static const char *env_or(const char *name, const char *dflt)
{
    const char *v = getenv(name);
    return v && *v ? v : dflt;
}

typedef struct fetch_job {
    const char *id;
    fetch_api api;
    const char *mapping; /* the name of the mapping that imports it (--needed), or NULL */
} fetch_job;

static void add_job(fetch_job *jobs, size_t *n, const char *id, fetch_api api, const char *mapping)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp(jobs[i].id, id) == 0 && jobs[i].api == api)
            return;
    jobs[(*n)++] = (fetch_job){id, api, mapping};
}

/* --needed: every NO-DATA figure's absent inputs that a snapshot mapping
 * produces; the others are named with what is missing. */
static void plan_needed(const wf_app *a, imp_fetch_index *ix, fetch_job *jobs, size_t *n)
{
    imp_fetch_index_load(a->data_dir, ix);
    size_t skipped = 0, before = *n;
    for (size_t i = 0; i < a->reg.n_figures; i++) {
        const wf_figure *f = &a->reg.figures[i];
        if (!first_missing_input(a, f->inputs))
            continue;
        imp_fetchable fe;
        imp_figure_fetchable(ix, a->data_dir, f->inputs, f->needs, &fe);
        if (!fe.ok) {
            printf("not fetchable: %s: %s\n", f->id, fe.reason);
            skipped++;
            continue;
        }
        for (size_t k = 0; k < fe.n_via; k++)
            add_job(jobs, n, fe.via[k]->cbs, strcmp(fe.via[k]->api, "v4") == 0 ? FETCH_V4 : FETCH_V3,
                    fe.via[k]->name);
    }
    printf("--needed: %zu table%s to fetch; %zu NO-DATA figure%s that fetch cannot fill\n", *n - before,
           *n - before == 1 ? "" : "s", skipped, skipped == 1 ? "" : "s");
}

int cmd_fetch(wf_app *a, int argc, char **argv)
{
    static const wf_usage usage = {
        "fetch", "[TABLE...]",
        "Downloads CBS tables (e.g. 37296ned) through OData into snapshots: DIR/<table>/<UTC time>/ with every\n"
        "raw response page, each resource merged into <Resource>.json, and manifest.json (URL, sha256, bytes and\n"
        "time of each page; CBS's Modified and ReasonDelivery; licence). v3 (opendata.cbs.nl Feed): TableInfos,\n"
        "DataProperties, each dimension's codes, TypedDataSet; v4 (datasets.cbs.nl): Properties, Dimensions,\n"
        "MeasureCodes, <Dim>Codes, Observations; odata.nextLink is followed. A failed fetch leaves nothing\n"
        "and names the URL and the HTTP status or curl error. 429 and 5xx are retried with backoff.\n"
        "A mapping imports a snapshot through a pattern: \"file\": \"snapshots/37296ned/*/TypedDataSet.json\".\n"
        "--needed fetches every CBS table a NO-DATA figure needs for which a mapping in data/mappings/ exists\n"
        "(the API the mapping reads); `wrrfig list` says which figures that fills and what else is missing.\n",
        0, -1, NULL};
    static const char *const apis[] = {"v3", "v4", NULL};
    const char *api = "v3", *snapshots = NULL;
    bool needed = false;
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
        WF_OPT_FLAG(0, "needed", &needed, "also fetch every table a NO-DATA figure needs that a mapping reads"),
        WF_OPT_END,
    };
    char **pos;
    int n_pos, rc;
    if (wf_cmd_parse(a, &usage, opts, argc, argv, &pos, &n_pos, &rc) != 0)
        return rc;
    if (n_pos == 0 && !needed) {
        fprintf(stderr, "wrrfig fetch: expected TABLE... or --needed (see wrrfig help fetch)\n");
        free(pos);
        return EXIT_USAGE;
    }
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
    /* What to fetch: the tables named, then (--needed) those NO-DATA
     * figures need, each once, through the API its mapping reads. */
    /* Only --needed reads the figures: plain `fetch TABLE` loads no plugin. */
    if (needed && !a->plugins_loaded && a->reg.n_plugins == 0) {
        a->plugin_rc = app_load_plugins(a);
        a->plugins_loaded = true;
    }
    fetch_job *jobs = xcalloc((size_t)n_pos + a->reg.n_figures * IMP_FETCH_MAX + 1, sizeof *jobs);
    size_t n_jobs = 0;
    for (int i = 0; i < n_pos; i++)
        add_job(jobs, &n_jobs, pos[i], fo.api, NULL);
    imp_fetch_index ix = {0};
    if (needed)
        plan_needed(a, &ix, jobs, &n_jobs);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    int failed = 0;
    for (size_t i = 0; i < n_jobs; i++) {
        strbuf log = STRBUF_INIT;
        char *dir = NULL;
        wf_error err = {{0}};
        fo.api = jobs[i].api;
        if (fetch_table(&fo, jobs[i].id, &dir, &log, &err) != 0) {
            char pre[160]; /* the message may quote a server's response */
            snprintf(pre, sizeof pre, "wrrfig fetch: %s: ", jobs[i].id);
            text_print_safe(stderr, pre, err.msg);
            failed = 1;
        } else {
            printf("fetched %s -> %s\n%s", jobs[i].id, dir, sb_cstr(&log));
            if (jobs[i].mapping)
                printf("  then: wrrfig import %s\n", jobs[i].mapping);
        }
        free(dir);
        sb_free(&log);
    }
    curl_global_cleanup();
    free(jobs);
    imp_fetch_index_free(&ix);
    sb_free(&root);
    free(pos);
    return failed ? EXIT_FAILED : EXIT_OK;
}
