/* The hhi plugin's arithmetic, checked by hand: the report's index
 * (1 - sum p^2) and the textbook HHI, class breaks and legend labels, and
 * the national summaries (pooled shares vs mean of municipal values).
 * The plugin's sources are compiled in: plugins link against nothing. */
#include "testutil.h"

#include "../../plugins/hhi/hhi_classes.c"
#include "../../plugins/hhi/hhi_index.c"
#include "../../plugins/hhi/hhi_national.c"

static void test_two_halves_and_one_group(void **state)
{
    (void)state;
    double d, h;
    const double half[] = {50, 50};
    assert_int_equal(hhi_gini_simpson(half, 2, &d), HHI_OK);
    assert_double_near(d, 0.5, 1e-15);
    assert_int_equal(hhi_textbook(half, 2, &h), HHI_OK);
    assert_double_near(h, 0.5, 1e-15);
    const double one[] = {1234};
    assert_int_equal(hhi_gini_simpson(one, 1, &d), HHI_OK);
    assert_double_near(d, 0, 0);
    /* A group of zero persons changes nothing. */
    const double one_and_empty[] = {0, 1234, 0};
    assert_int_equal(hhi_gini_simpson(one_and_empty, 3, &d), HHI_OK);
    assert_double_near(d, 0, 0);
    /* n equal groups: D = 1 - 1/n, the upper bound (0.944 for 18). */
    double eq[18];
    for (int i = 0; i < 18; i++)
        eq[i] = 7;
    assert_int_equal(hhi_gini_simpson(eq, 18, &d), HHI_OK);
    assert_double_near(d, 1.0 - 1.0 / 18, 1e-15);
}

static void test_counts_and_percentages_agree(void **state)
{
    (void)state;
    /* 600 / 300 / 100 persons: sum p^2 = 0.36 + 0.09 + 0.01 = 0.46. */
    const double counts[] = {600, 300, 100};
    const double pct[] = {60, 30, 10};
    double dc, dp, hc;
    assert_int_equal(hhi_gini_simpson(counts, 3, &dc), HHI_OK);
    assert_int_equal(hhi_gini_simpson(pct, 3, &dp), HHI_OK);
    assert_int_equal(hhi_textbook(counts, 3, &hc), HHI_OK);
    assert_double_near(dc, 0.54, 1e-12);
    assert_double_near(dp, 0.54, 1e-12);
    assert_double_near(hc, 0.46, 1e-12);
    assert_double_near(hhi_total(counts, 3), 1000, 0);
}

/* Whole percentages that add to 99: the shares are divided by 99 (the
 * documented choice), not by 100 with the missing point left out. */
static void test_whole_percentages_not_summing_to_100(void **state)
{
    (void)state;
    const double pct[] = {50, 49};
    double d;
    assert_int_equal(hhi_gini_simpson(pct, 2, &d), HHI_OK);
    double p1 = 50.0 / 99, p2 = 49.0 / 99;
    assert_double_near(d, 1 - p1 * p1 - p2 * p2, 1e-15);
    /* Dividing by 100 would give 1 - .25 - .2401 = 0.5099, not this. */
    assert_true(fabs(d - 0.5099) > 0.009);
    /* Amsterdam, KWB 2017: Dutch 48 (100 - 17 - 35), western 17, Moroccan 9,
     * Antillean 1, Surinamese 8, Turkish 5, other non-western 12 (sum 100):
     * 1 - (.2304 + .0289 + .0081 + .0001 + .0064 + .0025 + .0144) = 0.7092. */
    const double ams[] = {48, 17, 9, 1, 8, 5, 12};
    assert_int_equal(hhi_gini_simpson(ams, 7, &d), HHI_OK);
    assert_double_near(d, 0.7092, 1e-12);
}

static void test_invalid_weights(void **state)
{
    (void)state;
    double d = -1;
    const double neg[] = {10, -1};
    const double zero[] = {0, 0};
    const double nan_[] = {1, NAN};
    assert_int_equal(hhi_gini_simpson(neg, 2, &d), HHI_NEGATIVE);
    assert_int_equal(hhi_gini_simpson(nan_, 2, &d), HHI_NEGATIVE);
    assert_int_equal(hhi_gini_simpson(zero, 2, &d), HHI_EMPTY);
    assert_int_equal(hhi_gini_simpson(zero, 0, &d), HHI_EMPTY);
    assert_double_near(d, -1, 0); /* untouched on error */
}

