/* The tolerance policy (docs/claims.md): each hedge of the report's Dutch
 * gives one operator, tolerance and window; a claim that states a reason
 * keeps its own; the reader refuses a file that disagrees with the policy. */
#include "testutil.h"

#include "claims/eval.h"
#include "claims/policy.h"
#include "claims/read.h"

static claim_policy pol(const char *quote, double value, const char *unit)
{
    claim c;
    memset(&c, 0, sizeof c);
    c.quote_nl = (char *)quote;
    c.value = value;
    c.unit = (char *)unit;
    claim_policy p;
    claims_policy_of(&c, &p);
    if (!p.found)
        fail_msg("policy found no %g in: %s", value, quote);
    return p;
}

static void test_hedges(void **state)
{
    (void)state;
    claim_policy p = pol("met 36 procent", 36, "percent");
    assert_int_equal(p.op, CLAIM_OP_EQ);
    assert_double_near(p.tolerance, 0.5, 1e-12);
    p = pol("Tabel: 15,5 procent", 15.5, "percent");
    assert_double_near(p.tolerance, 0.05, 1e-12);
    p = pol("een record van 154.200 emigranten", 154200, "persons");
    assert_double_near(p.tolerance, 50, 1e-9);
    p = pol("dus ongeveer vijftien asielzoekers", 15, "ratio");
    assert_int_equal(p.op, CLAIM_OP_APPROX);
    assert_double_near(p.tolerance, 0.75, 1e-12); /* 5 % */
    assert_string_equal(p.hedge, "ongeveer");
    p = pol("circa 100.000 totoks", 100000, "persons");
    assert_double_near(p.tolerance, 5000, 1e-9); /* trailing zeros do not widen it */
    p = pol("zo\xE2\x80\x99n 3,2 miljoen", 3.2e6, "persons");
    assert_double_near(p.tolerance, 160000, 1e-6);
    p = pol("tot ongeveer 2040 voortdurende vergrijzing", 2040, "year");
    assert_double_near(p.tolerance, 2, 0);
    p = pol("ongeveer de helft", 50, "percent");
    assert_double_near(p.tolerance, 2.5, 1e-12);
    p = pol("een derde van de inwoners", 33.3, "percent");
    assert_int_equal(p.op, CLAIM_OP_APPROX);
    assert_double_near(p.tolerance, 2.5, 1e-12);
    p = pol("bijna 35 procent", 35, "percent");
    assert_int_equal(p.op, CLAIM_OP_LT);
    assert_double_near(p.tolerance, 0, 0);
    assert_double_near(p.window, 3.5, 1e-12);
    p = pol("ruim 60 procent", 60, "percent");
    assert_int_equal(p.op, CLAIM_OP_GT);
    assert_double_near(p.window, 6, 1e-12);
    p = pol("meer dan 150.000 migranten", 150000, "persons");
    assert_int_equal(p.op, CLAIM_OP_GT);
    assert_double_near(p.window, 0, 0);
    p = pol("minder dan de helft", 50, "percent");
    assert_int_equal(p.op, CLAIM_OP_LT);
    p = pol("niet minder dan 223 landen", 223, "count");
    assert_int_equal(p.op, CLAIM_OP_GE);
    p = pol("blijven zes jaar of langer", 6, "years");
    assert_int_equal(p.op, CLAIM_OP_GE);
    p = pol("minimaal 21 jaar oud", 21, "years");
    assert_int_equal(p.op, CLAIM_OP_GE);
    p = pol("was verviervoudigd", 4, "ratio");
    assert_int_equal(p.op, CLAIM_OP_APPROX);
    assert_double_near(p.tolerance, 0.4, 1e-12);
    /* A derived value the quote does not state: no policy. */
    claim c;
    memset(&c, 0, sizeof c);
    c.quote_nl = (char *)"de nettomigratie was zelfs negatief";
    c.value = 0;
    c.unit = (char *)"persons";
    claims_policy_of(&c, &p);
    assert_false(p.found);
}

/* The window makes "bijna" and "ruim" two-sided. */
static void test_window(void **state)
{
    (void)state;
    claim c;
    memset(&c, 0, sizeof c);
    c.op = CLAIM_OP_LT;
    c.value = 35;
    c.window = 3.5;
    assert_true(claims_compare_claim(&c, 34.9));
    assert_true(claims_compare_claim(&c, 31.5));
    assert_false(claims_compare_claim(&c, 30.9)); /* n1-002: Tabel 2.1 has 30,9 */
    assert_false(claims_compare_claim(&c, 35));
    c.op = CLAIM_OP_GT;
    c.value = 60;
    c.window = 6;
    assert_true(claims_compare_claim(&c, 60.2));
    assert_false(claims_compare_claim(&c, 66.5));
    assert_false(claims_compare_claim(&c, 60));
}

static size_t parse(const char *json, claim_set *set, wf_errors *e)
{
    claims_parse(json, strlen(json), "ch1.json", 1, set, e);
    return e->n;
}

static void test_reader_applies_policy(void **state)
{
    (void)state;
    const char *agree = "[{\"id\": \"a\", \"line\": 1, \"figure\": null, \"quote_nl\": \"bijna 35 procent\", \"en\": \"e\","
                        " \"op\": \"<\", \"value\": 35, \"unit\": \"percent\", \"tolerance\": 0, \"measure\": null}]";
    claim_set set = {0};
    wf_errors e = {0};
    assert_int_equal(parse(agree, &set, &e), 0);
    assert_double_near(set.v[0].window, 3.5, 1e-12);
    assert_contains(set.v[0].tolerance_rule, "policy: 'bijna 35'");
    claim_set_free(&set);
    const char *differ = "[{\"id\": \"a\", \"line\": 1, \"figure\": null, \"quote_nl\": \"bijna 35 procent\", \"en\": \"e\","
                         " \"op\": \"~\", \"value\": 35, \"unit\": \"percent\", \"tolerance\": 2.5, \"measure\": null}]";
    assert_int_equal(parse(differ, &set, &e), 1);
    assert_contains(e.v[0].msg, "ch1.json: $[0].tolerance: op ~, tolerance 2.5 differ from the tolerance policy's op <");
    wf_errors_free(&e);
    claim_set_free(&set);
    const char *reason = "[{\"id\": \"a\", \"line\": 1, \"figure\": null, \"quote_nl\": \"bijna 35 procent\", \"en\": \"e\","
                         " \"op\": \"~\", \"value\": 35, \"unit\": \"percent\", \"tolerance\": 2.5,"
                         " \"tolerance_reason\": \"why not\", \"measure\": null}]";
    assert_int_equal(parse(reason, &set, &e), 0);
    assert_int_equal(set.v[0].op, CLAIM_OP_APPROX);
    assert_double_near(set.v[0].tolerance, 2.5, 0);
    assert_string_equal(set.v[0].tolerance_rule, "the registry's: why not");
    claim_set_free(&set);
    wf_errors_free(&e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hedges),
        cmocka_unit_test(test_window),
        cmocka_unit_test(test_reader_applies_policy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
