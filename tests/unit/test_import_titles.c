/* Selecting by CBS title (import/titles.c), reading v4 Observations
 * (import/v4obs.c), and the CBS ids a needs text names (import/fetchable.c).
 * The metadata here is CONSTRUCTED in the shapes CBS documents; no number
 * or title is data. */
#include "testutil.h"

#include "import/fetchable.h"
#include "import/mapping.h"
#include "import/titles.h"
#include "import/v4obs.h"

static cJSON *parse(const char *s)
{
    cJSON *j = cJSON_Parse(s);
    assert_non_null(j);
    return j;
}

/* v3 DataProperties: a TopicGroup shares its title with a topic (as CBS
 * tables do: "Werkzame beroepsbevolking" holds "Werkzame beroepsbevolking");
 * two topics share "Werknemer". */
static const char *PROPS =
    "{\"value\": ["
    "{\"Key\": \"Geslacht\", \"Type\": \"Dimension\", \"Title\": \"Geslacht\"},"
    "{\"Key\": \"Perioden\", \"Type\": \"TimeDimension\", \"Title\": \"Perioden\"},"
    "{\"Key\": \"RegioS\", \"Type\": \"GeoDimension\", \"Title\": \"Regio's  \"},"
    "{\"Key\": \"WerkzameBeroepsbevolking\", \"Type\": \"TopicGroup\", \"Title\": \"Werkzame beroepsbevolking\"},"
    "{\"Key\": \"WerkzameBeroepsbevolking_2\", \"Type\": \"Topic\", \"Title\": \"Werkzame beroepsbevolking\"},"
    "{\"Key\": \"Werknemer_3\", \"Type\": \"Topic\", \"Title\": \"Werknemer\"},"
    "{\"Key\": \"Werknemer_9\", \"Type\": \"Topic\", \"Title\": \"Werknemer\"}"
    "]}";

static void test_found_exact_and_trimmed(void **state)
{
    (void)state;
    cJSON *p = parse(PROPS);
    imp_titled dims;
    imp_titled_from(p, "Key", "Type", "Dimension", &dims);
    assert_int_equal(dims.n, 3);
    const char *key = NULL;
    assert_int_equal(imp_titled_find(&dims, "Perioden", &key, NULL), 0);
    assert_string_equal(key, "Perioden");
    /* trailing blanks on either side are CBS padding, not a difference */
    assert_int_equal(imp_titled_find(&dims, "Regio's", &key, NULL), 0);
    assert_string_equal(key, "RegioS");
    assert_int_equal(imp_titled_find(&dims, "Regio's   ", &key, NULL), 0);
    imp_titled_free(&dims);
    cJSON_Delete(p);
}

static void test_not_found_is_never_a_near_match(void **state)
{
    (void)state;
    cJSON *p = parse(PROPS);
    imp_titled dims;
    imp_titled_from(p, "Key", "Type", "Dimension", &dims);
    const char *key = "untouched";
    strbuf why = STRBUF_INIT;
    /* case, a leading blank, a prefix and a one-letter typo all miss */
    assert_int_equal(imp_titled_find(&dims, "perioden", &key, NULL), 1);
    assert_int_equal(imp_titled_find(&dims, " Perioden", &key, NULL), 1);
    assert_int_equal(imp_titled_find(&dims, "Periode", &key, NULL), 1);
    assert_int_equal(imp_titled_find(&dims, "Geslacth", &key, &why), 1);
    assert_string_equal(key, "untouched");
    assert_contains(why.s, "3 titles: 'Geslacht', 'Perioden', 'Regio's'");
    sb_free(&why);
    imp_titled_free(&dims);
    cJSON_Delete(p);
}

