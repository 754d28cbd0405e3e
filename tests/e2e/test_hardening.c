/* Regression tests of issue 14 (hardening): absent is not broken, the
 * manifest is written last with the true status, the status of a figure is
 * what the host verified, and no worker, plugin child or gnuplot outlives
 * the host or its time limit. The hostile plugin lives in
 * tests/plugins/hostile; the bad inputs and what they get are listed in
 * docs/hardening.md. */
#include "testutil.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <time.h>

static void nap_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static char *plugdir, *outdir, *datadir, *piddir;

static void sh(const char *fmt, ...)
{
    char cmd[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    if (system(cmd) != 0)
        fail_msg("command failed: %s", cmd);
}

static int setup(void **state)
{
    (void)state;
    plugdir = tu_tempdir("hplug");
    outdir = tu_tempdir("hout");
    datadir = tu_tempdir("hdata");
    piddir = tu_tempdir("hpid");
    sh("cp '%s/hostile.so' '%s/'", WF_TEST_PLUGINS, plugdir);
    sh("cp -r '%s/data/.' '%s/'", WF_FIXTURES, datadir);
    setenv("WRRFIG_TEST_PIDDIR", piddir, 1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tu_rmrf(plugdir);
    tu_rmrf(outdir);
    tu_rmrf(datadir);
    tu_rmrf(piddir);
    free(plugdir);
    free(outdir);
    free(datadir);
    free(piddir);
    return 0;
}

static int hbuild(char **out, char **err, const char *timeout, const char *fig)
{
    return tu_wrrfig_dirs(plugdir, datadir, WF_FIXTURES "/figures", out, err, "--timeout", timeout, "build", "--force",
                          "--out", outdir, "--format", "svg", "--verbose", fig, NULL);
}

static int exists(const char *fig, const char *ext)
{
    char p[700];
    snprintf(p, sizeof p, "%s/%s.%s", outdir, fig, ext);
    return access(p, F_OK) == 0;
}

static void write_stale(const char *fig)
{
    static const char *const ext[] = {"gp", "csv", "svg"};
    for (size_t i = 0; i < 3; i++) {
        char p[700];
        snprintf(p, sizeof p, "%s/%s.%s", outdir, fig, ext[i]);
        tu_write(p, "stale output of an earlier build\n");
    }
}

/* Whether pid still runs code. A killed orphan stays a zombie until init
 * reaps it, and how soon that is depends on the machine's init, not on
 * wrrfig: on the CI machine it reaps orphans about every 2 s, as long as the
 * whole wait below, so counting zombies as alive made the test pass or fail
 * by the phase of init's timer. A zombie runs nothing, which is what the
 * test is about. */
static bool runs(pid_t pid)
{
    if (kill(pid, 0) != 0)
        return false;
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return false; /* gone between the two looks */
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    const char *end = strrchr(buf, ')'); /* "pid (comm) S ...": comm may hold spaces */
    return !(end && end[1] == ' ' && (end[2] == 'Z' || end[2] == 'X'));
}

/* Every pid the plugin recorded under piddir with that tag no longer runs
 * (within two seconds: SIGKILL is delivered at once, but the kill of a
 * worker that dies with its host is asynchronous). Returns how many were
 * seen. */
static int assert_pids_gone(const char *tag)
{
    int seen = 0;
    for (int tries = 0; tries < 40; tries++) {
        DIR *d = opendir(piddir);
        struct dirent *e;
        int alive = 0;
        seen = 0;
        while (d && (e = readdir(d))) {
            if (strncmp(e->d_name, tag, strlen(tag)) != 0)
                continue;
            seen++;
            long pid = strtol(e->d_name + strlen(tag) + 1, NULL, 10);
            if (pid > 0 && runs((pid_t)pid))
                alive++;
        }
        if (d)
            closedir(d);
        if (!alive)
            return seen;
        nap_ms(50);
    }
    fail_msg("processes tagged %s still run after the build", tag);
    return seen;
}

/* Regression (#3): a corrupt declared input was NULL like an absent one, the
 * plugin said NO-DATA, and the NO-DATA manifest deleted the outputs. */
static void test_broken_input_is_not_nodata(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    char p[700];
    /* Absent: NO-DATA. */
    int rc = hbuild(&out, &err, "10", "hostile-broken");
    assert_int_equal(rc, 0);
    assert_contains(out, "hostile-broken      0 ms  no-data: test/broken"); /* the log line of build_report.c */
    free(out);
    free(err);
    /* Present and valid: built. */
    snprintf(p, sizeof p, "%s/test/broken.csv", datadir);
    tu_write(p, "label,value\nx,3\n");
    snprintf(p, sizeof p, "%s/test/broken.meta.json", datadir);
    tu_write(p, "{\"source\": \"SYNTHETIC TEST FIXTURE\"}");
    assert_int_equal(hbuild(&out, &err, "10", "hostile-broken"), 0);
    free(out);
    free(err);
    char *svg0 = tu_readf("%s/hostile-broken.svg", outdir), *js0 = tu_readf("%s/hostile-broken.json", outdir);
    assert_non_null(svg0);
    /* Present and corrupt: failed with file:line:col, outputs kept. */
    snprintf(p, sizeof p, "%s/test/broken.csv", datadir);
    FILE *f = fopen(p, "ab");
    fputc('\0', f);
    fclose(f);
    rc = hbuild(&out, &err, "10", "hostile-broken");
    assert_int_equal(rc, 1);
    assert_contains(err, "hostile-broken FAILED");
    assert_contains(err, "unreadable input");
    assert_contains(err, "test/broken.csv:3:");
    char *svg1 = tu_readf("%s/hostile-broken.svg", outdir), *js1 = tu_readf("%s/hostile-broken.json", outdir);
    assert_non_null(svg1);
    assert_string_equal(svg0, svg1);
    assert_string_equal(js0, js1);
    /* Present but not a readable file: also broken, not absent. */
    unlink(p);
    sh("mkdir '%s'", p);
    free(out);
    free(err);
    rc = hbuild(&out, &err, "10", "hostile-broken");
    assert_int_equal(rc, 1);
    assert_contains(err, "unreadable input");
    sh("rmdir '%s'", p);
    free(svg0);
    free(svg1);
    free(js0);
    free(js1);
    free(out);
    free(err);
}

/* The output directory as one text: name and sha256 of every file but the
 * manifests, and each manifest's status. (The claim verdicts inside NO-DATA
 * manifests may change with the data; they are not figure outputs.) */
static char *snapshot(const char *dir)
{
    char cmd[800], tmp[] = "/tmp/wrrfig-test-snap-XXXXXX";
    int fd = mkstemp(tmp);
    close(fd);
    snprintf(cmd, sizeof cmd, "cd '%s' && (sha256sum $(ls | grep -v '[.]json$'); "
             "for f in *.json; do echo \"$f $(grep -m1 '\\\"status\\\"' $f)\"; done) | sort > '%s'", dir, tmp);
    if (system(cmd) != 0)
        fail_msg("%s", cmd);
    char *t = tu_read(tmp, NULL);
    unlink(tmp);
    return t;
}

/* Regression (#3), the probe's case: one NUL byte appended to a shipped
 * table gave exit 0 and deleted the outputs of the figures that read it.
 * Now every such build fails and leaves every previous output as it was. */
static void test_nul_in_each_shipped_table(void **state)
{
    (void)state;
    char *data = tu_tempdir("hship"), *out = tu_tempdir("hshipout");
    sh("cp -r '%s/.' '%s/'", WF_DATA, data);
    char *o = NULL, *e = NULL;
    int rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &o, &e, "build", "--no-render", "--out", out, NULL);
    if (rc != 0)
        fail_msg("first build: %d %s", rc, e);
    free(o);
    free(e);
    char *before = snapshot(out);
    char list[] = "/tmp/wrrfig-test-tables-XXXXXX";
    close(mkstemp(list));
    sh("cd '%s' && find . -name '*.csv' -not -path './claims/*' | sort > '%s'", data, list);
    char *names = tu_read(list, NULL);
    unlink(list);
    int tried = 0;
    for (char *save = NULL, *t = strtok_r(names, "\n", &save); t; t = strtok_r(NULL, "\n", &save)) {
        char p[900];
        snprintf(p, sizeof p, "%s/%s", data, t);
        sh("cp '%s' '%s.orig' && printf '\\000' >> '%s'", p, p, p);
        rc = tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &o, &e, "build", "--no-render", "--out", out, NULL);
        char *after = snapshot(out);
        /* A table no figure reads changes nothing; one that is read fails. */
        if (rc != 0) {
            assert_int_equal(rc, 1);
            assert_contains(e, "unreadable input");
            assert_contains(e, "contains a NUL byte");
            tried++;
        }
        if (strcmp(before, after) != 0)
            fail_msg("%s with a NUL byte changed the outputs (rc %d): %s", t, rc, e);
        free(after);
        free(o);
        free(e);
        sh("mv '%s.orig' '%s'", p, p);
    }
    assert_true(tried >= 16); /* the probe found 16 of 17 tables read by figures */
    free(names);
    free(before);
    tu_rmrf(data);
    tu_rmrf(out);
    free(data);
    free(out);
}

