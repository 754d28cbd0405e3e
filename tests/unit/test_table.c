/* Tidy tables: loading with provenance, typed missing values, lookups,
 * error positions, and deterministic saving. */
#include "testutil.h"

#include "util/fileio.h"
#include "data/table.h"

static char *dir;

static int setup(void **state)
{
    (void)state;
    dir = tu_tempdir("table");
    char p[512];
    snprintf(p, sizeof p, "%s/t", dir);
    mkdir(p, 0755);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tu_rmrf(dir);
    free(dir);
    return 0;
}

static void put(const char *name, const char *csv, const char *meta)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s.csv", dir, name);
    tu_write(p, csv);
    snprintf(p, sizeof p, "%s/%s.meta.json", dir, name);
    if (meta)
        tu_write(p, meta);
    else
        unlink(p);
}

static const char *META = "{\"source\": \"SYNTHETIC TEST FIXTURE\", \"labels\": {\"g\": {\"NL\": \"Nederland\"}}}";

static void test_load_and_find(void **state)
{
    (void)state;
    put("t/a", "g,year,value\nNL,2019,17282163\nNL,2020,.\nTR,2019,x\nMA,2019,-\nSR,2019,\n", META);
    wf_table *t = NULL;
    wf_error err;
    if (table_load(dir, "t/a", &t, &err) != 0)
        fail_msg("%s", err.msg);
    assert_int_equal(t->n_rows, 5);
    assert_int_equal(t->n_dims, 2);
    assert_true(t->has_value);
    double v = 0;
    assert_int_equal(table_find_query(t, "g=NL;year=2019", &v), WRRFIG_VALUE);
    assert_double_near(v, 17282163, 0);
    assert_int_equal(table_find_query(t, "year=2020;g=NL", &v), WRRFIG_MISSING);
    assert_int_equal(table_find_query(t, "g=TR", &v), WRRFIG_SECRET);
    assert_int_equal(table_find_query(t, "g=MA", &v), WRRFIG_NIL);
    assert_int_equal(table_find_query(t, "g=SR", &v), WRRFIG_EMPTY);
    assert_int_equal(table_find_query(t, "g=XX", &v), WRRFIG_NO_CELL);
    assert_int_equal(table_find_query(t, "nodim=1", &v), WRRFIG_NO_CELL);
    /* Regression: conditions beyond the 32 that fit were ignored, matching a
     * row on a subset of the query. */
    char many[1024] = "g=NL";
    for (int i = 0; i < 40; i++)
        strcat(many, ";year=2019");
    strcat(many, ";g=TR");
    assert_int_equal(table_find_query(t, many, &v), WRRFIG_NO_CELL);
    assert_string_equal(table_meta_get(t, "source"), "SYNTHETIC TEST FIXTURE");
    assert_string_equal(table_meta_get(t, "label:g:NL"), "Nederland");
    assert_null(table_meta_get(t, "label:g:XX"));
    assert_int_equal(strlen(table_meta_get(t, "sha256")), 64);
    table_free(t);
}

static void test_text_table(void **state)
{
    (void)state;
    put("t/text", "row,col,text\n0,0,\"Kop, met komma\"\n1,0,\"Regel 1\nRegel 2\"\n", META);
    wf_table *t = NULL;
    wf_error err;
    assert_int_equal(table_load(dir, "t/text", &t, &err), 0);
    assert_false(t->has_value);
    assert_int_equal(t->n_dims, 3);
    assert_string_equal(t->keys[1 * 3 + 2], "Regel 1\nRegel 2");
    table_free(t);
}

