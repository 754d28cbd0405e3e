/* wrrfig site on a synthetic fixture build (everything here is made up by the
 * test, in a temporary directory): hostile strings in every field a page
 * shows, a figure that was never rendered, a NO-DATA figure, an extra of a
 * report figure, both languages, claims with a report passage, a sidecar to
 * copy. The pages must escape everything, carry no path of the machine, be
 * valid HTML for tidy, and say what is missing. */
#include "testutil.h"

#include <dirent.h>

#include "site/site.h"

#define HOSTILE "<script>alert(\"x\")</script> & 's-Gravenhage"
/* the same string inside a JSON string and a quoted CSV field */
#define HOSTILE_JSON "<script>alert(\\\"x\\\")</script> & 's-Gravenhage"
#define HOSTILE_CSV "<script>alert(\"\"x\"\")</script> & 's-Gravenhage"
#define HOSTILE_ESC "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;s-Gravenhage"

typedef struct fx {
    char *dir, *out, *data, *figs;
    wf_registry reg;
} fx;

static void put(const char *dir, const char *rel, const char *text)
{
    char p[1200];
    snprintf(p, sizeof p, "%s/%s", dir, rel);
    char *slash = strrchr(p, '/');
    *slash = '\0';
    char cmd[1300];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", p);
    if (system(cmd) != 0)
        fail_msg("mkdir %s", p);
    *slash = '/';
    tu_write(p, text);
}

/* A figure as the registry holds it (only what the site reads). */
static void add_fig(fx *f, const char *id, const char *input, const char *needs)
{
    wf_registry *r = &f->reg;
    r->figures = realloc(r->figures, (r->n_figures + 1) * sizeof *r->figures);
    wf_figure *g = &r->figures[r->n_figures++];
    memset(g, 0, sizeof *g);
    g->id = strdup(id);
    g->inputs = calloc(2, sizeof *g->inputs);
    g->inputs[0] = strdup(input);
    g->needs = needs ? strdup(needs) : NULL;
}

static const char svg[] = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect width='10' height='10'/></svg>\n";

