/* End to end: wrrfig builds and renders the four policy tables from the
 * shipped data; strings with every character gnuplot gives a meaning reach
 * the SVG literally; malformed text tables fail with a clear message. */
#include "testutil.h"

static const char *const IDS[] = {"tab-4-1", "tab-4-2", "tab-4-3", "kader-4-5"};

/* Minimal CSV reader for row,col,text files, enough to read the shipped
 * tables independently of the host's reader. Returns the number of cells. */
static size_t read_cells(const char *path, char cells[][2048], size_t max)
{
    char *s = tu_read(path, NULL);
    assert_non_null(s);
    char *p = strchr(s, '\n') + 1; /* skip the header */
    size_t n = 0;
    while (*p && n < max) {
        for (int field = 0; field < 3; field++) {
            char *out = cells[n];
            size_t k = 0;
            if (*p == '"') {
                p++;
                while (*p && !(*p == '"' && p[1] != '"')) {
                    if (*p == '"')
                        p++;
                    out[k++] = *p++;
                }
                p++;
            } else {
                while (*p && *p != ',' && *p != '\n')
                    out[k++] = *p++;
            }
            out[k] = '\0';
            if (*p == ',' || *p == '\n')
                p++;
        }
        n++;
    }
    free(s);
    return n;
}

/* XML-escapes the way gnuplot's svg terminal does: & and <. */
static void xml(const char *in, char *out)
{
    for (; *in; in++) {
        if (*in == '&')
            out += sprintf(out, "&amp;");
        else if (*in == '<')
            out += sprintf(out, "&lt;");
        else
            *out++ = *in;
    }
    *out = '\0';
}

/* Every word of every cell is in the SVG, whole: no word lost or cut. */
static void all_words_drawn(const char *svg, char cells[][2048], size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *save = NULL;
        for (char *w = strtok_r(cells[i], " \n", &save); w; w = strtok_r(NULL, " \n", &save)) {
            if (strcmp(w, "\xE2\x80\x93") == 0)
                continue;
            char esc[4096], needle[4200];
            xml(w, esc);
            /* a word starts a line or follows a space inside a <text> */
            snprintf(needle, sizeof needle, "%s", esc);
            if (!tu_contains(svg, needle))
                fail_msg("word '%s' of cell %zu not in the SVG", w, i);
        }
    }
}

static void test_shipped_tables_render(void **state)
{
    (void)state;
    char *dir = tu_tempdir("policy");
    for (size_t i = 0; i < 4; i++) {
        char *out = NULL, *err = NULL;
        int rc = tu_wrrfig(&out, &err, "build", IDS[i], "--out", dir, "--format", "svg,pdf", NULL);
        if (rc != 0)
            fail_msg("build %s: rc %d\n%s\n%s", IDS[i], rc, out, err);
        free(out);
        free(err);
        char *svg = tu_readf("%s/%s.svg", dir, IDS[i]);
        assert_non_null(svg);
        assert_contains(svg, "<svg");
        assert_contains(svg, "</svg>");
        char *pdf = tu_readf("%s/%s.pdf", dir, IDS[i]);
        assert_non_null(pdf);
        assert_int_equal(strncmp(pdf, "%PDF", 4), 0);
        free(pdf);

        static char cells[128][2048];
        char path[512];
        snprintf(path, sizeof path, "%s/report/%s.csv", WF_DATA, IDS[i]);
        size_t n = read_cells(path, cells, 128);
        assert_true(n >= 10);
        all_words_drawn(svg, cells, n);
        free(svg);

        /* CSV of the figure = the table's cells, Markdown and HTML beside it */
        char *csv = tu_readf("%s/%s.csv", dir, IDS[i]);
        assert_non_null(csv);
        assert_int_equal(strncmp(csv, "row,col,text\n", 13), 0);
        free(csv);
        char *md = tu_readf("%s/%s.md", dir, IDS[i]);
        char *html = tu_readf("%s/%s.html", dir, IDS[i]);
        assert_non_null(md);
        assert_non_null(html);
        assert_contains(html, "<thead>");
        assert_contains(md, "|---|");
        free(md);
        free(html);
    }
    /* spot checks of the content, cell by cell */
    char *svg = tu_readf("%s/tab-4-3.svg", dir);
    assert_contains(svg, "<text>Tabel 4.3 Nederlands migratiebeleid (1960-heden)</text>");
    assert_contains(svg, "<text>Geen wervingen meer na 1975</text>");
    free(svg);
    char *md = tu_readf("%s/kader-4-5.md", dir);
    assert_contains(md, "| Inburgeringstermijn | N.v.t. | 3,5 jaar | 3 jaar | 3 jaar |");
    free(md);
    char *html = tu_readf("%s/tab-4-3.html", dir);
    assert_contains(html, "<li>Nieuwe vreemdelingenwet 2000</li></ul>");
    free(html);
    tu_rmrf(dir);
    free(dir);
}

