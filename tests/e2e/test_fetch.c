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
    /* a resource that is not a JSON object, and a dimension listed twice
     * (whose second download would overwrite the first under the
     * manifest's hashes): refused, nothing left (both found by the fetch
     * fuzzer) */
    assert_int_equal(fetch(&s, root, "v3", "SCALAR", &out, &err), 1);
    assert_contains(err, "/v3/SCALAR/DataProperties?$format=json: page 1: expected a JSON object (an OData document), "
                         "got a number");
    assert_null(only_snapshot(root, "SCALAR"));
    free(out);
    free(err);
    assert_int_equal(fetch(&s, root, "v3", "DUPDIM", &out, &err), 1);
    assert_contains(err, "DataProperties: dimension 'Perioden' is listed twice");
    assert_null(only_snapshot(root, "DUPDIM"));
    free(out);
    free(err);
    /* a dimension named like another resource of the table would be saved
     * over it: v3 Key TypedDataSet, v4 Identifier Measure (MeasureCodes) */
    assert_int_equal(fetch(&s, root, "v3", "RESDIM", &out, &err), 1);
    assert_contains(err, "DataProperties: dimension 'TypedDataSet' would be saved as TypedDataSet.json, a resource "
                         "of the table");
    assert_null(only_snapshot(root, "RESDIM"));
    free(out);
    free(err);
    assert_int_equal(fetch(&s, root, "v4", "RESDIM", &out, &err), 1);
    assert_contains(err, "Dimensions: dimension 'Measure' would be saved as MeasureCodes.json, a resource of the "
                         "table");
    assert_null(only_snapshot(root, "RESDIM"));
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

/* A data directory holding the constructed mappings of
 * tests/fixtures/fetch/data (mappings/ and crosswalks/), nothing else. */
static char *fixture_data(void)
{
    char *d = tu_tempdir("fetchneed");
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "cp -r '%s/data/mappings' '%s/data/crosswalks' '%s/'", FIX, FIX, d);
    assert_int_equal(system(cmd), 0);
    return d;
}

