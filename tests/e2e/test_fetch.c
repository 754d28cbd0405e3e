/* wrrfig fetch against a server this test starts on 127.0.0.1, serving the
 * constructed response trees of tests/fixtures/fetch/ in both OData shapes:
 * paging (odata.nextLink, @odata.nextLink), nulls, a ValueAttribute
 * symbol, keys with trailing spaces, a BOM; a 500 then a success (retried),
 * a persistent 503, a truncated body, a stalled connection that must time
 * out. A complete fetch leaves a snapshot with raw pages, merged resources
 * and a manifest, which the importer reads through a file pattern; a failed
 * one leaves nothing and names the URL and the status or curl error. */
#include "testutil.h"

#include "data/table.h"
#include "import/importer.h"
#include "util/proc.h"
#include "util/strbuf.h"

#include "odata_server.h"

#define FIX WF_FIXTURES "/fetch"

static int fetch(const server *s, const char *snaps, const char *api, const char *table, char **out, char **err)
{
    char v3[128], v4[128];
    snprintf(v3, sizeof v3, "%s/v3", s->base);
    snprintf(v4, sizeof v4, "%s/v4", s->base);
    return tu_wrrfig(out, err, "fetch", "--api", api, "--v3-url", v3, "--v4-url", v4, "--snapshots", snaps, "--stall",
                     "2", "--http-timeout", "20", "--retries", "2", "--backoff-ms", "10", table, NULL);
}

/* The one snapshot directory under root/table (NULL when there is none). */
static char *only_snapshot(const char *root, const char *table)
{
    char cmd[700];
    snprintf(cmd, sizeof cmd, "ls -A '%s/%s' 2>/dev/null", root, table);
    FILE *p = popen(cmd, "r");
    char line[256] = "";
    int n = 0;
    char first[256] = "";
    while (fgets(line, sizeof line, p)) {
        line[strcspn(line, "\n")] = '\0';
        if (n++ == 0)
            snprintf(first, sizeof first, "%s", line);
    }
    pclose(p);
    if (n != 1)
        return n == 0 ? NULL : strdup("(more than one entry)");
    char *r = malloc(900);
    snprintf(r, 900, "%s/%s/%s", root, table, first);
    return r;
}

static void test_v3_paging_snapshot_and_import(void **state)
{
    (void)state;
    server s = start_server(FIX);
    char *sh = tu_tempdir("fetchsh"), *data = tu_tempdir("fetchdata");
    char snaps[600];
    snprintf(snaps, sizeof snaps, "%s/snapshots", sh);
    char *out = NULL, *err = NULL;
    int rc = fetch(&s, snaps, "v3", "T0001", &out, &err);
    if (rc != 0)
        fail_msg("fetch failed: %s", err);
    assert_contains(out, "TypedDataSet.2.json");
    char *dir = only_snapshot(snaps, "T0001");
    assert_non_null(dir);
    assert_false(tu_contains(dir, ".partial"));
    char *m = tu_readf("%s/manifest.json", dir);
    assert_non_null(m);
    assert_contains(m, "\"ReasonDelivery\":\t\"Actualisering\"");
    assert_contains(m, "\"Modified\":\t\"2026-03-26T02:00:00\"");
    assert_contains(m, "\"licence\":");
    assert_contains(m, "/v3/T0001/TypedDataSet_p2?$format=json&$skiptoken=Id%202\"");
    assert_contains(m, "\"sha256\":\t\"");
    assert_contains(m, "\"file\":\t\"RegioS.1.json\"");
    free(m);
    /* the raw first page keeps its BOM; the merged resource holds both pages */
    char *raw = tu_readf("%s/TypedDataSet.1.json", dir);
    assert_true(raw && (unsigned char)raw[0] == 0xEF);
    free(raw);
    char *merged = tu_readf("%s/TypedDataSet.json", dir);
    assert_contains(merged, "\"ID\":3");
    assert_contains(merged, "\"Immigratie_2\":null");
    free(merged);
    free(out);
    free(err);
    /* the importer reads the newest snapshot through the mapping's pattern */
    wf_error e = {{0}};
    strbuf sum = STRBUF_INIT;
    int differs = 0;
    if (import_run_report(FIX "/mapping_t0001.json", sh, data, 0, &differs, NULL, &sum, &e) != 0)
        fail_msg("import failed: %s", e.msg);
    wf_table *t = NULL;
    assert_int_equal(table_load(data, "test/t0001", &t, &e), 0);
    double v = 0;
    assert_int_equal(table_find_query(t, "RegioS=GM0518;Perioden=2022JJ00;Onderwerp=Immigratie_2", &v), WRRFIG_VALUE);
    assert_true(v == 21);
    assert_int_equal(table_find_query(t, "RegioS=GM0363;Perioden=2022JJ00;Onderwerp=Immigratie_2", &v), WRRFIG_MISSING);
    assert_contains(table_meta_get(t, "source_file"), "snapshots/T0001/");
    table_free(t);
    sb_free(&sum);
    free(dir);
    stop_server(&s);
    tu_rmrf(sh);
    tu_rmrf(data);
    free(sh);
    free(data);
}

