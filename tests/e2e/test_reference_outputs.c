/* Every script, CSV, render and extra output of a build on the shipped data
 * is byte-identical to the reference (tests/fixtures/reference/): a
 * refactoring that moves a byte fails here, naming the file. */
#include "testutil.h"

#include "util/sha256.h"
#include "util/strbuf.h"

#define REF WF_FIXTURES "/reference/outputs.sha256"

static int listed_ext(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot)
        return 0;
    static const char *const exts[] = {".gp", ".csv", ".svg", ".png", ".md", ".html", NULL};
    for (int i = 0; exts[i]; i++)
        if (!strcmp(dot, exts[i]))
            return 1;
    return 0;
}

static void test_outputs_match_reference(void **state)
{
    (void)state;
    char *dir = tu_tempdir("reference");
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig(&out, &err, "build", "--out", dir, NULL);
    if (rc != 0)
        fail_msg("build failed (%d): %s", rc, err ? err : "");
    char *ref = tu_read(REF, NULL);
    assert_non_null(ref);
    size_t n_ref = 0, n_bad = 0;
    strbuf report = STRBUF_INIT;
    for (char *line = strtok(ref, "\n"); line; line = strtok(NULL, "\n")) {
        if (strlen(line) < 67)
            fail_msg("bad line in %s: %s", REF, line);
        line[64] = '\0';
        const char *name = line + 66;
        char path[2048], hex[65];
        snprintf(path, sizeof path, "%s/%s", dir, name);
        n_ref++;
        if (sha256_file_hex(path, hex) != 0) {
            sb_printf(&report, "  missing: %s\n", name);
            n_bad++;
        } else if (strcmp(hex, line)) {
            sb_printf(&report, "  differs: %s\n", name);
            n_bad++;
        }
    }
    /* and nothing new of a listed kind appeared */
    char *listing = NULL;
    char *const ls[] = {(char *)"/bin/ls", dir, NULL};
    tu_run(ls, &listing, NULL);
    char *ref2 = tu_read(REF, NULL);
    for (char *name = strtok(listing, "\n"); name; name = strtok(NULL, "\n"))
        if (listed_ext(name)) {
            char needle[600];
            snprintf(needle, sizeof needle, "  %s\n", name);
            if (!strstr(ref2, needle)) {
                sb_printf(&report, "  not in the reference: %s\n", name);
                n_bad++;
            }
        }
    /* The build is kept for a look (the list holds hashes only), with what
     * the build printed. */
    if (n_bad)
        fail_msg("%zu of %zu reference outputs differ (scripts/update-reference.sh regenerates the list when a "
                 "change is meant):\n%sthe build is kept in %s; it printed:\n%s%s", n_bad, n_ref, report.s, dir,
                 out ? out : "", err ? err : "");
    assert_true(n_ref > 90);
    sb_free(&report);
    free(ref);
    free(ref2);
    free(listing);
    free(out);
    free(err);
    tu_rmrf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_outputs_match_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
