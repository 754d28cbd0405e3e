/* The contributor kit end to end, as docs/plugin-guide.md tells a newcomer:
 * install wrrfig into a prefix of its own, build the template out of tree
 * against the installed wrrfig-plugin.pc (PKG_CONFIG_PATH for that prefix),
 * and render its figure with the real gnuplot next to the shipped plugins,
 * through the plugin and spec search paths. Then what the search paths
 * refuse: duplicate ids naming both files, specs that register nothing. */
#include "testutil.h"

#include <sys/stat.h>

static char *dir;      /* the test's scratch directory */
static char prefix[600], tpl[700];

static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int sh(const char *fmt, ...)
{
    char cmd[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    int rc = system(cmd);
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

static int setup(void **state)
{
    (void)state;
    dir = tu_tempdir("tpl");
    snprintf(prefix, sizeof prefix, "%s/prefix", dir);
    snprintf(tpl, sizeof tpl, "%s/myplugin", dir);
    /* make install of what is already built: the header, the .pc, the
     * binary, the shipped plugins, data and specs. */
    if (sh("make -s -C '%s' install BUILD='%s' PREFIX='%s' >'%s/install.log' 2>&1", WF_SRC_DIR, WF_BUILD_DIR, prefix,
           dir) != 0) {
        fprintf(stderr, "make install failed, see %s/install.log\n", dir);
        return -1;
    }
    return sh("cp -r '%s/docs/plugin-template' '%s'", WF_SRC_DIR, tpl);
}

static int teardown(void **state)
{
    (void)state;
    tu_rmrf(dir);
    free(dir);
    return 0;
}

static void test_installed_pc(void **state)
{
    (void)state;
    char *out = NULL;
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "PKG_CONFIG_PATH='%s/lib/pkgconfig' pkg-config --variable=plugindir wrrfig-plugin",
             prefix);
    char *const argv[] = {(char *)"/bin/sh", (char *)"-c", cmd, NULL};
    assert_int_equal(tu_run(argv, &out, NULL), 0);
    char want[700];
    snprintf(want, sizeof want, "%s/lib/wrrfig/plugins\n", prefix);
    assert_string_equal(out, want);
    free(out);
    struct stat st;
    char h[700];
    snprintf(h, sizeof h, "%s/include/wrrfig/plugin.h", prefix);
    assert_int_equal(stat(h, &st), 0);
    /* The helper library: its headers and the static library, through
     * pkg-config wrrfig-common (which requires wrrfig-plugin). */
    snprintf(h, sizeof h, "%s/include/wrrfig/common/period.h", prefix);
    assert_int_equal(stat(h, &st), 0);
    snprintf(cmd, sizeof cmd, "PKG_CONFIG_PATH='%s/lib/pkgconfig' pkg-config --cflags --libs wrrfig-common", prefix);
    assert_int_equal(tu_run(argv, &out, NULL), 0);
    char want_c[700], want_p[700], want_l[700];
    snprintf(want_c, sizeof want_c, "-I%s/include/wrrfig ", prefix);
    snprintf(want_p, sizeof want_p, "-I%s/include ", prefix);
    snprintf(want_l, sizeof want_l, "%s/lib/libwrrfig-common.a -lm", prefix);
    assert_contains(out, want_c);
    assert_contains(out, want_p);
    assert_contains(out, want_l);
    free(out);
    snprintf(h, sizeof h, "%s/lib/libwrrfig-common.a", prefix);
    assert_int_equal(stat(h, &st), 0);
}

/* From nothing to a rendered figure, as the guide says. */
static void test_out_of_tree_render(void **state)
{
    (void)state;
    assert_int_equal(sh("cd '%s' && PKG_CONFIG_PATH='%s/lib/pkgconfig' make -s >'%s/tpl-build.log' 2>&1", tpl, prefix,
                        dir),
                     0);
    char bin[700], out_dir[700], data[700];
    snprintf(bin, sizeof bin, "%s/bin/wrrfig", prefix);
    snprintf(out_dir, sizeof out_dir, "%s/out", dir);
    snprintf(data, sizeof data, "%s/data", dir);
    /* The installed data plus the template's table, so the shipped figures
     * and the new one build from one data directory. */
    assert_int_equal(sh("cp -r '%s/share/wrrfig/data' '%s' && cp -r '%s/template/data/example' '%s/'", prefix, dir,
                        WF_FIXTURES, data),
                     0);
    char *out = NULL, *err = NULL;
    char *const list[] = {bin, (char *)"--plugins", tpl, (char *)"--figures", (char *)"figures", (char *)"--data",
                          data, (char *)"list", NULL};
    char cwd[1024];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(tpl), 0);
    int rc = tu_run(list, &out, &err);
    if (rc != 0)
        fail_msg("list: %d: %s", rc, err);
    assert_contains(out, "example 0.2.0");
    assert_contains(out, "example-series");
    assert_contains(out, "tab-2-1"); /* the shipped plugins are still there */
    free(out);
    free(err);
    char *const build[] = {bin, (char *)"--plugins", tpl, (char *)"--figures", (char *)"figures", (char *)"--data",
                           data, (char *)"build", (char *)"example-series", (char *)"tab-2-1", (char *)"--out",
                           out_dir, (char *)"--format", (char *)"svg", NULL};
    rc = tu_run(build, &out, &err);
    assert_int_equal(chdir(cwd), 0);
    if (rc != 0)
        fail_msg("build: %d: %s\n%s", rc, err, out);
    free(out);
    free(err);
    char *svg = tu_readf("%s/example-series.svg", out_dir);
    assert_non_null(svg);
    assert_contains(svg, "Voorbeeld: een reeks per jaar");
    assert_contains(svg, "2019");
    free(svg);
    char *csv = tu_readf("%s/example-series.csv", out_dir);
    /* The table's last row is CBS's 2019JJ00: read as 2019 by wfc_period_year
     * of the installed libwrrfig-common, which the out-of-tree plugin links. */
    assert_string_equal(csv, "year,value\n2015,10\n2016,12.5\n2018,14\n2019,17\n");
    free(csv);
    char *man = tu_readf("%s/example-series.json", out_dir);
    assert_contains(man, "\"status\":\t\"ok\"");
    assert_contains(man, "\"kind\":\t\"example.series\"");
    assert_contains(man, "\"name\":\t\"example/series\"");
    assert_contains(man, "SYNTHETIC TEST FIXTURE");
    free(man);
    char *tab = tu_readf("%s/tab-2-1.svg", out_dir);
    assert_non_null(tab);
    free(tab);

    /* The spec's inputs are the figure's declared inputs: an absent one makes
     * it NO-DATA with that table's name and the kind's needs. */
    char figs[700];
    snprintf(figs, sizeof figs, "%s/absent-figs", dir);
    assert_int_equal(sh("mkdir -p '%s' && printf '{\"id\": \"example-absent\", \"kind\": \"example.series\","
                        " \"inputs\": {\"table\": \"example/absent\"}, \"title\": \"x\"}' >"
                        " '%s/example-absent.json'",
                        figs, figs),
                     0);
    char *const nodata[] = {bin, (char *)"--plugins", tpl, (char *)"--figures", figs, (char *)"--data", data,
                            (char *)"build", (char *)"example-absent", (char *)"--out", out_dir, (char *)"--no-render",
                            NULL};
    rc = tu_run(nodata, &out, &err);
    if (rc != 0)
        fail_msg("build: %d: %s", rc, err);
    free(out);
    free(err);
    man = tu_readf("%s/example-absent.json", out_dir);
    assert_contains(man, "\"status\":\t\"no-data\"");
    assert_contains(man, "\"missing_input\":\t\"example/absent\"");
    assert_contains(man, "\"needs\":\t\"a table with a year column and a value column\"");
    free(man);
}

