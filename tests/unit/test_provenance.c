/* Provenance lists: one rule for "the same input" (name and sha256), copies
 * owned by the list, and the one report formatter. */
#include "testutil.h"

#include "data/provenance.h"

static void test_inputs_dedup_and_copy(void **state)
{
    (void)state;
    wf_inputs l = {0};
    char name[] = "cbs/37296ned";
    wf_input a = {.name = name, .file = "37296ned.csv", .sha256 = "aa", .source = "CBS"};
    inputs_add(&l, &a);
    name[0] = 'X'; /* the list kept its own copy */
    inputs_add(&l, &(wf_input){.name = "cbs/37296ned", .sha256 = "aa"});
    assert_int_equal(l.n, 1);
    inputs_add(&l, &(wf_input){.name = "cbs/37296ned", .sha256 = "bb"}); /* another version of the file */
    assert_int_equal(l.n, 2);
    assert_string_equal(l.v[0].name, "cbs/37296ned");
    assert_string_equal(l.v[0].source, "CBS");
    assert_null(l.v[0].licence);
    assert_true(inputs_has(&l, "cbs/37296ned", "bb"));
    assert_false(inputs_has(&l, "cbs/37296ned", "cc"));
    wf_inputs m = {0};
    inputs_merge(&m, &l);
    inputs_merge(&m, &l);
    assert_int_equal(m.n, 2);
    inputs_free(&l);
    inputs_free(&m);
    assert_int_equal(l.n, 0);
}

static void test_cites_rule_and_describe(void **state)
{
    (void)state;
    wf_cites c = {0};
    cites_add(&c, "t/a", "src A", "0123456789abcdef");
    cites_add(&c, "t/b", NULL, "ff");
    cites_add(&c, "t/a", "src A", "0123456789abcdef");
    wf_cites d = {0};
    cites_add(&d, "t/b", NULL, "ff");
    cites_add(&d, "t/c", "src C", "cc");
    cites_merge(&c, &d); /* overlapping lists: each input once (the old substring rule kept both) */
    assert_int_equal(c.n, 3);
    strbuf s = STRBUF_INIT;
    cites_describe(&c, &s);
    assert_string_equal(sb_cstr(&s), "t/a (src A; sha256 0123456789ab); t/b (?; sha256 ff); t/c (src C; sha256 cc)");
    sb_free(&s);
    assert_true(cites_has(&c, "t/c"));
    assert_false(cites_has(&c, "t/d"));
}

static void test_cites_truncation_is_said(void **state)
{
    (void)state;
    wf_cites c = {0};
    char name[16];
    for (int i = 0; i < WF_CITES_MAX + 3; i++) {
        snprintf(name, sizeof name, "t/%d", i);
        cites_add(&c, name, "s", "h");
    }
    assert_int_equal(c.n, WF_CITES_MAX);
    assert_true(c.truncated);
    strbuf s = STRBUF_INIT;
    cites_describe(&c, &s);
    assert_true(strlen(sb_cstr(&s)) > 5 && strcmp(sb_cstr(&s) + strlen(sb_cstr(&s)) - 5, "; ...") == 0);
    sb_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_inputs_dedup_and_copy),
        cmocka_unit_test(test_cites_rule_and_describe),
        cmocka_unit_test(test_cites_truncation_is_said),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
