/* Plugin ABI checks: plugins built wrong are refused with a message that
 * names the file and the found/expected values. */
#include "testutil.h"

#include "host/registry.h"

static const char *refusal_for(const char *plugin)
{
    static wf_registry r;
    registry_free(&r);
    char path[512];
    snprintf(path, sizeof path, "%s/%s.so", WF_TEST_PLUGINS, plugin);
    assert_int_equal(registry_load_file(&r, path), -1);
    assert_int_equal(r.n_refusals, 1);
    assert_int_equal(r.n_plugins, 0);
    assert_contains(r.refusals[0], path);
    return r.refusals[0];
}

static void test_bad_magic(void **state)
{
    (void)state;
    const char *m = refusal_for("badmagic");
    assert_contains(m, "wrong magic: found 0xdeadbeef, expected 0x57524647");
}

static void test_abi_major(void **state)
{
    (void)state;
    assert_contains(refusal_for("abimajor"), "ABI major mismatch: plugin built for 99.0, this host has 2.");
}

static void test_abi_newer_minor(void **state)
{
    (void)state;
    assert_contains(refusal_for("abiminor"), "ABI too new: plugin needs 2.99, this host has 2.");
}

static void test_name_mismatch(void **state)
{
    (void)state;
    assert_contains(refusal_for("misnamed"), "name mismatch: descriptor says 'another-name', file stem is 'misnamed'");
}

static void test_no_descriptor(void **state)
{
    (void)state;
    assert_contains(refusal_for("nodesc"), "no descriptor: the symbol 'wrrfig_plugin_descriptor' is missing");
}

static void test_duplicate_figure_id(void **state)
{
    (void)state;
    wf_registry r = {0};
    assert_int_equal(registry_load_file(&r, WF_TEST_PLUGINS "/crashy.so"), 0);
    assert_int_equal(registry_load_file(&r, WF_TEST_PLUGINS "/dupid.so"), -1);
    assert_int_equal(r.n_plugins, 1);
    assert_contains(r.refusals[0], "dupid.so: duplicate figure id 'crashy-ok': already provided by plugin 'crashy'");
    /* The good plugin's figures and measures are registered, sorted. */
    assert_non_null(registry_figure(&r, "crashy-ok"));
    assert_non_null(registry_measure(&r, "crashy.value"));
    assert_null(registry_figure(&r, "nope"));
    for (size_t i = 1; i < r.n_figures; i++)
        assert_true(strcmp(r.figures[i - 1].id, r.figures[i].id) < 0);
    registry_free(&r);
}

static void test_not_a_regular_file(void **state)
{
    (void)state;
    char *d = tu_tempdir("reg");
    char link[512], path[512];
    snprintf(link, sizeof link, "%s/crashy.so", d);
    snprintf(path, sizeof path, "%s/crashy.so", WF_TEST_PLUGINS);
    assert_int_equal(symlink(path, link), 0);
    wf_registry r = {0};
    assert_int_equal(registry_load_dir(&r, d), 0);
    assert_int_equal(r.n_plugins, 0);
    assert_int_equal(r.n_refusals, 1);
    assert_contains(r.refusals[0], "not a regular file");
    registry_free(&r);
    tu_rmrf(d);
    free(d);
}

/* ABI rule (plugin.h, Versioning): a plugin built for an older minor, whose
 * figure elements are smaller than the host's, loads and is read by its own
 * element size; the field it lacks reads as absent. */
static void test_older_minor_layout(void **state)
{
    (void)state;
    wf_registry r = {0};
    if (registry_load_file(&r, WF_TEST_PLUGINS "/oldminor.so") != 0)
        fail_msg("refused: %s", r.refusals[0]);
    assert_int_equal(r.n_plugins, 1);
    assert_int_equal(r.plugins[0]->abi_minor, 0);
    assert_int_equal(r.n_figures, 3);
    const wf_figure *a = registry_figure(&r, "oldminor-a"), *b = registry_figure(&r, "oldminor-b"),
                    *c = registry_figure(&r, "fig-98-1");
    assert_non_null(a);
    assert_non_null(b); /* read at offset 1 x the 2.0 size, not the host's */
    assert_non_null(c);
    assert_string_equal(a->inputs[0], "old/a");
    assert_null(a->inputs[1]);
    assert_string_equal(b->inputs[0], "old/b1");
    assert_string_equal(b->inputs[1], "old/b2");
    assert_string_equal(b->needs, "tables old/b1 and old/b2");
    assert_string_equal(c->needs, "nothing");
    assert_string_equal(a->doc, ""); /* 2.1's field, absent in a 2.0 element */
    assert_non_null(a->build);
    assert_true(a->build != b->build);
    const wf_measure *m = registry_measure(&r, "oldminor.value");
    assert_non_null(m);
    assert_string_equal(m->unit, "count");
    const wf_kind *k = registry_kind(&r, "oldminor.series");
    assert_non_null(k);
    assert_int_equal(k->n_params, 2);
    assert_string_equal(k->params[1].name, "year");
    assert_int_equal(k->params[1].type, WRRFIG_PARAM_NUMBER);
    assert_string_equal(k->params[1].def, "2019");
    registry_free(&r);
}

/* Descriptors checked in memory: element sizes, kinds and the id rule. */
static wrrfig_status nop_build(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    (void)h;
    (void)ctx;
    return WRRFIG_OK;
}

