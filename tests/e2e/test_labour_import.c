/* The import mappings of the labour and cohorts tables, run by
 * `wrrfig import` on small excerpts of the shared files (a few rows cut from
 * each, in tests/fixtures/labour/shared/), and on the full shared files
 * against the committed tables (re-import must change nothing). */
#include "testutil.h"

#include "util/sha256.h"
#include "data/table.h"

#define EXCERPTS WF_FIXTURES "/labour/shared"
#define SHARED WF_SRC_DIR "/../shared/data"
#define MAP(name) WF_SRC_DIR "/data/mappings/" name

static char *dir;
static int have_importer;

static int setup(void **state)
{
    (void)state;
    dir = tu_tempdir("labimp");
    /* The importer lands on main separately; until it does, these tests
     * skip rather than fail. */
    char *out = NULL, *err = NULL;
    have_importer = tu_wrrfig(&out, &err, "import", "--help", NULL) == 0;
    free(out);
    free(err);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tu_rmrf(dir);
    free(dir);
    return 0;
}

static void import_into(const char *data, const char *shared, const char *mapping, const char *check)
{
    char *out = NULL, *err = NULL;
    int rc = check ? tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "import", "--shared", shared, check,
                                    mapping, NULL)
                   : tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "import", "--shared", shared, mapping,
                                    NULL);
    if (rc != 0)
        fail_msg("import %s failed (%d): %s%s", mapping, rc, out ? out : "", err ? err : "");
    free(out);
    free(err);
}

static wf_table *load(const char *data, const char *name)
{
    wf_table *t = NULL;
    wf_error err;
    if (table_load(data, name, &t, &err) != 0)
        fail_msg("%s", err.msg);
    return t;
}

static double cell(const wf_table *t, const char *query)
{
    double v = NAN;
    if (table_find_query(t, query, &v) != WRRFIG_VALUE)
        fail_msg("%s: no value for %s", t->name, query);
    return v;
}

static void test_participation_mapping_on_excerpt(void **state)
{
    (void)state;
    if (!have_importer)
        skip();
    import_into(dir, EXCERPTS, MAP("labour-participation_82809.json"), NULL);
    wf_table *t = load(dir, "labour/participation_82809");
    assert_int_equal(t->n_rows, 13); /* every excerpt row, none dropped */
    assert_int_equal(t->n_dims, 6);
    /* Labels were recoded to the origin codes of docs/measures.md, periods
     * to CBS period codes, topics and sources to short codes. */
    assert_double_near(cell(t, "herkomst=Marokko;periode=2008JJ00;onderwerp=NETTO_PART"), 54.6, 1e-9);
    assert_double_near(cell(t, "herkomst=Antillen;periode=2016JJ00;onderwerp=WERKLOOS_PCT"), 15.1, 1e-9);
    assert_double_near(cell(t, "herkomst=Nederlands;periode=2017JJ00;bron=cbs_artikel_2019_08"), 68, 1e-9);
    assert_double_near(cell(t, "herkomst=OverigNietWesters;periode=2016JJ00"), 13.3, 1e-9);
    assert_double_near(cell(t, "herkomst=Westers;periode=2015JJ00;bron=cbs_artikel_2016_21"), 8.6, 1e-9);
    assert_double_near(cell(t, "herkomst=Totaal;periode=2003JJ00;bron=cbs_82809ned_3101D"), 4.8, 1e-9);
    assert_double_near(cell(t, "geslacht=Totaal;leeftijd=15-75;herkomst=Turkije;onderwerp=BEVOLKING"), 263, 1e-9);
    /* Published participation agrees with employed / population within the
     * rounding of the thousands (computed here, independently). */
    double pop = cell(t, "herkomst=Marokko;periode=2008JJ00;onderwerp=BEVOLKING");
    double emp = cell(t, "herkomst=Marokko;periode=2008JJ00;onderwerp=WERKZAAM");
    assert_double_near(100.0 * emp / pop, cell(t, "herkomst=Marokko;periode=2008JJ00;onderwerp=NETTO_PART"), 0.15);
    assert_string_equal(table_meta_get(t, "label:herkomst:Antillen"), "(voormalige) Nederlandse Antillen en Aruba");
    assert_string_equal(table_meta_get(t, "label:bron:cbs_82809ned_3101D"),
                        "CBS StatLine 82809NED, view https://www.cbs.nl/nl-nl/cijfers/detail/82809NED?dl=3101D");
    char sha[65];
    assert_int_equal(sha256_file_hex(EXCERPTS "/nl_labour_by_migration_82809/"
                                              "labour_participation_unemployment_by_migration_background.csv",
                                     sha),
                     0);
    assert_string_equal(table_meta_get(t, "source_sha256"), sha);
    assert_string_equal(table_meta_get(t, "licence"), "CC BY 4.0");
    table_free(t);
}

