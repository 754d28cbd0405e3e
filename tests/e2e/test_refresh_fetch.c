/* `wrrfig refresh --fetch 37296ned`: the report staff's job with the
 * download included. The test's own server on 127.0.0.1
 * (tests/odata_server.h) serves 37296ned as CBS OData v3 (TableInfos,
 * DataProperties, Perioden, TypedDataSet in two pages), made at run time
 * from the real download in ../shared/data, so CONSTRUCTED: release A is
 * that download, release B changes two cells (2015 immigration, 2010
 * population) and adds a 2023 row, all invented. The test's data copy has a
 * mapping that reads the snapshots. Refresh on A builds everything; refresh
 * on B fetches a new snapshot, imports it (the summary names the added year
 * and both cells), rebuilds exactly the figures that use 37296ned (each with
 * its cue), and the diff lists the changed values and the claims whose
 * observed values moved; a second build is all up to date. Skipped when the
 * shared data directory is absent. */
#include "testutil.h"
#include "refresh_expect.h"

#include <sys/stat.h>

#include "format/jsonfile.h"
#include "util/proc.h"
#include "util/strbuf.h"

#include "odata_server.h"

#define SRC WF_SRC_DIR "/../shared/data/nl_population_core_37296ned/37296ned_UntypedDataSet_26032024_091942.csv"

/* One CSV field, quotes and padding removed, into out. */
static void field(const char *p, size_t n, char *out, size_t cap)
{
    while (n && (*p == '"' || *p == ' ' || *p == '\r')) {
        p++;
        n--;
    }
    while (n && (p[n - 1] == '"' || p[n - 1] == ' ' || p[n - 1] == '\r'))
        n--;
    if (n >= cap)
        n = cap - 1;
    memcpy(out, p, n);
    out[n] = '\0';
}

static size_t split(char *line, char fields[][40], size_t max)
{
    size_t k = 0;
    for (char *p = line; k < max;) {
        char *e = strchr(p, ';');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        field(p, n, fields[k++], 40);
        if (!e)
            break;
        p = e + 1;
    }
    return k;
}

#define MAXCOL 96

/* Writes release `b` (0: the download as it is; 1: two cells changed and a
 * 2023 row) as OData v3 responses under root/v3/37296ned/. */
