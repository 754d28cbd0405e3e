/* The number scanner: what counts as a number in the report's Dutch, with
 * its hedge and the rounding unit of its stated digits, and the rules that
 * classify numbers that are not claims. Synthetic sentences only. */
#include "testutil.h"

#include "claims/account.h"
#include "claims/scan.h"

typedef struct found {
    scan_number v[32];
    size_t n;
} found;

static void collect(void *user, const scan_number *n)
{
    found *f = user;
    if (f->n < 32)
        f->v[f->n++] = *n;
}

static found scan(const char *text, scan_text *t)
{
    found f = {0};
    scan_flatten(text, strlen(text), t);
    scan_numbers(t, 0, t->len, collect, &f);
    return f;
}

static void test_numerals(void **state)
{
    (void)state;
    scan_text t;
    found f = scan("Vanaf 2010 meer\ndan 150.000 migranten, 15,5 procent en 28% of 1,3 miljoen; 2.1 Kop\n", &t);
    assert_int_equal(f.n, 6);
    assert_string_equal(f.v[0].text, "2010");
    assert_int_equal(f.v[0].line, 1);
    assert_string_equal(f.v[1].text, "150.000");
    assert_double_near(f.v[1].value, 150000, 0);
    assert_string_equal(f.v[1].hedge, "meer dan"); /* across the line break */
    assert_int_equal(f.v[1].line, 2);
    assert_double_near(f.v[2].value, 15.5, 1e-12);
    assert_double_near(f.v[2].unit, 0.1, 1e-12);
    assert_true(f.v[2].percent);
    assert_true(f.v[3].percent);
    assert_double_near(f.v[4].value, 1.3e6, 1e-6);
    assert_double_near(f.v[4].unit, 1e5, 1e-6);
    assert_string_equal(f.v[4].text, "1,3 miljoen");
    assert_double_near(f.v[5].value, 2.1, 1e-12); /* a section number: dotted, not thousands */
    scan_text_free(&t);
    f = scan("een record van 154.200 emigranten", &t);
    assert_double_near(f.v[0].unit, 100, 0); /* stated to the hundred */
    scan_text_free(&t);
}

static void test_words(void **state)
{
    (void)state;
    assert_double_near(scan_number_word("achttien", 8), 18, 0);
    assert_double_near(scan_number_word("tweeëntwintig", strlen("tweeëntwintig")), 22, 0);
    assert_double_near(scan_number_word("eenentwintig", 12), 21, 0);
    assert_double_near(scan_number_word("driehonderd", 11), 300, 0);
    assert_double_near(scan_number_word("tweeduizend", 11), 2000, 0);
    assert_double_near(scan_number_word("één", strlen("één")), 1, 0);
    assert_true(scan_number_word("een", 3) < 0); /* "een" is an article */
    assert_true(scan_number_word("tiental", 7) < 0);
    assert_true(scan_number_word("twee-", 5) < 0);
    scan_text t;
    found f = scan("Ongeveer een derde, bijna vier op de tien, ruim twee keer zo veel, de helft, "
                   "in de tweede helft, een derde land, drieënhalf jaar, verviervoudigd, zo\xE2\x80\x99n vijftien.",
                   &t);
    assert_int_equal(f.n, 7);
    assert_int_equal(f.v[0].form, SCAN_FRACTION);
    assert_double_near(f.v[0].value, 1.0 / 3, 1e-12);
    assert_string_equal(f.v[0].hedge, "ongeveer");
    assert_int_equal(f.v[1].form, SCAN_RATIO);
    assert_double_near(f.v[1].value, 0.4, 1e-12);
    assert_string_equal(f.v[1].hedge, "bijna");
    assert_string_equal(f.v[1].text, "vier op de tien");
    assert_int_equal(f.v[2].form, SCAN_MULTIPLE);
    assert_string_equal(f.v[2].hedge, "ruim");
    assert_string_equal(f.v[3].text, "de helft");
    /* "tweede helft" and "een derde land" are ordinals: not numbers. */
    assert_double_near(f.v[4].value, 3.5, 0);
    assert_int_equal(f.v[5].form, SCAN_MULTIPLE);
    assert_double_near(f.v[5].value, 4, 0);
    assert_string_equal(f.v[6].text, "vijftien");
    assert_string_equal(f.v[6].hedge, "zo'n");
    scan_text_free(&t);
}

static scan_class class_of(const char *text, const char *number)
{
    scan_text t;
    found f = scan(text, &t);
    scan_class c = SCAN_N_CLASS;
    for (size_t i = 0; i < f.n; i++)
        if (!strcmp(f.v[i].text, number))
            c = scan_rule_class(&t, &f.v[i]);
    scan_text_free(&t);
    if (c == SCAN_N_CLASS)
        fail_msg("'%s' not found in: %s", number, text);
    return c;
}

