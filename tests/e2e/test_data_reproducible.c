/* The shipped CBS tables are what the importer makes from the third-party
 * files in ../shared/data today: re-importing changes no byte. (Skipped when
 * the shared data is not beside the checkout.) */
#include "testutil.h"

static void test_import_all_is_current(void **state)
{
    (void)state;
    if (access(WF_SRC_DIR "/../shared/data/INDEX.md", R_OK) != 0) {
        skip();
        return;
    }
    char *argv[] = {(char *)"/bin/sh", (char *)WF_SRC_DIR "/scripts/import-all.sh", (char *)"--check", NULL};
    char *out = NULL, *err = NULL;
    int rc = tu_run(argv, &out, &err);
    if (rc != 0)
        fail_msg("import-all --check failed (%d):\n%s\n%s", rc, out, err);
    assert_contains(out, "unchanged cbs/37296ned");
    assert_false(tu_contains(out, "DIFFERS"));
    free(out);
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_import_all_is_current)};
    return cmocka_run_group_tests_name("data reproducible", tests, NULL, NULL);
}
