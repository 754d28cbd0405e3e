/* The immigration plugin end to end: figures 2.1, 2.7 and 2.8 built from the
 * shipped CBS 37296ned table, their CSV checked against numbers the test
 * computes itself from that table; the trend against a hand-worked
 * three-point fixture; the NO-DATA figures listed with their CBS table and
 * rendered from synthetic fixtures. The immigration.* measures are unit tests
 * through the fake host: tests/unit/test_immigration_measures.c. */
#include "testutil.h"

#include "app.h"
#include "format/csv.h"
#include "claims/measure.h"
#include "data/table.h"

#define FIX_NODATA WF_FIXTURES "/immigration/nodata/data"
#define FIX_TREND3 WF_FIXTURES "/immigration/trend3/data"

static char *outdir;
static wf_table *t37296;

static int setup(void **state)
{
    (void)state;
    outdir = tu_tempdir("imm");
    wf_error err;
    if (table_load(WF_DATA, "cbs/37296ned", &t37296, &err) != 0) {
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
    table_free(t37296);
    return 0;
}

/* A value of the national table, read by the test itself. */
static double nat(const char *topic, int year) { return tu_cbs_year(t37296, topic, year); }

static void build(const char *data, const char *fig) { tu_build(data, outdir, fig, "svg"); }

static csv_doc *read_csv(const char *fig) { return tu_csv(outdir, fig); }

/* Cell of the first row whose column key_col equals key. */
static double csv_num(const csv_doc *d, const char *key_col, const char *key, const char *col)
{
    int k = csv_header_index(d, key_col), c = csv_header_index(d, col);
    if (k < 0 || c < 0)
        fail_msg("CSV lacks column %s or %s", key_col, col);
    for (size_t r = 1; r < d->n_rows; r++)
        if (strcmp(d->rows[r].f[k], key) == 0)
            return strtod(d->rows[r].f[c], NULL);
    fail_msg("CSV has no row %s=%s", key_col, key);
    return 0;
}

static double csv_year(const csv_doc *d, int year, const char *col)
{
    char y[16];
    snprintf(y, sizeof y, "%d", year);
    return csv_num(d, "year", y, col);
}

static void test_fig_2_7_flows(void **state)
{
    (void)state;
    build(WF_DATA, "fig-2-7");
    csv_doc *d = read_csv("fig-2-7");
    /* 1950-2018: the data start in 1950, the report's period ends in 2018 */
    assert_int_equal(d->n_rows, 1 + 69);
    assert_string_equal(d->rows[1].f[0], "1950");
    assert_string_equal(d->rows[d->n_rows - 1].f[0], "2018");
    static const int years[] = {1950, 1967, 1982, 2003, 2017, 2018};
    for (size_t i = 0; i < sizeof years / sizeof years[0]; i++) {
        int y = years[i];
        double imm = nat("Immigratie_73", y), emi = nat("EmigratieInclusiefAdministratieveC_74", y);
        assert_double_near(csv_year(d, y, "immigration"), imm, 0);
        assert_double_near(csv_year(d, y, "emigration"), emi, 0);
        /* net migration = immigration - emigration, computed here */
        assert_double_near(csv_year(d, y, "immigration_minus_emigration"), imm - emi, 0);
        assert_double_near(csv_year(d, y, "net_migration"), imm - emi, 0);
    }
    /* the report: net migration negative in 1967 and 1982 */
    assert_true(csv_year(d, 1967, "net_migration") < 0);
    assert_true(csv_year(d, 1982, "net_migration") < 0);
    csv_free(d);
    char *m = tu_readf("%s/fig-2-7.json", outdir);
    assert_contains(m, "de gegevens beginnen in 1950");
    free(m);
}

/* Least squares written out here in the uncentred textbook form, separately
 * from the plugin's centred one. */
static void ls_fit(const double *x, const double *y, int n, double *a, double *b)
{
    long double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int i = 0; i < n; i++) {
        sx += x[i];
        sy += y[i];
        sxx += (long double)x[i] * x[i];
        sxy += (long double)x[i] * y[i];
    }
    *b = (double)((n * sxy - sx * sy) / (n * sxx - sx * sx));
    *a = (double)((sy - *b * sx) / n);
}