static void test_asylum_and_departure_mappings_on_excerpts(void **state)
{
    (void)state;
    if (!have_importer)
        skip();
    import_into(dir, EXCERPTS, MAP("labour-asylum_cohort_2014.json"), NULL);
    wf_table *t = load(dir, "labour/asylum_cohort_2014");
    assert_int_equal(t->n_rows, 3);
    assert_double_near(cell(t, "herkomst=Syrië;maanden=18;bron=cbs_tabel"), 3, 1e-9);
    assert_double_near(cell(t, "herkomst=Irak;maanden=18"), 5.8, 1e-9);
    assert_double_near(cell(t, "herkomst=Totaal;maanden=18;bron=cbs_tekst"), 4, 1e-9);
    assert_int_equal(table_dim(t, "leeftijd"), -1); /* constant columns are not dimensions */
    table_free(t);

    import_into(dir, EXCERPTS, MAP("cohorts-departure_share_nationality.json"), NULL);
    t = load(dir, "cohorts/departure_share_nationality");
    assert_int_equal(t->n_rows, 6); /* 2010: 2 x 2 horizons; 2022: 2 x 2-year only */
    assert_double_near(cell(t, "immigratiejaar=2010;nationaliteit=eu-efta;binnen_jaren=2"), 41.0, 1e-9);
    assert_double_near(cell(t, "immigratiejaar=2010;nationaliteit=non-eu-efta;binnen_jaren=5"), 46.4, 1e-9);
    assert_double_near(cell(t, "immigratiejaar=2022;nationaliteit=non-eu-efta;binnen_jaren=2"), 26.3, 1e-9);
    double v;
    assert_int_equal(table_find_query(t, "immigratiejaar=2022;binnen_jaren=5", &v), WRRFIG_NO_CELL);
    table_free(t);
}

static void test_import_is_deterministic(void **state)
{
    (void)state;
    if (!have_importer)
        skip();
    char *other = tu_tempdir("labimp2");
    import_into(other, EXCERPTS, MAP("labour-participation_82809.json"), NULL);
    import_into(dir, EXCERPTS, MAP("labour-participation_82809.json"), NULL);
    char *a = tu_readf("%s/labour/participation_82809.csv", dir);
    char *b = tu_readf("%s/labour/participation_82809.csv", other);
    char *ma = tu_readf("%s/labour/participation_82809.meta.json", dir);
    char *mb = tu_readf("%s/labour/participation_82809.meta.json", other);
    assert_non_null(a);
    assert_string_equal(a, b);
    assert_string_equal(ma, mb);
    free(a);
    free(b);
    free(ma);
    free(mb);
    tu_rmrf(other);
    free(other);
}

/* The committed tables are what the mappings make of the shared files
 * today: a stale or hand-edited table fails here. */
static void test_committed_tables_match_a_reimport(void **state)
{
    (void)state;
    if (!have_importer)
        skip();
    struct stat st;
    if (stat(SHARED, &st) != 0)
        skip();
    static const char *const maps[] = {
        MAP("labour-participation_82809.json"),       MAP("labour-asylum_cohort_2014.json"),
        MAP("cohorts-departure_share_nationality.json"), MAP("cohorts-immigrants_motive_eu_efta.json"),
        MAP("cohorts-stay_schmeets.json"),
    };
    for (size_t i = 0; i < sizeof maps / sizeof maps[0]; i++)
        import_into(WF_DATA, SHARED, maps[i], "--check");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_participation_mapping_on_excerpt),
        cmocka_unit_test(test_asylum_and_departure_mappings_on_excerpts),
        cmocka_unit_test(test_import_is_deterministic),
        cmocka_unit_test(test_committed_tables_match_a_reimport),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
