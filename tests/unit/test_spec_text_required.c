/* Figure text lives in the spec (plugins/common/spectext.h): the figures
 * whose notes, table header, CSV wording and decimal mark came from C
 * before take them from the spec's "text" member, in the output language.
 * A spec without that text fails the figure with a message naming the key,
 * rather than printing text the spec does not have. Run through the fake
 * host on the shipped data and specs. */
#include "testutil.h"

#include <cjson/cJSON.h>

#include "fakehost.h"

typedef struct fig {
    const char *plugin, *id;
    const char *missing_key; /* the last text key the figure asks for (the last message) */
} fig;

/* The figures that build on the shipped data. */
static const fig FIGS[] = {
    {"labour", "tab-7-1", "text.missing_cells"},   {"labour", "fig-3-6", "text.no_value"},
    {"labour", "fig-3-7", "text.no_value"},    {"labour", "fig-3-11", "text.not_in_data"},
    {"origin", "fig-1-3", "text.latest_year"},     {"origin", "fig-2-5", "text.decimal_mark"},
    {"cohorts", "fig-2-12", "text.not_yet_passed"},
};

/* The shipped spec of id, without its "text" member when strip is set.
 * Returns a string to free. */
static char *spec_of(const char *id, bool strip)
{
    char *json = tu_readf("%s/%s.json", WF_FIGURES, id);
    if (!strip)
        return json;
    cJSON *root = cJSON_Parse(json);
    free(json);
    assert_non_null(root);
    assert_non_null(cJSON_GetObjectItemCaseSensitive(root, "text"));
    cJSON_DeleteItemFromObjectCaseSensitive(root, "text");
    char *s = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return s;
}

static void test_spec_without_text_fails_the_figure(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof FIGS / sizeof FIGS[0]; i++) {
        for (int en = 0; en < 2; en++) {
            fh_host *f = fh_new(WF_DATA);
            fh_lang(f, en ? "en" : "nl");
            const wrrfig_plugin *p = fh_plugin(f, FIGS[i].plugin);
            assert_non_null(p);
            char *full = spec_of(FIGS[i].id, false), *bare = spec_of(FIGS[i].id, true);
            fh_spec(f, full);
            wrrfig_status st = fh_figure(f, p, FIGS[i].id);
            if (st != WRRFIG_OK)
                fail_msg("%s (%s) with its text: status %d: %s", FIGS[i].id, en ? "en" : "nl", st, fh_message(f));
            fh_spec(f, bare);
            st = fh_figure(f, p, FIGS[i].id);
            if (st != WRRFIG_ERROR)
                fail_msg("%s without text: status %d, expected an error", FIGS[i].id, st);
            char want[128];
            snprintf(want, sizeof want, "spec: no text at '%s'", FIGS[i].missing_key);
            assert_contains(fh_message(f), want);
            assert_int_equal(fh_misuse(f), 0);
            free(full);
            free(bare);
            fh_free(f);
        }
    }
}

/* The note of fig-1-3 comes from the spec in the output language, its
 * {year} filled in; a '%' in spec text would be printed, never formatted. */
static void test_note_in_output_language(void **state)
{
    (void)state;
    static const char *const want[2] = {"Laatste jaar in de landengegevens: 1 januari 20",
                                        "Latest year in the country data: 1 January 20"};
    for (int en = 0; en < 2; en++) {
        fh_host *f = fh_new(WF_DATA);
        fh_lang(f, en ? "en" : "nl");
        const wrrfig_plugin *p = fh_plugin(f, "origin");
        char *spec = spec_of("fig-1-3", false);
        fh_spec(f, spec);
        assert_int_equal(fh_figure(f, p, "fig-1-3"), WRRFIG_OK);
        int found = 0;
        for (size_t i = 0; i < fh_notes(f); i++)
            found |= strncmp(fh_note(f, i), want[en], strlen(want[en])) == 0 && !strchr(fh_note(f, i), '{');
        if (!found)
            fail_msg("no note starting '%s'", want[en]);
        free(spec);
        /* A template with printf directives: printed as it is. */
        char *raw = tu_readf("%s/fig-1-3.json", WF_FIGURES);
        cJSON *root = cJSON_Parse(raw);
        free(raw);
        cJSON *text = cJSON_GetObjectItemCaseSensitive(root, "text");
        cJSON_ReplaceItemInObjectCaseSensitive(text, "latest_year", cJSON_CreateString("%s %n %d {year}"));
        spec = cJSON_PrintUnformatted(root);
        fh_spec(f, spec);
        assert_int_equal(fh_figure(f, p, "fig-1-3"), WRRFIG_OK);
        found = 0;
        for (size_t i = 0; i < fh_notes(f); i++)
            found |= strncmp(fh_note(f, i), "%s %n %d 20", 11) == 0;
        assert_true(found);
        cJSON_Delete(root);
        free(spec);
        fh_free(f);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec_without_text_fails_the_figure),
        cmocka_unit_test(test_note_in_output_language),
    };
    return cmocka_run_group_tests_name("spec text required", tests, NULL, NULL);
}
