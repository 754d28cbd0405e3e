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

#include "claims/quote.h"
#include "claims/read.h"

#define REPORT WF_SRC_DIR "/../shared/report/samenleven-in-verscheidenheid.txt"
/* The matcher lives in core (claims/quote.c): the number scanner uses it
 * to tell which numbers a claim's quote covers. */
typedef quote_text text;
#define flatten(raw, t) quote_text_init((t), (raw))
#define found_at_line(t, q, line) quote_find((t), (q), (line), NULL, NULL)

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
    quote_text_free(&t);
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
    quote_text_free(&t);
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
