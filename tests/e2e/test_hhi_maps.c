/* hhi maps end to end: a fixture map in the layout of the report's 18-group
 * table (holes, an enclave, an island, a merged municipality, a boundary
 * without data), and fig-2-14 on the shipped data with its CSV checked
 * against an independent computation from the data table. */
#include "testutil.h"

#include "common/maplabels.h"

TU_SCRATCH_DIR(out, "hhi")

/* Field `col` (0-based) of the first CSV line starting with `prefix`
 * (no quoted commas before that field in these files). */
static double csv_field(const char *csv, const char *prefix, int col)
{
    const char *p = csv;
    size_t n = strlen(prefix);
    while (p && strncmp(p, prefix, n) != 0) {
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    if (!p)
        fail_msg("no CSV line starting %s", prefix);
    for (int i = 0; i < col; i++) {
        p = strchr(p, ',');
        if (!p)
            fail_msg("line %s has no column %d", prefix, col);
        p++;
    }
    return strtod(p, NULL);
}

static void test_fixture_map(void **state)
{
    (void)state;
    char *err = NULL;
    int rc = tu_wrrfig_dirs(WF_PLUGINS, WF_FIXTURES "/hhi/data", WF_FIGURES, NULL, &err, "build",
                            "fig-2-14-report", "--out", out, NULL);
    if (rc != 0)
        fail_msg("build failed (%d): %s", rc, err);
    free(err);

    char *gp = tu_readf("%s/fig-2-14-report.gp", out);
    assert_non_null(gp);
    /* No axes; explicit screen margins and ranges around the shapes
     * (0..2400 x 0..1500) with equal scales on both axes: map units per
     * pixel the same across and up the canvas. */
    assert_contains(gp, "unset border");
    double l, r, b, t, x0, x1, y0, y1;
    const char *p = strstr(gp, "set lmargin at screen ");
    assert_non_null(p);
    assert_int_equal(sscanf(p, "set lmargin at screen %lf\nset rmargin at screen %lf\nset bmargin at screen %lf\n"
                               "set tmargin at screen %lf\nset xrange [%lf:%lf]\nset yrange [%lf:%lf]",
                            &l, &r, &b, &t, &x0, &x1, &y0, &y1),
                     8);
    assert_true(x0 < 0 && x1 > 2400 && y0 < 0 && y1 > 1500);
    int cw = 0, ch = 0; /* the canvas, as the script sets it (the spec's house canvas) */
    const char *term = strstr(gp, "set terminal svg size ");
    assert_non_null(term);
    assert_int_equal(sscanf(term, "set terminal svg size %d,%d", &cw, &ch), 2);
    double upp_x = (x1 - x0) / ((r - l) * cw), upp_y = (y1 - y0) / ((t - b) * ch);
    assert_double_near(upp_x / upp_y, 1, 0.01);
    /* The empty hole and the enclave's hole are painted over, then the
     * enclave (GM9003, class 0) is painted on top. */
    assert_contains(gp, "$holes << EOD_WRRFIG\n200.0 200.0\n400.0 200.0\n");
    assert_contains(gp, "$e0 << EOD_WRRFIG\n600.0 600.0\n");
    const char *c4 = strstr(gp, "$c4 with"), *holes = strstr(gp, "$holes with"), *e0 = strstr(gp, "$e0 with");
    assert_non_null(c4);
    assert_non_null(holes);
    assert_non_null(e0);
    assert_true(c4 < holes && holes < e0);
    /* The island of GM9002 is its own polygon in class 1. */
    assert_contains(gp, "2200.0 200.0");
    /* Legend: every class of the spec, highest first, plus no data. */
    /* filled, outlined patches */
    assert_contains(gp, "keyentry with boxes fc rgb '#253494' fs solid 1.0 border lc rgb '#666666' title '0,48 of meer'");
    assert_contains(gp, "keyentry with boxes fc rgb '#ffffcc' fs solid 1.0 border lc rgb '#666666' title 'minder dan 0,17'");
    assert_contains(gp, "title 'geen gegevens'");
    free(gp);

    char *csv = tu_readf("%s/fig-2-14-report.csv", out);
    assert_non_null(csv);
    assert_double_near(csv_field(csv, "GM9001,", 8), 0.62, 1e-12);
    assert_double_near(csv_field(csv, "GM9001,", 9), 0.38, 1e-12);
    assert_double_near(csv_field(csv, "GM9002,", 8), 0.18, 1e-12);
    assert_double_near(csv_field(csv, "GM9003,", 8), 0, 0);
    assert_double_near(csv_field(csv, "GM9004,", 8), 0.5, 1e-12);
    assert_contains(csv, "GM9001,Aastad,");
    assert_contains(csv, "\"0,48 of meer\",yes");
    assert_contains(csv, "GM9004,Deedorp,");
    assert_contains(csv, "\"0,48 of meer\",no"); /* GM9004 has no boundary */
    free(csv);

    char *m = tu_readf("%s/fig-2-14-report.json", out);
    assert_non_null(m);
    /* The notes of a Dutch build are Dutch, their numbers with a decimal
     * comma (they were English in C before). */
    assert_contains(m, "Indeling: 3 herkomstgroepen zoals in de tabel hhi/herkomst18_gemeente_2015");
    assert_contains(m, "(4 gebieden) op de CBS-code: 3 gekoppeld");
    assert_contains(m, "In de gegevens maar niet in de grenzen (1): GM9004");
    assert_contains(m, "In de grenzen maar niet in de gegevens (grijs getekend) (1): GM9005");
    assert_contains(m, "index van de samengevoegde aandelen 0,350");
    assert_false(tu_contains(m, "Grouping"));
    assert_false(tu_contains(m, "matched"));
    assert_contains(m, "4 gebiedswaarden 0,325 ongewogen, 0,274 gewogen");
    assert_contains(m, "SYNTHETIC TEST FIXTURE");
    free(m);

    char *png = tu_readf("%s/fig-2-14-report.png", out);
    assert_non_null(png);
    assert_true(memcmp(png, "\x89PNG", 4) == 0);
    free(png);
}

/* The report's Den Haag map on a fixture in its table's layout: quantile
 * classes, a wijk without inhabitants. */
static void test_fixture_wijk_map(void **state)
{
    (void)state;
    char *err = NULL;
    int rc = tu_wrrfig_dirs(WF_PLUGINS, WF_FIXTURES "/hhi/data", WF_FIGURES, NULL, &err, "--lang", "en", "build",
                            "fig-2-15-report", "--out", out, NULL);
    if (rc != 0)
        fail_msg("build failed (%d): %s", rc, err);
    free(err);
    char *csv = tu_readf("%s/fig-2-15-report.csv", out);
    assert_double_near(csv_field(csv, "WK051802,", 8), 0.34, 1e-12);
    assert_double_near(csv_field(csv, "WK051803,", 8), 0.66, 1e-12);
    assert_contains(csv, "WK051801,Wijk 01 Duin,0,table,3,MAR,0,,,,,yes");
    assert_contains(csv, ",< 0.40,yes");
    assert_contains(csv, ",0.60 or more,yes");
    free(csv);
    char *gp = tu_readf("%s/fig-2-15-report.gp", out);
    assert_contains(gp, "title '0.47 to 0.53'");
    assert_contains(gp, "title 'no inhabitants'");
    assert_contains(gp, "set key at screen 0.8"); /* right of the map, at its top */
    assert_contains(gp, " top left Left reverse");
    free(gp);
    /* --lang en: the notes in English, with a decimal point */
    char *m = tu_readf("%s/fig-2-15-report.json", out);
    assert_contains(m, "Grouping: 3 origin groups as in the table hhi/herkomst18_denhaag_wijk_2014");
    assert_contains(m, "Join of the data (");
    assert_contains(m, "Areas on the map without a value (no data, or no inhabitants), drawn grey: ");
    assert_false(tu_contains(m, "Indeling"));
    assert_false(tu_contains(m, "gebieden"));
    free(m);
}

/* A broken boundary file fails the build with the feature and JSON path. */
static void test_bad_geometry_fails(void **state)
{
    (void)state;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp -R '%s/hhi/data' '%s/d' && sed -i 's/\\[1000,0\\],\\[2000,0\\]/[1000,0],[2000,\"0\"]/' "
             "'%s/d/geo/gemeente_2015.geojson'", WF_FIXTURES, out, out);
    assert_int_equal(system(cmd), 0);
    char data[600], o2[600];
    snprintf(data, sizeof data, "%s/d", out);
    snprintf(o2, sizeof o2, "%s/o", out);
    char *err = NULL;
    int rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, NULL, &err, "build", "fig-2-14-report", "--out", o2, NULL);
    assert_int_not_equal(rc, 0);
    assert_contains(err, "gemeente_2015.geojson: features[1].geometry.coordinates[0][0][1]: expected [x, y] numbers");
    free(err);
}

