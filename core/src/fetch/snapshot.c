#define _POSIX_C_SOURCE 200809L
#include "fetch/snapshot.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "format/jsonfile.h"
#include "util/fileio.h"
#include "util/rmtree.h"
#include "util/sha256.h"

int fetch_valid_table_id(const char *id)
{
    size_t n = strlen(id);
    if (n == 0 || n > 32)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)id[i]) && id[i] != '_' && id[i] != '-')
            return 0;
    return 1;
}

static void utc_now(char *buf, size_t n, const char *fmt)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, n, fmt, &tm);
}

typedef struct fetch_run {
    const fetch_opts *o;
    char *tmp;              /* the temporary snapshot directory */
    cJSON *pages;           /* manifest: one object per page */
    strbuf *log;
} fetch_run;

/* One resource, every page: raw pages saved as <name>.<k>.json, the value
 * arrays merged into <name>.json. *merged (may be NULL) gets the merged
 * document (caller deletes). */
static int get_resource(fetch_run *r, const char *url0, const char *name, cJSON **merged, wf_error *err)
{
    cJSON *all = cJSON_CreateArray(), *single = NULL;
    char *url = xstrdup(url0);
    int rc = -1;
    for (size_t k = 1; url; k++) {
        if (k > r->o->max_pages) {
            wf_errorf(err, "%s: more than %zu pages (odata.nextLink keeps coming)", url0, r->o->max_pages);
            goto done;
        }
        strbuf body = STRBUF_INIT;
        int attempts = 0;
        char when[32];
        utc_now(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ");
        if (http_get(&r->o->http, url, &body, &attempts, err) != 0) {
            sb_free(&body);
            goto done;
        }
        strbuf file = STRBUF_INIT, path = STRBUF_INIT;
        sb_printf(&file, "%s.%zu.json", name, k);
        sb_printf(&path, "%s/%s", r->tmp, file.s);
        char hex[65];
        sha256_hex(body.s ? body.s : "", body.len, hex);
        int wrc = atomic_write(path.s, body.s ? body.s : "", body.len, err);
        cJSON *pg = cJSON_CreateObject();
        cJSON_AddStringToObject(pg, "url", url);
        cJSON_AddStringToObject(pg, "file", file.s);
        cJSON_AddStringToObject(pg, "sha256", hex);
        cJSON_AddNumberToObject(pg, "bytes", (double)body.len);
        cJSON_AddStringToObject(pg, "fetched_at", when);
        cJSON_AddNumberToObject(pg, "attempts", attempts);
        cJSON_AddItemToArray(r->pages, pg);
        sb_printf(r->log, "  %s -> %s (%zu bytes)\n", url, file.s, body.len);
        sb_free(&path);
        sb_free(&file);
        if (wrc != 0) {
            sb_free(&body);
            goto done;
        }
        /* A UTF-8 BOM before the JSON is tolerated (CBS files carry one). */
        const char *text = body.s ? body.s : "";
        size_t len = body.len;
        if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
            text += 3;
            len -= 3;
        }
        /* The project's JSON rules (UTF-8 text, no duplicate keys): what
         * the merged file holds must be what the importer reads back; a
         * duplicate key, say, was merged unnoticed and refused at import
         * (found by tests/fuzz/fuzz_fetch.c). */
        cJSON *doc = NULL;
        if (json_parse(text, len, url, &doc, err) != 0) {
            sb_free(&body);
            goto done;
        }
        sb_free(&body);
        free(url);
        url = NULL;
        /* An OData document is an object; a bare number or string (found
         * by tests/fuzz/fuzz_fetch.c: a DataProperties of "2" was saved as
         * the resource) is not one. */
        if (!cJSON_IsObject(doc)) {
            wf_errorf(err, "%s: page %zu: expected a JSON object (an OData document), got %s", url0, k,
                      cJSON_IsArray(doc) ? "an array" : cJSON_IsString(doc) ? "a string" : cJSON_IsNumber(doc) ? "a number"
                                                                                  : "a literal");
            cJSON_Delete(doc);
            goto done;
        }
        cJSON *value = cJSON_GetObjectItemCaseSensitive(doc, "value");
        if (!cJSON_IsArray(value)) {
            /* A single object (v4 Properties): kept as it is, no paging. */
            if (k > 1) {
                cJSON_Delete(doc);
                wf_errorf(err, "%s: page %zu has no 'value' array", url0, k);
                goto done;
            }
            single = doc;
            break;
        }
        cJSON *it = value->child;
        while (it) {
            cJSON *next = it->next;
            cJSON_AddItemToArray(all, cJSON_DetachItemViaPointer(value, it));
            it = next;
        }
        const char *nl = json_str(doc, "odata.nextLink");
        if (!nl)
            nl = json_str(doc, "@odata.nextLink");
        if (nl && strncmp(nl, "http://", 7) != 0 && strncmp(nl, "https://", 8) != 0) {
            wf_errorf(err, "%s: odata.nextLink '%s' is not an http(s) URL", url0, nl);
            cJSON_Delete(doc);
            goto done;
        }
        url = nl ? xstrdup(nl) : NULL;
        cJSON_Delete(doc);
    }
    cJSON *out = single;
    if (!out) {
        out = cJSON_CreateObject();
        cJSON_AddItemToObject(out, "value", all);
        all = NULL;
    }
    strbuf path = STRBUF_INIT;
    sb_printf(&path, "%s/%s.json", r->tmp, name);
    char *txt = cJSON_PrintUnformatted(out);
    strbuf t = STRBUF_INIT;
    sb_puts(&t, txt);
    sb_putc(&t, '\n');
    cJSON_free(txt);
    rc = atomic_write(path.s, t.s, t.len, err);
    sb_free(&t);
    sb_free(&path);
    if (rc == 0 && merged)
        *merged = out;
    else
        cJSON_Delete(out);
done:
    free(url);
    cJSON_Delete(all);
    return rc;
}