static int setup(void **state)
{
    static fx f;
    memset(&f, 0, sizeof f);
    *state = &f;
    f.dir = tu_tempdir("site-gen");
    char b[600];
    snprintf(b, sizeof b, "%s/out", f.dir);
    f.out = strdup(b);
    snprintf(b, sizeof b, "%s/data", f.dir);
    f.data = strdup(b);
    snprintf(b, sizeof b, "%s/figures", f.dir);
    f.figs = strdup(b);

    /* data: one table with a sidecar whose strings are hostile */
    put(f.data, "t/hostile.csv", "k,value\na,1\n");
    put(f.data, "t/hostile.meta.json", "{\"source\": \"SYNTHETIC " HOSTILE_JSON "\", \"licence\": \"test fixture\"}\n");

    /* specs */
    put(f.figs, "fig-9-1.json",
        "{\"id\":\"fig-9-1\",\"plugin\":\"p\",\"alt\":{\"nl\":\"ALT-NL " HOSTILE_JSON "\",\"en\":\"ALT-EN\"},"
        "\"title\":{\"nl\":\"T\",\"en\":\"T\"},\"source\":{\"nl\":\"Bron: " HOSTILE_JSON "\",\"en\":\"Source\"},"
        "\"chart\":{\"nl\":\"lijnen <i>\",\"en\":\"lines\"},\"report\":{\"section\":\"9.1\",\"lines\":\"2-3\"}}\n");
    put(f.figs, "fig-9-2.json", "{\"id\":\"fig-9-2\",\"plugin\":\"p\",\"title\":{\"nl\":\"Geen data " HOSTILE_JSON
                                "\",\"en\":\"No data\"},\"report\":{\"section\":\"9.2\",\"lines\":\"5\"}}\n");
    put(f.figs, "fig-9-3.json", "{\"id\":\"fig-9-3\",\"plugin\":\"p\",\"title\":{\"nl\":\"Nooit gebouwd\",\"en\":\"Never built\"},"
                                "\"report\":{\"section\":\"9.3\",\"lines\":\"7\"}}\n");
    put(f.figs, "fig-9-3-report.json", "{\"id\":\"fig-9-3-report\",\"plugin\":\"p\",\"title\":{\"nl\":\"Versie van het rapport\","
                                       "\"en\":\"Report version\"}}\n");

    /* the Dutch build: one rendered figure with hostile title, notes, inputs
       and CSV; one NO-DATA; nothing for fig-9-3 */
    put(f.out, "fig-9-1.json",
        "{\"id\":\"fig-9-1\",\"status\":\"ok\",\"title\":\"TITEL " HOSTILE_JSON "\",\"plugin\":{\"name\":\"p\",\"version\":\"1 "
        HOSTILE_JSON "\"},\"host\":{\"version\":\"0\"},\"gnuplot\":\"gnuplot " HOSTILE_JSON "\","
        "\"spec\":{\"file\":\"fig-9-1.json\",\"sha256\":\"ab\"},"
        "\"inputs\":[{\"name\":\"t/hostile\",\"file\":\"hostile.csv\",\"sha256\":\"" HOSTILE_JSON "\",\"source\":\"SRC "
        HOSTILE_JSON "\",\"licence\":\"LIC " HOSTILE_JSON "\",\"title\":\"TT " HOSTILE_JSON "\"}],"
        "\"notes\":[\"NOOT " HOSTILE_JSON "\"],"
        "\"outputs\":{\"script\":\"fig-9-1.gp\",\"data\":\"fig-9-1.csv\",\"extra\":[],\"rendered\":[\"svg\",\"png\"]}}\n");
    put(f.out, "fig-9-1.csv", "label,value\n\"" HOSTILE_CSV "\",1.5\n");
    put(f.out, "fig-9-1.svg", svg);
    put(f.out, "fig-9-1.png", "not really a png: the browser test loads real ones\n");
    put(f.out, "fig-9-1.gp", "# gp\n");
    put(f.out, "fig-9-2.json",
        "{\"id\":\"fig-9-2\",\"status\":\"no-data\",\"missing_input\":\"cbs/" HOSTILE_JSON "\","
        "\"needs\":\"CBS 12345NED <img src=x onerror=alert(1)> (synthetic)\",\"fetchable\":{\"table\":\"12345NED\",\"api\":\"v3\","
        "\"mapping\":\"data/mappings/" HOSTILE_JSON ".json\",\"unverified\":true}}\n");
    /* the English build, made with --latest: it shows three more years */
    put(f.out, "en/fig-9-1.json",
        "{\"id\":\"fig-9-1\",\"status\":\"ok\",\"title\":\"TITLE-EN\",\"notes\":[\"NOTE-EN\"],"
        "\"period\":{\"mode\":\"latest\",\"from\":2000,\"to\":2021,\"report\":{\"from\":2000,\"to\":2018}},"
        "\"outputs\":{\"data\":\"fig-9-1.csv\",\"rendered\":[\"svg\"]}}\n");
    put(f.out, "en/fig-9-1.csv", "label,value\nEN-ROW,1.5\n");
    put(f.out, "en/fig-9-1.svg", svg);

    /* claims, as wrrfig check --format json writes them, and a report text */
    put(f.out, "claims.json",
        "{\"summary\":{\"checked\":3},\"claims\":["
        "{\"id\":\"c9-001\",\"chapter\":9,\"line\":3,\"figure\":\"fig-9-1\",\"op\":\"=\",\"value\":2,\"unit\":\"u " HOSTILE_JSON
        "\",\"status\":\"pass\",\"observed\":2,\"expect\":\"pass\",\"reason\":\"R " HOSTILE_JSON
        "\",\"inputs\":\"t/hostile (SYNTHETIC; sha256 00); ../../etc/passwd (x); /abs/path (y)\"},"
        "{\"id\":\"c9-002\",\"chapter\":9,\"line\":99999,\"figure\":null,\"op\":\">\",\"value\":1,\"status\":\"inconsistent\","
        "\"observed\":null,\"inputs\":null},"
        "{\"id\":\"c9-003\",\"chapter\":0,\"line\":1,\"figure\":\"fig-9-2\",\"op\":\"<\",\"value\":0,\"status\":\"no-data\"},"
        /* the schema of wrrfig check since the verdict kinds */
        "{\"id\":\"c9-004\",\"chapter\":9,\"line\":4,\"figure\":\"fig-9-1\",\"quote\":\"Q-NEW " HOSTILE_JSON "\","
        "\"en\":\"EN-NEW\",\"verdict\":\"consistent\",\"kind\":\"internal\",\"op\":\"=\",\"expected\":42,"
        "\"observed\":42,\"expectation\":\"consistent\",\"tables\":[{\"name\":\"t/hostile\",\"sha256\":\"00\"},"
        "{\"name\":\"../../x\"}]}"
        "]}\n");
    put(f.dir, "report.txt", "regel een\nregel twee\nregel drie " HOSTILE "\nregel vier\nregel vijf\n");

    add_fig(&f, "fig-9-1", "t/hostile", NULL);
    add_fig(&f, "fig-9-2", "cbs/absent", "CBS 12345NED (synthetic)");
    add_fig(&f, "fig-9-3", "t/hostile", NULL);
    add_fig(&f, "fig-9-3-report", "cbs/absent", "something");
    add_fig(&f, "aa-extra", "cbs/absent", "something");
    put(f.figs, "aa-extra.json", "{\"id\":\"aa-extra\",\"plugin\":\"p\",\"title\":{\"nl\":\"Los\",\"en\":\"Loose\"},"
                                 "\"extra\":{\"nl\":\"EXTRA-NL\",\"en\":\"EXTRA-EN\"}}\n");
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    for (size_t i = 0; i < f->reg.n_figures; i++) {
        free(f->reg.figures[i].id);
        free(f->reg.figures[i].inputs[0]);
        free(f->reg.figures[i].inputs);
        free(f->reg.figures[i].needs);
    }
    free(f->reg.figures);
    tu_rmrf(f->dir);
    free(f->dir);
    free(f->out);
    free(f->data);
    free(f->figs);
    return 0;
}