static int count_lines_with(const char *text, const char *needle)
{
    int n = 0;
    for (const char *p = text ? strstr(text, needle) : NULL; p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* wrrfig fetch --needed: every NO-DATA figure whose absent inputs a
 * snapshot mapping produces is fetched once per table and API; list and the
 * NO-DATA manifests say so; the mappings then import the snapshots by
 * title, in both OData shapes. */
static void test_fetch_needed_list_and_import(void **state)
{
    (void)state;
    server s = start_server(FIX);
    char *sh = tu_tempdir("fetchneedsh"), *data = fixture_data();
    char snaps[600], v3[128], v4[128];
    snprintf(snaps, sizeof snaps, "%s/snapshots", sh);
    snprintf(v3, sizeof v3, "%s/v3", s.base);
    snprintf(v4, sizeof v4, "%s/v4", s.base);
    char *out = NULL, *err = NULL;
    /* list: fig-2-3 (cbs/83787ned + cbs/37296ned) and fig-8-1 (cbs/70067ned, v4) can be filled */
    assert_int_equal(tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "--shared", sh, "list", NULL), 0);
    assert_contains(out, "fetch can fill it: CBS T0001 (v3, mapping data/mappings/t0001_37296.json)");
    assert_contains(out, "fetch can fill it: CBS T0001 (v4, mapping data/mappings/t0001_v4.json, unverified)");
    assert_contains(out, "fetch cannot fill it: no mapping in data/mappings/ produces scp/cob_probleembesef");
    assert_contains(out, "(8 of them fetch can fill)"); /* five read cbs/37296ned only; fig-2-3, fig-3-8, fig-8-1 */
    free(out);
    free(err);
    int rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "--shared", sh, "fetch", "--needed", "--v3-url",
                            v3, "--v4-url", v4, "--snapshots", snaps, "--stall", "2", "--retries", "1", NULL);
    if (rc != 0)
        fail_msg("fetch --needed failed (%d): %s\n%s", rc, out, err);
    /* T0001 once per API, however many figures and mappings need it */
    assert_int_equal(count_lines_with(out, "fetched T0001 -> "), 2);
    assert_contains(out, "--needed: 2 tables to fetch;");
    assert_contains(out, "then: wrrfig import t0001_v4");
    assert_contains(out, "not fetchable: fig-3-1: no mapping in data/mappings/ produces scp/cob_probleembesef");
    free(out);
    free(err);
    /* import by title: v3 (titles of dimensions, categories, topics) and v4 */
    char m1[600], m2[600];
    snprintf(m1, sizeof m1, "%s/mappings/t0001_83787.json", data);
    snprintf(m2, sizeof m2, "%s/mappings/t0001_v4.json", data);
    rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "--shared", sh, "import", m1, m2, NULL);
    if (rc != 0)
        fail_msg("import failed: %s", err);
    assert_contains(err, "warning: ");
    assert_contains(err, "t0001_83787.json is unverified (written from: the constructed fixture");
    free(out);
    free(err);
    wf_table *t = NULL;
    wf_error e = {{0}};
    double v = 0;
    assert_int_equal(table_load(data, "cbs/83787ned", &t, &e), 0);
    assert_int_equal(table_find_query(t, "RegioS=DenHaag;Perioden=2022JJ00;Onderwerp=Imm", &v), WRRFIG_VALUE);
    assert_true(v == 21);
    assert_int_equal(table_find_query(t, "RegioS=Amsterdam;Perioden=2022JJ00;Onderwerp=Imm", &v), WRRFIG_MISSING);
    assert_string_equal(table_meta_get(t, "classification"), "herkomst");
    table_free(t);
    char *side = tu_readf("%s/cbs/83787ned.meta.json", data);
    assert_contains(side, "\"unverified\":\ttrue");
    assert_contains(side, "\"DenHaag\":\t\"'s-Gravenhage\""); /* the title is the default label */
    free(side);
    assert_int_equal(table_load(data, "cbs/70067ned", &t, &e), 0);
    assert_int_equal(table_find_query(t, "Onderwerp=Bevolking;Perioden=2021JJ00", &v), WRRFIG_VALUE);
    assert_true(v == 1000);
    /* a null Value with ValueAttribute "Impossible": cannot occur on logical grounds */
    assert_int_equal(table_find_query(t, "Onderwerp=Bevolking;Perioden=2022JJ00", &v), WRRFIG_EMPTY);
    table_free(t);
    /* a title that is not exactly in the metadata fails, naming it and its JSON path */
    char bad[700];
    snprintf(bad, sizeof bad, "%s/mappings/t0001_badtitle.json", data);
    char *mt = tu_readf("%s", m1);
    char *q = strstr(mt, "\"title\": \"Regio's\"");
    assert_non_null(q);
    memcpy(q, "\"title\": \"Regio s\"", 18);
    tu_write(bad, mt);
    free(mt);
    rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "--shared", sh, "import", bad, NULL);
    assert_int_equal(rc, 1);
    assert_contains(err, "t0001_badtitle.json: $.dimensions[0].title: 'Regio s' is not the title of any dimension");
    free(out);
    free(err);
    /* ... so does a category title */
    mt = tu_readf("%s", m1);
    q = strstr(mt, "'s-Gravenhage\": \"DenHaag\"");
    assert_non_null(q);
    memcpy(q, "'s-Gravenhagx", 13);
    tu_write(bad, mt);
    free(mt);
    rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "--shared", sh, "import", bad, NULL);
    assert_int_equal(rc, 1);
    assert_contains(err, "$.dimensions[0].keep_titles: ''s-Gravenhagx' is not the title of any category");
    free(out);
    free(err);
    unlink(bad);
    stop_server(&s);
    tu_rmrf(sh);
    tu_rmrf(data);
    free(sh);
    free(data);
}

/* A table classified by herkomst refused by a figure that expects
 * migratieachtergrond, naming the crosswalk; accepted once the mapping
 * applies that crosswalk; a NO-DATA manifest says what fetch can fill. */
