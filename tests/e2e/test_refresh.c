/* Done-means of issue 11: what the report staff do with a new release.
 * A release of 37296ned that adds a year and changes two values (made at
 * run time from the real download in ../shared/data, so CONSTRUCTED: the
 * two changed cells and the 2023 row are invented) is placed next to the
 * old one; `wrrfig refresh 37296ned` imports it (the summary names the
 * added year and both cells), rebuilds exactly the figures that use
 * 37296ned (each with its cue), checks, and lists the changed figure values
 * and the claims whose observed values moved. A second build is a no-op.
 * Skipped when the shared data directory is absent. */
#include "testutil.h"
#include "refresh_expect.h"

#include <sys/stat.h>
#include <utime.h>

#include "util/proc.h"
#include "util/strbuf.h"

#define SRC_DIR WF_SRC_DIR "/../shared/data/nl_population_core_37296ned"
#define SRC SRC_DIR "/37296ned_UntypedDataSet_26032024_091942.csv"

/* Replaces field `col` of the line whose field 1 is period by value. */
static void set_field(strbuf *line, size_t col, const char *value)
{
    strbuf out = STRBUF_INIT;
    size_t k = 0;
    const char *p = line->s;
    while (1) {
        const char *e = strchr(p, ';');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (k == col)
            sb_puts(&out, value);
        else
            sb_add(&out, p, n);
        if (!e)
            break;
        sb_putc(&out, ';');
        p = e + 1;
        k++;
    }
    sb_free(line);
    *line = out;
}

static size_t header_index(const char *header, const char *name)
{
    char q[128];
    snprintf(q, sizeof q, "\"%s\"", name);
    const char *at = strstr(header, q);
    assert_non_null(at);
    size_t k = 0;
    for (const char *p = header; p < at; p++)
        k += *p == ';';
    return k;
}

/* The constructed release: 2015 immigration 170000, 2010 population
 * 16600000, and a 2023 row (a copy of 2022's with an invented population). */
static void write_release(const char *path)
{
    char *text = tu_read(SRC, NULL);
    assert_non_null(text);
    strbuf out = STRBUF_INIT;
    char *save = NULL, *header = NULL;
    size_t imm = 0, pop = 0;
    for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        size_t n = strlen(l);
        if (n && l[n - 1] == '\r')
            l[--n] = '\0';
        strbuf line = STRBUF_INIT;
        sb_puts(&line, l);
        if (!header) {
            header = l;
            imm = header_index(l, "Immigratie_73");
            pop = header_index(l, "TotaleBevolking_1");
        } else if (strstr(l, "\"2015JJ00\"")) {
            set_field(&line, imm, "\"  170000\"");
        } else if (strstr(l, "\"2010JJ00\"")) {
            set_field(&line, pop, "\"16600000\"");
        }
        sb_printf(&out, "%s\r\n", line.s);
        if (strstr(l, "\"2022JJ00\"")) {
            set_field(&line, 0, "\"73\"");
            set_field(&line, 1, "\"2023JJ00\"");
            set_field(&line, pop, "\"17811291\"");
            sb_printf(&out, "%s\r\n", line.s);
        }
        sb_free(&line);
    }
    tu_write(path, out.s);
    sb_free(&out);
    free(text);
}

static void test_refresh_new_release(void **state)
{
    (void)state;
    struct stat st;
    if (stat(SRC, &st) != 0) {
        fprintf(stderr, "skipping: %s absent\n", SRC);
        return;
    }
    char *data = tu_tempdir("rfdata"), *sh = tu_tempdir("rfshared"), *o = tu_tempdir("rfout");
    char cmd[1200], p[700];
    snprintf(cmd, sizeof cmd, "cp -r '%s'/. '%s'/ && mkdir -p '%s/nl_population_core_37296ned' && cp -p '%s' '%s/nl_population_core_37296ned/'",
             WF_DATA, data, sh, SRC, sh);
    assert_int_equal(system(cmd), 0);
    snprintf(p, sizeof p, "%s/nl_population_core_37296ned/37296ned_UntypedDataSet_01122026_120000.csv", sh);
    write_release(p);
    struct utimbuf ut = {st.st_mtime + 60, st.st_mtime + 60}; /* the newer download */
    utime(p, &ut);

    char *out = NULL, *err = NULL;
    assert_int_equal(tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "build", "--out", o, "--format", "svg", NULL), 0);
    free(out);
    free(err);

    double t0 = now_ms();
    int rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "--shared", sh, "refresh", "37296ned", "--out", o,
                            "--format", "svg", NULL);
    double refresh_ms = now_ms() - t0;
    assert_int_equal(rc, 1); /* claim verdicts changed (2015 immigration < 200000) */
    /* the import summary: the added year and the two changed cells */
    assert_contains(out, "periods added: 2023JJ00");
    assert_contains(out, "0 removed, 2 changed");
    assert_contains(out, "changed Perioden=2015JJ00 Onderwerp=Immigratie_73: 204615 -> 170000 (-34615)");
    assert_contains(out, "changed Perioden=2010JJ00 Onderwerp=TotaleBevolking_1: 16574989 -> 16600000 (+25011)");
    /* exactly the figures that use 37296ned rebuilt, each with its cue; the
     * diff: changed figure values and the claims whose observed value moved */
    expect_release_b_rebuild_and_diff(out, data);
    free(out);
    free(err);

    /* check --baseline reports the observed values that moved, not only
     * flipped verdicts */
    char base[700];
    snprintf(base, sizeof base, "%s/.previous/claims.json", o);
    rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "check", "--no-report", "--baseline", base, NULL);
    assert_int_equal(rc, 1);
    assert_contains(out, "observed 204615 -> 170000");
    assert_contains(out, "observed value");
    assert_contains(out, " moved\n");
    free(out);
    free(err);

    /* a second build: every figure up to date, nothing rendered */
    snprintf(p, sizeof p, "%s/fig-2-1.svg", o);
    struct stat s1, s2;
    assert_int_equal(stat(p, &s1), 0);
    t0 = now_ms();
    assert_int_equal(tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "build", "--out", o, "--format", "svg",
                                    "--explain", NULL), 0);
    double noop_ms = now_ms() - t0;
    assert_contains(out, " up to date, 0 rebuilt\n");
    assert_false(tu_contains(out, "rebuilt:"));
    assert_int_equal(stat(p, &s2), 0);
    assert_true(s1.st_mtim.tv_sec == s2.st_mtim.tv_sec && s1.st_mtim.tv_nsec == s2.st_mtim.tv_nsec);
    free(out);
    free(err);
    fprintf(stderr, "timing (for the record, not asserted): refresh %.0f ms, no-op build %.0f ms\n", refresh_ms, noop_ms);
    tu_rmrf(data);
    tu_rmrf(sh);
    tu_rmrf(o);
    free(data);
    free(sh);
    free(o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_refresh_new_release),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