/* A corrupt input makes a measure an error, not NO-DATA. */
static void test_broken_input_fails_measure(void **state)
{
    (void)state;
    char p[700];
    snprintf(p, sizeof p, "%s/test/broken.csv", datadir);
    tu_write(p, "label,value\nx,3\n");
    FILE *f = fopen(p, "ab");
    fputc('\0', f);
    fclose(f);
    snprintf(p, sizeof p, "%s/test/broken.meta.json", datadir);
    tu_write(p, "{\"source\": \"SYNTHETIC TEST FIXTURE\"}");
    wf_app a;
    memset(&a, 0, sizeof a);
    a.data_dir = datadir;
    a.plugin_dir = plugdir;
    a.figures_dir = WF_FIXTURES "/figures";
    a.lang = "nl";
    a.timeout = 10;
    assert_int_equal(registry_load_dir(&a.reg, plugdir), 0);
    wf_measure_result r;
    wf_measure_eval(&a, "hostile.broken", &r);
    assert_int_equal(r.status, EVAL_ERROR);
    assert_contains(r.reason.msg, "unreadable input");
    snprintf(p, sizeof p, "%s/test/broken.csv", datadir);
    unlink(p);
    wf_measure_eval(&a, "hostile.broken", &r);
    assert_int_equal(r.status, EVAL_NODATA);
    registry_free(&a.reg);
}

