/* The values transcribed from the report (Tabel 7.1 and the prose behind
 * figure 3.7) are checked against the report text itself: every value must
 * be printed on the line its row cites, in the position its codes say. */
#include "testutil.h"

#include <ctype.h>

#include "util/sha256.h"
#include "data/table.h"

#define REPORT WF_SRC_DIR "/../shared/report/samenleven-in-verscheidenheid.txt"

static char **lines;
static size_t n_lines;
static char *text;

static int setup(void **state)
{
    (void)state;
    text = tu_read(REPORT, NULL);
    if (!text)
        return 0; /* tests that need it skip */
    size_t cap = 16384;
    lines = malloc(cap * sizeof *lines);
    for (char *p = text, *nl; p && *p; p = nl ? nl + 1 : NULL) {
        nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        if (n_lines == cap)
            lines = realloc(lines, (cap *= 2) * sizeof *lines);
        lines[n_lines++] = p;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(lines);
    free(text);
    return 0;
}

static const char *line_at(const char *num)
{
    long n = strtol(num, NULL, 10);
    if (n < 1 || (size_t)n > n_lines)
        fail_msg("report line %s out of range", num);
    return lines[n - 1];
}

/* The k-th (0-based) whole number followed by '%' on the line. */
static int nth_percent(const char *line, int k)
{
    int seen = 0;
    for (const char *p = line; *p; p++) {
        if (!isdigit((unsigned char)*p) || (p > line && isdigit((unsigned char)p[-1])))
            continue;
        char *end;
        long v = strtol(p, &end, 10);
        if (*end == '%') {
            if (seen++ == k)
                return (int)v;
        }
    }
    return -1;
}

/* Whole numbers standing alone on the line (not part of a longer number). */
static int has_number(const char *line, int v)
{
    for (const char *p = line; *p; p++) {
        if (!isdigit((unsigned char)*p) || (p > line && isdigit((unsigned char)p[-1])))
            continue;
        char *end;
        long x = strtol(p, &end, 10);
        if (x == v && *end != ',' && *end != '.')
            return 1;
    }
    return 0;
}

static wf_table *load(const char *name)
{
    wf_table *t = NULL;
    wf_error err;
    if (table_load(WF_DATA, name, &t, &err) != 0)
        fail_msg("%s", err.msg);
    return t;
}

static void test_tab_7_1_against_report_lines(void **state)
{
    (void)state;
    if (!lines)
        skip();
    wf_table *t = load("report/tab-7-1");
    assert_int_equal(t->n_rows, 32);
    int d_dom = table_dim(t, "terrein"), d_doubt = table_dim(t, "twijfel"), d_line = table_dim(t, "report_line");
    assert_true(d_dom >= 0 && d_doubt >= 0 && d_line >= 0);
    for (size_t r = 0; r < t->n_rows; r++) {
        const char *dom = t->keys[r * t->n_dims + (size_t)d_dom];
        const char *doubt = t->keys[r * t->n_dims + (size_t)d_doubt];
        /* Each line reads "X% (Y%) Z% (W%)": werk zonder, werk inclusief,
         * voorwaarden zonder, voorwaarden inclusief. */
        int k = (strcmp(dom, "voorwaarden") == 0 ? 2 : 0) + (strcmp(doubt, "inclusief") == 0 ? 1 : 0);
        const char *line = line_at(t->keys[r * t->n_dims + (size_t)d_line]);
        assert_int_equal(t->kinds[r], WRRFIG_VALUE);
        if (nth_percent(line, k) != (int)t->values[r])
            fail_msg("row %zu: %g is not the %d-th percentage of line %s: %s", r + 1, t->values[r], k + 1,
                     t->keys[r * t->n_dims + (size_t)d_line], line);
    }
    table_free(t);
}

static void test_tab_7_1_rows_cover_the_table(void **state)
{
    (void)state;
    wf_table *t = load("report/tab-7-1");
    static const char *const origins[] = {"Marokko", "Turkije", "Suriname", "Antillen", "OverigNietEuropees",
                                          "MOE", "OverigEuropees", "Nederland"};
    static const char *const doms[] = {"werk", "voorwaarden"}, *const doubts[] = {"zonder", "inclusief"};
    for (size_t o = 0; o < 8; o++)
        for (int d = 0; d < 2; d++)
            for (int b = 0; b < 2; b++) {
                char q[160];
                double v;
                snprintf(q, sizeof q, "herkomst=%s;terrein=%s;twijfel=%s", origins[o], doms[d], doubts[b]);
                if (table_find_query(t, q, &v) != WRRFIG_VALUE)
                    fail_msg("no cell %s", q);
            }
    /* "inclusief twijfel" includes the sure cases, so it can never be lower. */
    for (size_t o = 0; o < 8; o++)
        for (int d = 0; d < 2; d++) {
            char q[160];
            double sure, incl;
            snprintf(q, sizeof q, "herkomst=%s;terrein=%s;twijfel=zonder", origins[o], doms[d]);
            table_find_query(t, q, &sure);
            snprintf(q, sizeof q, "herkomst=%s;terrein=%s;twijfel=inclusief", origins[o], doms[d]);
            table_find_query(t, q, &incl);
            assert_true(incl >= sure);
        }
    table_free(t);
}

static void test_fig_3_7_against_report_lines(void **state)
{
    (void)state;
    if (!lines)
        skip();
    wf_table *t = load("report/fig-3-7");
    assert_int_equal(t->n_rows, 9);
    int d_line = table_dim(t, "report_line");
    for (size_t r = 0; r < t->n_rows; r++) {
        const char *line = line_at(t->keys[r * t->n_dims + (size_t)d_line]);
        if (!has_number(line, (int)t->values[r]))
            fail_msg("row %zu: %g is not on line %s: %s", r + 1, t->values[r], t->keys[r * t->n_dims + (size_t)d_line],
                     line);
    }
    /* The Q4 2019 totals sit between the men's and women's values. */
    static const char *const origins[] = {"Nederlands", "Turkije", "Marokko"};
    for (int o = 0; o < 3; o++) {
        char q[96];
        double m, w, tot;
        snprintf(q, sizeof q, "herkomst=%s;geslacht=Mannen", origins[o]);
        assert_int_equal(table_find_query(t, q, &m), WRRFIG_VALUE);
        snprintf(q, sizeof q, "herkomst=%s;geslacht=Vrouwen", origins[o]);
        assert_int_equal(table_find_query(t, q, &w), WRRFIG_VALUE);
        snprintf(q, sizeof q, "herkomst=%s;geslacht=Totaal", origins[o]);
        assert_int_equal(table_find_query(t, q, &tot), WRRFIG_VALUE);
        assert_true(tot >= w && tot <= m);
    }
    table_free(t);
}

static void test_provenance_names_the_report(void **state)
{
    (void)state;
    char sha[65];
    if (sha256_file_hex(REPORT, sha) != 0)
        skip();
    static const char *const names[] = {"report/tab-7-1", "report/fig-3-7"};
    for (int i = 0; i < 2; i++) {
        wf_table *t = load(names[i]);
        assert_string_equal(table_meta_get(t, "source_sha256"), sha);
        assert_contains(table_meta_get(t, "source"), "WRR 2020");
        assert_contains(table_meta_get(t, "importer"), "transcribed");
        table_free(t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tab_7_1_against_report_lines),
        cmocka_unit_test(test_tab_7_1_rows_cover_the_table),
        cmocka_unit_test(test_fig_3_7_against_report_lines),
        cmocka_unit_test(test_provenance_names_the_report),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
