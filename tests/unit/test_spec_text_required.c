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
    {"origin", "fig-1-3", "text.generations_differ"},     {"origin", "fig-2-5", "text.decimal_mark"},
    {"cohorts", "fig-2-12", "text.not_yet_passed"},
    {"immigration", "fig-2-1", "text.decimal_mark"}, {"immigration", "fig-2-7", "text.period_ends_earlier"},
    {"immigration", "fig-2-8", "text.period_ends_earlier"}, {"cohorts", "tab-2-1", "text.decimal_mark"},
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
            snprintf(want, sizeof want, "$.%s: no text at '%s'", FIGS[i].missing_key, FIGS[i].missing_key);
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

/* The spec of id with the member at the dotted path removed (an object
 * member or an array element). Returns a string to free. */
static char *spec_without(const char *id, const char *path)
{
    char *json = tu_readf("%s/%s.json", WF_FIGURES, id);
    cJSON *root = cJSON_Parse(json);
    free(json);
    assert_non_null(root);
    char buf[128];
    snprintf(buf, sizeof buf, "%s", path);
    cJSON *cur = root;
    char *last = buf, *dot;
    while ((dot = strchr(last, '.'))) {
        *dot = '\0';
        cur = cJSON_IsArray(cur) ? cJSON_GetArrayItem(cur, atoi(last)) : cJSON_GetObjectItemCaseSensitive(cur, last);
        assert_non_null(cur);
        last = dot + 1;
    }
    if (cJSON_IsArray(cur))
        cJSON_DeleteItemFromArray(cur, atoi(last));
    else {
        assert_non_null(cJSON_GetObjectItemCaseSensitive(cur, last));
        cJSON_DeleteItemFromObjectCaseSensitive(cur, last);
    }
    char *s = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return s;
}

/* Builds spec (of a fixed figure id, or of kind `kind` when not NULL). */
static wrrfig_status build_spec(fh_host *f, const char *plugin, const char *id, const char *kind, const char *spec)
{
    const wrrfig_plugin *p = fh_plugin(f, plugin);
    assert_non_null(p);
    fh_spec(f, spec);
    return kind ? fh_kind(f, p, kind) : fh_figure(f, p, id);
}

/* Whether a note of the last build starts with want. */
static bool has_note(const fh_host *f, const char *want)
{
    for (size_t i = 0; i < fh_notes(f); i++)
        if (strncmp(fh_note(f, i), want, strlen(want)) == 0)
            return true;
    return false;
}

typedef struct lang_note {
    const char *plugin, *id, *kind;
    const char *note[2]; /* a note it must have: nl, en */
} lang_note;

/* The notes the hhi and immigration plugins chose in C by language before
 * come from the spec, in the output language, their numbers filled in. */
