/* Regression tests of issue 14 for single readers: the claim expression
 * parser's depth, text validation at the readers, duplicate JSON keys, the
 * measure worker's answer decoder and terminal-safe echoes. */
#include "testutil.h"

#include "claims/expr.h"
#include "format/jsonfile.h"
#include "util/text.h"
#include "claims/read.h"
#include "figure/gpwrite.h"
#include "app.h"
#include "data/table.h"
#include "format/csv.h"
#include "format/geojson.h"
#include "util/fileio.h"
#include "util/sha256.h"

#include <sys/stat.h>

/* Regression (#1): 100,000 '-' overflowed the stack in factor(). */
static void test_expr_unary_minus_depth(void **state)
{
    (void)state;
    size_t n = 100000;
    char *e = malloc(n + 16);
    memset(e, '-', n);
    strcpy(e + n, "f.x");
    wf_error err;
    assert_int_equal(claims_expr_check(e, 0, &err), -1);
    assert_contains(err.msg, "too many unary minus signs");
    free(e);
    assert_int_equal(claims_expr_check("--f.x", 0, NULL), 0);
    assert_int_equal(claims_expr_check("- -f.x - -2", 0, NULL), 0);
    /* numbers in decimal only (probe 3: strtod read 0x10 as 16) */
    static const char *const hex[] = {"0x10", "f.x * 0X1p4", "1.2.3"};
    for (size_t i = 0; i < sizeof hex / sizeof *hex; i++) {
        assert_int_equal(claims_expr_check(hex[i], 0, &err), -1);
        assert_contains(err.msg, "a number is written in decimal digits");
    }
    assert_int_equal(claims_expr_check("f.x * 1e3 + .5 - 12.25 / 2E-2", 0, NULL), 0);
}

static void test_text_check(void **state)
{
    (void)state;
    wf_error err;
    assert_int_equal(text_check("t", "a,b\n'sch\xc3\xa9\n", 10, &err), 0);
    assert_int_equal(text_check("t", "a\nb\0c", 5, &err), -1);
    assert_string_equal(err.msg, "t:2:2: contains a NUL byte: not a text file");
    assert_int_equal(text_check("t", "ab\x1b[2J", 6, &err), -1);
    assert_string_equal(err.msg, "t:1:3: control character U+001B: not allowed in text");
    assert_int_equal(text_check("t", "\xc3\xa9\xff", 3, &err), -1);
    assert_string_equal(err.msg, "t:1:2: invalid UTF-8 (byte 0xFF)");
    assert_int_equal(text_check("t", "\xed\xa0\x80", 3, &err), -1); /* a surrogate */
    assert_int_equal(text_check("t", "\xc0\xaf", 2, &err), -1);     /* overlong */
    assert_int_equal(text_check("t", "\xef\xbb\xbf" "a\tb\r\n", 8, &err), 0); /* BOM, tab, CRLF */
    /* C1 controls (U+009B: a one-character CSI to some terminals) */
    assert_int_equal(text_check("t", "x\n\xc3\xa9\xc2\x9b", 6, &err), -1);
    assert_string_equal(err.msg, "t:2:2: control character U+009B: not allowed in text");
    assert_false(text_valid("a\xc2\x85"));
    assert_true(text_valid("a\xc2\xa0\xc3\xa9")); /* U+00A0 and U+00E9 are text */
}

/* Regression (#13, #12): duplicate keys (cJSON keeps the first) and control
 * characters reached through escapes. */
static void test_json_duplicates_and_escapes(void **state)
{
    (void)state;
    cJSON *j = NULL;
    wf_error err;
    const char *dup = "{\"a\": 1, \"b\": {\"c\": 1, \"c\": 2}}";
    assert_int_equal(json_parse(dup, strlen(dup), "f.json", &j, &err), -1);
    assert_string_equal(err.msg, "f.json: $.b.c: duplicate key");
    const char *esc = "{\"t\": [\"ok\", \"bell\\u0007\"]}";
    assert_int_equal(json_parse(esc, strlen(esc), "f.json", &j, &err), -1);
    assert_contains(err.msg, "$.t[1]: control character");
    const char *sur = "{\"t\": \"\\ud800\"}";
    assert_int_equal(json_parse(sur, strlen(sur), "f.json", &j, &err), -1);
    const char *good = "{\"t\": \"'s-Gravenhage \\u00e9\", \"u\": [1, 2]}";
    assert_int_equal(json_parse(good, strlen(good), "f.json", &j, &err), 0);
    cJSON_Delete(j);
}

