/* policy.n_types through the fake host on the shipped transcription of
 * Kader 2.3; the expected count is computed here from the CSV, and a
 * fixture without the table is NO-DATA. */
#include "testutil.h"

#include "claims/status.h"
#include "fakehost.h"

static void test_n_types(void **state)
{
    (void)state;
    char path[512], line[256], seen[32][64];
    size_t n = 0;
    snprintf(path, sizeof path, "%s/report/kader-2-3.csv", WF_DATA);
    FILE *f = fopen(path, "r");
    if (!f)
        fail_msg("cannot open %s", path);
    assert_non_null(fgets(line, sizeof line, f)); /* header */
    while (fgets(line, sizeof line, f)) {
        char ty[64];
        if (sscanf(line, "%63[^,]", ty) != 1 || !strcmp(ty, "gemiddeld"))
            continue;
        bool dup = false;
        for (size_t i = 0; i < n; i++)
            dup = dup || !strcmp(seen[i], ty);
        if (!dup && n < 32)
            snprintf(seen[n++], sizeof seen[0], "%s", ty);
    }
    fclose(f);
    assert_true(n > 1);
    fh_host *fh = fh_new(WF_DATA);
    const wrrfig_plugin *ty = fh_plugin(fh, "policy");
    double v = 0;
    assert_int_equal(fh_measure(fh, ty, "policy.n_types{}", &v), WRRFIG_OK);
    assert_double_near(v, (double)n, 0);
    fh_free(fh);
    char *dir = tu_tempdir("policy-empty");
    fh = fh_new(dir);
    ty = fh_plugin(fh, "policy");
    assert_int_equal(fh_measure(fh, ty, "policy.n_types{}", &v), WRRFIG_NODATA);
    fh_free(fh);
    tu_rmrf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_n_types),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
