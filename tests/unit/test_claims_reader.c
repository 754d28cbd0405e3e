/* The claim reader: a valid claim is read field by field, and every
 * malformed field is reported with the file and JSON path. */
#include "testutil.h"

#include "claims/read.h"
#include "util/strbuf.h"

/* A valid claim as JSON text, with one member replaced (or removed when
 * value is NULL), so each test breaks exactly one field. */
static char *claim_json(const char *member, const char *value)
{
    static const char *const keys[] = {"id", "line", "figure", "quote_nl", "en", "op",
                                       "value", "unit", "tolerance", "measure"};
    static const char *const vals[] = {"\"x-1\"", "8", "\"fig-2-1\"", "\"Vanaf 2010 ...\"", "\"From 2010 ...\"",
                                       "\">\"", "150000", "\"persons\"", "0",
                                       "\"immigration.total{year=2016}\""};
    strbuf b = STRBUF_INIT;
    sb_puts(&b, "[{");
    int first = 1, replaced = 0;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        const char *v = vals[i];
        if (member && !strcmp(member, keys[i])) {
            replaced = 1;
            if (!value)
                continue;
            v = value;
        }
        sb_printf(&b, "%s\"%s\": %s", first ? "" : ", ", keys[i], v);
        first = 0;
    }
    if (member && !replaced && value)
        sb_printf(&b, ", \"%s\": %s", member, value);
    sb_puts(&b, "}]");
    return sb_take(&b);
}

/* Parses text and returns the error messages (caller frees); *n_err and
 * *n_claims receive the counts. */
static char *parse(const char *text, size_t *n_err, size_t *n_claims)
{
    claim_set set = {0};
    wf_errors errs = {0};
    int rc = claims_parse(text, strlen(text), "data/claims/ch2.json", 2, &set, &errs);
    assert_int_equal(rc, errs.n ? -1 : 0);
    *n_err = errs.n;
    *n_claims = set.n;
    claim_set_free(&set);
    char *joined = wf_errors_join(&errs);
    wf_errors_free(&errs);
    return joined;
}

static void expect_error(const char *member, const char *value, const char *message)
{
    char *text = claim_json(member, value);
    size_t n_err, n;
    char *errs = parse(text, &n_err, &n);
    if (n_err != 1)
        fail_msg("%s=%s: expected 1 error, got %zu:\n%s", member, value ? value : "(absent)", n_err, errs);
    assert_int_equal(n, 0);
    assert_contains(errs, message);
    free(errs);
    free(text);
}

static void test_valid_claim(void **state)
{
    (void)state;
    const char *text =
        "[{\"id\": \"c1-3-001\", \"line\": 8, \"section\": \"Samenvatting\", \"figure\": \"fig-2-1\","
        " \"quote_nl\": \"Vanaf 2010 ontving ons land jaarlijks meer dan 150.000 migranten\","
        " \"en\": \"From 2010 ...\", \"op\": \">\", \"value\": 150000, \"unit\": \"persons\", \"tolerance\": 0,"
        " \"measure\": \"immigration.total{year=$year}\", \"quantifier\": {\"each_year\": [2010, 2018]},"
        " \"expect\": \"fail\", \"expect_reason\": \"because\", \"note\": \"n\", \"source\": \"s\"},"
        " {\"id\": \"x\", \"line\": 9, \"figure\": null, \"quote_nl\": \"q\", \"en\": \"e\", \"op\": \"<=\","
        " \"value\": 1.5, \"unit\": \"ratio\", \"tolerance\": 0.25, \"measure\": null}]";
    claim_set set = {0};
    wf_errors errs = {0};
    if (claims_parse(text, strlen(text), "ch0.json", 0, &set, &errs) != 0)
        fail_msg("unexpected errors:\n%s", errs.v[0].msg);
    assert_int_equal(set.n, 2);
    const claim *c = &set.v[0];
    assert_string_equal(c->id, "c1-3-001");
    assert_int_equal(c->line, 8);
    assert_string_equal(c->figure, "fig-2-1");
    assert_int_equal(c->op, CLAIM_OP_GT);
    assert_double_near(c->value, 150000, 0);
    assert_int_equal(c->each_year, 1);
    assert_int_equal(c->year_from, 2010);
    assert_int_equal(c->year_to, 2018);
    assert_int_equal(c->has_expect, 1);
    assert_int_equal(c->expect, CLAIM_FAIL);
    assert_string_equal(c->expect_reason, "because");
    assert_int_equal(c->chapter, 0);
    assert_int_equal(c->index, 0);
    const claim *d = &set.v[1];
    assert_null(d->figure);
    assert_null(d->measure);
    assert_int_equal(d->op, CLAIM_OP_LE);
    assert_double_near(d->tolerance, 0.25, 0);
    assert_int_equal(d->has_expect, 0);
    assert_int_equal(d->index, 1);
    claim_set_free(&set);
    wf_errors_free(&errs);
}

