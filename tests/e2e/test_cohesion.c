/* cohesion plugin: block means (fig 3.1), model curves (figs 3.2-3.5), the
 * homogamy share (fig 8.1) as pure functions, then end-to-end builds on
 * the synthetic fixtures in tests/fixtures/cohesion, checked against values
 * worked out here from the fixtures' stated formulas. */
#include "testutil.h"

#include "../../plugins/cohesion/blockmean.c"
#include "../../plugins/cohesion/curve.c"
#include "../../plugins/cohesion/homogamy.c"

#define FIX WF_FIXTURES "/cohesion/data"

static void test_quarter_codes(void **state)
{
    (void)state;
    int y, q;
    assert_int_equal(bm_quarter("2019KW03", &y, &q), 0);
    assert_int_equal(y, 2019);
    assert_int_equal(q, 3);
    assert_int_equal(bm_quarter("2019KW05", &y, &q), -1);
    assert_int_equal(bm_quarter("2019JJ00", &y, &q), -1);
    assert_int_equal(bm_quarter("2019KW3", &y, &q), -1);
    assert_int_equal(bm_quarter("20x9KW03", &y, &q), -1);
    assert_int_equal(bm_quarter(NULL, &y, &q), -1);
}

static void test_top_and_block_means(void **state)
{
    (void)state;
    bm_obs obs[] = {
        {"2019KW03", "a", 10, 1}, {"2019KW03", "b", 30, 1}, {"2019KW03", "c", 20, 1}, {"2019KW03", "d", 30, 1},
        {"2019KW03", "e", 99, 0}, /* absent: never ranked */
        {"2019KW02", "a", 50, 1}, /* another quarter: not ranked */
        {"2018KW01", "a", 1, 1},  {"2018KW02", "a", 2, 1}, {"2018KW03", "a", 3, 1}, {"2018KW04", "a", 6, 1},
        {"2018KW01", "c", 1, 1},  {"2018KW02", "c", 2, 0}, {"2018KW03", "c", 3, 1}, {"2018KW04", "c", 6, 1},
    };
    size_t n = sizeof obs / sizeof *obs;
    const char *top[4];
    assert_int_equal(bm_top(obs, n, "2019KW03", 3, top), 3);
    /* ties broken by code: b before d */
    assert_string_equal(top[0], "b");
    assert_string_equal(top[1], "d");
    assert_string_equal(top[2], "c");
    assert_int_equal(bm_top(obs, n, "2019KW03", 4, top), 4);
    assert_string_equal(top[3], "a");
    assert_int_equal(bm_top(obs, n, "2000KW01", 4, top), 0);

    size_t used, expected;
    assert_double_near(bm_block_mean(obs, n, "a", 2018, 2018, &used, &expected), 3.0, 1e-12);
    assert_int_equal(used, 4);
    assert_int_equal(expected, 4);
    /* a missing quarter leaves no mean rather than a mean of three */
    assert_true(isnan(bm_block_mean(obs, n, "c", 2018, 2018, &used, &expected)));
    assert_int_equal(used, 3);
    /* a block of two years needs eight quarters */
    assert_true(isnan(bm_block_mean(obs, n, "a", 2018, 2019, &used, &expected)));
    assert_int_equal(expected, 8);
    assert_int_equal(used, 6);
}

