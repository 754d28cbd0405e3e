/* data/mapping_files.c: the one listing of the .json files of <data>/mappings that the
 * fetchable index and the command names share. What is listed, in which
 * order, and nothing for a folder that is not there. */
#include "testutil.h"

#include <sys/stat.h>

#include "cmd/names.h"
#include "data/mapping_files.h"
#include "import/fetchable.h"

static void put(const char *dir, const char *name)
{
    char p[700];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    tu_write(p, "{}");
}

static void test_lists_json_files_sorted_by_file_name(void **state)
{
    (void)state;
    char *root = tu_tempdir("mapfiles");
    char maps[600];
    snprintf(maps, sizeof maps, "%s/mappings", root);
    assert_int_equal(mkdir(maps, 0700), 0);
    /* listed */
    put(maps, "b.json");
    put(maps, "a.json");
    put(maps, "a-b.json");
    /* not listed: hidden, no stem, another ending, a name too short to
     * hold one, the ending in capitals */
    put(maps, ".hidden.json");
    put(maps, ".json");
    put(maps, "notes.txt");
    put(maps, "json");
    put(maps, "c.JSON");
    put(maps, "d.json.bak");

    wf_mapping_files l;
    wf_mapping_files_list(root, &l);
    assert_int_equal(l.n, 3);
    /* by file name: '-' sorts before '.' */
    static const char *const stems[] = {"a-b", "a", "b"};
    for (size_t i = 0; i < 3; i++) {
        assert_string_equal(l.v[i].stem, stems[i]);
        char file[64], path[700];
        snprintf(file, sizeof file, "%s.json", stems[i]);
        snprintf(path, sizeof path, "%s/%s", maps, file);
        assert_string_equal(l.v[i].file, file);
        assert_string_equal(l.v[i].path, path);
    }
    wf_mapping_files_free(&l);
    assert_null(l.v);
    assert_int_equal(l.n, 0);

    /* The names a user types, by name: "a" before "a-b". */
    wf_names n;
    wf_mapping_names(root, &n);
    assert_int_equal(n.n, 3);
    assert_string_equal(n.v[0], "a");
    assert_string_equal(n.v[1], "a-b");
    assert_string_equal(n.v[2], "b");
    wf_names_free(&n);

    /* The fetchable index reads the same files, in the listing's order;
     * "{}" is no mapping, and each says why. */
    imp_fetch_index ix;
    imp_fetch_index_load(root, &ix);
    assert_int_equal(ix.n, 3);
    assert_string_equal(ix.v[0].mapping, "data/mappings/a-b.json");
    assert_string_equal(ix.v[1].name, "a");
    assert_string_equal(ix.v[2].name, "b");
    for (size_t i = 0; i < ix.n; i++) {
        assert_non_null(ix.v[i].problem);
        assert_null(ix.v[i].table);
    }
    imp_fetch_index_free(&ix);
    tu_rmrf(root);
    free(root);
}

static void test_absent_folder_lists_nothing(void **state)
{
    (void)state;
    char *root = tu_tempdir("mapfiles-none");
    wf_mapping_files l;
    wf_mapping_files_list(root, &l);
    assert_int_equal(l.n, 0);
    assert_null(l.v);
    wf_mapping_files_free(&l);
    wf_mapping_files_list("/nonexistent/wrrfig/data", &l);
    assert_int_equal(l.n, 0);
    wf_mapping_files_free(&l);
    tu_rmrf(root);
    free(root);
}

/* The shipped data directory: every file of data/mappings is listed. */
static void test_shipped_mappings(void **state)
{
    (void)state;
    wf_mapping_files l;
    wf_mapping_files_list(WF_DATA, &l);
    assert_true(l.n > 5);
    for (size_t i = 0; i < l.n; i++) {
        struct stat st;
        assert_int_equal(stat(l.v[i].path, &st), 0);
        if (i)
            assert_true(strcmp(l.v[i - 1].file, l.v[i].file) < 0);
    }
    wf_mapping_files_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lists_json_files_sorted_by_file_name),
        cmocka_unit_test(test_absent_folder_lists_nothing),
        cmocka_unit_test(test_shipped_mappings),
    };
    return cmocka_run_group_tests_name("mapping files", tests, NULL, NULL);
}