static void test_rules(void **state)
{
    (void)state;
    assert_int_equal(class_of("hoger dan ooit in de afgelopen eeuw.1 Vanaf", "1"), SCAN_FOOTNOTE);
    assert_int_equal(class_of("zoals eerder bleek (Bovens et al. 2016) is", "2016"), SCAN_CITATION_YEAR);
    assert_int_equal(class_of("volgens Jennissen 2011; zie ook", "2011"), SCAN_CITATION_YEAR);
    assert_int_equal(class_of("Zie verder Bovens et al. 2016: 63.", "63"), SCAN_PAGE);
    assert_int_equal(class_of("zie figuur 2.3 en tabel 4", "2.3"), SCAN_FIGURE_REF);
    assert_int_equal(class_of("in de hoofdstukken 3, 6 en 7 beschreven", "7"), SCAN_FIGURE_REF);
    assert_int_equal(class_of("de covid-19-pandemie", "19"), SCAN_NAME);
    assert_int_equal(class_of("1. Meer verscheidenheid naar herkomst", "1"), SCAN_LIST);
    assert_int_equal(class_of("14 Jennissen 2011 Inleiding", "14"), SCAN_FOOTNOTE);
    assert_int_equal(class_of("op 1 januari 2017 gold", "1"), SCAN_DATE);
    assert_int_equal(class_of("de jaren zestig", "zestig"), SCAN_DATE);
    assert_int_equal(class_of("in de jaren vijftig en zestig vertrokken", "zestig"), SCAN_DATE);
    assert_int_equal(class_of("tussen de jaren zestig en zeventig procent", "zeventig"), SCAN_UNACCOUNTED);
    assert_int_equal(class_of("vijftig en zestig migranten", "zestig"), SCAN_UNACCOUNTED);
    assert_int_equal(class_of("het is één van de grootste", "één"), SCAN_NO_QUANTITY);
    assert_int_equal(class_of("tekst\n0\n50\n100\nmeer", "50"), SCAN_FIGURE_TEXT);
    /* The lines of a caption's title after "Figuur N.N" are part of the title ... */
    assert_int_equal(class_of("tekst.\n Figuur 2.5 Samenstelling van de bevolking, Nederland in \n1972, 1995 en 2018\n",
                              "1995"),
                     SCAN_NAME);
    assert_int_equal(class_of(" Figuur 2.1 \nImmigratie naar Nederland, 1946-2018 \nx 1.000\n", "1946"), SCAN_NAME);
    assert_int_equal(class_of("Figuur 3.1 Ontwikkelingen in het probleembesef, de vier \ncategorie\xC3\xABn in 2019,\n"
                              "18 jaar en ouder, 2008-2019*\n",
                              "2008"),
                     SCAN_NAME);
    /* ... but not a note or paragraph below it (it begins with a space), not
     * text after an empty line or a source line, and not the line after a
     * sentence that begins with "Figuur 2.6 geeft". */
    assert_int_equal(class_of("Figuur 2.5 Samenstelling, Nederland in \n1972 en 2018\n van wie 23 procent\n", "23"),
                     SCAN_UNACCOUNTED);
    assert_int_equal(class_of("Figuur 2.3 Immigratie, 2000-2040\n\nIn 2017 kwamen 30.600 asielzoekers\n", "30.600"),
                     SCAN_UNACCOUNTED);
    assert_int_equal(class_of("Figuur 2.3 Immigratie\nBron: CBS\nIn 2017 kwamen 30.600 asielzoekers\n", "30.600"),
                     SCAN_UNACCOUNTED);
    assert_int_equal(class_of("Figuur 2.6 geeft de omvang weer van de \nbevolking in 1998 en 2018, met 1,3 miljoen meer\n",
                              "1,3 miljoen"),
                     SCAN_UNACCOUNTED);
    /* A plain statement of quantity is for a claim, not a rule. */
    assert_int_equal(class_of("In 2017 kwamen 30.600 asielzoekers", "30.600"), SCAN_UNACCOUNTED);
    assert_int_equal(class_of("In 2017 kwamen 30.600 asielzoekers", "2017"), SCAN_UNACCOUNTED);
    assert_int_equal(class_of("ruim twee keer zo verscheiden", "twee keer"), SCAN_UNACCOUNTED);
}

/* Rules for chapters 4, 6 and 8: split footnote numbers, article numbers,
 * years in law names; each with a counterexample that must stay a claim. */
