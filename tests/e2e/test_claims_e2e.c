/* wrrfig check end to end: the shipped registry against the shipped plugins
 * and data, compared with a checked-in expectation (verdict counts and a
 * sample of verdicts), plus exit codes and the reports on small fixture
 * registries.
 *
 * cmd_check is called in-process (the same entry point main.c dispatches
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
#include "claims/figindex.h"
#include "claims/read.h"
#include "cmd/cmd.h"

#define EXPECTED WF_FIXTURES "/claims/expected-shipped.json"

typedef struct captured {
    int rc;
    char *out, *err;
} captured;

/* Runs cmd_check with args (NULL-terminated) on the shipped plugins and data. */
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
        c.rc = cmd_check(&a, argc, argv);
    fflush(NULL);
    dup2(save_out, 1);
    dup2(save_err, 2);
    close(save_out);
    close(save_err);
    close(fo);
    close(fe);
    wf_app_release(&a);
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

static const char *const count_keys[] = {"checked", "data",    "pass",    "fail",  "internal",  "consistent",
                                         "inconsistent", "no_data", "unbound", "error", "mismatches"};

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
        cJSON_DeleteItemFromObject(cJSON_GetObjectItem(e, "counts"), "text");
        cJSON *sample = cJSON_AddObjectToObject(e, "sample");
        int seen_chapter[10] = {0};
        const cJSON *it;
        cJSON_ArrayForEach(it, claims)
        {
            const char *st = cJSON_GetObjectItem(it, "verdict")->valuestring;
            int ch = cJSON_GetObjectItem(it, "chapter")->valueint;
            int first = ch >= 0 && ch < 10 && !seen_chapter[ch];
            if (first)
                seen_chapter[ch] = 1;
            if (first || !strcmp(st, "pass") || !strcmp(st, "fail") || !strcmp(st, "consistent") ||
                !strcmp(st, "inconsistent") || strcmp(cJSON_GetObjectItem(it, "expectation")->valuestring, "pass"))
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
        const char *st = cJSON_GetObjectItem(found, "verdict")->valuestring;
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
    /* arithmetic on printed numbers rests on the report alone */
    assert_contains(c.out, "0 claims checked against third-party data: 0 pass, 0 fail; 5 statements checked for "
                           "internal consistency: 5 consistent, 0 inconsistent;");
    assert_contains(c.out, "CONSISTENT   t-pct                        claimed = 28 percent (tol 0.5)  observed 27.957");
    assert_contains(c.out, "CONSISTENT   t-share                      claimed ~ 19 percent (tol 0.5)  observed 18.8235");
    assert_contains(c.out, "t-expr");
    release(&c);

    c = check("--registry", WF_FIXTURES "/claims/fail", "--no-report", NULL);
    assert_int_equal(c.rc, EXIT_FAILED);
    assert_contains(c.out, "INCONSISTENT t-fifteen");
    assert_contains(c.out, "observed 13.5099");
    assert_contains(c.out, "<-- differs from expectation");
    release(&c);

    c = check("--registry", WF_FIXTURES "/claims/expectfail", "--no-report", NULL);
    assert_int_equal(c.rc, 0);
    assert_contains(c.out, "[expected fail]");
    release(&c);

    c = check("--registry", WF_FIXTURES "/claims/unbound", "--no-report", NULL);
    assert_int_equal(c.rc, 0);
    assert_contains(c.out, "UNBOUND      t-unbound");
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
    assert_contains(c.out, "ERROR        t-div0");
    assert_contains(c.out, "ERROR        t-missing-param");
    assert_contains(c.out, "0 NO-DATA, 0 UNBOUND, 2 ERROR (2 claims in all); 2 differ");
    release(&c);

    c = check("--registry", WF_FIXTURES "/claims/ok", "--claim", "nope", NULL);
    assert_int_equal(c.rc, EXIT_USAGE);
    assert_contains(c.err, "no claim with id 'nope'");
    release(&c);

    c = check("--format", "xml", NULL);
    assert_int_equal(c.rc, EXIT_USAGE);
    release(&c);

    /* A chapter without claims is a typo, not "0 claims checked" (issue 17). */
    c = check("--registry", WF_FIXTURES "/claims/ok", "--chapter", "3", NULL);
    assert_int_equal(c.rc, EXIT_USAGE);
    assert_contains(c.err, "--chapter 3: the registry has no claims for that chapter");
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
    assert_contains(md, "### t-fifteen: INCONSISTENT (known problem in the report)");
    assert_contains(md, "- Recorded expectation: fail. SYNTHETIC TEST FIXTURE: 30,600 / 2,265 is 13.5");
    assert_contains(html, "<article class=\"st-inconsistent\" id=\"t-fifteen\">");
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

/* A build writes only the ids of the claims about a figure (from the
 * registry's figure index) into its manifest; the verdicts are check's
 * output, in DIR/claims.json. */
static void test_manifest_lists_claim_ids(void **state)
{
    (void)state;
    char *dir = tu_tempdir("claims-manifest");
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig(&out, &err, "build", "tab-2-1", "--out", dir, "--no-render", NULL);
    if (rc != 0)
        fail_msg("build tab-2-1: exit %d: %s", rc, err ? err : "");
    free(out);
    free(err);
    char *text = tu_readf("%s/tab-2-1.json", dir);
    assert_non_null(text);
    cJSON *m = cJSON_Parse(text);
    assert_non_null(m);
    const cJSON *ids = cJSON_GetObjectItem(m, "claims"), *it;
    assert_true(cJSON_IsArray(ids));
    assert_true(cJSON_GetArraySize(ids) >= 20);
    int seen = 0;
    cJSON_ArrayForEach(it, ids)
    {
        assert_true(cJSON_IsString(it));
        seen |= !strcmp(it->valuestring, "n2-t21-sum-voorsteden-2006");
    }
    assert_true(seen);
    assert_null(cJSON_GetObjectItem(m, "claims_error"));
    cJSON_Delete(m);
    free(text);

    captured c = check("--claim", "n2-t21-sum-voorsteden-2006", "--out", dir, NULL);
    release(&c);
    text = tu_readf("%s/claims.json", dir);
    assert_non_null(text);
    cJSON *j = cJSON_Parse(text);
    assert_non_null(j);
    const cJSON *first = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "claims"), 0);
    assert_string_equal(cJSON_GetObjectItem(first, "id")->valuestring, "n2-t21-sum-voorsteden-2006");
    assert_string_equal(cJSON_GetObjectItem(first, "figure")->valuestring, "tab-2-1");
    cJSON_Delete(j);
    free(text);
    tu_rmrf(dir);
    free(dir);
}