/* Without the 18-group table the report's version is NO-DATA and says what
 * it needs. */
static void test_report_version_is_nodata(void **state)
{
    (void)state;
    char *o = NULL;
    int rc = tu_wrrfig(&o, NULL, "list", NULL);
    assert_int_equal(rc, 0);
    assert_contains(o, "fig-2-14-report    NO-DATA");
    assert_contains(o, "CBS 84910NED");
    assert_contains(o, "18 geolinguistic groups");
    free(o);
}

/* Independent computation: read the tidy table the build used and compute
 * 1 - sum p^2 for three municipalities here, with the plugin's documented
 * rule (Dutch = 100 - western - non-western; the five non-western
 * subgroups scaled to add up to non-western). */
static double independent(const char *table, const char *code)
{
    static const char *vars[] = {"P_WEST_AL", "P_MAROKKO", "P_ANT_ARU", "P_SURINAM", "P_TURKIJE", "P_OVER_NW"};
    double w[7], nw = NAN;
    for (int i = 0; i < 6; i++) {
        char key[64];
        snprintf(key, sizeof key, "%s,%s,", code, vars[i]);
        const char *p = strstr(table, key);
        if (!p)
            fail_msg("%s not in the table", key);
        w[i + 1] = strtod(p + strlen(key), NULL);
    }
    char key[64];
    snprintf(key, sizeof key, "%s,P_N_W_AL,", code);
    const char *p = strstr(table, key);
    assert_non_null(p);
    nw = strtod(p + strlen(key), NULL);
    w[0] = 100 - w[1] - nw;
    double sub = w[2] + w[3] + w[4] + w[5] + w[6], sq = 0;
    for (int i = 2; i < 7; i++)
        w[i] *= nw / sub;
    for (int i = 0; i < 7; i++)
        sq += (w[i] / 100) * (w[i] / 100);
    return 1 - sq;
}

