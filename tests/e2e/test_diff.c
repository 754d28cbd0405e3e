/* wrrfig diff OLD NEW on two constructed output directories: values added,
 * removed and changed beyond the tolerance (largest first), input hashes,
 * claims whose observed value moved or whose verdict changed (exit 1), the
 * HTML page with both renders, and a figure only one side has. */
#include "testutil.h"

static void put(const char *dir, const char *name, const char *text)
{
    char p[600];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    tu_write(p, text);
}

static const char man_old[] =
    "{\"id\": \"fig-a\", \"status\": \"ok\", \"plugin\": {\"name\": \"t\"},"
    " \"inputs\": [{\"name\": \"cbs/t\", \"sha256\": \"aaaaaaaaaaaaaaaa\"}],"
    " \"claims\": [{\"id\": \"c1\", \"status\": \"pass\", \"observed\": 10},"
    "              {\"id\": \"c2\", \"status\": \"pass\", \"observed\": 5}]}\n";
static const char man_new[] =
    "{\"id\": \"fig-a\", \"status\": \"ok\", \"plugin\": {\"name\": \"t\"},"
    " \"inputs\": [{\"name\": \"cbs/t\", \"sha256\": \"bbbbbbbbbbbbbbbb\"}],"
    " \"claims\": [{\"id\": \"c1\", \"status\": \"pass\", \"observed\": 12},"
    "              {\"id\": \"c2\", \"status\": \"fail\", \"observed\": 3}]}\n";

static void test_diff_two_builds(void **state)
{
    (void)state;
    char *a = tu_tempdir("diffa"), *b = tu_tempdir("diffb");
    put(a, "fig-a.json", man_old);
    put(b, "fig-a.json", man_new);
    put(a, "fig-a.csv", "year,group,value\n2017,x,1\n2018,x,2\n2019,x,3\n2018,'s-Gravenhage,7\n");
    put(b, "fig-a.csv", "year,group,value\n2017,x,1.0000000000001\n2018,x,20\n2019,x,4\n2020,x,5\n2018,'s-Gravenhage,8\n");
    put(a, "fig-a.svg", "<svg/>\n");
    put(b, "fig-a.svg", "<svg/>\n");
    /* same on both sides: not listed */
    put(a, "fig-b.json", "{\"id\": \"fig-b\", \"status\": \"no-data\", \"plugin\": {\"name\": \"t\"}}\n");
    put(b, "fig-b.json", "{\"id\": \"fig-b\", \"status\": \"no-data\", \"plugin\": {\"name\": \"t\"}}\n");
    put(b, "fig-c.json", "{\"id\": \"fig-c\", \"status\": \"no-data\", \"plugin\": {\"name\": \"t\"}}\n");
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig(&out, &err, "diff", a, b, NULL);
    assert_int_equal(rc, 1); /* c2's verdict changed */
    assert_contains(out, "fig-a:\n  input cbs/t aaaaaaaaaaaa -> bbbbbbbbbbbb\n");
    assert_contains(out, "values: 3 changed, 1 added, 0 removed");
    assert_contains(out, "changed year=2018 group='s-Gravenhage value: 7 -> 8 (+1)");
    const char *big = strstr(out, "changed year=2018 group=x value: 2 -> 20 (+18)");
    const char *small = strstr(out, "changed year=2019 group=x value: 3 -> 4 (+1)");
    assert_non_null(big);
    assert_non_null(small);
    assert_true(big < small);
    assert_contains(out, "added   year=2020 group=x value: 5");
    assert_false(tu_contains(out, "2017")); /* within the tolerance */
    assert_contains(out, "claim c1: pass; observed 10 -> 12");
    assert_contains(out, "claim c2: verdict pass -> fail; observed 5 -> 3");
    assert_contains(out, "fig-c: new figure");
    assert_false(tu_contains(out, "fig-b"));
    assert_contains(out, "2 figures changed, 1 unchanged; 1 claim verdict changed");
    char *html = tu_readf("%s/diff.html", b);
    assert_non_null(html);
    assert_contains(html, "/fig-a.svg\"");
    assert_contains(html, a);
    assert_contains(html, "group=&#39;s-Gravenhage value");
    free(html);
    free(out);
    free(err);
    /* a looser tolerance hides the small change; no verdict change: exit 0 */
    put(b, "fig-a.json", man_old);
    rc = tu_wrrfig(&out, &err, "diff", "--tolerance", "1.5", a, b, NULL);
    assert_int_equal(rc, 0);
    assert_false(tu_contains(out, "2019 group=x"));
    assert_contains(out, "2018 group=x value: 2 -> 20");
    free(out);
    free(err);
    /* a directory that is not there */
    rc = tu_wrrfig(&out, &err, "diff", a, "/nonexistent/out", NULL);
    assert_int_equal(rc, 4);
    assert_contains(err, "/nonexistent/out: cannot read the directory");
    free(out);
    free(err);
    tu_rmrf(a);
    tu_rmrf(b);
    free(a);
    free(b);
}