/* Regression (#2): junk a plugin wrote to every descriptor was read as the
 * worker's raw answer struct (over-reading the reason) and put the next six
 * claims out of step. */
static void test_measure_junk_cannot_desync(void **state)
{
    (void)state;
    wf_app a;
    memset(&a, 0, sizeof a);
    a.data_dir = datadir;
    a.plugin_dir = plugdir;
    a.figures_dir = WF_FIXTURES "/figures";
    a.lang = "nl";
    a.timeout = 10;
    assert_int_equal(registry_load_dir(&a.reg, plugdir), 0);
    wf_measure_server *s = measure_server_new(&a);
    static const char *const refs[] = {"hostile.one", "hostile.junk", "hostile.one", "hostile.one",
                                       "hostile.junk", "hostile.junk", "hostile.one", "hostile.one"};
    for (size_t i = 0; i < sizeof refs / sizeof *refs; i++) {
        wf_measure_result r;
        measure_server_eval(s, refs[i], &r);
        if (strcmp(refs[i], "hostile.one") == 0) {
            if (r.status != EVAL_OK)
                fail_msg("claim %zu (%s) got status %d: %s", i, refs[i], r.status, r.reason.msg);
            assert_double_near(r.value, 1, 0);
        } else {
            assert_int_equal(r.status, EVAL_ERROR);
            assert_contains(r.reason.msg, "malformed");
        }
        assert_non_null(memchr(r.reason.msg, '\0', sizeof r.reason.msg));
    }
    measure_server_free(s);
    registry_free(&a.reg);
}

/* Regression (#13): silent acceptance. Duplicate table rows (the last one
 * won) and a CSV header with a number cell are errors. */
static void test_silent_acceptance(void **state)
{
    (void)state;
    char p[700];
    snprintf(p, sizeof p, "%s/test/broken.csv", datadir);
    tu_write(p, "label,value\nx,3\ny,4\nx,5\n");
    snprintf(p, sizeof p, "%s/test/broken.meta.json", datadir);
    tu_write(p, "{\"source\": \"SYNTHETIC TEST FIXTURE\"}");
    char *out = NULL, *err = NULL;
    assert_int_equal(hbuild(&out, &err, "10", "hostile-broken"), 1);
    assert_contains(err, "test/broken.csv:4:1: duplicate row: the same codes as line 2");
    free(out);
    free(err);
    /* a code with a space after it was a second code for the same cell
     * (probe 3): codes are trimmed, so it is refused where it stands */
    snprintf(p, sizeof p, "%s/test/broken.csv", datadir);
    tu_write(p, "label,value\nx ,3\ny,4\nx,5\n");
    assert_int_equal(hbuild(&out, &err, "10", "hostile-broken"), 1);
    assert_contains(err, "test/broken.csv:2:1: code 'x ' in column 'label' has spaces around it (codes are trimmed)");
    free(out);
    free(err);
    snprintf(p, sizeof p, "%s/test/broken.csv", datadir);
    unlink(p);
    assert_int_equal(hbuild(&out, &err, "10", "hostile-badheader"), 1);
    assert_contains(err, "the header row takes text cells only");
    free(out);
    free(err);
}