static void test_fig_2_14_shipped_data(void **state)
{
    (void)state;
    char *err = NULL;
    int rc = tu_wrrfig(NULL, &err, "build", "fig-2-14", "--out", out, NULL);
    if (rc != 0)
        fail_msg("build failed (%d): %s", rc, err);
    free(err);
    char *csv = tu_readf("%s/fig-2-14.csv", out);
    char *table = tu_read(WF_DATA "/hhi/kwb2017_gemeente.csv", NULL);
    assert_non_null(csv);
    assert_non_null(table);
    static const char *codes[] = {"GM0363", "GM0518", "GM0003"};
    for (int i = 0; i < 3; i++) {
        char prefix[16];
        snprintf(prefix, sizeof prefix, "%s,", codes[i]);
        double d = csv_field(csv, prefix, 8), h = csv_field(csv, prefix, 9);
        assert_double_near(d, independent(table, codes[i]), 1e-12);
        assert_double_near(d + h, 1, 1e-12);
    }
    /* Amsterdam by hand (see test_hhi_index.c): 0.7092. */
    assert_double_near(csv_field(csv, "GM0363,", 8), 0.7092, 1e-12);
    assert_contains(csv, "GM0363,Amsterdam,844947,7,7,Dutch,48,");
    free(table);
    free(csv);

    char *m = tu_readf("%s/fig-2-14.json", out);
    assert_contains(m, "Indeling: 7 herkomstgroepen");
    assert_contains(m, "(388 gebieden) aan de grenzen geo/gemeente_2017 (388 gebieden) op de CBS-code: 388 gekoppeld");
    assert_contains(m, "Aandelen uit de hele percentages van CBS: Nederlandse achtergrond = 100 - westers - "
                       "niet-westers; de vijf niet-westerse subgroepen");
    assert_false(tu_contains(m, "niet in de grenzen"));
    assert_contains(m, "\"name\":\t\"geo/gemeente_2017\"");
    free(m);
}

