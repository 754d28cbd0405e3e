/* wrrfig check end to end: the shipped registry against the shipped plugins
 * and data, compared with a checked-in expectation (verdict counts and a
 * sample of verdicts), plus exit codes and the reports on small fixture
 * registries.
 *
 * cli_check is called in-process (the same entry point main.c dispatches
 * `wrrfig check` to), with standard output and error captured.
 *
 * When plugins or data change the verdicts on purpose, refresh the
 * expectation with
 *     WRRFIG_UPDATE_EXPECTED=1 build/tests/test_claims_e2e
 * and review the diff of tests/fixtures/claims/expected-shipped.json. */
#include "testutil.h"

#include <cjson/cJSON.h>
#include <fcntl.h>

#include "app.h"
#include "claims/check.h"

#define EXPECTED WF_FIXTURES "/claims/expected-shipped.json"

typedef struct captured {
    int rc;
    char *out, *err;
} captured;

/* Runs cli_check with args (NULL-terminated) on the shipped plugins and data. */
static captured check(const char *first, ...)
{
    wf_app a;
    memset(&a, 0, sizeof a);
    a.data_dir = WF_DATA;
    a.plugin_dir = WF_PLUGINS;
    a.figures_dir = WF_FIGURES;
    a.lang = "nl";
    a.timeout = 30;
    char *argv[32];
    int argc = 0;
    va_list ap;
    va_start(ap, first);
    for (const char *s = first; s && argc < 31; s = va_arg(ap, const char *))
        argv[argc++] = (char *)s;
    va_end(ap);
    argv[argc] = NULL;

    char outp[] = "/tmp/wrrfig-check-out-XXXXXX", errp[] = "/tmp/wrrfig-check-err-XXXXXX";
    int fo = mkstemp(outp), fe = mkstemp(errp);
    fflush(NULL);
    int save_out = dup(1), save_err = dup(2);
    dup2(fo, 1);
    dup2(fe, 2);
    captured c;
    c.rc = app_load_plugins(&a);
    if (c.rc == 0)
        c.rc = cli_check(&a, argc, argv);
    fflush(NULL);
    dup2(save_out, 1);
    dup2(save_err, 2);
    close(save_out);
    close(save_err);
    close(fo);
    close(fe);
    app_free(&a);
    c.out = tu_read(outp, NULL);
    c.err = tu_read(errp, NULL);
    unlink(outp);
    unlink(errp);
    return c;
}

static void release(captured *c)
{
    free(c->out);
    free(c->err);
}

static const char *const count_keys[] = {"checked", "pass", "fail", "no_data", "unbound", "error", "mismatches"};

static void test_shipped_against_expectation(void **state)
{
    (void)state;
    captured c = check("--format", "json", "--no-report", NULL);
    if (c.rc != 0)
        fail_msg("wrrfig check on the shipped data: exit %d (a claim differs from its expectation)\n%s%s", c.rc,
                 c.err, c.out);
    cJSON *got = cJSON_Parse(c.out);
    assert_non_null(got);
    const cJSON *summary = cJSON_GetObjectItem(got, "summary");
    const cJSON *claims = cJSON_GetObjectItem(got, "claims");

    if (getenv("WRRFIG_UPDATE_EXPECTED")) {
        /* The sample: every decided claim, every claim with a recorded
         * expectation, and the first claim of each chapter. */
        cJSON *e = cJSON_CreateObject();
        cJSON_AddItemToObject(e, "counts", cJSON_Duplicate(summary, 1));
        cJSON_DeleteItemFromObject(cJSON_GetObjectItem(e, "counts"), "strict");
        cJSON *sample = cJSON_AddObjectToObject(e, "sample");
        int seen_chapter[10] = {0};
        const cJSON *it;
        cJSON_ArrayForEach(it, claims)
        {
            const char *st = cJSON_GetObjectItem(it, "status")->valuestring;
            int ch = cJSON_GetObjectItem(it, "chapter")->valueint;
            int first = ch >= 0 && ch < 10 && !seen_chapter[ch];
            if (first)
                seen_chapter[ch] = 1;
            if (first || !strcmp(st, "pass") || !strcmp(st, "fail") ||
                strcmp(cJSON_GetObjectItem(it, "expect")->valuestring, "pass"))
                cJSON_AddStringToObject(sample, cJSON_GetObjectItem(it, "id")->valuestring, st);
        }
        char *text = cJSON_Print(e);
        strbuf b = STRBUF_INIT;
        sb_printf(&b, "%s\n", text);
        tu_write(EXPECTED, b.s);
        sb_free(&b);
        free(text);
        cJSON_Delete(e);
    }

    char *text = tu_read(EXPECTED, NULL);
    if (!text)
        fail_msg("%s is missing (run with WRRFIG_UPDATE_EXPECTED=1 to create it)", EXPECTED);
    cJSON *want = cJSON_Parse(text);
    assert_non_null(want);
    const cJSON *wc = cJSON_GetObjectItem(want, "counts");
    for (size_t k = 0; k < sizeof count_keys / sizeof count_keys[0]; k++) {
        int w = cJSON_GetObjectItem(wc, count_keys[k])->valueint;
        int g = cJSON_GetObjectItem(summary, count_keys[k])->valueint;
        if (w != g)
            fail_msg("count '%s': expected %d, got %d (refresh the expectation if this change is intended)",
                     count_keys[k], w, g);
    }
    const cJSON *sample = cJSON_GetObjectItem(want, "sample");
    assert_true(cJSON_GetArraySize(sample) >= 10);
    const cJSON *s;
    cJSON_ArrayForEach(s, sample)
    {
        const cJSON *found = NULL, *it;
        cJSON_ArrayForEach(it, claims) if (!strcmp(cJSON_GetObjectItem(it, "id")->valuestring, s->string)) found = it;
        if (!found)
            fail_msg("sample claim %s is not in the output", s->string);
        const char *st = cJSON_GetObjectItem(found, "status")->valuestring;
        if (strcmp(st, s->valuestring))
            fail_msg("claim %s: expected %s, got %s", s->string, s->valuestring, st);
    }
    cJSON_Delete(want);
    cJSON_Delete(got);
    free(text);
    release(&c);
}

