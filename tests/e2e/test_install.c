/* An installed copy (`make install DESTDIR=...`), as a user meets it
 * (issue 17): it runs without options, `import` writes into the user data
 * directory ($XDG_DATA_HOME/wrrfig/data) and never into the installed data,
 * later commands read the user's table over the installed one, the
 * directory of downloads is asked for when absent, and the bash completion
 * is installed where bash-completion looks and completes. */
#include "testutil.h"

static char *root, *home, *bin, *inst_data;

static int setup(void **state)
{
    (void)state;
    root = tu_tempdir("install");
    char cmd[2048];
    /* -o all: install what this build directory holds; never rebuild it
     * with other flags from inside a test. */
    snprintf(cmd, sizeof cmd,
             "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -o all -C '%s' BUILD='%s' DESTDIR='%s/root' "
             "PREFIX=/usr install >/dev/null",
             WF_SRC_DIR, WF_BUILD_DIR, root);
    if (system(cmd) != 0)
        fail_msg("failed: %s", cmd);
    home = malloc(700);
    bin = malloc(700);
    inst_data = malloc(700);
    snprintf(home, 700, "%s/home", root);
    snprintf(bin, 700, "%s/root/usr/bin/wrrfig", root);
    snprintf(inst_data, 700, "%s/root/usr/share/wrrfig/data", root);
    mkdir(home, 0755);
    setenv("HOME", home, 1);
    unsetenv("XDG_DATA_HOME");
    unsetenv("WRRFIG_SHARED");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tu_rmrf(root);
    free(root);
    free(home);
    free(bin);
    free(inst_data);
    return 0;
}

static int run(char **out, char **err, const char *first, ...)
{
    char *argv[32];
    int n = 0;
    argv[n++] = bin;
    va_list ap;
    va_start(ap, first);
    for (const char *s = first; s && n < 31; s = va_arg(ap, const char *))
        argv[n++] = (char *)s;
    va_end(ap);
    argv[n] = NULL;
    return tu_run(argv, out, err);
}

static int is_regular(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static void test_runs_without_options(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    assert_int_equal(run(&out, &err, "list", NULL), 0);
    assert_contains(out, "tab-2-1");
    assert_contains(out, "ready");
    free(out);
    free(err);
    /* a command that only reads does not create the user directory */
    char udir[800];
    snprintf(udir, sizeof udir, "%s/.local/share/wrrfig", home);
    assert_int_equal(access(udir, F_OK), -1);
    char dir[800];
    snprintf(dir, sizeof dir, "%s/out", root);
    assert_int_equal(run(&out, &err, "build", "tab-2-1", "--out", dir, "--format", "svg", NULL), 0);
    assert_contains(out, "1 figure: 1 built");
    free(out);
    free(err);
}

static void test_import_writes_the_user_directory_and_build_reads_it(void **state)
{
    (void)state;
    char xdg[800], mapping[800], cmd[2400];
    snprintf(xdg, sizeof xdg, "%s/xdg", root);
    setenv("XDG_DATA_HOME", xdg, 1);
    /* The fixture mapping of an excerpt of the real 37296ned file, renamed
     * to the table the figures read: after the import, fig-2-1 must see
     * these 4 years, not the installed table. */
    snprintf(mapping, sizeof mapping, "%s/m37296.json", root);
    snprintf(cmd, sizeof cmd, "sed 's#\"test/37296ned\"#\"cbs/37296ned\"#' '%s/import/mappings/37296ned_excerpt.json' > '%s'",
             WF_FIXTURES, mapping);
    assert_int_equal(system(cmd), 0);
    char inst_csv[900];
    snprintf(inst_csv, sizeof inst_csv, "%s/cbs/37296ned.csv", inst_data);
    char *before = tu_read(inst_csv, NULL);
    assert_non_null(before);

    char *out = NULL, *err = NULL;
    /* no downloads directory: one message naming --shared */
    int rc = run(&out, &err, "import", mapping, NULL);
    if (rc != EXIT_ENV)
        fail_msg("import without downloads: exit %d: %s%s", rc, out, err);
    assert_contains(err, "which directory holds the downloads? give it with --shared DIR (or set WRRFIG_SHARED)");
    free(out);
    free(err);

    setenv("WRRFIG_SHARED", WF_FIXTURES "/import/shared", 1);
    rc = run(&out, &err, "import", mapping, NULL);
    unsetenv("WRRFIG_SHARED");
    if (rc != 0)
        fail_msg("import: %d %s", rc, err);
    assert_contains(out, "imported cbs/37296ned");
    free(out);
    free(err);
    char user_csv[900];
    snprintf(user_csv, sizeof user_csv, "%s/wrrfig/data/cbs/37296ned.csv", xdg);
    assert_true(is_regular(user_csv)); /* the user's own file, no longer a link */
    char *after = tu_read(inst_csv, NULL);
    assert_string_equal(before, after); /* the installed data is untouched */
    free(before);
    free(after);

    /* Other tables come through from the installed data. */
    char link[900];
    snprintf(link, sizeof link, "%s/wrrfig/data/report/tab-2-1.csv", xdg);
    struct stat st;
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));

    /* info and build read the user's table */
    assert_int_equal(run(&out, &err, "info", "cbs/37296ned", NULL), 0);
    assert_contains(out, "37296ned_excerpt.csv");
    free(out);
    free(err);
    char dir[800];
    snprintf(dir, sizeof dir, "%s/out2", root);
    run(&out, &err, "build", "fig-2-1", "tab-2-1", "--out", dir, "--format", "svg", NULL);
    assert_contains(err, "cbs/37296ned: no number for"); /* the excerpt lacks 1951 */
    assert_contains(out, "tab-2-1");
    free(out);
    free(err);

    /* removing the user's table brings back the installed one */
    unlink(user_csv);
    char user_meta[900];
    snprintf(user_meta, sizeof user_meta, "%s/wrrfig/data/cbs/37296ned.meta.json", xdg);
    unlink(user_meta);
    assert_int_equal(run(&out, &err, "info", "cbs/37296ned", NULL), 0);
    assert_contains(out, "37296ned_UntypedDataSet");
    free(out);
    free(err);
    unsetenv("XDG_DATA_HOME");
}

static void test_completion_installed(void **state)
{
    (void)state;
    char cmd[3000];
    snprintf(cmd, sizeof cmd,
             "bash -c 'source \"%s/root/usr/share/bash-completion/completions/wrrfig\"; "
             "COMP_WORDS=(\"%s\" bu); COMP_CWORD=1; _wrrfig; [ \"${COMPREPLY[*]}\" = build ]'",
             root, bin);
    assert_int_equal(system(cmd), 0);
    char man[800];
    snprintf(man, sizeof man, "%s/root/usr/share/man/man1/wrrfig.1", root);
    assert_int_equal(access(man, R_OK), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_runs_without_options),
        cmocka_unit_test(test_import_writes_the_user_directory_and_build_reads_it),
        cmocka_unit_test(test_completion_installed),
    };
    return cmocka_run_group_tests_name("installed copy", tests, setup, teardown);
}