static double d_of(const double *w, int n)
{
    double s = 0, q = 0;
    for (int i = 0; i < n; i++)
        s += w[i];
    for (int i = 0; i < n; i++)
        q += (w[i] / s) * (w[i] / s);
    return 1 - q;
}

/* Den Haag's wijken (2019, 3 groups; 2017, 7 groups) and the granularity
 * table, on the shipped data. Expected values come from the counts and
 * percentages quoted in the comments (KWB rows of the shared files). */
static void test_den_haag_shipped_data(void **state)
{
    (void)state;
    char *err = NULL;
    int rc = tu_wrrfig(NULL, &err, "build", "fig-2-15", "fig-2-15-2017", "hhi-granularity", "--out", out, NULL);
    if (rc != 0)
        fail_msg("build failed (%d): %s", rc, err);
    free(err);

    char *csv = tu_readf("%s/fig-2-15.csv", out);
    assert_non_null(csv);
    /* KWB 2019: Schildersbuurt 31,385 / 2,590 western / 26,095 non-western;
     * WK051802 8,245 / 1,990 / 1,075. */
    const double sch[] = {31385 - 2590 - 26095, 2590, 26095}, w02[] = {8245 - 1990 - 1075, 1990, 1075};
    assert_double_near(csv_field(csv, "WK051829,", 8), d_of(sch, 3), 1e-12);
    assert_double_near(csv_field(csv, "WK051802,", 8), d_of(w02, 3), 1e-12);
    assert_contains(csv, "WK051829,Wijk 29 Schildersbuurt,31385,3,3,non-western,26095,");
    /* Oostduinen has no inhabitants: no index, no class. */
    assert_contains(csv, "WK051801,Wijk 01 Oostduinen,0,3,3,Dutch,0,,,,,yes");
    free(csv);
    char *m = tu_readf("%s/fig-2-15.json", out);
    assert_contains(m, "(44 gebieden) aan de grenzen geo/wijk_2016_denhaag (44 gebieden) op de CBS-code: 44 gekoppeld");
    assert_contains(m, "grijs getekend: 1");
    free(m);

    /* KWB 2017, Schildersbuurt: western 7, non-western 84 (Moroccan 23,
     * Antillean 3, Surinamese 17, Turkish 27, other 15: sum 85, scaled to
     * 84). Stationsbuurt: western 20, non-western 50 (7, 8, 9, 5, 20: sum 49,
     * scaled to 50). */
    csv = tu_readf("%s/fig-2-15-2017.csv", out);
    const double ks = 84.0 / 85, kt = 50.0 / 49;
    const double sch7[] = {9, 7, 23 * ks, 3 * ks, 17 * ks, 27 * ks, 15 * ks};
    const double sta7[] = {30, 20, 7 * kt, 8 * kt, 9 * kt, 5 * kt, 20 * kt};
    assert_double_near(csv_field(csv, "WK051829,", 8), d_of(sch7, 7), 1e-12);
    assert_double_near(csv_field(csv, "WK051827,", 8), d_of(sta7, 7), 1e-12);
    m = tu_readf("%s/fig-2-15-2017.json", out);
    assert_contains(m, "als één groep gehouden (in de kolom 'other non-western') (1): WK051843");
    free(m);
    /* With 7 groups the Schilderswijk is among the most diverse; with 3 it
     * looked homogeneous. */
    assert_true(d_of(sch7, 7) > 0.8 && d_of(sch, 3) < 0.3);
    free(csv);

    /* Granularity: 3 groups from the 84910NED totals (537,833 residents,
     * 99,877 western, 193,599 non-western); finer groupings give more. */
    csv = tu_readf("%s/hhi-granularity.csv", out);
    const double dh3[] = {537833 - 99877 - 193599, 99877, 193599};
    assert_double_near(csv_field(csv, "GM0518,Den Haag,3,", 5), d_of(dh3, 3), 1e-12);
    double c = csv_field(csv, "GM0518,Den Haag,country,", 5), g7 = csv_field(csv, "GM0518,Den Haag,7,", 5);
    assert_true(c > g7 && g7 > d_of(dh3, 3));
    assert_contains(csv, "GM0518,Den Haag,country,50,537833,");
    free(csv);
    char *md = tu_readf("%s/hhi-granularity.md", out);
    assert_contains(md, "| Den Haag | 0,771 | 0,729 | 0,630 |");
    free(md);
}

