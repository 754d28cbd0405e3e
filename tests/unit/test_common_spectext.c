/* plugins/common/spectext.c: printf keys and the all-or-error text read. */
#include "testutil.h"

#include "common/spectext.h"

static bool with_id;

static const char *text(wrrfig_ctx *ctx, const char *key)
{
    (void)ctx;
    if (strcmp(key, "series.2.label") == 0)
        return "Turks";
    if (strcmp(key, "legend.first") == 0)
        return "first generation";
    if (strcmp(key, "id") == 0 && with_id)
        return "fig-9-9";
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
    assert_contains(last_log, "spec $.legend.second: no text at 'legend.second'"); /* no id in this spec */
    assert_true(wfc_spec_texts(&h, NULL, keys, out, 1));
    /* with an id: the spec's file, as the host names spec errors */
    with_id = true;
    assert_false(wfc_spec_texts(&h, NULL, keys, out, 2));
    assert_contains(last_log, "spec fig-9-9.json: $.legend.second: no text at 'legend.second'");
    with_id = false;
}

/* Spec text is data: placeholders are filled, '%' is printed as it is. */
static void test_fill(void **state)
{
    (void)state;
    const char *const names[] = {"series", "years"};
    const char *const values[] = {"Turks", "2014-2016"};
    char out[64];
    assert_true(wfc_fill(out, sizeof out, "{series}: geen waarde voor {years}.", names, values, 2));
    assert_string_equal(out, "Turks: geen waarde voor 2014-2016.");
    assert_true(wfc_fill(out, sizeof out, "100%s %n {unknown} {series", names, values, 2));
    assert_string_equal(out, "100%s %n {unknown} {series");
    assert_true(wfc_fill(out, sizeof out, "{years}{years}", names, values, 2));
    assert_string_equal(out, "2014-20162014-2016");
    assert_true(wfc_fill(out, sizeof out, NULL, names, values, 2));
    assert_string_equal(out, "");
    char small[8];
    assert_false(wfc_fill(small, sizeof small, "{series} en {years}", names, values, 2));
    assert_string_equal(small, "Turks e");
    assert_false(wfc_fill(out, 0, "x", names, values, 2));
}

static void test_decimal(void **state)
{
    (void)state;
    char a[16] = "12.5", b[16] = "12.5", c[16] = "40", d[5] = "12.5", e[16] = "-0.25";
    assert_string_equal(wfc_decimal(a, sizeof a, ","), "12,5");
    assert_string_equal(wfc_decimal(b, sizeof b, "."), "12.5");
    assert_string_equal(wfc_decimal(c, sizeof c, ","), "40");
    assert_string_equal(wfc_decimal(d, sizeof d, "\xc2\xb7"), "12.5"); /* no room for the two bytes: as it was */
    assert_string_equal(wfc_decimal(e, sizeof e, "\xc2\xb7"), "-0\xc2\xb7" "25");
    assert_string_equal(wfc_decimal(a, sizeof a, NULL), "12,5");
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_spectext), cmocka_unit_test(test_fill),
                                       cmocka_unit_test(test_decimal)};
    return cmocka_run_group_tests_name("common spectext", tests, NULL, NULL);
}
