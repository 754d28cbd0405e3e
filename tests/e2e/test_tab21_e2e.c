/* End to end on the shipped data: wrrfig build tab-2-1 renders with the
 * real gnuplot; outputs are deterministic; the measures read the table. */
#include "testutil.h"

#include "app.h"
#include "claims/measure.h"

static char *out1, *out2;

static int setup(void **state)
{
    (void)state;
    out1 = tu_tempdir("e2e1");
    out2 = tu_tempdir("e2e2");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tu_rmrf(out1);
    tu_rmrf(out2);
    free(out1);
    free(out2);
    return 0;
}

static void test_build_renders_svg(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig(&out, &err, "build", "tab-2-1", "--out", out1, "--format", "svg,pdf,png", NULL);
    if (rc != 0)
        fail_msg("build failed (%d): %s", rc, err);
    char *svg = tu_readf("%s/tab-2-1.svg", out1);
    assert_non_null(svg);
    assert_true(strncmp(svg, "<?xml", 5) == 0 || strncmp(svg, "<svg", 4) == 0);
    assert_contains(svg, "</svg>");
    assert_contains(svg, "Tabel 2.1 Verblijfstermijn naar typologie gemeenten");
    assert_contains(svg, "Gemeenten met één grote minderheidsgroep");
    assert_contains(svg, "64,0"); /* decimal comma in Dutch */
    size_t len = 0;
    char *pdf = NULL, *png = NULL;
    char p[512];
    snprintf(p, sizeof p, "%s/tab-2-1.pdf", out1);
    pdf = tu_read(p, &len);
    assert_true(len > 1000 && strncmp(pdf, "%PDF", 4) == 0);
    snprintf(p, sizeof p, "%s/tab-2-1.png", out1);
    png = tu_read(p, &len);
    assert_true(len > 1000 && memcmp(png, "\x89PNG", 4) == 0);
    free(svg);
    free(pdf);
    free(png);
    free(out);
    free(err);
}

static void test_csv_markdown_manifest(void **state)
{
    (void)state;
    char *csv = tu_readf("%s/tab-2-1.csv", out1);
    assert_non_null(csv);
    assert_contains(csv, "type,cohort,stay_lt2_pct,stay_2to5_pct,stay_gt5_pct,row_sum\n");
    assert_contains(csv, "Meerderheid-minderheden steden (G3),1999-2005,15.5,20.5,64,100\n");
    assert_contains(csv, "Totaal,2006-2010,23.8,15.5,60.8,100.1");
    char *md = tu_readf("%s/tab-2-1.md", out1);
    assert_contains(md, "| Expatgemeenten | 27,2 | 29,7 | 43,1 | 37,8 | 24,4 | 37,9 |"); /* decimal comma in Dutch */
    assert_contains(md, "de kolomkop 1995-2005"); /* the Dutch build: a Dutch footnote */
    char *js = tu_readf("%s/tab-2-1.json", out1);
    assert_contains(js, "\"name\":\t\"report/tab-2-1\"");
    assert_contains(js, "\"sha256\":\t\"");
    assert_contains(js, "kolomkop (r. 2110) 1995-2005");
    /* The row-sum check found the rows the report prints off by more than rounding. */
    /* in Dutch, with the decimal comma, in a Dutch build */
    assert_contains(js, "Rij 'Tuinbouwgemeenten', cohort 2006-2010 telt op tot 99,7, niet tot 100 binnen de "
                        "afronding van de afgedrukte waarden (+/- 0,15).");
    assert_contains(js, "Rij 'Voorsteden', cohort 2006-2010 telt op tot 100,3");
    assert_false(tu_contains(js, "Rij 'Expatgemeenten'"));
    assert_false(tu_contains(js, "sums to"));
    free(csv);
    free(md);
    free(js);
}

static void test_deterministic(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    assert_int_equal(tu_wrrfig(&out, &err, "build", "tab-2-1", "--out", out2, "--no-render", NULL), 0);
    free(out);
    free(err);
    /* The first build rendered and the second did not: only the manifest's
     * list of rendered formats may differ, so compare the script and data. */
    static const char *ext[] = {"gp", "csv", "md"};
    for (size_t i = 0; i < 3; i++) {
        char *a = tu_readf("%s/tab-2-1.%s", out1, ext[i]), *b = tu_readf("%s/tab-2-1.%s", out2, ext[i]);
        assert_non_null(a);
        assert_non_null(b);
        assert_string_equal(a, b);
        free(a);
        free(b);
    }
    assert_int_equal(tu_wrrfig(&out, &err, "build", "tab-2-1", "--out", out1, "--no-render", NULL), 0);
    char *a = tu_readf("%s/tab-2-1.json", out1), *b = tu_readf("%s/tab-2-1.json", out2);
    assert_string_equal(a, b);
    free(a);
    free(b);
    free(out);
    free(err);
}

