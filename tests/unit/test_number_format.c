/* sb_double writes the shortest decimal that reads back to the same double.
 * The fast path (15, then 16, then 17 digits) is compared here with the
 * exhaustive search it replaced (1..17 digits) over many doubles. */
#include "testutil.h"

#include <float.h>

#include "util/strbuf.h"

static void reference(double v, char *out, size_t n)
{
    if (v == floor(v) && fabs(v) < 1e15) {
        snprintf(out, n, "%.0f", v);
        if (!strcmp(out, "-0"))
            strcpy(out, "0");
        return;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(out, n, "%.*g", prec, v);
        if (strtod(out, NULL) == v)
            break;
    }
}

/* xorshift64*: a fixed sequence, so a failure names a reproducible value. */
static uint64_t next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ULL;
}

static void check(double v)
{
    if (isnan(v) || isinf(v))
        return;
    char want[64];
    reference(v, want, sizeof want);
    strbuf b = STRBUF_INIT;
    sb_double(&b, v);
    if (strcmp(b.s, want))
        fail_msg("%.17g: got %s, shortest is %s", v, b.s, want);
    assert_true(strtod(b.s, NULL) == v);
    sb_free(&b);
}

static void test_random_bit_patterns(void **state)
{
    (void)state;
    uint64_t s = 0x9e3779b97f4a7c15ULL;
    for (int i = 0; i < 20000; i++) {
        uint64_t bits = next(&s);
        double v;
        memcpy(&v, &bits, sizeof v);
        check(v);
    }
}

/* Values like those in the tables: shares and sums with float noise. */
static void test_decimal_like_values(void **state)
{
    (void)state;
    uint64_t s = 42;
    for (int i = 0; i < 20000; i++) {
        double v = (double)(next(&s) % 2000000) / 10.0 - 100000.0;
        check(v);
        check(v / 3.0);
        check(v * 0.1 + 0.2);
    }
    check(100.30000000000001);
    check(41.900000000000006);
    check(0.1);
    check(-0.0);
    check(DBL_MIN);
    check(DBL_MAX);
    check(5e-324);
    check(DBL_MIN / 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_bit_patterns),
        cmocka_unit_test(test_decimal_like_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