static void write_release(const char *root, int b)
{
    char *text = tu_read(SRC, NULL);
    assert_non_null(text);
    char dir[700], p[800];
    snprintf(dir, sizeof dir, "%s/v3/37296ned", root);
    char cmd[800];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
    assert_int_equal(system(cmd), 0);
    static char head[MAXCOL][40], f[MAXCOL][40];
    size_t nh = 0, imm = 0, pop = 0;
    strbuf page[2] = {STRBUF_INIT, STRBUF_INIT}, per = STRBUF_INIT, props = STRBUF_INIT;
    char *save = NULL;
    int row = 0;
    for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        if (!nh) {
            if ((unsigned char)l[0] == 0xEF)
                l += 3; /* the download's BOM */
            nh = split(l, head, MAXCOL);
            assert_true(nh > 70 && nh < MAXCOL);
            for (size_t c = 0; c < nh; c++) {
                imm = strcmp(head[c], "Immigratie_73") == 0 ? c : imm;
                pop = strcmp(head[c], "TotaleBevolking_1") == 0 ? c : pop;
            }
            assert_true(imm > 0 && pop > 0);
            continue;
        }
        size_t nf = split(l, f, MAXCOL);
        assert_int_equal(nf, nh);
        for (int copy = 0; copy < (b && !strcmp(f[1], "2022JJ00") ? 2 : 1); copy++) {
            if (copy) { /* the added year: 2022's stocks with an invented population */
                snprintf(f[1], sizeof f[1], "2023JJ00");
                snprintf(f[pop], sizeof f[pop], "17811291");
            } else if (b && !strcmp(f[1], "2015JJ00")) {
                snprintf(f[imm], sizeof f[imm], "170000");
            } else if (b && !strcmp(f[1], "2010JJ00")) {
                snprintf(f[pop], sizeof f[pop], "16600000");
            }
            strbuf *pg = &page[f[1][0] == '2' && f[1][1] == '0' && f[1][2] >= '1' ? 1 : 0]; /* 2010 on: page 2 */
            sb_printf(pg, "%s{\"ID\": %d, \"Perioden\": \"%s\"", pg->len ? ",\n " : " ", row++, f[1]);
            for (size_t c = 2; c < nh; c++) {
                bool num = f[c][0] && strcmp(f[c], ".") != 0;
                sb_printf(pg, ", \"%s\": %s", head[c], num ? f[c] : "null");
            }
            sb_putc(pg, '}');
            sb_printf(&per, "%s{\"Key\": \"%s\", \"Title\": \"%.4s\", \"Description\": \"\", \"Status\": \"Definitief\"}",
                      per.len ? ",\n " : " ", f[1], f[1]);
        }
    }
    sb_puts(&props, "{\"odata.type\": \"Cbs.OData.TimeDimension\", \"ID\": 1, \"Position\": 1, \"ParentID\": null, "
                    "\"Type\": \"TimeDimension\", \"Key\": \"Perioden\", \"Title\": \"Perioden\", \"Description\": \"\"}");
    for (size_t c = 2; c < nh; c++)
        sb_printf(&props, ",\n {\"odata.type\": \"Cbs.OData.Topic\", \"ID\": %zu, \"Position\": %zu, \"ParentID\": null, "
                          "\"Type\": \"Topic\", \"Key\": \"%s\", \"Title\": \"%s\", \"Unit\": \"aantal\", \"Decimals\": 0, "
                          "\"Datatype\": \"Long\"}",
                  c, c, head[c], head[c]);
    strbuf doc = STRBUF_INIT;
    sb_printf(&doc, "{\"odata.metadata\": \"{BASE}/v3/37296ned/$metadata#Cbs.OData.WebAPI.TableInfos\", \"value\": "
                    "[{\"ID\": 0, \"Title\": \"CONSTRUCTED release %c of 37296ned\", \"Identifier\": \"37296ned\", "
                    "\"Modified\": \"%s\", \"ReasonDelivery\": \"Actualisering\", \"Frequency\": \"Perjaar\"}]}",
              b ? 'B' : 'A', b ? "2026-12-01T02:00:00" : "2024-03-26T02:00:00");
    snprintf(p, sizeof p, "%s/TableInfos.json", dir);
    tu_write(p, doc.s);
    doc.len = 0;
    sb_printf(&doc, "{\"odata.metadata\": \"{BASE}/v3/37296ned/$metadata#Cbs.OData.WebAPI.DataProperties\", "
                    "\"value\": [\n %s\n]}", props.s);
    snprintf(p, sizeof p, "%s/DataProperties.json", dir);
    tu_write(p, doc.s);
    doc.len = 0;
    sb_printf(&doc, "{\"odata.metadata\": \"{BASE}/v3/37296ned/$metadata#Cbs.OData.WebAPI.Perioden\", "
                    "\"value\": [\n%s\n]}", per.s);
    snprintf(p, sizeof p, "%s/Perioden.json", dir);
    tu_write(p, doc.s);
    doc.len = 0;
    sb_printf(&doc, "{\"odata.metadata\": \"{BASE}/v3/37296ned/$metadata#Cbs.OData.WebAPI.TypedDataSet\", "
                    "\"value\": [\n%s\n], \"odata.nextLink\": \"{BASE}/v3/37296ned/TypedDataSet_p2?$format=json&$skiptoken=Id%%20%d\"}",
              page[0].s, 60);
    snprintf(p, sizeof p, "%s/TypedDataSet.json", dir);
    tu_write(p, doc.s);
    doc.len = 0;
    sb_printf(&doc, "{\"odata.metadata\": \"{BASE}/v3/37296ned/$metadata#Cbs.OData.WebAPI.TypedDataSet\", "
                    "\"value\": [\n%s\n]}", page[1].s);
    snprintf(p, sizeof p, "%s/TypedDataSet_p2.json", dir);
    tu_write(p, doc.s);
    sb_free(&doc);
    sb_free(&page[0]);
    sb_free(&page[1]);
    sb_free(&per);
    sb_free(&props);
    free(text);
}

