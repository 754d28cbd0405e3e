/* Regression (#10): reads and writes outside their directories. A mapping's
 * input.file "../../../secret.csv" was imported, labels_file
 * "../../etc/passwd" opened, import-geo --name ../../x and --table ../x
 * wrote outside data/, and a figure id ".." was accepted. Every path is now
 * resolved against its root and refused outside it, symbolic links
 * included. Also (#12) import-geo no longer writes -nan into JSON. */
#include "testutil.h"

#include "data/table.h"
#include "import/importer.h"
#include "util/path.h"

#define IMP_SHARED WF_FIXTURES "/import/shared"
#define IMP_MAP WF_FIXTURES "/import/mappings/"

TU_SCRATCH_DIR(tmp, "contain")

/* A copy of a fixture mapping with one string replaced; returns its path. */
static char *mapping_with(const char *fixture, const char *from, const char *to)
{
    char *text = tu_readf("%s%s", IMP_MAP, fixture);
    assert_non_null(text);
    char *at = strstr(text, from);
    assert_non_null(at);
    strbuf b = STRBUF_INIT;
    sb_add(&b, text, (size_t)(at - text));
    sb_puts(&b, to);
    sb_puts(&b, at + strlen(from));
    char *p = malloc(700);
    snprintf(p, 700, "%s/m-%zu.json", tmp, strlen(to));
    tu_write(p, b.s);
    sb_free(&b);
    free(text);
    return p;
}

static char *import_err(const char *mapping, const char *shared)
{
    wf_table *t = NULL;
    wf_error err = {{0}};
    int rc = import_build(mapping, shared, &t, &err);
    if (rc == 0) {
        table_free(t);
        fail_msg("import of %s should have failed", mapping);
    }
    return strdup(err.msg);
}

static void test_path_rules(void **state)
{
    (void)state;
    assert_true(path_rel_safe("cbs/37296ned.csv"));
    assert_true(path_rel_safe("a/./b"));
    assert_true(path_rel_safe("..a/b..")); /* names that merely contain dots */
    assert_false(path_rel_safe(""));
    assert_false(path_rel_safe("/etc/passwd"));
    assert_false(path_rel_safe(".."));
    assert_false(path_rel_safe("../x"));
    assert_false(path_rel_safe("a/../../x"));
    assert_false(path_rel_safe("a/.."));
    wf_error err;
    assert_int_equal(path_inside(WF_SRC_DIR, "data/cbs/37296ned.csv", &err), 0);
    assert_int_equal(path_inside(WF_SRC_DIR, "data/not/yet/there.csv", &err), 0);
    assert_int_equal(path_inside(WF_SRC_DIR "/data", "../Makefile", &err), -1);
    char link[700];
    snprintf(link, sizeof link, "%s/out", tmp);
    assert_int_equal(symlink("/etc", link), 0);
    assert_int_equal(path_inside(tmp, "out/passwd", &err), -1);
    assert_contains(err.msg, "leads outside");
    assert_int_equal(path_inside(tmp, "out/new/file", &err), -1);
    unlink(link);
}

static void test_mapping_paths_stay_inside(void **state)
{
    (void)state;
    char *m = mapping_with("37296ned_excerpt.json", "\"37296ned_excerpt.csv\"", "\"../../../secret.csv\"");
    char *e = import_err(m, IMP_SHARED);
    assert_contains(e, "$.input.file: '../../../secret.csv' (expected a relative path inside the shared directory");
    free(e);
    free(m);
    m = mapping_with("60032_excerpt.json", "\"60032_labels_excerpt.csv\"", "\"../../etc/passwd\"");
    e = import_err(m, IMP_SHARED);
    assert_contains(e, "labels_file.file: '../../etc/passwd'");
    free(e);
    free(m);
    m = mapping_with("37296ned_excerpt.json", "\"37296ned_excerpt.csv\"", "\"/etc/passwd\"");
    e = import_err(m, IMP_SHARED);
    assert_contains(e, "'/etc/passwd' (expected a relative path");
    free(e);
    free(m);
    /* A symbolic link inside the shared directory that points out of it. */
    char shared[700], link[800];
    snprintf(shared, sizeof shared, "%s/shared", tmp);
    mkdir(shared, 0755);
    snprintf(link, sizeof link, "%s/37296ned_excerpt.csv", shared);
    assert_int_equal(symlink(WF_FIXTURES "/import/shared/37296ned_excerpt.csv", link), 0);
    e = import_err(IMP_MAP "37296ned_excerpt.json", shared);
    assert_contains(e, "leads outside");
    free(e);
}