/* Regression (#13, raw escape sequences): an import error quoted the
 * source cell. `import` escaped it, but `refresh` printed the same error
 * raw, and no command escaped the C1 control U+009B (a one-character CSI to
 * some terminals). Since the import harness (tests/fuzz/fuzz_import.c) the
 * source text is checked first, so such a cell is refused at its position
 * before anything quotes it; the quoting stays escaped behind that. A
 * SYNTHETIC mapping and source file, through the binary. */
static void test_import_errors_escape_terminal_codes(void **state)
{
    (void)state;
    char *sh_dir = tu_tempdir("hesc"), *data = tu_tempdir("hescdata"), *o = tu_tempdir("hescout");
    char p[700], src[700];
    snprintf(src, sizeof src, "%s/bad.csv", sh_dir);
    sh("mkdir -p '%s/mappings'", data);
    snprintf(p, sizeof p, "%s/mappings/bad.json", data);
    tu_write(p, "{\"table\": \"test/bad\", \"title\": \"bad\", \"source\": \"SYNTHETIC TEST FIXTURE\", \"licence\": \"none\","
                " \"input\": {\"format\": \"cbs-csv\", \"file\": \"bad.csv\"}, \"dimensions\": [{\"column\": \"Perioden\"}],"
                " \"value\": {\"column\": \"X_1\"}}");
    static const struct {
        const char *cell, *want;
    } CELLS[] = {
        {"1\033[2J\302\2335", "bad.csv:3:14: control character U+001B: not allowed in text"},
        {"1\302\2335", "bad.csv:3:14: control character U+009B: not allowed in text"},
    };
    static const char *const cmds[] = {"import", "refresh"};
    for (size_t c = 0; c < sizeof CELLS / sizeof CELLS[0]; c++) {
        char text[200];
        snprintf(text, sizeof text, "\"Perioden\";\"X_1\"\n\"2019JJ00\";\"  12\"\n\"2020JJ00\";\"%s\"\n", CELLS[c].cell);
        tu_write(src, text);
        for (size_t i = 0; i < 2; i++) {
            char *out = NULL, *err = NULL;
            int rc = i == 0 ? tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "--shared", sh_dir, "import", p,
                                             NULL)
                            : tu_wrrfig_dirs(WF_PLUGINS, data, WF_FIGURES, &out, &err, "--shared", sh_dir, "refresh",
                                             "test/bad", "--out", o, NULL);
            if (rc == 0)
                fail_msg("%s of a bad cell succeeded", cmds[i]);
            assert_contains(err, CELLS[c].want);
            if (strchr(err, '\033') || strstr(err, "\302\233") || strchr(out, '\033'))
                fail_msg("%s echoed a raw escape sequence: %s", cmds[i], err);
            free(out);
            free(err);
        }
    }
    tu_rmrf(sh_dir);
    tu_rmrf(data);
    tu_rmrf(o);
    free(sh_dir);
    free(data);
    free(o);
}

/* Regression (#11): parameters far out of range were cast to int. */
static void test_huge_parameters_are_errors(void **state)
{
    (void)state;
    wf_app a;
    tu_app(&a, WF_DATA);
    assert_int_equal(tu_eval_status(&a, "immigration.total{year=1e19}"), EVAL_ERROR);
    assert_int_equal(tu_eval_status(&a, "immigration.total{year=-1e300}"), EVAL_ERROR);
    assert_int_not_equal(tu_eval_status(&a, "hhi.index{area='GM0518', year=1e19}"), EVAL_OK);
    registry_free(&a.reg);
}

/* Regression (#8, issue 10): the manifest said ok before the render ran,
 * and a failed render left the new .gp beside the previous renders. */
static void test_failed_render_gets_failed_manifest(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    write_stale("hostile-badgp");
    int rc = hbuild(&out, &err, "10", "hostile-badgp");
    assert_int_equal(rc, 1);
    assert_contains(err, "hostile-badgp FAILED");
    assert_contains(err, "gnuplot failed");
    char *js = tu_readf("%s/hostile-badgp.json", outdir);
    assert_contains(js, "\"status\":\t\"failed\"");
    assert_contains(js, "gnuplot failed");
    assert_false(exists("hostile-badgp", "svg"));
    assert_false(exists("hostile-badgp", "gp"));
    assert_false(exists("hostile-badgp", "csv"));
    free(js);
    free(out);
    free(err);
}

static void test_render_timeout_gets_failed_manifest(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    write_stale("hostile-slowgp");
    int rc = hbuild(&out, &err, "1", "hostile-slowgp");
    assert_int_equal(rc, 1);
    assert_contains(err, "hostile-slowgp FAILED");
    char *js = tu_readf("%s/hostile-slowgp.json", outdir);
    assert_contains(js, "\"status\":\t\"failed\"");
    assert_false(exists("hostile-slowgp", "svg"));
    assert_false(exists("hostile-slowgp", "gp"));
    free(js);
    free(out);
    free(err);
}