/* The test's data: a copy of data/ whose 37296ned mapping reads the
 * fetched snapshots instead of the CSV download. */
static char *data_copy(void)
{
    char *data = tu_tempdir("rffdata");
    char cmd[1400];
    snprintf(cmd, sizeof cmd, "cp -r '%s'/. '%s'/", WF_DATA, data);
    assert_int_equal(system(cmd), 0);
    char p[800];
    snprintf(p, sizeof p, "%s/mappings/37296ned.json", data);
    cJSON *m = NULL;
    wf_error e;
    assert_int_equal(json_read_file(p, &m, &e), 0);
    cJSON *in = cJSON_CreateObject();
    cJSON_AddStringToObject(in, "format", "odata-json");
    cJSON_AddStringToObject(in, "file", "snapshots/37296ned/*/TypedDataSet.json");
    cJSON_AddStringToObject(in, "properties", "snapshots/37296ned/*/DataProperties.json");
    cJSON_ReplaceItemInObjectCaseSensitive(m, "input", in);
    char *text = cJSON_Print(m);
    tu_write(p, text);
    free(text);
    cJSON_Delete(m);
    return data;
}

static int refresh(const server *s, const char *data, const char *sh, const char *o, char **out, char **err,
                   double *ms)
{
    char v3[128];
    snprintf(v3, sizeof v3, "%s/v3", s->base);
    double t0 = now_ms();
    int rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, out, err, "--shared", sh, "refresh", "--fetch", "37296ned",
                            "--v3-url", v3, "--out", o, "--format", "svg", NULL);
    *ms = now_ms() - t0;
    return rc;
}

static void test_refresh_fetch_new_release(void **state)
{
    (void)state;
    struct stat st;
    if (stat(SRC, &st) != 0) {
        fprintf(stderr, "skipping: %s absent\n", SRC);
        return;
    }
    char *serve = tu_tempdir("rffserve"), *sh = tu_tempdir("rffshared"), *o = tu_tempdir("rffout");
    char *data = data_copy();
    write_release(serve, 0);
    server s = start_server(serve);
    char *out = NULL, *err = NULL;
    double ms = 0;

    /* release A: fetched, imported from the snapshot, everything built */
    int rc = refresh(&s, data, sh, o, &out, &err, &ms);
    if (rc != 0 && rc != 1)
        fail_msg("refresh on release A: exit %d\n%s\n%s", rc, out, err);
    assert_contains(out, "fetch 37296ned (v3) -> ");
    assert_contains(out, "import cbs/37296ned");
    char *meta = tu_readf("%s/cbs/37296ned.meta.json", data);
    assert_contains(meta, "snapshots/37296ned/");
    free(meta);
    free(out);
    free(err);

    /* release B: a year added, two cells changed */
    write_release(serve, 1);
    rc = refresh(&s, data, sh, o, &out, &err, &ms);
    double refresh_ms = ms;
    assert_int_equal(rc, 1); /* a claim verdict changed (2015 immigration < 200000) */
    assert_contains(out, "fetch 37296ned (v3) -> ");
    assert_contains(out, "periods added: 2023JJ00");
    assert_contains(out, "0 removed, 2 changed");
    assert_contains(out, "changed Perioden=2015JJ00 Onderwerp=Immigratie_73: 204615 -> 170000 (-34615)");
    assert_contains(out, "changed Perioden=2010JJ00 Onderwerp=TotaleBevolking_1: 16574989 -> 16600000 (+25011)");
    /* the snapshot of B is the one imported */
    meta = tu_readf("%s/cbs/37296ned.meta.json", data);
    assert_contains(meta, "snapshots/37296ned/");
    free(meta);
    /* exactly the figures that use 37296ned rebuilt, each with its cue; the
     * diff: changed figure values and the claims whose observed value moved */
    expect_release_b_rebuild_and_diff(out, data);
    free(out);
    free(err);

    /* a second build: every figure up to date, nothing rendered */
    char p[800];
    snprintf(p, sizeof p, "%s/fig-2-1.svg", o);
    struct stat s1, s2;
    assert_int_equal(stat(p, &s1), 0);
    double t0 = now_ms();
    assert_int_equal(tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "build", "--out", o, "--format", "svg",
                                    "--explain", NULL), 0);
    double noop_ms = now_ms() - t0;
    assert_contains(out, " up to date, 0 rebuilt\n");
    assert_false(tu_contains(out, "rebuilt:"));
    assert_int_equal(stat(p, &s2), 0);
    assert_true(s1.st_mtim.tv_sec == s2.st_mtim.tv_sec && s1.st_mtim.tv_nsec == s2.st_mtim.tv_nsec);
    free(out);
    free(err);
    fprintf(stderr, "timing (for the record, not asserted): refresh --fetch %.0f ms, no-op build %.0f ms\n", refresh_ms,
            noop_ms);
    stop_server(&s);
    tu_rmrf(serve);
    tu_rmrf(sh);
    tu_rmrf(o);
    tu_rmrf(data);
    free(serve);
    free(sh);
    free(o);
    free(data);
}