/* The report's own arithmetic is decided whatever data is present. */
static void test_known_problem_is_a_fail(void **state)
{
    (void)state;
    captured c = check("--claim", "c4-9-216", "--format", "tap", NULL);
    assert_int_equal(c.rc, 0);
    assert_contains(c.out, "1..1\nnot ok 1 - c4-9-216 # TODO known problem in the report: 30,600");
    release(&c);
}

static void test_exit_codes(void **state)
{
    (void)state;
    captured c = check("--registry", WF_FIXTURES "/claims/ok", "--no-report", NULL);
    if (c.rc != 0)
        fail_msg("ok registry: exit %d\n%s%s", c.rc, c.out, c.err);
    assert_contains(c.out, "5 claims checked: 5 PASS, 0 FAIL");
    assert_contains(c.out, "t-pct                        claimed = 28 percent (tol 0.5)  observed 27.957");
    assert_contains(c.out, "t-share                      claimed ~ 19 percent (tol 0.5)  observed 18.8235");
    assert_contains(c.out, "t-expr");
    release(&c);

    c = check("--registry", WF_FIXTURES "/claims/fail", "--no-report", NULL);
    assert_int_equal(c.rc, EXIT_FAILED);
    assert_contains(c.out, "FAIL     t-fifteen");
    assert_contains(c.out, "observed 13.5099");
    assert_contains(c.out, "<-- differs from expectation");
    release(&c);

    c = check("--registry", WF_FIXTURES "/claims/expectfail", "--no-report", NULL);
    assert_int_equal(c.rc, 0);
    assert_contains(c.out, "[expected fail]");
    release(&c);

    c = check("--registry", WF_FIXTURES "/claims/unbound", "--no-report", NULL);
    assert_int_equal(c.rc, 0);
    assert_contains(c.out, "UNBOUND  t-unbound");
    assert_contains(c.out, "no plugin provides measure 'nosuch.total'");
    release(&c);

    c = check("--registry", WF_FIXTURES "/claims/unbound", "--no-report", "--strict", NULL);
    assert_int_equal(c.rc, EXIT_FAILED);
    release(&c);

    c = check("--registry", WF_FIXTURES "/claims/broken", "--no-report", NULL);
    assert_int_equal(c.rc, EXIT_FAILED);
    assert_contains(c.err, "/claims/broken/ch2.json: $[1].op: expected one of = ~ > >= < <=, got \"==\"");
    assert_contains(c.err, "the claim registry has 1 error");
    release(&c);

    c = check("--registry", WF_FIXTURES "/claims/error", "--no-report", NULL);
    assert_int_equal(c.rc, EXIT_FAILED);
    assert_contains(c.out, "ERROR    t-div0");
    assert_contains(c.out, "ERROR    t-missing-param");
    assert_contains(c.out, "0 PASS, 0 FAIL, 0 NO-DATA, 0 UNBOUND, 2 ERROR; 2 differ");
    release(&c);

    c = check("--registry", WF_FIXTURES "/claims/ok", "--claim", "nope", NULL);
    assert_int_equal(c.rc, EXIT_USAGE);
    assert_contains(c.err, "no claim with id 'nope'");
    release(&c);

    c = check("--format", "xml", NULL);
    assert_int_equal(c.rc, EXIT_USAGE);
    release(&c);

    c = check("--registry", WF_FIXTURES "/claims/ok", "--chapter", "3", NULL);
    assert_int_equal(c.rc, 0);
    assert_contains(c.out, "0 claims checked");
    release(&c);
}

