/* The origin plugin end to end: figures 2.5, 2.6, 1.2 and 1.3 built from the
 * shipped tables and checked against numbers the test reads or computes
 * from those tables (and against CBS's own percentage); fig-2-11 from its
 * synthetic fixture; the origin.* measures. */
#include "testutil.h"

#include "app.h"
#include "format/csv.h"
#include "claims/measure.h"
#include "data/table.h"

#define FIX_NODATA WF_FIXTURES "/origin/nodata/data"

static char *outdir;
static wf_table *nat_t, *ctry_t;

static int setup(void **state)
{
    (void)state;
    outdir = tu_tempdir("org");
    wf_error err;
    if (table_load(WF_DATA, "cbs/37296ned", &nat_t, &err) != 0 ||
        table_load(WF_DATA, "cbs/herkomstland_1997_2017", &ctry_t, &err) != 0) {
        fprintf(stderr, "%s\n", err.msg);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tu_rmrf(outdir);
    free(outdir);
    table_free(nat_t);
    table_free(ctry_t);
    return 0;
}

/* A value of the national table, read by the test itself. */
static double nat(const char *topic, int year) { return tu_cbs_year(nat_t, topic, year); }

static double country(const char *name, int year)
{
    char q[160];
    double v = 0;
    snprintf(q, sizeof q, "Niveau=land;Herkomst=%s;Perioden=%d", name, year);
    if (table_find_query(ctry_t, q, &v) != WRRFIG_VALUE)
        fail_msg("no country %s for %d", name, year);
    return v;
}

static void build(const char *data, const char *fig) { tu_build(data, outdir, fig, "svg"); }

static csv_doc *read_csv(const char *fig) { return tu_csv(outdir, fig); }

/* Sum of column col over rows whose column key equals val (and key2 val2). */
static double csv_sum(const csv_doc *d, const char *key, const char *val, const char *key2, const char *val2,
                      const char *col, int *rows)
{
    int k = csv_header_index(d, key), k2 = key2 ? csv_header_index(d, key2) : -1, c = csv_header_index(d, col);
    assert_true(k >= 0 && c >= 0 && (!key2 || k2 >= 0));
    double s = 0;
    *rows = 0;
    for (size_t r = 1; r < d->n_rows; r++)
        if (!strcmp(d->rows[r].f[k], val) && (!key2 || !strcmp(d->rows[r].f[k2], val2))) {
            s += strtod(d->rows[r].f[c], NULL);
            (*rows)++;
        }
    return s;
}

/* fig-2-5 shows the report's three years: 2018 split into the three groups
 * (their shares add up to CBS's own percentage, topic 29), 1972 and 1995
 * as totals from the 70787ned reconstruction (the report's 9.2 % in 1972),
 * marked as such in the CSV, on the x axis and in a footnote drawn under
 * the plot that names what is missing. */
static void test_fig_2_5_three_years(void **state)
{
    (void)state;
    build(WF_DATA, "fig-2-5");
    csv_doc *d = read_csv("fig-2-5");
    int n;
    double share = csv_sum(d, "year", "2018", NULL, NULL, "share_percent", &n);
    assert_int_equal(n, 3);
    assert_double_near(share, nat("MigratieachtergrondRelatief_29", 2018), 0.05);
    double persons = csv_sum(d, "year", "2018", NULL, NULL, "persons", &n);
    assert_double_near(persons, nat("PersoonMetEenMigratieachtergrond_28", 2018), 0);
    share = csv_sum(d, "year", "1972", "quality", "cbs_reconstruction", "share_percent", &n);
    assert_int_equal(n, 1);
    assert_double_near(share, 100.0 * 1225160 / 13269563, 1e-9); /* shared SOURCE.md's spot check */
    assert_double_near(share, 9.2, 0.05);                         /* report line 1536 */
    share = csv_sum(d, "year", "1995", "quality", "cbs_reconstruction", "share_percent", &n);
    assert_int_equal(n, 1);
    assert_int_equal(d->n_rows - 1, 5);
    csv_free(d);
    char *gp = tu_readf("%s/fig-2-5.gp", outdir);
    assert_contains(gp, "'1972'.\"\\n\".'(CBS-reconstructie)'");
    assert_contains(gp, "0 9.2328586857005 \"9,2%\"");
    assert_contains(gp, "de verdeling naar herkomstgroep ontbreekt hier (nodig: CBS 70787ned naar herkomst)");
    free(gp);
    char *m = tu_readf("%s/fig-2-5.json", outdir);
    assert_contains(m, "cbs/migration_background_1972_2021");
    assert_contains(m, "cbs_reconstruction");
    free(m);
}

static void test_fig_2_6_groups(void **state)
{
    (void)state;
    build(WF_DATA, "fig-2-6");
    csv_doc *d = read_csv("fig-2-6");
    int n;
    static const int years[] = {1998, 2018};
    for (size_t i = 0; i < 2; i++) {
        char y[8];
        snprintf(y, sizeof y, "%d", years[i]);
        assert_double_near(csv_sum(d, "year", y, NULL, NULL, "value", &n), nat("PersoonMetEenMigratieachtergrond_28", years[i]),
                           0);
        assert_int_equal(n, 6);
        assert_double_near(csv_sum(d, "year", y, "group", "Turkije", "value", &n), nat("Turkije_38", years[i]), 0);
        assert_double_near(csv_sum(d, "year", y, "group", "Westers", "value", &n),
                           nat("TotaalWesterseMigratieachtergrond_30", years[i]), 0);
        assert_double_near(csv_sum(d, "year", y, NULL, NULL, "share_percent", &n), 100, 1e-9);
    }
    csv_free(d);
}

static void test_fig_1_2_panels(void **state)
{
    (void)state;
    build(WF_DATA, "fig-1-2");
    csv_doc *d = read_csv("fig-1-2");
    int n;
    double total = nat("PersoonMetEenMigratieachtergrond_28", 2018);
    assert_double_near(csv_sum(d, "panel", "Oude indeling", NULL, NULL, "value", &n), total, 0);
    assert_int_equal(n, 4);
    assert_double_near(csv_sum(d, "panel", "Fijnere indeling", NULL, NULL, "value", &n), total, 0);
    assert_int_equal(n, 8);
    assert_double_near(csv_sum(d, "panel", "Oude indeling", "group", "Voormalige gastarbeiders", "value", &n),
                       nat("Turkije_38", 2018) + nat("Marokko_35", 2018), 0);
    csv_free(d);
    /* Both panels on one x scale, set once before the first panel, from the
     * largest bar (Westers, 1729 thousand: 1.2 x 1729 -> 2500). */
    char *gp = tu_readf("%s/fig-1-2.gp", outdir);
    assert_contains(gp, "set xrange [0:2500]\n");
    const char *first = strstr(gp, "set xrange");
    assert_null(strstr(first + 1, "set xrange"));
    assert_true(strstr(gp, "plot $p0") > first);
    free(gp);
}

static void test_fig_1_3_top10(void **state)
{
    (void)state;
    build(WF_DATA, "fig-1-3");
    csv_doc *d = read_csv("fig-1-3");
    assert_int_equal(d->n_rows, 11);
    int rank = csv_header_index(d, "rank"), tot = csv_header_index(d, "total"), name = csv_header_index(d, "country");
    int f = csv_header_index(d, "first_generation"), s = csv_header_index(d, "second_generation");
    /* ranks 10..1 left to right, totals ascending */
    double prev = -1;
    for (size_t r = 1; r < d->n_rows; r++) {
        assert_int_equal(atoi(d->rows[r].f[rank]), (int)(11 - r));
        double v = strtod(d->rows[r].f[tot], NULL);
        assert_true(v >= prev);
        prev = v;
    }
    const csv_row *top = &d->rows[10], *second = &d->rows[9];
    assert_string_equal(top->f[name], "Turkije");
    assert_double_near(strtod(top->f[tot], NULL), country("Turkije", 2017), 0);
    assert_double_near(strtod(top->f[f], NULL) + strtod(top->f[s], NULL), country("Turkije", 2017), 0);
    /* Morocco is missing from the country files; its bar is 37296ned's */
    assert_string_equal(second->f[name], "Marokko");
    assert_double_near(strtod(second->f[tot], NULL), nat("Marokko_35", 2017), 0);
    assert_double_near(strtod(second->f[f], NULL), nat("Marokko_46", 2017), 0);
    csv_free(d);
    /* The title names the year drawn (the SVG may break it over lines). */
    char *js = tu_readf("%s/fig-1-3.json", outdir);
    assert_contains(js, "1 januari 2017");
    free(js);
}

static void test_fig_2_11_fixture(void **state)
{
    (void)state;
    wf_table *p = NULL;
    wf_error err;
    assert_int_equal(table_load(FIX_NODATA, "cbs/prognose_migratieachtergrond", &p, &err), 0);
    assert_string_equal(table_meta_get(p, "source"), "SYNTHETIC TEST FIXTURE");
    build(FIX_NODATA, "fig-2-11");
    csv_doc *d = read_csv("fig-2-11");
    double g, t;
    assert_int_equal(table_find_query(p, "Herkomst=GroteVier;Perioden=2040JJ00", &g), WRRFIG_VALUE);
    assert_int_equal(table_find_query(p, "Herkomst=Totaal;Perioden=2040JJ00", &t), WRRFIG_VALUE);
    int n;
    assert_double_near(csv_sum(d, "year", "2040", "group", "De grote vier", "share_percent", &n), 100 * g / t, 1e-9);
    assert_int_equal(n, 1);
    /* 2040 is a forecast year in the fixture: its three rows say so */
    assert_true(csv_sum(d, "year", "2040", "status", "prognose", "persons", &n) > 0);
    assert_int_equal(n, 3);
    csv_sum(d, "year", "2019", "status", "waargenomen", "persons", &n);
    assert_int_equal(n, 3);
    csv_free(d);
    table_free(p);
    /* without the forecast table the figure is NO-DATA and names it */
    char *out = NULL, *e = NULL;
    assert_int_equal(tu_wrrfig(&out, &e, "list", NULL), 0);
    assert_contains(out, "missing input 'cbs/prognose_migratieachtergrond'");
    free(out);
    free(e);
}

/* Regression (issue 14, #13: negative counts). Every number the origin
 * plugin reads counts persons (or is a share of them); a negative one used
 * to be drawn and computed with. Now each figure and measure that meets one
 * fails, naming the table file, the data row (with its codes) and the
 * column. The fixture (SYNTHETIC TEST FIXTURE) has one negative count in
 * each table the plugin reads; the builds run the real binary. */
#define FIX_NEG WF_FIXTURES "/origin/negative/data"
#define NEG_MSG "column value: %s is negative, but it counts persons (or a share of them)"

static void assert_measure_refused(const wf_app *a, const char *ref, const char *where, const char *value)
{
    wf_measure_result r;
    wf_measure_eval(a, ref, &r);
    if (r.status != EVAL_ERROR)
        fail_msg("%s: status %d (%s), expected an error", ref, r.status, r.reason.msg);
    char msg[200];
    snprintf(msg, sizeof msg, NEG_MSG, value);
    assert_contains(r.reason.msg, where);
    assert_contains(r.reason.msg, msg);
}

static void test_negative_counts_refused(void **state)
{
    (void)state;
    static const struct {
        const char *fig, *where, *value;
    } figs[] = {
        {"fig-2-6", "cbs/37296ned.csv: data row 65 (Perioden=2018JJ00, Onderwerp=Turkije_38)", "-1000"},
        {"fig-1-2", "cbs/37296ned.csv: data row 65 (Perioden=2018JJ00, Onderwerp=Turkije_38)", "-1000"},
        {"fig-1-3", "cbs/herkomstland_1997_2017.csv: data row 2 (Niveau=land, Herkomst=Suriname, Perioden=2017)", "-5"},
        {"fig-2-5",
         "cbs/migration_background_1972_2021.csv: data row 8 (Perioden=1995JJ00, Kwaliteit=cbs_reconstruction, "
         "Onderwerp=Migratieachtergrond)",
         "-1100000"},
        {"fig-2-11", "cbs/prognose_migratieachtergrond.csv: data row 230 (Herkomst=Totaal, Perioden=2030JJ00, Status=Prognose)",
         "-16860000"},
    };
    char *neg = tu_tempdir("orgneg");
    for (size_t i = 0; i < sizeof figs / sizeof *figs; i++) {
        char *out = NULL, *err = NULL, msg[200];
        int rc = tu_wrrfig_dirs(WF_PLUGINS, FIX_NEG, WF_FIGURES, &out, &err, "build", "--no-render", "--out", neg,
                                figs[i].fig, NULL);
        if (rc != 1)
            fail_msg("%s: exit %d, expected 1 (a negative count drawn?)\n%s%s", figs[i].fig, rc, out, err);
        snprintf(msg, sizeof msg, NEG_MSG, figs[i].value);
        assert_contains(err, figs[i].where);
        assert_contains(err, msg);
        snprintf(msg, sizeof msg, "%s FAILED", figs[i].fig);
        assert_contains(err, msg);
        free(out);
        free(err);
    }
    tu_rmrf(neg);
    free(neg);

    /* The measures: the same refusal in the claim's reason; a count of the
     * same table that is not negative still computes. */
    wf_app a;
    tu_app(&a, FIX_NEG);
    static const char *const T38 = "cbs/37296ned.csv: data row 65 (Perioden=2018JJ00, Onderwerp=Turkije_38)";
    assert_measure_refused(&a, "origin.population{group='Turkije', year=2018}", T38, "-1000");
    assert_measure_refused(&a, "origin.share{group='Turkije', year=2018}", T38, "-1000");
    assert_measure_refused(&a, "origin.group_rank{group='Marokko', year=2018}", T38, "-1000");
    wf_table *nt = NULL;
    wf_error e;
    assert_int_equal(table_load(FIX_NEG, "cbs/37296ned", &nt, &e), 0);
    assert_double_near(tu_eval_ok(&a, "origin.population{group='Marokko', year=2018}"), tu_cbs_year(nt, "Marokko_35", 2018),
                       0);
    table_free(nt);
    assert_measure_refused(&a, "origin.country_rank{country='Turkije', year=2017}",
                           "herkomstland_1997_2017.csv: data row 2 (Niveau=land, Herkomst=Suriname, Perioden=2017)",
                           "-5");
    assert_measure_refused(&a, "origin.share{group='Migratieachtergrond', year=1995}",
                           "migration_background_1972_2021.csv: data row 8 (Perioden=1995JJ00", "-1100000");
    assert_measure_refused(&a, "origin.share_projection{group='GroteVier', year=2030}",
                           "prognose_migratieachtergrond.csv: data row 230 (Herkomst=Totaal, Perioden=2030JJ00, "
                           "Status=Prognose)",
                           "-16860000");
    static const char *const INW2 = "kwb2017_gemeente.csv: data row 5 (region=GM0002, variable=AANT_INW)";
    assert_measure_refused(&a, "origin.area_population{area='GM0002', year=2017}", INW2, "-2000");
    assert_double_near(tu_eval_ok(&a, "origin.area_population{area='GM0001', year=2017}"), 1000, 0);
    assert_measure_refused(&a, "origin.area_share{area='GM0003', group='NietWesters', year=2017}",
                           "kwb2017_gemeente.csv: data row 11 (region=GM0003, variable=P_N_W_AL)", "-12");
    /* a rank compares with every municipality, so it meets GM0003's -12 */
    assert_measure_refused(&a, "origin.area_rank{area='GM0001', group='NietWesters', year=2017}",
                           "data row 11 (region=GM0003, variable=P_N_W_AL)", "-12");
    registry_free(&a.reg);
}

/* Non-finite numbers never reach the plugin: the table reader refuses
 * "nan", "inf" and 1e999 as a broken input (file:line:col), and the
 * previous outputs stay as they were. The negative count of the fixture
 * made positive first gives a build to keep. */
static void test_nonfinite_count_is_broken_input(void **state)
{
    (void)state;
    char *data = tu_tempdir("orgnan"), *o = tu_tempdir("orgnanout");
    char cmd[1600], p[700];
    snprintf(cmd, sizeof cmd, "cp -r '%s/.' '%s/' && sed -i 's/^2018JJ00,Turkije_38,-1000$/2018JJ00,Turkije_38,1000/' "
             "'%s/cbs/37296ned.csv'", FIX_NEG, data, data);
    assert_int_equal(system(cmd), 0);
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "build", "--no-render", "--out", o, "fig-2-6", NULL);
    if (rc != 0)
        fail_msg("the fixture with its negative count made positive: exit %d\n%s", rc, err);
    free(out);
    free(err);
    char *csv0 = tu_readf("%s/fig-2-6.csv", o), *js0 = tu_readf("%s/fig-2-6.json", o);
    static const char *const bad[] = {"nan", "inf", "-inf", "1e999"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        snprintf(cmd, sizeof cmd, "sed -i 's/^2018JJ00,Turkije_38,.*$/2018JJ00,Turkije_38,%s/' '%s/cbs/37296ned.csv'",
                 bad[i], data);
        assert_int_equal(system(cmd), 0);
        rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "build", "--no-render", "--out", o, "fig-2-6", NULL);
        assert_int_equal(rc, 1);
        assert_contains(err, "fig-2-6 FAILED: unreadable input");
        assert_contains(err, "cbs/37296ned.csv:66:");
        snprintf(p, sizeof p, "%s/fig-2-6.csv", o);
        char *csv1 = tu_read(p, NULL), *js1 = tu_readf("%s/fig-2-6.json", o);
        assert_string_equal(csv0, csv1);
        assert_string_equal(js0, js1);
        free(csv1);
        free(js1);
        free(out);
        free(err);
    }
    /* A negative count is broken input too (wrrfig_host.input_broken),
     * not a plugin error: the figure fails and its previous outputs stay,
     * manifest included. Before ABI 2.2 it left a "failed" manifest and
     * removed the .gp and .csv. */
    snprintf(cmd, sizeof cmd, "sed -i 's/^2018JJ00,Turkije_38,.*$/2018JJ00,Turkije_38,-1000/' '%s/cbs/37296ned.csv'",
             data);
    assert_int_equal(system(cmd), 0);
    rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "build", "--no-render", "--out", o, "fig-2-6", NULL);
    assert_int_equal(rc, 1);
    assert_contains(err, "fig-2-6 FAILED: broken input: ");
    assert_contains(err, "data row 65 (Perioden=2018JJ00, Onderwerp=Turkije_38), column value: -1000 is negative");
    char *csv2 = tu_readf("%s/fig-2-6.csv", o), *js2 = tu_readf("%s/fig-2-6.json", o), *gp2 = tu_readf("%s/fig-2-6.gp", o);
    assert_non_null(gp2);
    assert_string_equal(csv0, csv2);
    assert_string_equal(js0, js2);
    free(csv2);
    free(js2);
    free(gp2);
    free(out);
    free(err);
    free(csv0);
    free(js0);
    tu_rmrf(data);
    tu_rmrf(o);
    free(data);
    free(o);
}

