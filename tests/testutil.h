/* Helpers shared by the cmocka tests. Header-only so each test program
 * stays one file. WF_SRC_DIR and WF_BUILD_DIR come from the Makefile. */
#ifndef WF_TESTUTIL_H
#define WF_TESTUTIL_H

#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app.h"
#include "format/csv.h"
#include "claims/measure.h"
#include "data/table.h"

#ifndef WF_SRC_DIR
#error "WF_SRC_DIR must be defined by the build"
#endif

#define WF_BIN WF_BUILD_DIR "/bin/wrrfig"
#define WF_PLUGINS WF_BUILD_DIR "/plugins"
#define WF_TEST_PLUGINS WF_BUILD_DIR "/test-plugins"
#define WF_DATA WF_SRC_DIR "/data"
#define WF_FIGURES WF_SRC_DIR "/figures"
#define WF_FIXTURES WF_SRC_DIR "/tests/fixtures"

/* cmocka 1.1.5's assert_float_equal casts to float; populations of 17
 * million need doubles. */
#define assert_double_near(a, b, eps)                                                              \
    do {                                                                                           \
        double wf_a_ = (a), wf_b_ = (b);                                                           \
        if (!(fabs(wf_a_ - wf_b_) <= (eps)))                                                       \
            fail_msg("%s = %.10g, expected %.10g (+/- %g)", #a, wf_a_, wf_b_, (double)(eps));      \
    } while (0)

/* A fresh empty directory under /tmp; caller frees the path. */
static inline char *tu_tempdir(const char *tag)
{
    char *p = malloc(256);
    snprintf(p, 256, "/tmp/wrrfig-test-%s-XXXXXX", tag);
    if (!mkdtemp(p))
        fail_msg("mkdtemp failed");
    return p;
}

static inline void tu_rmrf(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
}

/* Reads a whole file (NUL-terminated); NULL when absent. */
static inline char *tu_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    size_t got = fread(b, 1, (size_t)n, f);
    fclose(f);
    b[got] = '\0';
    if (len)
        *len = got;
    return b;
}

static inline char *tu_readf(const char *fmt, ...)
{
    char path[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(path, sizeof path, fmt, ap);
    va_end(ap);
    return tu_read(path, NULL);
}

static inline void tu_write(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        fail_msg("cannot write %s", path);
    fputs(text, f);
    fclose(f);
}

/* Runs a program (argv, NULL-terminated) with stdout and stderr captured
 * into *out and *err (caller frees; either may be NULL to discard). Returns
 * the exit status, or 128+signal. */
static inline int tu_run(char *const argv[], char **out, char **err)
{
    char outp[] = "/tmp/wrrfig-test-out-XXXXXX", errp[] = "/tmp/wrrfig-test-err-XXXXXX";
    int fo = mkstemp(outp), fe = mkstemp(errp);
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fo, 1);
        dup2(fe, 2);
        execv(argv[0], argv);
        _exit(127);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    close(fo);
    close(fe);
    if (out)
        *out = tu_read(outp, NULL);
    if (err)
        *err = tu_read(errp, NULL);
    unlink(outp);
    unlink(errp);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Runs wrrfig with the shipped plugins, data and figures unless the
 * arguments override them: tu_wrrfig(&out, &err, "build", "tab-2-1", NULL). */
static inline int tu_wrrfig_dirs(const char *plugins, const char *data, const char *figures, char **out,
                                 char **err, ...)
{
    char *argv[64];
    int n = 0;
    argv[n++] = (char *)WF_BIN;
    argv[n++] = (char *)"--no-builtin"; /* exactly the directories given */
    argv[n++] = (char *)"--plugins";
    argv[n++] = (char *)plugins;
    argv[n++] = (char *)"--data";
    argv[n++] = (char *)data;
    argv[n++] = (char *)"--figures";
    argv[n++] = (char *)figures;
    va_list ap;
    va_start(ap, err);
    const char *a;
    while ((a = va_arg(ap, const char *)) && n < 63)
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    return tu_run(argv, out, err);
}

#define tu_wrrfig(out, err, ...) tu_wrrfig_dirs(WF_PLUGINS, WF_DATA, WF_FIGURES, out, err, __VA_ARGS__)

/* Builds one figure with the shipped plugins and specs on `data` into
 * out_dir; fails the test unless it was built and its SVG is complete. */
static inline void tu_build(const char *data, const char *out_dir, const char *fig, const char *formats)
{
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "build", fig, "--out", out_dir, "--format",
                            formats, NULL);
    if (rc != 0)
        fail_msg("build %s failed (%d): %s%s", fig, rc, out ? out : "", err ? err : "");
    char *js = tu_readf("%s/%s.json", out_dir, fig);
    if (!js || !strstr(js, "\"status\":\t\"ok\""))
        fail_msg("build %s: no ok manifest; stderr: %s", fig, err ? err : "");
    char *svg = tu_readf("%s/%s.svg", out_dir, fig);
    if (!svg || !strstr(svg, "</svg>"))
        fail_msg("build %s: no complete SVG", fig);
    free(svg);
    free(js);
    free(out);
    free(err);
}