/* The shipped figure index is the registry's (check refuses a stale one). */
static void test_figure_index_current(void **state)
{
    (void)state;
    claim_set set = {0};
    wf_errors errs = {0};
    assert_int_equal(claims_load_dir(WF_DATA "/claims", &set, &errs), 0);
    char *text = tu_read(WF_DATA "/claims/" CLAIMS_FIGURE_INDEX, NULL);
    assert_non_null(text);
    strbuf want = STRBUF_INIT;
    claims_figure_index(&set, &want);
    if (strcmp(text, want.s) != 0)
        fail_msg("data/claims/%s is stale: run `wrrfig check --write-index`", CLAIMS_FIGURE_INDEX);
    wf_error e;
    assert_int_equal(claims_figure_index_check(WF_DATA "/claims", &set, &e), 0);
    sb_free(&want);
    wf_errors_free(&errs);
    free(text);
    claim_set_free(&set);
}

/* A stale index is a registry error, named with the way to fix it. */
static void test_stale_index_refused(void **state)
{
    (void)state;
    char *dir = tu_tempdir("claims-stale");
    char *src = tu_read(WF_FIXTURES "/claims/ok/ch2.json", NULL);
    assert_non_null(src);
    strbuf p = STRBUF_INIT;
    sb_printf(&p, "%s/ch2.json", dir);
    tu_write(p.s, src);
    p.len = 0;
    sb_printf(&p, "%s/%s", dir, CLAIMS_FIGURE_INDEX);
    tu_write(p.s, "{\"figures\": {}}\n");
    captured c = check("--registry", dir, "--no-report", NULL);
    assert_int_equal(c.rc, EXIT_FAILED);
    assert_contains(c.err, "stale");
    assert_contains(c.err, "--write-index");
    release(&c);
    c = check("--registry", dir, "--write-index", NULL);
    assert_int_equal(c.rc, 0);
    release(&c);
    c = check("--registry", dir, "--no-report", NULL);
    assert_int_equal(c.rc, 0);
    release(&c);
    sb_free(&p);
    free(src);
    tu_rmrf(dir);
    free(dir);
}

/* --explain shows everything the verdict rests on, down to the arithmetic. */
static void test_explain(void **state)
{
    (void)state;
    captured c = check("--explain", "c4-9-216", NULL);
    assert_int_equal(c.rc, 0);
    assert_contains(c.out, "c4-9-216: INCONSISTENT\n");
    assert_contains(c.out, "quote (report line 8665");
    assert_contains(c.out, "\"Voor iedere uitgenodigde vluchteling kwamen er in 2017 dus ongeveer vijftien");
    assert_contains(c.out, "encoding: observed ~ 15 ratio, tolerance 0.75\n");
    assert_contains(c.out, "tolerance rule: policy: 'ongeveer vijftien': ~, tolerance 0.75 (5 % of the value");
    assert_contains(c.out, "measure: arith.ratio{a=30600, b=2265}\n");
    assert_contains(c.out, "none: arithmetic on numbers printed in the report");
    assert_contains(c.out, "arithmetic: |13.5099 - 15| = 1.4901 > 0.75 (tolerance): does not hold\n");
    release(&c);
    /* A data-backed claim names its table with the provenance sidecar. */
    c = check("--explain", "c1-3-096", NULL);
    assert_contains(c.out, "c1-3-096: FAIL\n");
    assert_contains(c.out, "  cbs/37296ned\n");
    assert_contains(c.out, "    source: CBS 37296ned\n");
    assert_contains(c.out, "    licence: CC BY 4.0\n");
    assert_contains(c.out, "kind: data\n");
    release(&c);
    c = check("--explain", "no-such-claim", NULL);
    assert_int_equal(c.rc, EXIT_USAGE);
    assert_contains(c.err, "no claim with id 'no-such-claim'");
    release(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_against_expectation),
        cmocka_unit_test(test_known_problem_is_a_fail),
        cmocka_unit_test(test_exit_codes),
        cmocka_unit_test(test_reports_written_and_deterministic),
        cmocka_unit_test(test_binary),
        cmocka_unit_test(test_manifest_lists_claim_ids),
        cmocka_unit_test(test_figure_index_current),
        cmocka_unit_test(test_stale_index_refused),
        cmocka_unit_test(test_explain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