static void test_hhi_and_immigration_notes_follow_lang(void **state)
{
    (void)state;
    static const lang_note NOTES[] = {
        {"immigration", "fig-2-1", NULL,
         {"Lineaire trend (kleinste kwadraten over 1950-2018): 1976,9 personen per jaar erbij.",
          "Linear trend (least squares over 1950-2018): 1976.9 persons more per year."}},
        {"immigration", "fig-2-7", NULL,
         {"De periode van het rapport begint in 1946; de gegevens beginnen in 1950, en de figuur dus ook.",
          "The report's period starts in 1946; the data start in 1950, so the figure starts there."}},
        {"immigration", "fig-2-8", NULL,
         {"De periode van het rapport begint in 1946; de gegevens beginnen in 1950",
          "The report's period starts in 1946; the data start in 1950"}},
        {"hhi", "fig-2-14", "hhi.area-map",
         {"Indeling: 7 herkomstgroepen: Nederlands, westers, Marokkaans",
          "Grouping: 7 origin groups: Dutch, western, Moroccan"}},
        {"hhi", "fig-2-15", "hhi.area-map",
         {"Indeling: 3 herkomstgroepen: Nederlands, westers, niet-westers",
          "Grouping: 3 origin groups: Dutch, western, non-western"}},
        /* the notes that were English in C, whatever the language */
        {"hhi", "fig-2-14", "hhi.area-map",
         {"Koppeling van de gegevens (388 gebieden) aan de grenzen geo/gemeente_2017 (388 gebieden) op de "
          "CBS-code: 388 gekoppeld",
          "Join of the data (388 areas) with the boundaries geo/gemeente_2017 (388 areas) on the CBS code: 388 "
          "matched"}},
        {"hhi", "fig-2-14", "hhi.area-map",
         {"Alle gebieden samen, zelfde gegevens en indeling: index van de samengevoegde aandelen 0,386 (gewone HHI "
          "0,614); gemiddelde van de 388 gebiedswaarden 0,256 ongewogen, 0,364 gewogen naar inwonertal (de 0,38 ",
          "All areas together, same data and grouping: index of the pooled shares 0.386 (textbook HHI 0.614); mean "
          "of the 388 area values 0.256 unweighted, 0.364 weighted by population (the report's 0.38 "}},
        {"hhi", "fig-2-14", "hhi.area-map",
         {"Getoonde index: 1 - som van de gekwadrateerde groepsaandelen (de 'hhi' van het rapport, Gini-Simpson)",
          "Index shown: 1 - sum of squared group shares (the report's \"hhi\", Gini-Simpson)"}},
        {"hhi", "fig-2-14", "hhi.area-map",
         {"Aandelen uit de hele percentages van CBS: Nederlandse achtergrond = 100 - westers - niet-westers; de vijf "
          "niet-westerse subgroepen",
          "Shares from CBS whole percentages: Dutch background = 100 - western - non-western; the five non-western "
          "subgroups"}},
        {"hhi", "fig-2-15-2017", "hhi.area-map",
         {"Niet-westerse subgroepen alle geheimgehouden (0), niet-westerse inwoners als één groep gehouden (in de "
          "kolom 'other non-western') (1): WK051843",
          "Non-western subgroups all suppressed (0), non-western residents kept as one group (in the column 'other "
          "non-western') (1): WK051843"}},
        {"hhi", "fig-2-15-2017", "hhi.area-map",
         {"Gebieden op de kaart zonder waarde (geen gegevens of geen inwoners), grijs getekend: 1",
          "Areas on the map without a value (no data, or no inhabitants), drawn grey: 1"}},
        {"hhi", "fig-2-15", "hhi.area-map",
         {"GM0518 als geheel, zelfde gegevens en indeling: 0,630", "GM0518 as a whole, same data and grouping: 0.630"}},
        {"hhi", "hhi-wijk-amsterdam-2019", "hhi.area-map",
         {"In de gegevens maar niet in de grenzen (2): WK036335, WK036363",
          "In the data but not in the boundaries (2): WK036335, WK036363"}},
        {"hhi", "hhi-granularity", "hhi.granularity",
         {"Geen van deze indelingen is die van het rapport (18 geolinguïstische groepen)",
          "None of these is the report's grouping (18 geolinguistic groups)"}},
        {"typology", "fig-3-13", "typology.examples-map",
         {"Den Haag heet ''s-Gravenhage' in de grenzen (GM0518).",
          "Den Haag is named ''s-Gravenhage' in the boundaries (GM0518)."}},
        {"typology", "fig-3-13", "typology.examples-map",
         {"Gekleurd: de 30 voorbeeldgemeenten die kader 2.3 noemt bij de typen van de legenda",
          "Coloured: the 30 example municipalities Kader 2.3 names for the legend's types"}},
        {"cohorts", "tab-2-1", NULL,
         {"Rij 'Voorsteden', cohort 2006-2010 telt op tot 100,3, niet tot 100 binnen de afronding van de afgedrukte "
          "waarden (+/- 0,15).",
          "Row 'Voorsteden', cohort 2006-2010 sums to 100.3, not 100 within the rounding of the printed values "
          "(+/- 0.15)."}},
        {"hhi", "hhi-granularity", "hhi.granularity",
         {"landniveau: Nederlands, elk land", "country level: Dutch, every country"}},
        {"hhi", "hhi-granularity", "hhi.granularity",
         {"3 herkomstgroepen: Nederlands", "3 origin groups: Dutch"}},
    };
    for (size_t i = 0; i < sizeof NOTES / sizeof NOTES[0]; i++)
        for (int en = 0; en < 2; en++) {
            const lang_note *n = &NOTES[i];
            fh_host *f = fh_new(WF_DATA);
            fh_lang(f, en ? "en" : "nl");
            char *spec = spec_of(n->id, false);
            wrrfig_status st = build_spec(f, n->plugin, n->id, n->kind, spec);
            if (st != WRRFIG_OK)
                fail_msg("%s (%s): status %d: %s", n->id, en ? "en" : "nl", st, fh_message(f));
            if (!has_note(f, n->note[en]))
                fail_msg("%s (%s): no note starting '%s'", n->id, en ? "en" : "nl", n->note[en]);
            /* and not the other language's */
            assert_false(has_note(f, n->note[!en]));
            free(spec);
            fh_free(f);
        }
    /* The legend of a map is in the spec's decimal mark. */
    for (int en = 0; en < 2; en++) {
        fh_host *f = fh_new(WF_DATA);
        fh_lang(f, en ? "en" : "nl");
        char *spec = spec_of("fig-2-14", false);
        assert_int_equal(build_spec(f, "hhi", "fig-2-14", "hhi.area-map", spec), WRRFIG_OK);
        assert_contains(fh_script(f), en ? "title '0.48 or more'" : "title '0,48 of meer'");
        free(spec);
        fh_free(f);
    }
}

