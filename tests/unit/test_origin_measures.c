/* The origin.* measures that read the wijk table of KWB 2017, run through
 * the fake host (tests/fakehost.h) on the shipped data. Every expected value
 * is computed here from the table itself. */
#include "testutil.h"

#include "claims/status.h"
#include "fakehost.h"

static fh_host *fh;
static const wrrfig_plugin *org;

static double ok(const char *ref)
{
    double v = 0;
    wrrfig_status s = fh_measure(fh, org, ref, &v);
    if (s != WRRFIG_OK)
        fail_msg("%s: status %d (%s)", ref, (int)s, fh_message(fh));
    return v;
}

static eval_status st(const char *ref)
{
    double v;
    wrrfig_status s = fh_measure(fh, org, ref, &v);
    return s == WRRFIG_OK ? EVAL_OK : s == WRRFIG_NODATA ? EVAL_NODATA : EVAL_ERROR;
}

/* Wijken with inhabitants where one of the listed KWB variables exceeds min,
 * counted by the test from the CSV itself (region,variable,value; the rows of
 * a wijk are adjacent). */
static int count_above(const char *const *vars, double min)
{
    char path[512];
    snprintf(path, sizeof path, "%s/hhi/kwb2017_wijk.csv", WF_DATA);
    FILE *f = fopen(path, "r");
    if (!f)
        fail_msg("cannot open %s", path);
    char line[256], cur[32] = "", reg[32], var[32];
    double val, inw = 0;
    bool above = false;
    int n = 0, rows = 0;
    if (!fgets(line, sizeof line, f)) /* header */
        fail_msg("%s is empty", path);
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "%31[^,],%31[^,],%lf", reg, var, &val) != 3)
            fail_msg("unexpected line in %s: %s", path, line);
        if (strcmp(reg, cur)) {
            n += inw > 0 && above;
            snprintf(cur, sizeof cur, "%s", reg);
            inw = 0;
            above = false;
        }
        rows++;
        if (!strcmp(var, "AANT_INW"))
            inw = val;
        for (const char *const *v = vars; *v; v++)
            if (!strcmp(var, *v) && val > min)
                above = true;
    }
    n += inw > 0 && above;
    fclose(f);
    assert_true(rows > 3000);
    return n;
}

static void test_wijk_count_above(void **state)
{
    (void)state;
    static const char *const four[] = {"P_MAROKKO", "P_TURKIJE", "P_SURINAM", "P_ANT_ARU", NULL};
    static const char *const tur[] = {"P_TURKIJE", NULL};
    static const char *const west[] = {"P_WEST_AL", NULL};
    int n50 = count_above(four, 50), n20 = count_above(tur, 20), nw50 = count_above(west, 50);
    /* the counts must be able to differ from zero, or the check proves nothing */
    assert_true(n20 > 0);
    assert_true(nw50 > 0);
    fh = fh_new(WF_DATA);
    org = fh_plugin(fh, "origin");
    assert_double_near(ok("origin.wijk_count_above{groups='Marokko+Turkije+Suriname+Antillen', year=2017, min=50}"),
                       n50, 0);
    assert_double_near(ok("origin.wijk_count_above{groups='Turkije', year=2017, min=20}"), n20, 0);
    assert_double_near(ok("origin.wijk_count_above{groups='Westers', year=2017, min=50}"), nw50, 0);
    /* another year is NO-DATA; an unknown group, an empty code or no min an error */
    assert_int_equal(st("origin.wijk_count_above{groups='Turkije', year=2019, min=50}"), EVAL_NODATA);
    assert_int_equal(st("origin.wijk_count_above{groups='Atlantis', year=2017, min=50}"), EVAL_ERROR);
    assert_int_equal(st("origin.wijk_count_above{groups='Turkije+', year=2017, min=50}"), EVAL_ERROR);
    assert_int_equal(st("origin.wijk_count_above{groups='Turkije', year=2017}"), EVAL_ERROR);
    fh_free(fh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wijk_count_above),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