static void test_op_error_names_path(void **state)
{
    (void)state;
    expect_error("op", "\"==\"", "data/claims/ch2.json: $[0].op: expected one of = ~ > >= < <=, got \"==\"");
    expect_error("op", "3", "$[0].op: expected one of = ~ > >= < <=, got 3");
    expect_error("op", NULL, "$[0].op: expected one of = ~ > >= < <=, got nothing (member absent)");
}

static void test_each_field(void **state)
{
    (void)state;
    expect_error("id", NULL, "$[0].id: missing (expected a string)");
    expect_error("id", "\"\"", "$[0].id: expected a non-empty string");
    expect_error("id", "\"a b\"", "$[0].id: expected letters, digits");
    expect_error("line", "0", "$[0].line: expected a report line number >= 1, got 0");
    expect_error("line", "\"8\"", "$[0].line: expected a number, got \"8\"");
    expect_error("figure", "\"Figuur 2.1\"", "$[0].figure: expected a canonical id like fig-2-14");
    expect_error("figure", "\"fig-2\"", "$[0].figure: expected a canonical id");
    expect_error("figure", NULL, "$[0].figure: missing (expected a string or null)");
    expect_error("quote_nl", "\"\"", "$[0].quote_nl: expected a non-empty string");
    expect_error("en", "null", "$[0].en: expected a string, got null");
    expect_error("value", "\"150.000\"", "$[0].value: expected a number, got \"150.000\"");
    expect_error("unit", "7", "$[0].unit: expected a string, got 7");
    expect_error("tolerance", "-1", "$[0].tolerance: expected a number >= 0, got -1");
    expect_error("measure", NULL, "$[0].measure: missing (expected a string or null)");
    expect_error("measure", "\"immigration.total{year=2016\"", "$[0].measure: measure expression");
    expect_error("measure", "\"immigration.total{year=2016\"", "missing '}'");
    expect_error("measure", "\"total{year=2016}\"", "expected a measure name plugin.thing");
    expect_error("measure", "\"immigration.total{year=$year}\"", "uses $year but the claim has no each_year");
    expect_error("measure", "\"a.b{} +\"", "unexpected end");
    expect_error("measure", "\"42\"", "names no measure");
    expect_error("quantifier", "{\"each_year\": [2018, 2010]}", "$[0].quantifier.each_year: expected two years");
    expect_error("quantifier", "{\"every\": 1}", "$[0].quantifier: expected {\"each_year\": [from, to]}");
    expect_error("expect", "\"maybe\"", "$[0].expect: expected one of pass, fail, no-data, unbound, got \"maybe\"");
    expect_error("expect", "\"fail\"", "$[0].expect_reason: missing: an expectation other than pass must say why");
    expect_error("expect_reason", "\"why\"", "$[0].expect_reason: given without expect");
    expect_error("colour", "\"red\"", "$[0].colour: unknown member");
}

static void test_expect_pass_needs_no_reason(void **state)
{
    (void)state;
    char *text = claim_json("expect", "\"pass\"");
    size_t n_err, n;
    char *errs = parse(text, &n_err, &n);
    assert_int_equal(n_err, 0);
    assert_int_equal(n, 1);
    free(errs);
    free(text);
}

static void test_index_in_path_and_all_errors_reported(void **state)
{
    (void)state;
    const char *text = "[{\"id\": \"a\", \"line\": 1, \"figure\": null, \"quote_nl\": \"q\", \"en\": \"e\", \"op\": \"=\","
                       " \"value\": 1, \"unit\": \"u\", \"tolerance\": 0, \"measure\": null},"
                       " 5,"
                       " {\"id\": \"c\", \"line\": -3, \"figure\": null, \"quote_nl\": \"q\", \"en\": \"e\","
                       " \"op\": \"!\", \"value\": 1, \"unit\": \"u\", \"tolerance\": 0, \"measure\": null}]";
    size_t n_err, n;
    char *errs = parse(text, &n_err, &n);
    assert_int_equal(n_err, 3);
    assert_int_equal(n, 1); /* the valid first claim is kept */
    assert_contains(errs, "data/claims/ch2.json: $[1]: expected an object (one claim), got 5");
    assert_contains(errs, "data/claims/ch2.json: $[2].line: expected a report line number >= 1, got -3");
    assert_contains(errs, "data/claims/ch2.json: $[2].op: expected one of = ~ > >= < <=, got \"!\"");
    free(errs);
}

