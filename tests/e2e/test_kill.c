/* The kill test (issue 14): `wrrfig build` on the shipped data is killed
 * with SIGKILL at random points, ten times, alternating the output language
 * so that the previous and the new version of each output differ. After
 * every kill, each output file is byte for byte either its complete
 * previous version or its complete new one, and no worker or gnuplot of
 * that build still runs. The next build cleans the temporaries up and
 * completes. */
#include "testutil.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <time.h>

#define TRIALS 10

typedef struct ref {
    size_t n;
    char **name, **sha;
} ref;

static char *sha_of(const char *path)
{
    char cmd[900], tmp[] = "/tmp/wrrfig-test-ksha-XXXXXX";
    close(mkstemp(tmp));
    snprintf(cmd, sizeof cmd, "sha256sum '%s' | cut -c1-64 > '%s'", path, tmp);
    if (system(cmd) != 0)
        fail_msg("%s", cmd);
    char *s = tu_read(tmp, NULL);
    unlink(tmp);
    s[strcspn(s, "\n")] = '\0';
    return s;
}

/* name -> sha256 of every visible file of dir. */
static void take_ref(const char *dir, ref *r)
{
    memset(r, 0, sizeof *r);
    DIR *d = opendir(dir);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char p[900];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        r->name = realloc(r->name, (r->n + 1) * sizeof *r->name);
        r->sha = realloc(r->sha, (r->n + 1) * sizeof *r->sha);
        r->name[r->n] = strdup(e->d_name);
        r->sha[r->n] = sha_of(p);
        r->n++;
    }
    closedir(d);
}

static const char *ref_get(const ref *r, const char *name)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->name[i], name) == 0)
            return r->sha[i];
    return NULL;
}

static void ref_free(ref *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->name[i]);
        free(r->sha[i]);
    }
    free(r->name);
    free(r->sha);
}

static pid_t spawn_build(const char *out, const char *lang)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        int fd = open("/dev/null", O_WRONLY);
        dup2(fd, 1);
        dup2(fd, 2);
        execl(WF_BIN, WF_BIN, "--no-builtin", "--plugins", WF_PLUGINS, "--data", WF_DATA, "--figures", WF_FIGURES, "--lang", lang,
              "build", "--out", out, "--format", "svg", "--jobs", "2", (char *)NULL);
        _exit(127);
    }
    return pid;
}

static int run_build(const char *out, const char *lang)
{
    int st = 0;
    waitpid(spawn_build(out, lang), &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Processes whose command line mentions dir (workers share the host's
 * argv; gnuplot's names its output prefix there). */
static int processes_mentioning(const char *dir)
{
    int n = 0;
    DIR *d = opendir("/proc");
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9')
            continue;
        char p[300];
        snprintf(p, sizeof p, "/proc/%s/cmdline", e->d_name);
        FILE *f = fopen(p, "rb");
        if (!f)
            continue;
        char buf[8192];
        size_t len = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        for (size_t i = 0; i < len; i++)
            if (buf[i] == '\0')
                buf[i] = ' ';
        buf[len] = '\0';
        /* a zombie has an empty cmdline; the scan must not count itself */
        if (strstr(buf, dir) && !strstr(buf, "test_kill"))
            n++;
    }
    closedir(d);
    return n;
}

static void nap_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_sigkill_at_random_points(void **state)
{
    (void)state;
    char *nl = tu_tempdir("knl"), *en = tu_tempdir("ken"), *out = tu_tempdir("kout");
    double t0 = now_s();
    assert_int_equal(run_build(nl, "nl"), 0);
    double full = now_s() - t0;
    assert_int_equal(run_build(en, "en"), 0);
    ref rnl, ren;
    take_ref(nl, &rnl);
    take_ref(en, &ren);
    assert_true(rnl.n > 50);
    assert_int_equal(run_build(out, "nl"), 0);
    unsigned seed = 14; /* fixed: a failure can be replayed */
    int kills = 0;
    for (int t = 0; t < TRIALS; t++) {
        const char *lang = t % 2 == 0 ? "en" : "nl";
        long delay = (long)(rand_r(&seed) % (unsigned)(full * 1000.0 + 1));
        pid_t host = spawn_build(out, lang);
        if (host <= 0) /* kill(-1, ...) would signal every process */
            fail_msg("fork failed");
        nap_ms(delay);
        kill(host, SIGKILL);
        int st = 0;
        waitpid(host, &st, 0);
        if (WIFSIGNALED(st))
            kills++;
        /* No worker or gnuplot of that build survives it. */
        int left = 0;
        for (int i = 0; i < 500 && (left = processes_mentioning(out)) > 0; i++)
            nap_ms(20);
        if (left)
            fail_msg("trial %d (kill after %ld ms): %d processes of the killed build still run", t, delay, left);
        /* Every output is a complete previous or new version. */
        DIR *d = opendir(out);
        struct dirent *e;
        while ((e = readdir(d))) {
            if (e->d_name[0] == '.')
                continue;
            char p[900];
            snprintf(p, sizeof p, "%s/%s", out, e->d_name);
            char *sha = sha_of(p);
            const char *a = ref_get(&rnl, e->d_name), *b = ref_get(&ren, e->d_name);
            if (!(a && strcmp(sha, a) == 0) && !(b && strcmp(sha, b) == 0))
                fail_msg("trial %d (kill after %ld ms): %s is neither version", t, delay, e->d_name);
            free(sha);
        }
        closedir(d);
    }
    /* A test of killed builds must have killed one (the delays are drawn
     * within the time of a full build, so most builds are cut short). */
    if (kills == 0)
        fail_msg("none of the %d builds was killed before it ended (full build %.0f ms)", TRIALS, full * 1000);
    /* The next build cleans up and completes. */
    assert_int_equal(run_build(out, "nl"), 0);
    ref after;
    take_ref(out, &after);
    for (size_t i = 0; i < rnl.n; i++)
        if (!ref_get(&after, rnl.name[i]))
            fail_msg("after the final build, %s is missing", rnl.name[i]);
    for (size_t i = 0; i < after.n; i++)
        if (!ref_get(&rnl, after.name[i]))
            fail_msg("after the final build, %s is extra", after.name[i]);
    for (size_t i = 0; i < after.n; i++) {
        const char *want = ref_get(&rnl, after.name[i]);
        if (!want || strcmp(want, after.sha[i]) != 0)
            fail_msg("after the final build, %s differs from a clean build", after.name[i]);
    }
    /* No temporaries left. */
    DIR *d = opendir(out);
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] == '.' && (strstr(e->d_name, "tmp") || strstr(e->d_name, "render")))
            fail_msg("after the final build, a temporary is left: %s", e->d_name);
    closedir(d);
    printf("kill test: %d of %d builds killed by SIGKILL (full build %.0f ms)\n", kills, TRIALS, full * 1000);
    ref_free(&rnl);
    ref_free(&ren);
    ref_free(&after);
    tu_rmrf(nl);
    tu_rmrf(en);
    tu_rmrf(out);
    free(nl);
    free(en);
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sigkill_at_random_points),
    };
    return cmocka_run_group_tests_name("kill", tests, NULL, NULL);
}
