/* What `wrrfig build` says (issue 17): in a log a line per figure and a
 * summary; known report inconsistencies counted once, shown with --verbose;
 * --quiet; one environment error (exit 4) for an unusable --out or a missing
 * gnuplot; "did you mean" for figure ids; on a terminal (a pty from
 * script(1)) one progress line updated in place, colour unless NO_COLOR. */
#include "testutil.h"

TU_SCRATCH_DIR(dir, "bout")

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; p && (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

static void test_log_has_a_line_per_figure_and_a_summary(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig(&out, &err, "build", "tab-2-1", "fig-1-1", "fig-2-1", "--out", dir, "--format", "svg", NULL);
    if (rc != 0)
        fail_msg("exit %d: %s", rc, err);
    /* stdout is a file here: one line per figure, in the order they finish */
    assert_int_equal(count(out, "/3] "), 3);
    assert_contains(out, " tab-2-1 ");
    assert_contains(out, "ms  ok\n");
    assert_contains(out, "ms  no-data: cbs/migratie_herkomst\n");
    assert_contains(out, "6 known report inconsistencies (tab-2-1), see `wrrfig check`");
    assert_contains(out, "3 figures: 2 built, 1 no-data, 0 failed in ");
    char where[600];
    snprintf(where, sizeof where, "outputs in %s/; 0 up to date, 3 rebuilt\n", dir);
    assert_contains(out, where);
    assert_null(strstr(out, "\033[")); /* no terminal codes in a log */
    /* the six known row-sum warnings are not repeated */
    assert_int_equal(count(err, "sums to"), 0);
    free(out);
    free(err);

    /* --force: an up-to-date figure is not rebuilt and so warns nothing */
    assert_int_equal(tu_wrrfig(&out, &err, "build", "tab-2-1", "--out", dir, "--no-render", "--verbose", "--force", NULL), 0);
    assert_int_equal(count(err, "sums to"), 6);
    assert_int_equal(count(err, "(known report inconsistency)"), 6);
    assert_contains(err, "[cohorts/tab-2-1] warning: row 'Voorsteden', cohort 2006-2010 sums to 100.3");
    assert_null(strstr(out, "known report inconsistencies"));
    free(out);
    free(err);

    assert_int_equal(tu_wrrfig(&out, &err, "build", "tab-2-1", "fig-1-1", "--out", dir, "--no-render", "-q", NULL), 0);
    assert_int_equal(count(out, "/2] "), 0);
    assert_contains(out, "2 figures: 1 built, 1 no-data, 0 failed");
    free(out);
    free(err);
}

/* One line on stderr, nothing on stdout, exit 4. */
static void expect_env_error(char *out, char *err, int rc, const char *what)
{
    assert_int_equal(rc, EXIT_ENV);
    assert_string_equal(out, "");
    assert_int_equal(count(err, "\n"), 1);
    assert_contains(err, what);
    assert_null(strstr(err, ".tmp"));
    assert_null(strstr(err, "plugin"));
    free(out);
    free(err);
}

static void test_unusable_out_is_one_environment_error(void **state)
{
    (void)state;
    char file[600];
    snprintf(file, sizeof file, "%s/a-file", dir);
    tu_write(file, "x");
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig(&out, &err, "build", "--out", file, NULL);
    expect_env_error(out, err, rc, "exists and is not a directory; give a directory with --out DIR");

    rc = tu_wrrfig(&out, &err, "build", "--out", "/proc/wrrfig-cannot-be-made", NULL);
    expect_env_error(out, err, rc, "cannot create the output directory");

    /* a directory that exists but takes no files, even for root */
    rc = tu_wrrfig(&out, &err, "build", "--out", "/proc", NULL);
    expect_env_error(out, err, rc, "cannot write in the output directory /proc");

    if (geteuid() != 0) {
        char ro[700];
        snprintf(ro, sizeof ro, "%s/ro", dir);
        mkdir(ro, 0555);
        rc = tu_wrrfig(&out, &err, "build", "--out", ro, NULL);
        expect_env_error(out, err, rc, "cannot write in the output directory");
    }

    setenv("WRRFIG_GNUPLOT", "/nonexistent/gnuplot", 1);
    rc = tu_wrrfig(&out, &err, "build", "tab-2-1", "--out", dir, NULL);
    unsetenv("WRRFIG_GNUPLOT");
    expect_env_error(out, err, rc, "cannot run '/nonexistent/gnuplot': install it with: apt-get install gnuplot-nox");

    rc = tu_wrrfig_dirs(WF_PLUGINS, "/nonexistent/data", WF_FIGURES, &out, &err, "build", "--out", dir, NULL);
    expect_env_error(out, err, rc, "the data directory /nonexistent/data does not exist; give one with --data DIR");
}

static void test_figure_typos_get_suggestions(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    assert_int_equal(tu_wrrfig(&out, &err, "build", "fig-2.1", "--out", dir, NULL), EXIT_USAGE);
    assert_contains(err, "no figure 'fig-2.1'; did you mean 'fig-2-1'?");
    free(out);
    free(err);
    assert_int_equal(tu_wrrfig(&out, &err, "build", "Fig-2-1", "--out", dir, NULL), EXIT_USAGE);
    assert_contains(err, "no figure 'Fig-2-1'; did you mean 'fig-2-1'?");
    free(out);
    free(err);
    assert_int_equal(tu_wrrfig(&out, &err, "info", "tab-21", NULL), EXIT_USAGE);
    assert_contains(err, "did you mean 'tab-2-1'?");
    free(out);
    free(err);
    assert_int_equal(tu_wrrfig(&out, &err, "build", "zzzz-9-9", "--out", dir, NULL), EXIT_USAGE);
    assert_contains(err, "no figure 'zzzz-9-9' (wrrfig list shows them all)");
    free(out);
    free(err);
}

/* Runs a build on a pseudo-terminal through script(1); returns what the
 * terminal received. */
static char *on_terminal(const char *env, const char *args)
{
    char cmd[2048], log[700];
    snprintf(log, sizeof log, "%s/typescript", dir);
    snprintf(cmd, sizeof cmd,
             "%s script -qec \"%s --no-builtin --plugins %s --data %s --figures %s build %s --out %s\" %s >/dev/null 2>&1",
             env, WF_BIN, WF_PLUGINS, WF_DATA, WF_FIGURES, args, dir, log);
    if (system(cmd) != 0)
        fail_msg("failed: %s", cmd);
    return tu_read(log, NULL);
}

static void test_terminal_progress_and_colour(void **state)
{
    (void)state;
    if (system("command -v script >/dev/null 2>&1") != 0) {
        skip();
    }
    char *t = on_terminal("TERM=xterm", "tab-2-1 fig-1-1 fig-2-1 --no-render --force");
    /* the progress line is redrawn in place: carriage return + erase line */
    assert_contains(t, "\r\033[K[1/3] ");
    assert_contains(t, "\r\033[K[3/3] ");
    assert_contains(t, "NO-DATA: 1 figure needs a table that is not in the data directory:");
    assert_contains(t, "cbs/migratie_herkomst");
    assert_contains(t, "3 figures: 2 built, 1 no-data, 0 failed");
    assert_null(strstr(t, "sums to"));
    free(t);
    /* --verbose prints each figure above the progress line, in colour ... */
    t = on_terminal("TERM=xterm", "tab-2-1 --no-render --verbose --force");
    assert_contains(t, "\033[32mok\033[0m");
    assert_contains(t, "\033[33mwarning\033[0m");
    free(t);
    /* ... but never with NO_COLOR */
    t = on_terminal("TERM=xterm NO_COLOR=1", "tab-2-1 --no-render --verbose --force");
    assert_null(strstr(t, "\033[3"));
    assert_contains(t, "ms  ok");
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_log_has_a_line_per_figure_and_a_summary),
        cmocka_unit_test(test_unusable_out_is_one_environment_error),
        cmocka_unit_test(test_figure_typos_get_suggestions),
        cmocka_unit_test(test_terminal_progress_and_colour),
    };
    return cmocka_run_group_tests_name("build output", tests, dir_setup, dir_teardown);
}