static void test_measures(void **state)
{
    (void)state;
    wf_app a;
    tu_app(&a, WF_DATA);
    /* share computed from counts agrees with CBS's rounded percentage */
    assert_double_near(tu_eval_ok(&a, "origin.share{group='Migratieachtergrond', year=2020}"),
                       nat("MigratieachtergrondRelatief_29", 2020), 0.05);
    assert_double_near(tu_eval_ok(&a, "origin.population{group='Suriname', year=2018, generation=2}"), nat("Suriname_59", 2018),
                       0);
    assert_double_near(tu_eval_ok(&a, "origin.share{group='Westers', year=2018, of='Migratieachtergrond'}"),
                       100 * nat("TotaalWesterseMigratieachtergrond_30", 2018) / nat("PersoonMetEenMigratieachtergrond_28", 2018),
                       1e-9);
    assert_double_near(tu_eval_ok(&a, "origin.country_population{country='Polen', year=2017}"), country("Polen", 2017), 0);
    /* Poland's rank in 2017, counted here among the country rows + Morocco */
    double pl = country("Polen", 2017);
    int above = nat("Marokko_35", 2017) > pl;
    for (size_t r = 0; r < ctry_t->n_rows; r++) {
        const char *const *k = (const char *const *)&ctry_t->keys[r * ctry_t->n_dims];
        if (!strcmp(k[0], "land") && !strcmp(k[2], "2017") && ctry_t->kinds[r] == WRRFIG_VALUE && ctry_t->values[r] > pl)
            above++;
    }
    assert_double_near(tu_eval_ok(&a, "origin.country_rank{country='Polen', year=2017}"), above + 1, 0);
    assert_double_near(tu_eval_ok(&a, "origin.group_rank{group='Turkije', year=2018}"), 1, 0);
    /* errors and absent data */
    assert_int_equal(tu_eval_status(&a, "origin.population{group='Polen', year=2018}"), EVAL_ERROR);
    assert_int_equal(tu_eval_status(&a, "origin.population{group='Marokko', year=1990}"), EVAL_NODATA);
    assert_int_equal(tu_eval_status(&a, "origin.population{group='EuropeesAngelsaksisch', year=2018}"), EVAL_NODATA);
    assert_int_equal(tu_eval_status(&a, "origin.n_countries{year=2017}"), EVAL_NODATA);
    assert_int_equal(tu_eval_status(&a, "origin.share_projection{group='GroteVier', year=2050}"), EVAL_NODATA);
    a.data_dir = FIX_NODATA; /* the plugins stay loaded: only the data changes */
    double t = 15500000 + 40000 * (2050 - 1996);
    double ov = (double)(long long)(t * (0.03 + 0.0009 * (2050 - 1996)));
    assert_double_near(tu_eval_ok(&a, "origin.share_projection{group='NietEuropeesAngelsaksisch', year=2050}"), 100 * ov / t,
                       1e-9);

    /* municipal measures on three invented municipalities */
    a.data_dir = WF_FIXTURES "/origin/kwb/data"; /* the plugins stay loaded: only the data changes */
    assert_double_near(tu_eval_ok(&a, "origin.area_population{area='GM0002', year=2017}"), 2000, 0);
    assert_double_near(tu_eval_ok(&a, "origin.area_share{area='GM0002', group='Migratieachtergrond', year=2017}"), 40, 0);
    assert_double_near(tu_eval_ok(&a, "origin.area_share{area='GM0001', group='Nederlands', year=2017}"), 85, 0);
    /* GM0002 and GM0003 tie on Morocco (8): both rank 1, GM0001 is 3rd */
    assert_double_near(tu_eval_ok(&a, "origin.area_rank{area='GM0003', group='Marokko', year=2017}"), 1, 0);
    assert_double_near(tu_eval_ok(&a, "origin.area_rank{area='GM0001', group='Marokko', year=2017}"), 3, 0);
    assert_double_near(tu_eval_ok(&a, "origin.area_rank{area='GM0003', group='Migratieachtergrond', year=2017}"), 2, 0);
    assert_int_equal(tu_eval_status(&a, "origin.area_share{area='GM0002', group='Migratieachtergrond', year=2019}"),
                     EVAL_NODATA);
    assert_int_equal(tu_eval_status(&a, "origin.area_share{area='GM0002', group='MOE-EU', year=2017}"), EVAL_NODATA);
    assert_int_equal(tu_eval_status(&a, "origin.area_share{area='GM0002', group='Nergens', year=2017}"), EVAL_ERROR);
    registry_free(&a.reg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fig_2_5_three_years),  cmocka_unit_test(test_fig_2_6_groups), cmocka_unit_test(test_fig_1_2_panels),
        cmocka_unit_test(test_fig_1_3_top10),   cmocka_unit_test(test_fig_2_11_fixture), cmocka_unit_test(test_measures), cmocka_unit_test(test_negative_counts_refused),
        cmocka_unit_test(test_nonfinite_count_is_broken_input),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
