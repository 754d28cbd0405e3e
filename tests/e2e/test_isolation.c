/* A plugin that crashes, aborts, loops, exits or misuses the API fails its
 * own figure only; the others are built and the exit status says something
 * failed. The hostile label is rendered by the real gnuplot and runs
 * nothing. */
#include "testutil.h"

#define MARKER "/tmp/wrrfig-pwned-marker"

static char *plugdir, *outdir;

static int setup(void **state)
{
    (void)state;
    plugdir = tu_tempdir("plug");
    outdir = tu_tempdir("out");
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp '%s/crashy.so' '%s/'", WF_TEST_PLUGINS, plugdir);
    assert_int_equal(system(cmd), 0);
    unlink(MARKER);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tu_rmrf(plugdir);
    tu_rmrf(outdir);
    free(plugdir);
    free(outdir);
    return 0;
}

/* SVG only: these tests are about isolation and quoting, and a 1 s limit
 * (2 s with rendering) must not depend on how long a 2x PNG takes on a
 * loaded machine. */
static int run_build(char **out, char **err, const char *fig)
{
    return tu_wrrfig_dirs(plugdir, WF_FIXTURES "/data", WF_FIXTURES "/figures", out, err, "--timeout", "1", "build",
                          "--out", outdir, "--jobs", "3", "--format", "svg", "--verbose", fig, NULL);
}

static void test_failures_are_isolated(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    /* Regression: outputs of an earlier build with data must not survive a
     * NO-DATA build beside its no-data manifest. */
    char stale[600];
    snprintf(stale, sizeof stale, "%s/crashy-nodata.svg", outdir);
    tu_write(stale, "<svg>stale</svg>");
    int rc = tu_wrrfig_dirs(plugdir, WF_FIXTURES "/data", WF_FIXTURES "/figures", &out, &err, "--timeout", "1",
                            "build", "--out", outdir, "--jobs", "3", "--format", "svg", "--verbose", NULL);
    assert_int_equal(rc, 1);
    /* stdout is a log here: one line per figure; failures on stderr too. */
    assert_contains(err, "crashy-segv FAILED: crashed: killed by SIGSEGV");
    assert_contains(err, "crashy-abort FAILED: crashed: killed by SIGABRT");
    assert_contains(err, "crashy-loop FAILED: killed after the time limit");
    assert_contains(err, "crashy-exit FAILED: the plugin ended the process itself");
    assert_contains(err, "%s is refused");
    assert_contains(err, "crashy-misuse FAILED");
    assert_contains(out, "ms  FAILED: crashed: killed by SIGSEGV");
    assert_contains(out, "ms  ok\n");
    assert_contains(out, "ms  no-data: test/absent\n");
    assert_contains(out, "7 figures: 1 built, 1 no-data, 5 failed");
    /* Nothing half-written: failed figures have no outputs, crashy-ok has all. */
    char *svg = tu_readf("%s/crashy-ok.svg", outdir), *segv = tu_readf("%s/crashy-segv.gp", outdir);
    assert_non_null(svg);
    assert_null(segv);
    char *nd = tu_readf("%s/crashy-nodata.json", outdir);
    assert_contains(nd, "\"status\":\t\"no-data\"");
    assert_contains(nd, "CBS 99999NED");
    assert_int_equal(access(stale, F_OK), -1);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "ls -a '%s' | grep -c tmp", outdir);
    assert_int_not_equal(system(cmd), 0); /* grep finds no temporary files */
    free(svg);
    free(nd);
    free(out);
    free(err);
}

static void test_hostile_label_runs_nothing(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    assert_int_equal(run_build(&out, &err, "crashy-ok"), 0);
    assert_int_equal(access(MARKER, F_OK), -1); /* the backquoted command did not run */
    char *gp = tu_readf("%s/crashy-ok.gp", outdir);
    /* Title, label and key title are single-quoted with the quote doubled. */
    assert_contains(gp, "'Evil `touch /tmp/wrrfig-pwned-marker` it''s \"dq\" @macro {a}^b_c'.\"\\n\".'second line'");
    char *svg = tu_readf("%s/crashy-ok.svg", outdir);
    assert_contains(svg, "<svg");
    assert_contains(svg, "</svg>");
    assert_contains(svg, "touch /tmp/wrrfig-pwned-marker` it's \"dq\" @macro {a}^b_c");
    assert_contains(svg, "second line");
    free(gp);
    free(svg);
    free(out);
    free(err);
}

static void test_refused_plugin_in_dir(void **state)
{
    (void)state;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp '%s/abimajor.so' '%s/'", WF_TEST_PLUGINS, plugdir);
    assert_int_equal(system(cmd), 0);
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig_dirs(plugdir, WF_FIXTURES "/data", WF_FIXTURES "/figures", &out, &err, "list", NULL);
    assert_int_equal(rc, 3);
    assert_contains(err, "plugin refused:");
    assert_contains(err, "abimajor.so: ABI major mismatch: plugin built for 99.0");
    assert_contains(out, "crashy-ok");
    snprintf(cmd, sizeof cmd, "rm '%s/abimajor.so'", plugdir);
    assert_int_equal(system(cmd), 0);
    free(out);
    free(err);
}

int main(void)
{
    /* The marker check must not be fooled by a file an earlier run left. */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_failures_are_isolated),
        cmocka_unit_test(test_hostile_label_runs_nothing),
        cmocka_unit_test(test_refused_plugin_in_dir),
    };
    return cmocka_run_group_tests_name("isolation", tests, setup, teardown);
}