static void test_reports_written_and_deterministic(void **state)
{
    (void)state;
    char *dir = tu_tempdir("claims");
    captured c = check("--registry", WF_FIXTURES "/claims/expectfail", "--out", dir, NULL);
    assert_int_equal(c.rc, 0);
    release(&c);
    char *md = tu_readf("%s/claims.md", dir), *html = tu_readf("%s/claims.html", dir);
    assert_non_null(md);
    assert_non_null(html);
    assert_contains(md, "### t-fifteen: FAIL (known problem in the report)");
    assert_contains(md, "- Recorded expectation: fail. SYNTHETIC TEST FIXTURE: 30,600 / 2,265 is 13.5");
    assert_contains(html, "<article class=\"st-fail\" id=\"t-fifteen\">");
    assert_contains(html, "no table: arithmetic on the numbers printed in the report");
    c = check("--registry", WF_FIXTURES "/claims/expectfail", "--out", dir, NULL);
    release(&c);
    char *html2 = tu_readf("%s/claims.html", dir);
    assert_string_equal(html, html2);
    free(md);
    free(html);
    free(html2);
    /* A filtered run leaves the reports alone unless --out is given. */
    tu_rmrf(dir);
    free(dir);
}

/* Through the binary, as a reviewer runs it. Skipped (loudly) only while
 * main.c does not dispatch the command yet. */
static void test_binary(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig(&out, &err, "check", "--registry", WF_FIXTURES "/claims/expectfail", "--format", "tap",
                       "--no-report", NULL);
    if (rc == EXIT_USAGE && tu_contains(err, "unknown command 'check'")) {
        fprintf(stderr, "note: wrrfig does not dispatch 'check' yet (core/src/main.c); binary test skipped\n");
        free(out);
        free(err);
        skip();
    }
    assert_int_equal(rc, 0);
    assert_string_equal(out, "TAP version 13\n1..1\nnot ok 1 - t-fifteen # TODO known problem in the report: "
                             "SYNTHETIC TEST FIXTURE: 30,600 / 2,265 is 13.5, not about fifteen.\n");
    free(out);
    free(err);
    rc = tu_wrrfig(&out, &err, "check", "--registry", WF_FIXTURES "/claims/fail", "--no-report", NULL);
    assert_int_equal(rc, EXIT_FAILED);
    free(out);
    free(err);
}

static void test_figure_verdicts(void **state)
{
    (void)state;
    wf_app a;
    memset(&a, 0, sizeof a);
    a.data_dir = WF_DATA;
    a.plugin_dir = WF_PLUGINS;
    a.figures_dir = WF_FIGURES;
    a.lang = "nl";
    a.timeout = 30;
    assert_int_equal(app_load_plugins(&a), 0);
    strbuf errs = STRBUF_INIT;
    cJSON *v = claims_figure_verdicts(&a, "tab-2-1", &errs);
    assert_non_null(v);
    assert_true(cJSON_GetArraySize(v) >= 54);
    const cJSON *it;
    int seen_sum_fail = 0;
    cJSON_ArrayForEach(it, v)
    {
        assert_non_null(cJSON_GetObjectItem(it, "id"));
        if (!strcmp(cJSON_GetObjectItem(it, "id")->valuestring, "n2-t21-sum-voorsteden-2006"))
            seen_sum_fail = !strcmp(cJSON_GetObjectItem(it, "status")->valuestring, "fail");
    }
    assert_true(seen_sum_fail);
    cJSON_Delete(v);
    v = claims_figure_verdicts(&a, "fig-99-99", &errs);
    assert_int_equal(cJSON_GetArraySize(v), 0);
    cJSON_Delete(v);
    sb_free(&errs);
    app_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_against_expectation),
        cmocka_unit_test(test_known_problem_is_a_fail),
        cmocka_unit_test(test_exit_codes),
        cmocka_unit_test(test_reports_written_and_deterministic),
        cmocka_unit_test(test_binary),
        cmocka_unit_test(test_figure_verdicts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
