/* The two shipped net-participation tables come from different CBS pages:
 * labour/participation_82809 from StatLine 82809NED views, and
 * labour/participation_2003_2019 from the table of CBS news 2020/46 (parsed
 * from page text). Where both have a value (same origin group, same year)
 * they must agree exactly, and there must be such overlaps: this is what
 * lets fig-3-6 draw the news table as 82809NED's annual series. */
#include "testutil.h"

#include "data/table.h"

static const char *key(const wf_table *t, size_t r, int d)
{
    return t->keys[r * t->n_dims + (size_t)d];
}

static void test_overlap_agrees(void **state)
{
    (void)state;
    wf_table *old = NULL, *news = NULL;
    wf_error err = {{0}};
    if (table_load(WF_DATA, "labour/participation_82809", &old, &err) != 0 ||
        table_load(WF_DATA, "labour/participation_2003_2019", &news, &err) != 0)
        fail_msg("%s", err.msg);
    int o_origin = table_dim(old, "herkomst"), o_period = table_dim(old, "periode"),
        o_topic = table_dim(old, "onderwerp"), o_source = table_dim(old, "bron"), o_sex = table_dim(old, "geslacht");
    int n_origin = table_dim(news, "herkomst"), n_period = table_dim(news, "periode");
    assert_true(o_origin >= 0 && o_period >= 0 && o_topic >= 0 && o_source >= 0 && o_sex >= 0);
    assert_true(n_origin >= 0 && n_period >= 0);
    size_t compared = 0;
    for (size_t r = 0; r < old->n_rows; r++) {
        /* StatLine values only: the rounded article values (2017) are not
         * the same precision and are not compared. */
        if (strcmp(key(old, r, o_topic), "NETTO_PART") != 0 || strcmp(key(old, r, o_sex), "Totaal") != 0 ||
            strncmp(key(old, r, o_source), "cbs_82809ned_", 13) != 0 || old->kinds[r] != WRRFIG_VALUE)
            continue;
        for (size_t k = 0; k < news->n_rows; k++) {
            if (strcmp(key(news, k, n_origin), key(old, r, o_origin)) != 0 ||
                strcmp(key(news, k, n_period), key(old, r, o_period)) != 0)
                continue;
            assert_int_equal(news->kinds[k], WRRFIG_VALUE);
            if (news->values[k] != old->values[r])
                fail_msg("%s %s: 82809NED %.17g, news 2020/46 %.17g", key(old, r, o_origin), key(old, r, o_period),
                         old->values[r], news->values[k]);
            compared++;
        }
    }
    /* Dutch, Morocco and Turkey in 2008, 2014 and 2018 (shared SOURCE.md). */
    assert_int_equal(compared, 9);
    /* The news table is complete: 6 groups x 17 years, one decimal each. */
    assert_int_equal(news->n_rows, 6 * 17);
    for (size_t k = 0; k < news->n_rows; k++) {
        double tenths = news->values[k] * 10;
        assert_true(fabs(tenths - round(tenths)) < 1e-9);
    }
    table_free(old);
    table_free(news);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_overlap_agrees)};
    return cmocka_run_group_tests_name("labour sources agree", tests, NULL, NULL);
}
