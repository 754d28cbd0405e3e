/* Word wrap and table layout of the policy plugin against the real font
 * advances (plugins/common/fontmetrics_data.c). The plugin's sources are
 * compiled into this test directly: they are pure C with no host calls. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include "common/textwrap.h"
#include "../../plugins/policy/tablelayout.c"

static const tw_style ST = {&tw_font_regular, 10.0, 9.0};

static double w(const char *s)
{
    return tw_text_width(&tw_font_regular, 10.0, s, strlen(s));
}

static char *line_text(const char *text, const tw_line *l)
{
    char *s = malloc(l->len + 1);
    memcpy(s, text + l->off, l->len);
    s[l->len] = '\0';
    return s;
}

static void assert_line(const char *text, const tw_line *l, const char *want)
{
    char *got = line_text(text, l);
    assert_string_equal(got, want);
    free(got);
}

static void test_advances_from_font(void **state)
{
    (void)state;
    /* DejaVu Sans: 'M' is 1767 units of 2048, a space 651, U+00EB (e
     * diaeresis) 1260 like 'e' */
    assert_int_equal(tw_advance_of(&tw_font_regular, 'M'), 1767);
    assert_int_equal(tw_advance_of(&tw_font_regular, ' '), 651);
    assert_int_equal(tw_advance_of(&tw_font_regular, 0xEB), tw_advance_of(&tw_font_regular, 'e'));
    assert_true(fabs(w("MM") - 2.0 * 1767.0 * 10.0 / 2048.0) < 1e-9);
    /* a code point the table lacks falls back to the width of 'M' */
    assert_int_equal(tw_advance_of(&tw_font_regular, 0x4E2D), 1767);
    /* bold is wider than regular */
    assert_true(tw_text_width(&tw_font_bold, 10, "Beleid", 6) > w("Beleid"));
}

