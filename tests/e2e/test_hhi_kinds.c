/* Figures as data (issue 18) for the map plugins: every map is a spec of a
 * kind (hhi.area-map, hhi.granularity, typology.examples-map) naming its
 * inputs and params, so a new city needs a mapping and a spec only (proved
 * on a city no plugin names); measures find their table from
 * data/hhi/tables.csv and name it when it is absent; no area code or table
 * name is written in the plugins outside the measures' fixed input list,
 * which must repeat the table list exactly. */
#include "testutil.h"

#include <ctype.h>
#include <dirent.h>

#include "app.h"
#include "claims/measure.h"

#define SRC WF_SRC_DIR

TU_SCRATCH_DIR(out, "hhi-kinds")

/* Field col (0-based) of the first line starting with prefix; NAN when
 * empty. */
static double field_of(const char *csv, const char *prefix, int col, bool *found)
{
    const char *p = csv;
    size_t n = strlen(prefix);
    *found = false;
    while (p && strncmp(p, prefix, n) != 0) {
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    if (!p)
        return NAN;
    *found = true;
    for (int i = 0; i < col && p; i++) {
        p = strchr(p, ',');
        if (p)
            p++;
    }
    if (!p || *p == ',' || *p == '\n')
        return NAN;
    return strtod(p, NULL);
}

/* Every wijk of the Amsterdam map against the hand-checked fixture,
 * computed from the raw CBS file by a separate script. */
static void test_amsterdam_every_wijk(void **state)
{
    (void)state;
    char *err = NULL;
    int rc = tu_wrrfig(NULL, &err, "build", "hhi-wijk-amsterdam-2019", "--out", out, "--format", "svg", NULL);
    if (rc != 0)
        fail_msg("build failed (%d): %s", rc, err);
    free(err);
    char *csv = tu_readf("%s/hhi-wijk-amsterdam-2019.csv", out);
    char *fix = tu_read(WF_FIXTURES "/hhi/amsterdam/wijk_2019_expected.csv", NULL);
    assert_non_null(csv);
    assert_non_null(fix);
    size_t n = 0, with_value = 0;
    for (char *line = strchr(fix, '\n') + 1; line && *line; line = strchr(line, '\n') + 1, n++) {
        char code[16];
        assert_int_equal(sscanf(line, "%15[^,]", code), 1);
        char prefix[24];
        snprintf(prefix, sizeof prefix, "%s,", code);
        bool found, fx_found;
        double want = field_of(line, prefix, 4, &fx_found), got = field_of(csv, prefix, 8, &found);
        if (!found)
            fail_msg("%s: not in the figure's CSV", code);
        if (isnan(want)) {
            assert_true(isnan(got));
        } else {
            if (!(fabs(got - want) <= 1e-12))
                fail_msg("%s: index %.17g, fixture %.17g", code, got, want);
            with_value++;
        }
    }
    assert_int_equal(n, 99);
    assert_int_equal(with_value, 98);
    free(fix);
    free(csv);
    /* marked as not one of the report's, on the figure */
    char *gp = tu_readf("%s/hhi-wijk-amsterdam-2019.gp", out);
    assert_contains(gp, "Extra figuur (niet uit het rapport)");
    assert_contains(gp, "set label 9998 'Niet een van de figuren van het rapport.");
    free(gp);
    char *m = tu_readf("%s/hhi-wijk-amsterdam-2019.json", out);
    assert_contains(m, "(99 gebieden) aan de grenzen geo/wijk_2016_amsterdam (97 gebieden) op de CBS-code: 97 gekoppeld");
    assert_contains(m, "GM0363 als geheel, zelfde gegevens en indeling: 0,630");
    free(m);
}

/* A spec's inputs, as `wrrfig info` must list them: no more, no fewer. */
static void check_inputs(const char *id)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/figures/%s.json", SRC, id);
    char *text = tu_read(path, NULL);
    cJSON *spec = cJSON_Parse(text);
    free(text);
    assert_non_null(spec);
    const cJSON *inputs = cJSON_GetObjectItemCaseSensitive(spec, "inputs"), *it;
    assert_non_null(inputs);
    char *info = NULL;
    assert_int_equal(tu_wrrfig(&info, NULL, "info", id, NULL), 0);
    size_t listed = 0;
    cJSON_ArrayForEach(it, inputs)
    {
        const char *v = cJSON_GetStringValue(it);
        assert_non_null(v);
        char want[256], absent[280];
        snprintf(want, sizeof want, "\ninput      %s\n", v);
        snprintf(absent, sizeof absent, "\ninput      %s: absent\n", v);
        if (!tu_contains(info, want) && !tu_contains(info, absent))
            fail_msg("%s: inputs.%s = %s is not a declared input", id, it->string, v);
        listed++;
    }
    size_t declared = 0;
    for (const char *p = info; (p = strstr(p, "\ninput      ")); p++)
        declared++;
    assert_int_equal(declared, listed);
    free(info);
    cJSON_Delete(spec);
}

