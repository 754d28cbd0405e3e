/* figure/gpserver.c: one gnuplot renders many scripts, and every output is
 * byte-identical to a fresh gnuplot's, whatever ran before it. Renders every
 * shipped figure once per fresh process and twice through one server (in
 * report order and reversed) and compares each file. */
#include "testutil.h"

#include <time.h>

#include "figure/gpserver.h"
#include "util/strbuf.h"

/* PDF bytes differ between runs only in cairo's CreationDate until the
 * build normalises it; compare PDFs with that field masked. */
static char *masked(const char *path, size_t *len)
{
    char *t = tu_read(path, len);
    if (!t)
        return NULL;
    static const char key[] = "/CreationDate (";
    for (size_t i = 0; i + sizeof key - 1 <= *len; i++)
        if (!memcmp(t + i, key, sizeof key - 1))
            for (size_t j = i + sizeof key - 1; j < *len && t[j] != ')'; j++)
                t[j] = 'X';
    return t;
}

static int same_file(const char *a, const char *b)
{
    size_t la = 0, lb = 0;
    char *x = masked(a, &la), *y = masked(b, &lb);
    int same = x && y && la == lb && memcmp(x, y, la) == 0;
    free(x);
    free(y);
    return same;
}

static char **scripts(const char *dir, size_t *n)
{
    char *listing = NULL;
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "cd '%s' && ls *.gp", dir);
    char *const argv[] = {(char *)"/bin/sh", (char *)"-c", cmd, NULL};
    tu_run(argv, &listing, NULL);
    char **v = xcalloc(64, sizeof *v);
    *n = 0;
    for (char *t = strtok(listing, "\n"); t && *n < 64; t = strtok(NULL, "\n")) {
        t[strlen(t) - 3] = '\0';
        v[(*n)++] = xstrdup(t);
    }
    free(listing);
    return v;
}

static void test_reuse_is_byte_identical(void **state)
{
    (void)state;
    char *dir = tu_tempdir("gpserver");
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig(&out, &err, "build", "--out", dir, "--no-render", NULL);
    if (rc != 0)
        fail_msg("build --no-render failed (%d): %s", rc, err);
    size_t n = 0;
    char **ids = scripts(dir, &n);
    assert_true(n >= 20);
    static const char *const fmts[] = {"svg", "pdf", "png"};
    /* fresh: one gnuplot per script */
    for (size_t i = 0; i < n; i++) {
        char expr[2048], gp[1100];
        snprintf(expr, sizeof expr, "wrrfig_formats='svg pdf png'; wrrfig_output='%s/fresh-%s'", dir, ids[i]);
        snprintf(gp, sizeof gp, "%s/%s.gp", dir, ids[i]);
        char *const argv[] = {(char *)"/usr/bin/gnuplot", (char *)"-e", expr, gp, NULL};
        assert_int_equal(tu_run(argv, NULL, NULL), 0);
    }
    wf_error e;
    for (int order = 0; order < 2; order++) {
        wf_gpserver *s = gpserver_start(30, &e);
        if (!s)
            fail_msg("%s", e.msg);
        assert_true(strncmp(gpserver_version(s), "gnuplot ", 8) == 0);
        for (size_t k = 0; k < n; k++) {
            size_t i = order ? n - 1 - k : k;
            char gp[1100], prefix[1100];
            snprintf(gp, sizeof gp, "%s/%s.gp", dir, ids[i]);
            snprintf(prefix, sizeof prefix, "%s/reuse%d-%s", dir, order, ids[i]);
            strbuf msgs = STRBUF_INIT;
            if (gpserver_render(&s, gp, "svg pdf png", prefix, 60, &msgs, &e) != 0)
                fail_msg("%s: %s", ids[i], e.msg);
            sb_free(&msgs);
        }
        gpserver_stop(s);
    }
    strbuf diffs = STRBUF_INIT;
    for (size_t i = 0; i < n; i++)
        for (int f = 0; f < 3; f++)
            for (int order = 0; order < 2; order++) {
                char a[1200], b[1200];
                snprintf(a, sizeof a, "%s/fresh-%s.%s", dir, ids[i], fmts[f]);
                snprintf(b, sizeof b, "%s/reuse%d-%s.%s", dir, order, ids[i], fmts[f]);
                if (!same_file(a, b))
                    sb_printf(&diffs, "  %s.%s (%s order)\n", ids[i], fmts[f], order ? "reversed" : "report");
            }
    if (diffs.len)
        fail_msg("outputs of a reused gnuplot differ from a fresh one:\n%s", diffs.s);
    sb_free(&diffs);
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
    free(out);
    free(err);
    tu_rmrf(dir);
    free(dir);
}

