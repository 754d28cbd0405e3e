/* The gnuplot writer: quoting, refused directives, number formats and the
 * assembled script. */
#include "testutil.h"

#include "figure/gpwrite.h"
#include "common/fontmetrics.h"

static int fmt(strbuf *b, gp_mode m, wf_error *why, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    int rc = gp_vformat(b, m, f, ap, why);
    va_end(ap);
    return rc;
}

static void test_quote(void **state)
{
    (void)state;
    strbuf b = STRBUF_INIT;
    gp_quote(&b, "'s-Hertogenbosch `rm -rf /` @x \\n");
    /* A leading quote is an escape, not a doubled quote (gnuplot 5.4.4
     * misreads '''s...); the round trip is tested in e2e. */
    assert_string_equal(b.s, "\"\\047\".'s-Hertogenbosch `rm -rf /` @x \\n'");
    b.len = 0;
    gp_quote(&b, "a\nb\r");
    assert_string_equal(b.s, "'a'.\"\\n\".'b'.\"\\015\"");
    b.len = 0;
    gp_quote(&b, "");
    assert_string_equal(b.s, "''");
    sb_free(&b);
}

static void test_data_field(void **state)
{
    (void)state;
    strbuf b = STRBUF_INIT;
    gp_data_field(&b, "say \"hi\"\tthere\nnow");
    assert_string_equal(b.s, "\"say 'hi' there now\"");
    sb_free(&b);
}

static void test_directives(void **state)
{
    (void)state;
    strbuf b = STRBUF_INIT;
    wf_error why;
    assert_int_equal(fmt(&b, GP_COMMAND, &why, "set label %d %q at %g,%.2f lc rgb %c %zu %ld %u%%", 3, "it's", 0.1,
                         2.0 / 3.0, 0, (size_t)7, -5L, 9u),
                     0);
    assert_string_equal(b.s, "set label 3 'it''s' at 0.1,0.67 lc rgb '#0072b2' 7 -5 9%");
    b.len = 0;
    assert_int_equal(fmt(&b, GP_DATA, &why, "%g %q %g", 1e6, "Den Haag", NAN), 0);
    assert_string_equal(b.s, "1000000 \"Den Haag\" NaN");
    sb_free(&b);
}

static void test_refused(void **state)
{
    (void)state;
    strbuf b = STRBUF_INIT;
    wf_error why;
    assert_int_equal(fmt(&b, GP_COMMAND, &why, "set title '%s'", "x"), -1);
    assert_contains(why.msg, "%s is refused");
    assert_int_equal(fmt(&b, GP_COMMAND, &why, "%x", 1), -1);
    assert_contains(why.msg, "unsupported directive");
    assert_int_equal(fmt(&b, GP_DATA, &why, "1\n2"), -1);
    assert_contains(why.msg, "line break");
    sb_free(&b);
}

/* Titles wrap at 0.8 x (canvas width - 40 px) (gnuplot centres them over
 * the plot area, which a key can shift), measured with the house font's
 * advances at 13, not at a guessed 8.5 px per character: each line fits,
 * and no line could have taken the next line's first word. */
static void test_long_title_wrapped(void **state)
{
    (void)state;
    const char *title = "Een heel lange titel die niet op één regel past omdat het doek maar smal is";
    gp_script_parts p = {"fig-x", title, NULL, "nl", "", "", NULL, 300, 200, NULL, 0};
    char *s = gp_script(&p);
    const char *q = strstr(s, "wrrfig_title = '");
    assert_non_null(q);
    q += strlen("wrrfig_title = '");
    const char *end = strstr(q, "'\n");
    assert_non_null(end);
    /* the quoted title: lines joined by '."\n".' */
    char lines[8][128];
    size_t n = 0;
    const char *sep = "'.\"\\n\".'";
    while (n < 8) {
        const char *nx = strstr(q, sep);
        const char *stop = nx && nx < end ? nx : end;
        snprintf(lines[n], sizeof lines[n], "%.*s", (int)(stop - q), q);
        n++;
        if (stop == end)
            break;
        q = stop + strlen(sep);
    }
    assert_true(n >= 2);
    double space = tw_text_width(&tw_font_regular, 13, " ", 1);
    for (size_t i = 0; i < n; i++) {
        assert_true(tw_text_width(&tw_font_regular, 13, lines[i], strlen(lines[i])) <= 208);
        if (i + 1 < n) {
            size_t first = strcspn(lines[i + 1], " ");
            double with_next = tw_text_width(&tw_font_regular, 13, lines[i], strlen(lines[i])) + space +
                               tw_text_width(&tw_font_regular, 13, lines[i + 1], first);
            assert_true(with_next > 208);
        }
    }
    free(s);
}

/* Footnotes (spec "footnotes") are drawn under the plot, stacked above the
 * source line, quoted like every string, and widen the bottom margin. */
static void test_footnotes_under_the_plot(void **state)
{
    (void)state;
    const char *foot[] = {"* Emigratie inclusief administratieve correcties.", "Tweede 'regel'"};
    gp_script_parts p = {"fig-x", "T*", "Bron: CBS", "nl", "", "plot 1\n", NULL, 1000, 500, foot, 2};
    char *s = gp_script(&p);
    assert_contains(s, "set label 9988 '* Emigratie inclusief administratieve correcties.' at screen 0.01, screen 0.0810 left");
    assert_contains(s, "set label 9989 'Tweede ''regel'.\"\\047\" at screen 0.01, screen 0.0530 left");
    assert_contains(s, "set label 9999 'Bron: CBS' at screen 0.01, screen 0.025");
    assert_contains(s, "set bmargin 7\n");
    free(s);
}

static void test_script_has_no_timestamp_and_quotes_title(void **state)
{
    (void)state;
    gp_script_parts p = {"fig-x", "Title with `date` and 'quote'", "Bron: CBS", "nl", "$d << EOD_WRRFIG\n1 2\nEOD_WRRFIG\n",
                         "plot $d\n", "plugin t 1", 0, 0, NULL, 0};
    char *s = gp_script(&p);
    assert_contains(s, "wrrfig_title = 'Title with `date` and ''quote'.\"\\047\"");
    assert_contains(s, "set decimalsign ','");
    assert_contains(s, "set label 9999 'Bron: CBS'");
    assert_contains(s, "noenhanced");
    assert_contains(s, "set terminal svg size 800,500");
    char *again = gp_script(&p);
    assert_string_equal(s, again);
    free(again);
    p.lang = "en";
    char *en = gp_script(&p);
    assert_false(tu_contains(en, "decimalsign"));
    free(en);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quote), cmocka_unit_test(test_data_field), cmocka_unit_test(test_directives),
        cmocka_unit_test(test_refused), cmocka_unit_test(test_long_title_wrapped), cmocka_unit_test(test_footnotes_under_the_plot),
        cmocka_unit_test(test_script_has_no_timestamp_and_quotes_title),
    };
    return cmocka_run_group_tests_name("gpwrite", tests, NULL, NULL);
}
