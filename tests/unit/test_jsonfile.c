/* JSON through cJSON: syntax errors at file:line:col, trailing data refused,
 * typed lookups by dotted path with the path in the message. */
#include "testutil.h"

#include "format/jsonfile.h"

static void expect_error(const char *text, const char *want)
{
    cJSON *j = NULL;
    wf_error err;
    assert_int_equal(json_parse(text, strlen(text), "f.json", &j, &err), -1);
    assert_null(j);
    assert_string_equal(err.msg, want);
}

static void test_syntax_error_position(void **state)
{
    (void)state;
    expect_error("{\n  \"a\": 1,\n  \"b\": [1, 2,, 3]\n}", "f.json:3:14: invalid JSON here (or trailing data after the value)");
    expect_error("{\"a\": tru}", "f.json:1:7: invalid JSON here (or trailing data after the value)");
}

static void test_trailing_data_and_truncation(void **state)
{
    (void)state;
    expect_error("{\"a\": 1} {\"b\": 2}", "f.json:1:10: invalid JSON here (or trailing data after the value)");
    cJSON *j = NULL;
    wf_error err;
    const char *cut = "{\"a\": [1, 2";
    assert_int_equal(json_parse(cut, strlen(cut), "f.json", &j, &err), -1);
    assert_contains(err.msg, "f.json:1:");
    const char *ok = "{\"a\": 1}\n\n";
    assert_int_equal(json_parse(ok, strlen(ok), "f.json", &j, &err), 0);
    cJSON_Delete(j);
}

static void test_lookups(void **state)
{
    (void)state;
    const char *text = "{\"title\": {\"nl\": \"Titel\", \"en\": \"Title\"}, \"size\": [900, 560], \"n\": \"x\"}";
    cJSON *j = NULL;
    wf_error err;
    assert_int_equal(json_parse(text, strlen(text), "f.json", &j, &err), 0);
    assert_string_equal(cJSON_GetStringValue(json_at(j, "title.en")), "Title");
    assert_int_equal((int)json_at(j, "size.1")->valuedouble, 560);
    assert_null(json_at(j, "size.2"));
    assert_null(json_at(j, "title.de"));
    double v = 0;
    assert_int_equal(json_num(j, "n", &v), -1); /* a string is not a number */
    assert_null(json_str_req(j, "missing", "f.json", "$", &err));
    assert_string_equal(err.msg, "f.json: $.missing: missing (expected a string)");
    assert_null(json_str_req(j, "size", "f.json", "$", &err));
    assert_string_equal(err.msg, "f.json: $.size: expected a string");
    cJSON_Delete(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_syntax_error_position),
                                       cmocka_unit_test(test_trailing_data_and_truncation),
                                       cmocka_unit_test(test_lookups)};
    return cmocka_run_group_tests_name("jsonfile", tests, NULL, NULL);
}