static void test_ambiguous_title_is_refused(void **state)
{
    (void)state;
    cJSON *p = parse(PROPS);
    imp_titled topics;
    imp_titled_from(p, "Key", "Type", "Topic", &topics); /* also matches TopicGroup entries */
    const char *key = NULL;
    strbuf why = STRBUF_INIT;
    assert_int_equal(imp_titled_find(&topics, "Werknemer", &key, &why), 2);
    assert_string_equal(why.s, "Werknemer_3, Werknemer_9");
    sb_free(&why);
    /* a group and a topic of one title: ambiguous in the raw list ... */
    assert_int_equal(imp_titled_find(&topics, "Werkzame beroepsbevolking", &key, NULL), 2);
    imp_titled_free(&topics);
    cJSON_Delete(p);
}

/* v4 Observations: nulls with ValueAttribute symbols, keys with trailing
 * spaces, a Value absent from one record. */
static void test_v4_observations(void **state)
{
    (void)state;
    cJSON *d = parse("{\"value\": ["
                     "{\"Id\": 0, \"Measure\": \"M000352\", \"ValueAttribute\": \"None\", \"Value\": 17.25,"
                     " \"RegioS\": \"GM0363    \", \"Perioden\": \"2019JJ00\"},"
                     "{\"Id\": 1, \"Measure\": \"M000352\", \"ValueAttribute\": \"Impossible\", \"Value\": null,"
                     " \"RegioS\": \"GM0518    \", \"Perioden\": \"2019JJ00\"},"
                     "{\"Id\": 2, \"Measure\": \"M000353\", \"ValueAttribute\": \"Confidential\", \"Value\": null,"
                     " \"RegioS\": \"GM0518\", \"Perioden\": \"2019JJ00\"},"
                     "{\"Id\": 3, \"Measure\": \"M000353\", \"ValueAttribute\": \"Missing\", \"Value\": null,"
                     " \"RegioS\": \"GM0363\", \"Perioden\": \"2019JJ00\"},"
                     "{\"Id\": 4, \"Measure\": \"M000353\", \"ValueAttribute\": \"None\", \"Value\": -3,"
                     " \"RegioS\": \"GM0599\", \"Perioden\": \"2019JJ00\"}"
                     "]}");
    csv_doc *doc = NULL;
    wf_error err = {{0}};
    assert_int_equal(v4_observations_to_doc(d, "obs.json", &doc, &err), 0);
    assert_int_equal(doc->n_rows, 6);
    /* the header drops ValueAttribute (folded into Value) */
    assert_int_equal(doc->rows[0].n, 5);
    assert_int_equal(csv_header_index(doc, "ValueAttribute"), -1);
    int v = csv_header_index(doc, "Value"), r = csv_header_index(doc, "RegioS");
    assert_true(v >= 0 && r >= 0);
    assert_string_equal(doc->rows[1].f[v], "17.25");
    assert_string_equal(doc->rows[1].f[r], "GM0363"); /* padding trimmed */
    assert_string_equal(doc->rows[2].f[v], "");      /* Impossible: cannot occur */
    assert_string_equal(doc->rows[3].f[v], "x");     /* Confidential: secret */
    assert_string_equal(doc->rows[4].f[v], ".");     /* any other attribute: not available */
    assert_string_equal(doc->rows[5].f[v], "-3");
    csv_free(doc);
    cJSON_Delete(d);
    /* a record with a member the first lacks, and a string Value, are errors */
    d = parse("{\"value\": [{\"Measure\": \"M1\", \"Value\": 1, \"A\": \"a\"},"
              "{\"Measure\": \"M1\", \"Value\": 2, \"A\": \"b\", \"B\": \"c\"}]}");
    assert_int_equal(v4_observations_to_doc(d, "obs.json", &doc, &err), -1);
    assert_contains(err.msg, "obs.json: $.value[1]");
    cJSON_Delete(d);
    d = parse("{\"value\": [{\"Measure\": \"M1\", \"Value\": \"12\", \"A\": \"a\"}]}");
    assert_int_equal(v4_observations_to_doc(d, "obs.json", &doc, &err), -1);
    assert_contains(err.msg, "$.value[0].Value: expected a number or null");
    cJSON_Delete(d);
    d = parse("{\"value\": [{\"Id\": 0, \"Value\": 1}]}");
    assert_int_equal(v4_observations_to_doc(d, "obs.json", &doc, &err), -1);
    assert_contains(err.msg, "Measure: missing");
    cJSON_Delete(d);
}

