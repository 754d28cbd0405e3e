/* The period a figure shows (core/src/figure/period.c): the spec's period
 * clipped to the data's extent for the figure's topics (the sidecar's
 * facts, computed from the table as the importer does), extended to the data's last year with --latest; the
 * period texts' {from}/{to} filled in both languages; an unknown
 * placeholder refused with the spec's JSON path; the warning only when the
 * figure's own topics run past the period. The sidecar is CONSTRUCTED. */
#include "testutil.h"

#include <glob.h>
#include <sys/stat.h>

#include "figure/period.h"
#include "format/jsonfile.h"
#include "util/strbuf.h"

/* A table "t/series" whose topic A has numbers 1950-2021 and B 1996-2022;
 * the 2023 row (and A's 2022) hold no number. */
static char *fixture_data(void)
{
    char *d = tu_tempdir("period");
    char p[700];
    snprintf(p, sizeof p, "%s/t", d);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/t/series.meta.json", d);
    tu_write(p, "{\"title\": \"CONSTRUCTED\", \"source\": \"test fixture (invented numbers)\", \"licence\": \"none\","
                " \"unit_dim\": \"Onderwerp\"}");
    strbuf csv = STRBUF_INIT;
    sb_puts(&csv, "Perioden,Onderwerp,value\n");
    for (int y = 1950; y <= 2023; y++) {
        sb_printf(&csv, "%dJJ00,A,", y);
        if (y <= 2021)
            sb_printf(&csv, "%d", y);
        sb_printf(&csv, "\n%dJJ00,B,", y);
        if (y >= 1996 && y <= 2022)
            sb_printf(&csv, "%d", y);
        sb_putc(&csv, '\n');
    }
    snprintf(p, sizeof p, "%s/t/series.csv", d);
    tu_write(p, csv.s);
    sb_free(&csv);
    return d;
}

static cJSON *spec_of(const char *text)
{
    cJSON *s = cJSON_Parse(text);
    assert_non_null(s);
    return s;
}

static const char *const INPUTS[] = {"t/series", NULL};

static const char *text_at(const cJSON *spec, const char *dotted)
{
    const cJSON *v = json_at(spec, dotted);
    assert_true(cJSON_IsString(v));
    return v->valuestring;
}

static void test_report_mode_clips_and_warns(void **state)
{
    (void)state;
    char *d = fixture_data();
    cJSON *spec = spec_of("{\"period\": {\"from\": 1946, \"to\": 2018, \"topics\": [\"A\"]},"
                          " \"title_template\": {\"nl\": \"Migratie, {from}-{to}\", \"en\": \"Migration, {from}-{to}\"},"
                          " \"source\": \"CBS, {from}-{to}\", \"classes\": {\"label\": \"{a} to {b}\"}}");
    fig_period p;
    wf_error err = {{0}};
    assert_int_equal(fig_period_resolve(spec, "figures/x.json", d, INPUTS, false, &p, &err), 0);
    assert_true(p.present && p.data_known);
    assert_int_equal(p.from, 1950); /* the data start later than the spec asks */
    assert_int_equal(p.to, 2018);
    assert_int_equal(p.data_last, 2021); /* A's last year, not the table's 2022 */
    assert_string_equal(text_at(spec, "title_template.nl"), "Migratie, 1950-2018");
    assert_string_equal(text_at(spec, "title_template.en"), "Migration, 1950-2018");
    assert_string_equal(text_at(spec, "source"), "CBS, 1950-2018");
    assert_string_equal(text_at(spec, "classes.label"), "{a} to {b}"); /* not a period text */
    assert_true(json_at(spec, "period.to")->valuedouble == 2018);
    char w[160];
    assert_true(fig_period_warning(&p, w, sizeof w));
    assert_string_equal(w, "data runs to 2021; the report's figure ends in 2018");
    cJSON *j = fig_period_json(&p);
    assert_string_equal(json_str(j, "mode"), "report");
    assert_string_equal(json_str(j, "warning"), "data runs to 2021; the report's figure ends in 2018");
    assert_true(json_at(j, "data.last")->valuedouble == 2021);
    cJSON_Delete(j);
    cJSON_Delete(spec);
    tu_rmrf(d);
    free(d);
}