static void generate(fx *f, site_stats *st)
{
    char report[700];
    snprintf(report, sizeof report, "%s/report.txt", f->dir);
    site_opts o = {.out_dir = f->out, .data_dir = f->data, .figures_dir = f->figs, .report_file = report, .reg = &f->reg};
    wf_error err;
    if (site_generate(&o, st, &err) != 0)
        fail_msg("site_generate: %s", err.msg);
}

static char *page(fx *f, const char *rel)
{
    char *t = tu_readf("%s/%s", f->out, rel);
    if (!t)
        fail_msg("%s was not written", rel);
    return t;
}

/* No page holds a raw hostile string, only its escaped form. */
static void assert_escaped(const char *rel, const char *t)
{
    if (strstr(t, "<script>alert"))
        fail_msg("%s: unescaped <script> from data", rel);
    if (strstr(t, "<img src=x"))
        fail_msg("%s: unescaped <img> from data", rel);
    if (strstr(t, "<i>"))
        fail_msg("%s: unescaped <i> from a spec", rel);
    if (strstr(t, "'s-Gravenhage") && !strstr(t, "&#39;s-Gravenhage"))
        fail_msg("%s: unescaped quote", rel);
}

static void test_every_field_escaped(void **state)
{
    fx *f = *state;
    site_stats st;
    generate(f, &st);
    assert_int_equal(st.figures, 5);
    assert_int_equal(st.report_figures, 3);
    assert_int_equal(st.ready, 1);
    assert_int_equal(st.nodata, 1);
    assert_int_equal(st.not_built, 3);
    assert_int_equal(st.claims, 4);
    static const char *pages[] = {"index.html", "index.en.html", "claims.html", "claims.en.html", "fig/fig-9-1.html",
                                  "fig/fig-9-1.en.html", "fig/fig-9-2.html", "fig/fig-9-3.html",
                                  "fig/fig-9-3-report.en.html"};
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        char *t = page(f, pages[i]);
        assert_escaped(pages[i], t);
        free(t);
    }
    char *t = page(f, "fig/fig-9-1.html");
    /* each hostile field arrives, escaped */
    static const char *fields[] = {"TITEL ", "ALT-NL ", "Bron: ", "NOOT ", "SRC ", "LIC ", "TT ", "gnuplot "};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        char want[200];
        snprintf(want, sizeof want, "%s%s", fields[i], HOSTILE_ESC);
        if (!strstr(t, want))
            fail_msg("fig-9-1.html lacks the escaped field '%s'", want);
    }
    assert_non_null(strstr(t, "<td>" HOSTILE_ESC "</td>"));   /* the CSV cell */
    assert_non_null(strstr(t, "alt=\"ALT-NL " HOSTILE_ESC "\"")); /* the image's alt text */
    assert_non_null(strstr(t, "lijnen &lt;i&gt;"));
    /* links: the sidecar (copied), the claim's card, downloads */
    assert_non_null(strstr(t, "href=\"../site/data/t/hostile.meta.json\""));
    assert_non_null(strstr(t, "href=\"../claims.html#c9-001\""));
    assert_non_null(strstr(t, "href=\"../fig-9-1.svg\" download"));
    assert_non_null(strstr(t, "href=\"../fig-9-1.gp\" download"));
    free(t);
    char *side = tu_readf("%s/site/data/t/hostile.meta.json", f->out);
    assert_non_null(side);
    assert_non_null(strstr(side, "SYNTHETIC"));
    free(side);
}