/* A plugin on the search path that repeats a shipped figure id, and a spec
 * directory that repeats a shipped spec or names no plugin, are reported
 * with both files. */
static void test_search_path_refusals(void **state)
{
    (void)state;
    char figs[700];
    snprintf(figs, sizeof figs, "%s/figs", dir);
    assert_int_equal(sh("mkdir -p '%s' && cp '%s/figures/tab-2-1.json' '%s/' && printf '{\"id\": \"orphan-1\"}' >"
                        " '%s/orphan-1.json' && printf '{\"id\": \"example-bad\", \"kind\": \"example.series\","
                        " \"params\": {\"bogus\": 1}}' > '%s/example-bad.json'",
                        figs, WF_SRC_DIR, figs, figs, figs),
                     0);
    char *out = NULL, *err = NULL;
    char *const list[] = {(char *)WF_BIN, (char *)"--plugins", (char *)WF_BUILD_DIR "/test-plugins-tpl",
                          (char *)"--figures", figs, (char *)"list", NULL};
    assert_int_equal(sh("mkdir -p '%s/test-plugins-tpl' && cp '%s/test-plugins/example.so' '%s/test-plugins-tpl/'",
                        WF_BUILD_DIR, WF_BUILD_DIR, WF_BUILD_DIR),
                     0);
    int rc = tu_run(list, &out, &err);
    assert_int_equal(rc, 1);
    assert_contains(err, "/figs/tab-2-1.json: duplicate spec id 'tab-2-1': already given by ");
    assert_contains(err, "/figures/tab-2-1.json (ignored)");
    assert_contains(err, "/figs/orphan-1.json: registers no figure: no loaded plugin has a figure 'orphan-1', and the "
                         "spec names no \"kind\"");
    assert_contains(err, "/figs/example-bad.json: $.params.bogus: kind example.series has no such parameter");
    free(out);
    free(err);
    /* The same plugin twice on the path: refused, naming both files. */
    char *const twice[] = {(char *)WF_BIN, (char *)"--plugins", (char *)WF_BUILD_DIR "/test-plugins-tpl",
                           (char *)"--plugins", (char *)WF_BUILD_DIR "/test-plugins-tpl2", (char *)"list", NULL};
    assert_int_equal(sh("mkdir -p '%s/test-plugins-tpl2' && cp '%s/test-plugins/example.so' '%s/test-plugins-tpl2/'",
                        WF_BUILD_DIR, WF_BUILD_DIR, WF_BUILD_DIR),
                     0);
    rc = tu_run(twice, &out, &err);
    assert_int_equal(rc, 3);
    assert_contains(err, "test-plugins-tpl2/example.so: duplicate plugin 'example': already loaded from ");
    assert_contains(err, "test-plugins-tpl/example.so");
    free(out);
    free(err);
    /* WRRFIG_PLUGIN_PATH does what --plugins does. */
    setenv("WRRFIG_PLUGIN_PATH", WF_BUILD_DIR "/test-plugins-tpl", 1);
    char *const env[] = {(char *)WF_BIN, (char *)"list", NULL};
    rc = tu_run(env, &out, &err);
    unsetenv("WRRFIG_PLUGIN_PATH");
    assert_int_equal(rc, 0);
    assert_contains(out, "example 0.2.0");
    free(out);
    free(err);
    sh("rm -rf '%s/test-plugins-tpl' '%s/test-plugins-tpl2'", WF_BUILD_DIR, WF_BUILD_DIR);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_installed_pc),
        cmocka_unit_test(test_out_of_tree_render),
        cmocka_unit_test(test_search_path_refusals),
    };
    return cmocka_run_group_tests_name("plugin template", tests, setup, teardown);
}