static void test_classification_at_build(void **state)
{
    (void)state;
    server s = start_server(FIX);
    char *sh = tu_tempdir("fetchclsh"), *data = fixture_data(), *outd = tu_tempdir("fetchclout");
    char snaps[600], m[600], mx[600];
    snprintf(snaps, sizeof snaps, "%s/snapshots", sh);
    char *out = NULL, *err = NULL;
    assert_int_equal(fetch(&s, snaps, "v3", "T0001", &out, &err), 0);
    free(out);
    free(err);
    /* NO-DATA first: the manifest says fetch can fill it */
    assert_int_equal(tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "--shared", sh, "build", "fig-8-1",
                                    "--out", outd, "--format", "svg", NULL), 0);
    free(out);
    free(err);
    char *man = tu_readf("%s/fig-8-1.json", outd);
    assert_contains(man, "\"fetchable\":\t{");
    assert_contains(man, "\"table\":\t\"T0001\"");
    assert_contains(man, "\"api\":\t\"v4\"");
    assert_contains(man, "\"mapping\":\t\"data/mappings/t0001_v4.json\"");
    free(man);
    /* ... or that it cannot, and why */
    assert_int_equal(tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "--shared", sh, "build", "fig-3-1",
                                    "--out", outd, "--format", "svg", NULL), 0);
    free(out);
    free(err);
    man = tu_readf("%s/fig-3-1.json", outd);
    assert_contains(man, "\"fetchable\":\tfalse");
    assert_contains(man, "\"fetchable_reason\":\t\"no mapping in data/mappings/ produces scp/cob_probleembesef, and the "
                         "figure's needs name no CBS table id\"");
    free(man);
    snprintf(m, sizeof m, "%s/mappings/t0001_labour.json", data);
    snprintf(mx, sizeof mx, "%s/mappings/t0001_labour_xw.json", data);
    assert_int_equal(tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "--shared", sh, "import", m, NULL), 0);
    free(out);
    free(err);
    int rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "build", "fig-3-8", "--out", outd, "--format",
                            "svg", NULL);
    assert_int_not_equal(rc, 0);
    char *all = NULL;
    size_t n = strlen(out) + strlen(err) + 2;
    all = malloc(n);
    snprintf(all, n, "%s\n%s", out, err);
    assert_contains(all, "input 'labour/unemployment_age_82809' is classified by herkomst (its sidecar), but this "
                         "figure expects migratieachtergrond");
    assert_contains(all, "crosswalks/herkomst-to-migratieachtergrond.json (it exists: add it to the mapping");
    free(all);
    free(out);
    free(err);
    /* with the crosswalk applied at import the check passes (the constructed
     * table still lacks the plugin's dimensions, so the plugin fails later) */
    assert_int_equal(tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "--shared", sh, "import", mx, NULL), 0);
    free(out);
    free(err);
    wf_table *t = NULL;
    wf_error e = {{0}};
    double v = 0;
    assert_int_equal(table_load(data, "labour/unemployment_age_82809", &t, &e), 0);
    assert_string_equal(table_meta_get(t, "classification"), "migratieachtergrond");
    assert_int_equal(table_find_query(t, "herkomst=Turkije;periode=2022JJ00;onderwerp=WERKLOOS_PCT", &v), WRRFIG_VALUE);
    assert_true(v == 21);
    table_free(t);
    tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "build", "fig-3-8", "--out", outd, "--format", "svg",
                   NULL);
    assert_false(tu_contains(out, "classified by") || tu_contains(err, "classified by"));
    free(out);
    free(err);
    /* a crosswalk that lacks a kept code is refused, naming the code */
    char *cw = tu_readf("%s/crosswalks/herkomst-to-migratieachtergrond.json", data);
    char *q = strstr(cw, "\"GM0518\": \"Turkije\"");
    assert_non_null(q);
    memcpy(q, "\"GM9999\"", 8);
    char cwp[700];
    snprintf(cwp, sizeof cwp, "%s/crosswalks/herkomst-to-migratieachtergrond.json", data);
    tu_write(cwp, cw);
    free(cw);
    assert_int_equal(tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "--shared", sh, "import", mx, NULL), 1);
    assert_contains(err, "$.crosswalk: code 'GM0518' of dimension 'herkomst' is not in crosswalks/herkomst-to-migratieachtergrond.json");
    free(out);
    free(err);
    stop_server(&s);
    tu_rmrf(sh);
    tu_rmrf(data);
    tu_rmrf(outd);
    free(sh);
    free(data);
    free(outd);
}

