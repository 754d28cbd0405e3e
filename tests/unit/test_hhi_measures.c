/* The hhi.* measures on the shipped data, each checked against a
 * computation done here from the data table (or from counts quoted in the
 * data's SOURCE.md), and NO-DATA wherever year or grouping do not match
 * the data. */
#include "testutil.h"

#include "app.h"
#include "claims/measure.h"

/* KWB 2017 per municipality, parsed independently of the plugin. */
typedef struct gem {
    char code[8];
    double inw, west, nw, mar, ant, sur, tur, over;
} gem;

static gem gems[400];
static size_t n_gems;
static wf_app app;

static double *field(gem *g, const char *var)
{
    static const char *names[] = {"AANT_INW", "P_WEST_AL", "P_N_W_AL", "P_MAROKKO", "P_ANT_ARU", "P_SURINAM", "P_TURKIJE", "P_OVER_NW"};
    double *f[] = {&g->inw, &g->west, &g->nw, &g->mar, &g->ant, &g->sur, &g->tur, &g->over};
    for (int i = 0; i < 8; i++)
        if (strcmp(var, names[i]) == 0)
            return f[i];
    return NULL;
}

static int setup(void **state)
{
    (void)state;
    char *csv = tu_read(WF_DATA "/hhi/kwb2017_gemeente.csv", NULL);
    if (!csv)
        return -1;
    n_gems = 0;
    for (char *line = strchr(csv, '\n') + 1; *line; line = strchr(line, '\n') + 1) {
        char code[8], var[16];
        double v;
        if (sscanf(line, "%7[^,],%15[^,],%lf", code, var, &v) != 3)
            return -1;
        if (n_gems == 0 || strcmp(gems[n_gems - 1].code, code) != 0)
            strcpy(gems[n_gems++].code, code);
        double *f = field(&gems[n_gems - 1], var);
        if (f)
            *f = v;
    }
    free(csv);
    tu_app(&app, WF_DATA);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    app_free(&app);
    return 0;
}

/* The documented rule: Dutch = 100 - western - non-western; the five
 * non-western subgroups scaled to add up to non-western. */
static void weights7(const gem *g, double w[7])
{
    double sub = g->mar + g->ant + g->sur + g->tur + g->over, k = g->nw / sub;
    double x[7] = {100 - g->west - g->nw, g->west, k * g->mar, k * g->ant, k * g->sur, k * g->tur, k * g->over};
    memcpy(w, x, sizeof x);
}

static double d7(const gem *g)
{
    double w[7], q = 0;
    weights7(g, w);
    for (int i = 0; i < 7; i++)
        q += (w[i] / 100) * (w[i] / 100);
    return 1 - q;
}

static double eval(const char *ref, eval_status want)
{
    wf_measure_result r;
    wf_measure_eval(&app, ref, &r);
    if (r.status != want)
        fail_msg("%s: status %d, expected %d (%s)", ref, r.status, want, r.reason.msg);
    return r.status == EVAL_OK ? r.value : NAN;
}

static const gem *find(const char *code)
{
    for (size_t i = 0; i < n_gems; i++)
        if (strcmp(gems[i].code, code) == 0)
            return &gems[i];
    fail_msg("%s not in the table", code);
    return NULL;
}