static void test_bad_value_position(void **state)
{
    (void)state;
    put("t/bad", "g,value\nNL,12\nBE,1,5\n", META);
    wf_table *t = NULL;
    wf_error err;
    assert_int_equal(table_load(dir, "t/bad", &t, &err), -1);
    char want[600];
    snprintf(want, sizeof want, "%s/t/bad.csv:3:6: expected 2 fields as in the header, found 3", dir);
    assert_string_equal(err.msg, want);
    put("t/bad", "g,value\nNL,12\nBE,1.234,5\n", META);
    put("t/bad2", "g,value\nNL,12\nBE,twelve\n", META);
    assert_int_equal(table_load(dir, "t/bad2", &t, &err), -1);
    snprintf(want, sizeof want,
             "%s/t/bad2.csv:3:4: expected a number or one of . x - (or empty) in column 'value', got 'twelve'", dir);
    assert_string_equal(err.msg, want);
    /* strtod would take these; a data file must not. */
    put("t/bad3", "g,value\nNL,inf\n", META);
    assert_int_equal(table_load(dir, "t/bad3", &t, &err), -1);
    put("t/bad4", "g,value\nNL,0x10\n", META);
    assert_int_equal(table_load(dir, "t/bad4", &t, &err), -1);
}

static void test_missing_sidecar_and_source(void **state)
{
    (void)state;
    put("t/nometa", "g,value\nNL,1\n", NULL);
    wf_table *t = NULL;
    wf_error err;
    assert_int_equal(table_load(dir, "t/nometa", &t, &err), -1);
    assert_contains(err.msg, "t/nometa.meta.json: provenance sidecar missing");
    put("t/nosource", "g,value\nNL,1\n", "{\"title\": \"x\"}");
    assert_int_equal(table_load(dir, "t/nosource", &t, &err), -1);
    assert_contains(err.msg, "t/nosource.meta.json: $.source: missing (expected a string)");
    put("t/badjson", "g,value\nNL,1\n", "{\"source\": \"x\",\n \"notes\": [1,}");
    assert_int_equal(table_load(dir, "t/badjson", &t, &err), -1);
    assert_contains(err.msg, "t/badjson.meta.json:2:");
    assert_int_equal(table_load(dir, "t/none", &t, &err), -1);
    assert_contains(err.msg, "table 't/none' not found");
}

static void test_duplicate_and_empty_header(void **state)
{
    (void)state;
    put("t/dup", "g,g,value\nNL,NL,1\n", META);
    wf_table *t = NULL;
    wf_error err;
    assert_int_equal(table_load(dir, "t/dup", &t, &err), -1);
    assert_contains(err.msg, "t/dup.csv:1:3: duplicate column name 'g'");
    put("t/empty", "", META);
    assert_int_equal(table_load(dir, "t/empty", &t, &err), -1);
    assert_contains(err.msg, "t/empty.csv:1:1: empty file");
}

static void test_sort_save_deterministic(void **state)
{
    (void)state;
    const char *dims[] = {"g", "year"};
    wf_table *a = table_new("t/out", dims, 2, 1), *b = table_new("t/out2", dims, 2, 1);
    const char *r1[] = {"TR", "2019"}, *r2[] = {"NL", "2020"}, *r3[] = {"NL", "2019"};
    table_add_row(a, r1, WRRFIG_VALUE, 1.5);
    table_add_row(a, r2, WRRFIG_MISSING, 0);
    table_add_row(a, r3, WRRFIG_VALUE, 0.1 + 0.2);
    table_add_row(b, r3, WRRFIG_VALUE, 0.1 + 0.2);
    table_add_row(b, r1, WRRFIG_VALUE, 1.5);
    table_add_row(b, r2, WRRFIG_MISSING, 0);
    table_sort(a);
    table_sort(b);
    char *ca = table_to_csv(a), *cb = table_to_csv(b);
    assert_string_equal(ca, cb);
    /* Shortest round-trip form: 0.1+0.2 is not 0.3 and must not print so. */
    assert_string_equal(ca, "g,year,value\nNL,2019,0.30000000000000004\nNL,2020,.\nTR,2019,1.5\n");
    cJSON *meta = cJSON_CreateObject();
    cJSON_AddStringToObject(meta, "source", "SYNTHETIC TEST FIXTURE");
    table_set_meta(a, meta);
    wf_error err;
    assert_int_equal(table_save(a, dir, &err), 0);
    wf_table *back = NULL;
    assert_int_equal(table_load(dir, "t/out", &back, &err), 0);
    char *cback = table_to_csv(back);
    assert_string_equal(cback, ca);
    free(ca);
    free(cb);
    free(cback);
    table_free(a);
    table_free(b);
    table_free(back);
}