static void test_declared_inputs_are_the_specs(void **state)
{
    (void)state;
    const char *ids[] = {"fig-2-14", "fig-2-14-report", "fig-2-15", "fig-2-15-2017", "fig-2-15-report",
                         "hhi-granularity", "hhi-wijk-amsterdam-2019", "fig-3-13"};
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
        check_inputs(ids[i]);
}

/* Whether s[i..] starts a CBS area code (GM/WK/BU and four digits) or a
 * quoted table name "ns/name". */
static size_t hardwired_at(const char *s, size_t i)
{
    if ((!strncmp(s + i, "GM", 2) || !strncmp(s + i, "WK", 2) || !strncmp(s + i, "BU", 2)) &&
        isdigit((unsigned char)s[i + 2]) && isdigit((unsigned char)s[i + 3]) && isdigit((unsigned char)s[i + 4]) &&
        isdigit((unsigned char)s[i + 5]))
        return 6;
    if (s[i] == '"') {
        size_t k = i + 1;
        while (islower((unsigned char)s[k]) || isdigit((unsigned char)s[k]))
            k++;
        if (k > i + 1 && s[k] == '/') {
            size_t j = k + 1;
            while (islower((unsigned char)s[j]) || isdigit((unsigned char)s[j]) || s[j] == '_' || s[j] == '-')
                j++;
            if (j > k + 1 && s[j] == '"')
                return j - i + 1;
        }
    }
    return 0;
}

/* No area code or table name in the map plugins' sources except inside
 * the measures' fixed input declarations (ABI 2 declares a measure's inputs
 * in C); every name there is a table of data/hhi/tables.csv, the list
 * itself or the national table of hhi.national_pooled. */
static void test_no_hardwired_names(void **state)
{
    (void)state;
    char *list = tu_read(SRC "/data/hhi/tables.csv", NULL);
    assert_non_null(list);
    const char *dirs[] = {"plugins/hhi", "plugins/typology", "plugins/common"};
    size_t checked = 0, declared = 0;
    for (int d = 0; d < 3; d++) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/%s", SRC, dirs[d]);
        DIR *dp = opendir(dir);
        assert_non_null(dp);
        struct dirent *e;
        while ((e = readdir(dp))) {
            size_t len = strlen(e->d_name);
            if (len < 3 || (strcmp(e->d_name + len - 2, ".c") && strcmp(e->d_name + len - 2, ".h")))
                continue;
            char *src = tu_readf("%s/%s", dir, e->d_name);
            bool in_block = false;
            for (size_t i = 0; src[i]; i++) {
                if (!strncmp(src + i, "/* FIXED-INPUTS-BEGIN */", 24))
                    in_block = true;
                if (!strncmp(src + i, "/* FIXED-INPUTS-END */", 22))
                    in_block = false;
                size_t n = hardwired_at(src, i);
                if (!n)
                    continue;
                char name[128];
                snprintf(name, sizeof name, "%.*s", (int)n, src + i);
                if (!in_block)
                    fail_msg("%s/%s: %s written in the code (it belongs in a spec or data/hhi/tables.csv)", dirs[d],
                             e->d_name, name);
                char bare[128];
                snprintf(bare, sizeof bare, "%.*s", (int)n - 2, src + i + 1);
                char in_list[140];
                snprintf(in_list, sizeof in_list, ",%s,", bare);
                if (!tu_contains(list, in_list) && strcmp(bare, "hhi/tables") && strcmp(bare, "cbs/37296ned"))
                    fail_msg("%s/%s: declared input %s is not in data/hhi/tables.csv", dirs[d], e->d_name, name);
                declared++;
                i += n - 1;
            }
            free(src);
            checked++;
        }
        closedir(dp);
    }
    assert_true(checked >= 20);
    assert_true(declared >= 8);
    free(list);
}

/* A measure finds its table from the list, and names that exact table when
 * it is absent; an area no table covers says so. */