static void test_index_2017(void **state)
{
    (void)state;
    assert_int_equal(n_gems, 388);
    assert_double_near(eval("hhi.index{area='GM0363', year=2017, groups=7}", EVAL_OK), 0.7092, 1e-12);
    assert_double_near(eval("hhi.index{area='GM0003', year=2017, groups=7}", EVAL_OK), d7(find("GM0003")), 1e-12);
    assert_double_near(eval("hhi.textbook{area='GM0003', year=2017, groups=7}", EVAL_OK), 1 - d7(find("GM0003")),
                       1e-12);
    /* 3 groups: Amsterdam 48 / 17 / 35. */
    assert_double_near(eval("hhi.index{area='GM0363', year=2017, groups=3}", EVAL_OK),
                       1 - (.48 * .48 + .17 * .17 + .35 * .35), 1e-12);

    /* Pooled national shares vs mean of municipal values. */
    double pooled[7] = {0}, pop = 0, mean = 0, wmean = 0;
    for (size_t i = 0; i < n_gems; i++) {
        const gem *g = &gems[i];
        double w[7];
        weights7(g, w);
        for (int k = 0; k < 7; k++)
            pooled[k] += g->inw * w[k] / 100;
        pop += g->inw;
        mean += d7(g) / (double)n_gems;
        wmean += g->inw * d7(g);
    }
    double q = 0;
    for (int k = 0; k < 7; k++)
        q += (pooled[k] / pop) * (pooled[k] / pop);
    assert_double_near(pop, 17081507, 0); /* CBS population, 1 January 2017 */
    assert_double_near(eval("hhi.index{area='NL', year=2017, groups=7}", EVAL_OK), 1 - q, 1e-12);
    assert_double_near(eval("hhi.mean{year=2017, groups=7, weight='none'}", EVAL_OK), mean, 1e-12);
    assert_double_near(eval("hhi.mean{year=2017, groups=7}", EVAL_OK), wmean / pop, 1e-12);
    /* The finding: the pooled value is near the report's 0,38, the means
     * are not (and the 18 groups would raise every one of them). */
    assert_true(fabs(1 - q - 0.38) < 0.01);
    assert_true(mean < 0.3);
    /* 7 groups refine 3, so no mean can drop. */
    assert_true(eval("hhi.mean{year=2017, groups=7, weight='none'}", EVAL_OK) >=
                eval("hhi.mean{year=2017, groups=3, weight='none'}", EVAL_OK));
}

static void test_distribution_2017(void **state)
{
    (void)state;
    double below = 0, all = 0, homog = 0;
    size_t higher = 0;
    double dh = d7(find("GM0518"));
    for (size_t i = 0; i < n_gems; i++) {
        all += gems[i].inw;
        if (d7(&gems[i]) < 0.30)
            below += gems[i].inw;
        if (d7(&gems[i]) > dh)
            higher++;
        if (100 - gems[i].west - gems[i].nw > 90)
            homog += gems[i].inw;
    }
    assert_double_near(eval("hhi.pop_share{year=2017, groups=7, max=0.30}", EVAL_OK), 100 * below / all, 1e-9);
    assert_double_near(eval("hhi.pop_share{year=2017, groups=7, min=0.30}", EVAL_OK), 100 * (all - below) / all,
                       1e-9);
    assert_double_near(eval("hhi.rank{area='GM0518', year=2017, groups=7}", EVAL_OK), (double)(higher + 1), 0);
    assert_double_near(eval("hhi.homogeneous_population{year=2017}", EVAL_OK), homog, 0);
    assert_double_near(eval("hhi.homogeneous_share{year=2017, min_dutch=90}", EVAL_OK), 100 * homog / all, 1e-9);
}

static double d_counts(const double *w, int n)
{
    double s = 0, q = 0;
    for (int i = 0; i < n; i++)
        s += w[i];
    for (int i = 0; i < n; i++)
        q += (w[i] / s) * (w[i] / s);
    return 1 - q;
}

static void test_cities_and_wijken_2019(void **state)
{
    (void)state;
    /* 84910NED, Den Haag 1 January 2019 (denhaag_wijk_migration/SOURCE.md):
     * 537,833 residents; 99,877 western; 193,599 non-western. */
    const double dh3[] = {537833 - 99877 - 193599, 99877, 193599};
    assert_double_near(eval("hhi.index{area='GM0518', year=2019, groups=3}", EVAL_OK), d_counts(dh3, 3), 1e-12);
    /* Amsterdam: 392,850 Dutch, 161,884 western, 308,231 non-western;
     * Morocco 76,751, Suriname 64,629, Turkey 44,080
     * (cities_84910_kwb_2019_2021/SOURCE.md); (former) Antilles and Aruba,
     * code H007119, 12,183 in the 84910NED file (the KWB 2019 row says
     * 12,153: the two CBS tables differ by 30 persons here). */
    const double ams7[] = {392850, 161884, 76751, 12183, 64629, 44080, 308231 - 76751 - 12183 - 64629 - 44080};
    assert_double_near(eval("hhi.index{area='GM0363', year=2019, groups=7}", EVAL_OK), d_counts(ams7, 7), 1e-12);
    /* Country level is finer, so higher than 7 groups. */
    double c = eval("hhi.index{area='GM0363', year=2019, groups='country'}", EVAL_OK);
    assert_true(c > d_counts(ams7, 7) && c < 1);
    /* Schilderswijk (KWB 2019): 31,385 residents, 2,590 western, 26,095
     * non-western. With 3 groups its index is low; the report's 18 groups
     * split the non-western residents and make it the most diverse. */
    const double sch[] = {31385 - 2590 - 26095, 2590, 26095};
    assert_double_near(eval("hhi.index{area='WK051829', year=2019, groups=3}", EVAL_OK), d_counts(sch, 3), 1e-12);
}

