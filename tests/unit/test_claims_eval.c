/* Deciding claims: each operator at its tolerance boundary, measure
 * expressions, the each_year quantifier and expectation handling. Measure
 * references are answered by a fake evaluator, so no plugin is involved. */
#include "testutil.h"

#include "claims/eval.h"
#include "claims/read.h"
#include "util/strbuf.h"

static void test_equal_and_approx_boundaries(void **state)
{
    (void)state;
    for (int op = CLAIM_OP_EQ; op <= CLAIM_OP_APPROX; op++) {
        assert_true(claims_compare((claim_op)op, 10.0, 10.0, 0));
        assert_true(claims_compare((claim_op)op, 10.5, 10.0, 0.5));   /* on the bound */
        assert_true(claims_compare((claim_op)op, 9.5, 10.0, 0.5));
        assert_false(claims_compare((claim_op)op, 10.51, 10.0, 0.5)); /* just outside */
        assert_false(claims_compare((claim_op)op, 9.49, 10.0, 0.5));
        assert_false(claims_compare((claim_op)op, 10.000001, 10.0, 0));
    }
    /* Printed with the tolerance's precision: binary rounding must not fail it. */
    assert_true(claims_compare(CLAIM_OP_EQ, 15.55, 15.5, 0.05));
    assert_true(claims_compare(CLAIM_OP_EQ, 15.5 + 20.5 + 64.0, 100, 0.15));
    assert_false(claims_compare(CLAIM_OP_EQ, 23.3 + 18.6 + 58.4, 100, 0.15));
    assert_false(claims_compare(CLAIM_OP_EQ, NAN, 1, 100));
}

static void test_greater_boundaries(void **state)
{
    (void)state;
    /* > : actual > value - tol (strict) */
    assert_false(claims_compare(CLAIM_OP_GT, 150000, 150000, 0));
    assert_true(claims_compare(CLAIM_OP_GT, 150001, 150000, 0));
    assert_false(claims_compare(CLAIM_OP_GT, 32.8, 33.3, 0.5));   /* equals value - tol */
    assert_true(claims_compare(CLAIM_OP_GT, 32.81, 33.3, 0.5));
    /* >= : actual >= value - tol */
    assert_true(claims_compare(CLAIM_OP_GE, 50, 50, 0));
    assert_false(claims_compare(CLAIM_OP_GE, 49.99, 50, 0));
    assert_true(claims_compare(CLAIM_OP_GE, 47.5, 50, 2.5));
    assert_false(claims_compare(CLAIM_OP_GE, 47.49, 50, 2.5));
}

static void test_less_boundaries(void **state)
{
    (void)state;
    /* < : actual < value + tol (strict) */
    assert_false(claims_compare(CLAIM_OP_LT, 0, 0, 0));
    assert_true(claims_compare(CLAIM_OP_LT, -1, 0, 0));
    assert_false(claims_compare(CLAIM_OP_LT, 20.5, 20, 0.5));     /* equals value + tol */
    assert_true(claims_compare(CLAIM_OP_LT, 20.49, 20, 0.5));
    /* <= : actual <= value + tol */
    assert_true(claims_compare(CLAIM_OP_LE, 57, 57, 0));
    assert_false(claims_compare(CLAIM_OP_LE, 57.01, 57, 0));
    assert_true(claims_compare(CLAIM_OP_LE, 3, 2, 1));
    assert_false(claims_compare(CLAIM_OP_LE, 3.01, 2, 1));
}

/* Fake measures: "f.v{x=N}" is N; "f.nodata", "f.unbound", "f.error" give
 * those statuses; "f.year{y=Y}" is 100 + (Y - 2000) except 2003, which is 90. */
static int calls;

static void fake(void *user, const char *ref, expr_value *out)
{
    (void)user;
    calls++;
    double x;
    if (sscanf(ref, "f.v{x=%lf}", &x) == 1) {
        out->value = x;
        cites_add(&out->inputs, "t/v", "src", "abc");
    } else if (sscanf(ref, "f.year{y=%lf}", &x) == 1) {
        out->value = x == 2003 ? 90 : 100 + (x - 2000);
        cites_add(&out->inputs, "t/years", "src", "def");
    } else if (!strncmp(ref, "f.nodata", 8)) {
        out->status = EVAL_NODATA;
        wf_errorf(&out->reason, "input 't/absent' is absent");
    } else if (!strncmp(ref, "f.unbound", 9)) {
        out->status = EVAL_UNBOUND;
        wf_errorf(&out->reason, "no plugin provides it");
    } else {
        out->status = EVAL_ERROR;
        wf_errorf(&out->reason, "crashed");
    }
}

static expr_value eval(const char *e, int year)
{
    expr_value v;
    claims_expr_eval(e, year, fake, NULL, &v);
    return v;
}