static void test_measure_names_its_table(void **state)
{
    (void)state;
    wf_app app;
    tu_app(&app, WF_DATA);
    bool found;
    char *fix = tu_read(WF_FIXTURES "/hhi/amsterdam/wijk_2019_expected.csv", NULL);
    double want = field_of(fix, "WK036301,", 4, &found);
    assert_true(found);
    assert_double_near(tu_eval_ok(&app, "hhi.index{area='WK036301', year=2019, groups=3}"), want, 1e-12);
    free(fix);
    wf_measure_result r;
    wf_measure_eval(&app, "hhi.index{area='WK034401', year=2019, groups=3}", &r);
    assert_int_equal(r.status, EVAL_NODATA);
    assert_contains(r.reason.msg, "lists no table with area WK034401 on 1 January 2019 with groups=3");
    wf_measure_eval(&app, "hhi.index{area='GM0363', year=2015, groups=18}", &r);
    assert_int_equal(r.status, EVAL_NODATA);
    assert_contains(r.reason.msg, "needs table hhi/herkomst18_gemeente_2015");
    registry_free(&app.reg);

    /* the same data without Amsterdam's table: NO-DATA naming it */
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "cp -r '%s' '%s/d' && rm '%s/d/hhi/kwb2019_amsterdam.csv' '%s/d/hhi/kwb2019_amsterdam.meta.json'",
             WF_DATA, out, out, out);
    assert_int_equal(system(cmd), 0);
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/d", out);
    tu_app(&app, dir);
    wf_measure_eval(&app, "hhi.index{area='WK036301', year=2019, groups=3}", &r);
    assert_int_equal(r.status, EVAL_NODATA);
    assert_contains(r.reason.msg, "needs table hhi/kwb2019_amsterdam");
    registry_free(&app.reg);
}

/* With --lang en every text the map plugins draw is the spec's English:
 * none of the Dutch wordings that used to be defaults in C remains. */
static void test_english_build(void **state)
{
    (void)state;
    char *err = NULL;
    int rc = tu_wrrfig(NULL, &err, "--lang", "en", "build", "fig-2-14", "fig-2-15", "hhi-granularity", "fig-3-13",
                       "--out", out, "--format", "svg", NULL);
    if (rc != 0)
        fail_msg("build failed (%d): %s", rc, err);
    free(err);
    const char *files[] = {"fig-2-14.gp", "fig-2-15.gp", "hhi-granularity.gp", "hhi-granularity.md", "fig-3-13.gp"};
    const char *dutch[] = {"minder dan", " tot ", "of meer", "groepen", "gemeente", "geen gegevens", "geen inwoners",
                           "landen", "Klassen:", "te klein"};
    for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
        char *t = tu_readf("%s/%s", out, files[f]);
        assert_non_null(t);
        for (size_t d = 0; d < sizeof dutch / sizeof *dutch; d++)
            if (tu_contains(t, dutch[d]))
                fail_msg("%s (--lang en) contains Dutch '%s'", files[f], dutch[d]);
        free(t);
    }
    char *md = tu_readf("%s/hhi-granularity.md", out);
    assert_contains(md, "| municipality | countries | 7 groups | 3 groups |");
    free(md);
    char *gp = tu_readf("%s/fig-2-15.gp", out);
    assert_contains(gp, "title '0.65 or more'");
    assert_contains(gp, "set label 9998 'Classes: the same in fig-2-15 and fig-2-15-2017.");
    free(gp);
    /* ... and so is every note the plugins write into the manifests (the
     * notes of the shipped specs are English in their "en" texts too) */
    const char *manifests[] = {"fig-2-14.json", "fig-2-15.json", "hhi-granularity.json", "fig-3-13.json"};
    const char *dutch_notes[] = {"Koppeling", "gebieden", "Indeling", "Getoonde index", "als geheel", "Gekleurd",
                                 "heet '", "Geen van deze", "grijs getekend", "Alle gebieden", "0,38"};
    for (size_t f = 0; f < sizeof manifests / sizeof *manifests; f++) {
        char *t = tu_readf("%s/%s", out, manifests[f]);
        assert_non_null(t);
        for (size_t d = 0; d < sizeof dutch_notes / sizeof *dutch_notes; d++)
            if (tu_contains(t, dutch_notes[d]))
                fail_msg("%s (--lang en) contains Dutch '%s'", manifests[f], dutch_notes[d]);
        free(t);
    }
    char *m = tu_readf("%s/fig-2-14.json", out);
    assert_contains(m, "Join of the data (388 areas) with the boundaries geo/gemeente_2017 (388 areas) on the CBS "
                       "code: 388 matched");
    assert_contains(m, "All areas together, same data and grouping: index of the pooled shares 0.386 (textbook HHI "
                       "0.614)");
    free(m);
    m = tu_readf("%s/fig-2-15.json", out);
    assert_contains(m, "GM0518 as a whole, same data and grouping: 0.630");
    free(m);
    m = tu_readf("%s/fig-3-13.json", out);
    assert_contains(m, "Den Haag is named ''s-Gravenhage' in the boundaries (GM0518).");
    assert_contains(m, "Coloured: the 30 example municipalities Kader 2.3 names");
    free(m);
}