static void test_v4_paging(void **state)
{
    (void)state;
    server s = start_server(FIX);
    char *root = tu_tempdir("fetch4");
    char *out = NULL, *err = NULL;
    int rc = fetch(&s, root, "v4", "T0001", &out, &err);
    if (rc != 0)
        fail_msg("fetch failed: %s", err);
    char *dir = only_snapshot(root, "T0001");
    assert_non_null(dir);
    char *obs = tu_readf("%s/Observations.json", dir);
    assert_contains(obs, "\"ValueAttribute\":\"Impossible\"");
    assert_contains(obs, "\"Value\":null");
    assert_contains(obs, "\"Id\":1");
    free(obs);
    char *codes = tu_readf("%s/PeriodenCodes.json", dir);
    assert_contains(codes, "2022JJ00");
    free(codes);
    char *m = tu_readf("%s/manifest.json", dir);
    assert_contains(m, "\"api\":\t\"odata-v4\"");
    assert_contains(m, "\"ReasonDelivery\":\t\"Correctie\"");
    assert_contains(m, "Observations_p2?$skip=1");
    free(m);
    free(dir);
    free(out);
    free(err);
    stop_server(&s);
    tu_rmrf(root);
    free(root);
}

static void test_failures_leave_nothing(void **state)
{
    (void)state;
    server s = start_server(FIX);
    char *root = tu_tempdir("fetchfail");
    char *out = NULL, *err = NULL;
    /* 500 once, then a success: retried */
    assert_int_equal(fetch(&s, root, "v3", "FLAKY", &out, &err), 0);
    char *dir = only_snapshot(root, "FLAKY");
    assert_non_null(dir);
    char *m = tu_readf("%s/manifest.json", dir);
    assert_contains(m, "\"attempts\":\t2");
    free(m);
    free(dir);
    free(out);
    free(err);
    /* a persistent 503 names the URL and the status; nothing is left */
    assert_int_equal(fetch(&s, root, "v3", "DOWN", &out, &err), 1);
    assert_contains(err, "/v3/DOWN/TableInfos?$format=json: HTTP status 503 (3 attempts)");
    assert_null(only_snapshot(root, "DOWN"));
    free(out);
    free(err);
    /* a cut body: curl's error, nothing left */
    assert_int_equal(fetch(&s, root, "v3", "TRUNC", &out, &err), 1);
    assert_contains(err, "/v3/TRUNC/TableInfos?$format=json: ");
    assert_contains(err, "curl error 18");
    assert_null(only_snapshot(root, "TRUNC"));
    free(out);
    free(err);
    /* a stalled connection times out (--stall 2) */
    double t0 = now_ms();
    assert_int_equal(fetch(&s, root, "v3", "STALL", &out, &err), 1);
    assert_true(now_ms() - t0 < 15000);
    assert_contains(err, "/v3/STALL/TableInfos?$format=json: ");
    assert_contains(err, "curl error 28");
    assert_null(only_snapshot(root, "STALL"));
    free(out);
    free(err);
    /* an id that is not one never reaches the network or the disk */
    assert_int_equal(fetch(&s, root, "v3", "../etc", &out, &err), 2);
    assert_contains(err, "not a CBS table id");
    free(out);
    free(err);
    stop_server(&s);
    tu_rmrf(root);
    free(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_v3_paging_snapshot_and_import),
        cmocka_unit_test(test_v4_paging),
        cmocka_unit_test(test_failures_leave_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
