/* The cohorts.* departure measures, run through the fake host
 * (tests/fakehost.h): the plugin's code against the synthetic 84140NED
 * fixture and the shipped data, with no binary, registry or worker process.
 * Expected values are computed here from the fixture's counts. */
#include "testutil.h"

#include "data/table.h"
#include "fakehost.h"

#define FIX WF_FIXTURES "/cohorts"

static wf_table *load(const char *data, const char *name)
{
    wf_table *t = NULL;
    wf_error err;
    if (table_load(data, name, &t, &err) != 0)
        fail_msg("%s", err.msg);
    return t;
}

static const char *key(const wf_table *t, size_t row, const char *dim)
{
    int d = table_dim(t, dim);
    if (d < 0)
        fail_msg("%s: no dimension %s", t->name, dim);
    return t->keys[row * t->n_dims + (size_t)d];
}

/* N persons of the fixture still present after `stay` (VD00/VD02/VD05)
 * for a motive code, summed over the years, totals only. */
static double fixture_count(const wf_table *t, const char *motive, int from, int to, const char *stay)
{
    double sum = 0;
    for (size_t r = 0; r < t->n_rows; r++) {
        int y = atoi(key(t, r, "JaarVanImmigratie"));
        if (strcmp(key(t, r, "Geslacht"), "T001038") || strcmp(key(t, r, "Migratiereden"), motive) ||
            strcmp(key(t, r, "Verblijfsduur"), stay) || y < from || y > to)
            continue;
        assert_int_equal(t->kinds[r], WRRFIG_VALUE);
        sum += t->values[r];
    }
    return sum;
}

static fh_host *fh;
static const wrrfig_plugin *cohorts;

static void expect(const char *ref, double want, double eps)
{
    double v = 0;
    wrrfig_status st = fh_measure(fh, cohorts, ref, &v);
    if (st != WRRFIG_OK)
        fail_msg("%s: status %d (%s)", ref, (int)st, fh_message(fh));
    assert_double_near(v, want, eps);
}

static void expect_status(const char *ref, wrrfig_status want)
{
    double v;
    wrrfig_status st = fh_measure(fh, cohorts, ref, &v);
    if (st != want)
        fail_msg("%s: status %d, expected %d (%s)", ref, (int)st, (int)want, fh_message(fh));
}

static void test_measures_on_fixture(void **state)
{
    (void)state;
    fh = fh_new(FIX);
    cohorts = fh_plugin(fh, "cohorts");
    wf_table *t = load(FIX, "cbs/84140ned");
    double n0 = fixture_count(t, "A009233", 2006, 2010, "VD00"), n2 = fixture_count(t, "A009233", 2006, 2010, "VD02");
    double n5 = fixture_count(t, "A009233", 2006, 2010, "VD05");
    expect("cohorts.stay_by_motive{motive='Asiel', cohort='2006-2010', stay='<2'}", 100 * (n0 - n2) / n0, 1e-9);
    assert_contains(fh_inputs(fh), "cbs/84140ned "); /* the provenance the host records */
    expect("cohorts.stay_by_motive{motive='Asiel', cohort='2006-2010', stay='>5'}", 100 * n5 / n0, 1e-9);
    expect("cohorts.stay_by_motive{motive='Asiel', cohort='2006-2010', stay='<5'}", 100 * (n0 - n5) / n0, 1e-9);
    /* The cohorts sum to tab. 2.1's: a cohort the table does not have is a bad reference. */
    expect_status("cohorts.stay_by_motive{motive='Asiel', cohort='2006-2011', stay='<2'}", WRRFIG_ERROR);
    expect("cohorts.immigrants_by_motive{motive='Asiel', from=2001, to=2005}",
           fixture_count(t, "A009233", 2001, 2005, "VD00"), 1e-9);
    expect("cohorts.immigrants_by_motive{motive='Arbeid', from=2016, to=2018, nationality='eu-efta'}",
           1000 * (50.25 + 51.25 + 52.25), 1e-6);
    expect_status("cohorts.immigrants_by_motive{motive='Asiel', from=2016, to=2016, nationality='eu-efta'}",
                  WRRFIG_ERROR);
    assert_true(fixture_count(t, "T001056", 1995, 1995, "VD00") == 0); /* no 1995 cohort: NO-DATA below */
    expect_status("cohorts.left_within{year=1995, years=2, population='foreign-born'}", WRRFIG_NODATA);
    double a0 = fixture_count(t, "T001056", 2003, 2003, "VD00"), a5 = fixture_count(t, "T001056", 2003, 2003, "VD05");
    expect("cohorts.left_within{year=2003, years=5, population='foreign-born'}", 100 * (1 - a5 / a0), 1e-9);
    expect("cohorts.left_within{year=2010, years=2, population='eu-efta'}", 42, 1e-9);
    expect_status("cohorts.left_within{year=2010, years=2, population='non-dutch'}", WRRFIG_NODATA);
    expect_status("cohorts.left_within{year=2010, years=3, population='eu-efta'}", WRRFIG_ERROR);
    expect("cohorts.left_forecast{year=2010, years=10}", 50, 1e-9);
    expect("cohorts.left_forecast{year=2010, years=0}", 65, 1e-9);
    table_free(t);
    fh_free(fh);
}

static void test_measures_on_shipped_data(void **state)
{
    (void)state;
    fh = fh_new(WF_DATA);
    cohorts = fh_plugin(fh, "cohorts");
    /* 84140NED is not shipped: everything that needs it is NO-DATA. */
    expect_status("cohorts.left_within{year=2010, years=2, population='foreign-born'}", WRRFIG_NODATA);
    expect_status("cohorts.left_forecast{year=2010, years=10}", WRRFIG_NODATA);
    expect_status("cohorts.stay_by_motive{motive='Asiel', cohort='1999-2005', stay='>5'}", WRRFIG_NODATA);
    fh_free(fh);
}

/* Tables given in memory: the measure reads them instead of the data
 * directory, and an undeclared table cannot be opened. */
static void test_in_memory_table(void **state)
{
    (void)state;
    fh = fh_new(NULL);
    cohorts = fh_plugin(fh, "cohorts");
    fh_table(fh, "cohorts/departure_forecast", "immigratiejaar,binnen_jaren,value\n2010,10,12.5\n2010,uiteindelijk,7\n",
             "SYNTHETIC TEST FIXTURE");
    expect("cohorts.left_forecast{year=2010, years=10}", 12.5, 0);
    expect("cohorts.left_forecast{year=2010, years=0}", 7, 0);
    expect_status("cohorts.left_forecast{year=2011, years=10}", WRRFIG_NODATA);
    fh_free(fh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_measures_on_fixture),
        cmocka_unit_test(test_measures_on_shipped_data),
        cmocka_unit_test(test_in_memory_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
