/* util/rmtree.c: a tree is removed depth first, links are removed and not
 * followed, an absent path is success. */
#include "testutil.h"

#include <sys/stat.h>
#include <unistd.h>

#include "util/rmtree.h"

static void put(const char *path)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("x", f);
    fclose(f);
}

static void test_removes_tree_not_link_targets(void **state)
{
    (void)state;
    char *root = tu_tempdir("rmtree");
    char p[700], keep[700], link[700];
    snprintf(p, sizeof p, "%s/tree", root);
    assert_int_equal(mkdir(p, 0700), 0);
    snprintf(p, sizeof p, "%s/tree/a", root);
    assert_int_equal(mkdir(p, 0700), 0);
    snprintf(p, sizeof p, "%s/tree/a/b", root);
    assert_int_equal(mkdir(p, 0700), 0);
    snprintf(p, sizeof p, "%s/tree/a/b/f", root);
    put(p);
    snprintf(p, sizeof p, "%s/tree/g", root);
    put(p);
    /* a file outside the tree, linked from inside it: must survive */
    snprintf(keep, sizeof keep, "%s/outside", root);
    assert_int_equal(mkdir(keep, 0700), 0);
    snprintf(p, sizeof p, "%s/outside/precious", root);
    put(p);
    snprintf(link, sizeof link, "%s/tree/a/to-outside", root);
    assert_int_equal(symlink(keep, link), 0);
    snprintf(p, sizeof p, "%s/tree", root);
    assert_int_equal(remove_tree(p), 0);
    struct stat st;
    assert_int_not_equal(lstat(p, &st), 0);
    snprintf(p, sizeof p, "%s/outside/precious", root);
    assert_int_equal(stat(p, &st), 0);
    /* absent: success; a plain file: removed */
    snprintf(p, sizeof p, "%s/tree", root);
    assert_int_equal(remove_tree(p), 0);
    snprintf(p, sizeof p, "%s/outside/precious", root);
    assert_int_equal(remove_tree(p), 0);
    assert_int_not_equal(stat(p, &st), 0);
    tu_rmrf(root);
    free(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_removes_tree_not_link_targets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