static void test_fig_2_1_trend_on_data(void **state)
{
    (void)state;
    build(WF_DATA, "fig-2-1");
    csv_doc *d = read_csv("fig-2-1");
    int n = 0;
    double x[100], y[100];
    for (int yr = 1950; yr <= 2018; yr++, n++) {
        x[n] = yr;
        y[n] = nat("Immigratie_73", yr);
    }
    double a, b;
    ls_fit(x, y, n, &a, &b);
    assert_int_equal(d->n_rows, 1 + n);
    for (int i = 0; i < n; i += 17) {
        assert_double_near(csv_year(d, (int)x[i], "immigration"), y[i], 0);
        assert_double_near(csv_year(d, (int)x[i], "trend"), a + b * x[i], 1e-6);
    }
    assert_double_near(csv_year(d, 2018, "trend") - csv_year(d, 2017, "trend"), b, 1e-6);
    csv_free(d);
}

static void test_fig_2_1_trend_three_points(void **state)
{
    (void)state;
    build(FIX_TREND3, "fig-2-1");
    csv_doc *d = read_csv("fig-2-1");
    assert_int_equal(d->n_rows, 4);
    /* worked by hand (tests/fixtures/immigration/README.md): slope 25000 */
    assert_double_near(csv_year(d, 2000, "trend"), 5000, 1e-6);
    assert_double_near(csv_year(d, 2001, "trend"), 30000, 1e-6);
    assert_double_near(csv_year(d, 2002, "trend"), 55000, 1e-6);
    csv_free(d);
    char *svg = tu_readf("%s/fig-2-1.svg", outdir);
    assert_contains(svg, "Migratie naar Nederland, 2000-2002, x 1000");
    free(svg);
}

static void test_fig_2_8_rate(void **state)
{
    (void)state;
    build(WF_DATA, "fig-2-8");
    csv_doc *d = read_csv("fig-2-8");
    static const int years[] = {1950, 1963, 1990, 2017, 2018};
    for (size_t i = 0; i < sizeof years / sizeof years[0]; i++) {
        int y = years[i];
        double mean = (nat("TotaleBevolking_1", y) + nat("TotaleBevolking_1", y + 1)) / 2;
        assert_double_near(csv_year(d, y, "per_1000"), 1000 * nat("EmigratieInclusiefAdministratieveC_74", y) / mean,
                           1e-9);
    }
    csv_free(d);
    /* The denominator is CBS's: its own net migration per 1000 (topic 76)
     * follows from the mean population in (nearly) every year. */
    int agree = 0, n = 0;
    for (int y = 1950; y <= 2020; y++, n++) {
        double mean = (nat("TotaleBevolking_1", y) + nat("TotaleBevolking_1", y + 1)) / 2;
        double mine = 1000 * nat("MigratiesaldoInclusiefAdministratie_75", y) / mean;
        agree += fabs(mine - nat("MigratiesaldoInclusiefCoRelatief_76", y)) <= 0.05 + 1e-9;
    }
    assert_true(agree >= n - 1);
}

static void test_nodata_figures_listed(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    assert_int_equal(tu_wrrfig(&out, &err, "list", NULL), 0);
    static const char *const nodata[] = {"fig-1-1", "fig-2-2", "fig-2-3", "fig-2-4", "fig-2-9", "fig-2-10"};
    for (size_t i = 0; i < sizeof nodata / sizeof nodata[0]; i++) {
        char *line = strstr(out, nodata[i]);
        assert_non_null(line);
        char *eol = strchr(line, '\n');
        assert_non_null(eol);
        assert_true(strstr(line, "NO-DATA") && strstr(line, "NO-DATA") < eol);
    }
    assert_contains(out, "needs CBS 83787NED");
    assert_contains(out, "60032 in shared/ is by country of previous residence");
    assert_contains(out, "fig-2-1            ready");
    free(out);
    free(err);
}