static void test_english_headers_dutch_cells(void **state)
{
    (void)state;
    char *dir = tu_tempdir("policy-en");
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig(&out, &err, "--lang", "en", "build", "tab-4-1", "--out", dir, "--format", "svg", NULL);
    if (rc != 0)
        fail_msg("rc %d\n%s\n%s", rc, out, err);
    char *svg = tu_readf("%s/tab-4-1.svg", dir);
    assert_contains(svg, "<text>Table 4.1 Dutch integration policy models (1960-present)</text>");
    assert_contains(svg, "Policy diagnosis");
    assert_contains(svg, "Laissez-faire-beleid"); /* the cells stay Dutch */
    assert_false(tu_contains(svg, ">Beleidsdiagnose<"));
    char *csv = tu_readf("%s/tab-4-1.csv", dir);
    assert_contains(csv, "0,2,Policy diagnosis\n");
    char *man = tu_readf("%s/tab-4-1.json", dir);
    assert_contains(man, "Column headers in English from the spec");
    free(svg);
    free(csv);
    free(man);
    free(out);
    free(err);
    tu_rmrf(dir);
    free(dir);
}

static void test_gnuplot_specials_reach_svg_literally(void **state)
{
    (void)state;
    const char *pwned = "/tmp/wrrfig-policy-pwned";
    unlink(pwned);
    char *dir = tu_tempdir("policy-esc");
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig_dirs(WF_PLUGINS, WF_FIXTURES "/policy/escape/data", WF_FIXTURES "/policy/escape/figures", &out,
                            &err, "build", "tab-4-1", "--out", dir, "--format", "svg", NULL);
    if (rc != 0)
        fail_msg("rc %d\n%s\n%s", rc, out, err);
    struct stat sb;
    assert_int_not_equal(stat(pwned, &sb), 0); /* the backquoted command never ran */
    char *svg = tu_readf("%s/tab-4-1.svg", dir);
    const char *want[] = {
        "<text>Fixture 'titel' met `echo x` en \"aanhalingstekens\"</text>",
        "<text>Kop 'één'</text>", "<text>Kop \"twee\"</text>", "<text>Kop `drie`</text>",
        "<text>Backquote `touch</text>", "<text>/tmp/wrrfig-policy-pwned`</text>",
        "<text>Macro @wf_fs en @PWD</text>", "<text>Quote ' en \"dubbel\"</text>",
        "<text>Backslash \\n \\\\ en \\</text>", "<text>Enhanced ^sup _sub</text>",
        "<text>{grp} @x &amp;amp; ~a</text>", "<text>Dollar $1 $$ %d %s #</text>",
        "<text>hash ; semicolon</text>", "<text>&lt;xml> &amp; entities</text>",
        "<text>bullet met `cmd`</text>", "<text>tweede 'item'</text>", "<text>–</text>",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        assert_contains(svg, want[i]);
    /* the script itself holds data only in single-quoted strings */
    char *gp = tu_readf("%s/tab-4-1.gp", dir);
    assert_contains(gp, "'Quote '' en \"dubbel\"'");
    assert_false(tu_contains(gp, "\"Backquote"));
    free(gp);
    free(svg);
    free(out);
    free(err);
    tu_rmrf(dir);
    free(dir);
}

/* A data dir with one table and the shipped spec of tab-4-2 (2 columns). */
static char *bad_table(const char *csv)
{
    char *dir = tu_tempdir("policy-bad");
    char path[512];
    snprintf(path, sizeof path, "%s/report", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/report/tab-4-2.csv", dir);
    tu_write(path, csv);
    snprintf(path, sizeof path, "%s/report/tab-4-2.meta.json", dir);
    tu_write(path, "{\"title\": \"SYNTHETIC TEST FIXTURE\", \"source\": \"SYNTHETIC TEST FIXTURE\"}\n");
    return dir;
}

static void expect_failure(const char *csv, const char *message)
{
    char *data = bad_table(csv), *out_dir = tu_tempdir("policy-bad-out");
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "build", "tab-4-2", "--out", out_dir,
                            "--no-render", NULL);
    assert_int_equal(rc, 1);
    if (!tu_contains(err, message) && !tu_contains(out, message))
        fail_msg("expected \"%s\" in\n%s\n%s", message, out, err);
    free(out);
    free(err);
    tu_rmrf(data);
    tu_rmrf(out_dir);
    free(data);
    free(out_dir);
}

static void test_malformed_tables_fail_clearly(void **state)
{
    (void)state;
    expect_failure("row,col,text\n0,0,a\n0,1,b\n1,0,c\n",
                   "report/tab-4-2: expected 4 records for a 2 x 2 grid, found 3");
    expect_failure("row,col,text\n0,0,a\n0,1,b\n1,0,c\n1,0,d\n", "cell (1, 0) appears twice");
    expect_failure("row,col,text\n0,0,a\n0,1,b\nx,0,c\n1,1,d\n",
                   "report/tab-4-2: record 3: column row: expected a cell index 0-9999, found 'x'");
    expect_failure("r,c,text\n0,0,a\n", "expected the columns row, col and text");
    expect_failure("row,col,text\n0,0,a\n0,1,b\n", "expected a header row 0 and at least one body row");
    /* three columns where the spec has two weights and a two-header English row */
    expect_failure("row,col,text\n0,0,a\n0,1,b\n0,2,c\n1,0,d\n1,1,e\n1,2,f\n",
                   "spec layout.weights: expected 3 weights (one per column), found 2");
}

static void test_spec_size_must_fit(void **state)
{
    (void)state;
    char *figs = tu_tempdir("policy-figs"), *out_dir = tu_tempdir("policy-size-out");
    char *spec = tu_readf("%s/tab-4-2.json", WF_FIGURES);
    char *sz = strstr(spec, "\"size\"");
    assert_non_null(sz);
    /* cut the spec at "size" and give a canvas too low for the table */
    *sz = '\0';
    char path[512], text[16384];
    snprintf(text, sizeof text, "%s\"size\": [752, 100]\n}\n", spec);
    snprintf(path, sizeof path, "%s/tab-4-2.json", figs);
    tu_write(path, text);
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig_dirs(WF_PLUGINS, WF_DATA, figs, &out, &err, "build", "tab-4-2", "--out", out_dir,
                            "--no-render", NULL);
    assert_int_equal(rc, 1);
    if (!tu_contains(err, "write \"size\": [752, 219]") && !tu_contains(out, "write \"size\": [752, 219]"))
        fail_msg("no size advice in\n%s\n%s", out, err);
    free(out);
    free(err);
    free(spec);
    tu_rmrf(figs);
    tu_rmrf(out_dir);
    free(figs);
    free(out_dir);
}

/* Same inputs, same bytes: script, CSV, Markdown and HTML of two builds. */
static void test_deterministic(void **state)
{
    (void)state;
    char *a = tu_tempdir("policy-det-a"), *b = tu_tempdir("policy-det-b");
    const char *dirs[2] = {a, b};
    for (int i = 0; i < 2; i++) {
        char *out = NULL, *err = NULL;
        assert_int_equal(tu_wrrfig(&out, &err, "build", "tab-4-3", "kader-4-5", "--out", dirs[i], "--no-render", NULL),
                         0);
        free(out);
        free(err);
    }
    const char *files[] = {"tab-4-3.gp", "tab-4-3.csv", "tab-4-3.md", "tab-4-3.html", "kader-4-5.gp", "kader-4-5.md"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char *x = tu_readf("%s/%s", a, files[i]), *y = tu_readf("%s/%s", b, files[i]);
        assert_non_null(x);
        assert_non_null(y);
        assert_string_equal(x, y);
        free(x);
        free(y);
    }
    tu_rmrf(a);
    tu_rmrf(b);
    free(a);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_tables_render),
        cmocka_unit_test(test_english_headers_dutch_cells),
        cmocka_unit_test(test_gnuplot_specials_reach_svg_literally),
        cmocka_unit_test(test_malformed_tables_fail_clearly),
        cmocka_unit_test(test_spec_size_must_fit),
        cmocka_unit_test(test_deterministic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
