/* The CBS importer: real-format excerpts (BOM, padding, '.', empty cells,
 * trailing-space codes, mixed separators, stray quotes), the OData path,
 * malformed input with exact positions, and byte-identical re-imports. */
#include "testutil.h"

#include <glob.h>

#include "import/importer.h"
#include "util/sha256.h"
#include "data/table.h"

#define IMP_SHARED WF_FIXTURES "/import/shared"
#define IMP_MAP WF_FIXTURES "/import/mappings/"

static wf_table *build_ok(const char *mapping)
{
    wf_table *t = NULL;
    wf_error err = {{0}};
    if (import_build(mapping, IMP_SHARED, &t, &err) != 0)
        fail_msg("import of %s failed: %s", mapping, err.msg);
    return t;
}

/* The error text of a failing import. */
static char *build_err(const char *mapping)
{
    wf_table *t = NULL;
    wf_error err = {{0}};
    int rc = import_build(mapping, IMP_SHARED, &t, &err);
    if (rc == 0) {
        table_free(t);
        fail_msg("import of %s should have failed", mapping);
    }
    return strdup(err.msg);
}

static wrrfig_value_kind cell(const wf_table *t, const char *q, double *v)
{
    return table_find_query(t, q, v);
}

static void test_statline_excerpt(void **state)
{
    (void)state;
    wf_table *t = build_ok(IMP_MAP "37296ned_excerpt.json");
    double v = 0;
    /* padded numbers, as in the source row ("   70602") */
    assert_int_equal(cell(t, "Perioden=1950JJ00;Onderwerp=Immigratie_73", &v), WRRFIG_VALUE);
    assert_double_near(v, 70602, 0);
    assert_int_equal(cell(t, "Perioden=2019JJ00;Onderwerp=Immigratie_73", &v), WRRFIG_VALUE);
    assert_double_near(v, 269064, 0);
    assert_int_equal(cell(t, "Perioden=2018JJ00;Onderwerp=MigratieachtergrondRelatief_29", &v), WRRFIG_VALUE);
    assert_double_near(v, 23.1, 1e-12);
    /* '.' before 1996 and an empty cell (GIPS before 2004) keep their kinds */
    assert_int_equal(cell(t, "Perioden=1950JJ00;Onderwerp=PersoonMetEenMigratieachtergrond_28", &v), WRRFIG_MISSING);
    assert_int_equal(cell(t, "Perioden=1950JJ00;Onderwerp=GIPSLandenInDeEU_32", &v), WRRFIG_EMPTY);
    assert_int_equal(cell(t, "Perioden=1996JJ00;Onderwerp=GIPSLandenInDeEU_32", &v), WRRFIG_VALUE);
    assert_double_near(v, 82713, 0);
    assert_int_equal(cell(t, "Perioden=2018JJ00;Onderwerp=GIPSLandenInDeEU_32", &v), WRRFIG_VALUE);
    assert_int_equal(t->n_rows, 4 * 4);
    assert_string_equal(t->dims[0], "Perioden");
    assert_string_equal(t->dims[1], "Onderwerp");
    /* provenance: file, its sha256, labels and units */
    assert_string_equal(table_meta_get(t, "source_file"), "37296ned_excerpt.csv");
    char sha[65];
    assert_int_equal(sha256_file_hex(IMP_SHARED "/37296ned_excerpt.csv", sha), 0);
    assert_string_equal(table_meta_get(t, "source_sha256"), sha);
    assert_string_equal(table_meta_get(t, "label:Perioden:2018JJ00"), "2018");
    assert_string_equal(table_meta_get(t, "label:Onderwerp:Immigratie_73"), "Immigratie");
    assert_string_equal(table_meta_get(t, "licence"), "CC BY 4.0");
    table_free(t);
}

static void test_filters_and_renames(void **state)
{
    (void)state;
    wf_table *t = build_ok(IMP_MAP "37296ned_filtered.json");
    double v;
    assert_int_equal(t->n_rows, 2);
    assert_int_equal(cell(t, "Perioden=2019;Onderwerp=Immigratie", &v), WRRFIG_VALUE);
    assert_double_near(v, 269064, 0);
    assert_int_equal(cell(t, "Perioden=2018JJ00;Onderwerp=Immigratie", &v), WRRFIG_VALUE);
    assert_int_equal(cell(t, "Perioden=1950JJ00;Onderwerp=Immigratie", &v), WRRFIG_NO_CELL);
    table_free(t);
}

static void test_labels_file_tab_separated(void **state)
{
    (void)state;
    wf_table *t = build_ok(IMP_MAP "60032_excerpt.json");
    double v;
    assert_int_equal(t->n_rows, 6);
    assert_int_equal(cell(t, "LandVanHerkomstVestiging=L008795;Perioden=2019JJ00", &v), WRRFIG_VALUE);
    assert_double_near(v, 68270, 0);
    assert_string_equal(table_meta_get(t, "label:LandVanHerkomstVestiging:L008793"), "Totaal westerse landen");
    /* a label only for codes that occur: L008808 is in the labels file, not in the rows */
    assert_null(table_meta_get(t, "label:LandVanHerkomstVestiging:L008808"));
    table_free(t);
}