static void test_cbs_ids_in_needs(void **state)
{
    (void)state;
    char ids[8][16];
    size_t n = imp_cbs_ids_in("CBS 82809NED (Arbeidsdeelname): 2019KW04, 10,746,180 persons; StatLine 03742 "
                              "and 82809 again, 1996-2018, 84910ned.",
                              ids, 8);
    assert_int_equal(n, 3); /* "82809" is the same table as "82809NED"; numbers with , or . are not ids */
    assert_string_equal(ids[0], "82809NED");
    assert_string_equal(ids[1], "03742");
    assert_string_equal(ids[2], "84910ned");
    assert_int_equal(imp_cbs_ids_in("no table, only 2019 and 12.34567", ids, 8), 0);
    n = imp_cbs_ids_in("84910ned then 70067ned", ids, 8);
    assert_int_equal(n, 2);
    assert_string_equal(ids[1], "70067ned");
}

/* Loads a mapping whose body is {BASE, extra}: 0, or -1 with msg set. */
static int load_mapping(const char *input, const char *extra, char *msg, size_t n)
{
    char *dir = tu_tempdir("titlemap");
    char path[600];
    snprintf(path, sizeof path, "%s/m.json", dir);
    strbuf b = STRBUF_INIT;
    sb_printf(&b, "{\"table\": \"t/x\", \"title\": \"CONSTRUCTED\", \"source\": \"test\", \"licence\": \"none\", "
                  "\"input\": %s, %s}", input, extra);
    tu_write(path, b.s);
    sb_free(&b);
    imp_mapping *m = NULL;
    wf_error err = {{0}};
    int rc = imp_mapping_load(path, &m, &err);
    snprintf(msg, n, "%s", rc == 0 ? "" : err.msg);
    imp_mapping_free(m);
    tu_rmrf(dir);
    free(dir);
    return rc;
}

#define V3 "{\"format\": \"odata-json\", \"file\": \"snapshots/T1/*/TypedDataSet.json\", " \
           "\"properties\": \"snapshots/T1/*/DataProperties.json\"}"
#define CSV "{\"format\": \"csv\", \"file\": \"x.csv\"}"

