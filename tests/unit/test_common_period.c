/* plugins/common/period.c: the one CBS period parser. */
#include "testutil.h"

#include "common/period.h"

static void test_years(void **state)
{
    (void)state;
    int y = 0;
    assert_true(wfc_period_year("2016JJ00", &y));
    assert_int_equal(y, 2016);
    assert_true(wfc_period_year("  1950JJ00 ", &y));
    assert_int_equal(y, 1950);
    assert_true(wfc_period_year("2019", &y));
    assert_int_equal(y, 2019);
}

/* The bug two of the four old parsers had: a quarter read as its year. */
static void test_quarter_is_not_a_year(void **state)
{
    (void)state;
    int y = -1;
    assert_false(wfc_period_year("2016KW01", &y));
    assert_int_equal(y, -1);
    wfc_period p;
    assert_int_equal(wfc_period_parse("2016KW01", &p), WFC_PERIOD_QUARTER);
    assert_int_equal(p.year, 2016);
    assert_int_equal(p.sub, 1);
    assert_int_equal(wfc_period_parse("2016MM12", &p), WFC_PERIOD_MONTH);
    assert_int_equal(p.sub, 12);
    assert_int_equal(wfc_period_parse("2010G900", &p), WFC_PERIOD_OTHER);
}

static void test_invalid(void **state)
{
    (void)state;
    const char *bad[] = {"", "201", "20166", "2016JJ01", "2016KW05", "2016KW00", "2016MM13", "x016JJ00",
                         "2016jj00", "2016JJ0x", NULL};
    for (int i = 0; bad[i]; i++)
        assert_int_equal(wfc_period_parse(bad[i], NULL), WFC_PERIOD_INVALID);
    assert_int_equal(wfc_period_parse(NULL, NULL), WFC_PERIOD_INVALID);
}

/* wfc_period_year_or: the form the plugins' loops use (it replaced
 * imm_year_of, org_year_of, cohorts_year_of and lab_year_of, two of which
 * read a quarter as its year). */
static void test_year_or(void **state)
{
    (void)state;
    assert_int_equal(wfc_period_year_or("2019JJ00", 0), 2019);
    assert_int_equal(wfc_period_year_or("1997", 0), 1997);
    assert_int_equal(wfc_period_year_or("2016KW01", -1), -1);
    assert_int_equal(wfc_period_year_or("2016MM03", 0), 0);
    assert_int_equal(wfc_period_year_or("1999-2005", -1), -1);
    assert_int_equal(wfc_period_year_or("GM0363", 0), 0);
    assert_int_equal(wfc_period_year_or(NULL, 7), 7);
}

/* Period templates: {from}/{to} filled, {{ }} literal braces, {year} kept
 * for the plugin, anything else refused with what was wrong. */
static void test_template(void **state)
{
    (void)state;
    char out[128], what[160];
    assert_int_equal(wfc_period_template("Migratie naar Nederland, {from}-{to}, x 1000", true, 1950, 2021, out,
                                         sizeof out, what, sizeof what), 0);
    assert_string_equal(out, "Migratie naar Nederland, 1950-2021, x 1000");
    assert_int_equal(wfc_period_template("Emigration per 1000 inhabitants, {from}-{to}*", true, 1950, 2018, out,
                                         sizeof out, what, sizeof what), 0);
    assert_string_equal(out, "Emigration per 1000 inhabitants, 1950-2018*");
    /* literal braces, and {year} left for the plugin */
    assert_int_equal(wfc_period_template("{{from}} is {from}; set {{a}}; 1 January {year}", true, 2003, 2019, out,
                                         sizeof out, what, sizeof what), 0);
    assert_string_equal(out, "{from} is 2003; set {a}; 1 January {year}");
    assert_int_equal(wfc_period_template("no placeholder", false, 0, 0, out, sizeof out, what, sizeof what), 0);
    assert_string_equal(out, "no placeholder");
    assert_int_equal(wfc_period_template("", true, 1, 2, out, sizeof out, what, sizeof what), 0);
    assert_string_equal(out, "");
}

static void test_template_refused(void **state)
{
    (void)state;
    char out[64], what[160];
    assert_int_equal(wfc_period_template("1950-{form}", true, 1950, 2018, out, sizeof out, what, sizeof what), -1);
    assert_non_null(strstr(what, "unknown placeholder '{form}'"));
    assert_int_equal(wfc_period_template("classes {a} to {b}", true, 1, 2, out, sizeof out, what, sizeof what), -1);
    assert_non_null(strstr(what, "'{a}'"));
    assert_int_equal(wfc_period_template("open { brace", true, 1, 2, out, sizeof out, what, sizeof what), -1);
    assert_non_null(strstr(what, "lone '{'"));
    assert_int_equal(wfc_period_template("close } brace", true, 1, 2, out, sizeof out, what, sizeof what), -1);
    assert_non_null(strstr(what, "lone '}'"));
    /* {from} in a spec without a period: nothing to fill it with */
    assert_int_equal(wfc_period_template("since {from}", false, 0, 0, out, sizeof out, what, sizeof what), -1);
    assert_non_null(strstr(what, "no \"period\""));
    /* too long for the buffer: refused, never cut */
    char small[8];
    assert_int_equal(wfc_period_template("{from}-{to}", true, 1950, 2021, small, sizeof small, what, sizeof what), -1);
    assert_int_equal(wfc_period_template("{from}-{to}", true, 1950, 2021, out, sizeof out, NULL, 0), 0);
    assert_string_equal(out, "1950-2021");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_template),
        cmocka_unit_test(test_template_refused),
        cmocka_unit_test(test_year_or),
        cmocka_unit_test(test_years),
        cmocka_unit_test(test_quarter_is_not_a_year),
        cmocka_unit_test(test_invalid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
