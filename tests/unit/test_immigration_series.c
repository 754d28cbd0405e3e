/* Pure helpers of the immigration plugin, compiled into the test from the
 * plugin's source: the least-squares fit, CBS period codes and the title
 * templates. */
#include "testutil.h"

#include "../../plugins/immigration/imm_series.c"

static void test_least_squares_hand_worked(void **state)
{
    (void)state;
    /* x 2000..2002, y 10000, 20000, 60000: slope 25000, intercept at 2001 30000 */
    const double x[] = {2000, 2001, 2002}, y[] = {10000, 20000, 60000};
    double a = 0, b = 0;
    assert_int_equal(imm_least_squares(x, y, 3, &a, &b), 0);
    assert_double_near(b, 25000, 1e-9);
    assert_double_near(a + b * 2001, 30000, 1e-6);
    assert_double_near(a + b * 2000, 5000, 1e-6);
    /* a perfect line is returned exactly; degenerate inputs are refused */
    const double yl[] = {7, 9, 11};
    assert_int_equal(imm_least_squares(x, yl, 3, &a, &b), 0);
    assert_double_near(b, 2, 1e-12);
    const double same[] = {2000, 2000};
    assert_int_equal(imm_least_squares(same, y, 2, &a, &b), -1);
    assert_int_equal(imm_least_squares(x, y, 1, &a, &b), -1);
}

static void test_year_codes_and_titles(void **state)
{
    (void)state;
    char buf[64];
    imm_fill_years("Migratie, {from}-{to}, x 1000", 1950, 2018, buf, sizeof buf);
    assert_string_equal(buf, "Migratie, 1950-2018, x 1000");
    imm_fill_years("1 januari {year}", 0, 2017, buf, sizeof buf);
    assert_string_equal(buf, "1 januari 2017");
    imm_fill_years("{from}{from}{from}{from}", 1950, 1, buf, 10);
    assert_string_equal(buf, "195019501"); /* truncated, terminated */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_least_squares_hand_worked),
        cmocka_unit_test(test_year_codes_and_titles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