static void test_nodata_and_missing_render(void **state)
{
    fx *f = *state;
    site_stats st;
    generate(f, &st);
    char *t = page(f, "index.html");
    /* NO-DATA card: missing input, the CBS table, whether fetch can fill it */
    char *card = strstr(t, "id=\"fig-9-2\"");
    assert_non_null(card);
    assert_non_null(strstr(t, "st-no-data"));
    assert_non_null(strstr(card, "cbs/" HOSTILE_ESC));
    assert_non_null(strstr(card, "CBS 12345NED"));
    assert_non_null(strstr(card, "Op te halen met wrrfig fetch</dt><dd>ja: CBS 12345NED (<code>data/mappings/" HOSTILE_ESC
                               ".json</code>, unverified)</dd>"));
    /* the never-built figure says so and has no image */
    char *nb = strstr(t, "id=\"fig-9-3\"");
    assert_non_null(nb);
    assert_non_null(strstr(t, "st-not-built"));
    assert_non_null(strstr(nb, "niet gebouwd"));
    /* the extra follows its parent and names it */
    char *ex = strstr(t, "id=\"fig-9-3-report\"");
    assert_non_null(ex);
    assert_true(ex > nb);
    assert_non_null(strstr(ex, "Variant van <a href=\"#fig-9-3\">"));
    /* an extra of no report figure and no chapter: in the last section, with its note */
    char *loose = strstr(t, "<h2 id=\"extra\">Extra figuren (niet uit het rapport)</h2>");
    assert_non_null(loose);
    assert_true(loose > ex);
    assert_non_null(strstr(loose, "id=\"aa-extra\""));
    assert_non_null(strstr(loose, "EXTRA-NL"));
    /* report order and chapter grouping */
    assert_non_null(strstr(t, "<h2 id=\"ch9\">Hoofdstuk 9</h2>"));
    assert_true(strstr(t, "id=\"fig-9-1\"") < card && card < nb);
    free(t);
    t = page(f, "fig/fig-9-3.html");
    assert_non_null(strstr(t, "Deze figuur is niet getekend."));
    assert_null(strstr(t, "<img"));
    free(t);
    t = page(f, "index.en.html");
    assert_non_null(strstr(t, "Fetchable with wrrfig fetch</dt><dd>yes"));
    free(t);
}

