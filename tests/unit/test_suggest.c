/* Edit distance and "did you mean" suggestions (util/suggest.c). */
#include "testutil.h"

#include "util/suggest.h"

static void test_distance(void **state)
{
    (void)state;
    assert_int_equal(wf_edit_distance("build", "build"), 0);
    assert_int_equal(wf_edit_distance("buidl", "build"), 1); /* a swap of neighbours counts once */
    assert_int_equal(wf_edit_distance("Fig-2-1", "fig-2-1"), 0);
    assert_int_equal(wf_edit_distance("fig-2.1", "fig-2-1"), 0); /* separators are alike */
    assert_int_equal(wf_edit_distance("", "abc"), 3);
    assert_int_equal(wf_edit_distance("kitten", "sitting"), 3);
    assert_int_equal(wf_edit_distance("chek", "check"), 1);
}

static void test_suggest(void **state)
{
    (void)state;
    const char *cmds[] = {"list", "build", "info", "check", "import", "import-geo", "help"};
    const char *out[3];
    assert_int_equal(wf_suggest("buidl", cmds, 7, out, 3), 1);
    assert_string_equal(out[0], "build");
    assert_int_equal(wf_suggest("imprt", cmds, 7, out, 3), 1);
    assert_string_equal(out[0], "import");
    assert_int_equal(wf_suggest("xyzzy", cmds, 7, out, 3), 0);
    const char *figs[] = {"fig-2-1", "fig-2-10", "fig-2-11", "fig-2-2", "tab-2-1"};
    assert_int_equal(wf_suggest("fig-2.1", figs, 5, out, 3), 1);
    assert_string_equal(out[0], "fig-2-1");
    assert_int_equal(wf_suggest("Fig-2-1", figs, 5, out, 3), 1);
    assert_string_equal(out[0], "fig-2-1");
    /* fig-2-12 is one edit from several: all of them, in table order */
    assert_int_equal(wf_suggest("fig-2-12", figs, 5, out, 3), 3);
    assert_string_equal(out[0], "fig-2-1");
    char buf[128];
    wf_suggest_text("buidl", cmds, 7, buf, sizeof buf);
    assert_string_equal(buf, "; did you mean 'build'?");
    wf_suggest_text("zzzzzz", cmds, 7, buf, sizeof buf);
    assert_string_equal(buf, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_distance),
        cmocka_unit_test(test_suggest),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