/* Regression (#7): a plugin that wrote "O" to every descriptor and exited
 * was reported ok with no outputs. */
static void test_spoofed_status_is_failed(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    int rc = hbuild(&out, &err, "10", "hostile-spoof");
    assert_int_equal(rc, 1);
    assert_contains(err, "hostile-spoof FAILED");
    assert_false(tu_contains(out, "ms  ok\n"));
    char *js = tu_readf("%s/hostile-spoof.json", outdir);
    assert_contains(js, "\"status\":\t\"failed\"");
    free(js);
    free(out);
    free(err);
}

/* Regression (#7): a plugin that closed every descriptor was reported
 * FAILED although its outputs were written. */
static void test_closed_fds_still_ok(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    int rc = hbuild(&out, &err, "10", "hostile-closefds");
    if (rc != 0)
        fail_msg("rc %d: %s", rc, err);
    assert_contains(out, "] hostile-closefds ");
    assert_contains(out, "ms  ok\n");
    assert_true(exists("hostile-closefds", "svg"));
    free(out);
    free(err);
}

/* Regression (#5): 50 sleeping children of a plugin were alive after wrrfig
 * exited. */
static void test_plugin_children_do_not_survive(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    int rc = hbuild(&out, &err, "10", "hostile-children");
    if (rc != 0)
        fail_msg("rc %d: %s", rc, err);
    assert_int_equal(assert_pids_gone("child"), 5);
    free(out);
    free(err);
}

/* Starts a build of fig (hostile-loop or hostile-loopkids) in the
 * background; returns the host's pid once the worker has recorded its own. */
static pid_t start_loop_build(const char *fig)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        /* The test sends SIGINT and SIGTERM: start the host with their
         * default actions, whatever this program inherited (a test run in
         * the background of a non-interactive shell has SIGINT ignored, and
         * an ignored signal stays ignored across exec). */
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        int fd = open("/dev/null", O_WRONLY);
        dup2(fd, 1);
        dup2(fd, 2);
        execl(WF_BIN, WF_BIN, "--no-builtin", "--plugins", plugdir, "--data", datadir, "--figures", WF_FIXTURES "/figures",
              "--timeout", "60", "build", "--out", outdir, fig, (char *)NULL);
        _exit(127);
    }
    for (int i = 0; i < 200; i++) {
        DIR *d = opendir(piddir);
        struct dirent *e;
        int found = 0;
        while (d && (e = readdir(d)))
            found |= strncmp(e->d_name, "loop.", 5) == 0;
        closedir(d);
        if (found)
            return pid;
        nap_ms(50);
    }
    fail_msg("the looping worker never started");
    return pid;
}

/* Regression (#5): after SIGINT or SIGKILL of the host, an infinite-loop
 * plugin ran on. */
static void test_interrupted_host_leaves_no_worker(void **state)
{
    (void)state;
    static const int sigs[] = {SIGINT, SIGTERM, SIGKILL};
    for (size_t i = 0; i < 3; i++) {
        sh("rm -f '%s'/*", piddir);
        pid_t host = start_loop_build("hostile-loop");
        if (host <= 0) /* kill(-1, ...) would signal every process */
            fail_msg("fork failed");
        kill(host, sigs[i]);
        int st = 0;
        waitpid(host, &st, 0);
        assert_true(WIFSIGNALED(st));
        assert_int_equal(WTERMSIG(st), sigs[i]);
        assert_int_equal(assert_pids_gone("loop"), 1);
    }
}

/* Out of memory is reported as such, not as a hang or a crash. Not under
 * AddressSanitizer, which needs terabytes of address space. */
static void test_out_of_memory_reported(void **state)
{
    (void)state;
#if defined(__SANITIZE_ADDRESS__)
    skip();
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    skip();
#endif
#endif
    char *out = NULL, *err = NULL;
    setenv("WRRFIG_MEMORY_LIMIT", "256", 1);
    int rc = hbuild(&out, &err, "20", "hostile-oom");
    unsetenv("WRRFIG_MEMORY_LIMIT");
    assert_int_equal(rc, 1);
    assert_contains(err, "hostile-oom FAILED");
    assert_contains(err, "out of memory");
    free(out);
    free(err);
}