static void test_both_languages(void **state)
{
    fx *f = *state;
    site_stats st;
    generate(f, &st);
    char *nl = page(f, "fig/fig-9-1.html"), *en = page(f, "fig/fig-9-1.en.html");
    assert_non_null(strstr(nl, "<html lang=\"nl\">"));
    assert_non_null(strstr(en, "<html lang=\"en\">"));
    assert_non_null(strstr(en, "<title>TITLE-EN</title>"));
    assert_non_null(strstr(en, "<h1>TITLE-EN</h1>"));
    assert_non_null(strstr(en, "NOTE-EN"));
    assert_non_null(strstr(en, "EN-ROW"));
    assert_non_null(strstr(en, "src=\"../en/fig-9-1.svg\""));
    /* the alt describes the report's figure; the --latest build says it shows more */
    assert_non_null(strstr(en, "alt=\"ALT-EN This description is of the report&#39;s period (2000-2018); this version "
                               "shows 2000-2021.\""));
    /* the switch links the pages to each other */
    assert_non_null(strstr(nl, "hreflang=\"en\" lang=\"en\" href=\"fig-9-1.en.html\""));
    assert_non_null(strstr(en, "hreflang=\"nl\" lang=\"nl\" href=\"fig-9-1.html\""));
    /* a figure without an English build falls back to the Dutch files */
    free(nl);
    free(en);
    char *idx = page(f, "index.en.html");
    assert_non_null(strstr(idx, "<span class=\"title\">TITLE-EN</span>"));
    assert_non_null(strstr(idx, "<span class=\"title\">Never built</span>"));
    free(idx);
}

static void test_claims_page(void **state)
{
    fx *f = *state;
    site_stats st;
    generate(f, &st);
    char *t = page(f, "claims.html");
    char *card = strstr(t, "<article class=\"claim\" id=\"c9-001\"");
    assert_non_null(card);
    assert_non_null(strstr(card, "data-verdict=\"pass\" data-chapter=\"9\" data-figure=\"fig-9-1\""));
    /* the passage: its line marked, with two lines of context each side */
    assert_non_null(strstr(card, "<mark>regel drie " HOSTILE_ESC "</mark>"));
    assert_non_null(strstr(card, "regel een"));
    assert_non_null(strstr(card, "regel vijf"));
    assert_non_null(strstr(card, "href=\"#c9-001-passage\""));
    /* links to the figure page and to the input's sidecar; never upward or absolute */
    assert_non_null(strstr(card, "href=\"fig/fig-9-1.html\""));
    assert_non_null(strstr(card, "href=\"site/data/t/hostile.meta.json\""));
    assert_null(strstr(t, "href=\"../"));
    assert_null(strstr(t, "href=\"/"));
    assert_null(strstr(t, "passwd"));
    /* a line beyond the report text: said, not invented */
    char *c2 = strstr(t, "id=\"c9-002\"");
    assert_non_null(c2);
    assert_non_null(strstr(c2, "De rapporttekst was bij het bouwen niet beschikbaar."));
    /* the newer schema: verdict, quote, expected value, kind, tables */
    char *c4 = strstr(t, "<article class=\"claim\" id=\"c9-004\"");
    assert_non_null(c4);
    assert_non_null(strstr(c4, "data-verdict=\"consistent\""));
    assert_non_null(strstr(c4, "<blockquote lang=\"nl\">Q-NEW " HOSTILE_ESC "</blockquote>"));
    assert_non_null(strstr(c4, "EN-NEW"));
    assert_non_null(strstr(c4, "= 42"));
    assert_non_null(strstr(c4, "binnen het rapport"));
    assert_non_null(strstr(c4, "href=\"site/data/t/hostile.meta.json\""));
    assert_non_null(strstr(c4, "<mark>regel vier</mark>"));
    /* verdict kinds come from the data, new ones included */
    assert_non_null(strstr(t, "<option value=\"inconsistent\">INCONSISTENT</option>"));
    assert_non_null(strstr(t, "<option value=\"0\">Samenvatting</option>"));
    assert_non_null(strstr(t, "<script src=\"site/site.js\"></script>"));
    free(t);
}