static const char *check_msg(const wrrfig_plugin *d)
{
    static char buf[1024];
    wf_registry r = {0};
    strbuf msg = STRBUF_INIT;
    int rc = registry_check_descriptor(&r, d, "t.so", d->name, &msg);
    snprintf(buf, sizeof buf, "%s", rc == 0 ? "" : msg.s);
    sb_free(&msg);
    return buf;
}

static void test_descriptor_checks(void **state)
{
    (void)state;
    static const wrrfig_figure figs[] = {{.id = "t-one", .build = nop_build}, {.id = "fig-3-2-report", .build = nop_build}};
    wrrfig_plugin d = {WRRFIG_ABI_MAGIC, WRRFIG_ABI_MAJOR, WRRFIG_ABI_MINOR, "t", "1", "test",
                       WRRFIG_ARRAY(figs), WRRFIG_NONE, WRRFIG_NONE};
    assert_string_equal(check_msg(&d), "");
    d.figure_size = 8; /* not even the 2.0 layout */
    assert_contains(check_msg(&d), "t.so: figures element size: found 8, expected");
    d.figure_size = sizeof(wrrfig_figure) + 8; /* larger than this host knows */
    assert_contains(check_msg(&d), "figures element size: found");
    d.figure_size = sizeof figs[0];
    static const wrrfig_figure bad_id[] = {{.id = "other-one", .build = nop_build}};
    d.figures = bad_id;
    d.n_figures = 1;
    assert_contains(check_msg(&d), "figure id 'other-one' breaks the id rule");
    static const wrrfig_figure report_bad[] = {{.id = "fig-x-1", .build = nop_build}};
    d.figures = report_bad;
    assert_contains(check_msg(&d), "breaks the id rule");
    d.figures = figs;
    d.n_figures = 2;

    static const wrrfig_param good[] = {{"table", WRRFIG_PARAM_TABLE, NULL, "t"}, {"year", WRRFIG_PARAM_NUMBER, "2019", "y"}};
    wrrfig_kind k = {"t.series", "doc", good, sizeof good[0], 2, "needs", nop_build};
    d.kinds = &k;
    d.kind_size = sizeof k;
    d.n_kinds = 1;
    assert_string_equal(check_msg(&d), "");
    k.id = "other.series";
    assert_contains(check_msg(&d), "kind 0 has an invalid id 'other.series' (expected 't.<name>')");
    k.id = "t.series";
    static const wrrfig_param bad_def[] = {{"year", WRRFIG_PARAM_NUMBER, "\"2019\"", "y"}};
    k.params = bad_def;
    k.n_params = 1;
    assert_contains(check_msg(&d), "default of parameter 'year' must be a JSON number: found \"2019\"");
    static const wrrfig_param bad_table[] = {{"t", WRRFIG_PARAM_TABLE, "\"../etc/passwd\"", "y"}};
    k.params = bad_table;
    assert_contains(check_msg(&d), "default of parameter 't' must be a JSON string naming a table");
    static const wrrfig_param twice[] = {{"a", WRRFIG_PARAM_TEXT, NULL, ""}, {"a", WRRFIG_PARAM_LIST, NULL, ""}};
    k.params = twice;
    k.n_params = 2;
    assert_contains(check_msg(&d), "parameter 'a' declared twice");
    static const wrrfig_param badtype[] = {{"a", (wrrfig_param_type)9, NULL, ""}};
    k.params = badtype;
    k.n_params = 1;
    assert_contains(check_msg(&d), "has type 9: expected 0 (table) to 4 (list)");
    k.params = good;
    k.n_params = 2;
    k.param_size = 4;
    assert_contains(check_msg(&d), "kind parameters element size: found 4");
}

static void test_figure_id_rule(void **state)
{
    (void)state;
    const char *ok[] = {"fig-2-14", "tab-7-1", "kader-4-5", "fig-2-14-report", "fig-2-15-2017", "hhi-granularity",
                        "hhi-wijk-amsterdam-2019"};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
        if (!registry_figure_id_ok(ok[i], "hhi"))
            fail_msg("'%s' should pass", ok[i]);
    const char *bad[] = {"", "Fig-2-1", "fig-2", "fig-a-1", "fig-2-1-", "fig--2-1", "hhi", "hhi-", "cohorts-x",
                         "fig_2_1", "fig-2-1.json", "t-ok"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (registry_figure_id_ok(bad[i], "hhi"))
            fail_msg("'%s' should fail", bad[i]);
}

static void test_shipped_plugins_load(void **state)
{
    (void)state;
    wf_registry r = {0};
    assert_int_equal(registry_load_dir(&r, WF_PLUGINS), 0);
    for (size_t i = 0; i < r.n_refusals; i++)
        fail_msg("shipped plugin refused: %s", r.refusals[i]);
    assert_non_null(registry_figure(&r, "tab-2-1"));
    registry_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_magic),          cmocka_unit_test(test_abi_major),
        cmocka_unit_test(test_abi_newer_minor),    cmocka_unit_test(test_name_mismatch),
        cmocka_unit_test(test_no_descriptor),      cmocka_unit_test(test_duplicate_figure_id),
        cmocka_unit_test(test_not_a_regular_file), cmocka_unit_test(test_shipped_plugins_load),
        cmocka_unit_test(test_older_minor_layout), cmocka_unit_test(test_descriptor_checks),
        cmocka_unit_test(test_figure_id_rule),
    };
    return cmocka_run_group_tests_name("registry", tests, NULL, NULL);
}
