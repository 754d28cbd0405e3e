/* The project's transcriptions of the report's tables (data/report/) hold the
 * numbers the report prints. These were claims once ("Tabel 2.1, G3, <2 jaar:
 * 15,5"), but comparing a cell with the project's own copy of that cell is a
 * test of the data, not evidence for the report: so they live here, in the
 * registry format (tests/fixtures/transcriptions/chN.json, each cell with its
 * report line and verbatim row), and a wrong transcription fails the test
 * suite instead of passing as a claim. */
#include "testutil.h"

#include "claims/check.h"
#include "claims/kind.h"
#include "claims/read.h"

#define DIR WF_FIXTURES "/transcriptions"

static void test_every_cell_matches_the_report(void **state)
{
    (void)state;
    wf_app a;
    tu_app(&a, WF_DATA);
    claim_set set = {0};
    wf_errors errs = {0};
    if (claims_load_dir(DIR, &set, &errs) != 0)
        fail_msg("%s", errs.v[0].msg);
    assert_true(set.n >= 84);
    claim_result *res = xcalloc(set.n, sizeof *res);
    unsigned char *sel = xcalloc(set.n, 1);
    claims_options o = {-1, NULL, NULL, 1};
    claims_check_set(&a, &set, &o, res, sel);
    size_t bad = 0;
    for (size_t i = 0; i < set.n; i++) {
        /* A transcription reads the report's own table and nothing else. */
        if (res[i].kind != CLAIM_KIND_INTERNAL || res[i].status != CLAIM_PASS) {
            fprintf(stderr, "%s (line %ld, %s): %s, kind %s, observed %g, transcribed cell should be %g; %s\n",
                    set.v[i].id, set.v[i].line, set.v[i].measure, claim_status_key(res[i].status),
                    claim_kind_key(res[i].kind), res[i].observed, set.v[i].value, res[i].reason.msg);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
    free(res);
    free(sel);
    wf_errors_free(&errs);
    claim_set_free(&set);
    registry_free(&a.reg);
}

/* The ids moved here are gone from the registry (a number is a claim or a
 * transcription, not both). */
static void test_not_in_the_registry(void **state)
{
    (void)state;
    claim_set reg = {0}, tr = {0};
    wf_errors errs = {0};
    assert_int_equal(claims_load_dir(WF_DATA "/claims", &reg, &errs), 0);
    assert_int_equal(claims_load_dir(DIR, &tr, &errs), 0);
    for (size_t i = 0; i < tr.n; i++)
        if (claim_set_find(&reg, tr.v[i].id) >= 0)
            fail_msg("%s is both a claim and a transcription test", tr.v[i].id);
    wf_errors_free(&errs);
    claim_set_free(&reg);
    claim_set_free(&tr);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_cell_matches_the_report),
        cmocka_unit_test(test_not_in_the_registry),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