static void test_parse_value_cell(void **state)
{
    (void)state;
    wrrfig_value_kind k;
    double v = 0;
    assert_int_equal(parse_value_cell("-12.5", &k, &v), 0);
    assert_int_equal(k, WRRFIG_VALUE);
    assert_double_near(v, -12.5, 0);
    assert_int_equal(parse_value_cell("1e3", &k, &v), 0);
    assert_double_near(v, 1000, 0);
    assert_int_equal(parse_value_cell("12,5", &k, &v), -1); /* decimal comma is not data format */
    assert_int_equal(parse_value_cell("nan", &k, &v), -1);
    assert_int_equal(parse_value_cell(" 1", &k, &v), -1);
}

/* Labels come from a sorted index of the sidecar (a lookup per region was a
 * walk of the JSON object: quadratic over a layer). Same answers as that
 * walk: the first of two equal keys, NULL for a non-string, per dimension;
 * the index follows table_set_meta. */
static void test_label_index(void **state)
{
    (void)state;
    static const char *const dims[] = {"region", "g"};
    wf_table *t = table_new("t/labels", dims, 2, 1);
    cJSON *m = cJSON_Parse("{\"source\": \"SYNTHETIC\", \"labels\": {\"region\": {\"B\": \"Bee\", \"A\": \"Aa\", "
                           "\"B\": \"second\", \"N\": 3}, \"g\": {\"A\": \"group A\"}, \"region\": {\"Z\": \"z\"}}}");
    assert_non_null(m);
    table_set_meta(t, m);
    assert_string_equal(table_meta_get(t, "label:region:A"), "Aa");
    assert_string_equal(table_meta_get(t, "label:region:B"), "Bee");
    assert_null(table_meta_get(t, "label:region:N"));
    assert_null(table_meta_get(t, "label:region:Z")); /* a second "region" object is not read */
    assert_string_equal(table_meta_get(t, "label:g:A"), "group A");
    assert_null(table_meta_get(t, "label:g:B"));
    assert_null(table_meta_get(t, "label:x:A"));
    assert_null(table_meta_get(t, "label:region"));
    /* many labels, looked up in another order than written */
    cJSON *big = cJSON_Parse("{\"source\": \"SYNTHETIC\"}");
    cJSON *dl = cJSON_AddObjectToObject(cJSON_AddObjectToObject(big, "labels"), "region");
    char code[32], name[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(code, sizeof code, "GM%05d", (i * 7919) % 5000);
        snprintf(name, sizeof name, "Gemeente %d", (i * 7919) % 5000);
        cJSON_AddStringToObject(dl, code, name);
    }
    table_set_meta(t, big);
    assert_null(table_meta_get(t, "label:region:A"));
    for (int i = 0; i < 5000; i++) {
        snprintf(code, sizeof code, "label:region:GM%05d", i);
        snprintf(name, sizeof name, "Gemeente %d", i);
        assert_string_equal(table_meta_get(t, code), name);
    }
    table_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_and_find),         cmocka_unit_test(test_text_table),
        cmocka_unit_test(test_bad_value_position),    cmocka_unit_test(test_missing_sidecar_and_source),
        cmocka_unit_test(test_duplicate_and_empty_header), cmocka_unit_test(test_sort_save_deterministic),
        cmocka_unit_test(test_parse_value_cell),      cmocka_unit_test(test_label_index),
    };
    return cmocka_run_group_tests_name("table", tests, setup, teardown);
}
