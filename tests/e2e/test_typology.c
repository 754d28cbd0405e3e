/* typology plugin (fig-3-13): an end to end build on a synthetic map with an
 * enclave and a counter-enclave (the ring geometry is the common renderer's:
 * tests/unit/test_common_choropleth.c). */
#include "testutil.h"

#define FIX WF_FIXTURES "/typology/data"

/* Until the host reads GeoJSON (branch hhi) the map is NO-DATA; once it
 * does, the full checks run. Either way the outcome is asserted. */
static void test_map_on_fixture(void **state)
{
    (void)state;
    char *dir = tu_tempdir("typology"), *out = NULL, *err = NULL;
    int rc = tu_wrrfig_dirs(WF_PLUGINS, FIX, WF_FIGURES, &out, &err, "build", "fig-3-13", "--out", dir, "--format",
                            "svg", NULL);
    assert_int_equal(rc, 0);
    char *man = tu_readf("%s/fig-3-13.json", dir);
    if (tu_contains(err, "GeoJSON support is not built in yet")) {
        /* NO-DATA: nothing drawn, nothing claimed */
        struct stat sb;
        char svgp[512];
        snprintf(svgp, sizeof svgp, "%s/fig-3-13.svg", dir);
        assert_int_not_equal(stat(svgp, &sb), 0);
        goto out;
    }
    assert_non_null(man);
    assert_contains(man, "\"status\":\t\"ok\"");
    char *csv = tu_readf("%s/fig-3-13.csv", dir);
    assert_contains(csv, "statcode_2015,gemeente_report,gemeente_boundaries,type,type_label,drawn\n");
    assert_contains(csv, "GM9101,Alfadorp,Alfadorp,expat,Expatgemeenten,coloured\n");
    assert_contains(csv, "GM9102,Beta-stad,Betastad,grens,Grensgemeenten,coloured\n");
    assert_contains(csv, "GM9103,Gammaveen,Gammaveen,gemiddeld,(not a type of the figure's legend),grey\n");
    assert_contains(csv, "GM9199,Nergenshuizen,,homogeen,Homogene gemeenten,absent\n");
    free(csv);
    /* the notes of a Dutch build are Dutch (English in C before) */
    assert_contains(man, "Nergenshuizen (GM9199, homogeen) staat niet in de gemeentegrenzen van 2015: niet getekend.");
    assert_contains(man, "Beta-stad heet 'Betastad' in de grenzen (GM9102).");
    assert_contains(man, "Gekleurd: de 2 voorbeeldgemeenten");
    assert_false(tu_contains(man, "is named"));
    char *gp = tu_readf("%s/fig-3-13.gp", dir);
    /* expat is legend entry 3, grens 5, the rest 8: Alfadorp's outer ring in
     * $c3, its counter-enclave in $e3 after the white $holes */
    assert_contains(gp, "$c3 << EOD_WRRFIG\n0.0 0.0\n10000.0 0.0\n");
    assert_contains(gp, "$e3 << EOD_WRRFIG\n4500.0 4500.0\n");
    assert_contains(gp, "$holes << EOD_WRRFIG\n4000.0 4000.0\n");
    assert_contains(gp, "$c5 << EOD_WRRFIG\n10000.0 0.0\n");
    assert_contains(gp, "$c8 << EOD_WRRFIG\n0.0 10000.0\n");
    const char *c3 = strstr(gp, "  $c3 with"), *holes = strstr(gp, "  $holes with"), *e3 = strstr(gp, "  $e3 with");
    assert_non_null(c3);
    assert_true(c3 < holes && holes < e3);
    assert_contains(gp, "title 'Gemeenten met een specifieke grote minderheidsgroep'");
    free(gp);
    char *svg = tu_readf("%s/fig-3-13.svg", dir);
    assert_contains(svg, "Alfadorp");
    assert_contains(svg, "Betastad");
    assert_false(tu_contains(svg, ">Gammaveen<")); /* grey: not named */
    free(svg);
out:
    free(man);
    free(out);
    free(err);
    tu_rmrf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_map_on_fixture),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