static void test_nodata_and_errors(void **state)
{
    (void)state;
    /* The report's grouping (18, the default) and years are not here. */
    eval("hhi.index{area='NL', year=2015}", EVAL_NODATA);
    eval("hhi.index{area='GM0363', year=2017}", EVAL_NODATA);
    eval("hhi.index{area='GM0363', year=2015, groups=7}", EVAL_NODATA);
    eval("hhi.index{area='GM0599', year=2019, groups=7}", EVAL_NODATA);
    eval("hhi.index{area='WK051829', year=2019, groups=7}", EVAL_NODATA);
    eval("hhi.mean{year=2015}", EVAL_NODATA);
    eval("hhi.mean{year=2017, groups=7, level='wijk'}", EVAL_NODATA);
    eval("hhi.pop_share{year=2015, max=0.30}", EVAL_NODATA);
    eval("hhi.rank{area='GM0518', year=2019}", EVAL_NODATA);
    eval("hhi.homogeneous_share{year=2015}", EVAL_NODATA);
    /* Typos are errors, not NO-DATA. */
    eval("hhi.index{area='NL', year=2017, groups=5}", EVAL_ERROR);
    eval("hhi.index{area='NL', year=2017, groups='landen'}", EVAL_ERROR);
    eval("hhi.mean{year=2017, groups=7, weight='pop'}", EVAL_ERROR);
    eval("hhi.rank{area='NL', year=2017, groups=7}", EVAL_ERROR);
}

/* National shares from a synthetic 37296ned in the real table's layout:
 * 800 Dutch, 100 western (20 CEE, 30 GIPS, 50 other), 100 non-western
 * (10 Moroccan, 10 Antillean, 20 Surinamese, 20 Turkish, 40 other). */
static void test_national_pooled(void **state)
{
    (void)state;
    wf_app fx = app;
    fx.data_dir = WF_FIXTURES "/hhi/data";
    wf_measure_result r;
    wf_measure_eval(&fx, "hhi.national_pooled{year=2015, groups=3}", &r);
    assert_int_equal(r.status, EVAL_OK);
    assert_double_near(r.value, 1 - (.64 + .01 + .01), 1e-12);
    wf_measure_eval(&fx, "hhi.national_pooled{year=2015, groups=7}", &r);
    assert_int_equal(r.status, EVAL_OK);
    assert_double_near(r.value, 1 - (.64 + .01 + .0001 + .0001 + .0004 + .0004 + .0016), 1e-12);
    wf_measure_eval(&fx, "hhi.national_pooled{year=2015, groups=9}", &r);
    assert_int_equal(r.status, EVAL_OK);
    assert_double_near(r.value, 1 - (.64 + .0004 + .0009 + .0025 + .0001 + .0001 + .0004 + .0004 + .0016), 1e-12);
    assert_true(cites_has(&r.inputs, "cbs/37296ned"));
    wf_measure_eval(&fx, "hhi.national_pooled{year=2016, groups=7}", &r);
    assert_int_equal(r.status, EVAL_NODATA);
    /* 2014 in the fixture lacks 8 Turkish residents: groups do not add up. */
    wf_measure_eval(&fx, "hhi.national_pooled{year=2014, groups=7}", &r);
    assert_int_equal(r.status, EVAL_ERROR);
    wf_measure_eval(&fx, "hhi.national_pooled{year=2015, groups=18}", &r);
    assert_int_equal(r.status, EVAL_ERROR);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_index_2017),          cmocka_unit_test(test_distribution_2017),
        cmocka_unit_test(test_cities_and_wijken_2019), cmocka_unit_test(test_nodata_and_errors),
        cmocka_unit_test(test_national_pooled),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