/* Label boxes of block $lab<id> in a map script: from the panel's margins
 * and ranges (the scale), the house font's estimated widths (9 px) and the
 * canvas; fails when two overlap or one leaves the panel. */
static size_t check_label_block(const char *gp, const char *margins_at, int id, double cw, double ch)
{
    double l, r, b, t, x0, x1, y0, y1;
    assert_non_null(margins_at);
    assert_int_equal(sscanf(margins_at, "set lmargin at screen %lf\nset rmargin at screen %lf\nset bmargin at screen %lf\n"
                                        "set tmargin at screen %lf\nset xrange [%lf:%lf]\nset yrange [%lf:%lf]",
                            &l, &r, &b, &t, &x0, &x1, &y0, &y1),
                     8);
    double upx = (x1 - x0) / ((r - l) * cw), upy = (y1 - y0) / ((t - b) * ch);
    char head[32];
    snprintf(head, sizeof head, "$lab%d << EOD_WRRFIG\n", id);
    const char *p = strstr(gp, head);
    assert_non_null(p);
    p += strlen(head);
    double bx[64][4];
    size_t n = 0;
    while (strncmp(p, "EOD_WRRFIG", 10) != 0 && n < 64) {
        double x, y;
        char text[256];
        assert_int_equal(sscanf(p, "%lf %lf \"%255[^\"]\"", &x, &y, text), 3);
        double w = wfc_text_width_px(text, 9) * upx, hh = 11 * upy;
        bx[n][0] = x - w / 2, bx[n][1] = x + w / 2, bx[n][2] = y - hh / 2, bx[n][3] = y + hh / 2;
        if (!(bx[n][0] >= x0 && bx[n][1] <= x1 && bx[n][2] >= y0 && bx[n][3] <= y1))
            fail_msg("label '%s' leaves its panel", text);
        for (size_t k = 0; k < n; k++)
            if (bx[n][0] < bx[k][1] && bx[k][0] < bx[n][1] && bx[n][2] < bx[k][3] && bx[k][2] < bx[n][3])
                fail_msg("label '%s' overlaps label %zu", text, k);
        n++;
        p = strchr(p, '\n') + 1;
    }
    return n;
}

/* The looks of issue 15: both Den Haag maps use the same classes and say
 * why on the figure, name the wijken of the report's prose without overlap,
 * give every class a visible, outlined patch; bars have no outlines. */
static void test_den_haag_looks(void **state)
{
    (void)state;
    char *err = NULL;
    int rc = tu_wrrfig(NULL, &err, "build", "fig-2-15", "fig-2-15-2017", "hhi-granularity", "--out", out, "--format",
                       "svg", NULL);
    if (rc != 0)
        fail_msg("build failed (%d): %s", rc, err);
    free(err);
    const char *ids[] = {"fig-2-15", "fig-2-15-2017"};
    for (int i = 0; i < 2; i++) {
        char *gp = tu_readf("%s/%s.gp", out, ids[i]);
        assert_non_null(gp);
        const char *classes[] = {"'minder dan 0,17'", "'0,17 tot 0,26'", "'0,26 tot 0,35'", "'0,35 tot 0,48'",
                                 "'0,48 tot 0,65'", "'0,65 of meer'"};
        for (int k = 0; k < 6; k++) {
            char want[160];
            snprintf(want, sizeof want, "border lc rgb '#666666' title %s", classes[k]);
            assert_contains(gp, want);
        }
        assert_false(tu_contains(gp, "#ffffcc")); /* the near-white class is gone */
        assert_contains(gp, "set style fill solid 1.0 border lc rgb '#8c8c8c'");
        assert_contains(gp, "set label 9998 'Klassen: dezelfde in fig-2-15 en fig-2-15-2017.");
        const char *names[] = {"Schildersbuurt (Schilderswijk)", "Vogelwijk", "Zorgvliet", "Scheveningen"};
        for (int k = 0; k < 4; k++) {
            char want[80];
            snprintf(want, sizeof want, " \"%s\"\n", names[k]);
            assert_contains(gp, want);
        }
        assert_true(check_label_block(gp, strstr(gp, "set lmargin at screen "), 0, 900, 800) >= 4);
        free(gp);
        char *svg = tu_readf("%s/%s.svg", out, ids[i]);
        assert_contains(svg, "Vogelwijk");
        free(svg);
    }
    char *gp = tu_readf("%s/hhi-granularity.gp", out);
    assert_contains(gp, "set style fill solid 0.9 noborder");
    assert_false(tu_contains(gp, "border -1"));
    free(gp);
}