static void test_latest_extends(void **state)
{
    (void)state;
    char *d = fixture_data();
    cJSON *spec = spec_of("{\"period\": {\"from\": 1946, \"to\": 2018, \"topics\": [\"A\"]},"
                          " \"title\": {\"nl\": \"Migratie, {from}-{to}\", \"en\": \"Migration, {from}-{to}\"}}");
    fig_period p;
    wf_error err = {{0}};
    assert_int_equal(fig_period_resolve(spec, "figures/x.json", d, INPUTS, true, &p, &err), 0);
    assert_int_equal(p.to, 2021);
    assert_true(json_at(spec, "period.to")->valuedouble == 2021); /* what the plugin reads */
    assert_string_equal(text_at(spec, "title.nl"), "Migratie, 1950-2021");
    assert_string_equal(text_at(spec, "title.en"), "Migration, 1950-2021");
    char w[160];
    assert_false(fig_period_warning(&p, w, sizeof w));
    cJSON *j = fig_period_json(&p);
    assert_string_equal(json_str(j, "mode"), "latest");
    assert_null(json_str(j, "warning"));
    cJSON_Delete(j);
    cJSON_Delete(spec);
    tu_rmrf(d);
    free(d);
}

/* No false warning: a topic whose later rows are empty does not count, and
 * without topics the table's last year with a number (2022, not 2023). */
static void test_no_false_warning(void **state)
{
    (void)state;
    char *d = fixture_data();
    fig_period p;
    wf_error err = {{0}};
    char w[160];
    cJSON *spec = spec_of("{\"period\": {\"from\": 1950, \"to\": 2021, \"topics\": [\"A\"]}}");
    assert_int_equal(fig_period_resolve(spec, "figures/x.json", d, INPUTS, false, &p, &err), 0);
    assert_false(fig_period_warning(&p, w, sizeof w));
    cJSON_Delete(spec);
    spec = spec_of("{\"period\": {\"from\": 1996, \"to\": 2018}}");
    assert_int_equal(fig_period_resolve(spec, "figures/x.json", d, INPUTS, true, &p, &err), 0);
    assert_int_equal(p.from, 1996);
    assert_int_equal(p.to, 2022);
    cJSON_Delete(spec);
    /* two topics: the latest of them */
    spec = spec_of("{\"period\": {\"from\": 1996, \"to\": 2018, \"topics\": [\"A\", \"B\"]}}");
    assert_int_equal(fig_period_resolve(spec, "figures/x.json", d, INPUTS, false, &p, &err), 0);
    assert_true(fig_period_warning(&p, w, sizeof w));
    assert_string_equal(w, "data runs to 2022; the report's figure ends in 2018");
    cJSON_Delete(spec);
    tu_rmrf(d);
    free(d);
}

