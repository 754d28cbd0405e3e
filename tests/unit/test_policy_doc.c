/* Markdown and HTML versions of the policy tables: escaping of every
 * character with a meaning in either language, bullets, structure. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "common/textwrap.h"
#include "../../plugins/policy/tablelayout.c"
#include "../../plugins/policy/sbuf.c"
#include "../../plugins/policy/tabledoc.c"

static void expect_md(const char *in, const char *want)
{
    char *got = md_escape_cell(in);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void expect_html(const char *in, const char *want)
{
    char *got = html_escape(in);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void test_markdown_escaping(void **state)
{
    (void)state;
    expect_md("a|b", "a\\|b");
    expect_md("*nadruk* _ook_", "\\*nadruk\\* \\_ook\\_");
    expect_md("`code` [link](x) ![img]", "\\`code\\` \\[link\\](x) \\!\\[img\\]");
    expect_md("<b>&amp;</b>", "&lt;b&gt;&amp;amp;&lt;/b&gt;");
    expect_md("back\\slash # ~x~ $y$ {z}", "back\\\\slash \\# \\~x\\~ \\$y\\$ \\{z\\}");
    expect_md("regel\nregel", "regel<br>regel");
    expect_md("cr\r\nlf", "cr<br>lf");
    /* text without specials, including UTF-8, passes unchanged */
    expect_md("Italië (1960), ‘nieuwe’ – 3,5 jaar", "Italië (1960), ‘nieuwe’ – 3,5 jaar");
    expect_md("", "");
}

static void test_html_escaping(void **state)
{
    (void)state;
    expect_html("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    expect_html("a & b \"c\"", "a &amp; b &quot;c&quot;");
    expect_html("&amp;", "&amp;amp;");
    expect_html("Nieuwkomers én oudkomers", "Nieuwkomers én oudkomers");
}

static void fill(tl_table *t)
{
    const char *cells[3][2] = {{"Beleid|accent", "Maatregelen <kern>"},
                               {"Actief\nwervingsbeleid", TW_BULLET "Wet A & B\n" TW_BULLET "Geen *wervingen*"},
                               {"", "Gewone tekst\ntweede regel"}};
    assert_int_equal(tl_init(t, 3, 2), 0);
    for (size_t r = 0; r < 3; r++)
        for (size_t c = 0; c < 2; c++)
            assert_int_equal(tl_set(t, r, c, cells[r][c]), 0);
}

static void test_markdown_table(void **state)
{
    (void)state;
    tl_table t;
    fill(&t);
    const char *notes[] = {"Noot met | streep"};
    tabledoc_info info = {"nl", "Tabel 4.3 Nederlands migratiebeleid", "Bron: WRR 2020", notes, 1};
    char *md = tabledoc_markdown(&t, &info);
    assert_non_null(md);
    const char *want =
        "**Tabel 4.3 Nederlands migratiebeleid**\n\n"
        "| Beleid\\|accent | Maatregelen &lt;kern&gt; |\n"
        "|---|---|\n"
        "| Actief<br>wervingsbeleid | – Wet A &amp; B<br>– Geen \\*wervingen\\* |\n"
        "|  | Gewone tekst<br>tweede regel |\n"
        "\nBron: WRR 2020\n"
        "\n- Noot met \\| streep\n";
    assert_string_equal(md, want);
    /* same input, same bytes */
    char *again = tabledoc_markdown(&t, &info);
    assert_string_equal(md, again);
    free(again);
    free(md);
    tl_free(&t);
}

static void test_html_table(void **state)
{
    (void)state;
    tl_table t;
    fill(&t);
    tabledoc_info info = {"en", "Table <4.3>", NULL, NULL, 0};
    char *html = tabledoc_html(&t, &info);
    assert_non_null(html);
    assert_non_null(strstr(html, "<html lang=\"en\">"));
    assert_non_null(strstr(html, "<meta charset=\"utf-8\">"));
    assert_non_null(strstr(html, "<caption>Table &lt;4.3&gt;</caption>"));
    assert_non_null(strstr(html, "<thead>\n<tr><th scope=\"col\">Beleid|accent</th>"
                                 "<th scope=\"col\">Maatregelen &lt;kern&gt;</th></tr>\n</thead>"));
    assert_non_null(strstr(html, "<th scope=\"row\">Actief<br>wervingsbeleid</th>"
                                 "<td><ul><li>Wet A &amp; B</li><li>Geen *wervingen*</li></ul></td>"));
    assert_non_null(strstr(html, "<td>Gewone tekst<br>tweede regel</td>"));
    /* no raw markup from the data anywhere */
    assert_null(strstr(html, "<kern>"));
    assert_null(strstr(html, "<4.3>"));
    /* no source given: no source paragraph */
    assert_null(strstr(html, "<p>"));
    free(html);
    tl_free(&t);
}

static void test_html_mixed_bullets_and_text(void **state)
{
    (void)state;
    tl_table t;
    assert_int_equal(tl_init(&t, 2, 1), 0);
    assert_int_equal(tl_set(&t, 1, 0, "Inleiding\n" TW_BULLET "een\n" TW_BULLET "twee\nslot"), 0);
    tabledoc_info info = {"nl", NULL, "Bron: x", NULL, 0};
    char *html = tabledoc_html(&t, &info);
    assert_non_null(strstr(html, "<th scope=\"row\">Inleiding<ul><li>een</li><li>twee</li></ul>slot</th>"));
    assert_non_null(strstr(html, "<p>Bron: x</p>"));
    free(html);
    tl_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_markdown_escaping),
        cmocka_unit_test(test_html_escaping),
        cmocka_unit_test(test_markdown_table),
        cmocka_unit_test(test_html_table),
        cmocka_unit_test(test_html_mixed_bullets_and_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