static void test_terminal_echo(void **state)
{
    (void)state;
    char out[64];
    text_for_terminal("ab\x1b[2Jc\xff\n", out, sizeof out);
    assert_string_equal(out, "ab\\x1B[2Jc\\xFF\\x0A");
    text_for_terminal("caf\xc3\xa9", out, sizeof out);
    assert_string_equal(out, "caf\xc3\xa9");
    /* C1 controls: U+009B is a one-character CSI to some terminals */
    text_for_terminal("a\xc2\x9b" "2J\xc2\x85\xc2\xa0z", out, sizeof out);
    assert_string_equal(out, "a\\xC2\\x9B2J\\xC2\\x85\xc2\xa0z"); /* U+00A0 is text */
    /* a C1 pair is never cut in half at the end of the buffer */
    char small[9];
    text_for_terminal("abc\xc2\x9b", small, sizeof small);
    assert_string_equal(small, "abc");
    /* text_print_safe, as the import, fetch, refresh and import-geo errors use it */
    FILE *f = tmpfile();
    assert_non_null(f);
    text_print_safe(f, "wrrfig import: ", "got '\x1b[2J\xc2\x9b'");
    rewind(f);
    char line[128];
    assert_non_null(fgets(line, sizeof line, f));
    assert_string_equal(line, "wrrfig import: got '\\x1B[2J\\xC2\\x9B'\n");
    fclose(f);
}

/* Regression (#2): answers are decoded field by field and checked. */
static void test_measure_answer_decode(void **state)
{
    (void)state;
    wf_measure_result r;
    unsigned char ok[] = {0, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 1, 0, 'x', 0, 0, 0, 0};
    assert_int_equal(measure_answer_decode(ok, sizeof ok, &r), 0);
    assert_int_equal(r.status, EVAL_OK);
    assert_double_near(r.value, 1.0, 0);
    assert_string_equal(r.unit, "x");
    unsigned char bad_status[sizeof ok];
    memcpy(bad_status, ok, sizeof ok);
    bad_status[0] = 9;
    assert_int_equal(measure_answer_decode(bad_status, sizeof ok, &r), -1);
    unsigned char with_nul[] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, '\0', 0, 0, 0, 0};
    assert_int_equal(measure_answer_decode(with_nul, sizeof with_nul, &r), -1);
    assert_int_equal(measure_answer_decode(ok, sizeof ok - 1, &r), -1);     /* short */
    unsigned char longer[sizeof ok + 1];
    memcpy(longer, ok, sizeof ok);
    longer[sizeof ok] = 'z';
    assert_int_equal(measure_answer_decode(longer, sizeof longer, &r), -1); /* trailing */
    unsigned char huge[] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    assert_int_equal(measure_answer_decode(huge, sizeof huge, &r), -1);
}

/* Regression (#11): clang's float-cast-overflow check found casts of
 * out-of-range doubles (undefined behaviour) in the registry reader and the
 * gnuplot writer; the clang+san build of make check runs these. */
static void test_float_casts_range_checked(void **state)
{
    (void)state;
    const char *text = "[{\"id\": \"a\", \"line\": 1e19, \"figure\": null, \"quote_nl\": \"q\", \"en\": \"e\","
                       " \"op\": \"=\", \"value\": 1, \"unit\": \"u\", \"tolerance\": 0, \"measure\": \"f.x\","
                       " \"quantifier\": {\"each_year\": [1e19, 1e20]}}]";
    claim_set set = {0};
    wf_errors errs = {0};
    claims_parse(text, strlen(text), "ch1.json", 1, &set, &errs);
    char *all = wf_errors_join(&errs);
    assert_contains(all, "$[0].line: expected a report line number >= 1, got 1e+19");
    assert_contains(all, "each_year");
    free(all);
    wf_errors_free(&errs);
    claim_set_free(&set);
    gp_script_parts p = {"fig-x", "A title that is long enough to wrap", "Bron", "nl", "", "plot 1\n", NULL, 10, 10,
                         NULL, 0};
    char *gp = gp_script(&p);
    /* the wrap width is below zero: each word on a line of its own */
    assert_contains(gp, "wrrfig_title = 'A'.\"\\n\".'title'.\"\\n\".'that'.\"\\n\".'is'.\"\\n\".'long'.\"\\n\"."
                        "'enough'.\"\\n\".'to'.\"\\n\".'wrap'\n");
    free(gp);
}