/* Nothing of this machine's paths in any file the site wrote. */
static void scan_paths(const char *dir, const char *const *needles, size_t n_needles)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        char p[1200];
        snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
        struct stat sb;
        if (stat(p, &sb) != 0)
            continue;
        if (S_ISDIR(sb.st_mode)) {
            scan_paths(p, needles, n_needles);
            continue;
        }
        size_t l = strlen(p);
        if (l < 5 || (strcmp(p + l - 5, ".html") && strcmp(p + l - 4, ".css") && strcmp(p + l - 3, ".js")))
            continue;
        char *t = tu_read(p, NULL);
        for (size_t i = 0; i < n_needles; i++)
            if (strstr(t, needles[i]))
                fail_msg("%s holds the machine path %s", p, needles[i]);
        free(t);
    }
    closedir(d);
}

static void test_no_machine_paths(void **state)
{
    fx *f = *state;
    site_stats st;
    generate(f, &st);
    const char *needles[] = {f->dir, WF_SRC_DIR, WF_BUILD_DIR, "/tmp/"};
    scan_paths(f->out, needles, 4);
}

static void test_valid_html(void **state)
{
    fx *f = *state;
    site_stats st;
    generate(f, &st);
    if (access("/usr/bin/tidy", X_OK) != 0)
        fail_msg("/usr/bin/tidy is missing: install Debian's tidy (scripts/install-deps.sh test)");
    static const char *pages[] = {"index.html", "index.en.html", "claims.html", "claims.en.html", "fig/fig-9-1.html",
                                  "fig/fig-9-1.en.html", "fig/fig-9-2.html", "fig/fig-9-3.html",
                                  "fig/fig-9-3-report.html"};
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        char p[1200];
        snprintf(p, sizeof p, "%s/%s", f->out, pages[i]);
        char *argv[] = {"/usr/bin/tidy", "-errors", "-q", p, NULL};
        char *out = NULL, *err = NULL;
        int rc = tu_run(argv, &out, &err);
        if (rc != 0)
            fail_msg("tidy %s: exit %d\n%s%s", pages[i], rc, out ? out : "", err ? err : "");
        free(out);
        free(err);
    }
}

/* A long CSV shows its first 500 rows and says where the rest is. */
static void test_long_table(void **state)
{
    fx *f = *state;
    strbuf csv = STRBUF_INIT;
    sb_puts(&csv, "label,value\n");
    for (int i = 0; i < 600; i++)
        sb_printf(&csv, "row%d,%d\n", i, i);
    put(f->out, "en/fig-9-1.csv", csv.s);
    sb_free(&csv);
    site_stats st;
    generate(f, &st);
    char *t = page(f, "fig/fig-9-1.en.html");
    assert_non_null(strstr(t, "<td>row499</td>"));
    assert_null(strstr(t, "<td>row500</td>"));
    assert_non_null(strstr(t, "The first 500 of 600 rows; all of them are in the CSV."));
    free(t);
    put(f->out, "en/fig-9-1.csv", "label,value\nEN-ROW,1.5\n");
}

/* Every shipped spec carries alt text in both languages (the figure pages'
 * image descriptions). */
