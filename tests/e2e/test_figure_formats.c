/* Every figure of the shipped data in every format, twice: the checks of
 * tests/e2e/figure_formats.py (house canvases, well-formed SVG, PNG at 2x
 * and png1x at 1x, byte-identical builds, no horizontal keys), and an
 * English build without Dutch text written in C (tests/e2e/lang_check.py). */
#include "testutil.h"

static char *a, *b, *one, *en;

static void build_into(const char *dir, const char *const *extra)
{
    char *argv[20];
    int n = 0;
    argv[n++] = (char *)WF_BIN;
    argv[n++] = (char *)"--no-builtin"; /* exactly the directories given */
    argv[n++] = (char *)"--plugins";
    argv[n++] = (char *)WF_PLUGINS;
    argv[n++] = (char *)"--data";
    argv[n++] = (char *)WF_DATA;
    argv[n++] = (char *)"--figures";
    argv[n++] = (char *)WF_FIGURES;
    for (; *extra && n < 17; extra++)
        argv[n++] = (char *)*extra;
    argv[n++] = (char *)"--out";
    argv[n++] = (char *)dir;
    argv[n] = NULL;
    char *out = NULL, *err = NULL;
    int rc = tu_run(argv, &out, &err);
    if (rc != 0)
        fail_msg("build into %s failed (%d):\n%s\n%s", dir, rc, out, err);
    free(out);
    free(err);
}

static int setup(void **state)
{
    (void)state;
    a = tu_tempdir("fmt-a");
    b = tu_tempdir("fmt-b");
    one = tu_tempdir("fmt-1x");
    en = tu_tempdir("fmt-en");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char **d[] = {&a, &b, &one, &en};
    for (size_t i = 0; i < 4; i++) {
        tu_rmrf(*d[i]);
        free(*d[i]);
    }
    return 0;
}

static int run_py_rc(const char *script, char *const *args, char **out)
{
    char *argv[8];
    int n = 0;
    argv[n++] = (char *)"/usr/bin/python3";
    argv[n++] = (char *)script;
    for (; *args && n < 7; args++)
        argv[n++] = *args;
    argv[n] = NULL;
    char *err = NULL;
    int rc = tu_run(argv, out, &err);
    free(err);
    return rc;
}

static void run_py(const char *script, char *const *args)
{
    char *argv[8];
    int n = 0;
    argv[n++] = (char *)"/usr/bin/python3";
    argv[n++] = (char *)script;
    for (; *args && n < 7; args++)
        argv[n++] = *args;
    argv[n] = NULL;
    char *out = NULL, *err = NULL;
    int rc = tu_run(argv, &out, &err);
    printf("%s", out ? out : "");
    if (rc != 0)
        fail_msg("%s found problems (%d):\n%s%s", script, rc, out ? out : "", err ? err : "");
    free(out);
    free(err);
}

static void test_all_formats_twice(void **state)
{
    (void)state;
    const char *first[] = {"build", NULL};
    const char *second[] = {"build", "--jobs", "1", NULL};
    const char *png1x[] = {"build", "--format", "svg,png1x", NULL};
    build_into(a, first);
    build_into(b, second);
    build_into(one, png1x);
    char *args[] = {(char *)WF_FIGURES, a, b, one, NULL};
    run_py(WF_SRC_DIR "/tests/e2e/figure_formats.py", args);
}

static void test_english_has_no_dutch_from_c(void **state)
{
    (void)state;
    const char *opts[] = {"--lang", "en", "build", "--format", "svg", NULL};
    build_into(en, opts);
    char *args[] = {(char *)WF_SRC_DIR, en, NULL};
    run_py(WF_SRC_DIR "/tests/e2e/lang_check.py", args);
    /* The check can see such text: on the Dutch build (a, from the test
     * before) it finds the Dutch notes the plugins write. */
    char *nl[] = {(char *)WF_SRC_DIR, a, NULL};
    char *out = NULL;
    assert_int_equal(run_py_rc(WF_SRC_DIR "/tests/e2e/lang_check.py", nl, &out), 1);
    assert_contains(out, "found in the English build");
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_formats_twice),
        cmocka_unit_test(test_english_has_no_dutch_from_c),
    };
    return cmocka_run_group_tests_name("figure formats", tests, setup, teardown);
}
