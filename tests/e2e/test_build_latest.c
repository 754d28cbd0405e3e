/* Figures that follow the data, on the shipped data: by default the time
 * series show the report's period and those whose own topics have later
 * numbers warn (tagged with the figure id, and in the manifest); with
 * --latest each runs to the last year with a number, its CSV ends there
 * and its title says so; the mode is a cue, so switching rebuilds. The
 * data's last year is read here from data/cbs/37296ned.csv itself, not
 * from the sidecar the host uses. */
#include "testutil.h"

#include "format/jsonfile.h"

/* The last year with a number for topic in the shipped 37296ned, and the
 * table's last period of any kind. */
static int last_year_with_number(const char *topic, int *table_last)
{
    char *text = tu_read(WF_DATA "/cbs/37296ned.csv", NULL);
    assert_non_null(text);
    int last = 0, any = 0;
    char *save = NULL;
    for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        int y;
        char code[128], value[64] = "";
        if (sscanf(l, "%4dJJ00,%127[^,],%63s", &y, code, value) < 2)
            continue;
        if (y > any)
            any = y;
        if (strcmp(code, topic) == 0 && value[0] && y > last)
            last = y;
    }
    free(text);
    *table_last = any;
    return last;
}

/* The first field of the CSV's last line. */
static int csv_last_year(const char *out, const char *fig)
{
    char *csv = tu_readf("%s/%s.csv", out, fig);
    assert_non_null(csv);
    size_t n = strlen(csv);
    while (n > 0 && csv[n - 1] == '\n')
        csv[--n] = '\0';
    const char *last = strrchr(csv, '\n');
    int y = atoi(last ? last + 1 : csv);
    free(csv);
    return y;
}

static cJSON *manifest(const char *out, const char *fig)
{
    char p[700];
    snprintf(p, sizeof p, "%s/%s.json", out, fig);
    cJSON *m = NULL;
    wf_error e;
    if (json_read_file(p, &m, &e) != 0)
        fail_msg("%s", e.msg);
    return m;
}

static void test_report_mode_warns(void **state)
{
    (void)state;
    int table_last = 0, last = last_year_with_number("Immigratie_73", &table_last);
    assert_true(last > 2018);
    /* the table's last row holds stocks only: it must not count */
    assert_true(table_last > last);
    char *o = tu_tempdir("latest-rep");
    char *out = NULL, *err = NULL;
    assert_int_equal(tu_wrrfig(&out, &err, "build", "fig-2-1", "fig-2-7", "fig-2-8", "fig-3-6", "--out", o,
                               "--format", "svg", NULL), 0);
    char want[200];
    static const char *const warned[] = {"fig-2-1", "fig-2-7", "fig-2-8"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(want, sizeof want, "wrrfig: [%s] warning: data runs to %d; the report's figure ends in 2018",
                 warned[i], last);
        assert_contains(err, want);
        cJSON *m = manifest(o, warned[i]);
        snprintf(want, sizeof want, "data runs to %d; the report's figure ends in 2018", last);
        assert_string_equal(json_str(json_at(m, "period"), "warning"), want);
        assert_string_equal(json_str(json_at(m, "period"), "mode"), "report");
        assert_true(json_at(m, "period.to")->valuedouble == 2018);
        assert_int_equal(csv_last_year(o, warned[i]), 2018);
        cJSON_Delete(m);
    }
    /* fig-3-6's data end with its period: no warning */
    assert_false(tu_contains(err, "[fig-3-6] warning"));
    cJSON *m = manifest(o, "fig-3-6");
    assert_null(json_str(json_at(m, "period"), "warning"));
    assert_true(json_at(m, "period.data.last")->valuedouble == 2019);
    cJSON_Delete(m);
    free(out);
    free(err);
    tu_rmrf(o);
    free(o);
}

