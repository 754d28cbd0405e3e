/* Regression (#12): control characters, invalid UTF-8 and "]]>" in labels
 * made gnuplot write SVGs that are not well-formed XML. Text is now checked
 * at the readers (tests/unit/test_input_checks.c); here every SVG of a build
 * on the shipped data, and one whose labels hold every XML special
 * character, is parsed by an XML parser (python3's xml.dom.minidom). */
#include "testutil.h"

static int all_svgs_wellformed(const char *dir)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd,
             "python3 -c 'import sys, glob, xml.dom.minidom as m\n"
             "fs = sorted(glob.glob(sys.argv[1] + \"/*.svg\"))\n"
             "assert fs, \"no svg\"\n"
             "for f in fs: m.parse(f)\n"
             "print(len(fs), \"SVGs well-formed\")' '%s'",
             dir);
    return system(cmd);
}

static void test_shipped_svgs_wellformed(void **state)
{
    (void)state;
    char *out = tu_tempdir("svgship");
    char *o = NULL, *e = NULL;
    int rc = tu_wrrfig(&o, &e, "build", "--out", out, "--format", "svg", NULL);
    if (rc != 0)
        fail_msg("build: %d %s", rc, e);
    assert_int_equal(all_svgs_wellformed(out), 0);
    tu_rmrf(out);
    free(out);
    free(o);
    free(e);
}

static void test_xml_special_characters(void **state)
{
    (void)state;
    char *plug = tu_tempdir("svgplug"), *out = tu_tempdir("svgout"), cmd[900];
    snprintf(cmd, sizeof cmd, "cp '%s/hostile.so' '%s/crashy.so' '%s/'", WF_TEST_PLUGINS, WF_TEST_PLUGINS, plug);
    assert_int_equal(system(cmd), 0);
    char *o = NULL, *e = NULL;
    int rc = tu_wrrfig_dirs(plug, WF_FIXTURES "/data", WF_FIXTURES "/figures", &o, &e, "build", "--out", out,
                            "--format", "svg", "hostile-xmltext", "crashy-ok", NULL);
    if (rc != 0)
        fail_msg("build: %d %s", rc, e);
    assert_int_equal(all_svgs_wellformed(out), 0);
    char *svg = tu_readf("%s/hostile-xmltext.svg", out);
    assert_contains(svg, "]]&gt;");
    assert_contains(svg, "'s-Gravenhage");
    free(svg);
    tu_rmrf(plug);
    tu_rmrf(out);
    free(plug);
    free(out);
    free(o);
    free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_svgs_wellformed),
        cmocka_unit_test(test_xml_special_characters),
    };
    return cmocka_run_group_tests_name("svg well-formed", tests, NULL, NULL);
}