static void test_refused_with_json_path(void **state)
{
    (void)state;
    char *d = fixture_data();
    fig_period p;
    wf_error err = {{0}};
    cJSON *spec = spec_of("{\"period\": {\"from\": 1950, \"to\": 2018}, \"title\": {\"nl\": \"{from}-{to}\","
                          " \"en\": \"Immigration, {form}-{to}\"}}");
    assert_int_equal(fig_period_resolve(spec, "figures/x.json", d, INPUTS, false, &p, &err), -1);
    assert_contains(err.msg, "figures/x.json: $.title.en: unknown placeholder '{form}'");
    cJSON_Delete(spec);
    /* {from} without a period */
    spec = spec_of("{\"xlabel\": \"since {from}\"}");
    assert_int_equal(fig_period_resolve(spec, "figures/x.json", d, INPUTS, false, &p, &err), -1);
    assert_contains(err.msg, "figures/x.json: $.xlabel: placeholder '{from}' but the spec has no \"period\"");
    cJSON_Delete(spec);
    /* alt and chart are shown as written (site, info): no placeholder there */
    spec = spec_of("{\"period\": {\"from\": 1950, \"to\": 2018}, \"alt\": {\"nl\": \"x\", \"en\": \"Lines, {from}-{to}\"}}");
    assert_int_equal(fig_period_resolve(spec, "figures/x.json", d, INPUTS, false, &p, &err), -1);
    assert_contains(err.msg, "figures/x.json: $.alt.en: {from}/{to} only in the texts a build draws");
    cJSON_Delete(spec);
    /* a topic the table does not have */
    spec = spec_of("{\"period\": {\"from\": 1950, \"to\": 2018, \"topics\": [\"A\", \"Nope\"]}}");
    assert_int_equal(fig_period_resolve(spec, "figures/x.json", d, INPUTS, false, &p, &err), -1);
    assert_contains(err.msg, "figures/x.json: $.period.topics[1]: 'Nope' is not a topic with numbers in t/series (dimension Onderwerp)");
    cJSON_Delete(spec);
    /* a table the figure does not declare */
    spec = spec_of("{\"period\": {\"from\": 1950, \"to\": 2018, \"table\": \"t/other\"}}");
    assert_int_equal(fig_period_resolve(spec, "figures/x.json", d, INPUTS, false, &p, &err), -1);
    assert_contains(err.msg, "$.period.table: 't/other' is not an input of the figure");
    cJSON_Delete(spec);
    spec = spec_of("{\"period\": {\"from\": 2018, \"to\": 1950}}");
    assert_int_equal(fig_period_resolve(spec, "figures/x.json", d, INPUTS, false, &p, &err), -1);
    assert_contains(err.msg, "$.period: expected \"from\" and \"to\" years");
    cJSON_Delete(spec);
    /* one period's code is not a series: nothing to resolve */
    spec = spec_of("{\"period\": \"2019KW04\", \"title\": \"Q4 2019\"}");
    assert_int_equal(fig_period_resolve(spec, "figures/x.json", d, INPUTS, true, &p, &err), 0);
    assert_false(p.present);
    assert_null(fig_period_json(&p));
    cJSON_Delete(spec);
    tu_rmrf(d);
    free(d);
}

/* A table without a period dimension: the report's period, no warning,
 * and the manifest says the extent is unknown. */
static void test_unknown_extent(void **state)
{
    (void)state;
    char *d = fixture_data();
    char p2[700];
    snprintf(p2, sizeof p2, "%s/t/series.csv", d);
    tu_write(p2, "jaar,Onderwerp,value\n2000,A,1\n2030,A,2\n");
    cJSON *spec = spec_of("{\"period\": {\"from\": 1950, \"to\": 2018}, \"title\": \"{from}-{to}\"}");
    fig_period p;
    wf_error err = {{0}};
    assert_int_equal(fig_period_resolve(spec, "figures/x.json", d, INPUTS, true, &p, &err), 0);
    assert_false(p.data_known);
    assert_int_equal(p.to, 2018);
    assert_string_equal(text_at(spec, "title"), "1950-2018");
    cJSON *j = fig_period_json(&p);
    assert_true(cJSON_IsNull(json_at(j, "data.last")));
    cJSON_Delete(j);
    cJSON_Delete(spec);
    tu_rmrf(d);
    free(d);
}

/* Every shipped spec's period texts expand: no misspelt placeholder waits
 * in a NO-DATA figure's spec for its data to arrive. */
static void test_shipped_specs(void **state)
{
    (void)state;
    glob_t g;
    assert_int_equal(glob(WF_FIGURES "/*.json", 0, NULL, &g), 0);
    assert_true(g.gl_pathc > 10);
    for (size_t i = 0; i < g.gl_pathc; i++) {
        cJSON *spec = NULL;
        wf_error err = {{0}};
        assert_int_equal(json_read_file(g.gl_pathv[i], &spec, &err), 0);
        bool series = cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(spec, "period"));
        if (fig_period_expand(spec, g.gl_pathv[i], series, 1900, 2000, &err) != 0)
            fail_msg("%s", err.msg);
        cJSON_Delete(spec);
    }
    globfree(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_mode_clips_and_warns),
        cmocka_unit_test(test_latest_extends),
        cmocka_unit_test(test_no_false_warning),
        cmocka_unit_test(test_refused_with_json_path),
        cmocka_unit_test(test_unknown_extent),
        cmocka_unit_test(test_shipped_specs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