/* Regression (#9): temporaries of a killed build piled up. */
static void test_stale_temporaries_removed(void **state)
{
    (void)state;
    char p1[700], p2[700], p3[700];
    /* pid 2^22+1 is above Linux's largest pid_max: never a live process. */
    snprintf(p1, sizeof p1, "%s/.hostile-closefds.gp.4194305.1.tmp", outdir);
    snprintf(p2, sizeof p2, "%s/.hostile-closefds.render.4194305.svg", outdir);
    snprintf(p3, sizeof p3, "%s/.hostile-closefds.gp.%ld.1.tmp", outdir, (long)getpid()); /* alive, but not wrrfig: a reused pid */
    tu_write(p1, "partial");
    tu_write(p2, "<svg");
    tu_write(p3, "in use");
    char *out = NULL, *err = NULL;
    assert_int_equal(hbuild(&out, &err, "10", "hostile-closefds"), 0);
    assert_int_equal(access(p1, F_OK), -1);
    assert_int_equal(access(p2, F_OK), -1);
    assert_int_equal(access(p3, F_OK), -1);
    unlink(p3);
    free(out);
    free(err);
}

/* Regression (#6): a segfaulting constructor or a bad name or figures
 * pointer crashed every command (rc 139, no message), list included. */
static void test_bad_plugins_refused_by_name(void **state)
{
    (void)state;
    sh("cp '%s/badctor.so' '%s/badptr.so' '%s/badname.so' '%s/'", WF_TEST_PLUGINS, WF_TEST_PLUGINS, WF_TEST_PLUGINS,
       plugdir);
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig_dirs(plugdir, datadir, WF_FIXTURES "/figures", &out, &err, "list", NULL);
    assert_int_equal(rc, 3);
    assert_contains(err, "badctor.so: crashed while loading");
    assert_contains(err, "badptr.so: crashed while loading");
    assert_contains(err, "badname.so: crashed while loading");
    assert_contains(out, "hostile-closefds"); /* the good plugin works */
    free(out);
    free(err);
    rc = hbuild(&out, &err, "10", "hostile-closefds");
    assert_int_equal(rc, 3);
    /* its log line: "[1/1] hostile-closefds    132 ms  ok" */
    const char *line = strstr(out, "hostile-closefds ");
    assert_non_null(line);
    const char *eol = strchr(line, '\n');
    assert_true(eol && eol - line > 4 && !strncmp(eol - 4, "  ok", 4));
    sh("rm '%s/badctor.so' '%s/badptr.so' '%s/badname.so'", plugdir, plugdir, plugdir);
    free(out);
    free(err);
}

/* A registry directory holding one claim, on the given measure, that
 * expects 1 (free the path, remove the directory). */
static char *one_claim_registry(const char *measure)
{
    char *dir = tu_tempdir("hreg"), p[700], claim[1024];
    snprintf(claim, sizeof claim,
             "[{\"id\": \"t-hostile\", \"line\": 1, \"figure\": null, \"quote_nl\": \"SYNTHETIC TEST FIXTURE\", "
             "\"en\": \"one\", \"op\": \"=\", \"value\": 1, \"unit\": \"count\", \"tolerance\": 0, "
             "\"measure\": \"%s\", \"source\": \"SYNTHETIC TEST FIXTURE\"}]\n",
             measure);
    snprintf(p, sizeof p, "%s/ch2.json", dir);
    tu_write(p, claim);
    return dir;
}

/* Probe 3: what a plugin printed on standard output went into the host's
 * build log, where it could forge the line of another figure. It now goes
 * with the worker's other messages (stderr, with the figure's id). */
static void test_plugin_stdout_not_in_log(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    int rc = hbuild(&out, &err, "10", "hostile-stdout");
    if (rc != 0)
        fail_msg("rc %d: %s", rc, err);
    if (strstr(out, "forged") || strstr(out, "fig-9-9"))
        fail_msg("the plugin's stdout reached the build log:\n%s", out);
    assert_contains(out, "] hostile-stdout ");
    assert_contains(err, "forged by the plugin on stdout");
    free(out);
    free(err);
}

/* Probe 3: a measure's printf went into `wrrfig check`'s standard output:
 * a forged "ok 1" before the TAP header, JSON that did not parse. */
static void test_measure_stdout_not_in_report(void **state)
{
    (void)state;
    char *reg = one_claim_registry("hostile.stdout");
    static const char *const formats[] = {"json", "tap"};
    for (size_t i = 0; i < 2; i++) {
        char *out = NULL, *err = NULL;
        int rc = tu_wrrfig_dirs(plugdir, datadir, WF_FIXTURES "/figures", &out, &err, "check", "--registry", reg,
                                "--no-report", "--format", formats[i], NULL);
        if (rc != 0)
            fail_msg("check --format %s: rc %d: %s", formats[i], rc, err);
        if (strstr(out, "forged"))
            fail_msg("the measure's stdout reached the %s report:\n%s", formats[i], out);
        assert_true(i == 0 ? out[0] == '{' || out[0] == '[' : strncmp(out, "TAP version", 11) == 0);
        assert_contains(err, "forged by the plugin on stdout");
        free(out);
        free(err);
    }
    tu_rmrf(reg);
    free(reg);
}