static char *res_url(const char *base, const char *id, const char *res, int v3)
{
    strbuf b = STRBUF_INIT;
    sb_printf(&b, "%s/%s/%s%s", base, id, res, v3 ? "?$format=json" : "");
    return sb_take(&b);
}

/* The dimension identifiers: v3 DataProperties entries of a *Dimension
 * type (Key), v4 Dimensions (Identifier). */
/* The resources of a table that fetch_resources requests, per API, besides
 * one per dimension (v3 <Key>, v4 <Identifier>Codes). Each is saved as
 * <name>.json, next to manifest.json. */
typedef struct api_resources {
    const char *info;     /* table information: CBS's release signals */
    const char *props;    /* the dimensions (and, in v3, the topics) */
    const char *measures; /* v4's measure codes; NULL in v3 */
    const char *data;     /* the observations */
    const char *dim_suffix;
} api_resources;

static const api_resources V3_RESOURCES = {"TableInfos", "DataProperties", NULL, "TypedDataSet", ""};
static const api_resources V4_RESOURCES = {"Properties", "Dimensions", "MeasureCodes", "Observations", "Codes"};

/* Whether a file named <res>.json is already another resource of the table
 * (of either API, so a snapshot directory never mixes them up) or the
 * manifest. */
static int resource_taken(const char *res)
{
    const api_resources *apis[2] = {&V3_RESOURCES, &V4_RESOURCES};
    for (size_t a = 0; a < 2; a++) {
        const char *names[4] = {apis[a]->info, apis[a]->props, apis[a]->measures, apis[a]->data};
        for (size_t i = 0; i < 4; i++)
            if (names[i] && strcmp(names[i], res) == 0)
                return 1;
    }
    return strcmp(res, "manifest") == 0;
}

static int dims_of(const cJSON *doc, int v3, char ***out, size_t *n, wf_error *err, const char *what)
{
    *out = NULL;
    *n = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(doc, "value"))
    {
        const char *type = json_str(it, "Type");
        const char *key = json_str(it, v3 ? "Key" : "Identifier");
        if (v3 && !(type && strstr(type, "Dimension")))
            continue;
        if (!key || !fetch_valid_table_id(key))
            return wf_errorf(err, "%s: a dimension without a plain %s", what, v3 ? "Key" : "Identifier");
        /* Each dimension is saved as <key>.json: a key listed twice would
         * overwrite the first download's pages under the manifest's hashes
         * (found by tests/fuzz/fuzz_fetch.c). */
        for (size_t i = 0; i < *n; i++)
            if (strcmp((*out)[i], key) == 0)
                return wf_errorf(err, "%s: dimension '%s' is listed twice", what, key);
        /* ... and one named like a resource of the table would overwrite it */
        char res[80]; /* the resource it is saved as: v3 <Key>, v4 <Identifier>Codes */
        snprintf(res, sizeof res, "%s%s", key, (v3 ? &V3_RESOURCES : &V4_RESOURCES)->dim_suffix);
        if (resource_taken(res))
            return wf_errorf(err, "%s: dimension '%s' would be saved as %s.json, a resource of the table", what,
                             key, res);
        *out = xrealloc(*out, (*n + 1) * sizeof **out);
        (*out)[(*n)++] = xstrdup(key);
    }
    return 0;
}

