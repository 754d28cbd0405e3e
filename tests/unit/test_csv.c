/* CSV reader: the project's tidy format and every CBS StatLine quirk, with
 * exact error positions. */
#include "testutil.h"

#include "format/csv.h"
#include "util/strbuf.h"

static csv_doc *parse_ok(const char *text, csv_opts o)
{
    csv_doc *d = NULL;
    wf_error err;
    if (csv_parse(text, strlen(text), "t.csv", &o, &d, &err) != 0)
        fail_msg("unexpected error: %s", err.msg);
    return d;
}

static void parse_err(const char *text, csv_opts o, const char *want)
{
    csv_doc *d = NULL;
    wf_error err;
    assert_int_equal(csv_parse(text, strlen(text), "t.csv", &o, &d, &err), -1);
    assert_null(d);
    assert_string_equal(err.msg, want);
}

static void test_cbs_untyped_quirks(void **state)
{
    (void)state;
    /* BOM, ';', every field quoted, padded numbers, a code with trailing
     * spaces, '.' for missing, CRLF line ends, a trailing blank line. */
    const char *text = "\xEF\xBB\xBF\"ID\";\"RegioS\";\"Perioden\";\"Bevolking_1\"\r\n"
                       "\"0\";\"GM0363  \";\"2019JJ00\";\"    862965\"\r\n"
                       "\"1\";\"NL01    \";\"2019JJ00\";\"       .\"\r\n\r\n";
    csv_opts o = CSV_OPTS_CBS;
    csv_doc *d = parse_ok(text, o);
    assert_int_equal(d->n_rows, 3);
    assert_string_equal(d->rows[0].f[0], "ID"); /* the BOM is not part of the first name */
    assert_string_equal(d->rows[1].f[1], "GM0363");
    assert_string_equal(d->rows[1].f[3], "862965");
    assert_string_equal(d->rows[2].f[3], ".");
    assert_int_equal(d->rows[2].line, 3);
    assert_int_equal(d->rows[1].col[1], 5);
    assert_int_equal(csv_header_index(d, "Perioden"), 2);
    assert_int_equal(csv_header_index(d, "nope"), -1);
    csv_free(d);
}

static void test_tidy_quoting(void **state)
{
    (void)state;
    const char *text = "name,value\n\"a, b\",1\n\"say \"\"hi\"\"\",2\n\"two\nlines\",3\nplain,\n";
    csv_opts o = CSV_OPTS_TIDY;
    csv_doc *d = parse_ok(text, o);
    assert_int_equal(d->n_rows, 5);
    assert_string_equal(d->rows[1].f[0], "a, b");
    assert_string_equal(d->rows[2].f[0], "say \"hi\"");
    assert_string_equal(d->rows[3].f[0], "two\nlines");
    assert_int_equal(d->rows[4].line, 6); /* the quoted line break counts */
    assert_string_equal(d->rows[4].f[1], "");
    csv_free(d);
}

static void test_unterminated_quote(void **state)
{
    (void)state;
    csv_opts o = CSV_OPTS_CBS;
    parse_err("\"a\";\"b\"\n\"1\";\"2\n", o, "t.csv:2:5: unterminated quoted field (file ends inside quotes)");
}

static void test_truncated_file(void **state)
{
    (void)state;
    /* A download cut off in the middle of a quoted value. */
    csv_opts o = CSV_OPTS_CBS;
    parse_err("\"ID\";\"Value\"\n\"0\";\"   12", o, "t.csv:2:5: unterminated quoted field (file ends inside quotes)");
}

static void test_garbage_after_quote(void **state)
{
    (void)state;
    csv_opts o = CSV_OPTS_TIDY;
    parse_err("a,b\n\"x\"y,2\n", o, "t.csv:2:4: unexpected 'y' after closing quote (expected ',' or end of line)");
}

static void test_wrong_column_count(void **state)
{
    (void)state;
    csv_opts o = CSV_OPTS_TIDY;
    parse_err("a,b,value\n1,2,3\n4,5,6,7\n", o, "t.csv:3:7: expected 3 fields as in the header, found 4");
    parse_err("a,b,value\n1,2\n", o, "t.csv:2:1: expected 3 fields as in the header, found 2");
}

