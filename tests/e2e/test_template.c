/* The plugin template builds out of tree against the public header alone and
 * is accepted by the host. */
#include "testutil.h"

#include "host/registry.h"

static void test_template_builds_and_loads(void **state)
{
    (void)state;
    char *dir = tu_tempdir("tpl");
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "make -s -C '%s/docs/plugin-template' OUT='%s' WRRFIG_CFLAGS='-I%s/core/include'",
             WF_SRC_DIR, dir, WF_SRC_DIR);
    assert_int_equal(system(cmd), 0);
    char so[512];
    snprintf(so, sizeof so, "%s/example.so", dir);
    wf_registry r = {0};
    if (registry_load_file(&r, so) != 0)
        fail_msg("refused: %s", r.refusals[0]);
    assert_non_null(registry_figure(&r, "example-1"));
    assert_non_null(registry_measure(&r, "example.latest"));
    registry_free(&r);
    tu_rmrf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_template_builds_and_loads)};
    return cmocka_run_group_tests_name("plugin template", tests, NULL, NULL);
}