static void test_not_an_array_and_syntax(void **state)
{
    (void)state;
    size_t n_err, n;
    char *errs = parse("{\"id\": 1}", &n_err, &n);
    assert_int_equal(n_err, 1);
    assert_contains(errs, "data/claims/ch2.json: $: expected an array of claims");
    free(errs);
    errs = parse("[\n {\"id\": \"a\",\n  \"line\": 1,,\n }]", &n_err, &n);
    assert_int_equal(n_err, 1);
    assert_contains(errs, "data/claims/ch2.json:3:");
    free(errs);
}

static void test_load_dir_duplicates_and_order(void **state)
{
    (void)state;
    claim_set set = {0};
    wf_errors errs = {0};
    assert_int_equal(claims_load_dir(WF_FIXTURES "/claims/dup", &set, &errs), -1);
    assert_int_equal(errs.n, 1);
    assert_contains(errs.v[0].msg, "/claims/dup/ch2.json: $[0].id: duplicate id \"t-ratio\" (first in ");
    assert_contains(errs.v[0].msg, "/claims/dup/ch1.json at $[0])");
    assert_int_equal(set.n, 2);
    assert_int_equal(set.v[0].chapter, 1);
    assert_int_equal(set.v[1].chapter, 2);
    claim_set_free(&set);
    wf_errors_free(&errs);

    assert_int_equal(claims_load_dir(WF_FIXTURES "/claims/no-such-dir", &set, &errs), -1);
    assert_int_equal(errs.n, 1);
    assert_contains(errs.v[0].msg, "cannot open the claim registry directory");
    claim_set_free(&set);
    wf_errors_free(&errs);
}

/* The shipped registry reads without a single error, every chapter has a
 * file, and ids are unique. */
static void test_shipped_registry(void **state)
{
    (void)state;
    claim_set set = {0};
    wf_errors errs = {0};
    if (claims_load_dir(WF_DATA "/claims", &set, &errs) != 0)
        fail_msg("%zu errors in the shipped registry, the first:\n%s", errs.n, errs.v[0].msg);
    assert_true(set.n >= 430);
    int seen[10] = {0};
    size_t bound = 0;
    for (size_t i = 0; i < set.n; i++) {
        assert_true(set.v[i].chapter >= 0 && set.v[i].chapter <= 9);
        seen[set.v[i].chapter] = 1;
        bound += set.v[i].measure != NULL;
        if (set.v[i].has_expect && set.v[i].expect == CLAIM_FAIL)
            assert_non_null(set.v[i].expect_reason);
    }
    for (int ch = 0; ch <= 9; ch++)
        assert_true(seen[ch]);
    assert_true(bound >= 200);
    claim_set_free(&set);
    wf_errors_free(&errs);
}

/* Duplicates found by sorting: each later copy is reported once, in registry
 * order, naming the first occurrence; distinct ids give nothing. */
static void test_unique_ids(void **state)
{
    (void)state;
    const char *ids[] = {"b", "a", "b", "c", "b", "a"};
    claim v[6];
    memset(v, 0, sizeof v);
    for (size_t i = 0; i < 6; i++) {
        v[i].id = (char *)ids[i];
        v[i].file = (char *)"ch1.json";
        v[i].index = i;
    }
    claim_set set = {v, 6};
    wf_errors errs = {0};
    assert_int_equal(claims_check_unique_ids(&set, &errs), -1);
    assert_int_equal(errs.n, 3);
    assert_string_equal(errs.v[0].msg, "ch1.json: $[2].id: duplicate id \"b\" (first in ch1.json at $[0])");
    assert_string_equal(errs.v[1].msg, "ch1.json: $[4].id: duplicate id \"b\" (first in ch1.json at $[0])");
    assert_string_equal(errs.v[2].msg, "ch1.json: $[5].id: duplicate id \"a\" (first in ch1.json at $[1])");
    wf_errors_free(&errs);
    set.n = 2;
    assert_int_equal(claims_check_unique_ids(&set, &errs), 0);
    assert_int_equal(errs.n, 0);
    wf_errors_free(&errs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_claim),
        cmocka_unit_test(test_op_error_names_path),
        cmocka_unit_test(test_each_field),
        cmocka_unit_test(test_expect_pass_needs_no_reason),
        cmocka_unit_test(test_index_in_path_and_all_errors_reported),
        cmocka_unit_test(test_not_an_array_and_syntax),
        cmocka_unit_test(test_load_dir_duplicates_and_order),
        cmocka_unit_test(test_unique_ids),
        cmocka_unit_test(test_shipped_registry),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
