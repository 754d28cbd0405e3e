/* HTML escaping and relative URLs of the site writer (core/src/site/html.c). */
#include "testutil.h"

#include "site/html.h"

static char *esc(const char *s)
{
    strbuf b = STRBUF_INIT;
    html_esc(&b, s);
    return sb_take(&b);
}

static char *url(const char *prefix, const char *s)
{
    strbuf b = STRBUF_INIT;
    html_url(&b, prefix, s);
    return sb_take(&b);
}

static void test_escape_every_special(void **state)
{
    (void)state;
    char *r = esc("<script>alert(\"x\")</script> & 's-Gravenhage");
    assert_string_equal(r, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;s-Gravenhage");
    free(r);
    /* control characters other than tab and newline are not allowed in HTML */
    r = esc("a\x01" "b\tc\nd\x7f" "e");
    assert_string_equal(r, "ab\tc\nde");
    free(r);
    /* UTF-8 passes through */
    r = esc("Syri\xc3\xab");
    assert_string_equal(r, "Syri\xc3\xab");
    free(r);
    strbuf b = STRBUF_INIT;
    html_esc(&b, NULL);
    assert_int_equal(b.len, 0);
}

static void test_url_never_leaves_the_site(void **state)
{
    (void)state;
    char *r = url("site/data/", "cbs/37296ned");
    assert_string_equal(r, "site/data/cbs/37296ned");
    free(r);
    /* an absolute path or ".." from data cannot make an absolute or upward link */
    r = url("", "/etc/passwd");
    assert_string_equal(r, "%2Fetc/passwd");
    free(r);
    r = url("fig/", "../../x");
    assert_null(strstr(r, "../"));
    assert_string_equal(r, "fig/%2E./%2E./x");
    free(r);
    /* quotes, spaces and markup are percent-encoded, so they cannot end the attribute */
    r = url("", "a\" onerror=\"x <b>");
    assert_null(strchr(r, '"'));
    assert_null(strchr(r, '<'));
    assert_null(strchr(r, ' '));
    free(r);
    r = url("", "javascript:alert(1)");
    assert_null(strchr(r, ':'));
    free(r);
}

static void test_id(void **state)
{
    (void)state;
    strbuf b = STRBUF_INIT;
    html_id(&b, "c1-3-001 <x>\"");
    assert_string_equal(b.s, "c1-3-001__x__");
    sb_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape_every_special),
        cmocka_unit_test(test_url_never_leaves_the_site),
        cmocka_unit_test(test_id),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