/* Probe 3: a child a measure left behind ran on after `wrrfig check`
 * ended (the measure worker was killed alone, not with its group); so did
 * one that left the group (setsid). */
static void test_measure_children_do_not_survive(void **state)
{
    (void)state;
    sh("rm -f '%s'/*", piddir);
    char *reg = one_claim_registry("hostile.child");
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig_dirs(plugdir, datadir, WF_FIXTURES "/figures", &out, &err, "check", "--registry", reg,
                            "--no-report", NULL);
    if (rc != 0)
        fail_msg("rc %d: %s", rc, err);
    assert_int_equal(assert_pids_gone("mchild"), 2);
    tu_rmrf(reg);
    free(reg);
    free(out);
    free(err);
}

/* Probe 3: after SIGKILL of the host, its worker died (PR_SET_PDEATHSIG)
 * but a child the plugin had started ran on. */
static void test_killed_host_leaves_no_plugin_child(void **state)
{
    (void)state;
    sh("rm -f '%s'/*", piddir);
    pid_t host = start_loop_build("hostile-loopkids");
    if (host <= 0)
        fail_msg("fork failed");
    kill(host, SIGKILL);
    waitpid(host, NULL, 0);
    assert_int_equal(assert_pids_gone("loop"), 1);
    assert_int_equal(assert_pids_gone("kid"), 1);
}

/* Probe 3: a plugin child that left the worker's process group (setsid)
 * ran on after the build. */
static void test_escaped_children_do_not_survive(void **state)
{
    (void)state;
    sh("rm -f '%s'/*", piddir);
    char *out = NULL, *err = NULL;
    int rc = hbuild(&out, &err, "10", "hostile-escape");
    if (rc != 0)
        fail_msg("rc %d: %s", rc, err);
    assert_int_equal(assert_pids_gone("escape"), 1);
    free(out);
    free(err);
}

/* Probe 3: a FIFO named like a spec in the figures path (or like a table
 * in data/) made `wrrfig list` and `build` wait forever in open(). Now the
 * spec is refused by name and the build fails that figure. SIGALRM fails the
 * test instead of hanging it. */
static void test_fifo_input_does_not_hang(void **state)
{
    (void)state;
    char *figs = tu_tempdir("hfigs"), p[700];
    sh("cp '%s/figures/hostile-closefds.json' '%s/'", WF_FIXTURES, figs);
    snprintf(p, sizeof p, "%s/hostile-zz.json", figs);
    assert_int_equal(mkfifo(p, 0644), 0);
    alarm(60);
    char *out = NULL, *err = NULL;
    int rc = tu_wrrfig_dirs(plugdir, datadir, figs, &out, &err, "list", NULL);
    assert_int_equal(rc, 1);
    assert_contains(err, "hostile-zz.json: cannot open: not a regular file");
    free(out);
    free(err);
    unlink(p);
    snprintf(p, sizeof p, "%s/test/hostile.csv", datadir);
    sh("mv '%s' '%s.keep'", p, p);
    assert_int_equal(mkfifo(p, 0644), 0);
    rc = hbuild(&out, &err, "10", "hostile-stdout");
    assert_int_equal(rc, 1);
    assert_contains(out, "FAILED: unreadable input");
    assert_contains(out, "not a regular file");
    alarm(0);
    sh("rm '%s' && mv '%s.keep' '%s'", p, p, p);
    free(out);
    free(err);
    tu_rmrf(figs);
    free(figs);
}

/* Probe 3: a script that makes gnuplot print 100,000 lines (plugin code
 * writes the script) grew the host's memory with every line (166 MB for a
 * million) and failed the figure ("the host's answer is too long"). The
 * host keeps the first 64 KB of messages. */
static void test_gnuplot_message_flood_capped(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    int rc = hbuild(&out, &err, "60", "hostile-gpflood");
    if (rc != 0)
        fail_msg("rc %d: %s", rc, out);
    char p[700];
    snprintf(p, sizeof p, "%s/hostile-gpflood.json", outdir);
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_true(st.st_size < 200 * 1024);
    char *m = tu_readf("%s", p);
    assert_contains(m, "\"status\":\t\"ok\"");
    assert_contains(m, "[more gnuplot messages dropped]");
    free(m);
    free(out);
    free(err);
}