static void test_every_spec_has_alt(void **state)
{
    (void)state;
    DIR *d = opendir(WF_FIGURES);
    assert_non_null(d);
    struct dirent *de;
    int n = 0;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l < 6 || strcmp(de->d_name + l - 5, ".json"))
            continue;
        char *t = tu_readf("%s/%s", WF_FIGURES, de->d_name);
        cJSON *j = cJSON_Parse(t);
        if (!j)
            fail_msg("%s: not JSON", de->d_name);
        const cJSON *alt = cJSON_GetObjectItemCaseSensitive(j, "alt");
        const char *nl = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(alt, "nl"));
        const char *en = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(alt, "en"));
        if (!nl || strlen(nl) < 40 || !en || strlen(en) < 40)
            fail_msg("figures/%s: no alt text of a sentence or more in both nl and en", de->d_name);
        cJSON_Delete(j);
        free(t);
        n++;
    }
    closedir(d);
    assert_true(n >= 44);
}

static void test_command(void **state)
{
    fx *f = *state;
    char *out = NULL;
    char *help[] = {(char *)WF_BIN, "site", "--help", NULL};
    assert_int_equal(tu_run(help, &out, NULL), 0);
    assert_non_null(strstr(out, "usage: wrrfig site"));
    free(out);
    char *bad[] = {(char *)WF_BIN, "site", "--nope", NULL};
    assert_int_equal(tu_run(bad, NULL, NULL), 2);
    /* an unreadable claims file is an error naming it, not an empty page */
    char claims[700];
    snprintf(claims, sizeof claims, "%s/broken.json", f->dir);
    tu_write(claims, "{\"claims\": [");
    char *err = NULL;
    char *run[] = {(char *)WF_BIN, "site", "--out", f->out, "--claims", claims, NULL};
    assert_int_equal(tu_run(run, NULL, &err), 1);
    assert_non_null(strstr(err, "broken.json"));
    free(err);
}

/* Probe 3: a figure's manifest that was there but unreadable made the
 * site show that figure as never built, with exit status 0. It is an error
 * naming the file. */
static void test_broken_manifest_is_error(void **state)
{
    fx *f = *state;
    char man[700];
    snprintf(man, sizeof man, "%s/fig-2-1.json", f->out);
    tu_write(man, "{\"id\": \"fig-2-1\", ");
    char *err = NULL;
    char *run[] = {(char *)WF_BIN, "site", "--out", f->out, NULL};
    int rc = tu_run(run, NULL, &err);
    unlink(man);
    assert_int_equal(rc, 1);
    assert_non_null(strstr(err, "fig-2-1.json"));
    free(err);
}

/* The same for a figure's CSV that its manifest names and that cannot be
 * read: the page said "CSV: fig-9-1.csv" and the site was written (probe
 * 3). Now the site fails with the file and the reader's position. */
static void test_broken_csv_is_error(void **state)
{
    fx *f = *state;
    char p[700];
    snprintf(p, sizeof p, "%s/fig-9-1.csv", f->out);
    char *keep = tu_read(p, NULL);
    assert_non_null(keep);
    tu_write(p, "label,value\n\"unterminated,1.5\n");
    site_opts o = {.out_dir = f->out, .data_dir = f->data, .figures_dir = f->figs, .reg = &f->reg};
    site_stats st;
    wf_error err;
    int rc = site_generate(&o, &st, &err);
    tu_write(p, keep);
    free(keep);
    assert_int_equal(rc, -1);
    assert_contains(err.msg, "the manifest of fig-9-1 names its CSV: ");
    assert_contains(err.msg, "fig-9-1.csv:2:1: ");
    assert_contains(err.msg, "unterminated");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_broken_csv_is_error),
        cmocka_unit_test(test_every_field_escaped), cmocka_unit_test(test_nodata_and_missing_render),
        cmocka_unit_test(test_both_languages),      cmocka_unit_test(test_claims_page),
        cmocka_unit_test(test_no_machine_paths),    cmocka_unit_test(test_valid_html),
        cmocka_unit_test(test_long_table),          cmocka_unit_test(test_every_spec_has_alt),
        cmocka_unit_test(test_command),             cmocka_unit_test(test_broken_manifest_is_error),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