static void test_rules_ch468(void **state)
{
    (void)state;
    assert_int_equal(class_of("tussen groepen optreedt.2 4 Een indicatie", "4"), SCAN_FOOTNOTE);
    assert_int_equal(class_of("aan culturele tradities.12 4\nVolgende", "4"), SCAN_FOOTNOTE);
    assert_int_equal(class_of("experimentele studies.7 7 Een te sterk", "7"), SCAN_FOOTNOTE);
    assert_int_equal(class_of("per huis 2,2 4 Polen erbij", "4"), SCAN_UNACCOUNTED);
    assert_int_equal(class_of("in het jaar.2 4 procent meer", "4"), SCAN_UNACCOUNTED);
    assert_int_equal(class_of("gebonden aan art. 45 van het Verdrag", "45"), SCAN_NAME);
    assert_int_equal(class_of("Volgens artikel 8 van het evrm", "8"), SCAN_NAME);
    assert_int_equal(class_of("bestaan heeft (artikel 21 Vw). Na", "21"), SCAN_NAME);
    assert_int_equal(class_of("en de artikelen 7 en 9 van het Handvest", "9"), SCAN_NAME);
    assert_int_equal(class_of("telt 45 artikelen over 9 thema's", "45"), SCAN_UNACCOUNTED);
    assert_int_equal(class_of("telt 45 artikelen over 9 thema's", "9"), SCAN_UNACCOUNTED);
    assert_int_equal(class_of("opgevolgd door de Wet inburgering 2007, de", "2007"), SCAN_NAME);
    assert_int_equal(class_of("de wet in 2013 gewijzigd", "2013"), SCAN_UNACCOUNTED);
    assert_int_equal(class_of("Voor de wet werd 2013 een keerpunt", "2013"), SCAN_UNACCOUNTED);
}

static void test_exclusions_file(void **state)
{
    (void)state;
    char *dir = tu_tempdir("scanx");
    strbuf p = STRBUF_INIT;
    sb_printf(&p, "%s/x.tsv", dir);
    tu_write(p.s, "# comment\n#! complete: 0 3\n12\tvier\treport-structure\tthe four forms\n13\t2\tbogus\twhy\n"
                  "x\t1\tdate\t\n");
    scan_exclusions x;
    wf_errors e = {0};
    assert_int_equal(scan_exclusions_load(p.s, &x, &e), -1);
    assert_int_equal(e.n, 2);
    assert_contains(e.v[0].msg, "x.tsv:4: unknown class 'bogus'");
    assert_contains(e.v[1].msg, "x.tsv:5: expected line");
    assert_int_equal(x.n, 1);
    assert_int_equal(x.v[0].line, 12);
    assert_int_equal(x.v[0].cls, SCAN_STRUCTURE);
    assert_true(x.complete[0] && x.complete[3] && !x.complete[1]);
    scan_exclusions_free(&x);
    wf_errors_free(&e);
    sb_free(&p);
    tu_rmrf(dir);
    free(dir);
}

/* Accounting: a claim's quote covers its numbers, an exclusion one more, the
 * rest is unaccounted, and an exclusion matching nothing is reported. */
static void test_account(void **state)
{
    (void)state;
    const char *text = "Regel een.\nVanaf 2010 kwamen jaarlijks meer dan 150.000 migranten en vier anderen.\n"
                       "Dit rapport kent twee delen en 17 hoofdstukken.\n";
    claim c;
    memset(&c, 0, sizeof c);
    c.quote_nl = (char *)"Vanaf 2010 kwamen jaarlijks meer dan 150.000 migranten";
    c.line = 2;
    claim_set set = {&c, 1};
    const claim_set *sets[1] = {&set};
    scan_class cls[1] = {SCAN_CLAIM};
    scan_exclusion ev[2] = {{3, (char *)"twee", (char *)"", SCAN_STRUCTURE, false},
                            {3, (char *)"negen", (char *)"", SCAN_STRUCTURE, false}};
    scan_exclusions x = {ev, 2, {false}};
    x.complete[0] = true;
    scan_account a;
    scan_account_run(text, strlen(text), sets, cls, 1, &x, &a);
    assert_int_equal(a.n_numbers, 5);
    assert_int_equal(a.by_class[SCAN_CLAIM], 2);
    assert_int_equal(a.by_class[SCAN_STRUCTURE], 1);
    assert_int_equal(a.by_class[SCAN_UNACCOUNTED], 2);
    strbuf r = STRBUF_INIT;
    assert_int_equal(scan_account_report(&a, &x, false, &r), 3);
    assert_contains(sb_cstr(&r), "UNACCOUNTED 2:");
    assert_contains(sb_cstr(&r), "\tvier\t");
    assert_contains(sb_cstr(&r), "UNACCOUNTED 3:");
    assert_contains(sb_cstr(&r), "UNUSED exclusion (matches no number at that line) 3\tnegen");
    sb_free(&r);
    scan_account_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numerals),   cmocka_unit_test(test_words),   cmocka_unit_test(test_rules), cmocka_unit_test(test_rules_ch468),
        cmocka_unit_test(test_exclusions_file), cmocka_unit_test(test_account),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