static void test_utf8_decoding(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(tw_utf8_next("\xC3\xAB", 2, &cp), 2);
    assert_int_equal(cp, 0xEB);
    assert_int_equal(tw_utf8_next("\xE2\x80\x93", 3, &cp), 3);
    assert_int_equal(cp, 0x2013);
    /* truncated and stray continuation bytes advance one byte as U+FFFD */
    assert_int_equal(tw_utf8_next("\xE2\x80", 2, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(tw_utf8_next("\x80z", 2, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
    /* invalid bytes inside a word are measured, not looped on */
    assert_true(w("a\xFF" "b") > w("ab"));
}

static void test_breaks_between_words_only(void **state)
{
    (void)state;
    const char *text = "Integratie is geen overheidstaak";
    tw_lines l = {0};
    /* room for "Integratie is" and for "overheidstaak", not for "Integratie
     * is geen" nor "geen overheidstaak" */
    double width = fmax(w("Integratie is"), w("overheidstaak")) + 0.01;
    assert_true(width < w("Integratie is geen"));
    assert_true(width < w("geen overheidstaak"));
    assert_int_equal(tw_wrap(text, width, &ST, &l), 0);
    assert_int_equal(l.n, 3);
    assert_line(text, &l.v[0], "Integratie is");
    assert_line(text, &l.v[1], "geen");
    assert_line(text, &l.v[2], "overheidstaak");
    assert_int_equal(l.overflow, 0);
    for (size_t i = 0; i < l.n; i++)
        assert_true(l.v[i].width_pt <= width);
    assert_true(fabs(l.v[0].width_pt - w("Integratie is")) < 1e-9);
    tw_lines_free(&l);
}

static void test_long_word_gets_own_line_uncut(void **state)
{
    (void)state;
    const char *text = "de Toescheidingsovereenkomst inzake";
    tw_lines l = {0};
    assert_int_equal(tw_wrap(text, 40.0, &ST, &l), 0);
    assert_int_equal(l.n, 3);
    assert_line(text, &l.v[1], "Toescheidingsovereenkomst");
    assert_int_equal(l.overflow, 1);
    assert_true(l.v[1].width_pt > 40.0);
    assert_true(fabs(tw_min_width(text, &ST) - w("Toescheidingsovereenkomst")) < 1e-9);
    tw_lines_free(&l);
}

static void test_empty_cells_and_paragraphs(void **state)
{
    (void)state;
    tw_lines l = {0};
    assert_int_equal(tw_wrap("", 100.0, &ST, &l), 0);
    assert_int_equal(l.n, 0);
    assert_int_equal(tw_wrap("a\n\nb", 100.0, &ST, &l), 0);
    assert_int_equal(l.n, 3);
    assert_int_equal(l.v[1].len, 0);
    assert_line("a\n\nb", &l.v[2], "b");
    tw_lines_free(&l);
    /* spaces only: one empty line, no text */
    assert_int_equal(tw_wrap("   ", 100.0, &ST, &l), 0);
    assert_int_equal(l.n, 1);
    assert_int_equal(l.v[0].len, 0);
    tw_lines_free(&l);
    /* a trailing newline ends the cell without adding a line */
    assert_int_equal(tw_wrap("a\n", 100.0, &ST, &l), 0);
    assert_int_equal(l.n, 1);
    tw_lines_free(&l);
    assert_true(tw_min_width("", &ST) == 0.0);
}

static void test_runs_of_spaces_collapse(void **state)
{
    (void)state;
    const char *text = "  twee   woorden  ";
    tw_lines l = {0};
    assert_int_equal(tw_wrap(text, 500.0, &ST, &l), 0);
    assert_int_equal(l.n, 1);
    /* the line starts at the first word and its measured width counts one
     * space between the words, as it is drawn */
    assert_int_equal(text[l.v[0].off], 't');
    assert_true(fabs(l.v[0].width_pt - w("twee woorden")) < 1e-9);
    tw_lines_free(&l);
}

static void test_bullets_hang(void **state)
{
    (void)state;
    const char *text = TW_BULLET "Wet Modern Migratiebeleid 2010\n" TW_BULLET "Geen wervingen meer na 1975";
    tw_lines l = {0};
    double width = 9.0 + w("Wet Modern") + 0.01;
    assert_int_equal(tw_wrap(text, width, &ST, &l), 0);
    assert_true(l.n >= 4);
    assert_int_equal(l.v[0].bullet, 1);
    assert_line(text, &l.v[0], "Wet Modern");
    assert_int_equal(l.v[1].bullet, 0); /* continuation: no new dash */
    assert_true(l.v[1].indent_pt == 9.0);
    size_t second = 0;
    for (size_t i = 1; i < l.n; i++)
        if (l.v[i].bullet)
            second = i;
    assert_true(second >= 2);
    assert_int_equal(strncmp(text + l.v[second].off, "Geen", 4), 0);
    assert_true(l.v[second].indent_pt == 9.0);
    /* the dash itself is never part of the text */
    for (size_t i = 0; i < l.n; i++)
        assert_true(memcmp(text + l.v[i].off, TW_BULLET, strlen(TW_BULLET)) != 0);
    /* a dash without the space is text, not a bullet */
    tw_lines m = {0};
    assert_int_equal(tw_wrap("\xE2\x80\x93x", 100, &ST, &m), 0);
    assert_int_equal(m.v[0].bullet, 0);
    tw_lines_free(&m);
    tw_lines_free(&l);
}

/* A cell far longer than a page column: every word comes back, in order,
 * none cut, no line wider than the column, and the row grows to hold it. */
static void test_cell_longer_than_a_column(void **state)
{
    (void)state;
    char text[8000] = "";
    const char *words[] = {"Nieuwkomers", "van", "buiten", "de", "eu/eer", "die", "zich", "duurzaam", "vestigen."};
    size_t nwords = 0;
    for (int i = 0; i < 60; i++)
        for (size_t k = 0; k < 9; k++) {
            if (nwords++)
                strcat(text, " ");
            strcat(text, words[k]);
        }
    tw_lines l = {0};
    const double col = 90.0;
    assert_int_equal(tw_wrap(text, col, &ST, &l), 0);
    assert_int_equal(l.overflow, 0);
    char rebuilt[8000] = "";
    for (size_t i = 0; i < l.n; i++) {
        assert_true(l.v[i].width_pt <= col);
        char *s = line_text(text, &l.v[i]);
        if (i)
            strcat(rebuilt, " ");
        strcat(rebuilt, s);
        free(s);
    }
    assert_string_equal(rebuilt, text);
    assert_true(l.n > 100); /* far more than a page of 8 pt lines */

    tl_table t;
    tl_params p = {.width_pt = 200, .pad_x_pt = 5, .pad_y_pt = 4, .leading = 1.25,
                   .body = ST, .head = {&tw_font_bold, 10.0, 9.0}};
    assert_int_equal(tl_init(&t, 2, 2), 0);
    assert_int_equal(tl_set(&t, 0, 0, "Kop"), 0);
    assert_int_equal(tl_set(&t, 0, 1, "Tekst"), 0);
    assert_int_equal(tl_set(&t, 1, 0, "Doelgroep"), 0);
    assert_int_equal(tl_set(&t, 1, 1, text), 0);
    assert_int_equal(tl_layout(&t, &p), 0);
    size_t lines = t.lines[1 * 2 + 1].n;
    assert_true(fabs(t.rowh[1] - ((double)lines * 1.25 * 10.0 + 8.0)) < 1e-9);
    assert_true(fabs(t.height - (t.rowh[0] + t.rowh[1])) < 1e-9);
    assert_true(t.height > 1000.0);
    tl_free(&t);
    tw_lines_free(&l);
}

static void test_layout_columns(void **state)
{
    (void)state;
    tl_table t;
    tl_params p = {.width_pt = 300, .pad_x_pt = 5, .pad_y_pt = 4, .leading = 1.25,
                   .body = ST, .head = {&tw_font_bold, 10.0, 9.0}, .row_labels_bold = 1};
    assert_int_equal(tl_init(&t, 3, 3), 0);
    const char *cells[3][3] = {{"", "Beleidsdiagnose", "Concept van integratie"},
                               {"Laissez-faire-beleid\n1960-1975", "Migranten verblijven tijdelijk", ""},
                               {"Burgerschapsbeleid", "Iedereen moet participeren in de Nederlandse samenleving",
                                "Algemeen beleid"}};
    for (size_t r = 0; r < 3; r++)
        for (size_t c = 0; c < 3; c++)
            assert_int_equal(tl_set(&t, r, c, cells[r][c]), 0);
    assert_int_equal(tl_layout(&t, &p), 0);
    /* the wanted width is used in full, columns abut, and each column holds
     * its widest word (bold in row 0 and col 0) */
    assert_true(fabs(t.width - 300.0) < 1e-6);
    for (size_t c = 0; c < 3; c++) {
        if (c)
            assert_true(fabs(t.colx[c] - (t.colx[c - 1] + t.colw[c - 1])) < 1e-9);
        for (size_t r = 0; r < 3; r++)
            assert_true(t.colw[c] >= tw_min_width(cells[r][c], tl_style(&t, &p, r, c)) + 10.0 - 1e-9);
    }
    assert_int_equal(t.overflow, 0);
    /* the two-line row label makes row 1 two lines high at least */
    assert_true(t.lines[3].n == 2);
    assert_true(t.rowh[1] >= 2 * 12.5 + 8 - 1e-9);
    /* an empty cell still gets a row of one line */
    assert_int_equal(t.lines[1 * 3 + 2].n, 0);
    tl_free(&t);
}

static void test_layout_weights_and_caps(void **state)
{
    (void)state;
    tl_table t;
    double weights[2] = {1.0, 3.0};
    tl_params p = {.width_pt = 400, .pad_x_pt = 0, .pad_y_pt = 0, .leading = 1.0,
                   .body = ST, .head = ST, .weights = weights};
    assert_int_equal(tl_init(&t, 2, 2), 0);
    char many[2000] = "a";
    for (int i = 0; i < 300; i++)
        strcat(many, " a");
    assert_true(w(many) > 800.0);
    assert_int_equal(tl_set(&t, 0, 0, many), 0);
    assert_int_equal(tl_set(&t, 1, 1, many), 0);
    assert_int_equal(tl_layout(&t, &p), 0);
    double need = w("a"); /* widest word in both columns */
    /* spare width shared 1:3 */
    assert_true(fabs((t.colw[0] - need) * 3.0 - (t.colw[1] - need)) < 1e-6);
    tl_free(&t);

    /* a column never gets more than its text needs on one line */
    assert_int_equal(tl_init(&t, 2, 2), 0);
    assert_int_equal(tl_set(&t, 0, 0, "kort"), 0);
    assert_int_equal(tl_set(&t, 1, 1, "een veel langere tekst die moet worden afgebroken over regels"), 0);
    p.weights = NULL;
    assert_int_equal(tl_layout(&t, &p), 0);
    assert_true(fabs(t.colw[0] - w("kort")) < 1e-9);
    tl_free(&t);

    /* too narrow: the table grows to the widest words and says so */
    assert_int_equal(tl_init(&t, 2, 1), 0);
    assert_int_equal(tl_set(&t, 1, 0, "Toescheidingsovereenkomst"), 0);
    p.width_pt = 20;
    assert_int_equal(tl_layout(&t, &p), 0);
    assert_true(t.width > 20);
    assert_int_equal(t.overflow, 0);
    tl_free(&t);

    /* out-of-range cells are refused */
    assert_int_equal(tl_init(&t, 1, 1), 0);
    assert_int_equal(tl_set(&t, 1, 0, "x"), -1);
    tl_free(&t);
    assert_int_equal(tl_init(&t, 0, 1), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_advances_from_font),
        cmocka_unit_test(test_utf8_decoding),
        cmocka_unit_test(test_breaks_between_words_only),
        cmocka_unit_test(test_long_word_gets_own_line_uncut),
        cmocka_unit_test(test_empty_cells_and_paragraphs),
        cmocka_unit_test(test_runs_of_spaces_collapse),
        cmocka_unit_test(test_bullets_hang),
        cmocka_unit_test(test_cell_longer_than_a_column),
        cmocka_unit_test(test_layout_columns),
        cmocka_unit_test(test_layout_weights_and_caps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
