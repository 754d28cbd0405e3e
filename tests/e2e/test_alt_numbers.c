/* A figure's alt text describes what is drawn, so its numbers are the
 * figure's numbers: every numeral of the Dutch alt of each figure a build on
 * the shipped data draws must be a value of that figure's CSV (at the
 * precision the alt states, in the CSV's unit or a thousand, a million or a
 * hundred times it), a year or an age of its title, its own figure number,
 * or a derived number listed below with what it is derived from. The
 * English alt must carry the same numbers. (fig-2-5's alt
 * described stacked areas 1996-2022 long after the figure became three
 * columns 1972, 1995 and 2018; its "25 percent in 2022" is what this test
 * would have refused.) Numbers are read with the report scanner
 * (claims/scan.c), which knows Dutch numerals. */
#include "testutil.h"

#include <dirent.h>
#include <math.h>

#include <cjson/cJSON.h>

#include "claims/scan.h"
#include "format/csv.h"
#include "format/jsonfile.h"

/* Numbers an alt states that are not a cell of the CSV, each with its
 * derivation (checked by hand against the CSV named). */
static const struct {
    const char *fig, *text, *why;
} DERIVED[] = {
    {"fig-2-5", "23,1", "the 2018 share with a migration background: the sum of its three groups (10.06 + 7.62 + "
                        "5.43 percent of fig-2-5.csv)"},
};

typedef struct alt_ctx {
    const char *fig, *title;
    const double *cells;
    size_t n_cells;
    strbuf *bad;
} alt_ctx;

static bool backed(const alt_ctx *a, const scan_number *n)
{
    static const double SCALE[] = {1, 1e3, 1e-3, 1e6, 1e-6, 1e2, 1e-2};
    for (size_t i = 0; i < a->n_cells; i++)
        for (size_t k = 0; k < sizeof SCALE / sizeof *SCALE; k++)
            if (fabs(a->cells[i] * SCALE[k] - n->value) <= n->unit / 2 + 1e-9 * fabs(n->value))
                return true;
    if (a->title && strstr(a->title, n->text))
        return true; /* a year or an age of the title ("15-74-jarigen", "1 januari 2017") */
    char own[32];      /* its own number: fig-2-12 is figuur 2.12 */
    int c = 0, m = 0;
    if (sscanf(a->fig, "%*[a-z]-%d-%d", &c, &m) == 2) {
        snprintf(own, sizeof own, "%d.%d", c, m);
        if (strcmp(n->text, own) == 0)
            return true;
    }
    if (n->value == 1 && strstr(n->text, "1") && n->len == 1)
        return true; /* "1 januari": the reference day */
    for (size_t i = 0; i < sizeof DERIVED / sizeof *DERIVED; i++)
        if (!strcmp(DERIVED[i].fig, a->fig) && !strcmp(DERIVED[i].text, n->text))
            return true;
    return false;
}

static void seen(void *user, const scan_number *n)
{
    alt_ctx *a = user;
    if (n->form == SCAN_NUMERAL && !backed(a, n))
        sb_printf(a->bad, "%s: alt (nl) states %s, which is not a number of %s.csv\n", a->fig, n->text, a->fig);
}

/* The numbers of s as digit strings, sorted ("71.000 in 1950" and "1950:
 * 71,000" both give "1950 71000"): separators between digits join them, so
 * the two languages' ways of writing a number compare equal, and the order
 * may differ with the sentence. */
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void digits(const char *s, char *out, size_t n)
{
    char tok[64][24];
    size_t nt = 0, l = 0;
    for (const char *p = s ? s : ""; nt < 64; p++) {
        bool joiner = (*p == '.' || *p == ',') && l && p[1] >= '0' && p[1] <= '9';
        if (*p >= '0' && *p <= '9') {
            if (l + 1 < sizeof tok[0])
                tok[nt][l++] = *p;
        } else if (!joiner && l) {
            tok[nt++][l] = '\0';
            l = 0;
        }
        if (!*p)
            break;
    }
    const char *v[64];
    for (size_t i = 0; i < nt; i++)
        v[i] = tok[i];
    qsort(v, nt, sizeof *v, cmp_str);
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < nt && o + 1 < n; i++) {
        int w = snprintf(out + o, n - o, "%s%s", i ? " " : "", v[i]);
        if (w < 0 || (size_t)w >= n - o)
            break;
        o += (size_t)w;
    }
}

