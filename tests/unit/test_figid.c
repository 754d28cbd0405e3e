/* figid_parse: the report's figure-id grammar shared by the registry, the
 * claim registry and the site. */
#include "testutil.h"

#include "util/figid.h"

static void test_forms(void **state)
{
    (void)state;
    int c = -1, n = -1;
    const char *v = "unset";
    assert_true(figid_parse("fig-2-14", &c, &n, &v));
    assert_int_equal(c, 2);
    assert_int_equal(n, 14);
    assert_null(v);
    assert_true(figid_parse("tab-2-1", &c, &n, NULL));
    assert_int_equal(n, 1);
    assert_true(figid_parse("kader-4-5", &c, &n, NULL));
    assert_int_equal(c, 4);
    assert_true(figid_parse("fig-2-15-2017", &c, &n, &v));
    assert_int_equal(n, 15);
    assert_string_equal(v, "2017");
    /* a variant only where the caller accepts one */
    assert_false(figid_parse("fig-2-15-2017", &c, &n, NULL));
    c = n = -1;
    const char *bad[] = {"fig-2", "fig-2-", "fig--2", "fig-a-1", "fig-2-1x", "fig-2-1-", "figure-2-1", "tab-1-2-",
                         "kader-1234567-1", "", "fig-2-14 "};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (figid_parse(bad[i], &c, &n, &v))
            fail_msg("accepted \"%s\"", bad[i]);
    assert_int_equal(c, -1); /* outputs untouched on failure */
    assert_int_equal(n, -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