static void test_model_terms_and_links(void **state)
{
    (void)state;
    double v;
    assert_int_equal(cv_term("intercept", 0.3, &v), 0);
    assert_double_near(v, 1.0, 0);
    assert_int_equal(cv_term("hhi^2", 0.3, &v), 0);
    assert_double_near(v, 0.09, 1e-15);
    assert_int_equal(cv_term("hhi^3", 0.5, &v), 0);
    assert_double_near(v, 0.125, 1e-15);
    assert_int_equal(cv_term("hinge:0.5", 0.3, &v), 0);
    assert_double_near(v, 0.0, 0);
    assert_int_equal(cv_term("hinge:0.5", 0.8, &v), 0);
    assert_double_near(v, 0.3, 1e-15);
    assert_int_equal(cv_term("hinge:", 0.8, &v), -1);
    assert_int_equal(cv_term("hinge:0.5x", 0.8, &v), -1);
    assert_int_equal(cv_term("hhi^4", 0.8, &v), -1);

    cv_link l;
    assert_int_equal(cv_parse_link("logit", &l), 0);
    assert_int_equal(l, CV_LOGIT);
    assert_int_equal(cv_parse_link("probit", &l), -1);
    assert_int_equal(cv_parse_link(NULL, &l), -1);

    const char *terms[] = {"intercept", "hhi"};
    const double coef[] = {0.0, 0.0};
    assert_int_equal(cv_predict(terms, coef, 2, CV_LOGIT, 100, 0.4, &v), 0);
    assert_double_near(v, 50.0, 1e-12); /* logistic(0) = 1/2 */
    const double c2[] = {-1.0, 2.0};
    assert_int_equal(cv_predict(terms, c2, 2, CV_IDENTITY, 1, 0.25, &v), 0);
    assert_double_near(v, -0.5, 1e-12);
    assert_int_equal(cv_predict(terms, c2, 2, CV_LOG, 1, 0.5, &v), 0);
    assert_double_near(v, 1.0, 1e-12); /* exp(0) */
    const char *bad[] = {"intercept", "age"};
    assert_int_equal(cv_predict(bad, c2, 2, CV_IDENTITY, 1, 0.5, &v), -1);
}

static void test_homogamy_share(void **state)
{
    (void)state;
    double v;
    assert_int_equal(hg_share(30, 40, &v), 0);
    assert_double_near(v, 75.0, 1e-12);
    assert_int_equal(hg_share(0, 40, &v), 0);
    assert_double_near(v, 0.0, 0);
    assert_int_equal(hg_share(41, 40, &v), -1);
    assert_int_equal(hg_share(1, 0, &v), -1);
    assert_int_equal(hg_share(-1, 10, &v), -1);
    assert_int_equal(hg_share(NAN, 10, &v), -1);
}

/* The number in column col of the CSV line that starts with prefix. */
static double csv_number(const char *csv, const char *prefix, int col)
{
    const char *p = csv;
    size_t n = strlen(prefix);
    while (p && *p) {
        if (strncmp(p, prefix, n) == 0) {
            for (int c = 0; c < col; c++) {
                p = strchr(p, ',');
                if (!p)
                    fail_msg("line %s: no column %d", prefix, col);
                p++;
            }
            if (*p == ',' || *p == '\n')
                return NAN;
            return strtod(p, NULL);
        }
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    fail_msg("no CSV line starting with %s in\n%s", prefix, csv);
    return NAN;
}

static char *build(const char *data, const char *id, char **dir_out)
{
    char *dir = tu_tempdir("cohesion");
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "build", id, "--out", dir, "--format", "svg",
                            NULL);
    if (rc != 0)
        fail_msg("build %s: rc %d\n%s\n%s", id, rc, out, err);
    free(out);
    free(err);
    char *csv = tu_readf("%s/%s.csv", dir, id);
    assert_non_null(csv);
    char *svg = tu_readf("%s/%s.svg", dir, id);
    assert_non_null(svg);
    assert_contains(svg, "</svg>");
    free(svg);
    *dir_out = dir;
    return csv;
}

static void done(char *dir, char *csv)
{
    tu_rmrf(dir);
    free(dir);
    free(csv);
}

/* Fixture: value = base + (year-2008)*slope + quarter*0.1, so a block's
 * mean is base + slope*(mean year offset) + 0.25. In 2019KW03 the order is
 * B (42.3), A (41.3), D (15.8), C (14.3), E (8.05): E is not shown. */