static void test_bom_only_and_empty(void **state)
{
    (void)state;
    csv_opts o = CSV_OPTS_TIDY;
    csv_doc *d = parse_ok("\xEF\xBB\xBF", o);
    assert_int_equal(d->n_rows, 0);
    csv_free(d);
    d = parse_ok("", o);
    assert_int_equal(d->n_rows, 0);
    csv_free(d);
}

static void test_columns_after_bom(void **state)
{
    (void)state;
    csv_opts o = CSV_OPTS_TIDY;
    parse_err("\xEF\xBB\xBF\"a\"x,b\n", o, "t.csv:1:4: unexpected 'x' after closing quote (expected ',' or end of line)");
}

static void test_put_field_round_trip(void **state)
{
    (void)state;
    const char *fields[] = {"plain", "a,b", "q\"q", "line\nbreak", " padded ", ""};
    strbuf b = STRBUF_INIT;
    for (size_t i = 0; i < 6; i++) {
        if (i)
            sb_putc(&b, ',');
        csv_put_field(&b, fields[i], ',');
    }
    sb_putc(&b, '\n');
    csv_opts o = CSV_OPTS_TIDY;
    o.same_width = 0;
    csv_doc *d = parse_ok(b.s, o);
    assert_int_equal(d->n_rows, 1);
    assert_int_equal(d->rows[0].n, 6);
    for (size_t i = 0; i < 6; i++)
        assert_string_equal(d->rows[0].f[i], fields[i]);
    csv_free(d);
    sb_free(&b);
}

/* Regression: a tab separator right after a closing quote was swallowed as
 * padding, merging two fields. */
static void test_tab_after_quote(void **state)
{
    (void)state;
    csv_opts o = {'\t', 1, 1};
    csv_doc *d = parse_ok("\"a\"\t\"b\"\n\"1\"\t2\n", o);
    assert_int_equal(d->rows[1].n, 2);
    assert_string_equal(d->rows[1].f[0], "1");
    assert_string_equal(d->rows[1].f[1], "2");
    csv_free(d);
    csv_opts tidy = CSV_OPTS_TIDY;
    parse_err("a,b\n\"x\" ,2\n", tidy, "t.csv:2:4: unexpected ' ' after closing quote (expected ',' or end of line)");
}

static void test_read_file_errors(void **state)
{
    (void)state;
    csv_doc *d = NULL;
    wf_error err;
    csv_opts o = CSV_OPTS_TIDY;
    assert_int_equal(csv_read_file("/nonexistent/x.csv", &o, &d, &err), -1);
    assert_contains(err.msg, "/nonexistent/x.csv: cannot open");
}

/* The streaming reader of a file, one physical line at a time: the rows,
 * positions and errors of csv_parse on the same text, whatever the line
 * ends and however many lines a quoted field spans; the line hook sees
 * every line once, in order, and may repair bytes in place. */
typedef struct hook_log {
    size_t calls, last;
    strbuf seen;
} hook_log;

static int log_and_fix(void *ud, char *line, size_t len, size_t lineno, wf_error *err)
{
    (void)err;
    hook_log *h = ud;
    if (lineno != h->last + 1)
        return -1;
    h->last = lineno;
    h->calls++;
    sb_add(&h->seen, line, len);
    for (size_t i = 0; i < len; i++)
        if (line[i] == '|')
            line[i] = ','; /* a one-for-one repair */
    return 0;
}

