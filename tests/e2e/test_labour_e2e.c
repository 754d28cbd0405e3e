/* End to end on the shipped data: fig-3-6, fig-3-7, fig-3-11 and tab-7-1
 * build and render; the numbers in their CSV are checked against the data
 * tables read independently (and against employed / population for the
 * participation rows that have both); the labour.* measures evaluate. */
#include "test_labour_util.h"

static char *out;

static int setup(void **state)
{
    (void)state;
    out = tu_tempdir("labe2e");
    lt_build(WF_DATA, out, "fig-3-6");
    lt_build(WF_DATA, out, "fig-3-7");
    lt_build(WF_DATA, out, "fig-3-11");
    lt_build(WF_DATA, out, "tab-7-1");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tu_rmrf(out);
    free(out);
    return 0;
}

static void test_fig_3_6_points_match_the_table(void **state)
{
    (void)state;
    wf_table *t = lt_table(WF_DATA, "labour/participation_82809");
    csv_doc *d = lt_csv(out, "fig-3-6");
    static const char *const groups[] = {"Nederlands", "Turkije", "Marokko"};
    size_t expected_rows = 0;
    for (size_t r = 0; r < t->n_rows; r++) {
        const char *g = lt_key(t, r, "herkomst");
        if (strcmp(lt_key(t, r, "onderwerp"), "NETTO_PART") != 0 ||
            (strcmp(g, groups[0]) && strcmp(g, groups[1]) && strcmp(g, groups[2])))
            continue;
        expected_rows++;
        char year[8];
        snprintf(year, sizeof year, "%.4s", lt_key(t, r, "periode"));
        long row = lt_row(d, "herkomst", g, "jaar", year);
        if (row < 0)
            fail_msg("fig-3-6.csv lacks %s %s", g, year);
        assert_double_near(lt_num(d, row, "netto_arbeidsparticipatie_pct"), t->values[r], 1e-9);
        assert_string_equal(lt_field(d, row, "bron"), lt_key(t, r, "bron"));
        /* Where the table also has the counts, the rate is their ratio within
         * the rounding of the thousands. */
        char q[160];
        double pop, emp;
        snprintf(q, sizeof q, "herkomst=%s;periode=%s;onderwerp=BEVOLKING", g, lt_key(t, r, "periode"));
        if (table_find_query(t, q, &pop) == WRRFIG_VALUE) {
            snprintf(q, sizeof q, "herkomst=%s;periode=%s;onderwerp=WERKZAAM", g, lt_key(t, r, "periode"));
            assert_int_equal(table_find_query(t, q, &emp), WRRFIG_VALUE);
            assert_double_near(100.0 * emp / pop, lt_num(d, row, "netto_arbeidsparticipatie_pct"), 0.15);
        } else {
            /* Only the rounded article value lacks counts. */
            assert_string_equal(lt_field(d, row, "afgerond"), "1");
        }
    }
    assert_int_equal(d->n_rows - 1, expected_rows);
    assert_int_equal(expected_rows, 10); /* 2008, 2014, 2018 x 3 groups + Dutch 2017 rounded */
    csv_free(d);
    table_free(t);
}

static void test_fig_3_6_is_points_and_names_missing_years(void **state)
{
    (void)state;
    char *gp = tu_readf("%s/fig-3-6.gp", out);
    assert_contains(gp, "with points");
    assert_false(tu_contains(gp, "with lines"));
    assert_false(tu_contains(gp, "with linespoints"));
    char *js = tu_readf("%s/fig-3-6.json", out);
    assert_contains(js, "Nederlandse achtergrond: geen waarde voor 2003-2007, 2009-2013, 2015-2016, 2019");
    assert_contains(js, "Turkije: geen waarde voor 2003-2007, 2009-2013, 2015-2017, 2019");
    assert_contains(js, "Marokko: geen waarde voor 2003-2007, 2009-2013, 2015-2017, 2019");
    assert_contains(js, "\"name\":\t\"labour/participation_82809\"");
    free(gp);
    free(js);
}

