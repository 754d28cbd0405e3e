/* Figures 2.12 and 2.13 and the cohorts.* departure measures. fig-2-12
 * (the proxy) builds from the shipped CBS 2025/28 table; fig-2-12-report and
 * fig-2-13 are NO-DATA on the shipped data and render on a synthetic
 * fixture in the assumed 84140NED layout, with the shares checked against a
 * computation done here from the fixture's counts. The cohorts.* measures are
 * unit tests through the fake host: tests/unit/test_cohorts_measures.c. */
#include "test_labour_util.h"

#define FIX WF_FIXTURES "/cohorts"

TU_SCRATCH_DIR(out, "cohdep")

static void test_fig_2_12_proxy_on_shipped_data(void **state)
{
    (void)state;
    lt_build(WF_DATA, out, "fig-2-12");
    wf_table *t = lt_table(WF_DATA, "cohorts/departure_share_nationality");
    csv_doc *d = lt_csv(out, "fig-2-12");
    assert_int_equal(d->n_rows - 1, t->n_rows); /* every published share, drawn once */
    int c_group = csv_header_index(d, "nationaliteit"), c_within = csv_header_index(d, "binnen_jaren");
    int c_year = csv_header_index(d, "immigratiejaar");
    for (size_t r = 0; r < t->n_rows; r++) {
        long row = -1;
        for (size_t k = 1; k < d->n_rows && row < 0; k++)
            if (!strcmp(d->rows[k].f[c_group], lt_key(t, r, "nationaliteit")) &&
                !strcmp(d->rows[k].f[c_within], lt_key(t, r, "binnen_jaren")) &&
                !strcmp(d->rows[k].f[c_year], lt_key(t, r, "immigratiejaar")))
                row = (long)k;
        if (row < 0)
            fail_msg("fig-2-12.csv lacks %s %s %s", lt_key(t, r, "nationaliteit"), lt_key(t, r, "binnen_jaren"),
                     lt_key(t, r, "immigratiejaar"));
        assert_double_near(lt_num(d, row, "vertrokken_pct"), t->values[r], 1e-9);
    }
    char *js = tu_readf("%s/fig-2-12.json", out);
    /* The proxy says what it is and what it lacks. */
    assert_contains(js, "Dit is een benadering");
    assert_contains(js, "Geen prognose");
    assert_contains(js, "begint bij immigratiejaar 1995; deze reeks bij 1999");
    assert_contains(js, "EU/EFTA, binnen 5 jaar: geen waarde voor 2020-2022");
    char *svg = tu_readf("%s/fig-2-12.svg", out);
    assert_contains(svg, "Benadering van figuur 2.12");
    assert_contains(svg, "niet CBS 84140NED");
    free(js);
    free(svg);
    csv_free(d);
    table_free(t);
}

static void test_report_versions_are_no_data_on_shipped_data(void **state)
{
    (void)state;
    static const char *const figs[] = {"fig-2-12-report", "fig-2-13"};
    for (int i = 0; i < 2; i++) {
        char *o = NULL, *e = NULL;
        assert_int_equal(tu_wrrfig(&o, &e, "build", figs[i], "--out", out, NULL), 0);
        char *js = tu_readf("%s/%s.json", out, figs[i]);
        assert_contains(js, "\"status\":\t\"no-data\"");
        assert_contains(js, "84140NED");
        free(js);
        free(o);
        free(e);
    }
    char *js = tu_readf("%s/fig-2-12-report.json", out);
    assert_contains(js, "forecast");
    free(js);
}

/* N persons of the fixture still present after `stay` (VD00/VD02/VD05)
 * for a motive code, summed over the years, totals only. */
static double fixture_count(const wf_table *t, const char *motive, int from, int to, const char *stay)
{
    double sum = 0;
    for (size_t r = 0; r < t->n_rows; r++) {
        int y = atoi(lt_key(t, r, "JaarVanImmigratie"));
        if (strcmp(lt_key(t, r, "Geslacht"), "T001038") || strcmp(lt_key(t, r, "Migratiereden"), motive) ||
            strcmp(lt_key(t, r, "Verblijfsduur"), stay) || y < from || y > to)
            continue;
        assert_int_equal(t->kinds[r], WRRFIG_VALUE);
        sum += t->values[r];
    }
    return sum;
}

