/* wrrfig import-geo: WGS84 GeoJSON -> the project's RD layer with its
 * provenance sidecar, and attributes -> a tidy table; deterministic bytes
 * and errors that say where. */
#include "testutil.h"

#include "format/geojson.h"
#include "import/rdnew.h"

#define SRC WF_FIXTURES "/geo/wgs84_attrs.geojson"

TU_SCRATCH_DIR(dir, "geoimp")

static int import(const char *attrs, char **err)
{
    char *argv[] = {(char *)WF_BIN, (char *)"--data", dir, (char *)"import-geo", (char *)SRC,
                    (char *)"--name", (char *)"geo/x", (char *)"--source", (char *)"SYNTHETIC TEST FIXTURE",
                    (char *)"--licence", (char *)"CC0", (char *)"--code-key", (char *)"GM_CODE",
                    (char *)"--name-key", (char *)"GM_NAAM", (char *)"--source-file", (char *)"fixture.geojson",
                    (char *)"--attrs", (char *)attrs, (char *)"--table", (char *)"t/x", NULL};
    return tu_run(argv, NULL, err);
}

static void test_layer_and_table(void **state)
{
    (void)state;
    char *err = NULL;
    int rc = import("AANT_INW,P_X", &err);
    if (rc != 0)
        fail_msg("import-geo failed (%d): %s", rc, err);
    free(err);

    char path[512];
    wf_error msg;
    snprintf(path, sizeof path, "%s/geo/x.geojson", dir);
    geojson g;
    if (geojson_read_file(path, NULL, &g, &msg) != 0)
        fail_msg("%s", msg.msg);
    assert_int_equal(g.n, 3);
    assert_string_equal(g.crs, "urn:ogc:def:crs:EPSG::28992");
    assert_string_equal(g.features[0].code, "GM9001"); /* trimmed, sorted */
    assert_string_equal(g.features[1].name, "Twee \"B\"");
    assert_int_equal(g.features[0].n_rings, 2);
    assert_true(g.features[0].rings[1].is_hole);
    assert_int_equal(g.features[2].n_rings, 2); /* MultiPolygon kept as two outer rings */
    assert_false(g.features[2].rings[1].is_hole);
    double x, y;
    rdnew_from_wgs84(5.0, 52.0, &x, &y);
    assert_double_near(g.features[0].rings[0].xy[0], x, 0.05);
    assert_double_near(g.features[0].rings[0].xy[1], y, 0.05);
    geojson_free(&g);

    char *meta = tu_readf("%s/geo/x.meta.json", dir);
    assert_contains(meta, "\"source\":\t\"SYNTHETIC TEST FIXTURE\"");
    assert_contains(meta, "\"source_file\":\t\"fixture.geojson\"");
    assert_contains(meta, "\"source_sha256\":\t\"");
    assert_contains(meta, "Schreutelkamp");
    assert_contains(meta, "3 features kept");
    assert_false(tu_contains(meta, "/tmp/")); /* no machine paths */
    free(meta);

    char *csv = tu_readf("%s/t/x.csv", dir);
    assert_string_equal(csv, "region,variable,value\nGM9001,AANT_INW,1000\nGM9001,P_X,12\n"
                             "GM9002,AANT_INW,2000\nGM9002,P_X,.\nGM9003,AANT_INW,5\nGM9003,P_X,1\n");
    free(csv);
    char *tmeta = tu_readf("%s/t/x.meta.json", dir);
    assert_contains(tmeta, "1 cells null or absent in the source, written as '.'");
    assert_contains(tmeta, "\"GM9002\":\t\"Twee \\\"B\\\"\"");
    free(tmeta);

    /* Re-importing gives identical bytes. */
    char *before = tu_readf("%s/geo/x.geojson", dir);
    assert_int_equal(import("AANT_INW,P_X", NULL), 0);
    char *after = tu_readf("%s/geo/x.geojson", dir);
    assert_string_equal(before, after);
    free(before);
    free(after);
}

static void test_errors(void **state)
{
    (void)state;
    char *err = NULL;
    assert_int_equal(import("AANT_INW,P_S", &err), 1);
    assert_contains(err, "wgs84_attrs.geojson: features[0].properties.P_S: expected a number or null");
    free(err);
    char *argv[] = {(char *)WF_BIN, (char *)"--data", dir, (char *)"import-geo", (char *)SRC, (char *)"--name",
                    (char *)"geo/y", NULL};
    assert_int_equal(tu_run(argv, NULL, &err), 2); /* no --source / --licence */
    assert_contains(err, "usage: wrrfig import-geo");
    free(err);
    char *argv2[] = {(char *)WF_BIN, (char *)"--data", dir, (char *)"import-geo", (char *)WF_FIXTURES "/geo/README.md",
                     (char *)"--name", (char *)"geo/y", (char *)"--source", (char *)"s", (char *)"--licence",
                     (char *)"l", NULL};
    assert_int_equal(tu_run(argv2, NULL, &err), 1);
    assert_contains(err, "README.md:1:1:");
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_layer_and_table, dir_setup, dir_teardown),
        cmocka_unit_test_setup_teardown(test_errors, dir_setup, dir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