static void same_as_parse(const char *text, csv_opts o)
{
    char *dir = tu_tempdir("csvstream");
    char path[600];
    snprintf(path, sizeof path, "%s/s.csv", dir);
    tu_write(path, text);
    csv_doc *d = NULL;
    wf_error err, ferr;
    int rc = csv_parse(text, strlen(text), path, &o, &d, &err);
    csv_reader *r = NULL;
    assert_int_equal(csv_reader_open(path, &o, NULL, NULL, &r, &ferr), 0);
    const csv_row *row;
    size_t k = 0;
    int st;
    while ((st = csv_reader_next(r, &row, &ferr)) == 1) {
        assert_true(rc == 0 || k < 1000);
        if (rc == 0) {
            assert_true(k < d->n_rows);
            assert_int_equal(row->n, d->rows[k].n);
            assert_int_equal(row->line, d->rows[k].line);
            for (size_t i = 0; i < row->n; i++) {
                assert_string_equal(row->f[i], d->rows[k].f[i]);
                assert_int_equal(row->col[i], d->rows[k].col[i]);
            }
        }
        k++;
    }
    csv_reader_free(r);
    if (rc == 0) {
        assert_int_equal(st, 0);
        assert_int_equal(k, d->n_rows);
        csv_free(d);
    } else {
        assert_int_equal(st, -1);
        assert_string_equal(ferr.msg, err.msg);
    }
    tu_rmrf(dir);
    free(dir);
}

static void test_streaming_reader(void **state)
{
    (void)state;
    csv_opts tidy = CSV_OPTS_TIDY, cbs = CSV_OPTS_CBS;
    same_as_parse("a,b\n1,2\n", tidy);
    same_as_parse("a,b\r\n1,2\r\n\r\n3,4", tidy);             /* CRLF, a blank line, no final newline */
    same_as_parse("a,b\r1,2\r3,4\r", tidy);                      /* lone CRs end rows */
    same_as_parse("a,b\n\"x\ny\nz\",2\n\"\"\"q\"\"\",3\n", tidy); /* a field over three lines, quotes */
    same_as_parse("\xEF\xBB\xBF\"ID\";\"P\"\n\"  1\";\"2019JJ00 \"\n", cbs);
    same_as_parse("\xEF\xBB\xBF", tidy);
    same_as_parse("", tidy);
    same_as_parse("a,b\n1,\"2\nno end", tidy);                   /* unterminated over lines */
    same_as_parse("a,b\n1,2\n3\n", tidy);                        /* wrong width */
    same_as_parse("a,b\n\"1\"x,2\n", tidy);                     /* garbage after a quote */
    same_as_parse("a;b\n\"1\"  \n;2\n", cbs);                  /* padding, then a row end */
    /* the hook: every line once, in order, repairs seen by the parser */
    const char *text = "a,b\n1|2\n\"x\ny\"|3\n";
    char *dir = tu_tempdir("csvhook");
    char path[600];
    snprintf(path, sizeof path, "%s/h.csv", dir);
    tu_write(path, text);
    hook_log h = {0, 0, STRBUF_INIT};
    csv_reader *r = NULL;
    wf_error err;
    assert_int_equal(csv_reader_open(path, &tidy, log_and_fix, &h, &r, &err), 0);
    const csv_row *row;
    assert_int_equal(csv_reader_next(r, &row, &err), 1);
    assert_int_equal(csv_reader_next(r, &row, &err), 1);
    assert_string_equal(row->f[0], "1");
    assert_string_equal(row->f[1], "2");
    assert_int_equal(csv_reader_next(r, &row, &err), 1);
    assert_string_equal(row->f[0], "x\ny");
    assert_int_equal(row->line, 3);
    assert_int_equal(csv_reader_next(r, &row, &err), 0);
    assert_int_equal(h.calls, 4);
    assert_string_equal(h.seen.s, text);
    csv_reader_free(r);
    sb_free(&h.seen);
    tu_rmrf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cbs_untyped_quirks), cmocka_unit_test(test_tidy_quoting),
        cmocka_unit_test(test_unterminated_quote), cmocka_unit_test(test_truncated_file),
        cmocka_unit_test(test_garbage_after_quote), cmocka_unit_test(test_wrong_column_count),
        cmocka_unit_test(test_bom_only_and_empty), cmocka_unit_test(test_columns_after_bom),
        cmocka_unit_test(test_put_field_round_trip), cmocka_unit_test(test_tab_after_quote),
        cmocka_unit_test(test_read_file_errors), cmocka_unit_test(test_streaming_reader),
    };
    return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
