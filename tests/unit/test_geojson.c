/* The GeoJSON reader: rings and holes of Polygons and MultiPolygons,
 * properties, sorting, and errors that name the feature and JSON path; the
 * WGS84 -> RD conversion against vertices CBS/PDOK publish in both. */
#include "testutil.h"

#include "format/geojson.h"
#include "import/rdnew.h"

static int parse(const char *text, geojson *g, wf_error *err)
{
    return geojson_parse(text, strlen(text), "t.geojson", NULL, g, err);
}

/* One feature with the given geometry and properties. */
static int parse_one(const char *props, const char *geometry, geojson *g, wf_error *err)
{
    char buf[2048];
    snprintf(buf, sizeof buf,
             "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":%s,"
             "\"geometry\":%s}]}",
             props, geometry);
    return parse(buf, g, err);
}

#define SQUARE "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}"
#define PROPS "{\"statcode\":\"GM0001\",\"statnaam\":\"Een\"}"

static void test_holes_and_multipolygons(void **state)
{
    (void)state;
    geojson g;
    wf_error err;
    if (geojson_read_file(WF_FIXTURES "/geo/holes_multi.geojson", NULL, &g, &err) != 0)
        fail_msg("%s", err.msg);
    assert_int_equal(g.n, 2);
    assert_null(g.crs);
    /* Sorted by code; the trailing space of "GM0002 " is trimmed. */
    const wrrfig_feature *a = &g.features[0], *b = &g.features[1];
    assert_string_equal(a->code, "GM0001");
    assert_string_equal(a->name, "Eerste");
    assert_string_equal(b->code, "GM0002");
    assert_int_equal(a->n_rings, 3);
    assert_false(a->rings[0].is_hole);
    assert_true(a->rings[1].is_hole);
    assert_true(a->rings[2].is_hole);
    assert_int_equal(a->rings[1].n_points, 5);
    assert_double_near(a->rings[1].xy[2], 4, 0);
    assert_double_near(a->rings[1].xy[5], 4, 0);
    assert_int_equal(a->rings[2].n_points, 4);
    /* MultiPolygon: outer, outer, hole of the second. */
    assert_int_equal(b->n_rings, 3);
    assert_false(b->rings[0].is_hole);
    assert_false(b->rings[1].is_hole);
    assert_true(b->rings[2].is_hole);
    assert_double_near(b->rings[1].xy[0], 30, 0);
    assert_ptr_equal(geojson_find(&g, "GM0002"), b);
    assert_ptr_equal(geojson_find(&g, "GM0001"), a);
    assert_null(geojson_find(&g, "GM0003"));
    geojson_free(&g);
}

static void test_crs_and_custom_keys(void **state)
{
    (void)state;
    const char *text = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                       "\"urn:ogc:def:crs:EPSG::28992\"}},\"features\":[{\"type\":\"Feature\",\"properties\":"
                       "{\"GM_CODE\":\"GM0363\",\"GM_NAAM\":\"Amsterdam\"},\"geometry\":" SQUARE "}]}";
    geojson g;
    wf_error err;
    geojson_opts o = {"GM_CODE", "GM_NAAM", 0};
    assert_int_equal(geojson_parse(text, strlen(text), "t", &o, &g, &err), 0);
    assert_string_equal(g.crs, "urn:ogc:def:crs:EPSG::28992");
    assert_string_equal(g.features[0].name, "Amsterdam");
    geojson_free(&g);
    /* The default keys are statcode/statnaam, absent here. */
    assert_int_equal(geojson_parse(text, strlen(text), "t", NULL, &g, &err), -1);
    assert_string_equal(err.msg, "t: features[0].properties.statcode: missing");
}

static void test_bad_coordinates(void **state)
{
    (void)state;
    geojson g;
    wf_error err;
    assert_int_equal(parse_one(PROPS, "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,\"a\"],[0,0]]]}",
                               &g, &err),
                     -1);
    assert_string_equal(err.msg, "t.geojson: features[0].geometry.coordinates[0][2]: expected [x, y] numbers");
    assert_int_equal(parse_one(PROPS, "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]],"
                                      "[[[0,0],[1,0],[1,1],[0,0]],[[0,0],[1],[1,1],[0,0]]]]}",
                               &g, &err),
                     -1);
    assert_string_equal(err.msg, "t.geojson: features[0].geometry.coordinates[1][1][1]: expected [x, y] numbers");
    assert_int_equal(parse_one(PROPS, "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}", &g, &err),
                     -1);
    assert_string_equal(err.msg, "t.geojson: features[0].geometry.coordinates[0]: expected a closed ring of at "
                             "least 4 positions, got 3");
    assert_int_equal(parse_one(PROPS, "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}",
                               &g, &err),
                     -1);
    assert_string_equal(err.msg, "t.geojson: features[0].geometry.coordinates[0]: ring is not closed (first "
                             "position differs from last)");
    assert_int_equal(parse_one(PROPS, "{\"type\":\"Polygon\",\"coordinates\":[]}", &g, &err), -1);
    assert_string_equal(err.msg, "t.geojson: features[0].geometry.coordinates: expected a non-empty array of rings");
}