/* A script with an error fails that request only: the message comes back,
 * and the same server renders the next script. */
static void test_error_then_next(void **state)
{
    (void)state;
    char *dir = tu_tempdir("gpserver-err");
    char bad[1024], good[1024], prefix[1024];
    snprintf(bad, sizeof bad, "%s/bad.gp", dir);
    snprintf(good, sizeof good, "%s/good.gp", dir);
    tu_write(bad, "set terminal svg\nset output wrrfig_output.'.svg'\nplot [0:1] x with nosuchstyle\n");
    tu_write(good, "set terminal svg\nset output wrrfig_output.'.svg'\nset print\nprint 'a warning of my own'\n"
                   "plot [0:1] x notitle\nset output\n");
    wf_error e;
    wf_gpserver *s = gpserver_start(30, &e);
    assert_non_null(s);
    strbuf msgs = STRBUF_INIT;
    snprintf(prefix, sizeof prefix, "%s/bad", dir);
    assert_int_equal(gpserver_render(&s, bad, "svg", prefix, 30, &msgs, &e), -1);
    assert_non_null(s); /* an error in a script does not cost the server */
    assert_contains(e.msg, "unrecognized plot type");
    msgs.len = 0;
    snprintf(prefix, sizeof prefix, "%s/good", dir);
    assert_int_equal(gpserver_render(&s, good, "svg", prefix, 30, &msgs, &e), 0);
    assert_contains(msgs.s, "a warning of my own");
    char svg[1100];
    snprintf(svg, sizeof svg, "%s/good.svg", dir);
    char *t = tu_read(svg, NULL);
    assert_contains(t, "</svg>");
    free(t);
    sb_free(&msgs);
    gpserver_stop(s);
    tu_rmrf(dir);
    free(dir);
}

/* A hung script times out; the server is gone and a new one works. */
static void test_timeout_and_death(void **state)
{
    (void)state;
    char *dir = tu_tempdir("gpserver-hang");
    char hang[1024], quit[1024], prefix[1024];
    snprintf(hang, sizeof hang, "%s/hang.gp", dir);
    snprintf(quit, sizeof quit, "%s/quit.gp", dir);
    snprintf(prefix, sizeof prefix, "%s/x", dir);
    tu_write(hang, "while (1) { a = 1 }\n");
    tu_write(quit, "exit gnuplot\n");
    wf_error e;
    wf_gpserver *s = gpserver_start(30, &e);
    assert_non_null(s);
    assert_int_equal(gpserver_render(&s, hang, "svg", prefix, 0.5, NULL, &e), -1);
    assert_null(s);
    assert_contains(e.msg, "did not finish");
    s = gpserver_start(30, &e);
    assert_non_null(s);
    assert_int_equal(gpserver_render(&s, quit, "svg", prefix, 10, NULL, &e), -1);
    assert_null(s);
    assert_contains(e.msg, "ended");
    tu_rmrf(dir);
    free(dir);
}

static void test_missing_gnuplot(void **state)
{
    (void)state;
    setenv("WRRFIG_GNUPLOT", "/nonexistent/gnuplot", 1);
    wf_error e;
    wf_gpserver *s = gpserver_start(5, &e);
    unsetenv("WRRFIG_GNUPLOT");
    assert_null(s);
    assert_contains(e.msg, "cannot run /nonexistent/gnuplot");
}

