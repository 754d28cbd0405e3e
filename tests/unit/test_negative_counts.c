/* Counts are never negative (issue 14): the hhi plugin, which weighs
 * regions by their residents, refuses a negative count with the table, the
 * row and the column, as the immigration plugin does
 * (test_immigration_measures). SYNTHETIC tables through the fake host. */
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hhi_refuses_negative_residents),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
