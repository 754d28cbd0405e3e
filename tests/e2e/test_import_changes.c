/* The importer on a new release (issue 11) and the rows-lost problems of
 * issue 18: file patterns (newest match wins), the change summary, the
 * sidecar's computed facts, filters that match no row of a file, messages
 * that name the code really missing, and --check skipping an absent input.
 * Every input here is a constructed fixture (invented numbers). */
#include "testutil.h"

#include <sys/stat.h>
#include <utime.h>

#include "import/importer.h"
#include "import/input.h"
#include "data/table.h"

#define IMP_SHARED WF_FIXTURES "/import/shared"
#define IMP_MAP WF_FIXTURES "/import/mappings/"

static char *build_err(const char *mapping, const char *shared)
{
    wf_table *t = NULL;
    wf_error err = {{0}};
    if (import_build(mapping, shared, &t, &err) == 0) {
        table_free(t);
        fail_msg("import of %s should have failed", mapping);
    }
    return strdup(err.msg);
}

/* Regression (issue 18): a second input without the kept Leeftijd code was
 * imported as zero rows with exit 0. Now it is an error naming the file,
 * the dimension and the codes the file has. */
static void test_filter_matching_no_row_of_a_file(void **state)
{
    (void)state;
    char *e = build_err(IMP_MAP "filter_rows_lost.json", IMP_SHARED);
    assert_contains(e, "ages_groups_only.csv: Leeftijd=10000 not in this file");
    assert_contains(e, "it has 3 Leeftijd codes: 10010, 10100, 10200");
    assert_false(tu_contains(e, "ages_with_total.csv"));
    free(e);
}

/* Regression (issue 18): with two keep filters the message named the code
 * of the other filter ("keep: code 'T001038' does not occur"), which was
 * there; it now names the code that is really missing. */
static void test_message_names_the_missing_code(void **state)
{
    (void)state;
    char *e = build_err(IMP_MAP "filter_code_missing.json", IMP_SHARED);
    assert_contains(e, "Leeftijd=10000");
    assert_false(tu_contains(e, "GM0599 does not occur"));
    assert_false(tu_contains(e, "RegioS=GM0599"));
    free(e);
}

static void write_release(const char *dir, const char *name, const char *rows, time_t mtime)
{
    char p[600];
    snprintf(p, sizeof p, "%s/releases/%s", dir, name);
    strbuf b = STRBUF_INIT;
    sb_puts(&b, "\xEF\xBB\xBF\"ID\";\"RegioS\";\"Perioden\";\"Bevolking_1\";\"Immigratie_2\"\n");
    sb_puts(&b, rows);
    tu_write(p, b.s);
    sb_free(&b);
    struct utimbuf ut = {mtime, mtime};
    utime(p, &ut);
}

static const char rel_a[] = "\"0\";\"NL01  \";\"2019JJ00\";\"  100\";\"   10\"\n"
                            "\"1\";\"NL01  \";\"2020JJ00\";\"  110\";\"   11\"\n"
                            "\"2\";\"NL01  \";\"2021JJ00\";\"  120\";\"    .\"\n";
/* The next release: 2022 added, two cells changed (2020 population, 2019
 * immigration), the '.' of 2021 now a number. */
static const char rel_b[] = "\"0\";\"NL01  \";\"2019JJ00\";\"  100\";\"   12\"\n"
                            "\"1\";\"NL01  \";\"2020JJ00\";\"  150\";\"   11\"\n"
                            "\"2\";\"NL01  \";\"2021JJ00\";\"  120\";\"   13\"\n"
                            "\"3\";\"NL01  \";\"2022JJ00\";\"  130\";\"    .\"\n";

/* A pattern picks the newest file by modification time, whatever the names
 * (CBS's DDMMYYYY stamps do not sort); the sidecar names the file used. */
static void test_pattern_newest_match_wins(void **state)
{
    (void)state;
    char *sh = tu_tempdir("pat"), *data = tu_tempdir("patdata");
    char p[600];
    snprintf(p, sizeof p, "%s/releases", sh);
    mkdir(p, 0755);
    write_release(sh, "rel_31122025.csv", rel_a, 1700000000);
    write_release(sh, "rel_01012026.csv", rel_b, 1700000100); /* sorts first, is newer */
    char *rel = NULL;
    wf_error err = {{0}};
    assert_int_equal(imp_input_resolve(sh, "releases/rel_*.csv", &rel, &err), 0);
    assert_string_equal(rel, "releases/rel_01012026.csv");
    free(rel);
    assert_int_equal(imp_input_resolve(sh, "releases/none_*.csv", &rel, &err), 1);
    assert_contains(err.msg, "no file matches 'releases/none_*.csv'");

    assert_int_equal(import_run(IMP_MAP "pattern_input.json", sh, data, 0, NULL, NULL, &err), 0);
    char *meta = tu_readf("%s/test/pattern.meta.json", data);
    assert_non_null(meta);
    assert_contains(meta, "\"source_file\":\t\"releases/rel_01012026.csv\"");
    free(meta);
    tu_rmrf(sh);
    tu_rmrf(data);
    free(sh);
    free(data);
}

