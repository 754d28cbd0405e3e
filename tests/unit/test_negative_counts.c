/* Counts are never negative (issue 14): the hhi plugin, which weighs
 * regions by their residents, and the cohorts plugin, whose numbers count
 * immigrants or are shares of them, refuse a negative count with the table,
 * the row and the column, as the immigration plugin does
 * (test_immigration_measures) and the origin plugin (test_origin, through
 * the binary). SYNTHETIC tables through the fake host. */
#include "testutil.h"

#include "fakehost.h"

static void test_hhi_refuses_negative_residents(void **state)
{
    (void)state;
    fh_host *fh = fh_new(WF_DATA);
    const wrrfig_plugin *hhi = fh_plugin(fh, "hhi");
    double v = 0;
    /* the same table with sane numbers computes */
    fh_table(fh, "hhi/kwb2017_gemeente",
             "region,variable,value\nGM0001,AANT_INW,1000\nGM0001,P_N_W_AL,20\nGM0001,P_WEST_AL,10\n",
             "SYNTHETIC TEST FIXTURE");
    assert_int_equal(fh_measure(fh, hhi, "hhi.index{area='GM0001', year=2017, groups=3}", &v), WRRFIG_OK);
    assert_double_near(v, 1 - (0.7 * 0.7 + 0.2 * 0.2 + 0.1 * 0.1), 1e-12); /* 1 - the sum of squared shares */
    fh_table(fh, "hhi/kwb2017_gemeente",
             "region,variable,value\nGM0001,AANT_INW,-1000\nGM0001,P_N_W_AL,20\nGM0001,P_WEST_AL,10\n",
             "SYNTHETIC TEST FIXTURE");
    assert_int_equal(fh_measure(fh, hhi, "hhi.index{area='GM0001', year=2017, groups=3}", &v), WRRFIG_ERROR);
    const char *m = fh_message(fh);
    assert_true(tu_contains(m, "hhi/kwb2017_gemeente: data row 1 (region=GM0001, variable=AANT_INW), column value: "
                               "-1000 is negative"));
    fh_free(fh);
}

static void test_cohorts_refuses_negative_counts(void **state)
{
    (void)state;
    fh_host *fh = fh_new(NULL);
    const wrrfig_plugin *co = fh_plugin(fh, "cohorts");
    double v = 0;
    /* Tabel 2.1: a share of a cohort by length of stay */
    const char *tab = "order,type,cohort,stay,value\n"
                      "1,G3,1999-2005,<2,15.5\n1,G3,1999-2005,2-5,20.5\n1,G3,1999-2005,>5,64\n"
                      "1,G3,2006-2010,<2,26.3\n1,G3,2006-2010,2-5,30\n1,G3,2006-2010,>5,%s\n";
    char csv[512];
    snprintf(csv, sizeof csv, tab, "43.7");
    fh_table(fh, "report/tab-2-1", csv, "SYNTHETIC TEST FIXTURE");
    assert_int_equal(fh_measure(fh, co, "cohorts.stay_share{type='G3', cohort='1999-2005', stay='>5'}", &v), WRRFIG_OK);
    assert_double_near(v, 64, 0);
    snprintf(csv, sizeof csv, tab, "-43.7");
    fh_table(fh, "report/tab-2-1", csv, "SYNTHETIC TEST FIXTURE");
    assert_int_equal(fh_measure(fh, co, "cohorts.stay_share{type='G3', cohort='1999-2005', stay='>5'}", &v), WRRFIG_ERROR);
    assert_true(tu_contains(fh_message(fh), "report/tab-2-1: data row 6 (order=1, type=G3, cohort=2006-2010, stay=>5), "
                                            "column value: -43.7 is negative"));
    /* the WRR page's totals (no 84140NED): a small project table */
    fh_table(fh, "cohorts/stay_schmeets", "cohort,motief,verblijf,value\n1999-2005,Totaal,<5,-36\n2006-2010,Totaal,<5,47\n",
             "SYNTHETIC TEST FIXTURE");
    assert_int_equal(fh_measure(fh, co, "cohorts.stay_by_motive{motive='Totaal', cohort='2006-2010', stay='<5'}", &v),
                     WRRFIG_OK);
    assert_double_near(v, 47, 0);
    assert_int_equal(fh_measure(fh, co, "cohorts.stay_by_motive{motive='Totaal', cohort='1999-2005', stay='<5'}", &v),
                     WRRFIG_ERROR);
    assert_true(tu_contains(fh_message(fh), "cohorts/stay_schmeets: data row 1 (cohort=1999-2005, motief=Totaal, "
                                            "verblijf=<5), column value: -36 is negative"));
    fh_free(fh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hhi_refuses_negative_residents),
        cmocka_unit_test(test_cohorts_refuses_negative_counts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