static void test_expression_arithmetic(void **state)
{
    (void)state;
    assert_double_near(eval("f.v{x=2} + f.v{x=3} * f.v{x=4}", 0).value, 14, 1e-12);
    assert_double_near(eval("f.v{x=10} - f.v{x=4} - f.v{x=3}", 0).value, 3, 1e-12);
    assert_double_near(eval("f.v{x=30600} / f.v{x=2265}", 0).value, 30600.0 / 2265.0, 1e-12);
    assert_double_near(eval("100 - f.v{x=36}", 0).value, 64, 1e-12);
    assert_double_near(eval("-f.v{x=5} + 2 * 3", 0).value, 1, 1e-12);
    assert_double_near(eval("f.v{x=8} / 2 / 2", 0).value, 2, 1e-12);
    expr_value v = eval("f.v{x=1} / f.v{x=0}", 0);
    assert_int_equal(v.status, EVAL_ERROR);
    assert_contains(v.reason.msg, "division by zero");
    /* Provenance joined once, even though "; " occurs inside each entry. */
    v = eval("f.v{x=1} + f.v{x=2} + f.year{y=2001}", 0);
    assert_int_equal(v.status, EVAL_OK);
    strbuf d = STRBUF_INIT;
    cites_describe(&v.inputs, &d);
    assert_string_equal(sb_cstr(&d), "t/v (src; sha256 abc); t/years (src; sha256 def)");
    sb_free(&d);
}

static void test_expression_worst_status(void **state)
{
    (void)state;
    expr_value v = eval("f.v{x=1} + f.nodata{}", 0);
    assert_int_equal(v.status, EVAL_NODATA);
    assert_contains(v.reason.msg, "t/absent");
    v = eval("f.nodata{} - f.unbound{}", 0);
    assert_int_equal(v.status, EVAL_UNBOUND);
    v = eval("f.unbound{} * f.error{}", 0);
    assert_int_equal(v.status, EVAL_ERROR);
    assert_string_equal(v.reason.msg, "crashed");
    v = eval("f.v{x=1} +", 0);
    assert_int_equal(v.status, EVAL_ERROR);
}

static void test_year_substitution_and_refs(void **state)
{
    (void)state;
    assert_double_near(eval("f.year{y=$year} - f.year{y=2000}", 2005).value, 5, 1e-12);
    assert_int_equal(claims_expr_check("f.year{y=$year}", 1, NULL), 0);
    assert_int_equal(claims_expr_check("f.year{y=$year}", 0, NULL), -1);
    assert_int_equal(claims_expr_check("a.b{s='x}y', t=\"{\"} / c.d", 0, NULL), 0);
    assert_int_equal(claims_expr_check("a.b{s='x}", 0, NULL), -1);
    assert_int_equal(claims_expr_refs("a.b{x=1} + c.d - 3", NULL, NULL), 2);
}

/* One claim parsed from JSON, for claims_check_one. */
static claim_set one(const char *op, const char *value, const char *tol, const char *measure, const char *extra)
{
    strbuf b = STRBUF_INIT;
    sb_printf(&b, "[{\"id\": \"t\", \"line\": 1, \"figure\": null, \"quote_nl\": \"q\", \"en\": \"e\", "
                  "\"op\": \"%s\", \"value\": %s, \"unit\": \"u\", \"tolerance\": %s, \"measure\": %s%s%s}]",
              op, value, tol, measure, extra ? ", " : "", extra ? extra : "");
    claim_set s = {0};
    wf_errors errs = {0};
    if (claims_parse(b.s, b.len, "t.json", 1, &s, &errs) != 0)
        fail_msg("fixture claim invalid: %s", errs.v[0].msg);
    sb_free(&b);
    wf_errors_free(&errs);
    return s;
}