/* A municipality no plugin names (the SYNTHETIC Proefstad of
 * tests/fixtures/hhi/newcity): its download imported with a mapping, its
 * boundaries with import-geo, and a spec of kind hhi.area-map are all it
 * takes; every wijk's index is the hand-computed one of the fixture's
 * README. */
static void test_new_city_from_mapping_and_spec(void **state)
{
    (void)state;
    const char *fx = WF_FIXTURES "/hhi/newcity";
    char data[1024], figs[1024], geo[1024], mapping[1024], shared[1024];
    snprintf(data, sizeof data, "%s/data", out);
    snprintf(figs, sizeof figs, "%s/figures", fx);
    snprintf(geo, sizeof geo, "%s/shared/proefstad/wijk_2019_GM9990.geojson", fx);
    snprintf(mapping, sizeof mapping, "%s/mappings/hhi_kwb2019_proefstad.json", fx);
    snprintf(shared, sizeof shared, "%s/shared", fx);
    mkdir(data, 0755);
    char *err = NULL;
    int rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, NULL, &err, "--shared", shared, "import", mapping, NULL);
    if (rc != 0)
        fail_msg("import failed (%d): %s", rc, err);
    free(err);
    rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, NULL, &err, "import-geo", geo, "--name", "geo/wijk_2019_proefstad",
                        "--title", "SYNTHETIC TEST FIXTURE: wijken van Proefstad", "--source", "SYNTHETIC TEST FIXTURE",
                        "--licence", "none (synthetic)", NULL);
    if (rc != 0)
        fail_msg("import-geo failed (%d): %s", rc, err);
    free(err);
    char outdir[1024];
    snprintf(outdir, sizeof outdir, "%s/out", out);
    rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, NULL, &err, "--figures", figs, "build", "hhi-wijk-proefstad-2019",
                        "--out", outdir, "--format", "svg", NULL);
    if (rc != 0)
        fail_msg("build failed (%d): %s", rc, err);
    free(err);
    char *csv = tu_readf("%s/hhi-wijk-proefstad-2019.csv", outdir);
    assert_non_null(csv);
    bool found;
    assert_double_near(field_of(csv, "WK999001,", 8, &found), 0.625, 1e-12);
    assert_double_near(field_of(csv, "WK999002,", 8, &found), 0, 1e-12);
    assert_double_near(field_of(csv, "WK999003,", 8, &found), 4.0 / 9, 1e-12);
    assert_true(isnan(field_of(csv, "WK999004,", 8, &found)) && found);
    assert_contains(csv, "WK999003,Wijk 03 Zuid,300,");
    free(csv);
    char *m = tu_readf("%s/hhi-wijk-proefstad-2019.json", outdir);
    assert_contains(m, "GM9990 als geheel, zelfde gegevens en indeling: 0,620");
    assert_contains(m, "hhi/kwb2019_proefstad");
    free(m);
    char *svg = tu_readf("%s/hhi-wijk-proefstad-2019.svg", outdir);
    assert_contains(svg, ">Zuid<");
    free(svg);
    /* and nothing in the plugins names it */
    char *src = NULL;
    char *const grep[] = {(char *)"/bin/grep", (char *)"-rl", (char *)"-e", (char *)"9990", (char *)"-e",
                          (char *)"proefstad", (char *)SRC "/plugins", NULL};
    tu_run(grep, &src, NULL);
    assert_true(!src || !*src);
    free(src);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_amsterdam_every_wijk, out_setup, out_teardown),
        cmocka_unit_test(test_declared_inputs_are_the_specs),
        cmocka_unit_test(test_no_hardwired_names),
        cmocka_unit_test_setup_teardown(test_measure_names_its_table, out_setup, out_teardown),
        cmocka_unit_test_setup_teardown(test_english_build, out_setup, out_teardown),
        cmocka_unit_test_setup_teardown(test_new_city_from_mapping_and_spec, out_setup, out_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
