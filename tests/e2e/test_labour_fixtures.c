/* The NO-DATA labour figures (3.8, 3.9, 3.10, 3.12, 3.11-report) are NO-DATA on the
 * shipped data, naming what they need, and render on synthetic fixtures in
 * their tables' layouts; the fixture numbers come back in the CSV. The
 * measures' edge cases (computed rate, disagreeing sources, CBS symbols)
 * run on the same fixtures. */
#include "test_labour_util.h"

#define FIX WF_FIXTURES "/labour"

TU_SCRATCH_DIR(out, "labfix")

static void test_no_data_on_shipped_data_names_the_table(void **state)
{
    (void)state;
    static const char *const figs[][2] = {
        {"fig-3-8", "82809NED"},
        {"fig-3-9", "Geen tijd verliezen"},
        {"fig-3-10", "Geen tijd verliezen"},
        {"fig-3-12", "Gijsberts et al. 2018"},
        {"fig-3-11-report", "Boot et al. 2020"},
    };
    for (size_t i = 0; i < 5; i++) {
        char *o = NULL, *e = NULL;
        assert_int_equal(tu_wrrfig(&o, &e, "info", figs[i][0], NULL), 0);
        assert_contains(o, "NO-DATA");
        assert_contains(o, figs[i][1]);
        free(o);
        free(e);
        o = e = NULL;
        assert_int_equal(tu_wrrfig(&o, &e, "build", figs[i][0], "--out", out, NULL), 0);
        char *js = tu_readf("%s/%s.json", out, figs[i][0]);
        assert_contains(js, "\"status\":\t\"no-data\"");
        assert_contains(js, figs[i][1]);
        char *svg = tu_readf("%s/%s.svg", out, figs[i][0]);
        assert_null(svg); /* nothing drawn from absent data */
        free(js);
        free(o);
        free(e);
    }
}

static void test_fig_3_8_on_fixture(void **state)
{
    (void)state;
    lt_build(FIX, out, "fig-3-8");
    csv_doc *d = lt_csv(out, "fig-3-8");
    wf_table *t = lt_table(FIX, "labour/unemployment_age_82809");
    assert_int_equal(d->n_rows - 1, 15); /* 5 origins x 3 ages, including the absent one */
    for (size_t r = 0; r < t->n_rows; r++) {
        if (strcmp(lt_key(t, r, "periode"), "2019KW04") || strcmp(lt_key(t, r, "onderwerp"), "WERKLOOS_PCT"))
            continue;
        long row = lt_row(d, "herkomst", lt_key(t, r, "herkomst"), "leeftijd", lt_key(t, r, "leeftijd"));
        if (t->kinds[r] == WRRFIG_VALUE) {
            assert_double_near(lt_num(d, row, "werkloosheid_pct"), t->values[r], 1e-9);
            assert_string_equal(lt_field(d, row, "status"), "waarde");
        } else {
            assert_string_equal(lt_field(d, row, "werkloosheid_pct"), ""); /* no bar, and said why */
            assert_string_equal(lt_field(d, row, "status"), "onbekend (.)");
        }
    }
    /* The fixture makes Moroccan youth highest among the youth: the claim
     * of fig. 3.8 can be read off the CSV. */
    double ma = lt_num(d, lt_row(d, "herkomst", "Marokko", "leeftijd", "15-25"), "werkloosheid_pct");
    double nl = lt_num(d, lt_row(d, "herkomst", "Nederlands", "leeftijd", "15-25"), "werkloosheid_pct");
    assert_true(ma > nl);
    char *gp = tu_readf("%s/fig-3-8.gp", out);
    assert_contains(gp, "with boxes");
    free(gp);
    table_free(t);
    csv_free(d);
}

static void test_lines_figures_on_fixtures(void **state)
{
    (void)state;
    static const struct {
        const char *fig, *table, *series_dim, *x_dim;
        size_t rows;
    } cases[] = {
        {"fig-3-9", "labour/cohort_1995_1999_motive", "motief", "verblijfsjaren", 45},
        {"fig-3-10", "labour/asylum_cohort_1995_1999_country", "herkomstland", "verblijfsjaren", 75},
        {"fig-3-12", "labour/polish_participation", "groep", "jaar", 22},
        {"fig-3-11-report", "labour/asylum2014_job8h", "herkomst", "maanden", 27},
    };
    for (size_t i = 0; i < 4; i++) {
        lt_build(FIX, out, cases[i].fig);
        csv_doc *d = lt_csv(out, cases[i].fig);
        wf_table *t = lt_table(FIX, cases[i].table);
        assert_int_equal(d->n_rows - 1, cases[i].rows);
        assert_int_equal(t->n_rows, cases[i].rows);
        for (size_t r = 0; r < t->n_rows; r++) {
            long row = lt_row(d, cases[i].series_dim, lt_key(t, r, cases[i].series_dim), cases[i].x_dim,
                              lt_key(t, r, cases[i].x_dim));
            if (row < 0)
                fail_msg("%s.csv lacks %s %s", cases[i].fig, lt_key(t, r, cases[i].series_dim),
                         lt_key(t, r, cases[i].x_dim));
            assert_double_near(lt_num(d, row, "waarde"), t->values[r], 1e-9);
        }
        table_free(t);
        csv_free(d);
    }
}