static void test_mixed_separators_and_stray_quotes(void **state)
{
    (void)state;
    wf_table *t = build_ok(IMP_MAP "countries_excerpt.json");
    double v;
    assert_int_equal(cell(t, "Herkomst=Syrië;Perioden=2017", &v), WRRFIG_VALUE); /* 72903" */
    assert_double_near(v, 72903, 0);
    assert_int_equal(cell(t, "Herkomst=Colombia;Perioden=2006", &v), WRRFIG_VALUE); /* "10335 */
    assert_double_near(v, 10335, 0);
    assert_int_equal(cell(t, "Herkomst=Polen;Perioden=1997;Niveau=land", &v), WRRFIG_VALUE);
    assert_double_near(v, 26248, 0);
    assert_int_equal(t->n_rows, 12);
    /* the repairs are counted in the sidecar's notes */
    char *meta = cJSON_PrintUnformatted(t->meta);
    assert_contains(meta, "4 line(s) of azie_excerpt.csv held one stray");
    assert_contains(meta, "2 line(s) of amerika_excerpt.csv held one stray");
    free(meta);
    table_free(t);
}

static void test_odata_matches_statline(void **state)
{
    (void)state;
    wf_table *a = build_ok(IMP_MAP "regio_csv.json"), *b = build_ok(IMP_MAP "regio_odata.json");
    char *ca = table_to_csv(a), *cb = table_to_csv(b);
    assert_string_equal(ca, cb);
    /* trailing spaces of region codes are gone, labels found by trimmed code */
    assert_contains(ca, "GM0363,2019JJ00,Bevolking_1,100\n");
    assert_contains(ca, "GM0518,2019JJ00,Aandeel_2,.\n");
    assert_string_equal(table_meta_get(a, "label:RegioS:GM0518"), "'s-Gravenhage");
    /* OData topics take label and unit from DataProperties */
    assert_string_equal(table_meta_get(b, "label:Onderwerp:Aandeel_2"), "Aandeel");
    char *mb = cJSON_PrintUnformatted(b->meta);
    assert_contains(mb, "\"units\":{\"Bevolking_1\":\"aantal\",\"Aandeel_2\":\"%\"}");
    free(mb);
    free(ca);
    free(cb);
    table_free(a);
    table_free(b);
}

/* json-records: a compiled JSON's per-year records become rows; a keep on a
 * marker column selects years; members the mapping ignores may be booleans,
 * arrays or objects; a boolean where a value belongs is an error at its
 * JSON path, and so is a records member that is not there. */
static void test_json_records(void **state)
{
    (void)state;
    wf_table *t = build_ok(IMP_MAP "records.json");
    char *c = table_to_csv(t);
    assert_string_equal(c, "Perioden,quality,Onderwerp,value\n"
                           "1972,reconstruction,share,9.2\n"
                           "1972,reconstruction,total,1225160\n"
                           "2018,direct,share,23.1\n"
                           "2018,direct,total,3971859\n");
    free(c);
    table_free(t);
    char *e = build_err(IMP_MAP "bad_records_value.json");
    assert_contains(e, "bad_records.json: $.timeline[1].total: expected a number or one of . x - (or empty) in column 'total', got 'true'");
    free(e);
    e = build_err(IMP_MAP "bad_records_member.json");
    assert_contains(e, "bad_records.json: $.years: missing (expected an array of records)");
    free(e);
}

static void test_errors_name_positions(void **state)
{
    (void)state;
    char *e;
    e = build_err(IMP_MAP "bad_unterminated.json");
    assert_contains(e, "bad_unterminated.csv:2:16: unterminated quoted field");
    free(e);
    e = build_err(IMP_MAP "bad_value.json");
    assert_contains(e, "bad_value.csv:3:16: expected a number or one of . x - (or empty) in column 'X_1', got '1,5'");
    free(e);
    /* a source byte that is not UTF-8 (a Latin-1 export), a control
     * character in a labels file: the table written from them would be
     * refused by every build (found by tests/fuzz/fuzz_import.c) */
    e = build_err(IMP_MAP "bad_encoding.json");
    assert_contains(e, "bad_encoding.csv:3:10: invalid UTF-8 (byte 0xE7)");
    free(e);
    e = build_err(IMP_MAP "bad_control_labels.json");
    assert_contains(e, "bad_control_labels.csv:2:18: control character U+0001: not allowed in text");
    free(e);
    e = build_err(IMP_MAP "bad_duplicate.json");
    assert_contains(e, "bad_duplicate.csv:3:16: the same cell occurs twice (first at");
    assert_contains(e, "bad_duplicate.csv:2:16)");
    free(e);
    e = build_err(IMP_MAP "bad_unmapped.json");
    assert_contains(e, "bad_value.csv:1:17: column 'X_1' is not mapped");
    free(e);
    e = build_err(IMP_MAP "bad_key.json");
    assert_contains(e, "bad_key.json: $.dimensions[0].lables: unknown key (expected one of: column, constant");
    free(e);
    e = build_err(IMP_MAP "bad_label.json");
    assert_contains(e, "$.dimensions[0].labels: code '2030JJ00' does not occur in the imported rows");
    free(e);
    e = build_err(IMP_MAP "bad_syntax.json");
    assert_contains(e, "bad_syntax.json:4:");
    free(e);
    e = build_err(IMP_MAP "no_such_mapping.json");
    assert_contains(e, "no_such_mapping.json");
    free(e);
}