static void free_list(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static int fetch_resources(fetch_run *r, const char *id, cJSON *cbs, wf_error *err)
{
    int v3 = r->o->api == FETCH_V3;
    const api_resources *R = v3 ? &V3_RESOURCES : &V4_RESOURCES;
    const char *base = v3 ? r->o->v3_base : r->o->v4_base;
    cJSON *info = NULL, *props = NULL;
    char **dims = NULL;
    size_t nd = 0;
    int rc = -1;
    char *u = res_url(base, id, R->info, v3);
    int grc = get_resource(r, u, R->info, &info, err);
    free(u);
    if (grc != 0)
        goto done;
    /* CBS's release signals, for the manifest. */
    const cJSON *ti = v3 ? cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(info, "value"), 0) : info;
    static const char *const sig[] = {"Modified", "ReasonDelivery", "Title", "Identifier", "ObservationCount"};
    for (size_t k = 0; k < 5; k++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(ti, sig[k]);
        if (v && (cJSON_IsString(v) || cJSON_IsNumber(v)))
            cJSON_AddItemToObject(cbs, sig[k], cJSON_Duplicate(v, 0));
    }
    u = res_url(base, id, R->props, v3);
    grc = get_resource(r, u, R->props, &props, err);
    free(u);
    if (grc != 0 || dims_of(props, v3, &dims, &nd, err, R->props) != 0)
        goto done;
    if (R->measures) {
        u = res_url(base, id, R->measures, v3);
        grc = get_resource(r, u, R->measures, NULL, err);
        free(u);
        if (grc != 0)
            goto done;
    }
    for (size_t i = 0; i < nd; i++) {
        strbuf res = STRBUF_INIT;
        sb_printf(&res, "%s%s", dims[i], R->dim_suffix);
        u = res_url(base, id, res.s, v3);
        grc = get_resource(r, u, res.s, NULL, err);
        free(u);
        sb_free(&res);
        if (grc != 0)
            goto done;
    }
    u = res_url(base, id, R->data, v3);
    grc = get_resource(r, u, R->data, NULL, err);
    free(u);
    rc = grc;
done:
    free_list(dims, nd);
    cJSON_Delete(info);
    cJSON_Delete(props);
    return rc;
}

int fetch_table(const fetch_opts *o, const char *id, char **dir, strbuf *log, wf_error *err)
{
    if (!fetch_valid_table_id(id))
        return wf_errorf(err, "'%s' is not a CBS table id (letters, digits, '_' or '-')", id);
    strbuf tdir = STRBUF_INIT, tmp = STRBUF_INIT;
    sb_printf(&tdir, "%s/%s", o->root, id);
    sb_printf(&tmp, "%s/.partial-%ld", tdir.s, (long)getpid());
    remove_tree(tmp.s);
    if (make_dirs(tmp.s, err) != 0) {
        sb_free(&tdir);
        sb_free(&tmp);
        return -1;
    }
    fetch_run r = {o, tmp.s, cJSON_CreateArray(), log};
    cJSON *cbs = cJSON_CreateObject();
    char started[32];
    utc_now(started, sizeof started, "%Y-%m-%dT%H:%M:%SZ");
    int rc = fetch_resources(&r, id, cbs, err);
    if (rc == 0) {
        cJSON *m = cJSON_CreateObject();
        cJSON_AddStringToObject(m, "table", id);
        cJSON_AddStringToObject(m, "api", o->api == FETCH_V3 ? "odata-v3" : "odata-v4");
        cJSON_AddStringToObject(m, "base_url", o->api == FETCH_V3 ? o->v3_base : o->v4_base);
        cJSON_AddStringToObject(m, "fetched_at", started);
        cJSON_AddStringToObject(m, "licence", "CC BY 4.0 (CBS open data; cite the source: CBS StatLine)");
        cJSON_AddItemToObject(m, "cbs", cbs);
        cbs = NULL;
        cJSON_AddItemToObject(m, "pages", r.pages);
        r.pages = NULL;
        strbuf mp = STRBUF_INIT;
        sb_printf(&mp, "%s/manifest.json", tmp.s);
        char *txt = cJSON_Print(m);
        strbuf t = STRBUF_INIT;
        sb_puts(&t, txt);
        sb_putc(&t, '\n');
        cJSON_free(txt);
        rc = atomic_write(mp.s, t.s, t.len, err);
        sb_free(&t);
        sb_free(&mp);
        cJSON_Delete(m);
    }
    if (rc == 0) {
        char stamp[32];
        utc_now(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ");
        strbuf fin = STRBUF_INIT;
        for (int k = 1;; k++) { /* two fetches in one second get -2, -3 */
            fin.len = 0;
            if (k == 1)
                sb_printf(&fin, "%s/%s", tdir.s, stamp);
            else
                sb_printf(&fin, "%s/%s-%d", tdir.s, stamp, k);
            struct stat st;
            if (stat(fin.s, &st) != 0)
                break;
        }
        if (rename(tmp.s, fin.s) != 0) {
            rc = wf_errorf(err, "cannot rename %s to %s: %s", tmp.s, fin.s, strerror(errno));
            sb_free(&fin);
        } else {
            *dir = sb_take(&fin);
        }
    }
    if (rc != 0)
        remove_tree(tmp.s);
    cJSON_Delete(r.pages);
    cJSON_Delete(cbs);
    sb_free(&tdir);
    sb_free(&tmp);
    return rc;
}