typedef struct missing_text {
    const char *plugin, *id, *kind;
    const char *path; /* removed from the shipped spec */
} missing_text;

/* A spec that lacks one of these texts fails the figure with a message
 * naming the text's JSON path in the spec, in either language: no default
 * in C stands in for it. */
static void test_missing_text_names_its_path(void **state)
{
    (void)state;
    static const missing_text MISSING[] = {
        {"immigration", "fig-2-1", NULL, "text.trend"},
        {"immigration", "fig-2-1", NULL, "text.decimal_mark"},
        {"immigration", "fig-2-7", NULL, "text.period_starts_later"},
        {"immigration", "fig-2-8", NULL, "text.period_ends_earlier"},
        {"immigration", "fig-2-2", NULL, "series.1.label"},
        {"hhi", "fig-2-14", "hhi.area-map", "text.grouping.7"},
        {"hhi", "fig-2-14", "hhi.area-map", "text.decimal_mark"},
        {"hhi", "fig-2-15", "hhi.area-map", "text.grouping.3"},
        {"hhi", "hhi-granularity", "hhi.granularity", "text.grouping.country"},
        {"hhi", "hhi-granularity", "hhi.granularity", "text.decimal_mark"},
        {"hhi", "fig-2-14", "hhi.area-map", "text.join"},
        {"hhi", "fig-2-14", "hhi.area-map", "text.only_data"},
        {"hhi", "fig-2-14", "hhi.area-map", "text.only_boundaries"},
        {"hhi", "fig-2-14", "hhi.area-map", "text.codes_more"},
        {"hhi", "fig-2-14", "hhi.area-map", "text.index_shown"},
        {"hhi", "fig-2-14", "hhi.area-map", "text.no_value"},
        {"hhi", "fig-2-14", "hhi.area-map", "text.grouping_is"},
        {"hhi", "fig-2-14", "hhi.area-map", "text.shares_pct"},
        {"hhi", "fig-2-14", "hhi.area-map", "text.shares_pct_scaled"},
        {"hhi", "fig-2-14", "hhi.area-map", "text.nw_unsplit"},
        {"hhi", "fig-2-14", "hhi.area-map", "text.national"},
        {"hhi", "fig-2-15-2017", "hhi.area-map", "text.nw_unsplit"},
        {"hhi", "fig-2-14-report", "hhi.area-map", "text.grouping_table"},
        {"hhi", "fig-2-14-report", "hhi.area-map", "text.national"},
        {"hhi", "fig-2-15-report", "hhi.area-map", "text.join"},
        {"hhi", "fig-2-15", "hhi.area-map", "text.whole"},
        {"hhi", "fig-2-15", "hhi.area-map", "text.whole_absent"},
        {"hhi", "hhi-wijk-amsterdam-2019", "hhi.area-map", "text.whole"},
        {"hhi", "hhi-wijk-amsterdam-2019", "hhi.area-map", "text.no_value"},
        {"hhi", "hhi-granularity", "hhi.granularity", "text.not_report_grouping"},
        {"typology", "fig-3-13", "typology.examples-map", "text.not_in_boundaries"},
        {"typology", "fig-3-13", "typology.examples-map", "text.renamed"},
        {"typology", "fig-3-13", "typology.examples-map", "text.two_types"},
        {"typology", "fig-3-13", "typology.examples-map", "text.coloured"},
        {"cohorts", "tab-2-1", NULL, "text.row_sum"},
        {"cohorts", "tab-2-1", NULL, "text.decimal_mark"},
        {"origin", "fig-1-3", NULL, "text.generations_differ"},
        {"origin", "fig-1-3", NULL, "legend.first"},
        {"origin", "fig-1-3", NULL, "legend.unknown"},
        {"origin", "fig-2-6", NULL, "text.groups_sum_differ"},
        {"origin", "fig-1-2", NULL, "text.panel_sum_differ"},
    };
    for (size_t i = 0; i < sizeof MISSING / sizeof MISSING[0]; i++)
        for (int en = 0; en < 2; en++) {
            const missing_text *m = &MISSING[i];
            fh_host *f = fh_new(WF_DATA);
            fh_lang(f, en ? "en" : "nl");
            /* fig-2-2 has no data shipped: two origins of a SYNTHETIC table */
            fh_table(f, "cbs/migratie_herkomst",
                     "Herkomst,Onderwerp,Perioden,value\nTurkije,Immigratie,2017JJ00,100\n"
                     "Turkije,Immigratie,2018JJ00,110\nMarokko,Immigratie,2018JJ00,90\n",
                     "SYNTHETIC TEST FIXTURE");
            char *spec = spec_without(m->id, m->path);
            wrrfig_status st = build_spec(f, m->plugin, m->id, m->kind, spec);
            if (st != WRRFIG_ERROR)
                fail_msg("%s without %s (%s): status %d, expected an error", m->id, m->path, en ? "en" : "nl", st);
            char want[160];
            snprintf(want, sizeof want, "spec %s.json: $.%s: no text at '%s'", m->id, m->path, m->path);
            assert_contains(fh_message(f), want);
            assert_int_equal(fh_notes(f), 0); /* it failed before writing a note */
            free(spec);
            fh_free(f);
        }
}