static void test_fig_3_1_on_fixture(void **state)
{
    (void)state;
    char *dir, *csv = build(FIX, "fig-3-1", &dir);
    struct { const char *cat; double base, slope; } c[] = {{"cat_b", 20, 2}, {"cat_a", 30, 1}, {"cat_d", 10, 0.5},
                                                          {"cat_c", 25, -1}};
    const char *blocks[] = {"2008-2010", "2011-2013", "2014-2016", "2017-2019"};
    for (int b = 0; b < 4; b++)
        for (int k = 0; k < 4; k++) {
            char prefix[64];
            snprintf(prefix, sizeof prefix, "%s,%s,", blocks[b], c[k].cat);
            assert_double_near(csv_number(csv, prefix, 3), c[k].base + c[k].slope * (1 + 3 * b) + 0.25, 1e-9);
            assert_double_near(csv_number(csv, prefix, 4), 12, 0);
        }
    assert_false(tu_contains(csv, "cat_e"));
    /* the order of the bars is the 2019KW03 ranking */
    assert_true(strstr(csv, "2008-2010,cat_b") < strstr(csv, "2008-2010,cat_a"));
    done(dir, csv);
}

static void test_fig_3_1_missing_quarter(void **state)
{
    (void)state;
    char *data = tu_tempdir("cohesion-data");
    char path[512];
    snprintf(path, sizeof path, "%s/scp", data);
    mkdir(path, 0755);
    char *src = tu_readf("%s/scp/cob_probleembesef.csv", FIX);
    char *line = strstr(src, "2009KW02,cat_a,");
    assert_non_null(line);
    char *end = strchr(line, '\n');
    memmove(line, end + 1, strlen(end + 1) + 1);
    snprintf(path, sizeof path, "%s/scp/cob_probleembesef.csv", data);
    tu_write(path, src);
    char *meta = tu_readf("%s/scp/cob_probleembesef.meta.json", FIX);
    snprintf(path, sizeof path, "%s/scp/cob_probleembesef.meta.json", data);
    tu_write(path, meta);
    char *dir, *csv = build(data, "fig-3-1", &dir);
    assert_true(isnan(csv_number(csv, "2008-2010,cat_a,", 3)));
    assert_double_near(csv_number(csv, "2008-2010,cat_a,", 4), 11, 0);
    assert_double_near(csv_number(csv, "2011-2013,cat_a,", 3), 34.25, 1e-9);
    char *man = tu_readf("%s/fig-3-1.json", dir);
    assert_contains(man, "cat_a 2008-2010: 11 of 12 quarters have a value");
    free(man);
    free(src);
    free(meta);
    done(dir, csv);
    tu_rmrf(data);
    free(data);
}

static double logistic(double x) { return 1.0 / (1.0 + exp(-x)); }

static void test_model_figures_on_fixture(void **state)
{
    (void)state;
    char *dir, *csv = build(FIX, "fig-3-2", &dir);
    assert_double_near(csv_number(csv, "buurtcohesie,0.5,", 2), 3.0 - 1.5 * 0.5, 1e-9);
    assert_double_near(csv_number(csv, "buurtcohesie,0,", 2), 3.0, 1e-9);
    assert_double_near(csv_number(csv, "buurtcohesie,0.9,", 2), 3.0 - 1.5 * 0.9, 1e-9);
    assert_false(tu_contains(csv, "buurtcohesie,0.91"));
    done(dir, csv);

    csv = build(FIX, "fig-3-3", &dir);
    assert_double_near(csv_number(csv, "tevreden_samenstelling,0.3,", 2), 3.5 - 0.3 - 0.09, 1e-9);
    assert_double_near(csv_number(csv, "thuis_buurtgenoten,0.3,", 2), 4.0 - 0.6, 1e-9);
    done(dir, csv);

    /* logit link, scale 100, a hinge at 0.5 that flattens the curve */
    csv = build(FIX, "fig-3-4", &dir);
    assert_double_near(csv_number(csv, "geregistreerd_delict,0.2,", 2), 100 * logistic(-3 + 0.4), 1e-9);
    assert_double_near(csv_number(csv, "geregistreerd_delict,0.5,", 2), 100 * logistic(-2), 1e-9);
    assert_double_near(csv_number(csv, "geregistreerd_delict,0.8,", 2), 100 * logistic(-2), 1e-9);
    done(dir, csv);

    csv = build(FIX, "fig-3-5", &dir);
    const char *outs[] = {"deur_niet_open", "plekken_vermijden", "onveilig_straat", "onveilig_thuis",
                          "bang_slachtoffer"};
    for (int i = 0; i < 5; i++) {
        char prefix[64];
        snprintf(prefix, sizeof prefix, "%s,0.6,", outs[i]);
        assert_double_near(csv_number(csv, prefix, 2), 100 * logistic(-2.5 + 0.3 * i + (1.0 + 0.2 * i) * 0.6), 1e-9);
    }
    done(dir, csv);
}