static void test_fig_3_7_cites_report_lines(void **state)
{
    (void)state;
    csv_doc *d = lt_csv(out, "fig-3-7");
    assert_int_equal(d->n_rows - 1, 6); /* 3 origins x 2 sexes; totals are fig. 3.6's */
    long r = lt_row(d, "herkomst", "Turkije", "geslacht", "Vrouwen");
    assert_double_near(lt_num(d, r, "netto_arbeidsparticipatie_pct"), 52, 1e-9);
    assert_string_equal(lt_field(d, r, "bron_regel"), "2794");
    r = lt_row(d, "herkomst", "Nederlands", "geslacht", "Mannen");
    assert_double_near(lt_num(d, r, "netto_arbeidsparticipatie_pct"), 75, 1e-9);
    char *js = tu_readf("%s/fig-3-7.json", out);
    assert_contains(js, "elke waarde verwijst naar haar regel");
    char *svg = tu_readf("%s/fig-3-7.svg", out);
    assert_contains(svg, "tekst van het WRR-rapport (2020), regels 2794-2797");
    free(js);
    free(svg);
    csv_free(d);
}

static void test_fig_3_11_matches_the_cbs_table(void **state)
{
    (void)state;
    wf_table *t = lt_table(WF_DATA, "labour/asylum_cohort_2014");
    csv_doc *d = lt_csv(out, "fig-3-11");
    size_t n = 0;
    for (size_t r = 0; r < t->n_rows; r++) {
        const char *c = lt_key(t, r, "herkomst");
        if (strcmp(lt_key(t, r, "bron"), "cbs_tabel") != 0 ||
            (strcmp(c, "Syrië") && strcmp(c, "Afghanistan") && strcmp(c, "Eritrea")))
            continue;
        long row = lt_row(d, "herkomst", c, "maanden", lt_key(t, r, "maanden"));
        if (row < 0)
            fail_msg("fig-3-11.csv lacks %s %s", c, lt_key(t, r, "maanden"));
        assert_double_near(lt_num(d, row, "waarde"), t->values[r], 1e-9);
        n++;
    }
    assert_int_equal(n, 18); /* 3 countries x 6 measurement months */
    assert_int_equal(d->n_rows - 1, n);
    char *js = tu_readf("%s/fig-3-11.json", out);
    assert_contains(js, "ten minste 8 uur per week"); /* the definition difference is stated */
    free(js);
    csv_free(d);
    table_free(t);
}

static void test_tab_7_1_outputs(void **state)
{
    (void)state;
    csv_doc *d = lt_csv(out, "tab-7-1");
    assert_int_equal(d->n_rows - 1, 16);
    long r = lt_row(d, "herkomst", "MOE", "terrein", "voorwaarden");
    assert_double_near(lt_num(d, r, "zonder_twijfel_pct"), 20, 1e-9);
    assert_double_near(lt_num(d, r, "inclusief_twijfel_pct"), 33, 1e-9);
    assert_string_equal(lt_field(d, r, "bron_regel"), "7195");
    char *md = tu_readf("%s/tab-7-1.md", out);
    assert_contains(md, "| Herkomstgroep | Zoeken naar werk\\*\\* | Arbeidsvoorwaarden\\*\\*\\* |");
    assert_contains(md, "| Marokko | 28% (51%) | 14% (22%) |");
    assert_contains(md, "| Nederland | 11% (19%) | 5% (9%) |");
    assert_contains(md, "Bron: scp");
    char *svg = tu_readf("%s/tab-7-1.svg", out);
    assert_contains(svg, "29% (51%)");
    assert_contains(svg, "Overige Europese/Angelsaksische migratieachtergrond");
    free(md);
    free(svg);
    csv_free(d);
}

