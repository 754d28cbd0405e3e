/* sb_number, the number format of figure outputs (CSV, .gp): arithmetic
 * noise goes, values as read from data stay exactly as written. */
#include "testutil.h"

#include "util/strbuf.h"

static char *fmt(double v)
{
    strbuf b = STRBUF_INIT;
    sb_number(&b, v);
    return sb_take(&b);
}

static void check(double v, const char *want)
{
    char *s = fmt(v);
    assert_string_equal(s, want);
    free(s);
}

static void test_noise_goes(void **state)
{
    (void)state;
    check(33.1 + 8.8, "41.9");         /* 41.900000000000006 with sb_double */
    check(0.1 + 0.2, "0.3");
    check(100.0 - 99.7 + 100.0, "100.3"); /* 100.30000000000001 */
    check(0.8 / 2.0 * 0.92, "0.368");   /* fig-3-7's boxwidth 0.36800000000000005 */
    check(1 - 0.7628, "0.2372");
}

static void test_data_values_exact(void **state)
{
    (void)state;
    check(41.9, "41.9");
    check(269064, "269064");
    check(-0.0, "0");
    check(1e-7, "1e-07");
    check(1234.5678901234, "1234.5678901234"); /* 14 digits: kept */
    check(1 - 0.9414, "0.0586");               /* fig-2-14: 0.0586000000000001 at 15 digits */
    /* Every value with up to 14 significant digits prints as itself. */
    char want[40];
    uint64_t s = 88172645463325252ULL;
    for (int i = 0; i < 20000; i++) {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        long long m = (long long)(s % 100000000000000ULL);
        int e = (int)(s >> 58) % 12;
        snprintf(want, sizeof want, "%.14g", (double)m / pow(10, e));
        double v = strtod(want, NULL);
        char *got = fmt(v);
        if (strcmp(got, want) != 0 && strtod(got, NULL) != v)
            fail_msg("%s printed as %s", want, got);
        free(got);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_noise_goes),
        cmocka_unit_test(test_data_values_exact),
    };
    return cmocka_run_group_tests_name("output numbers", tests, NULL, NULL);
}
