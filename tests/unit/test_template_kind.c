/* The contributor kit's figure kind (docs/plugin-template, example.series)
 * through the fake host: a spec that fits the kind builds, with the numbers
 * in its CSV and script; specs that do not fit are refused before plugin
 * code runs, with the JSON path and what was expected. */
#include "testutil.h"

#include "fakehost.h"

#define PLUGIN WF_BUILD_DIR "/test-plugins/example.so"
#define TABLE "year,value\n2015,10\n2016,12.5\n2017,.\n2018,14\n"

static fh_host *fh;
static const wrrfig_plugin *p;

static int setup(void **state)
{
    (void)state;
    fh = fh_new(NULL);
    p = fh_plugin(fh, PLUGIN);
    fh_table(fh, "t/series", TABLE, "SYNTHETIC TEST FIXTURE");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fh_free(fh);
    return 0;
}

static void test_builds_from_spec(void **state)
{
    (void)state;
    fh_spec(fh, "{\"id\": \"example-t\", \"kind\": \"example.series\", \"inputs\": {\"table\": \"t/series\"},"
                " \"params\": {\"ylabel\": {\"nl\": \"aantal\", \"en\": \"count\"}}}");
    if (fh_kind(fh, p, "example.series") != WRRFIG_OK)
        fail_msg("%s", fh_message(fh));
    /* '.' is not a number and not a zero: the row is left out. */
    assert_string_equal(fh_csv(fh), "year,value\n2015,10\n2016,12.5\n2018,14\n");
    const char *gp = fh_script(fh);
    assert_contains(gp, "2015 10\n2016 12.5\n2017 NaN\n2018 14\n"); /* numbers, not quoted strings; a gap */
    assert_contains(gp, "set ylabel 'aantal'");
    assert_contains(fh_inputs(fh), "t/series ");
    fh_lang(fh, "en");
    assert_int_equal(fh_kind(fh, p, "example.series"), WRRFIG_OK);
    assert_contains(fh_script(fh), "set ylabel 'count'");
    fh_lang(fh, "nl");
}

static void test_defaults(void **state)
{
    (void)state;
    /* column defaults to "year", ylabel to none */
    fh_spec(fh, "{\"id\": \"example-t\", \"kind\": \"example.series\", \"inputs\": {\"table\": \"t/series\"}}");
    assert_int_equal(fh_kind(fh, p, "example.series"), WRRFIG_OK);
    assert_false(strstr(fh_script(fh), "set ylabel") != NULL);
    /* a table the test did not give is absent: NO-DATA, never an invented zero */
    fh_spec(fh, "{\"id\": \"example-t\", \"kind\": \"example.series\", \"inputs\": {\"table\": \"t/absent\"}}");
    assert_int_equal(fh_kind(fh, p, "example.series"), WRRFIG_NODATA);
}

static void refused(const char *spec, const char *message)
{
    fh_spec(fh, spec);
    assert_int_equal(fh_kind(fh, p, "example.series"), WRRFIG_ERROR);
    assert_contains(fh_message(fh), message);
}

static void test_specs_that_do_not_fit(void **state)
{
    (void)state;
    refused("{\"id\": \"example-t\", \"kind\": \"example.series\"}",
            "spec: $.inputs.table: missing (kind example.series requires this table parameter: the table: a year "
            "column and a value)");
    refused("{\"id\": \"example-t\", \"kind\": \"example.series\", \"inputs\": {\"table\": 5}}",
            "spec: $.inputs.table: expected a table name (a string) (kind example.series: table, table)");
    refused("{\"id\": \"example-t\", \"kind\": \"example.series\", \"inputs\": {\"table\": \"../../etc/passwd\"}}",
            "$.inputs.table: expected a table name such as");
    refused("{\"id\": \"example-t\", \"kind\": \"example.series\", \"inputs\": {\"table\": \"t/series\"},"
            " \"params\": {\"colour\": 3}}",
            "spec: $.params.colour: kind example.series has no such parameter (expected one of: column, ylabel)");
    refused("{\"id\": \"example-t\", \"kind\": \"example.series\", \"inputs\": {\"table\": \"t/series\"},"
            " \"params\": {\"ylabel\": 7}}",
            "spec: $.params.ylabel: expected text: a string or {\"nl\": \"...\", \"en\": \"...\"}");
    refused("{\"id\": \"example-t\", \"kind\": \"example.series\", \"params\": {\"table\": \"t/series\"}}",
            "spec: $.params.table: 'table' is a table parameter of kind example.series: give it in \"inputs\"");
    refused("{\"id\": \"example-t\", \"kind\": \"example.series\", \"inputs\": [\"t/series\"]}",
            "spec: $.inputs: expected an object of table and layer names (kind example.series)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builds_from_spec),
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_specs_that_do_not_fit),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