/* The origin plugin's check that the groups add up to CBS' total writes
 * its note from the spec, in the output language (it was Dutch C text). A
 * SYNTHETIC 37296ned whose six groups of fig-2-6 sum to 600 against a
 * total of 700. */
static void test_origin_sum_note_follows_lang(void **state)
{
    (void)state;
    static const char *const want[2] = {"1 januari 2018: de groepen tellen op tot 600, CBS' totaal met "
                                        "migratieachtergrond is 700.",
                                        "1 January 2018: the groups add up to 600, CBS' total with a migration "
                                        "background is 700."};
    static const char *const codes[] = {"Turkije_38", "Marokko_35", "Suriname_37", "VoormaligNedAntillenAruba_36",
                                        "OverigNietWesters_39", "TotaalWesterseMigratieachtergrond_30"};
    char csv[2048];
    size_t o = (size_t)snprintf(csv, sizeof csv, "Perioden,Onderwerp,value\n");
    for (int y = 0; y < 2; y++) {
        const char *yr = y ? "2018JJ00" : "1998JJ00";
        o += (size_t)snprintf(csv + o, sizeof csv - o, "%s,PersoonMetEenMigratieachtergrond_28,%d\n", yr,
                              y ? 700 : 600);
        for (size_t g = 0; g < sizeof codes / sizeof *codes; g++)
            o += (size_t)snprintf(csv + o, sizeof csv - o, "%s,%s,100\n", yr, codes[g]);
    }
    for (int en = 0; en < 2; en++) {
        fh_host *f = fh_new(NULL);
        fh_lang(f, en ? "en" : "nl");
        fh_table(f, "cbs/37296ned", csv, "SYNTHETIC TEST FIXTURE");
        char *spec = spec_of("fig-2-6", false);
        wrrfig_status st = build_spec(f, "origin", "fig-2-6", NULL, spec);
        if (st != WRRFIG_OK)
            fail_msg("fig-2-6 (%s): status %d: %s", en ? "en" : "nl", st, fh_message(f));
        if (!has_note(f, want[en]))
            fail_msg("fig-2-6 (%s): no note '%s' (%zu notes)", en ? "en" : "nl", want[en], fh_notes(f));
        assert_false(has_note(f, want[!en]));
        assert_false(has_note(f, "1 januari 1998")); /* 1998 adds up */
        free(spec);
        fh_free(f);
    }
}

/* The spec of id with the member at the dotted path (of an object) set to
 * the string value. Returns a string to free. */