/* fig-3-13 on the shipped data: names in both panels clear of each other
 * and inside their panel; Urk, too small to see, gets a dot. */
static void test_fig_3_13_labels(void **state)
{
    (void)state;
    char *err = NULL;
    int rc = tu_wrrfig(NULL, &err, "build", "fig-3-13", "--out", out, "--format", "svg", NULL);
    if (rc != 0)
        fail_msg("build failed (%d): %s", rc, err);
    free(err);
    char *gp = tu_readf("%s/fig-3-13.gp", out);
    const char *m1 = strstr(gp, "set lmargin at screen ");
    assert_non_null(m1);
    const char *m2 = strstr(m1 + 1, "set lmargin at screen ");
    assert_true(check_label_block(gp, m1, 0, 1040, 760) >= 15);
    assert_true(check_label_block(gp, m2, 1, 1040, 760) >= 10);
    assert_contains(gp, "$marks0 << EOD_WRRFIG\n");
    assert_contains(gp, "\"Urk\"\n");
    assert_contains(gp, "$lead0 << EOD_WRRFIG\n"); /* leaders where names moved */
    free(gp);
}

/* The 2017 data on the 2015 boundaries (as if they were the 2017 ones, in
 * a scratch data directory): the join report must list the municipalities
 * created and dissolved on 1 January 2016 and 2017. */
static void test_join_report_year_mismatch(void **state)
{
    (void)state;
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s/d/hhi' '%s/d/geo' && cp '%s/hhi/kwb2017_gemeente.csv' '%s/hhi/kwb2017_gemeente.meta.json' "
             "'%s/d/hhi/' && cp '%s/geo/gemeente_2015.geojson' '%s/d/geo/gemeente_2017.geojson' && "
             "cp '%s/geo/gemeente_2015.meta.json' '%s/d/geo/gemeente_2017.meta.json'",
             out, out, WF_DATA, WF_DATA, out, WF_DATA, out, WF_DATA, out);
    assert_int_equal(system(cmd), 0);
    char data[600], o2[600];
    snprintf(data, sizeof data, "%s/d", out);
    snprintf(o2, sizeof o2, "%s/o", out);
    char *err = NULL;
    int rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, NULL, &err, "build", "fig-2-14", "--out", o2, NULL);
    if (rc != 0)
        fail_msg("build failed (%d): %s", rc, err);
    free(err);
    char *m = tu_readf("%s/fig-2-14.json", o2);
    assert_contains(m, "Koppeling van de gegevens (388 gebieden) aan de grenzen geo/gemeente_2017 (393 gebieden) op "
                       "de CBS-code: 384 gekoppeld");
    assert_contains(m, "In de gegevens maar niet in de grenzen (4): GM1940, GM1942, GM1945, GM1948");
    assert_contains(m, "In de grenzen maar niet in de gegevens (grijs getekend) (9): GM0241, GM0381, GM0424, GM0425, "
                       "GM0478, GM0844, GM0846, GM0860, GM1921");
    free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_den_haag_looks, out_setup, out_teardown),
        cmocka_unit_test_setup_teardown(test_fig_3_13_labels, out_setup, out_teardown),
        cmocka_unit_test_setup_teardown(test_fixture_map, out_setup, out_teardown),
        cmocka_unit_test_setup_teardown(test_fixture_wijk_map, out_setup, out_teardown),
        cmocka_unit_test_setup_teardown(test_bad_geometry_fails, out_setup, out_teardown),
        cmocka_unit_test(test_report_version_is_nodata),
        cmocka_unit_test_setup_teardown(test_fig_2_14_shipped_data, out_setup, out_teardown),
        cmocka_unit_test_setup_teardown(test_den_haag_shipped_data, out_setup, out_teardown),
        cmocka_unit_test_setup_teardown(test_join_report_year_mismatch, out_setup, out_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
