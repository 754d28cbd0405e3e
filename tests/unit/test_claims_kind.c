/* What a verdict rests on: the tables a result cites, and the
 * kind (third-party data or the report itself) derived from them. */
#include "testutil.h"

#include "claims/explain.h"
#include "claims/kind.h"

typedef struct seen {
    char names[8][64], sources[8][256], shas[8][32];
    size_t n;
} seen;

static void collect(void *user, const claims_input *in)
{
    seen *s = user;
    if (s->n >= 8)
        return;
    snprintf(s->names[s->n], 64, "%.*s", (int)in->name_len, in->name);
    snprintf(s->sources[s->n], 256, "%.*s", (int)in->source_len, in->source ? in->source : "");
    snprintf(s->shas[s->n], 32, "%.*s", (int)in->sha256_len, in->sha256 ? in->sha256 : "");
    s->n++;
}

static void test_inputs_parsed(void **state)
{
    (void)state;
    seen s = {0};
    /* A source holding "; " and parentheses, as CBS 37325's does: a list of
     * records has nothing to parse. */
    wf_cites in = {0};
    cites_add(&in, "cbs/37296ned", "CBS 37296ned", "0123456789abcdef0123");
    cites_add(&in, "cbs/herkomst", "CBS 37325 (inferred; see notes)", "abcdefabcdef");
    cites_add(&in, "report/tab-2-1", "WRR 2020, Tabel 2.1", "ffffffffffff");
    assert_int_equal(claims_input_tables(&in, collect, &s), 3);
    assert_string_equal(s.names[0], "cbs/37296ned");
    assert_string_equal(s.sources[0], "CBS 37296ned");
    assert_string_equal(s.shas[0], "0123456789ab");
    assert_string_equal(s.names[1], "cbs/herkomst");
    assert_string_equal(s.sources[1], "CBS 37325 (inferred; see notes)");
    assert_string_equal(s.shas[1], "abcdefabcdef");
    assert_string_equal(s.names[2], "report/tab-2-1");
    wf_cites none = {0};
    assert_int_equal(claims_input_tables(&none, collect, &s), 0);
}

static claim bound(const char *measure)
{
    claim c;
    memset(&c, 0, sizeof c);
    c.measure = (char *)measure;
    return c;
}

static void test_kinds(void **state)
{
    (void)state;
    claim_result x;
    memset(&x, 0, sizeof x);
    x.status = CLAIM_PASS;
    claim c = bound("x.y{}");
    cites_add(&x.inputs, "report/tab-2-1", "WRR 2020", "0123456789ab");
    assert_int_equal(claims_kind_of(NULL, &c, &x), CLAIM_KIND_INTERNAL);
    /* Any third-party table makes it data. */
    cites_add(&x.inputs, "cbs/60032", "CBS 60032", "0123456789ab");
    assert_int_equal(claims_kind_of(NULL, &c, &x), CLAIM_KIND_DATA);
    /* No table read, no registry: arithmetic on the report's numbers. */
    x.inputs = (wf_cites){0};
    assert_int_equal(claims_kind_of(NULL, &c, &x), CLAIM_KIND_INTERNAL);
    x.status = CLAIM_UNBOUND;
    assert_int_equal(claims_kind_of(NULL, &c, &x), CLAIM_KIND_NONE);
    claim none = bound(NULL);
    x.status = CLAIM_PASS;
    assert_int_equal(claims_kind_of(NULL, &none, &x), CLAIM_KIND_NONE);
    assert_true(claims_table_is_report("report/kader-4-5"));
    assert_false(claims_table_is_report("reports/x"));
    assert_false(claims_table_is_report("cbs/report"));
}

/* Verdict names follow the kind. */
static void test_verdicts(void **state)
{
    (void)state;
    assert_int_equal(claim_verdict_of(CLAIM_PASS, CLAIM_KIND_DATA), VERDICT_PASS);
    assert_int_equal(claim_verdict_of(CLAIM_FAIL, CLAIM_KIND_DATA), VERDICT_FAIL);
    assert_int_equal(claim_verdict_of(CLAIM_PASS, CLAIM_KIND_INTERNAL), VERDICT_CONSISTENT);
    assert_int_equal(claim_verdict_of(CLAIM_FAIL, CLAIM_KIND_INTERNAL), VERDICT_INCONSISTENT);
    assert_int_equal(claim_verdict_of(CLAIM_NODATA, CLAIM_KIND_DATA), VERDICT_NODATA);
    assert_int_equal(claim_verdict_of(CLAIM_ERROR, CLAIM_KIND_INTERNAL), VERDICT_ERROR);
    assert_string_equal(claim_verdict_str(VERDICT_INCONSISTENT), "INCONSISTENT");
    assert_string_equal(claim_verdict_key(VERDICT_CONSISTENT), "consistent");
    assert_string_equal(claim_kind_key(CLAIM_KIND_INTERNAL), "internal");
}

static void arith(claim_op op, double value, double tol, double obs, const char *want)
{
    claim c;
    memset(&c, 0, sizeof c);
    c.op = op;
    c.value = value;
    c.tolerance = tol;
    strbuf b = STRBUF_INIT;
    claims_explain_arithmetic(&b, &c, obs);
    assert_string_equal(sb_cstr(&b), want);
    sb_free(&b);
}

/* The verdict's arithmetic, as --explain prints it, for each operator. */
static void test_explain_arithmetic(void **state)
{
    (void)state;
    arith(CLAIM_OP_APPROX, 15, 0.5, 30600.0 / 2265.0, "|13.5099 - 15| = 1.4901 > 0.5 (tolerance): does not hold");
    arith(CLAIM_OP_EQ, 24.2, 0.05, 24.23, "|24.23 - 24.2| = 0.03 <= 0.05 (tolerance): holds");
    arith(CLAIM_OP_GT, 150000, 0, 154432, "154432 > 150000 (150000 - tolerance 0): holds");
    arith(CLAIM_OP_GE, 60, 0.5, 59, "59 < 59.5 (60 - tolerance 0.5): does not hold");
    arith(CLAIM_OP_LT, 50, 0, 49.8, "49.8 < 50 (50 + tolerance 0): holds");
    arith(CLAIM_OP_LE, 35, 0.5, 36, "36 > 35.5 (35 + tolerance 0.5): does not hold");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_inputs_parsed),
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_verdicts),
        cmocka_unit_test(test_explain_arithmetic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
