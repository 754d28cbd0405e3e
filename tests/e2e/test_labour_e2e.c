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

/* fig-3-6 draws every value of labour/participation_2003_2019 (6 groups x
 * 17 years), and those that 82809NED also has are 82809NED's. */
static void test_fig_3_6_lines_match_the_table(void **state)
{
    (void)state;
    wf_table *t = lt_table(WF_DATA, "labour/participation_2003_2019");
    wf_table *old = lt_table(WF_DATA, "labour/participation_82809");
    csv_doc *d = lt_csv(out, "fig-3-6");
    assert_int_equal(d->n_rows - 1, 6 * 17);
    assert_int_equal(t->n_rows, 6 * 17);
    size_t overlaps = 0;
    for (size_t r = 0; r < t->n_rows; r++) {
        char year[8];
        snprintf(year, sizeof year, "%.4s", lt_key(t, r, "periode"));
        long row = lt_row(d, "herkomst", lt_key(t, r, "herkomst"), "jaar", year);
        if (row < 0)
            fail_msg("fig-3-6.csv lacks %s %s", lt_key(t, r, "herkomst"), year);
        assert_double_near(lt_num(d, row, "netto_arbeidsparticipatie_pct"), t->values[r], 1e-9);
        char q[200];
        double v;
        snprintf(q, sizeof q, "geslacht=Totaal;leeftijd=15-75;herkomst=%s;periode=%s;onderwerp=NETTO_PART;bron=cbs_82809ned_19CC7",
                 lt_key(t, r, "herkomst"), lt_key(t, r, "periode"));
        if (table_find_query(old, q, &v) == WRRFIG_VALUE) {
            assert_double_near(v, t->values[r], 0);
            overlaps++;
        }
    }
    assert_int_equal(overlaps, 9);
    csv_free(d);
    table_free(t);
    table_free(old);
}

/* Lines, no legend on the x axis: each line is labelled at its end with the
 * name and the 2019 value at the source's one decimal, in Dutch and English. */
static void test_fig_3_6_lines_and_end_labels(void **state)
{
    (void)state;
    char *gp = tu_readf("%s/fig-3-6.gp", out);
    assert_contains(gp, "with linespoints");
    assert_contains(gp, "unset key");
    assert_contains(gp, "'Marokkaans 56,5'");
    assert_contains(gp, "'Nederlands 70,1'");
    assert_contains(gp, "'Nieuwe EU 72,3'");
    char *js = tu_readf("%s/fig-3-6.json", out);
    assert_contains(js, "\"name\":\t\"labour/participation_2003_2019\"");
    assert_false(tu_contains(js, "geen waarde voor"));
    free(gp);
    free(js);
    char *en = tu_tempdir("labe2e_en");
    char *o = NULL, *e = NULL;
    if (tu_wrrfig(&o, &e, "--lang", "en", "build", "fig-3-6", "--out", en, "--format", "svg", NULL) != 0)
        fail_msg("build --lang en failed: %s%s", o, e);
    gp = tu_readf("%s/fig-3-6.gp", en);
    assert_contains(gp, "'Moroccan 56.5'");
    assert_contains(gp, "'New EU 72.3'");
    free(gp);
    free(o);
    free(e);
    tu_rmrf(en);
    free(en);
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
    /* 82809NED has no 2009 row: the annual series of CBS news 2020/46
     * (labour/participation_2003_2019) gives it; never the report's own
     * numbers. No quarterly women's row anywhere: NO-DATA. */
    assert_measure(WF_DATA, "labour.net_participation{origin='Marokko', year=2009}", 54.1, 1e-9);
    assert_measure(WF_DATA, "labour.net_participation{origin='Nederlands', year=2016}", 67.4, 1e-9);
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
        cmocka_unit_test(test_fig_3_6_lines_match_the_table),
        cmocka_unit_test(test_fig_3_6_lines_and_end_labels),
        cmocka_unit_test(test_fig_3_7_cites_report_lines),
        cmocka_unit_test(test_fig_3_11_matches_the_cbs_table),
        cmocka_unit_test(test_tab_7_1_outputs),
        cmocka_unit_test(test_measures_on_shipped_data),
        cmocka_unit_test(test_outputs_are_deterministic),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