static void test_mapping_declarations(void **state)
{
    (void)state;
    char msg[1024];
    const char *melt = "\"melt\": {\"dimension\": \"O\", \"columns\": [{\"title\": \"Immigratie\", \"code\": \"Imm\"}]}";
    char body[1024];
    snprintf(body, sizeof body, "\"dimensions\": [{\"title\": \"Perioden\", \"name\": \"P\"}], %s", melt);
    assert_int_equal(load_mapping(V3, body, msg, sizeof msg), 0);
    /* titles need the metadata of a snapshot */
    assert_int_equal(load_mapping(CSV, body, msg, sizeof msg), -1);
    assert_contains(msg, "$.input.format: selecting by title needs the table's metadata");
    /* a dimension by title needs its output name; a topic by title its code */
    snprintf(body, sizeof body, "\"dimensions\": [{\"title\": \"Perioden\"}], %s", melt);
    assert_int_equal(load_mapping(V3, body, msg, sizeof msg), -1);
    assert_contains(msg, "$.dimensions[0].name: missing (a dimension selected by title needs its output name)");
    assert_int_equal(load_mapping(V3, "\"dimensions\": [{\"column\": \"P\"}], \"melt\": {\"dimension\": \"O\", "
                                      "\"columns\": [{\"title\": \"Immigratie\"}]}", msg, sizeof msg), -1);
    assert_contains(msg, "$.melt.columns[0].code: missing");
    assert_int_equal(load_mapping(V3, "\"dimensions\": [{\"column\": \"P\", \"title\": \"P\", \"name\": \"P\"}], "
                                      "\"value\": {\"column\": \"V\"}", msg, sizeof msg), -1);
    assert_contains(msg, "expected exactly one of 'column', 'title' or 'constant'");
    assert_int_equal(load_mapping(V3, "\"dimensions\": [{\"column\": \"P\", \"keep\": [\"a\"], "
                                      "\"keep_titles\": {\"A\": \"a\"}}], \"value\": {\"column\": \"V\"}", msg, sizeof msg), -1);
    assert_contains(msg, "$.dimensions[0].keep_titles: excludes 'keep'");
    /* unverified needs written_from; classification is one of two */
    assert_int_equal(load_mapping(V3, "\"unverified\": true, \"dimensions\": [{\"column\": \"P\"}], "
                                      "\"value\": {\"column\": \"V\"}", msg, sizeof msg), -1);
    assert_contains(msg, "$.written_from: missing");
    assert_int_equal(load_mapping(V3, "\"classification\": \"allochtoon\", \"dimensions\": [{\"column\": \"P\"}], "
                                      "\"value\": {\"column\": \"V\"}", msg, sizeof msg), -1);
    assert_contains(msg, "$.classification: 'allochtoon' (expected migratieachtergrond or herkomst)");
    /* a crosswalk names a file in data/crosswalks/, an output dimension, and needs a classification */
    assert_int_equal(load_mapping(V3, "\"classification\": \"herkomst\", \"crosswalk\": {\"file\": \"../x.json\", "
                                      "\"dimension\": \"P\"}, \"dimensions\": [{\"column\": \"P\"}], "
                                      "\"value\": {\"column\": \"V\"}", msg, sizeof msg), -1);
    assert_contains(msg, "$.crosswalk.file: '../x.json' (expected a file name in data/crosswalks/)");
    assert_int_equal(load_mapping(V3, "\"classification\": \"herkomst\", \"crosswalk\": {\"file\": \"x.json\", "
                                      "\"dimension\": \"Q\"}, \"dimensions\": [{\"column\": \"P\"}], "
                                      "\"value\": {\"column\": \"V\"}", msg, sizeof msg), -1);
    assert_contains(msg, "$.crosswalk.dimension: 'Q' is not an output dimension");
    assert_int_equal(load_mapping(V3, "\"crosswalk\": {\"file\": \"x.json\", \"dimension\": \"P\"}, "
                                      "\"dimensions\": [{\"column\": \"P\"}], \"value\": {\"column\": \"V\"}", msg,
                                  sizeof msg), -1);
    assert_contains(msg, "$.classification: missing (a crosswalk recodes");
    /* the snapshot's table id, and none for a file in the shared data */
    char *dir = tu_tempdir("titlemap2");
    char path[600];
    snprintf(path, sizeof path, "%s/m.json", dir);
    tu_write(path, "{\"table\": \"t/x\", \"title\": \"C\", \"source\": \"s\", \"licence\": \"l\", \"input\": " V3
                   ", \"dimensions\": [{\"column\": \"P\"}], \"value\": {\"column\": \"V\"}}");
    imp_mapping *m = NULL;
    wf_error err = {{0}};
    assert_int_equal(imp_mapping_load(path, &m, &err), 0);
    char id[40];
    assert_non_null(imp_mapping_snapshot_table(m, id, sizeof id));
    assert_string_equal(id, "T1");
    imp_mapping_free(m);
    tu_write(path, "{\"table\": \"t/x\", \"title\": \"C\", \"source\": \"s\", \"licence\": \"l\", \"input\": " CSV
                   ", \"dimensions\": [{\"column\": \"P\"}], \"value\": {\"column\": \"V\"}}");
    assert_int_equal(imp_mapping_load(path, &m, &err), 0);
    assert_null(imp_mapping_snapshot_table(m, id, sizeof id));
    imp_mapping_free(m);
    tu_rmrf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_found_exact_and_trimmed),
        cmocka_unit_test(test_not_found_is_never_a_near_match),
        cmocka_unit_test(test_ambiguous_title_is_refused),
        cmocka_unit_test(test_v4_observations),
        cmocka_unit_test(test_cbs_ids_in_needs),
        cmocka_unit_test(test_mapping_declarations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