/* Probe 3: a CSV, manifest or claims.json that was there but unreadable
 * (a control character, bad JSON) was read as absent: "values: 0 changed,
 * 0 added, 3 removed" (or "no longer built"), exit 0. Broken is not absent:
 * the diff fails with the file and position. */
static void test_diff_broken_files_are_errors(void **state)
{
    (void)state;
    static const struct {
        const char *name, *text, *msg;
    } bad[] = {
        {"fig-a.csv", "year,group,value\n2017,x\x1b[2J,1\n", "fig-a.csv:2:7: control character U+001B"},
        {"fig-a.json", "{\"id\": \"fig-a\", ", "fig-a.json"},
        {"claims.json", "{\"claims\": [", "claims.json"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *a = tu_tempdir("diffa"), *b = tu_tempdir("diffb");
        put(a, "fig-a.json", man_old);
        put(b, "fig-a.json", man_old);
        put(a, "fig-a.csv", "year,group,value\n2017,x,1\n");
        put(b, "fig-a.csv", "year,group,value\n2017,x,1\n");
        put(a, "claims.json", "{\"claims\": []}\n");
        put(b, "claims.json", "{\"claims\": []}\n");
        put(b, bad[i].name, bad[i].text);
        char *out = NULL, *err = NULL;
        int rc = tu_wrrfig(&out, &err, "diff", a, b, NULL);
        if (rc != 4)
            fail_msg("%s: rc %d, out: %s", bad[i].name, rc, out);
        assert_contains(err, bad[i].msg);
        free(out);
        free(err);
        tu_rmrf(a);
        tu_rmrf(b);
        free(a);
        free(b);
    }
}

/* Regression (found by tests/fuzz/fuzz_diff.c): a manifest's status went
 * into diff.html unescaped, so an output directory from elsewhere could put
 * its own markup (a script) into the page. */
static void test_diff_html_escapes_status(void **state)
{
    (void)state;
    char *a = tu_tempdir("diffxa"), *b = tu_tempdir("diffxb");
    put(a, "fig-a.json", "{\"id\": \"fig-a\", \"status\": \"<script>alert(1)</script>\", \"plugin\": {}}\n");
    put(b, "fig-a.json", "{\"id\": \"fig-a\", \"status\": \"ok\", \"plugin\": {}}\n");
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig(&out, &err, "diff", a, b, NULL);
    if (rc != 0)
        fail_msg("diff: exit %d\n%s", rc, err);
    char *html = tu_readf("%s/diff.html", b);
    assert_non_null(html);
    assert_contains(html, "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    assert_false(tu_contains(html, "<script>"));
    free(html);
    free(out);
    free(err);
    tu_rmrf(a);
    tu_rmrf(b);
    free(a);
    free(b);
}

/* Regressions (found by tests/fuzz/fuzz_diff.c): an input a manifest lists
 * without a sha256 was reported as changed, "(none) -> (none)", and a
 * manifest without a status as a new figure, even in a directory compared
 * with itself. */
static void test_diff_input_without_hash_is_unchanged(void **state)
{
    (void)state;
    char *a = tu_tempdir("diffsa");
    put(a, "fig-a.json", "{\"id\": \"fig-a\", \"status\": \"ok\", \"plugin\": {}, \"inputs\": [{\"name\": \"cbs/t\"}]}\n");
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig(&out, &err, "diff", a, a, NULL);
    if (rc != 0)
        fail_msg("diff: exit %d\n%s", rc, err);
    assert_contains(out, "0 figures changed, 1 unchanged");
    assert_false(tu_contains(out, "(none)"));
    free(out);
    free(err);
    /* nor is a manifest without a status a "new figure" */
    put(a, "fig-a.json", "{\"id\": \"fig-a\", \"plugin\": {}}\n");
    rc = tu_wrrfig(&out, &err, "diff", a, a, NULL);
    if (rc != 0)
        fail_msg("diff: exit %d\n%s", rc, err);
    assert_contains(out, "0 figures changed, 1 unchanged");
    free(out);
    free(err);
    tu_rmrf(a);
    free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diff_two_builds),
        cmocka_unit_test(test_diff_broken_files_are_errors),
        cmocka_unit_test(test_diff_html_escapes_status),
        cmocka_unit_test(test_diff_input_without_hash_is_unchanged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
