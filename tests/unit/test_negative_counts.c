/* Counts are never negative (issue 14): the hhi plugin, which weighs
 * regions by their residents, and the cohorts plugin, whose numbers count
 * immigrants or are shares of them, refuse a negative count with the table,
 * the row and the column, as the immigration plugin does
 * (test_immigration_measures) and the origin plugin (test_origin, through
 * the binary). The labour plugin's percentages lie in 0..100, and its
 * counts of persons are never negative. SYNTHETIC tables through the fake
 * host, or shipped tables with one value made wrong (named so). */
#include "testutil.h"

#include "fakehost.h"

static void test_hhi_refuses_negative_residents(void **state)
{
    (void)state;
    fh_host *fh = fh_new(WF_DATA);
    const wrrfig_plugin *hhi = fh_plugin(fh, "hhi");
    double v = 0;
    /* the same table with sane numbers computes */
    fh_table(fh, "hhi/kwb2017_gemeente",
             "region,variable,value\nGM0001,AANT_INW,1000\nGM0001,P_N_W_AL,20\nGM0001,P_WEST_AL,10\n",
             "SYNTHETIC TEST FIXTURE");
    assert_int_equal(fh_measure(fh, hhi, "hhi.index{area='GM0001', year=2017, groups=3}", &v), WRRFIG_OK);
    assert_double_near(v, 1 - (0.7 * 0.7 + 0.2 * 0.2 + 0.1 * 0.1), 1e-12); /* 1 - the sum of squared shares */
    fh_table(fh, "hhi/kwb2017_gemeente",
             "region,variable,value\nGM0001,AANT_INW,-1000\nGM0001,P_N_W_AL,20\nGM0001,P_WEST_AL,10\n",
             "SYNTHETIC TEST FIXTURE");
    assert_int_equal(fh_measure(fh, hhi, "hhi.index{area='GM0001', year=2017, groups=3}", &v), WRRFIG_ERROR);
    const char *m = fh_message(fh);
    assert_true(tu_contains(m, "hhi/kwb2017_gemeente: data row 1 (region=GM0001, variable=AANT_INW), column value: "
                               "-1000 is negative"));
    fh_free(fh);
}

static void test_cohorts_refuses_negative_counts(void **state)
{
    (void)state;
    fh_host *fh = fh_new(NULL);
    const wrrfig_plugin *co = fh_plugin(fh, "cohorts");
    double v = 0;
    /* Tabel 2.1: a share of a cohort by length of stay */
    const char *tab = "order,type,cohort,stay,value\n"
                      "1,G3,1999-2005,<2,15.5\n1,G3,1999-2005,2-5,20.5\n1,G3,1999-2005,>5,64\n"
                      "1,G3,2006-2010,<2,26.3\n1,G3,2006-2010,2-5,30\n1,G3,2006-2010,>5,%s\n";
    char csv[512];
    snprintf(csv, sizeof csv, tab, "43.7");
    fh_table(fh, "report/tab-2-1", csv, "SYNTHETIC TEST FIXTURE");
    assert_int_equal(fh_measure(fh, co, "cohorts.stay_share{type='G3', cohort='1999-2005', stay='>5'}", &v), WRRFIG_OK);
    assert_double_near(v, 64, 0);
    snprintf(csv, sizeof csv, tab, "-43.7");
    fh_table(fh, "report/tab-2-1", csv, "SYNTHETIC TEST FIXTURE");
    assert_int_equal(fh_measure(fh, co, "cohorts.stay_share{type='G3', cohort='1999-2005', stay='>5'}", &v), WRRFIG_ERROR);
    assert_true(tu_contains(fh_message(fh), "report/tab-2-1: data row 6 (order=1, type=G3, cohort=2006-2010, stay=>5), "
                                            "column value: -43.7 is negative"));
    /* the WRR page's totals (no 84140NED): a small project table */
    fh_table(fh, "cohorts/stay_schmeets", "cohort,motief,verblijf,value\n1999-2005,Totaal,<5,-36\n2006-2010,Totaal,<5,47\n",
             "SYNTHETIC TEST FIXTURE");
    assert_int_equal(fh_measure(fh, co, "cohorts.stay_by_motive{motive='Totaal', cohort='2006-2010', stay='<5'}", &v),
                     WRRFIG_OK);
    assert_double_near(v, 47, 0);
    assert_int_equal(fh_measure(fh, co, "cohorts.stay_by_motive{motive='Totaal', cohort='1999-2005', stay='<5'}", &v),
                     WRRFIG_ERROR);
    assert_true(tu_contains(fh_message(fh), "cohorts/stay_schmeets: data row 1 (cohort=1999-2005, motief=Totaal, "
                                            "verblijf=<5), column value: -36 is negative"));
    fh_free(fh);
}

