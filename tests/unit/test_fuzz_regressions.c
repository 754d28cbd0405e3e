/* Replays every input kept under tests/fuzz/crashers/<harness>/ and every
 * seed (the project's own files, tests/fuzz/seeds.sh) through the libFuzzer
 * harnesses, compiled here without libFuzzer: a crasher the fuzzers found
 * stays fixed, under every build of `make check` (valgrind included). */
#include "testutil.h"

#include <dirent.h>

#include "../fuzz/fuzz_csv.c"
#include "../fuzz/fuzz_json.c"
#include "../fuzz/fuzz_geojson.c"
#include "../fuzz/fuzz_odata.c"
#include "../fuzz/fuzz_mapping.c"
#include "../fuzz/fuzz_claims.c"
#include "../fuzz/fuzz_expr.c"
#include "../fuzz/fuzz_spec.c"
#include "../fuzz/fuzz_table.c"
#include "../fuzz/fuzz_measure_answer.c"
#include "../fuzz/fuzz_fetch.c" /* defines http_get: the fetcher is served the input */
#include "../fuzz/fuzz_import.c"
#include "../fuzz/fuzz_scan.c"
#include "../fuzz/fuzz_diff.c"
#include "../fuzz/fuzz_site.c"

typedef int (*harness_fn)(const uint8_t *, size_t);

static void run_file(harness_fn fn, const char *path, bool csv_seed)
{
    size_t len = 0;
    char *text = tu_read(path, &len);
    if (!text)
        fail_msg("cannot read %s", path);
    if (csv_seed) { /* the CSV harness's first byte picks the dialect */
        char *t = malloc(len + 1);
        t[0] = strstr(path, "fixtures/import") ? '1' : '0';
        memcpy(t + 1, text, len);
        fn((const uint8_t *)t, len + 1);
        free(t);
    } else {
        fn((const uint8_t *)text, len);
    }
    free(text);
}

/* Runs fn on each kept crasher and each seed; returns how many inputs. */
static int replay(const char *name, harness_fn fn)
{
    int n = 0;
    char dir[700];
    snprintf(dir, sizeof dir, "%s/tests/fuzz/crashers/%s", WF_SRC_DIR, name);
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char p[1400];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        run_file(fn, p, false);
        n++;
    }
    if (d)
        closedir(d);
    char cmd[800], list[] = "/tmp/wrrfig-test-seeds-XXXXXX";
    close(mkstemp(list));
    snprintf(cmd, sizeof cmd, "sh '%s/tests/fuzz/seeds.sh' %s > '%s'", WF_SRC_DIR, name, list);
    if (system(cmd) != 0)
        fail_msg("%s", cmd);
    char *paths = tu_read(list, NULL);
    unlink(list);
    for (char *save = NULL, *p = strtok_r(paths, "\n", &save); p; p = strtok_r(NULL, "\n", &save)) {
        char full[1400];
        snprintf(full, sizeof full, "%s/%s", WF_SRC_DIR, p);
        run_file(fn, full, fn == fuzz_csv);
        n++;
    }
    free(paths);
    return n;
}

#define REPLAY(name, min)                                                                          \
    static void test_##name(void **state)                                                         \
    {                                                                                              \
        (void)state;                                                                               \
        assert_true(replay(#name, fuzz_##name) >= (min));                                          \
    }

REPLAY(csv, 10)
REPLAY(json, 10)
REPLAY(geojson, 3)
REPLAY(odata, 3)
REPLAY(mapping, 3)
REPLAY(claims, 5)
REPLAY(expr, 1)
REPLAY(spec, 10)
REPLAY(table, 10)
REPLAY(measure_answer, 1)
REPLAY(fetch, 4)
REPLAY(import, 20)
REPLAY(scan, 5)
REPLAY(diff, 3)
REPLAY(site, 3)

static int cleanup(void **state)
{
    (void)state;
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fuzz_dir());
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv),     cmocka_unit_test(test_json),  cmocka_unit_test(test_geojson),
        cmocka_unit_test(test_odata),   cmocka_unit_test(test_mapping), cmocka_unit_test(test_claims),
        cmocka_unit_test(test_expr),    cmocka_unit_test(test_spec),  cmocka_unit_test(test_table),
        cmocka_unit_test(test_measure_answer), cmocka_unit_test(test_fetch),  cmocka_unit_test(test_import),
        cmocka_unit_test(test_scan),    cmocka_unit_test(test_diff),
        cmocka_unit_test(test_site),
    };
    return cmocka_run_group_tests_name("fuzz regressions", tests, NULL, cleanup);
}
