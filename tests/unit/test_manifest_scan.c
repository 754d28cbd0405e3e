/* figure_manifest_ids: which JSON files of an output directory are figure
 * manifests, and that a skipped stem is not read. */
#include "testutil.h"

#include "figure/manifest_scan.h"

static bool skip_b(void *ud, const char *stem)
{
    int *asked = ud;
    (*asked)++;
    return strcmp(stem, "b") == 0;
}

static void test_only_figure_manifests(void **state)
{
    (void)state;
    char *d = tu_tempdir("manifest-scan");
    char p[1024];
    const char *files[][2] = {
        {"a.json", "{\"id\": \"a\", \"plugin\": {\"name\": \"x\"}}"},
        {"b.json", "{\"id\": \"b\", \"plugin\": {}}"},
        {"z-1.json", "{\"id\": \"z-1\", \"plugin\": {}}"},
        {"claims.json", "{\"claims\": []}"},                  /* no id, no plugin */
        {"c.json", "{\"id\": \"other\", \"plugin\": {}}"},     /* id is not the file's */
        {"e.json", "{\"id\": \"e\", \"plugin\": \"text\"}"},  /* plugin not an object */
        {"f.json", "{\"id\": \"f\", \"plugin\": {}"},          /* broken */
        {".g.json", "{\"id\": \".g\", \"plugin\": {}}"},       /* hidden: a temporary */
        {"h.txt", "{\"id\": \"h\", \"plugin\": {}}"},
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(p, sizeof p, "%s/%s", d, files[i][0]);
        tu_write(p, files[i][1]);
    }
    char **ids;
    size_t n;
    assert_int_equal(figure_manifest_ids(d, NULL, NULL, &ids, &n), 0);
    assert_int_equal(n, 3);
    assert_string_equal(ids[0], "a");
    assert_string_equal(ids[1], "b");
    assert_string_equal(ids[2], "z-1");
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
    int asked = 0;
    assert_int_equal(figure_manifest_ids(d, skip_b, &asked, &ids, &n), 0);
    assert_int_equal(asked, 7); /* every *.json stem but the hidden one */
    assert_int_equal(n, 2);
    assert_string_equal(ids[0], "a");
    assert_string_equal(ids[1], "z-1");
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
    snprintf(p, sizeof p, "%s/absent", d);
    assert_int_equal(figure_manifest_ids(p, NULL, NULL, &ids, &n), -1);
    assert_null(ids);
    assert_int_equal(n, 0);
    tu_rmrf(d);
    free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_only_figure_manifests),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