/* The shipped, unverified mappings for 83787NED and 82809NED, imported from
 * CONSTRUCTED snapshots that carry the titles of the published tables under
 * invented keys (tests/fixtures/fetch/published): each title resolves, and
 * the tables feed figs 2.3 and 3.8, which then build. */
static void test_shipped_mappings_on_published_shapes(void **state)
{
    (void)state;
    char *data = tu_tempdir("fetchpub"), *outd = tu_tempdir("fetchpubout");
    char cmd[2000];
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s/cbs' '%s/mappings' && cp '%s/cbs/37296ned.csv' '%s/cbs/37296ned.meta.json' '%s/cbs/' && "
             "cp '%s/mappings/83787ned.json' '%s/mappings/82809ned_unemployment_age.json' '%s/mappings/'",
             data, data, WF_DATA, WF_DATA, data, WF_DATA, WF_DATA, data);
    assert_int_equal(system(cmd), 0);
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "--shared", FIX "/published", "import",
                            "83787ned", "82809ned_unemployment_age", NULL);
    if (rc != 0)
        fail_msg("import failed: %s\n%s", out, err);
    assert_int_equal(count_lines_with(err, "is unverified (written from: "), 2);
    free(out);
    free(err);
    wf_table *t = NULL;
    wf_error e = {{0}};
    double v = 0;
    assert_int_equal(table_load(data, "cbs/83787ned", &t, &e), 0);
    assert_int_equal(table_find_query(t, "Prognoseinterval=Bovengrens67;Perioden=2020JJ00;Onderwerp=Immigratie", &v),
                     WRRFIG_VALUE);
    assert_true(v == 233000);
    /* the 95% interval was not asked for, nor were the other topics */
    assert_int_equal(table_find_query(t, "Prognoseinterval=XP04;Perioden=2020JJ00;Onderwerp=Immigratie", &v),
                     WRRFIG_NO_CELL);
    table_free(t);
    assert_int_equal(table_load(data, "labour/unemployment_age_82809", &t, &e), 0);
    assert_int_equal(
        table_find_query(t, "geslacht=Totaal;leeftijd=15-25;herkomst=Turkije;periode=2019KW04;onderwerp=WERKLOOS_PCT", &v),
        WRRFIG_VALUE);
    assert_true(v == 6.5);
    assert_int_equal(
        table_find_query(t, "geslacht=Totaal;leeftijd=15-25;herkomst=Antillen;periode=2019KW04;onderwerp=WERKLOOS_PCT",
                         &v),
        WRRFIG_MISSING);
    assert_string_equal(table_meta_get(t, "classification"), "migratieachtergrond");
    table_free(t);
    rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "build", "fig-2-3", "fig-3-8", "--out", outd,
                        "--format", "svg", NULL);
    if (rc != 0)
        fail_msg("build failed (%d): %s\n%s", rc, out, err);
    char *m = tu_readf("%s/fig-2-3.json", outd);
    assert_contains(m, "\"status\":\t\"ok\"");
    free(m);
    m = tu_readf("%s/fig-3-8.json", outd);
    assert_contains(m, "\"status\":\t\"ok\"");
    free(m);
    free(out);
    free(err);
    tu_rmrf(data);
    tu_rmrf(outd);
    free(data);
    free(outd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_v3_paging_snapshot_and_import),
        cmocka_unit_test(test_v4_paging),
        cmocka_unit_test(test_failures_leave_nothing),
        cmocka_unit_test(test_fetch_needed_list_and_import),
        cmocka_unit_test(test_classification_at_build),
        cmocka_unit_test(test_shipped_mappings_on_published_shapes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
