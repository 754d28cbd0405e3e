/* The immigration.* measures, run through the fake host (tests/fakehost.h):
 * the plugin's code on the shipped CBS 37296ned table and on the synthetic
 * flows-by-origin fixture, with no binary, registry or worker process.
 * Every expected value is computed here from the table itself. */
#include "testutil.h"

#include "claims/status.h"
#include "data/table.h"
#include "fakehost.h"

#define FIX_NODATA WF_FIXTURES "/immigration/nodata/data"

static wf_table *t37296;
static fh_host *fh;
static const wrrfig_plugin *imm;

static int setup(void **state)
{
    (void)state;
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
    table_free(t37296);
    return 0;
}

/* A value of the national table, read by the test itself. */
static double nat(const char *topic, int year)
{
    char q[128];
    double v = 0;
    snprintf(q, sizeof q, "Perioden=%dJJ00;Onderwerp=%s", year, topic);
    if (table_find_query(t37296, q, &v) != WRRFIG_VALUE)
        fail_msg("no %s for %d in data/cbs/37296ned", topic, year);
    return v;
}

static double ok(const char *ref)
{
    double v = 0;
    wrrfig_status s = fh_measure(fh, imm, ref, &v);
    if (s != WRRFIG_OK)
        fail_msg("%s: status %d (%s)", ref, (int)s, fh_message(fh));
    return v;
}

/* The plugin's status in the claim checker's terms. */
static eval_status st(const char *ref)
{
    double v;
    wrrfig_status s = fh_measure(fh, imm, ref, &v);
    return s == WRRFIG_OK ? EVAL_OK : s == WRRFIG_NODATA ? EVAL_NODATA : EVAL_ERROR;
}

static void test_measures(void **state)
{
    (void)state;
    fh = fh_new(WF_DATA);
    imm = fh_plugin(fh, "immigration");
    assert_double_near(ok("immigration.total{year=2019}"), nat("Immigratie_73", 2019), 0);
    assert_double_near(ok("immigration.net{year=2018}"), nat("MigratiesaldoInclusiefAdministratie_75", 2018), 0);
    assert_double_near(ok("immigration.population{year=1963}"), nat("TotaleBevolking_1", 1963), 0);
    double mn = 1e300, mx = -1e300, sum = 0;
    int argmax = 0, neg = 0;
    for (int y = 2010; y <= 2018; y++) {
        double v = nat("Immigratie_73", y);
        mn = v < mn ? v : mn;
        sum += v;
        if (v > mx) {
            mx = v;
            argmax = y;
        }
    }
    for (int y = 1961; y <= 2002; y++)
        neg += nat("MigratiesaldoInclusiefAdministratie_75", y) < 0;
    assert_double_near(ok("immigration.min_over{from=2010, to=2018}"), mn, 0);
    assert_double_near(ok("immigration.max_over{from=2010, to=2018}"), mx, 0);
    assert_double_near(ok("immigration.sum_over{from=2010, to=2018}"), sum, 0);
    assert_double_near(ok("immigration.argmax_year{from=2010, to=2018}"), argmax, 0);
    assert_double_near(ok("immigration.count_years{from=1961, to=2002, series='net', cmp='<', threshold=0}"),
                       neg, 0);
    /* records: a year that does not beat every earlier year (from 1950) */
    int nonrec = 0;
    double run = nat("Immigratie_73", 1950);
    for (int y = 1951; y <= 2020; y++) {
        double v = nat("Immigratie_73", y);
        if (y >= 2006 && v <= run)
            nonrec++;
        run = v > run ? v : run;
    }
    assert_double_near(ok("immigration.non_record_years{from=2006, to=2020}"), nonrec, 0);
    double p46 = nat("TotaleBevolking_1", 1950), p63 = nat("TotaleBevolking_1", 1963);
    assert_double_near(ok("immigration.growth_pct{from=1950, to=1963}"), 100 * (p63 - p46) / p46, 1e-9);
    assert_double_near(ok("immigration.emigration_per_1000{year=2018}"),
                       1000 * nat("EmigratieInclusiefAdministratieveC_74", 2018) / nat("TotaleBevolking_1", 2018), 1e-9);
    assert_double_near(ok("immigration.series{series='net_minus_natural', year=2016}"),
                       nat("MigratiesaldoInclusiefAdministratie_75", 2016) - nat("Geboorteoverschot_71", 2016), 0);
    /* a year outside the data is NO-DATA, an unknown series an error */
    assert_int_equal(st("immigration.total{year=1946}"), EVAL_NODATA);
    assert_int_equal(st("immigration.min_over{from=1946, to=1960}"), EVAL_NODATA);
    assert_int_equal(st("immigration.series{series='bogus', year=2000}"), EVAL_ERROR);
    /* immigration by country of previous residence (cbs/60032), summed over
     * countries and years, and the year of the largest rise */
    {
        wf_table *t60032;
        wf_error err;
        if (table_load(WF_DATA, "cbs/60032", &t60032, &err) != 0)
            fail_msg("%s", err.msg);
        const char *codes[] = {"L008718", "L008567"}; /* Polen, Bulgarije */
        double prev = 0, by_year[3] = {0};
        for (int k = 0; k < 2; k++)
            for (int y = 2006; y <= 2008; y++) {
                char q[160];
                double v = 0;
                snprintf(q, sizeof q, "Geslacht=T001038;LandVanHerkomstVestiging=%s;Perioden=%dJJ00", codes[k], y);
                if (table_find_query(t60032, q, &v) != WRRFIG_VALUE)
                    fail_msg("no value for %s", q);
                prev += v;
                by_year[y - 2006] += v;
            }
        table_free(t60032);
        assert_true(prev > 0);
        assert_double_near(ok("immigration.prev_residence_sum{countries='L008718+L008567', from=2006, to=2008}"), prev, 0);
        assert_double_near(ok("immigration.prev_residence_sum{countries='L008718+L008567', from=2007, to=2007}"),
                           by_year[1], 0);
        assert_int_equal(st("immigration.prev_residence_sum{countries='L008718', from=1990, to=2000}"), EVAL_NODATA);
        assert_int_equal(st("immigration.prev_residence_sum{countries='L008718', from=2008, to=2006}"), EVAL_ERROR);
        assert_int_equal(st("immigration.prev_residence_sum{countries='', from=2006, to=2008}"), EVAL_ERROR);
        assert_int_equal(st("immigration.prev_residence_sum{countries='L008718++L008567', from=2006, to=2008}"),
                         EVAL_ERROR);
        /* jump_year on the same helper: Bulgaria and Romania rise most in 2007 (the EU accession) */
        assert_double_near(ok("immigration.jump_year{countries='L008567+L008723', from=1997, to=2012}"), 2007, 0);
        assert_int_equal(st("immigration.jump_year{countries='L008567', from=2008, to=2006}"), EVAL_ERROR);
    }
    /* flows by origin: the table is not in data/ */
    assert_int_equal(st("immigration.net_by_origin{origin='Turkije', from=2008, to=2018}"), EVAL_NODATA);

    /* ... and on the fixture they compute */
    fh_free(fh);
    fh = fh_new(FIX_NODATA);
    imm = fh_plugin(fh, "immigration");
    double s = 0;
    for (int y = 2008; y <= 2018; y++)
        s += (1000 * 4 + 100 * (y - 1996)) - (600 * 4 + 50 * (y - 1996) * 0); /* Turkije: k = 3 in the generator */
    assert_double_near(ok("immigration.net_by_origin{origin='Turkije', from=2008, to=2018}"), s, 0);
    assert_int_equal(st("immigration.net_by_origin{origin='Nowhere', from=2008, to=2018}"), EVAL_ERROR);
    /* immigration by origin summed over years: Marokko is k = 4 */
    double im = 0;
    for (int y = 2000; y <= 2004; y++)
        im += 1000 * 5 + 100 * (y - 1996);
    assert_double_near(ok("immigration.by_origin{origin='Marokko', from=2000, to=2004}"), im, 0);
    assert_double_near(ok("immigration.by_origin{origin='Marokko', year=2000}"), 1000 * 5 + 100 * 4, 0);
    assert_int_equal(st("immigration.by_origin{origin='Marokko', from=1990, to=2000}"), EVAL_NODATA);
    fh_free(fh);
}

