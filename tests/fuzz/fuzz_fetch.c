/* `wrrfig fetch`'s handling of HTTP/OData responses: fetch_table (the page
 * parser, odata.nextLink following, the dimension list, the merged
 * resources and the manifest writer) with http_get replaced by one that
 * serves the fuzz input instead of a server. This file defines http_get, so
 * the linker takes it instead of the one in libwrrfig.a (fetch/http.o is
 * never pulled in); the real HTTP client is tested against a local server
 * in tests/e2e/test_fetch.c.
 *
 * Input: the first byte chooses the API ('4': v4, anything else: v3); the
 * rest is the sequence of response bodies, in the order the fetcher asks
 * for them, separated by lines "\n----\n". A body that starts with
 * "HTTP <status>\n" is answered with that status instead (an error for the
 * fetcher, as http_get gives after its retries). When the bodies run out,
 * every further request gets 404.
 *
 * Invariants of a fetch that succeeds: the manifest is JSON, lists every
 * page with the sha256 and size of the file written for it, and every
 * merged resource is a JSON object. A failed fetch leaves no directory. */
#include "fuzz.h"

#include <cjson/cJSON.h>
#include <dirent.h>

#include "fetch/snapshot.h"
#include "format/jsonfile.h"
#include "util/sha256.h"

/* The responses of the input being run (test-only state: one input at a
 * time, reset by fuzz_fetch). */
static struct {
    const char *p, *end;
    int calls;
} fetch_srv;

int http_get(const http_opts *o, const char *url, strbuf *body, int *attempts, wf_error *err)
{
    (void)o;
    body->len = 0;
    if (body->s)
        body->s[0] = '\0';
    if (attempts)
        *attempts = 1;
    fetch_srv.calls++;
    const char *start, *stop;
    if (!fuzz_part(&fetch_srv.p, fetch_srv.end, &start, &stop))
        return wf_errorf(err, "%s: HTTP status 404", url);
    size_t n = (size_t)(stop - start);
    if (n >= 9 && memcmp(start, "HTTP ", 5) == 0 && start[8] == '\n')
        return wf_errorf(err, "%s: HTTP status %.3s", url, start + 5);
    if (n > o->max_bytes)
        return wf_errorf(err, "%s: the response exceeds the size limit of %zu bytes", url, o->max_bytes);
    sb_add(body, start, n);
    return 0;
}

/* The manifest and what it lists agree with the files of the snapshot. */
static void fetch_check_snapshot(const char *dir)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/manifest.json", dir);
    cJSON *m = NULL;
    wf_error err;
    if (json_read_file(path, &m, &err) != 0) {
        fprintf(stderr, "manifest: %s\n", err.msg);
        abort();
    }
    const cJSON *pg;
    size_t pages = 0;
    cJSON_ArrayForEach(pg, cJSON_GetObjectItemCaseSensitive(m, "pages"))
    {
        const char *file = json_str(pg, "file"), *sha = json_str(pg, "sha256");
        const cJSON *bytes = cJSON_GetObjectItemCaseSensitive(pg, "bytes");
        if (!file || !sha || !cJSON_IsNumber(bytes) || strchr(file, '/'))
            abort();
        snprintf(path, sizeof path, "%s/%s", dir, file);
        size_t len = 0;
        char *text = fuzz_read(path, &len);
        if (!text)
            abort();
        char hex[65];
        sha256_hex(text, len, hex);
        if (strcmp(hex, sha) != 0 || (double)len != bytes->valuedouble)
            abort();
        free(text);
        pages++;
    }
    if (pages == 0 || pages != (size_t)fetch_srv.calls)
        abort();
    /* every merged resource (a file without a page number) is an object */
    DIR *d = opendir(dir);
    if (!d)
        abort();
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *dot = strchr(e->d_name, '.');
        if (e->d_name[0] == '.' || !dot || strcmp(dot, ".json") != 0 || strcmp(e->d_name, "manifest.json") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        cJSON *r = NULL;
        if (json_read_file(path, &r, &err) != 0 || !cJSON_IsObject(r)) {
            fprintf(stderr, "%s: %s\n", path, err.msg);
            abort();
        }
        cJSON_Delete(r);
    }
    closedir(d);
    cJSON_Delete(m);
}

static int fuzz_fetch(const uint8_t *data, size_t size)
{
    char root[160];
    snprintf(root, sizeof root, "%s/fetch", fuzz_dir());
    fetch_srv.p = size > 1 ? (const char *)data + 1 : NULL;
    fetch_srv.end = (const char *)data + size;
    fetch_srv.calls = 0;
    fetch_opts o = {HTTP_OPTS_DEFAULT, size && data[0] == '4' ? FETCH_V4 : FETCH_V3, "http://fuzz/v3",
                    "http://fuzz/v4", root, 64};
    o.http.max_bytes = 1 << 20;
    char *dir = NULL;
    strbuf log = STRBUF_INIT;
    wf_error err;
    if (fetch_table(&o, "T0001", &dir, &log, &err) == 0) {
        fetch_check_snapshot(dir);
        free(dir);
    }
    sb_free(&log);
    /* nothing else may be left: a failed fetch removes its partial directory */
    char tdir[200];
    snprintf(tdir, sizeof tdir, "%s/T0001", root);
    DIR *d = opendir(tdir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)))
            if (strncmp(e->d_name, ".partial-", 9) == 0)
                abort();
        closedir(d);
    }
    fuzz_rm_tree(root);
    return 0;
}
WF_FUZZ_ENTRY(fuzz_fetch)