static void test_table_names_stay_inside(void **state)
{
    (void)state;
    wf_table *t = NULL;
    wf_error err;
    assert_int_equal(table_load(WF_DATA, "../tests/fixtures/data/test/hostile", &t, &err), -1);
    assert_contains(err.msg, "expected a relative path inside");
    const char *dims[] = {"k"};
    wf_table *n = table_new("../escaped", dims, 1, 1);
    const char *keys[] = {"a"};
    table_add_row(n, keys, WRRFIG_VALUE, 1);
    assert_int_equal(table_save(n, tmp, &err), -1);
    table_free(n);
    char p[700];
    snprintf(p, sizeof p, "%s/../escaped.csv", tmp);
    assert_int_equal(access(p, F_OK), -1);
}

static void test_import_geo_names(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig_dirs(WF_PLUGINS, tmp, WF_FIGURES, &out, &err, "import-geo", WF_FIXTURES "/geo/holes_multi.geojson",
                            "--name", "../../x", "--source", "s", "--licence", "l", NULL);
    assert_int_equal(rc, 2);
    assert_contains(err, "'../../x': expected NS/NAME inside the data directory");
    free(out);
    free(err);
    rc = tu_wrrfig_dirs(WF_PLUGINS, tmp, WF_FIGURES, &out, &err, "import-geo", WF_FIXTURES "/geo/holes_multi.geojson",
                        "--name", "geo/x", "--source", "s", "--licence", "l", "--attrs", "other", "--table", "../x",
                        NULL);
    assert_int_equal(rc, 2);
    assert_contains(err, "'../x'");
    free(out);
    free(err);
}

/* Regression (#12): a huge WGS84 coordinate became -nan in the JSON and the
 * import exited 0. */
static void test_import_geo_no_nan(void **state)
{
    (void)state;
    char src[700];
    snprintf(src, sizeof src, "%s/huge.geojson", tmp);
    tu_write(src, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"statcode\":"
                  "\"GM0001\",\"statnaam\":\"A\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[1e300,52],"
                  "[5,52],[5,53],[1e300,52]]]}}]}");
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig_dirs(WF_PLUGINS, tmp, WF_FIGURES, &out, &err, "import-geo", src, "--from", "wgs84", "--name",
                            "geo/huge", "--source", "s", "--licence", "l", NULL);
    assert_int_not_equal(rc, 0);
    assert_contains(err, "not finite");
    char p[700];
    snprintf(p, sizeof p, "%s/geo/huge.geojson", tmp);
    assert_int_equal(access(p, F_OK), -1);
    free(out);
    free(err);
}

static void test_figure_id_dotdot_refused(void **state)
{
    (void)state;
    char *plug = tu_tempdir("dotplug"), cmd[900];
    snprintf(cmd, sizeof cmd, "cp '%s/dotid.so' '%s/crashy.so' '%s/'", WF_TEST_PLUGINS, WF_TEST_PLUGINS, plug);
    assert_int_equal(system(cmd), 0);
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig_dirs(plug, WF_FIXTURES "/data", WF_FIXTURES "/figures", &out, &err, "list", NULL);
    assert_int_equal(rc, 3);
    assert_contains(err, "dotid.so: figure 0 has an invalid id '..'");
    assert_contains(out, "crashy-ok");
    tu_rmrf(plug);
    free(plug);
    free(out);
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_path_rules),
        cmocka_unit_test(test_mapping_paths_stay_inside),
        cmocka_unit_test(test_table_names_stay_inside),
        cmocka_unit_test(test_import_geo_names),
        cmocka_unit_test(test_import_geo_no_nan),
        cmocka_unit_test(test_figure_id_dotdot_refused),
    };
    return cmocka_run_group_tests_name("containment", tests, tmp_setup, tmp_teardown);
}
