/* Every figure and table of the report has an entry: a plugin provides it,
 * its spec has a Dutch and an English title and a source line, and when its
 * input is absent it names what to download. The 38 ids are the canonical
 * list of the report's figures (shared/design/figures.md). */
#include "testutil.h"

#include "app.h"
#include "format/jsonfile.h"

static const char *const report_ids[] = {
    "fig-1-1",  "fig-1-2",  "fig-1-3",  "fig-2-1",  "fig-2-2",  "fig-2-3",   "fig-2-4",  "fig-2-5",
    "fig-2-6",  "fig-2-7",  "fig-2-8",  "fig-2-9",  "fig-2-10", "fig-2-11",  "fig-2-12", "fig-2-13",
    "fig-2-14", "fig-2-15", "tab-2-1",  "fig-3-1",  "fig-3-2",  "fig-3-3",   "fig-3-4",  "fig-3-5",
    "fig-3-6",  "fig-3-7",  "fig-3-8",  "fig-3-9",  "fig-3-10", "fig-3-11",  "fig-3-12", "fig-3-13",
    "tab-4-1",  "tab-4-2",  "tab-4-3",  "kader-4-5", "tab-7-1", "fig-8-1",
};

static void test_every_report_figure_has_an_entry(void **state)
{
    (void)state;
    wf_app a = {0};
    a.data_dir = WF_DATA;
    a.plugin_dir = WF_PLUGINS;
    a.figures_dir = WF_FIGURES;
    /* plugins and the specs that instantiate their kinds (the maps) */
    assert_int_equal(app_load_plugins(&a), 0);
    assert_int_equal(a.specs.n_problems, 0);
    assert_int_equal(a.reg.n_refusals, 0);
    assert_int_equal(sizeof report_ids / sizeof *report_ids, 38);
    size_t ready = 0;
    for (size_t i = 0; i < sizeof report_ids / sizeof *report_ids; i++) {
        const wf_figure *f = registry_figure(&a.reg, report_ids[i]);
        if (!f)
            fail_msg("no plugin provides %s", report_ids[i]);
        wf_error err;
        cJSON *spec = spec_load(WF_FIGURES, f->id, &err);
        if (!spec)
            fail_msg("%s: %s", f->id, err.msg);
        if (!json_str(json_at(spec, "title"), "nl") || !json_str(json_at(spec, "title"), "en"))
            fail_msg("%s: spec needs title.nl and title.en", f->id);
        if (!json_at(spec, "source"))
            fail_msg("%s: spec needs a source line", f->id);
        if (first_missing_input(&a, f->inputs)) {
            if (strlen(f->needs) < 10)
                fail_msg("%s is NO-DATA but does not say what it needs ('%s')", f->id, f->needs);
        } else {
            ready++;
        }
        cJSON_Delete(spec);
    }
    /* What the shipped data covers today (docs/coverage.md); a change is a
     * finding to write down there. */
    assert_int_equal(ready, 20);
    app_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_every_report_figure_has_an_entry)};
    return cmocka_run_group_tests_name("coverage", tests, NULL, NULL);
}
