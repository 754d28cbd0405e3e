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
    };
    return cmocka_run_group_tests_name("registry", tests, NULL, NULL);
}