/* A new release: the summary names the added period and the changed cells,
 * largest change first; --check prints the same and reports a difference;
 * the sidecar's computed facts follow the data. */
static void test_change_summary_and_computed_facts(void **state)
{
    (void)state;
    char *sh = tu_tempdir("rel"), *data = tu_tempdir("reldata");
    char p[600];
    snprintf(p, sizeof p, "%s/releases", sh);
    mkdir(p, 0755);
    write_release(sh, "rel_2025.csv", rel_a, 1700000000);
    wf_error err = {{0}};
    strbuf s = STRBUF_INIT;
    int differs = -1;
    assert_int_equal(import_run_report(IMP_MAP "pattern_input.json", sh, data, 0, &differs, NULL, &s, &err), 0);
    assert_contains(s.s, "new table: 6 rows");
    char *meta = tu_readf("%s/test/pattern.meta.json", data);
    assert_contains(meta, "\"last\":\t\"2021JJ00\"");
    assert_contains(meta, "\"rows\":\t6");
    free(meta);
    s.len = 0;
    assert_int_equal(import_run_report(IMP_MAP "pattern_input.json", sh, data, 1, &differs, NULL, &s, &err), 0);
    assert_int_equal(differs, 0);
    assert_contains(s.s, "no change");

    write_release(sh, "rel_2026.csv", rel_b, 1700000100);
    s.len = 0;
    assert_int_equal(import_run_report(IMP_MAP "pattern_input.json", sh, data, 1, &differs, NULL, &s, &err), 0);
    assert_int_equal(differs, 1);
    assert_contains(s.s, "2 rows added, 0 removed, 3 changed");
    assert_contains(s.s, "periods added: 2022JJ00");
    /* the symbol change first, then 110 -> 150 before 10 -> 12 */
    const char *sym = strstr(s.s, "Perioden=2021JJ00 Onderwerp=Immigratie_2: '.' -> 13");
    const char *big = strstr(s.s, "Perioden=2020JJ00 Onderwerp=Bevolking_1: 110 -> 150 (+40)");
    const char *small = strstr(s.s, "Perioden=2019JJ00 Onderwerp=Immigratie_2: 10 -> 12 (+2)");
    assert_non_null(sym);
    assert_non_null(big);
    assert_non_null(small);
    assert_true(sym < big && big < small);
    /* --check wrote nothing */
    meta = tu_readf("%s/test/pattern.meta.json", data);
    assert_contains(meta, "rel_2025.csv");
    free(meta);
    s.len = 0;
    assert_int_equal(import_run_report(IMP_MAP "pattern_input.json", sh, data, 0, &differs, NULL, &s, &err), 0);
    meta = tu_readf("%s/test/pattern.meta.json", data);
    assert_contains(meta, "\"last\":\t\"2022JJ00\"");
    /* per topic: immigration has a number up to 2021 only */
    assert_contains(meta, "\"Immigratie_2\":\t{\n\t\t\t\t\"first\":\t\"2019JJ00\",\n\t\t\t\t\"last\":\t\"2021JJ00\"");
    free(meta);
    sb_free(&s);
    tu_rmrf(sh);
    tu_rmrf(data);
    free(sh);
    free(data);
}

/* Regression (issue 18): one mapping whose input is absent made
 * `import --check` (and import-all.sh --check) fail for everyone. It is
 * skipped, said so, and only real differences fail. */
static void test_check_skips_absent_input(void **state)
{
    (void)state;
    char *sh = tu_tempdir("absent"), *data = tu_tempdir("absentdata");
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "import", "--shared", sh, "--check",
                            IMP_MAP "pattern_input.json", NULL);
    assert_int_equal(rc, 0);
    assert_contains(out, "skipped");
    assert_contains(out, "is absent");
    free(out);
    free(err);
    /* without --check an absent input is an error */
    rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "import", "--shared", sh,
                        IMP_MAP "pattern_input.json", NULL);
    assert_int_equal(rc, 1);
    assert_contains(err, "no file matches");
    free(out);
    free(err);
    tu_rmrf(sh);
    tu_rmrf(data);
    free(sh);
    free(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_filter_matching_no_row_of_a_file),
        cmocka_unit_test(test_message_names_the_missing_code),
        cmocka_unit_test(test_pattern_newest_match_wins),
        cmocka_unit_test(test_change_summary_and_computed_facts),
        cmocka_unit_test(test_check_skips_absent_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