/* A launched server is not ready until awaited: a request before that is
 * refused, and the version arrives with the await, however long after the
 * launch it comes. A gnuplot that cannot run fails at the await. */
static void test_launch_then_await(void **state)
{
    (void)state;
    char *dir = tu_tempdir("gpserver-launch");
    char script[1024], prefix[1024];
    snprintf(script, sizeof script, "%s/one.gp", dir);
    snprintf(prefix, sizeof prefix, "%s/x", dir);
    tu_write(script, "set output wrrfig_output.'.svg'\nset terminal svg\nplot x\n");
    wf_error e = {""};
    wf_gpserver *s = gpserver_launch(&e);
    assert_non_null(s);
    assert_int_equal(gpserver_submit(s, script, NULL, "svg", prefix, &e), -1);
    assert_contains(e.msg, "not started");
    struct timespec pause = {0, 200 * 1000 * 1000};
    nanosleep(&pause, NULL); /* the answer waits in the pipe */
    assert_int_equal(gpserver_await(s, 30, &e), 0);
    assert_contains(gpserver_version(s), "gnuplot 5");
    assert_int_equal(gpserver_await(s, 30, &e), 0); /* once ready, at once */
    assert_int_equal(gpserver_render(&s, script, "svg", prefix, 30, NULL, &e), 0);
    char out[1100];
    snprintf(out, sizeof out, "%s.svg", prefix);
    char *svg = tu_read(out, NULL);
    assert_non_null(svg);
    assert_contains(svg, "</svg>");
    free(svg);
    gpserver_stop(s);
    setenv("WRRFIG_GNUPLOT", "/nonexistent/gnuplot", 1);
    s = gpserver_launch(&e);
    unsetenv("WRRFIG_GNUPLOT");
    if (s) { /* the fork worked; the exec failed in the child */
        assert_int_equal(gpserver_await(s, 5, &e), -1);
        assert_contains(e.msg, "cannot run /nonexistent/gnuplot");
        gpserver_stop(s);
    }
    tu_rmrf(dir);
    free(dir);
}

/* A build renders every figure through one gnuplot per job slot: a
 * wrapper that logs each start of gnuplot sees at most --jobs starts. */
static void test_build_starts_one_gnuplot_per_slot(void **state)
{
    (void)state;
    char *dir = tu_tempdir("gpserver-build");
    char wrapper[1100], log[1100];
    snprintf(wrapper, sizeof wrapper, "%s/gnuplot-wrapper", dir);
    snprintf(log, sizeof log, "%s/starts.log", dir);
    char text[2400];
    snprintf(text, sizeof text, "#!/bin/sh\necho start >> '%s'\nexec /usr/bin/gnuplot \"$@\"\n", log);
    tu_write(wrapper, text);
    chmod(wrapper, 0755);
    setenv("WRRFIG_GNUPLOT", wrapper, 1);
    char out_dir[1100];
    snprintf(out_dir, sizeof out_dir, "%s/out", dir);
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig(&out, &err, "build", "--out", out_dir, "--jobs", "2", "--force", NULL);
    unsetenv("WRRFIG_GNUPLOT");
    if (rc != 0)
        fail_msg("build failed (%d): %s", rc, err);
    char *starts = tu_read(log, NULL);
    assert_non_null(starts);
    size_t n = 0;
    for (const char *p = starts; (p = strstr(p, "start")); p += 5)
        n++;
    /* one per slot, plus at most one `gnuplot --version` probe when the
     * version cache is cold */
    if (n < 1 || n > 3)
        fail_msg("%zu gnuplot starts for a build with 2 jobs:\n%s", n, starts);
    free(starts);
    free(out);
    free(err);
    tu_rmrf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reuse_is_byte_identical),
        cmocka_unit_test(test_error_then_next),
        cmocka_unit_test(test_timeout_and_death),
        cmocka_unit_test(test_missing_gnuplot),
        cmocka_unit_test(test_launch_then_await),
        cmocka_unit_test(test_build_starts_one_gnuplot_per_slot),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