static void test_nodata_fixture_renders(void **state)
{
    (void)state;
    wf_table *mh = NULL, *fc = NULL, *bd = NULL;
    wf_error err;
    assert_int_equal(table_load(FIX_NODATA, "cbs/migratie_herkomst", &mh, &err), 0);
    assert_int_equal(table_load(FIX_NODATA, "cbs/83787ned", &fc, &err), 0);
    assert_int_equal(table_load(FIX_NODATA, "cbs/geboorte_sterfte_herkomst", &bd, &err), 0);
    assert_string_equal(table_meta_get(mh, "source"), "SYNTHETIC TEST FIXTURE");

    /* 1.1: ranking by net migration summed over 2008-2018, computed here */
    build(FIX_NODATA, "fig-1-1");
    csv_doc *d = read_csv("fig-1-1");
    assert_int_equal(d->n_rows, 1 + 15);
    const char *best = NULL;
    double best_sum = -1e300;
    static const char *const excluded[] = {"Totaal", "Nederlands", "Migratieachtergrond"};
    for (size_t r = 0; r < mh->n_rows; r++) {
        const char *o = mh->keys[r * mh->n_dims];
        int skip = 0;
        for (size_t e = 0; e < 3; e++)
            skip |= strcmp(o, excluded[e]) == 0;
        if (skip || (best && strcmp(best, o) == 0))
            continue;
        double s = 0, v;
        for (int y = 2008; y <= 2018; y++) {
            char q[128];
            snprintf(q, sizeof q, "Herkomst=%s;Perioden=%dJJ00;Onderwerp=Immigratie", o, y);
            table_find_query(mh, q, &v);
            s += v;
            snprintf(q, sizeof q, "Herkomst=%s;Perioden=%dJJ00;Onderwerp=Emigratie", o, y);
            table_find_query(mh, q, &v);
            s -= v;
        }
        if (s > best_sum) {
            best_sum = s;
            best = o;
        }
    }
    assert_string_equal(d->rows[1].f[1], best);
    assert_double_near(strtod(d->rows[1].f[3], NULL), best_sum, 0);
    for (size_t r = 1; r < d->n_rows; r++)
        for (size_t e = 0; e < 3; e++)
            assert_string_not_equal(d->rows[r].f[1], excluded[e]);
    csv_free(d);

    /* 2.3: the interval bounds are the table's */
    build(FIX_NODATA, "fig-2-3");
    d = read_csv("fig-2-3");
    double lo, hi;
    assert_int_equal(table_find_query(fc, "Prognoseinterval=Ondergrens67;Perioden=2030JJ00", &lo), WRRFIG_VALUE);
    assert_int_equal(table_find_query(fc, "Prognoseinterval=Bovengrens67;Perioden=2030JJ00", &hi), WRRFIG_VALUE);
    assert_double_near(csv_year(d, 2030, "lower_67"), lo, 0);
    assert_double_near(csv_year(d, 2030, "upper_67"), hi, 0);
    csv_free(d);

    /* 2.10: natural increase = births - deaths */
    build(FIX_NODATA, "fig-2-10");
    d = read_csv("fig-2-10");
    double b, dd;
    assert_int_equal(table_find_query(bd, "Herkomst=Nederlands;Perioden=2000JJ00;Onderwerp=LevendGeborenen", &b),
                     WRRFIG_VALUE);
    assert_int_equal(table_find_query(bd, "Herkomst=Nederlands;Perioden=2000JJ00;Onderwerp=Overledenen", &dd),
                     WRRFIG_VALUE);
    int found = 0;
    for (size_t r = 1; r < d->n_rows; r++)
        if (!strcmp(d->rows[r].f[0], "Nederlands") && !strcmp(d->rows[r].f[2], "2000")) {
            assert_double_near(strtod(d->rows[r].f[3], NULL), b - dd, 0);
            found = 1;
        }
    assert_true(found);
    csv_free(d);

    build(FIX_NODATA, "fig-2-2");
    build(FIX_NODATA, "fig-2-4");
    build(FIX_NODATA, "fig-2-9");
    char *c24 = tu_readf("%s/fig-2-4.csv", outdir), *c29 = tu_readf("%s/fig-2-9.csv", outdir);
    assert_contains(c24, "Ongunstig,");
    assert_contains(c24, "waargenomen,waargenomen,2019,195000");
    assert_contains(c29, "NietNederlands,Niet-Nederlandse nationaliteit,1977,20000");
    free(c24);
    free(c29);
    table_free(mh);
    table_free(fc);
    table_free(bd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fig_2_7_flows),
        cmocka_unit_test(test_fig_2_1_trend_on_data),
        cmocka_unit_test(test_fig_2_1_trend_three_points),
        cmocka_unit_test(test_fig_2_8_rate),
        cmocka_unit_test(test_nodata_figures_listed),
        cmocka_unit_test(test_nodata_fixture_renders),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