static char *spec_with(const char *id, const char *path, const char *value)
{
    char *json = tu_readf("%s/%s.json", WF_FIGURES, id);
    cJSON *root = cJSON_Parse(json);
    free(json);
    assert_non_null(root);
    char buf[128];
    snprintf(buf, sizeof buf, "%s", path);
    cJSON *cur = root;
    char *last = buf, *dot;
    while ((dot = strchr(last, '.'))) {
        *dot = '\0';
        cur = cJSON_GetObjectItemCaseSensitive(cur, last);
        assert_non_null(cur);
        last = dot + 1;
    }
    assert_true(cJSON_ReplaceItemInObjectCaseSensitive(cur, last, cJSON_CreateString(value)));
    char *s = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return s;
}

/* The notes that fire only on unusual inputs come from the spec too, in
 * the output language: a whole area not in the table (fig-2-15), code lists
 * longer than 25 ("and 363 more": fig-2-14's municipalities against the
 * wijk boundaries of Amsterdam, which fails the map after the join notes),
 * and a municipality listed under two types (fig-3-13, a SYNTHETIC
 * examples table on the typology fixture). */
static void test_rare_notes_follow_lang(void **state)
{
    (void)state;
    static const char *const absent[2] = {"GM9999 als geheel: niet in hhi/kwb2019_denhaag",
                                          "GM9999 as a whole: not in hhi/kwb2019_denhaag"};
    static const char *const more[2] = {"In de gegevens maar niet in de grenzen (388): ",
                                        "In the data but not in the boundaries (388): "};
    static const char *const more_tail[2] = {" en nog 363", " and 363 more"};
    static const char *const two[2] = {"Alfadorp is een voorbeeld van twee typen; getekend als het eerste.",
                                       "Alfadorp is an example of two types; drawn as the first."};
    for (int en = 0; en < 2; en++) {
        const char *lang = en ? "en" : "nl";
        fh_host *f = fh_new(WF_DATA);
        fh_lang(f, lang);
        char *spec = spec_with("fig-2-15", "params.whole", "GM9999");
        wrrfig_status st = build_spec(f, "hhi", "fig-2-15", "hhi.area-map", spec);
        if (st != WRRFIG_OK)
            fail_msg("fig-2-15 (%s): status %d: %s", lang, st, fh_message(f));
        if (!has_note(f, absent[en]))
            fail_msg("fig-2-15 (%s): no note '%s'", lang, absent[en]);
        assert_false(has_note(f, absent[!en]));
        free(spec);

        spec = spec_with("fig-2-14", "inputs.boundaries", "geo/wijk_2016_amsterdam");
        assert_int_equal(build_spec(f, "hhi", "fig-2-14", "hhi.area-map", spec), WRRFIG_ERROR);
        const char *list = NULL;
        for (size_t i = 0; i < fh_notes(f); i++)
            if (strncmp(fh_note(f, i), more[en], strlen(more[en])) == 0)
                list = fh_note(f, i);
        if (!list)
            fail_msg("fig-2-14 on wijk boundaries (%s): no note '%s'", lang, more[en]);
        size_t n = strlen(list), k = strlen(more_tail[en]);
        assert_true(n > k && strcmp(list + n - k, more_tail[en]) == 0);
        assert_false(has_note(f, more[!en]));
        free(spec);
        fh_free(f);

        f = fh_new(WF_FIXTURES "/typology/data");
        fh_lang(f, lang);
        fh_table(f, "report/kader-2-3", "type,gemeente,statcode_2015\nexpat,Alfadorp,GM9101\ngrens,Alfadorp,GM9101\n",
                 "SYNTHETIC TEST FIXTURE");
        spec = spec_of("fig-3-13", false);
        st = build_spec(f, "typology", "fig-3-13", "typology.examples-map", spec);
        if (st != WRRFIG_OK)
            fail_msg("fig-3-13 (%s): status %d: %s", lang, st, fh_message(f));
        if (!has_note(f, two[en]))
            fail_msg("fig-3-13 (%s): no note '%s'", lang, two[en]);
        assert_false(has_note(f, two[!en]));
        free(spec);
        fh_free(f);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec_without_text_fails_the_figure),
        cmocka_unit_test(test_note_in_output_language),
        cmocka_unit_test(test_hhi_and_immigration_notes_follow_lang),
        cmocka_unit_test(test_missing_text_names_its_path),
        cmocka_unit_test(test_origin_sum_note_follows_lang),
        cmocka_unit_test(test_rare_notes_follow_lang),
    };
    return cmocka_run_group_tests_name("spec text required", tests, NULL, NULL);
}
