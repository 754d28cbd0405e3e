/* numfmt_fixed must print exactly what printf("%.*f") prints, and
 * sb_number's one-printf fast path exactly what its 1..17-digit search
 * prints; both are compared here with those oracles over fixed pseudo-random
 * sequences (about 300,000 comparisons per run, kept small for valgrind;
 * WF_NUMFMT_ROUNDS=N multiplies them) and at the edges: ties, signs, zero,
 * powers of ten, 2^53. */
#include "testutil.h"

#include <float.h>

#include "util/numfmt.h"
#include "util/strbuf.h"

static int rounds(void)
{
    const char *r = getenv("WF_NUMFMT_ROUNDS");
    int n = r ? atoi(r) : 1;
    return n > 0 ? n : 1;
}

/* xorshift64*: a fixed sequence, so a failure names a reproducible value. */
static uint64_t next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ULL;
}

static void check_fixed(double v, int prec)
{
    char want[512], got[NUMFMT_FIXED_MAX];
    snprintf(want, sizeof want, "%.*f", prec, v);
    int n = numfmt_fixed(got, sizeof got, v, prec);
    if (!isfinite(v) || fabs(v) >= 9007199254740992.0) {
        assert_int_equal(n, -1);
        return;
    }
    if (n < 0 || strcmp(got, want) != 0 || (size_t)n != strlen(want))
        fail_msg("%%.%df of %a (%.17g): got %s (%d), printf %s", prec, v, v, n < 0 ? "-1" : got, n, want);
}

static void fixed_all_precisions(double v)
{
    for (int p = 0; p <= 12; p++) {
        check_fixed(v, p);
        check_fixed(-v, p);
    }
}

static void test_fixed_edges(void **state)
{
    (void)state;
    /* exact ties round to even, as printf does */
    const double ties[] = {0.5, 1.5, 2.5, 0.125, 0.375, 0.0625, 1e6 + 0.25, 2.675, 1.0 / 1024, 3.0 / 2048};
    for (size_t i = 0; i < sizeof ties / sizeof *ties; i++)
        fixed_all_precisions(ties[i]);
    const double edges[] = {0.0, 1.0, 0.05, 0.95, 9.95, 99.95, 0.04999999999999999, 123456.75, 251378.3,
                            596179.6, 1e-300, 5e-324, DBL_MIN, 0.1, 1e15, 1e15 + 0.5, 4503599627370495.5,
                            9007199254740991.0, 9007199254740990.0, 999999999999.9995, 0.0000000000005};
    for (size_t i = 0; i < sizeof edges / sizeof *edges; i++)
        fixed_all_precisions(edges[i]);
    char buf[NUMFMT_FIXED_MAX];
    /* declined: printf decides */
    assert_int_equal(numfmt_fixed(buf, sizeof buf, 9007199254740992.0, 1), -1);
    assert_int_equal(numfmt_fixed(buf, sizeof buf, INFINITY, 1), -1);
    assert_int_equal(numfmt_fixed(buf, sizeof buf, NAN, 1), -1);
    assert_int_equal(numfmt_fixed(buf, sizeof buf, 1.0, 13), -1);
    assert_int_equal(numfmt_fixed(buf, sizeof buf, 1.0, -1), -1);
    assert_int_equal(numfmt_fixed(buf, 8, 1.0, 1), -1);
    /* what the map writes */
    assert_int_equal(numfmt_fixed(buf, sizeof buf, 251378.3, 1), 8);
    assert_string_equal(buf, "251378.3");
    assert_int_equal(numfmt_fixed(buf, sizeof buf, -0.0, 1), 4);
    assert_string_equal(buf, "-0.0");
}

static void test_fixed_random(void **state)
{
    (void)state;
    uint64_t s = 0x9e3779b97f4a7c15ULL;
    for (int i = 0; i < 2000 * rounds(); i++) {
        uint64_t bits = next(&s);
        double v;
        memcpy(&v, &bits, sizeof v);
        check_fixed(v, (int)(bits % 13)); /* any bit pattern: most are declined or tiny */
        /* coordinates and shares: a scale from 1e-13 to 1e15 */
        double u = (double)(next(&s) >> 11) / 9007199254740992.0;
        double w = u * pow(10.0, (double)((int)(next(&s) % 29) - 13));
        fixed_all_precisions(w);
        /* decimals with one to four places, as read from data, and sums of them */
        double d = (double)(next(&s) % 20000000) / pow(10.0, (double)(next(&s) % 5));
        fixed_all_precisions(d);
        fixed_all_precisions(d + 0.1);
        fixed_all_precisions(d / 3.0);
    }
}

/* sb_number as it was before the fast path: the first precision within
 * 4e-15 (relative) of v; integers through sb_double. */
static void number_reference(double v, char *out, size_t n)
{
    if (isnan(v) || isinf(v) || v == floor(v) || fabs(v) < DBL_MIN) {
        strbuf b = STRBUF_INIT;
        sb_double(&b, v);
        snprintf(out, n, "%s", b.s);
        sb_free(&b);
        return;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(out, n, "%.*g", prec, v);
        if (fabs(strtod(out, NULL) - v) <= 4e-15 * fabs(v))
            break;
    }
}

static void check_number(double v)
{
    char want[64];
    number_reference(v, want, sizeof want);
    strbuf b = STRBUF_INIT;
    sb_number(&b, v);
    if (strcmp(b.s, want) != 0)
        fail_msg("sb_number(%a = %.17g): got %s, the search gives %s", v, v, b.s, want);
    sb_free(&b);
}

static void test_number_edges(void **state)
{
    (void)state;
    const double v[] = {
        41.900000000000006, 100.30000000000001, 0.0586, 1 - 0.9414, 33.1 + 8.8, 0.1, 1.0 / 3, 2.0 / 3,
        1e14 + 0.001,         /* %.15g shows no '.': "100000000000000", the search says 1e+14 */
        1.0000000000000045,   /* %.15g shows "1", 4.5e-15 away: the search goes on */
        1.0000000000000036,   /* within 4e-15 of 1 */
        9.9999999999999982,   /* rounds up to 10 at 15 digits */
        0.00012345, 1.2345e-5, 1.5e20 + 65536, 1.25e-300, 123456789012.5, 1234567890123.45,
        12345678901234.5, 0.30000000000000004, 5e-324, DBL_MIN, DBL_MAX, -0.0, 7.0,
    };
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        check_number(v[i]);
        check_number(-v[i]);
    }
}

static void test_number_random(void **state)
{
    (void)state;
    uint64_t s = 7;
    for (int i = 0; i < 15000 * rounds(); i++) {
        uint64_t bits = next(&s);
        double v;
        memcpy(&v, &bits, sizeof v);
        check_number(v);
        double d = (double)(next(&s) % 200000000) / pow(10.0, (double)(next(&s) % 9));
        check_number(d);
        check_number(d * 0.1 + 0.2);
        check_number(d / 7.0);
        check_number(d * 1e-10);
        check_number(d * 1e12 + 0.5);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixed_edges),
        cmocka_unit_test(test_fixed_random),
        cmocka_unit_test(test_number_edges),
        cmocka_unit_test(test_number_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