/* Years come from the data (missing ones named, not interpolated); a
 * quarter is never read as its year; whole values print with the source's
 * one decimal ("70,0"); end labels 0.1 apart are spread so they do not
 * overlap (label_gap, default 1.9 points). */
static void test_fig_3_6_on_fixture_gaps_quarters_and_labels(void **state)
{
    (void)state;
    lt_build(FIX, out, "fig-3-6");
    char *js = tu_readf("%s/fig-3-6.json", out);
    assert_contains(js, "Nederlands: geen waarde voor 2004, 2006-2018");
    assert_contains(js, "Turks: geen waarde voor 2003-2017");
    assert_contains(js, "Marokkaans: geen waarde voor 2003-2019");
    csv_doc *d = lt_csv(out, "fig-3-6");
    assert_int_equal(d->n_rows - 1, 5);
    assert_true(lt_row(d, "herkomst", "Turkije", "jaar", "2016") < 0);
    char *gp = tu_readf("%s/fig-3-6.gp", out);
    assert_contains(gp, "with linespoints");
    assert_contains(gp, "'Nederlands 70,0' at first 2019.8, first 70.9 left");
    assert_contains(gp, "'Turks 69,9' at first 2019.8, first 69 left");
    free(gp);
    free(js);
    csv_free(d);
}

static void test_measures_on_fixtures(void **state)
{
    (void)state;
    /* Counts only: the rate is employed / population. */
    assert_measure(FIX, "labour.net_participation{origin='Suriname', year=2012}", 60, 1e-9);
    assert_measure(FIX, "labour.net_participation{origin='Turkije', year=2019, quarter=4, sex='Vrouwen'}", 44.4,
                   1e-9);
    assert_measure_status(FIX, "labour.net_participation{origin='Turkije', year=2019, quarter=5}", EVAL_ERROR);
    /* Two sources for one cell that disagree are an error, not a pick. */
    assert_measure_status(FIX, "labour.unemployment{origin='Marokko', year=2011}", EVAL_ERROR);
    assert_measure(FIX, "labour.unemployment{origin='Turkije', year=2011}", 9.5, 1e-9);
    assert_measure_status(FIX, "labour.unemployment{origin='Westers', year=2011}", EVAL_NODATA); /* 'x' */
    /* Age classes come from a full import of 82809NED into
     * labour/participation_82809; the fixture of that table has none. */
    assert_measure_status(FIX, "labour.unemployment{origin='Marokko', year=2019, quarter=4, age='15-25'}",
                          EVAL_NODATA);
    assert_measure_status(FIX, "labour.unemployment{origin='Marokko', year=2019, quarter=4, age='15-24'}",
                          EVAL_ERROR);
    assert_measure(FIX, "labour.cohort9599_employed{motive='Asiel', years=15}", 62, 1e-9);
    assert_measure(FIX, "labour.cohort9599_employed{motive='Arbeid', years=2}", 85.5, 1e-9);
    assert_measure(FIX, "labour.cohort9599_employed{motive='Asiel', years=15, country='Somalië'}", 38, 1e-9);
    assert_measure_status(FIX, "labour.cohort9599_employed{motive='Gezin', years=15, country='Somalië'}",
                          EVAL_ERROR);
    assert_measure(FIX, "labour.polish_participation{group='Polen', year=2016}", 78, 1e-9);
    assert_measure(FIX, "labour.asylum2014_job8h{country='Eritrea', months=54}", 47.5, 1e-9);
    assert_measure(FIX, "labour.asylum2014_bijstand{months=54}", 51, 1e-9);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_data_on_shipped_data_names_the_table),
        cmocka_unit_test(test_fig_3_8_on_fixture),
        cmocka_unit_test(test_lines_figures_on_fixtures),
        cmocka_unit_test(test_fig_3_6_on_fixture_gaps_quarters_and_labels),
        cmocka_unit_test(test_measures_on_fixtures),
    };
    return cmocka_run_group_tests(tests, out_setup, out_teardown);
}