static void test_english(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    assert_int_equal(tu_wrrfig(&out, &err, "--lang", "en", "build", "tab-2-1", "--out", out2, "--format", "svg", NULL), 0);
    char *svg = tu_readf("%s/tab-2-1.svg", out2);
    assert_contains(svg, "Table 2.1 Length of stay by municipality type");
    assert_contains(svg, "64.0");
    free(svg);
    /* The Markdown table's words come from the spec too (they were Dutch
     * in C before, whatever --lang said). */
    char *md = tu_readf("%s/tab-2-1.md", out2);
    assert_contains(md, "| WRR municipality type | < 2 years | 2-5 years | > 5 years |");
    assert_contains(md, "\nSource: WRR (2020), Samenleven in verscheidenheid, table 2.1.\n");
    assert_false(tu_contains(md, "jaar"));
    assert_false(tu_contains(md, "Bron"));
    assert_contains(md, "| Expatgemeenten | 27.2 | 29.7 | 43.1 | 37.8 | 24.4 | 37.9 |"); /* decimal point in English */
    free(md);
    /* and the row-sum notes in English, with a decimal point */
    char *js = tu_readf("%s/tab-2-1.json", out2);
    assert_contains(js, "Row 'Tuinbouwgemeenten', cohort 2006-2010 sums to 99.7, not 100 within the rounding of the "
                        "printed values (+/- 0.15).");
    assert_false(tu_contains(js, "telt op tot"));
    free(js);
    free(out);
    free(err);
}

static void test_list_and_info(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    tu_wrrfig(&out, &err, "list", NULL);
    assert_contains(out, "tab-2-1            ready    cohorts     Tabel 2.1");
    free(out);
    free(err);
    assert_int_equal(tu_wrrfig(&out, &err, "info", "tab-2-1", NULL), 0);
    assert_contains(out, "status     ready");
    assert_contains(out, "input      report/tab-2-1");
    assert_contains(out, "report lines 2107-2139");
    free(out);
    free(err);
    assert_int_equal(tu_wrrfig(&out, &err, "build", "no-such-figure", NULL), 2);
    assert_contains(err, "no figure 'no-such-figure'");
    free(out);
    free(err);
}

static void test_measures(void **state)
{
    (void)state;
    wf_app a;
    tu_app(&a, WF_DATA);
    wf_measure_result r;
    wf_measure_eval(&a, "cohorts.stay_share{type='Totaal', cohort='2006-2010', stay='<2'}", &r);
    assert_int_equal(r.status, EVAL_OK);
    assert_double_near(r.value, 23.8, 1e-9);
    assert_true(cites_has(&r.inputs, "report/tab-2-1"));
    wf_measure_eval(&a, "cohorts.row_sum{type='Tuinbouwgemeenten', cohort='2006-2010'}", &r);
    assert_int_equal(r.status, EVAL_OK);
    assert_double_near(r.value, 99.7, 1e-9);
    wf_measure_eval(&a, "cohorts.stay_share{type='Nergens', cohort='2006-2010', stay='<2'}", &r);
    assert_int_equal(r.status, EVAL_NODATA);
    wf_measure_eval(&a, "nobody.provides{x=1}", &r);
    assert_int_equal(r.status, EVAL_UNBOUND);
    wf_measure_eval(&a, "cohorts.stay_share{type='Totaal'", &r);
    assert_int_equal(r.status, EVAL_ERROR);
    app_free(&a);

    /* A crashing measure fails alone; absent inputs are NO-DATA. */
    a.data_dir = WF_FIXTURES "/data";
    assert_int_equal(registry_load_file(&a.reg, WF_TEST_PLUGINS "/crashy.so"), 0);
    wf_measure_eval(&a, "crashy.segv", &r);
    assert_int_equal(r.status, EVAL_ERROR);
    assert_contains(r.reason.msg, "crashed");
    wf_measure_eval(&a, "crashy.absent", &r);
    assert_int_equal(r.status, EVAL_NODATA);
    assert_contains(r.reason.msg, "input 'test/absent' is absent");
    wf_measure_eval(&a, "crashy.value{scale=2}", &r);
    assert_int_equal(r.status, EVAL_OK);
    assert_double_near(r.value, 43, 1e-9);

    /* One worker serves many references; a crash ends it, the reference
     * after the crash gets a fresh worker and its answer. */
    wf_measure_server *srv = measure_server_new(&a);
    measure_server_eval(srv, "crashy.value{scale=1}", &r);
    assert_int_equal(r.status, EVAL_OK);
    assert_double_near(r.value, 21.5, 1e-9);
    measure_server_eval(srv, "crashy.segv", &r);
    assert_int_equal(r.status, EVAL_ERROR);
    assert_contains(r.reason.msg, "crashed");
    measure_server_eval(srv, "crashy.value{scale=4}", &r);
    assert_int_equal(r.status, EVAL_OK);
    assert_double_near(r.value, 86, 1e-9);
    measure_server_eval(srv, "crashy.value{scale=", &r);
    assert_int_equal(r.status, EVAL_ERROR);
    measure_server_free(srv);
    app_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_build_renders_svg), cmocka_unit_test(test_csv_markdown_manifest),
        cmocka_unit_test(test_deterministic),     cmocka_unit_test(test_english),
        cmocka_unit_test(test_list_and_info),     cmocka_unit_test(test_measures),
    };
    return cmocka_run_group_tests_name("tab-2-1 end to end", tests, setup, teardown);
}
