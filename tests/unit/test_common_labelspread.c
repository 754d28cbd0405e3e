/* plugins/common/labelspread.c: end-of-line labels moved apart. */
#include "testutil.h"

#include "common/labelspread.h"

static void test_far_apart_stay(void **state)
{
    (void)state;
    double p[] = {70.1, 56.5, 63.5};
    assert_int_equal(wfc_spread(p, 3, 2.0, 40, 80), 0);
    assert_double_near(p[0], 70.1, 1e-12);
    assert_double_near(p[1], 56.5, 1e-12);
    assert_double_near(p[2], 63.5, 1e-12);
}

/* fig-3-6's 2019 values: Turkish 63.5 and Antillean 64.4 are 0.9 apart. */
static void test_close_ones_move_apart_in_order(void **state)
{
    (void)state;
    double p[] = {70.1, 63.5, 56.5, 67.6, 64.4, 72.3};
    assert_int_equal(wfc_spread(p, 6, 1.8, 40, 80), 0);
    double sorted_in[] = {56.5, 63.5, 64.4, 67.6, 70.1, 72.3};
    int order[] = {2, 1, 4, 3, 0, 5};
    for (int i = 1; i < 6; i++)
        assert_true(p[order[i]] - p[order[i - 1]] >= 1.8 - 1e-9);
    /* the pair moves symmetrically about its mean (63.95) */
    assert_double_near(p[1], 63.05, 1e-9);
    assert_double_near(p[4], 64.85, 1e-9);
    /* nobody moves further than the gap */
    for (int i = 0; i < 6; i++)
        assert_true(fabs(p[order[i]] - sorted_in[i]) <= 1.8);
}

static void test_cascade_and_bounds(void **state)
{
    (void)state;
    double p[] = {79.9, 79.8, 79.7};
    assert_int_equal(wfc_spread(p, 3, 1.0, 40, 80), 0);
    assert_double_near(p[0], 80, 1e-9);
    assert_double_near(p[1], 79, 1e-9);
    assert_double_near(p[2], 78, 1e-9);
    double q[] = {1, 1, 1, 1};
    assert_int_equal(wfc_spread(q, 4, 1.0, 0, 10), 0);
    assert_double_near(q[0], 0, 1e-9); /* -0.5 .. 2.5 shifted up to 0 .. 3 */
    assert_double_near(q[3], 3, 1e-9);
    assert_int_equal(wfc_spread(q, 4, 0, 0, 10), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_far_apart_stay),
        cmocka_unit_test(test_close_ones_move_apart_in_order),
        cmocka_unit_test(test_cascade_and_bounds),
    };
    return cmocka_run_group_tests_name("common labelspread", tests, NULL, NULL);
}