static void test_properties_and_types(void **state)
{
    (void)state;
    geojson g;
    wf_error err;
    assert_int_equal(parse_one("{\"statcode\":\"GM0001\"}", SQUARE, &g, &err), -1);
    assert_string_equal(err.msg, "t.geojson: features[0].properties.statnaam: missing");
    assert_int_equal(parse_one("{\"statcode\":363,\"statnaam\":\"x\"}", SQUARE, &g, &err), -1);
    assert_string_equal(err.msg, "t.geojson: features[0].properties.statcode: expected a string");
    assert_int_equal(parse_one("[1]", SQUARE, &g, &err), -1);
    assert_string_equal(err.msg, "t.geojson: features[0].properties: expected an object");
    assert_int_equal(parse_one(PROPS, "{\"type\":\"Point\",\"coordinates\":[0,0]}", &g, &err), -1);
    assert_string_equal(err.msg, "t.geojson: features[0].geometry.type: expected \"Polygon\" or \"MultiPolygon\", "
                             "got \"Point\"");
    assert_int_equal(parse_one(PROPS, "{\"type\":7,\"coordinates\":[]}", &g, &err), -1);
    assert_string_equal(err.msg, "t.geojson: features[0].geometry.type: expected a string");
    assert_int_equal(parse("{\"type\":\"Feature\"}", &g, &err), -1);
    assert_string_equal(err.msg, "t.geojson: type: expected \"FeatureCollection\"");
    assert_int_equal(parse("{\"type\":\"FeatureCollection\",\"features\":{}}", &g, &err), -1);
    assert_string_equal(err.msg, "t.geojson: features: expected an array");
}

static void test_null_geometry(void **state)
{
    (void)state;
    geojson g;
    wf_error err;
    assert_int_equal(parse_one(PROPS, "null", &g, &err), -1);
    assert_string_equal(err.msg, "t.geojson: features[0].geometry: expected a Polygon or MultiPolygon, got null");
    const char *text = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":" PROPS
                       ",\"geometry\":null}]}";
    geojson_opts o = {NULL, NULL, 1};
    assert_int_equal(geojson_parse(text, strlen(text), "t", &o, &g, &err), 0);
    assert_int_equal(g.n, 1);
    assert_int_equal(g.features[0].n_rings, 0);
    geojson_free(&g);
}

static void test_duplicates_and_syntax(void **state)
{
    (void)state;
    geojson g;
    wf_error err;
    const char *dup = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":" PROPS
                      ",\"geometry\":" SQUARE "},{\"type\":\"Feature\",\"properties\":{\"statcode\":\"GM0001 \","
                      "\"statnaam\":\"b\"},\"geometry\":" SQUARE "}]}";
    assert_int_equal(parse(dup, &g, &err), -1);
    assert_string_equal(err.msg, "t.geojson: features[1].properties.statcode: code \"GM0001\" repeats features[0]");
    /* Regression (issue 14, #13 and #12): of a key given twice the first
     * one won, and an escaped control character reached the labels. */
    assert_int_equal(parse_one("{\"statcode\":\"GM0001\",\"statcode\":\"GM0002\",\"statnaam\":\"a\"}", SQUARE, &g, &err),
                     -1);
    assert_string_equal(err.msg, "t.geojson: $.features[0].properties.statcode: duplicate key");
    assert_int_equal(parse_one("{\"statcode\":\"GM0001\",\"statnaam\":\"a\\u001b[2J\"}", SQUARE, &g, &err), -1);
    assert_string_equal(err.msg, "t.geojson: $.features[0].properties.statnaam: control character or invalid UTF-8 in a string");
    assert_int_equal(parse("{\"type\":\"FeatureCollection\",\n \"features\": [,]}", &g, &err), -1);
    assert_string_equal(err.msg, "t.geojson: 2:15: invalid JSON (expected a value, ',' or a closing bracket)");
    assert_int_equal(geojson_read_file(WF_FIXTURES "/geo/absent.geojson", NULL, &g, &err), -1);
    assert_contains(err.msg, "absent.geojson: cannot open");
}

/* Each pair is one vertex of the CBS/PDOK 2015 boundaries in both systems;
 * the approximation must land within half a metre of PDOK's RD value. */
static void test_wgs84_to_rd(void **state)
{
    (void)state;
    char *csv = tu_read(WF_FIXTURES "/geo/rd_wgs84_pairs.csv", NULL);
    assert_non_null(csv);
    int rows = 0;
    char *line = strchr(csv, '\n');
    while (line && line[1]) {
        char code[16];
        int vertex;
        double lon, lat, x, y, rx, ry;
        assert_int_equal(sscanf(line + 1, "%15[^,],%d,%lf,%lf,%lf,%lf", code, &vertex, &lon, &lat, &x, &y), 6);
        rdnew_from_wgs84(lon, lat, &rx, &ry);
        if (hypot(rx - x, ry - y) > 0.5)
            fail_msg("%s: RD (%.2f, %.2f), PDOK (%.2f, %.2f)", code, rx, ry, x, y);
        rows++;
        line = strchr(line + 1, '\n');
    }
    assert_int_equal(rows, 8);
    /* The reference point maps onto itself. */
    double x0, y0;
    rdnew_from_wgs84(5.38720621, 52.15517440, &x0, &y0);
    assert_double_near(x0, 155000, 1e-6);
    assert_double_near(y0, 463000, 1e-6);
    free(csv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_holes_and_multipolygons), cmocka_unit_test(test_crs_and_custom_keys),
        cmocka_unit_test(test_bad_coordinates),         cmocka_unit_test(test_properties_and_types),
        cmocka_unit_test(test_null_geometry),           cmocka_unit_test(test_duplicates_and_syntax),
        cmocka_unit_test(test_wgs84_to_rd),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
