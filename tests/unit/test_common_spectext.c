/* plugins/common/spectext.c: printf keys and the all-or-error text read. */
#include "testutil.h"

#include "common/spectext.h"

static const char *text(wrrfig_ctx *ctx, const char *key)
{
    (void)ctx;
    if (strcmp(key, "series.2.label") == 0)
        return "Turks";
    if (strcmp(key, "legend.first") == 0)
        return "first generation";
    return NULL;
}

static size_t count(wrrfig_ctx *ctx, const char *key)
{
    (void)ctx;
    return strcmp(key, "series") == 0 ? 6 : 0;
}

static bool number(wrrfig_ctx *ctx, const char *key, double *out)
{
    (void)ctx;
    if (strcmp(key, "series.2.colour") != 0)
        return false;
    *out = 2;
    return true;
}

static char last_log[256];
static void log_fn(wrrfig_ctx *ctx, wrrfig_log_level level, const char *fmt, ...)
{
    (void)ctx;
    (void)level;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_log, sizeof last_log, fmt, ap);
    va_end(ap);
}

static void test_spectext(void **state)
{
    (void)state;
    wrrfig_host h;
    memset(&h, 0, sizeof h);
    h.spec_text = text;
    h.spec_count = count;
    h.spec_number = number;
    h.log = log_fn;
    assert_string_equal(wfc_spec_textf(&h, NULL, "series.%zu.label", (size_t)2), "Turks");
    assert_null(wfc_spec_textf(&h, NULL, "series.%zu.label", (size_t)3));
    char longkey[300];
    memset(longkey, 'a', sizeof longkey - 1);
    longkey[sizeof longkey - 1] = '\0';
    assert_null(wfc_spec_textf(&h, NULL, "%s", longkey)); /* too long: absent, not truncated */
    assert_int_equal(wfc_spec_countf(&h, NULL, "%s", "series"), 6);
    double v = 0;
    assert_true(wfc_spec_numberf(&h, NULL, &v, "series.%d.colour", 2));
    assert_double_near(v, 2, 0);
    const char *const keys[] = {"legend.first", "legend.second"};
    const char *out[2];
    assert_false(wfc_spec_texts(&h, NULL, keys, out, 2));
    assert_string_equal(out[0], "first generation");
    assert_null(out[1]);
    assert_contains(last_log, "no text at 'legend.second'");
    assert_true(wfc_spec_texts(&h, NULL, keys, out, 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_spectext)};
    return cmocka_run_group_tests_name("common spectext", tests, NULL, NULL);
}