static void test_measures_on_shipped_data(void **state)
{
    (void)state;
    assert_measure(WF_DATA, "labour.net_participation{origin='Marokko', year=2008}", 54.6, 1e-9);
    assert_measure(WF_DATA, "labour.net_participation{origin='Nederlands', year=2017}", 68, 1e-9);
    /* No 2009 or 2016 rows, and no quarterly ones: NO-DATA, never the
     * report's own numbers. */
    assert_measure_status(WF_DATA, "labour.net_participation{origin='Marokko', year=2009}", EVAL_NODATA);
    assert_measure_status(WF_DATA, "labour.net_participation{origin='Turkije', year=2019, quarter=4, sex='Vrouwen'}",
                          EVAL_NODATA);
    assert_measure_status(WF_DATA, "labour.net_participation{origin='Nergens', year=2008}", EVAL_ERROR);
    assert_measure(WF_DATA, "labour.unemployment{origin='Turkije', year=2015}", 14.2, 1e-9);
    assert_measure(WF_DATA, "labour.unemployment{origin='Totaal', year=2016}", 6, 1e-9); /* two sources agree */
    assert_measure(WF_DATA, "labour.unemployment{origin='Migratieachtergrond', year=2012}", 10.8, 1e-9);
    assert_measure(WF_DATA, "labour.asylum2014_working{country='Syrië', months=24}", 5.7, 1e-9);
    assert_measure(WF_DATA, "labour.asylum2014_working{country='Totaal', months=30}", 11, 1e-9);
    assert_measure_status(WF_DATA, "labour.asylum2014_working{country='Eritrea', months=54}", EVAL_NODATA);
    assert_measure_status(WF_DATA, "labour.asylum2014_job8h{country='Eritrea', months=54}", EVAL_NODATA);
    assert_measure(WF_DATA, "labour.discrimination{origin='MOE', domain='voorwaarden', doubt='zonder'}", 20, 1e-9);
    assert_measure(WF_DATA, "labour.discrimination{origin='Turkije', domain='werk', doubt='inclusief'}", 51, 1e-9);
    assert_measure_status(WF_DATA, "labour.discrimination{origin='Turkije', domain='werk', doubt='misschien'}",
                          EVAL_ERROR);
    assert_measure_status(WF_DATA, "labour.cohort9599_employed{motive='Asiel', years=15}", EVAL_NODATA);
    assert_measure_status(WF_DATA, "labour.polish_participation{group='Polen', year=2016}", EVAL_NODATA);
}

static void test_outputs_are_deterministic(void **state)
{
    (void)state;
    char *again = tu_tempdir("labe2e2");
    static const char *const figs[] = {"fig-3-6", "fig-3-7", "fig-3-11", "tab-7-1"};
    static const char *const exts[] = {"gp", "csv", "svg", "json"};
    for (size_t i = 0; i < 4; i++) {
        lt_build(WF_DATA, again, figs[i]);
        for (size_t e = 0; e < 4; e++) {
            char *a = tu_readf("%s/%s.%s", out, figs[i], exts[e]);
            char *b = tu_readf("%s/%s.%s", again, figs[i], exts[e]);
            assert_non_null(a);
            assert_non_null(b);
            if (strcmp(a, b) != 0)
                fail_msg("%s.%s differs between two builds", figs[i], exts[e]);
            free(a);
            free(b);
        }
    }
    char *a = tu_readf("%s/tab-7-1.md", out), *b = tu_readf("%s/tab-7-1.md", again);
    assert_string_equal(a, b);
    free(a);
    free(b);
    tu_rmrf(again);
    free(again);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fig_3_6_points_match_the_table),
        cmocka_unit_test(test_fig_3_6_is_points_and_names_missing_years),
        cmocka_unit_test(test_fig_3_7_cites_report_lines),
        cmocka_unit_test(test_fig_3_11_matches_the_cbs_table),
        cmocka_unit_test(test_tab_7_1_outputs),
        cmocka_unit_test(test_measures_on_shipped_data),
        cmocka_unit_test(test_outputs_are_deterministic),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
