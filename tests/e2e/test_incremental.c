/* Incremental rebuild (issue 11): a second build renders nothing and says
 * every figure is up to date; a changed input rebuilds exactly the figures
 * that read it, each with its cue; --force rebuilds all; every output is
 * byte-identical between two builds (PDFs included); outputs of a figure
 * that no longer exists are removed, or listed with --keep-orphans. */
#include "testutil.h"

#include <sys/stat.h>

/* The figures `wrrfig info TABLE` says use a table (ids into ids[], at most max). */
static int figures_using(const char *table, char ids[][64], int max)
{
    char *out = NULL, *err = NULL;
    assert_int_equal(tu_wrrfig(&out, &err, "info", table, NULL), 0);
    int n = 0;
    for (const char *p = out; (p = strstr(p, "\nfigure ")) && n < max; p++) {
        const char *q = p + 8;
        while (*q == ' ')
            q++;
        int len = (int)strcspn(q, " \n");
        snprintf(ids[n++], 64, "%.*s", len, q);
    }
    free(out);
    free(err);
    return n;
}

static int count_lines_with(const char *text, const char *needle)
{
    int n = 0;
    for (const char *p = text; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

static void test_noop_change_force_and_determinism(void **state)
{
    (void)state;
    char *data = tu_tempdir("incdata"), *o = tu_tempdir("incout"), *o2 = tu_tempdir("incout2");
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "cp -r '%s'/. '%s'/", WF_DATA, data);
    assert_int_equal(system(cmd), 0);
    char *out = NULL, *err = NULL;
    assert_int_equal(tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "build", "--out", o, "--explain", NULL), 0);
    assert_contains(out, "fig-1-2: rebuilt: no earlier build");
    free(out);
    free(err);
    /* Second build: nothing rebuilt, the SVG not even touched. */
    char svg[600];
    snprintf(svg, sizeof svg, "%s/fig-1-2.svg", o);
    struct stat st1, st2;
    assert_int_equal(stat(svg, &st1), 0);
    assert_int_equal(tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "build", "--out", o, "--explain", NULL), 0);
    assert_false(tu_contains(out, "rebuilt:"));
    assert_contains(out, "fig-1-2: up to date");
    assert_contains(out, " up to date, 0 rebuilt\n");
    assert_int_equal(stat(svg, &st2), 0);
    assert_true(st1.st_mtim.tv_sec == st2.st_mtim.tv_sec && st1.st_mtim.tv_nsec == st2.st_mtim.tv_nsec);
    free(out);
    free(err);

    /* Change one value of cbs/37296ned: exactly its figures rebuild. */
    snprintf(cmd, sizeof cmd, "sed -i 's/^2019JJ00,Immigratie_73,\\(.*\\)$/2019JJ00,Immigratie_73,1/' '%s/cbs/37296ned.csv'",
             data);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "build", "--out", o, "--explain", NULL), 0);
    char uses[64][64];
    int n = figures_using("cbs/37296ned", uses, 64);
    assert_true(n >= 5); /* fig-1-2, fig-1-3, fig-2-1, fig-2-5, fig-2-6 at least */
    for (int i = 0; i < n; i++) {
        char want[160];
        snprintf(want, sizeof want, "%.63s: rebuilt: input cbs/37296ned changed", uses[i]);
        assert_contains(out, want);
    }
    assert_int_equal(count_lines_with(out, "rebuilt:"), n);
    free(out);
    free(err);

    /* --force rebuilds all; a forced build into another directory is
     * byte-identical in every file (PDF dates normalised). */
    assert_int_equal(tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "build", "--out", o, "--force", "--explain", NULL), 0);
    assert_false(tu_contains(out, "up to date\n"));
    assert_contains(out, "fig-1-2: rebuilt: forced (--force)");
    free(out);
    free(err);
    assert_int_equal(tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "build", "--out", o2, NULL), 0);
    free(out);
    free(err);
    snprintf(cmd, sizeof cmd, "diff -r -q --exclude=.cue '%s' '%s'", o, o2);
    assert_int_equal(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "ls '%s'/*.pdf >/dev/null", o);
    assert_int_equal(system(cmd), 0);

    /* An orphan: the manifest of a figure that no longer exists. */
    char p[700];
    snprintf(p, sizeof p, "%s/fig-gone.json", o);
    tu_write(p, "{\"id\": \"fig-gone\", \"status\": \"ok\", \"plugin\": {\"name\": \"x\"}}\n");
    snprintf(p, sizeof p, "%s/fig-gone.svg", o);
    tu_write(p, "<svg/>\n");
    snprintf(p, sizeof p, "%s/claims.json", o);
    tu_write(p, "{\"claims\": []}\n");
    assert_int_equal(tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "build", "--out", o, "--keep-orphans", NULL), 0);
    assert_contains(out, "orphan fig-gone: no such figure; its outputs are kept");
    free(out);
    free(err);
    snprintf(p, sizeof p, "%s/fig-gone.svg", o);
    char *kept = tu_readf("%s", p); /* freed: make check runs this under valgrind */
    assert_true(kept != NULL);
    free(kept);
    assert_int_equal(tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "build", "--out", o, NULL), 0);
    assert_contains(out, "orphan fig-gone: no such figure; its outputs were removed");
    free(out);
    free(err);
    struct stat st;
    assert_true(stat(p, &st) != 0);
    snprintf(p, sizeof p, "%s/claims.json", o); /* not a figure manifest: kept */
    assert_int_equal(stat(p, &st), 0);
    tu_rmrf(data);
    tu_rmrf(o);
    tu_rmrf(o2);
    free(data);
    free(o);
    free(o2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_noop_change_force_and_determinism),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