static void test_latest_runs_to_the_data(void **state)
{
    (void)state;
    int table_last = 0, last = last_year_with_number("Immigratie_73", &table_last);
    char *o = tu_tempdir("latest");
    char *out = NULL, *err = NULL;
    assert_int_equal(tu_wrrfig(&out, &err, "build", "fig-2-1", "fig-2-7", "fig-2-8", "fig-3-6", "--out", o,
                               "--format", "svg", NULL), 0);
    free(out);
    free(err);
    assert_int_equal(tu_wrrfig(&out, &err, "build", "fig-2-1", "fig-2-7", "fig-2-8", "fig-3-6", "--out", o,
                               "--format", "svg", "--latest", "--explain", NULL), 0);
    assert_false(tu_contains(err, "warning: data runs to"));
    static const char *const figs[] = {"fig-2-1", "fig-2-7", "fig-2-8"};
    static const char *const titles[] = {"Migratie naar Nederland, 1950-%d, x 1000",
                                         "Immigratie, emigratie en nettomigratie, Nederland 1950-%d*, x 1000",
                                         "Emigratie uit Nederland per 1000 inwoners, 1950-%d*"};
    char want[200];
    for (size_t i = 0; i < 3; i++) {
        snprintf(want, sizeof want, "%s: rebuilt: period mode changed (report -> latest)", figs[i]);
        assert_contains(out, want);
        assert_int_equal(csv_last_year(o, figs[i]), last);
        cJSON *m = manifest(o, figs[i]);
        snprintf(want, sizeof want, titles[i], last);
        assert_string_equal(json_str(m, "title"), want);
        assert_string_equal(json_str(json_at(m, "period"), "mode"), "latest");
        assert_true(json_at(m, "period.to")->valuedouble == last);
        assert_true(json_at(m, "period.report.to")->valuedouble == 2018);
        cJSON_Delete(m);
        /* the drawing says it too: the SVG's title text */
        char *svg = tu_readf("%s/%s.svg", o, figs[i]);
        snprintf(want, sizeof want, "1950-%d", last);
        assert_contains(svg, want);
        assert_false(tu_contains(svg, "1950-2018"));
        free(svg);
    }
    /* fig-3-6 has no later data: the same period, still rebuilt (a cue) */
    assert_contains(out, "fig-3-6: rebuilt: period mode changed (report -> latest)");
    cJSON *m = manifest(o, "fig-3-6");
    assert_true(json_at(m, "period.to")->valuedouble == 2019);
    cJSON_Delete(m);
    char *csv = tu_readf("%s/fig-3-6.csv", o);
    assert_contains(csv, ",2019,");
    assert_false(tu_contains(csv, ",2020,"));
    free(csv);
    free(out);
    free(err);
    /* the same mode again: up to date; back to the report's: rebuilt */
    assert_int_equal(tu_wrrfig(&out, &err, "build", "fig-2-1", "--out", o, "--format", "svg", "--latest", "--explain",
                               NULL), 0);
    assert_contains(out, "fig-2-1: up to date");
    free(out);
    free(err);
    assert_int_equal(tu_wrrfig(&out, &err, "build", "fig-2-1", "--out", o, "--format", "svg", "--explain", NULL), 0);
    assert_contains(out, "fig-2-1: rebuilt: period mode changed (latest -> report)");
    assert_int_equal(csv_last_year(o, "fig-2-1"), 2018);
    free(out);
    free(err);
    tu_rmrf(o);
    free(o);
}

/* A spec whose period text names an unknown placeholder fails that figure
 * with the spec's file and JSON path; the previous outputs stay. */
static void test_bad_placeholder_refused(void **state)
{
    (void)state;
    char *figs = tu_tempdir("latest-figs"), *o = tu_tempdir("latest-bad");
    char *spec = tu_read(WF_FIGURES "/fig-2-1.json", NULL);
    assert_non_null(spec);
    char *at = strstr(spec, "{from}-{to}, thousands");
    assert_non_null(at);
    memcpy(at, "{form}", 6);
    char p[700];
    snprintf(p, sizeof p, "%s/fig-2-1.json", figs);
    tu_write(p, spec);
    free(spec);
    char cmd[1400];
    snprintf(cmd, sizeof cmd, "cd '%s' && for f in '%s'/*.json; do [ -e \"$(basename \"$f\")\" ] || cp \"$f\" .; done",
             figs, WF_FIGURES);
    assert_int_equal(system(cmd), 0);
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig_dirs(WF_PLUGINS, WF_DATA, figs, &out, &err, "build", "fig-2-1", "--out", o, "--format", "svg",
                            NULL);
    assert_int_equal(rc, 1);
    assert_contains(out, "fig-2-1.json: $.title_template.en: unknown placeholder '{form}'");
    free(out);
    free(err);
    tu_rmrf(figs);
    tu_rmrf(o);
    free(figs);
    free(o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_mode_warns),
        cmocka_unit_test(test_latest_runs_to_the_data),
        cmocka_unit_test(test_bad_placeholder_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