/* Probe 3: what a plugin wrote to stderr, gnuplot's messages and a forged
 * failure reason reached the terminal as written: escape sequences (clear
 * the screen, set the window title) included. They are shown as \\xNN. */
static void test_plugin_text_escaped_for_terminal(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    int rc = hbuild(&out, &err, "10", "hostile-termesc");
    if (rc != 0)
        fail_msg("rc %d: %s", rc, err);
    assert_contains(err, "plugin says \\x1B[2J\\x1B]0;pwned\\x07 on stderr");
    assert_contains(err, "gnuplot says \\x1B[31m in red");
    if (strchr(out, '\033') || strchr(err, '\033') || strchr(err, '\007'))
        fail_msg("a control character reached the terminal");
    free(out);
    free(err);
    rc = hbuild(&out, &err, "10", "hostile-escreason");
    assert_int_equal(rc, 1);
    assert_contains(out, "FAILED: forged reason \\x1B[2J clearing the screen");
    if (strchr(out, '\033') || strchr(err, '\033'))
        fail_msg("a control character reached the terminal");
    free(out);
    free(err);
}

/* Probe 3: a measure that answered NaN or infinity got a verdict: NaN was
 * INCONSISTENT, and infinity was CONSISTENT with "= 1" (the comparison's
 * relative slack grew to infinity). Not a number is an ERROR. */
static void test_nonfinite_measure_is_error(void **state)
{
    (void)state;
    char *reg = one_claim_registry("hostile.nan");
    for (int inf = 0; inf < 2; inf++) {
        if (inf)
            setenv("WRRFIG_TEST_INF", "1", 1);
        char *out = NULL, *err = NULL;
        tu_wrrfig_dirs(plugdir, datadir, WF_FIXTURES "/figures", &out, &err, "check", "--registry", reg,
                       "--no-report", NULL);
        unsetenv("WRRFIG_TEST_INF");
        if (!tu_contains(out, "ERROR") || tu_contains(out, "CONSISTENT"))
            fail_msg("%s: %s", inf ? "infinity" : "NaN", out);
        assert_contains(out, "not a finite number");
        free(out);
        free(err);
    }
    tu_rmrf(reg);
    free(reg);
}

/* Probe 3: a process a plugin's script started through gnuplot's system()
 * ran on after the build: gnuplot was in the host's process group, and its
 * orphan too. gnuplot servers now lead their own guarded groups. */
static void test_gnuplot_children_do_not_survive(void **state)
{
    (void)state;
    sh("rm -f '%s'/*", piddir);
    char *out = NULL, *err = NULL;
    int rc = hbuild(&out, &err, "10", "hostile-gpsystem");
    if (rc != 0)
        fail_msg("rc %d: %s", rc, err);
    assert_int_equal(assert_pids_gone("gpsys"), 1);
    free(out);
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_broken_input_is_not_nodata),
        cmocka_unit_test(test_broken_input_fails_measure),
        cmocka_unit_test(test_nul_in_each_shipped_table),
        cmocka_unit_test(test_measure_junk_cannot_desync),
        cmocka_unit_test(test_huge_parameters_are_errors),
        cmocka_unit_test(test_silent_acceptance),
        cmocka_unit_test(test_import_errors_escape_terminal_codes),
        cmocka_unit_test(test_failed_render_gets_failed_manifest),
        cmocka_unit_test(test_render_timeout_gets_failed_manifest),
        cmocka_unit_test(test_spoofed_status_is_failed),
        cmocka_unit_test(test_closed_fds_still_ok),
        cmocka_unit_test(test_plugin_children_do_not_survive),
        cmocka_unit_test(test_interrupted_host_leaves_no_worker),
        cmocka_unit_test(test_out_of_memory_reported),
        cmocka_unit_test(test_stale_temporaries_removed),
        cmocka_unit_test(test_bad_plugins_refused_by_name),
        cmocka_unit_test(test_plugin_stdout_not_in_log),
        cmocka_unit_test(test_measure_stdout_not_in_report),
        cmocka_unit_test(test_measure_children_do_not_survive),
        cmocka_unit_test(test_killed_host_leaves_no_plugin_child),
        cmocka_unit_test(test_escaped_children_do_not_survive),
        cmocka_unit_test(test_fifo_input_does_not_hang),
        cmocka_unit_test(test_gnuplot_message_flood_capped),
        cmocka_unit_test(test_plugin_text_escaped_for_terminal),
        cmocka_unit_test(test_nonfinite_measure_is_error),
        cmocka_unit_test(test_gnuplot_children_do_not_survive),
    };
    return cmocka_run_group_tests_name("hardening", tests, setup, teardown);
}