/* csv with the value of its first data row (the last field of line 2)
 * replaced by v. Caller frees. */
static char *first_value_set(const char *csv, const char *v)
{
    const char *line2 = strchr(csv, '\n');
    assert_non_null(line2);
    line2++;
    const char *eol = strchr(line2, '\n');
    assert_non_null(eol);
    const char *comma = eol;
    while (comma > line2 && comma[-1] != ',')
        comma--;
    assert_true(comma > line2);
    size_t head = (size_t)(comma - csv), vl = strlen(v), tail = strlen(eol);
    char *out = malloc(head + vl + tail + 1);
    assert_non_null(out);
    memcpy(out, csv, head);
    memcpy(out + head, v, vl);
    memcpy(out + head + vl, eol, tail + 1);
    return out;
}

/* Each ready labour figure builds from its shipped table; the same table
 * with its first value made -5 or 130 (SYNTHETIC: one value changed) is
 * broken input, named by table, row and column, and the host records it as
 * such (the figure keeps its previous outputs). */
static void test_labour_refuses_shares_outside_0_100(void **state)
{
    (void)state;
    static const struct {
        const char *id, *table, *synthetic; /* synthetic: the table is not shipped */
    } FIGS[] = {
        {"fig-3-6", "labour/participation_2003_2019", NULL},
        {"fig-3-7", "report/fig-3-7", NULL},
        {"fig-3-8", "labour/unemployment_age_82809",
         "geslacht,leeftijd,herkomst,periode,onderwerp,bron,value\n"
         "Totaal,15-25,Nederlands,2019KW04,WERKLOOS_PCT,t,6.1\n"},
        {"fig-3-11", "labour/asylum_cohort_2014", NULL},
        {"tab-7-1", "report/tab-7-1", NULL},
    };
    static const struct {
        const char *value, *why;
    } BAD[] = {{"-5", "column value: -5 is negative, but it is a percentage"},
               {"130", "column value: 130 is above 100, but it is a percentage"}};
    for (size_t i = 0; i < sizeof FIGS / sizeof FIGS[0]; i++) {
        char *spec = tu_readf("%s/%s.json", WF_FIGURES, FIGS[i].id);
        char *csv = FIGS[i].synthetic ? strdup(FIGS[i].synthetic) : tu_readf("%s/%s.csv", WF_DATA, FIGS[i].table);
        for (size_t b = 0; b <= sizeof BAD / sizeof BAD[0]; b++) {
            fh_host *fh = fh_new(WF_DATA);
            const wrrfig_plugin *lab = fh_plugin(fh, "labour");
            fh_spec(fh, spec);
            if (b == 0) { /* as shipped */
                if (FIGS[i].synthetic)
                    fh_table(fh, FIGS[i].table, csv, "SYNTHETIC TEST FIXTURE");
                wrrfig_status st = fh_figure(fh, lab, FIGS[i].id);
                if (st != WRRFIG_OK)
                    fail_msg("%s from its shipped table: status %d: %s", FIGS[i].id, st, fh_message(fh));
                assert_null(fh_broken(fh));
                fh_free(fh);
                continue;
            }
            char *bad = first_value_set(csv, BAD[b - 1].value);
            fh_table(fh, FIGS[i].table, bad, "SYNTHETIC TEST FIXTURE: one value of the shipped table changed");
            assert_int_equal(fh_figure(fh, lab, FIGS[i].id), WRRFIG_ERROR);
            const char *broken = fh_broken(fh);
            if (!broken)
                fail_msg("%s with %s: not recorded as broken input (%s)", FIGS[i].id, BAD[b - 1].value,
                         fh_message(fh));
            char want[256];
            snprintf(want, sizeof want, "%s: data row 1 (", FIGS[i].table);
            assert_contains(broken, want);
            assert_contains(broken, BAD[b - 1].why);
            assert_int_equal(fh_misuse(fh), 0);
            free(bad);
            fh_free(fh);
        }
        free(spec);
        free(csv);
    }
}

