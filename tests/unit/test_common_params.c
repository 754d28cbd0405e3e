/* plugins/common/params.c: the one whole-number reader of measure
 * parameters, through the fake host's parameter getters. */
#include "testutil.h"

#include "common/params.h"

/* A minimal host: params are "name=value" strings; only param_number and
 * log are used by wfc_param_whole. */
struct wrrfig_params {
    const char *const *kv;
};

static int logged;

static bool num(const wrrfig_params *p, const char *name, double *out)
{
    size_t n = strlen(name);
    for (size_t i = 0; p->kv[i]; i++)
        if (strncmp(p->kv[i], name, n) == 0 && p->kv[i][n] == '=') {
            *out = strtod(p->kv[i] + n + 1, NULL);
            return true;
        }
    return false;
}

static void log_fn(wrrfig_ctx *ctx, wrrfig_log_level level, const char *fmt, ...)
{
    (void)ctx;
    (void)level;
    (void)fmt;
    logged++;
}

static void test_whole(void **state)
{
    (void)state;
    wrrfig_host h;
    memset(&h, 0, sizeof h);
    h.param_number = num;
    h.log = log_fn;
    const char *kv[] = {"year=2018", "half=2018.5", "huge=2e6", "neg=-3", NULL};
    wrrfig_params p = {kv};
    int v = 7;
    assert_int_equal(wfc_param_whole(&h, NULL, &p, "year", true, 0, &v), WRRFIG_OK);
    assert_int_equal(v, 2018);
    assert_int_equal(wfc_param_whole(&h, NULL, &p, "neg", true, 0, &v), WRRFIG_OK);
    assert_int_equal(v, -3);
    logged = 0;
    v = 7;
    assert_int_equal(wfc_param_whole(&h, NULL, &p, "half", true, 0, &v), WRRFIG_ERROR);
    assert_int_equal(wfc_param_whole(&h, NULL, &p, "huge", true, 0, &v), WRRFIG_ERROR);
    assert_int_equal(wfc_param_whole(&h, NULL, &p, "quarter", true, 0, &v), WRRFIG_ERROR);
    assert_int_equal(v, 7); /* untouched on error */
    assert_int_equal(logged, 3);
    assert_int_equal(wfc_param_whole(&h, NULL, &p, "quarter", false, 4, &v), WRRFIG_OK);
    assert_int_equal(v, 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_whole)};
    return cmocka_run_group_tests_name("common params", tests, NULL, NULL);
}