/* An app on the shipped plugins and specs and the given data directory, its
 * plugins loaded (release with app_free(a)). */
static inline void tu_app(wf_app *a, const char *data)
{
    memset(a, 0, sizeof *a);
    a->data_dir = data;
    a->plugin_dir = WF_PLUGINS;
    a->figures_dir = WF_FIGURES;
    a->lang = "nl";
    a->timeout = 30;
    if (registry_load_dir(&a->reg, WF_PLUGINS) != 0)
        fail_msg("cannot load plugins from %s", WF_PLUGINS);
}

/* A measure's value; fails the test unless it evaluated. */
static inline double tu_eval_ok(const wf_app *a, const char *ref)
{
    wf_measure_result r;
    wf_measure_eval(a, ref, &r);
    if (r.status != EVAL_OK)
        fail_msg("%s: status %d (%s)", ref, r.status, r.reason.msg);
    return r.value;
}

static inline int tu_eval_status(const wf_app *a, const char *ref)
{
    wf_measure_result r;
    wf_measure_eval(a, ref, &r);
    return r.status;
}

/* The figure's CSV, parsed (caller frees with csv_free). */
static inline csv_doc *tu_csv(const char *out_dir, const char *fig)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.csv", out_dir, fig);
    csv_opts o = CSV_OPTS_TIDY;
    csv_doc *d = NULL;
    wf_error err;
    if (csv_read_file(path, &o, &d, &err) != 0)
        fail_msg("%s", err.msg);
    return d;
}

static inline int tu_contains(const char *hay, const char *needle)
{
    return hay && needle && strstr(hay, needle) != NULL;
}

#define assert_contains(hay, needle)                                                               \
    do {                                                                                           \
        const char *wf_h_ = (hay);                                                                 \
        if (!tu_contains(wf_h_, (needle)))                                                         \
            fail_msg("expected to find \"%s\" in:\n%s", (needle), wf_h_ ? wf_h_ : "(null)");       \
    } while (0)

/* A scratch directory for a whole test group: defines `static char *name`
 * and the cmocka group functions name##_setup (tu_tempdir(tag)) and
 * name##_teardown (removes the directory and frees name), to pass to
 * cmocka_run_group_tests_name. */
#define TU_SCRATCH_DIR(name, tag)                                                                  \
    static char *name;                                                                             \
    static int name##_setup(void **state)                                                          \
    {                                                                                              \
        (void)state;                                                                               \
        name = tu_tempdir(tag);                                                                    \
        return name ? 0 : -1;                                                                      \
    }                                                                                              \
    static int name##_teardown(void **state)                                                       \
    {                                                                                              \
        (void)state;                                                                               \
        tu_rmrf(name);                                                                             \
        free(name);                                                                                \
        name = NULL;                                                                               \
        return 0;                                                                                  \
    }

/* The value of a CBS table (37296ned's layout: Perioden, Onderwerp) for a
 * whole year, read by the test itself; fails the test when it is absent. */
static inline double tu_cbs_year(const wf_table *t, const char *topic, int year)
{
    char q[192];
    double v = 0;
    snprintf(q, sizeof q, "Perioden=%dJJ00;Onderwerp=%s", year, topic);
    if (table_find_query(t, q, &v) != WRRFIG_VALUE)
        fail_msg("no %s for %d in the table", topic, year);
    return v;
}

#endif