static void test_fixed_classes_and_labels(void **state)
{
    (void)state;
    const double b[] = {0.17, 0.26, 0.35, 0.48};
    hhi_classes c;
    size_t bad = 99;
    assert_int_equal(hhi_classes_fixed(b, 4, &c, &bad), 0);
    assert_int_equal(hhi_class_of(&c, 0.0), 0);
    assert_int_equal(hhi_class_of(&c, 0.1699), 0);
    assert_int_equal(hhi_class_of(&c, 0.17), 1); /* "0,17 tot 0,26" includes 0,17 */
    assert_int_equal(hhi_class_of(&c, 0.38), 3);
    assert_int_equal(hhi_class_of(&c, 0.48), 4);
    assert_int_equal(hhi_class_of(&c, 0.9), 4);
    char buf[64];
    const hhi_class_words nl = {"minder dan {a}", "{a} tot {b}", "{a} of meer", "alle waarden"},
                          en = {"< {a}", "{a} to {b}", "{a} or more", "all values"};
    hhi_class_label(&c, 0, 2, ",", &nl, buf, sizeof buf);
    assert_string_equal(buf, "minder dan 0,17");
    hhi_class_label(&c, 3, 2, ",", &nl, buf, sizeof buf);
    assert_string_equal(buf, "0,35 tot 0,48");
    hhi_class_label(&c, 4, 2, ",", &nl, buf, sizeof buf);
    assert_string_equal(buf, "0,48 of meer");
    hhi_class_label(&c, 1, 2, ".", &en, buf, sizeof buf);
    assert_string_equal(buf, "0.17 to 0.26");
    hhi_class_label(&c, 0, 2, ".", &en, buf, sizeof buf);
    assert_string_equal(buf, "< 0.17");
    /* the bounds in another order, a brace that is no placeholder, a buffer too short */
    const hhi_class_words odd = {"{a}{", "tussen {b} en {a}", "{b}>={a}", "-"};
    hhi_class_label(&c, 2, 2, ".", &odd, buf, sizeof buf);
    assert_string_equal(buf, "tussen 0.35 en 0.26");
    hhi_class_label(&c, 0, 2, ".", &odd, buf, sizeof buf);
    assert_string_equal(buf, "0.17{");
    hhi_class_label(&c, 4, 2, ".", &odd, buf, sizeof buf);
    assert_string_equal(buf, ">=0.48");
    char tiny[5];
    hhi_class_label(&c, 3, 2, ",", &nl, tiny, sizeof tiny);
    assert_string_equal(tiny, "0,35");
    const double unsorted[] = {0.2, 0.1};
    assert_int_equal(hhi_classes_fixed(unsorted, 2, &c, &bad), -1);
    assert_int_equal(bad, 1);
}

static void test_quantile_classes(void **state)
{
    (void)state;
    /* 0.0 .. 1.0 in steps of 0.1: quartile positions 2.5, 5, 7.5 of 10. */
    double v[11];
    for (int i = 0; i <= 10; i++)
        v[i] = (10 - i) / 10.0; /* unsorted on purpose */
    hhi_classes c;
    assert_int_equal(hhi_classes_quantiles(v, 11, 4, 2, &c), 0);
    assert_int_equal(c.n_breaks, 3);
    assert_double_near(c.breaks[0], 0.25, 1e-12);
    assert_double_near(c.breaks[1], 0.50, 1e-12);
    assert_double_near(c.breaks[2], 0.75, 1e-12);
    /* Many equal values: the breaks at positions 1, 2, 3 of 0..4 are all
     * 0.3 and collapse into one. */
    const double same[] = {0.3, 0.3, 0.3, 0.3, 0.9};
    assert_int_equal(hhi_classes_quantiles(same, 5, 4, 2, &c), 0);
    assert_int_equal(c.n_breaks, 1);
    assert_double_near(c.breaks[0], 0.3, 1e-12);
    assert_int_equal(hhi_classes_quantiles(same, 0, 4, 2, &c), -1);
    assert_int_equal(hhi_classes_quantiles(same, 5, 1, 2, &c), -1);
}

static hhi_area area(const char *code, double pop, double a, double b)
{
    hhi_area x;
    memset(&x, 0, sizeof x);
    snprintf(x.code, sizeof x.code, "%s", code);
    x.pop = pop;
    x.w[0] = a;
    x.w[1] = b;
    x.n = 2;
    x.ok = hhi_gini_simpson(x.w, 2, &x.d) == HHI_OK && hhi_textbook(x.w, 2, &x.h) == HHI_OK;
    return x;
}

/* Two municipalities, each homogeneous in a different group: each has
 * D = 0, yet the pooled country is half and half, D = 0.5. This is why
 * "de hhi voor heel Nederland" and "de gemiddelde hhi" differ. */
static void test_pooled_versus_mean(void **state)
{
    (void)state;
    hhi_area a[3] = {area("GM0001", 1000, 100, 0), area("GM0002", 1000, 0, 100), area("GM0003", 0, 50, 50)};
    hhi_summary s;
    assert_int_equal(hhi_summarise(a, 3, &s), 0);
    assert_int_equal(s.n_used, 2); /* no residents: left out */
    assert_double_near(s.pooled_d, 0.5, 1e-15);
    assert_double_near(s.pooled_h, 0.5, 1e-15);
    assert_double_near(s.mean_d, 0, 0);
    assert_double_near(s.wmean_d, 0, 0);
    assert_double_near(s.pop, 2000, 0);

    /* 3000 residents at D = 0.5 (50/50) and 1000 at D = 0.18 (90/10):
     * unweighted mean 0.34, weighted (1500 + 180) / 4000 = 0.42; pooled
     * shares (1500 + 900) / 4000 = 0.6 and 0.4: D = 0.48. */
    hhi_area b[2] = {area("GM0001", 3000, 50, 50), area("GM0002", 1000, 90, 10)};
    assert_int_equal(hhi_summarise(b, 2, &s), 0);
    assert_double_near(s.mean_d, 0.34, 1e-12);
    assert_double_near(s.wmean_d, 0.42, 1e-12);
    assert_double_near(s.pooled_d, 0.48, 1e-12);
    /* Population shares by class and ranks. */
    assert_double_near(hhi_pop_share(b, 2, 0, 0.30), 25, 1e-12);
    assert_double_near(hhi_pop_share(b, 2, 0.30, INFINITY), 75, 1e-12);
    assert_int_equal(hhi_rank(b, 2, &b[0]), 1);
    assert_int_equal(hhi_rank(b, 2, &b[1]), 2);
    /* Mixed groupings cannot be pooled. */
    b[1].n = 3;
    assert_int_equal(hhi_summarise(b, 2, &s), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_halves_and_one_group),
        cmocka_unit_test(test_counts_and_percentages_agree),
        cmocka_unit_test(test_whole_percentages_not_summing_to_100),
        cmocka_unit_test(test_invalid_weights),
        cmocka_unit_test(test_fixed_classes_and_labels),
        cmocka_unit_test(test_quantile_classes),
        cmocka_unit_test(test_pooled_versus_mean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