static void test_each_year(void **state)
{
    (void)state;
    claim_result r;
    /* 100..102 in 2000-2002: all > 99.5; the closest year is 2000. */
    claim_set s = one(">", "99.5", "0", "\"f.year{y=$year}\"", "\"quantifier\": {\"each_year\": [2000, 2002]}");
    calls = 0;
    claims_check_one(&s.v[0], fake, NULL, 0, &r);
    assert_int_equal(calls, 3);
    assert_int_equal(r.status, CLAIM_PASS);
    assert_int_equal(r.observed_year, 2000);
    assert_double_near(r.observed, 100, 0);
    claim_set_free(&s);
    /* 2003 dips to 90: the claim fails there, and says so. */
    s = one(">", "99.5", "0", "\"f.year{y=$year}\"", "\"quantifier\": {\"each_year\": [2000, 2005]}");
    claims_check_one(&s.v[0], fake, NULL, 0, &r);
    assert_int_equal(r.status, CLAIM_FAIL);
    assert_int_equal(r.observed_year, 2003);
    assert_double_near(r.observed, 90, 0);
    assert_contains(r.reason.msg, "fails in 2003");
    assert_false(r.matches);
    claim_set_free(&s);
    /* "<" picks the largest value as the closest. */
    s = one("<", "110", "0", "\"f.year{y=$year}\"", "\"quantifier\": {\"each_year\": [2000, 2004]}");
    claims_check_one(&s.v[0], fake, NULL, 0, &r);
    assert_int_equal(r.status, CLAIM_PASS);
    assert_int_equal(r.observed_year, 2004);
    claim_set_free(&s);
    /* A year without data makes the claim NO-DATA, naming the year. */
    s = one(">", "0", "0", "\"f.year{y=$year} + f.nodata{y=$year}\"", "\"quantifier\": {\"each_year\": [2000, 2001]}");
    claims_check_one(&s.v[0], fake, NULL, 0, &r);
    assert_int_equal(r.status, CLAIM_NODATA);
    assert_contains(r.reason.msg, "2000: ");
    claim_set_free(&s);
}

static void test_single_claims(void **state)
{
    (void)state;
    claim_result r;
    claim_set s = one("~", "15", "0.5", "\"f.v{x=30600} / f.v{x=2265}\"", NULL);
    claims_check_one(&s.v[0], fake, NULL, 0, &r);
    assert_int_equal(r.status, CLAIM_FAIL);
    assert_double_near(r.observed, 13.5099, 1e-4);
    assert_false(r.matches);
    claim_set_free(&s);
    s = one("=", "1", "0", "null", NULL);
    claims_check_one(&s.v[0], fake, NULL, 0, &r);
    assert_int_equal(r.status, CLAIM_UNBOUND);
    assert_true(r.matches);           /* undecided is not a mismatch ... */
    claims_check_one(&s.v[0], fake, NULL, 1, &r);
    assert_false(r.matches);          /* ... unless strict */
    claim_set_free(&s);
    s = one("=", "1", "0", "\"f.error{}\"", "\"expect\": \"fail\", \"expect_reason\": \"r\"");
    claims_check_one(&s.v[0], fake, NULL, 0, &r);
    assert_int_equal(r.status, CLAIM_ERROR);
    assert_false(r.matches);
    claim_set_free(&s);
}

static claim with_expect(int has, claim_status e)
{
    claim c;
    memset(&c, 0, sizeof c);
    c.has_expect = has;
    c.expect = e;
    return c;
}

static void test_expectation_table(void **state)
{
    (void)state;
    claim plain = with_expect(0, CLAIM_PASS), xfail = with_expect(1, CLAIM_FAIL);
    claim xnodata = with_expect(1, CLAIM_NODATA), xunbound = with_expect(1, CLAIM_UNBOUND);
    assert_true(claims_matches(&plain, CLAIM_PASS, 0));
    assert_false(claims_matches(&plain, CLAIM_FAIL, 0));
    assert_true(claims_matches(&plain, CLAIM_NODATA, 0));
    assert_false(claims_matches(&plain, CLAIM_NODATA, 1));
    assert_true(claims_matches(&plain, CLAIM_UNBOUND, 0));
    assert_false(claims_matches(&plain, CLAIM_UNBOUND, 1));
    assert_false(claims_matches(&plain, CLAIM_ERROR, 0));
    assert_true(claims_matches(&xfail, CLAIM_FAIL, 1));
    assert_false(claims_matches(&xfail, CLAIM_PASS, 0)); /* a fixed report (or data) is noticed */
    assert_true(claims_matches(&xfail, CLAIM_NODATA, 0));
    assert_false(claims_matches(&xfail, CLAIM_NODATA, 1));
    assert_true(claims_matches(&xnodata, CLAIM_NODATA, 1));
    assert_false(claims_matches(&xnodata, CLAIM_UNBOUND, 0));
    assert_false(claims_matches(&xnodata, CLAIM_PASS, 0)); /* data arrived: noticed */
    assert_true(claims_matches(&xunbound, CLAIM_UNBOUND, 1));
    assert_false(claims_matches(&xunbound, CLAIM_NODATA, 0));
    assert_false(claims_matches(&xunbound, CLAIM_ERROR, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_equal_and_approx_boundaries),
        cmocka_unit_test(test_greater_boundaries),
        cmocka_unit_test(test_less_boundaries),
        cmocka_unit_test(test_expression_arithmetic),
        cmocka_unit_test(test_expression_worst_status),
        cmocka_unit_test(test_year_substitution_and_refs),
        cmocka_unit_test(test_each_year),
        cmocka_unit_test(test_single_claims),
        cmocka_unit_test(test_expectation_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