/* Regression (#13): ch02.json was read, and reported, as ch2.json. */
static void test_registry_file_names(void **state)
{
    (void)state;
    char *dir = tu_tempdir("regnames"), p[700];
    snprintf(p, sizeof p, "%s/ch1.json", dir);
    tu_write(p, "[]");
    snprintf(p, sizeof p, "%s/ch02.json", dir);
    tu_write(p, "[]");
    claim_set set = {0};
    wf_errors errs = {0};
    claims_load_dir(dir, &set, &errs);
    char *all = wf_errors_join(&errs);
    assert_contains(all, "ch02.json: not read: registry files are named ch<N>.json");
    assert_false(tu_contains(all, "ch2.json"));
    free(all);
    wf_errors_free(&errs);
    claim_set_free(&set);
    tu_rmrf(dir);
    free(dir);
}

/* Probe 3: a FIFO named like a data file, spec or registry file blocked
 * every reader in open() (waiting for a writer that never comes): `wrrfig
 * list` hung on a FIFO in the figures path, `build` on one in data/. Each
 * reader now refuses what is not a regular file. SIGALRM fails the test
 * instead of hanging it. */
static void test_fifo_never_blocks(void **state)
{
    (void)state;
    char *dir = tu_tempdir("fifo"), p[700], q[700];
    snprintf(p, sizeof p, "%s/t", dir);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/t/x.csv", dir);
    assert_int_equal(mkfifo(p, 0644), 0);
    snprintf(q, sizeof q, "%s/t/x.meta.json", dir);
    tu_write(q, "{\"source\": \"SYNTHETIC TEST FIXTURE\"}");
    alarm(20);
    wf_error err;
    char *text = NULL, hex[65];
    assert_int_equal(read_file(p, &text, NULL, &err), -1);
    assert_contains(err.msg, "not a regular file");
    assert_int_equal(sha256_file_hex(p, hex), -1);
    csv_opts o = {0};
    o.sep = ',';
    csv_reader *r = NULL;
    assert_int_equal(csv_reader_open(p, &o, NULL, NULL, &r, &err), -1);
    assert_contains(err.msg, "not a regular file");
    geojson g;
    assert_int_equal(geojson_read_file(p, NULL, &g, &err), -1);
    assert_contains(err.msg, "not a regular file");
    wf_table *t = NULL;
    assert_int_equal(table_load(dir, "t/x", &t, &err), -1);
    assert_contains(err.msg, "not a regular file");
    /* a directory is refused the same way */
    snprintf(p, sizeof p, "%s/t", dir);
    assert_int_equal(read_file(p, &text, NULL, &err), -1);
    assert_contains(err.msg, "not a regular file");
    alarm(0);
    tu_rmrf(dir);
    free(dir);
}

/* Probe 3: spec texts of the wrong type were dropped without a word: a
 * "title" of 5 drew the figure titled with its id, "notes" entries that
 * were not texts vanished from the manifest (and a "notes" string dropped
 * every note). Texts the host reads are checked when the spec is loaded. */