/* A mapping that reads a plain download cannot see a fetch: refused before
 * anything is fetched or imported, naming the mapping and its input. */
static void test_refresh_fetch_needs_a_snapshot_mapping(void **state)
{
    (void)state;
    char *sh = tu_tempdir("rffsh2"), *o = tu_tempdir("rffout2");
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig(&out, &err, "--shared", sh, "refresh", "--fetch", "37296ned", "--v3-url", "http://127.0.0.1:9/v3",
                       "--out", o, NULL);
    assert_int_equal(rc, 1);
    assert_contains(err, "37296ned.json reads 'nl_population_core_37296ned/37296ned_UntypedDataSet_*.csv', not a snapshot");
    assert_false(tu_contains(out, "import "));
    free(out);
    free(err);
    tu_rmrf(sh);
    tu_rmrf(o);
    free(sh);
    free(o);
}

/* A mapping that imports v4 Observations is fetched through OData v4. The
 * CONSTRUCTED fetch fixture T0001 (tests/fixtures/fetch, served by the
 * test's own server) with its constructed mappings: cbs/70067ned reads
 * snapshots/T0001/ * /Observations.json. Before, refresh fetched through v3
 * only, and the import found no Observations in the new snapshot. */
static void test_refresh_fetch_v4_mapping(void **state)
{
    (void)state;
    server s = start_server(WF_FIXTURES "/fetch");
    char *sh = tu_tempdir("rff4sh"), *o = tu_tempdir("rff4out"), *data = tu_tempdir("rff4data");
    char cmd[1400], v3[128], v4[128];
    snprintf(cmd, sizeof cmd, "cp -r '%s/fetch/data/mappings' '%s/fetch/data/crosswalks' '%s/'", WF_FIXTURES,
             WF_FIXTURES, data);
    assert_int_equal(system(cmd), 0);
    snprintf(v3, sizeof v3, "%s/v3", s.base);
    snprintf(v4, sizeof v4, "%s/v4", s.base);
    char *out = NULL, *err = NULL;
    tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "--shared", sh, "refresh", "--fetch", "70067ned",
                   "--v3-url", v3, "--v4-url", v4, "--out", o, "--format", "svg", NULL);
    assert_contains(out, "fetch T0001 (v4) -> ");
    if (!tu_contains(out, "import cbs/70067ned"))
        fail_msg("the v4 snapshot was not imported:\n%s%s", out, err);
    char *meta = tu_readf("%s/cbs/70067ned.meta.json", data);
    assert_non_null(meta);
    assert_contains(meta, "/Observations.json");
    free(meta);
    free(out);
    free(err);
    stop_server(&s);
    tu_rmrf(sh);
    tu_rmrf(o);
    tu_rmrf(data);
    free(sh);
    free(o);
    free(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_refresh_fetch_needs_a_snapshot_mapping),
        cmocka_unit_test(test_refresh_fetch_v4_mapping),
        cmocka_unit_test(test_refresh_fetch_new_release),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