/* Every number of the CSV: whole cells, and numbers inside text cells. */
static size_t csv_numbers(const char *path, double **out)
{
    csv_doc *d = NULL;
    wf_error err;
    csv_opts o = CSV_OPTS_TIDY;
    *out = NULL;
    if (csv_read_file(path, &o, &d, &err) != 0)
        fail_msg("%s", err.msg);
    size_t n = 0, cap = 0;
    for (size_t r = 0; r < d->n_rows; r++)
        for (size_t c = 0; c < d->rows[r].n; c++)
            for (const char *p = d->rows[r].f[c]; *p;) {
                char *end;
                double v = strtod(p, &end);
                if (end == p || !isfinite(v)) {
                    p++;
                    continue;
                }
                if (n == cap)
                    *out = realloc(*out, (cap = cap ? cap * 2 : 256) * sizeof **out);
                (*out)[n++] = fabs(v);
                p = end;
            }
    csv_free(d);
    return n;
}

static void test_alt_numbers_are_the_figures(void **state)
{
    (void)state;
    char *dir = tu_tempdir("altnum");
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig(&out, &err, "build", "--no-render", "--out", dir, NULL);
    if (rc != 0)
        fail_msg("build: exit %d\n%s", rc, err);
    free(out);
    free(err);
    DIR *fd = opendir(WF_FIGURES);
    assert_non_null(fd);
    strbuf bad = STRBUF_INIT;
    size_t checked = 0, numbers = 0;
    struct dirent *e;
    while ((e = readdir(fd))) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".json") != 0)
            continue;
        char id[128];
        snprintf(id, sizeof id, "%.*s", (int)(len - 5), e->d_name);
        char *spec_text = tu_readf("%s/%s", WF_FIGURES, e->d_name);
        char *man_text = tu_readf("%s/%s.json", dir, id);
        cJSON *spec = cJSON_Parse(spec_text), *man = man_text ? cJSON_Parse(man_text) : NULL;
        const cJSON *alt = cJSON_GetObjectItemCaseSensitive(spec, "alt");
        const char *nl = json_str(alt, "nl"), *en = json_str(alt, "en");
        if (nl && man && json_str(man, "status") && !strcmp(json_str(man, "status"), "ok")) {
            char csv[700];
            snprintf(csv, sizeof csv, "%s/%s.csv", dir, id);
            double *cells = NULL;
            size_t nc = 0;
            FILE *f = fopen(csv, "r");
            if (f) {
                fclose(f);
                nc = csv_numbers(csv, &cells);
            }
            alt_ctx a = {id, json_str(cJSON_GetObjectItemCaseSensitive(spec, "title"), "nl"), cells, nc, &bad};
            scan_text t;
            scan_flatten(nl, strlen(nl), &t);
            numbers += scan_numbers(&t, 0, t.len, seen, &a);
            scan_text_free(&t);
            char dn[1024], de[1024];
            digits(nl, dn, sizeof dn);
            digits(en, de, sizeof de);
            if (strcmp(dn, de) != 0)
                sb_printf(&bad, "%s: the alt's numbers differ between nl (%s) and en (%s)\n", id, dn, de);
            free(cells);
            checked++;
        }
        cJSON_Delete(spec);
        cJSON_Delete(man);
        free(spec_text);
        free(man_text);
    }
    closedir(fd);
    if (bad.len)
        fail_msg("%s", bad.s);
    assert_true(checked >= 20); /* every ready figure has an alt */
    assert_true(numbers >= 100);
    sb_free(&bad);
    tu_rmrf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alt_numbers_are_the_figures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