static void test_fig_2_13_on_fixture(void **state)
{
    (void)state;
    lt_build(FIX, out, "fig-2-13");
    wf_table *t = lt_table(FIX, "cbs/84140ned");
    csv_doc *d = lt_csv(out, "fig-2-13");
    assert_int_equal(d->n_rows - 1, 8); /* 4 motives x 2 cohorts */
    static const char *const motives[][2] = {
        {"A009232", "Arbeid"}, {"A009233", "Asiel"}, {"A009234", "Gezin"}, {"A009235", "Studie"}};
    static const int cohorts[2][2] = {{1999, 2005}, {2006, 2010}};
    for (int m = 0; m < 4; m++)
        for (int c = 0; c < 2; c++) {
            double n0 = fixture_count(t, motives[m][0], cohorts[c][0], cohorts[c][1], "VD00");
            double n2 = fixture_count(t, motives[m][0], cohorts[c][0], cohorts[c][1], "VD02");
            double n5 = fixture_count(t, motives[m][0], cohorts[c][0], cohorts[c][1], "VD05");
            char cohort[16];
            snprintf(cohort, sizeof cohort, "%d-%d", cohorts[c][0], cohorts[c][1]);
            /* The spec names motives by label: the plugin found the codes. */
            long row = lt_row(d, "migratiereden", motives[m][1], "cohort", cohort);
            assert_true(row > 0);
            assert_double_near(lt_num(d, row, "minder_dan_2_jaar_pct"), 100 * (n0 - n2) / n0, 1e-9);
            assert_double_near(lt_num(d, row, "2_tot_5_jaar_pct"), 100 * (n2 - n5) / n0, 1e-9);
            assert_double_near(lt_num(d, row, "meer_dan_5_jaar_pct"), 100 * n5 / n0, 1e-9);
            assert_double_near(lt_num(d, row, "immigranten"), n0, 1e-9);
        }
    char *svg = tu_readf("%s/fig-2-13.svg", out);
    assert_contains(svg, "&lt; 2 jaar, cohort ‘99-’05");
    assert_contains(svg, "Studie");
    free(svg);
    csv_free(d);
    table_free(t);
}

static void test_fig_2_12_report_on_fixture(void **state)
{
    (void)state;
    lt_build(FIX, out, "fig-2-12-report");
    wf_table *t = lt_table(FIX, "cbs/84140ned");
    csv_doc *d = lt_csv(out, "fig-2-12-report");
    /* Observed: 1 - N10/N0 for the 2005 cohort, all motives. */
    double n0 = fixture_count(t, "T001056", 2005, 2005, "VD00"), n10 = fixture_count(t, "T001056", 2005, 2005, "VD10");
    long row = -1;
    int cy = csv_header_index(d, "immigratiejaar"), cw = csv_header_index(d, "binnen_jaren");
    int cs = csv_header_index(d, "soort");
    for (size_t k = 1; k < d->n_rows; k++)
        if (!strcmp(d->rows[k].f[cy], "2005") && !strcmp(d->rows[k].f[cw], "10") &&
            !strcmp(d->rows[k].f[cs], "waargenomen"))
            row = (long)k;
    assert_true(row > 0);
    assert_double_near(lt_num(d, row, "vertrokken_pct"), 100 * (1 - n10 / n0), 1e-9);
    /* Cohorts too recent for 10 years have no observed point (the fixture
     * marks them '.'), and none is invented. */
    for (size_t k = 1; k < d->n_rows; k++)
        if (!strcmp(d->rows[k].f[cw], "10") && !strcmp(d->rows[k].f[cs], "waargenomen"))
            assert_true(atoi(d->rows[k].f[cy]) <= 2008);
    char *gp = tu_readf("%s/fig-2-12-report.gp", out);
    assert_contains(gp, "dt 2"); /* the forecast is dashed */
    free(gp);
    csv_free(d);
    table_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fig_2_12_proxy_on_shipped_data),
        cmocka_unit_test(test_report_versions_are_no_data_on_shipped_data),
        cmocka_unit_test(test_fig_2_13_on_fixture),
        cmocka_unit_test(test_fig_2_12_report_on_fixture),
    };
    return cmocka_run_group_tests(tests, out_setup, out_teardown);
}