/* The measures read the same cells: a published rate outside 0..100 and a
 * negative count of persons (net participation computed as employed /
 * population when no rate is published) are broken input. */
static void test_labour_measures_refuse_bad_values(void **state)
{
    (void)state;
    static const char *const head = "geslacht,leeftijd,herkomst,periode,onderwerp,bron,value\n";
    static const struct {
        const char *rows, *why;
    } CASES[] = {
        {"Totaal,15-75,Marokko,2019JJ00,NETTO_PART,t,101\n", "101 is above 100, but it is a percentage"},
        {"Totaal,15-75,Marokko,2019JJ00,WERKZAAM,t,-70\nTotaal,15-75,Marokko,2019JJ00,BEVOLKING,t,100\n",
         "-70 is negative, but it counts persons"},
        {"Totaal,15-75,Marokko,2019JJ00,WERKZAAM,t,70\nTotaal,15-75,Marokko,2019JJ00,BEVOLKING,t,-100\n",
         "-100 is negative, but it counts persons"},
    };
    double v = 0;
    {   /* sane numbers compute: the rate, or employed / population */
        fh_host *fh = fh_new(NULL);
        const wrrfig_plugin *lab = fh_plugin(fh, "labour");
        char csv[512];
        snprintf(csv, sizeof csv, "%s%s", head,
                 "Totaal,15-75,Marokko,2019JJ00,WERKZAAM,t,70\nTotaal,15-75,Marokko,2019JJ00,BEVOLKING,t,100\n");
        fh_table(fh, "labour/participation_82809", csv, "SYNTHETIC TEST FIXTURE");
        assert_int_equal(fh_measure(fh, lab, "labour.net_participation{origin='Marokko', year=2019}", &v), WRRFIG_OK);
        assert_double_near(v, 70, 1e-12);
        assert_null(fh_broken(fh));
        fh_free(fh);
    }
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        fh_host *fh = fh_new(NULL);
        const wrrfig_plugin *lab = fh_plugin(fh, "labour");
        char csv[512];
        snprintf(csv, sizeof csv, "%s%s", head, CASES[i].rows);
        fh_table(fh, "labour/participation_82809", csv, "SYNTHETIC TEST FIXTURE");
        assert_int_equal(fh_measure(fh, lab, "labour.net_participation{origin='Marokko', year=2019}", &v),
                         WRRFIG_ERROR);
        const char *broken = fh_broken(fh);
        if (!broken)
            fail_msg("case %zu: not broken input (%s)", i, fh_message(fh));
        assert_contains(broken, "labour/participation_82809: data row ");
        assert_contains(broken, CASES[i].why);
        fh_free(fh);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hhi_refuses_negative_residents),
        cmocka_unit_test(test_cohorts_refuses_negative_counts),
        cmocka_unit_test(test_labour_refuses_shares_outside_0_100),
        cmocka_unit_test(test_labour_measures_refuse_bad_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
