/* Every number of the report accounted for: run the scanner over the report
 * text with the shipped registry, the transcription tests and the exclusion
 * list. A number of a chapter marked complete (data/claims/scan-exclusions.tsv,
 * "#! complete:") that is neither a claim, a transcription nor excluded fails
 * `make check`, and so does an exclusion that matches no number. The binary
 * gives the same answer (`wrrfig check --scan`). */
#include "testutil.h"

#include "claims/account.h"
#include "claims/read.h"

#define REPORT WF_SRC_DIR "/../shared/report/samenleven-in-verscheidenheid.txt"

static void test_every_number_accounted_for(void **state)
{
    (void)state;
    size_t len = 0;
    char *raw = tu_read(REPORT, &len);
    if (!raw) {
        fprintf(stderr, "note: %s absent; the numbers were not accounted for\n", REPORT);
        skip();
    }
    claim_set reg = {0}, tr = {0};
    wf_errors e = {0};
    assert_int_equal(claims_load_dir(WF_DATA "/claims", &reg, &e), 0);
    assert_int_equal(claims_load_dir(WF_FIXTURES "/transcriptions", &tr, &e), 0);
    scan_exclusions x;
    if (scan_exclusions_load(WF_DATA "/claims/scan-exclusions.tsv", &x, &e) != 0)
        fail_msg("%s", e.v[0].msg);
    const claim_set *sets[2] = {&reg, &tr};
    const scan_class cls[2] = {SCAN_CLAIM, SCAN_TRANSCRIPTION};
    scan_account a;
    scan_account_run(raw, len, sets, cls, 2, &x, &a);
    strbuf r = STRBUF_INIT;
    size_t problems = scan_account_report(&a, &x, false, &r);
    if (problems)
        fail_msg("%zu numbers not accounted for (claim, transcription or exclusion):\n%s", problems, sb_cstr(&r));
    /* The scan saw the whole report and the complete chapters are real. */
    assert_true(a.n_numbers > 2500);
    size_t complete = 0;
    for (int ch = 0; ch < 10; ch++)
        complete += x.complete[ch];
    assert_true(complete >= 2);
    assert_true(a.by_class[SCAN_CLAIM] > 500);
    sb_free(&r);
    scan_account_free(&a);
    scan_exclusions_free(&x);
    wf_errors_free(&e);
    claim_set_free(&reg);
    claim_set_free(&tr);
    free(raw);
}

static void test_binary_agrees(void **state)
{
    (void)state;
    char *probe = tu_read(REPORT, NULL);
    if (!probe)
        skip();
    free(probe);
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig(&out, &err, "check", "--scan", REPORT, "--transcriptions", WF_FIXTURES "/transcriptions", NULL);
    if (rc != 0)
        fail_msg("wrrfig check --scan: exit %d\n%s%s", rc, out ? out : "", err ? err : "");
    assert_contains(out, "chapter  numbers claim transcription");
    assert_contains(out, "0 problems\n");
    free(out);
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_number_accounted_for),
        cmocka_unit_test(test_binary_agrees),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
