/* What a refresh of the constructed 37296ned release B must print, shared by
 * tests/e2e/test_refresh.c (newest download) and test_refresh_fetch.c
 * (fetched snapshot): both serve the same release (2015 immigration and
 * 2010 population changed, 2023 added). Include after testutil.h. */
#ifndef WRRFIG_TESTS_REFRESH_EXPECT_H
#define WRRFIG_TESTS_REFRESH_EXPECT_H

/* `out` is refresh's standard output, `data` its data directory: exactly
 * the figures that `wrrfig info cbs/37296ned` lists were rebuilt, each with
 * its cue, and the diff names the changed figure values and the claim whose
 * observed value moved. */
static inline void expect_release_b_rebuild_and_diff(const char *out, const char *data)
{
    char *info = NULL, *ierr = NULL;
    assert_int_equal(tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &info, &ierr, "info", "cbs/37296ned", NULL), 0);
    int n = 0;
    for (const char *q = info; (q = strstr(q, "\nfigure ")); q++) {
        const char *id = q + 8;
        while (*id == ' ')
            id++;
        char want[160];
        snprintf(want, sizeof want, "%.*s: rebuilt: input cbs/37296ned changed", (int)strcspn(id, " \n"), id);
        assert_contains(out, want);
        n++;
    }
    assert_true(n >= 5);
    int rebuilt = 0;
    for (const char *q = out; (q = strstr(q, ": rebuilt: ")); q++)
        rebuilt++;
    if (rebuilt != n)
        fail_msg("%d figures rebuilt, %d use cbs/37296ned:\n%s", rebuilt, n, out);
    free(info);
    free(ierr);
    assert_contains(out, "changes against the previous build:");
    assert_contains(out, "changed year=2015 immigration: 204615 -> 170000 (-34615)");
    assert_contains(out, "changed year=2010 population_1jan: 16574989 -> 16600000 (+25011)");
    assert_contains(out, "verdict pass -> fail; observed 204615 -> 170000");
}

#endif