static void test_fig_8_1_on_fixture(void **state)
{
    (void)state;
    char *dir, *csv = build(FIX, "fig-8-1", &dir);
    assert_double_near(csv_number(csv, "Turkije,", 5), 95, 1e-9);
    assert_double_near(csv_number(csv, "Marokko,", 5), 90, 1e-9);
    assert_double_near(csv_number(csv, "Suriname,", 5), 50, 1e-9);
    assert_double_near(csv_number(csv, "Antillen,", 5), 40, 1e-9);
    assert_double_near(csv_number(csv, "Turkije,", 4), 4000, 0);
    /* spec order, not table order */
    assert_true(strstr(csv, "Turkije,") < strstr(csv, "Antillen,"));
    done(dir, csv);
}

/* On the shipped data every cohesion figure is NO-DATA and says what it
 * needs. */
static void test_no_data_names_what_is_needed(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig(&out, &err, "list", NULL);
    assert_int_equal(rc, 0);
    assert_contains(out, "missing input 'scp/cob_probleembesef'; needs SCP Continu Onderzoek Burgerperspectieven");
    assert_contains(out, "missing input 'cbs/70067ned'; needs CBS 70067ned");
    for (int f = 2; f <= 5; f++) {
        char want[96];
        snprintf(want, sizeof want, "missing input 'wrr/model_fig_3_%d'; needs Model coefficients", f);
        assert_contains(out, want);
    }
    free(out);
    free(err);
    char *dir = tu_tempdir("cohesion-nodata");
    rc = tu_wrrfig(&out, &err, "build", "fig-8-1", "--out", dir, NULL);
    assert_int_equal(rc, 0);
    char *man = tu_readf("%s/fig-8-1.json", dir);
    assert_contains(man, "\"status\":\t\"no-data\"");
    assert_contains(man, "\"missing_input\":\t\"cbs/70067ned\"");
    free(man);
    free(out);
    free(err);
    tu_rmrf(dir);
    free(dir);
}

static void test_bad_model_term_is_refused(void **state)
{
    (void)state;
    char *data = tu_tempdir("cohesion-bad"), path[512];
    snprintf(path, sizeof path, "%s/wrr", data);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/wrr/model_fig_3_2.csv", data);
    tu_write(path, "outcome,term,value\nbuurtcohesie,intercept,1\nbuurtcohesie,leeftijd,2\n");
    snprintf(path, sizeof path, "%s/wrr/model_fig_3_2.meta.json", data);
    tu_write(path, "{\"source\": \"SYNTHETIC TEST FIXTURE\"}\n");
    char *dir = tu_tempdir("cohesion-bad-out"), *out = NULL, *err = NULL;
    int rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "build", "fig-3-2", "--out", dir,
                            "--no-render", NULL);
    assert_int_equal(rc, 1);
    if (!tu_contains(err, "wrr/model_fig_3_2: record 2: term: expected intercept, hhi, hhi^2, hhi^3 or hinge:K, "
                          "found 'leeftijd'"))
        fail_msg("%s\n%s", out, err);
    free(out);
    free(err);
    tu_rmrf(dir);
    tu_rmrf(data);
    free(dir);
    free(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quarter_codes),
        cmocka_unit_test(test_top_and_block_means),
        cmocka_unit_test(test_model_terms_and_links),
        cmocka_unit_test(test_homogamy_share),
        cmocka_unit_test(test_fig_3_1_on_fixture),
        cmocka_unit_test(test_fig_3_1_missing_quarter),
        cmocka_unit_test(test_model_figures_on_fixture),
        cmocka_unit_test(test_fig_8_1_on_fixture),
        cmocka_unit_test(test_no_data_names_what_is_needed),
        cmocka_unit_test(test_bad_model_term_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
