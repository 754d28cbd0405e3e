/* Figure ids in the report's order (cmd/figure_order.c), as `wrrfig list`
 * prints them. */
#include "testutil.h"

#include "cmd/figure_order.h"

static void test_order(void **state)
{
    (void)state;
    const char *want[] = {"fig-1-1", "fig-2-1", "tab-2-1", "fig-2-2", "fig-2-10", "fig-2-12", "fig-2-12-report",
                          "fig-2-15", "fig-2-15-2017", "fig-2-15-report", "tab-4-1", "kader-4-5", "fig-8-1",
                          "tab-10-1", "hhi-granularity", "zz"};
    size_t n = sizeof want / sizeof *want;
    for (size_t i = 0; i + 1 < n; i++) {
        if (wf_figure_id_cmp(want[i], want[i + 1]) >= 0)
            fail_msg("%s should come before %s", want[i], want[i + 1]);
        if (wf_figure_id_cmp(want[i + 1], want[i]) <= 0)
            fail_msg("%s should come after %s", want[i + 1], want[i]);
    }
    assert_int_equal(wf_figure_id_cmp("fig-2-1", "fig-2-1"), 0);

    /* wf_sort_figures on a shuffled list gives the same order */
    wf_figure figs[16];
    const wf_figure *p[16];
    for (size_t i = 0; i < n; i++) {
        figs[i].id = (char *)want[(i * 7) % n]; /* 7 and 16 are coprime: a permutation */
        p[i] = &figs[i];
    }
    wf_sort_figures(p, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(p[i]->id, want[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_order)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
