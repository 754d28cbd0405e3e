/* The user data directory over the installed data (data/overlay.c): links
 * for what the user lacks, the user's own files kept, dangling links into
 * the installed data pruned, the XDG location. */
#include "testutil.h"

#include "data/overlay.h"

static void test_sync(void **state)
{
    (void)state;
    char *t = tu_tempdir("overlay");
    char lower[600], user[600], p[800];
    snprintf(lower, sizeof lower, "%s/inst", t);
    snprintf(user, sizeof user, "%s/home/.local/share/wrrfig/data", t);
    snprintf(p, sizeof p, "%s/cbs", lower);
    assert_int_equal(mkdir(lower, 0755), 0);
    assert_int_equal(mkdir(p, 0755), 0);
    snprintf(p, sizeof p, "%s/cbs/a.csv", lower);
    tu_write(p, "installed a\n");
    snprintf(p, sizeof p, "%s/cbs/b.csv", lower);
    tu_write(p, "installed b\n");
    wf_error err;
    if (overlay_sync(user, lower, &err) != 0)
        fail_msg("%s", err.msg);
    char *s = tu_readf("%s/cbs/a.csv", user);
    assert_string_equal(s, "installed a\n");
    free(s);
    struct stat st;
    snprintf(p, sizeof p, "%s/cbs/a.csv", user);
    assert_int_equal(lstat(p, &st), 0);
    assert_true(S_ISLNK(st.st_mode));

    /* the user's own table replaces its link (as an atomic rename does) and survives a sync */
    unlink(p);
    tu_write(p, "mine\n");
    assert_int_equal(overlay_sync(user, lower, &err), 0);
    s = tu_readf("%s/cbs/a.csv", user);
    assert_string_equal(s, "mine\n");
    free(s);

    /* a file removed from the installed data disappears from the view */
    snprintf(p, sizeof p, "%s/cbs/b.csv", lower);
    unlink(p);
    assert_int_equal(overlay_sync(user, lower, &err), 0);
    snprintf(p, sizeof p, "%s/cbs/b.csv", user);
    assert_int_equal(lstat(p, &st), -1);

    /* a user directory that is a file is an error naming it */
    char bad[700];
    snprintf(bad, sizeof bad, "%s/file", t);
    tu_write(bad, "x");
    assert_int_equal(overlay_sync(bad, lower, &err), -1);
    assert_contains(err.msg, "file: not a directory");
    tu_rmrf(t);
    free(t);
}

static void test_user_dir(void **state)
{
    (void)state;
    setenv("XDG_DATA_HOME", "/x/data", 1);
    setenv("HOME", "/home/u", 1);
    char *d = overlay_user_dir();
    assert_string_equal(d, "/x/data/wrrfig/data");
    free(d);
    setenv("XDG_DATA_HOME", "relative", 1); /* ignored, as the XDG spec says */
    d = overlay_user_dir();
    assert_string_equal(d, "/home/u/.local/share/wrrfig/data");
    free(d);
    unsetenv("XDG_DATA_HOME");
    unsetenv("HOME");
    assert_null(overlay_user_dir());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sync),
        cmocka_unit_test(test_user_dir),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
