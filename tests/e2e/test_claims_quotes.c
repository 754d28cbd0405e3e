/* Every quote_nl of the shipped registry occurs in the report text and
 * touches the claim's line. The report is third-party material at
 * ../shared/report/ (never copied into the project); where it is absent the
 * test says so and checks only the matcher.
 *
 * Matching follows the text extraction: line breaks and repeated spaces are
 * one space, and a word hyphenated at a line end may be quoted joined
 * ("kenniswerkers" for "kennis-|werkers") or as printed ("migratie- achtergrond"); a
 * no-break space is a space. */
#include "testutil.h"

#include "claims/read.h"

#define REPORT WF_SRC_DIR "/../shared/report/samenleven-in-verscheidenheid.txt"
#define JOIN '\x01' /* a line break after a hyphen */

typedef struct text {
    char *s;       /* the report as one line, spaces collapsed */
    long *line;    /* report line of each character */
    size_t n;
} text;

static void flatten(const char *raw, text *t)
{
    size_t cap = strlen(raw) + 2;
    t->s = malloc(cap);
    t->line = malloc(cap * sizeof *t->line);
    t->n = 0;
    long ln = 1;
    int pending = 0; /* a separator is owed before the next character */
    for (const char *p = raw; *p; p++) {
        /* The extraction has some no-break spaces (U+00A0) between numbers and units. */
        int nbsp = (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0;
        if (nbsp)
            p++;
        if (nbsp || *p == '\n' || *p == ' ' || *p == '\t' || *p == '\r') {
            if (*p == '\n')
                ln++;
            if (t->n && *p == '\n')
                pending = 2;
            else if (t->n && !pending)
                pending = 1;
            continue;
        }
        if (pending) {
            t->s[t->n] = (pending == 2 && t->s[t->n - 1] == '-') ? JOIN : ' ';
            t->line[t->n++] = ln;
            pending = 0;
        }
        t->s[t->n] = *p;
        t->line[t->n++] = ln;
    }
    t->s[t->n] = '\0';
}

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80;
}

/* Whether q matches the text at position i; *end receives the end. */
static int match_at(const text *t, size_t i, const char *q, size_t *end)
{
    size_t j = i;
    for (const char *c = q; *c; c++) {
        if (*c == ' ') {
            while (c[1] == ' ')
                c++;
            if (j < t->n && (t->s[j] == ' ' || t->s[j] == JOIN)) {
                j++;
                continue;
            }
            return 0;
        }
        if (j >= t->n || t->s[j] != *c)
            return 0;
        j++;
        if (*c == '-' && j < t->n && t->s[j] == JOIN && c[1] != ' ')
            j++; /* "Oost-|Europeanen" quoted as "Oost-Europeanen" */
        else if (is_alpha(*c) && c[1] && is_alpha(c[1]) && j + 1 < t->n && t->s[j] == '-' && t->s[j + 1] == JOIN)
            j += 2; /* "kennis-|werkers" quoted as "kenniswerkers" */
    }
    *end = j;
    return 1;
}

/* Whether q occurs with its span touching line. */
static int found_at_line(const text *t, const char *q, long line)
{
    for (size_t i = 0; i < t->n; i++) {
        size_t end;
        if (t->s[i] == q[0] && match_at(t, i, q, &end) && t->line[i] <= line && line <= t->line[end - 1])
            return 1;
    }
    return 0;
}

static void test_matcher(void **state)
{
    (void)state;
    text t;
    flatten("De Schilderswijk is nu nog\nmaar ongeveer twee keer zo  verscheiden.\n"
            "ongeveer de helft van de kennis-\nwerkers en Midden- en Oost-\nEuropeanen met een migratie-\n"
            "achtergrond\nongeveer 450\xC2\xA0leerlingen\n",
            &t);
    assert_true(found_at_line(&t, "is nu nog maar ongeveer twee keer zo verscheiden", 2));
    assert_true(found_at_line(&t, "is nu nog maar ongeveer twee keer zo verscheiden", 1));
    assert_false(found_at_line(&t, "is nu nog maar ongeveer twee keer zo verscheiden", 3));
    assert_true(found_at_line(&t, "de helft van de kenniswerkers", 4));
    assert_true(found_at_line(&t, "de kennis- werkers", 3));
    assert_true(found_at_line(&t, "Midden- en Oost-Europeanen", 4));
    assert_true(found_at_line(&t, "met een migratieachtergrond", 6));
    assert_true(found_at_line(&t, "met een migratie- achtergrond", 6));
    assert_false(found_at_line(&t, "Midden en Oost-Europeanen", 4));
    assert_false(found_at_line(&t, "drie keer zo verscheiden", 2));
    assert_true(found_at_line(&t, "ongeveer 450 leerlingen", 7));
    free(t.s);
    free(t.line);
}

static void test_every_quote_is_in_the_report(void **state)
{
    (void)state;
    char *raw = tu_read(REPORT, NULL);
    if (!raw) {
        fprintf(stderr, "note: %s absent; the quotes were not checked against the report\n", REPORT);
        skip();
    }
    text t;
    flatten(raw, &t);
    claim_set set = {0};
    wf_errors errs = {0};
    /* The registry's claims and the transcription tests' cells alike. */
    assert_int_equal(claims_load_dir(WF_DATA "/claims", &set, &errs), 0);
    assert_int_equal(claims_load_dir(WF_FIXTURES "/transcriptions", &set, &errs), 0);
    size_t bad = 0;
    for (size_t i = 0; i < set.n; i++)
        if (!found_at_line(&t, set.v[i].quote_nl, set.v[i].line)) {
            fprintf(stderr, "%s $[%zu] %s: quote not found at line %ld: %s\n", set.v[i].file, set.v[i].index,
                    set.v[i].id, set.v[i].line, set.v[i].quote_nl);
            bad++;
        }
    assert_int_equal(bad, 0);
    claim_set_free(&set);
    wf_errors_free(&errs);
    free(t.s);
    free(t.line);
    free(raw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matcher),
        cmocka_unit_test(test_every_quote_is_in_the_report),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
