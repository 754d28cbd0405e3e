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
static double nat(const char *topic, int year) { return tu_cbs_year(t37296, topic, year); }

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

/* The first year of the rise to the peak, on a SYNTHETIC motive table: a
 * rise 2001-2002, a fall to 2004, a rise 2005-2007 to the peak, then a fall. */
static void test_motive_rise_start(void **state)
{
    (void)state;
    static const int v[] = {500, 700, 900, 600, 400, 450, 800, 1200, 300};
    strbuf b = STRBUF_INIT;
    sb_puts(&b, "Perioden,Motief,value\n");
    for (int i = 0; i < 9; i++)
        sb_printf(&b, "%dJJ00,NonEuAsylum,%d\n%dJJ00,EuWork,%d\n", 2000 + i, v[i], 2000 + i, 100 + 10 * i);
    fh = fh_new(FIX_NODATA);
    imm = fh_plugin(fh, "immigration");
    fh_table(fh, "cbs/immigrants_motive_1999_2024", b.s, "SYNTHETIC TEST FIXTURE");
    sb_free(&b);
    assert_double_near(ok("immigration.motive_rise_start{motive='NonEuAsylum', from=2000, to=2008}"), 2005, 0);
    /* the fall 2003-2004 before the rise is enough: the rise began in 2005 */
    assert_double_near(ok("immigration.motive_rise_start{motive='NonEuAsylum', from=2003, to=2008}"), 2005, 0);
    /* a rise that runs back to the start of the range is not decided (it may
     * have begun before): the peak of 2000-2003 is 2002, rising since 2000 */
    assert_int_equal(st("immigration.motive_rise_start{motive='NonEuAsylum', from=2000, to=2003}"), EVAL_NODATA);
    assert_int_equal(st("immigration.motive_rise_start{motive='EuWork', from=2000, to=2008}"), EVAL_NODATA);
    assert_int_equal(st("immigration.motive_rise_start{motive='NonEuAsylum', from=2001, to=2002}"), EVAL_NODATA);
    /* a year outside the table is NO-DATA; from > to and no motive are errors */
    assert_int_equal(st("immigration.motive_rise_start{motive='NonEuAsylum', from=1995, to=2008}"), EVAL_NODATA);
    assert_int_equal(st("immigration.motive_rise_start{motive='NonEuAsylum', from=2008, to=2000}"), EVAL_ERROR);
    assert_int_equal(st("immigration.motive_rise_start{from=2000, to=2008}"), EVAL_ERROR);
    fh_free(fh);
}

/* Issue 14: a negative count (-230,739 immigrants) is refused with the
 * table, the row and the column; a negative balance (net migration) is
 * data. SYNTHETIC tables, injected through the fake host. */
#define NEG_37296                                                                                            \
    "Perioden,Onderwerp,value\n"                                                                               \
    "2015JJ00,Immigratie_73,166872\n"                                                                          \
    "2016JJ00,Immigratie_73,-230739\n"                                                                         \
    "2015JJ00,MigratiesaldoInclusiefAdministratie_75,-5000\n"                                                  \
    "2016JJ00,MigratiesaldoInclusiefAdministratie_75,-230739\n"

static void test_negative_counts_refused(void **state)
{
    (void)state;
    fh = fh_new(FIX_NODATA);
    imm = fh_plugin(fh, "immigration");
    fh_table(fh, "cbs/37296ned", NEG_37296, "SYNTHETIC TEST FIXTURE");
    assert_int_equal(st("immigration.total{year=2015}"), EVAL_ERROR);
    const char *m = fh_message(fh);
    assert_true(tu_contains(m, "cbs/37296ned"));
    assert_true(tu_contains(m, "data row 2 (Perioden=2016JJ00, Onderwerp=Immigratie_73)"));
    assert_true(tu_contains(m, "column value: -230739 is negative"));
    /* a negative net migration is data, not an error */
    assert_double_near(ok("immigration.net{year=2016}"), -230739, 0);
    assert_double_near(ok("immigration.net{year=2015}"), -5000, 0);
    /* the figure that draws immigration fails instead of drawing it */
    char *spec = tu_read(WF_FIGURES "/fig-2-1.json", NULL);
    fh_spec(fh, spec);
    free(spec);
    assert_int_equal(fh_figure(fh, imm, "fig-2-1"), WRRFIG_ERROR);
    assert_true(tu_contains(fh_message(fh), "is negative"));
    /* immigration by origin: a negative count of a flow is refused too */
    fh_table(fh, "cbs/migratie_herkomst",
             "Herkomst,Perioden,Onderwerp,value\nMarokko,2000JJ00,Immigratie,-1\nMarokko,2000JJ00,Emigratie,7\n",
             "SYNTHETIC TEST FIXTURE");
    assert_int_equal(st("immigration.by_origin{origin='Marokko', year=2000}"), EVAL_ERROR);
    assert_true(tu_contains(fh_message(fh), "data row 1 (Herkomst=Marokko, Perioden=2000JJ00, Onderwerp=Immigratie)"));
    fh_free(fh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_measures),
        cmocka_unit_test(test_motive_count),
        cmocka_unit_test(test_motive_rise_start),
        cmocka_unit_test(test_negative_counts_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