static void test_spec_text_types(void **state)
{
    (void)state;
    static const struct {
        const char *json, *msg;
    } bad[] = {
        {"\"title\": 5", "$.title: expected a text"},
        {"\"title_template\": {\"nl\": 5, \"en\": \"x\"}", "$.title_template: expected a text"},
        {"\"source\": []", "$.source: expected a text"},
        {"\"alt\": {}", "$.alt: expected a text"},
        {"\"notes\": \"one note\"", "$.notes: expected an array of texts"},
        {"\"notes\": [\"a\", 5]", "$.notes[1]: expected a text"},
        {"\"footnotes\": [{\"nl\": {\"a\": 1}}]", "$.footnotes[0]: expected a text"},
        {"\"plugin\": 5", "$.plugin: expected a string"},
    };
    char *dir = tu_tempdir("spectypes"), p[700], text[512];
    snprintf(p, sizeof p, "%s/fig-9-1.json", dir);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        snprintf(text, sizeof text, "{\"id\": \"fig-9-1\", %s}", bad[i].json);
        tu_write(p, text);
        wf_error err;
        cJSON *j = spec_load_file(p, "fig-9-1", &err);
        if (j)
            fail_msg("accepted %s", bad[i].json);
        assert_contains(err.msg, bad[i].msg);
    }
    tu_write(p, "{\"id\": \"fig-9-1\", \"plugin\": \"x\", \"title\": \"t\", \"source\": {\"nl\": \"b\", \"en\": \"s\"}, "
                "\"notes\": [\"a\", {\"nl\": \"n\", \"en\": \"e\"}], \"footnotes\": []}");
    wf_error err;
    cJSON *j = spec_load_file(p, "fig-9-1", &err);
    if (!j)
        fail_msg("refused a good spec: %s", err.msg);
    cJSON_Delete(j);
    tu_rmrf(dir);
    free(dir);
}

/* Probe 3: sidecar fields of the wrong type were dropped without a word: a
 * "licence" of 5 left the manifest without the licence, a label of 5 left
 * its code unexplained. table_load refuses them with the JSON path. */
static void test_sidecar_types(void **state)
{
    (void)state;
    static const struct {
        const char *json, *msg;
    } bad[] = {
        {"\"licence\": 5", "$.licence: expected a string"},
        {"\"title\": [\"x\"]", "$.title: expected a string"},
        {"\"source_sha256\": null", "$.source_sha256: expected a string"},
        {"\"notes\": \"one\"", "$.notes: expected an array of strings"},
        {"\"notes\": [\"a\", 1]", "$.notes[1]: expected a string"},
        {"\"labels\": {\"k\": {\"a\": 5}}", "$.labels.k.a: expected a string"},
        {"\"labels\": {\"k\": \"a\"}", "$.labels.k: expected an object"},
        {"\"units\": {\"a\": 1}", "$.units.a: expected a string"},
    };
    char *dir = tu_tempdir("sidecar"), p[700], q[700], text[512];
    snprintf(p, sizeof p, "%s/t", dir);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/t/x.csv", dir);
    tu_write(p, "k,value\na,1\n");
    snprintf(q, sizeof q, "%s/t/x.meta.json", dir);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        snprintf(text, sizeof text, "{\"source\": \"SYNTHETIC TEST FIXTURE\", %s}", bad[i].json);
        tu_write(q, text);
        wf_error err;
        wf_table *t = NULL;
        if (table_load(dir, "t/x", &t, &err) == 0)
            fail_msg("accepted %s", bad[i].json);
        assert_contains(err.msg, bad[i].msg);
    }
    tu_write(q, "{\"source\": \"SYNTHETIC TEST FIXTURE\", \"licence\": \"none\", \"notes\": [\"n\"], "
                "\"labels\": {\"k\": {\"a\": \"A\"}}, \"units\": {\"a\": \"count\"}, \"computed\": {\"x\": 1}}");
    wf_error err;
    wf_table *t = NULL;
    if (table_load(dir, "t/x", &t, &err) != 0)
        fail_msg("refused a good sidecar: %s", err.msg);
    table_free(t);
    tu_rmrf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_expr_unary_minus_depth),
        cmocka_unit_test(test_text_check),
        cmocka_unit_test(test_json_duplicates_and_escapes),
        cmocka_unit_test(test_terminal_echo),
        cmocka_unit_test(test_measure_answer_decode),
        cmocka_unit_test(test_float_casts_range_checked),
        cmocka_unit_test(test_registry_file_names),
        cmocka_unit_test(test_fifo_never_blocks),
        cmocka_unit_test(test_spec_text_types),
        cmocka_unit_test(test_sidecar_types),
    };
    return cmocka_run_group_tests_name("input checks", tests, NULL, NULL);
}
