/* Every command of the README's ```sh blocks runs and exits 0 (issue 17).
 *
 * They run in order, as written, in a scratch copy of the tree: data/ is
 * copied (import writes there), the binary is copied so that it finds the
 * scratch tree as its source tree, plugins/figures/scripts are linked, and
 * ../shared links to the real ../shared when it exists. So the README's
 * build/bin/wrrfig, out/ and data/ mean what they say, and nothing is
 * written into the repository. Exempt: lines starting with `make` (they are
 * how these tests are run), and, where ../shared is absent (a CI machine
 * without the third-party files), the lines that read it. */
#include "testutil.h"

static char *sandbox, repo[700];

static int sh(const char *cmd, char **out, char **err)
{
    char *argv[] = {(char *)"/bin/sh", (char *)"-c", (char *)cmd, NULL};
    return tu_run(argv, out, err);
}

static int setup(void **state)
{
    (void)state;
    sandbox = tu_tempdir("readme");
    snprintf(repo, sizeof repo, "%s/repo", sandbox);
    char cmd[4096];
    snprintf(cmd, sizeof cmd,
             "set -e; mkdir -p '%s/build/bin'; cd '%s'; cp -R '%s/data' data; "
             "for d in figures scripts core docs Makefile; do ln -s '%s'/$d $d; done; "
             "cp '%s/bin/wrrfig' build/bin/wrrfig; ln -s '%s/plugins' build/plugins; "
             "if [ -d '%s/../shared' ]; then ln -s '%s/../shared' '%s/shared'; fi",
             repo, repo, WF_SRC_DIR, WF_SRC_DIR, WF_BUILD_DIR, WF_BUILD_DIR, WF_SRC_DIR, WF_SRC_DIR, sandbox);
    char *out = NULL, *err = NULL;
    if (sh(cmd, &out, &err) != 0)
        fail_msg("sandbox: %s", err);
    free(out);
    free(err);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tu_rmrf(sandbox);
    free(sandbox);
    return 0;
}

static void test_readme_examples(void **state)
{
    (void)state;
    char *readme = tu_read(WF_SRC_DIR "/README.md", NULL);
    assert_non_null(readme);
    char shared[800];
    snprintf(shared, sizeof shared, "%s/shared/data", sandbox);
    int have_shared = access(shared, R_OK) == 0;
    int ran = 0, in_block = 0;
    for (char *line = readme; line && *line;) {
        char *eol = strchr(line, '\n');
        if (eol)
            *eol = '\0';
        if (strncmp(line, "```", 3) == 0) {
            in_block = !in_block && strcmp(line, "```sh") == 0;
        } else if (in_block && *line && strncmp(line, "make ", 5) != 0) {
            bool needs_shared = strstr(line, "../shared") || strstr(line, " import ") || strstr(line, "import-all");
            if (needs_shared && !have_shared) {
                printf("# skipped (no ../shared): %s\n", line);
            } else {
                char cmd[2048];
                snprintf(cmd, sizeof cmd, "cd '%s' && %s", repo, line);
                char *out = NULL, *err = NULL;
                int rc = sh(cmd, &out, &err);
                if (rc != 0)
                    fail_msg("README line exits %d: %s\nstdout: %.2000s\nstderr: %.2000s", rc, line, out, err);
                printf("# ok: %s\n", line);
                free(out);
                free(err);
                ran++;
            }
        }
        line = eol ? eol + 1 : NULL;
    }
    assert_true(ran >= 10);
    /* What the examples promise: */
    char *log = tu_readf("%s/build.log", repo);
    assert_non_null(log);
    assert_contains(log, "] tab-2-1 ");
    assert_contains(log, "no-data: cbs/migratie_herkomst");
    assert_contains(log, " failed in ");
    free(log);
    char *svg = tu_readf("%s/out/tab-2-1.svg", repo), *png = tu_readf("%s/out/tab-2-1.png", repo);
    assert_non_null(svg);
    assert_non_null(png);
    free(svg);
    free(png);
    svg = tu_readf("/tmp/f/tab-2-1.svg");
    assert_contains(svg, "Table 2.1");
    free(svg);
    /* the re-render wrote next to the script, not where it was started */
    char stray[800];
    snprintf(stray, sizeof stray, "%s/tab-2-1.svg", repo);
    assert_int_equal(access(stray, F_OK), -1);
    free(readme);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_readme_examples)};
    return cmocka_run_group_tests_name("readme", tests, setup, teardown);
}