/* Immigrants by motive in one year, against the shipped table read here. */
static void test_motive_count(void **state)
{
    (void)state;
    wf_table *tm;
    wf_error err;
    if (table_load(WF_DATA, "cbs/immigrants_motive_1999_2024", &tm, &err) != 0)
        fail_msg("%s", err.msg);
    double asyl = 0, total = 0, euw = 0, nw = 0, nt = 0;
    assert_int_equal(table_find_query(tm, "Perioden=2015JJ00;Motief=NonEuAsylum", &asyl), WRRFIG_VALUE);
    assert_int_equal(table_find_query(tm, "Perioden=2018JJ00;Motief=EuTotal", &total), WRRFIG_VALUE);
    assert_int_equal(table_find_query(tm, "Perioden=2018JJ00;Motief=EuWork", &euw), WRRFIG_VALUE);
    assert_int_equal(table_find_query(tm, "Perioden=2018JJ00;Motief=NonEuWork", &nw), WRRFIG_VALUE);
    assert_int_equal(table_find_query(tm, "Perioden=2018JJ00;Motief=NonEuTotal", &nt), WRRFIG_VALUE);
    table_free(tm);
    fh = fh_new(WF_DATA);
    imm = fh_plugin(fh, "immigration");
    assert_double_near(ok("immigration.motive_count{motive='NonEuAsylum', year=2015}"), asyl, 0);
    assert_double_near(ok("immigration.motive_count{motive='EuTotal', year=2018}"), total, 0);
    assert_double_near(ok("immigration.motive_count{motive='EuWork+NonEuWork', year=2018}"), euw + nw, 0);
    assert_double_near(ok("immigration.motive_share{motives='EuWork+NonEuWork', of='EuTotal+NonEuTotal', year=2018}"),
                       100 * (euw + nw) / (total + nt), 1e-9);
    assert_int_equal(st("immigration.motive_share{motives='EuWork', year=2018}"), EVAL_ERROR);
    assert_int_equal(st("immigration.motive_count{motive='EuWork+', year=2018}"), EVAL_ERROR);
    /* a year outside the table is NO-DATA; a missing motive an error */
    assert_int_equal(st("immigration.motive_count{motive='NonEuAsylum', year=1990}"), EVAL_NODATA);
    assert_int_equal(st("immigration.motive_count{year=2015}"), EVAL_ERROR);
    fh_free(fh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_measures),
        cmocka_unit_test(test_motive_count),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