/* Importing twice gives the same bytes; --check style comparison agrees,
 * and notices a changed file. */
static void test_reimport_identical(void **state)
{
    (void)state;
    char *d1 = tu_tempdir("imp1"), *d2 = tu_tempdir("imp2");
    const char *maps[] = {IMP_MAP "37296ned_excerpt.json", IMP_MAP "countries_excerpt.json", IMP_MAP "60032_excerpt.json"};
    const char *names[] = {"test/37296ned", "test/countries", "test/60032"};
    for (int i = 0; i < 3; i++) {
        wf_error err = {{0}};
        int differs = -1;
        assert_int_equal(import_run(maps[i], IMP_SHARED, d1, 0, NULL, NULL, &err), 0);
        assert_int_equal(import_run(maps[i], IMP_SHARED, d2, 0, NULL, NULL, &err), 0);
        assert_int_equal(import_run(maps[i], IMP_SHARED, d1, 1, &differs, NULL, &err), 0);
        assert_int_equal(differs, 0);
        char *c1 = tu_readf("%s/%s.csv", d1, names[i]), *c2 = tu_readf("%s/%s.csv", d2, names[i]);
        char *m1 = tu_readf("%s/%s.meta.json", d1, names[i]), *m2 = tu_readf("%s/%s.meta.json", d2, names[i]);
        assert_non_null(c1);
        assert_non_null(m1);
        assert_string_equal(c1, c2);
        assert_string_equal(m1, m2);
        /* no absolute path or date may leak into the sidecar */
        assert_false(tu_contains(m1, WF_SRC_DIR));
        free(c1);
        free(c2);
        free(m1);
        free(m2);
    }
    char path[512];
    snprintf(path, sizeof path, "%s/test/60032.csv", d1);
    tu_write(path, "changed\n");
    wf_error err = {{0}};
    int differs = 0;
    assert_int_equal(import_run(IMP_MAP "60032_excerpt.json", IMP_SHARED, d1, 1, &differs, NULL, &err), 0);
    assert_int_equal(differs, 1);
    tu_rmrf(d1);
    tu_rmrf(d2);
    free(d1);
    free(d2);
}

/* The committed tables under data/ are what every mapping in data/mappings
 * produces from ../shared/data today (a mapping whose input is absent is
 * skipped and said so; all are skipped where that directory is absent). */
static void test_committed_tables_current(void **state)
{
    (void)state;
    const char *shared = WF_SRC_DIR "/../shared/data";
    struct stat st;
    if (stat(shared, &st) != 0) {
        fprintf(stderr, "skipping: %s absent\n", shared);
        return;
    }
    glob_t g;
    assert_int_equal(glob(WF_SRC_DIR "/data/mappings/*.json", 0, NULL, &g), 0);
    size_t checked = 0;
    for (size_t i = 0; i < g.gl_pathc; i++) {
        const char *m = g.gl_pathv[i];
        char *absent = NULL;
        if (import_inputs_absent(m, shared, &absent)) {
            fprintf(stderr, "skipping %s: its input %s is absent\n", m, absent);
            free(absent);
            continue;
        }
        wf_error err = {{0}};
        int differs = -1;
        if (import_run(m, shared, WF_DATA, 1, &differs, NULL, &err) != 0)
            fail_msg("%s", err.msg);
        if (differs)
            fail_msg("data/ differs from a re-import of %s (run scripts/import-all.sh)", m);
        checked++;
    }
    globfree(&g);
    assert_true(checked > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_statline_excerpt),
        cmocka_unit_test(test_filters_and_renames),
        cmocka_unit_test(test_labels_file_tab_separated),
        cmocka_unit_test(test_mixed_separators_and_stray_quotes),
        cmocka_unit_test(test_odata_matches_statline),
        cmocka_unit_test(test_json_records),
        cmocka_unit_test(test_errors_name_positions),
        cmocka_unit_test(test_reimport_identical),
        cmocka_unit_test(test_committed_tables_current),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
