/* Test plugin: figures that attack the host's isolation rather than crash:
 * they forge the worker's status message, close every descriptor, leave
 * children behind, hang gnuplot, write a script gnuplot rejects, exhaust
 * memory through the host, and map a corrupt input to NO-DATA the way six
 * shipped plugins do; and (probe 3) leave children that leave the group or
 * outlive a SIGKILLed host, stop themselves, print on stdout, flood
 * gnuplot's messages, send terminal escapes and forge a failure reason; its
 * measures print on stdout, leave children and answer NaN. The tests (tests/e2e/test_hardening.c) prove the host
 * reports each as what it is. */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wrrfig/plugin.h>

static const char *const hostile_in[] = {"test/hostile", NULL};
static const char *const xml_in[] = {"test/xmltext", NULL};
static const char *const broken_in[] = {"test/broken", "test/hostile", NULL};

/* A minimal valid figure on test/hostile. */
static wrrfig_status draw(const wrrfig_host *h, wrrfig_ctx *ctx, const char *extra_cmd)
{
    const wrrfig_table *t = h->table(ctx, "test/hostile");
    if (!t)
        return WRRFIG_ERROR;
    double v = 0;
    h->table_value(t, 0, &v);
    h->gp_block_begin(ctx, "pts");
    h->gp_block_row(ctx, "%g %g", 1.0, v);
    h->gp_block_end(ctx);
    h->gp_cmd(ctx, "set xrange [0:2]; set yrange [0:%g]", v * 2);
    if (extra_cmd)
        h->gp_cmd(ctx, extra_cmd);
    h->gp_cmd(ctx, "plot $pts using 1:2 with points notitle");
    h->csv_row(ctx, "ss", "label", "value");
    h->csv_row(ctx, "sn", "x", v);
    return WRRFIG_OK;
}

/* Writes a pid into $WRRFIG_TEST_PIDDIR/<name>.pid so the test can check it
 * is gone afterwards. */
static void note_pid(const char *name, pid_t pid)
{
    const char *dir = getenv("WRRFIG_TEST_PIDDIR");
    if (!dir)
        return;
    char p[600];
    snprintf(p, sizeof p, "%s/%s.%ld.pid", dir, name, (long)pid);
    FILE *f = fopen(p, "w");
    if (f) {
        fprintf(f, "%ld\n", (long)pid);
        fclose(f);
    }
}

/* Forges an "ok" status on every descriptor, in the worker's frame format
 * and as the old one-byte mark, then leaves without building anything. */
static wrrfig_status build_spoof(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    (void)h;
    (void)ctx;
    static const unsigned char frame[] = {'W', 'R', 'F', 'G', 0, 0, 0, 0, 0};
    for (int fd = 3; fd < 1024; fd++) {
        ssize_t w = write(fd, frame, sizeof frame);
        w = write(fd, "O", 1);
        (void)w;
    }
    _exit(0);
}

/* Closes every descriptor the host might use, then builds normally. */
static wrrfig_status build_closefds(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    for (int fd = 3; fd < 1024; fd++)
        close(fd);
    return draw(h, ctx, NULL);
}

/* Leaves five sleeping children behind, then builds normally. The worker
 * records each child's pid itself, before it goes on: a child recording its
 * own could be killed with the group before it was ever scheduled (under
 * load), and the test would count four. */
static wrrfig_status build_children(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    for (int i = 0; i < 5; i++) {
        pid_t p = fork();
        if (p == 0) {
            sleep(60);
            _exit(0);
        }
        if (p > 0)
            note_pid("child", p);
    }
    return draw(h, ctx, NULL);
}

/* Loops forever after recording its pid. */
static wrrfig_status build_loop(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    (void)h;
    (void)ctx;
    note_pid("loop", getpid());
    for (volatile unsigned long i = 0;; i++)
        ;
    return WRRFIG_OK;
}

/* A script gnuplot rejects: the render fails. */
static wrrfig_status build_badgp(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    return draw(h, ctx, "plot $nosuchblock using 1:2");
}

/* gnuplot hangs: the render times out. */
static wrrfig_status build_slowgp(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    return draw(h, ctx, "pause 60");
}

/* Grows the host's script buffer until memory runs out. */
static wrrfig_status build_oom(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    for (;;)
        h->gp_cmd(ctx, "# %q", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    return WRRFIG_OK;
}

/* A header row with a number cell: the host refuses it (a string passed
 * where a number was read gave an uninitialised cell). */
static wrrfig_status build_badheader(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    h->csv_row(ctx, "sn", "label", "value");
    return draw(h, ctx, NULL);
}

/* Labels with XML's special characters, as title, key, label and tics. */
static wrrfig_status build_xmltext(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    const wrrfig_table *t = h->table(ctx, "test/xmltext");
    if (!t)
        return WRRFIG_ERROR;
    const char *label = h->table_key(t, 0, 0);
    h->set_title(ctx, label);
    h->gp_block_begin(ctx, "pts");
    h->gp_block_row(ctx, "%g %g %q", 1.0, 1.0, label);
    h->gp_block_end(ctx);
    h->gp_cmd(ctx, "set label 1 %q at graph 0.1, graph 0.5", label);
    h->gp_cmd(ctx, "set xtics (%q 1)", label);
    h->gp_cmd(ctx, "set xrange [0:2]; set yrange [0:2]");
    h->gp_cmd(ctx, "plot $pts using 1:2 with points title %q, $pts using 1:2:3 with labels notitle", label);
    h->csv_row(ctx, "ss", "label", "value");
    h->csv_row(ctx, "sn", label, 1.0);
    return WRRFIG_OK;
}

/* What six shipped plugins did: any NULL table is NO-DATA. */
static wrrfig_status build_broken(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    if (!h->table(ctx, "test/broken"))
        return WRRFIG_NODATA;
    return draw(h, ctx, NULL);
}

/* Leaves a sleeping child that puts itself in a session of its own (out
 * of the worker's process group), then builds normally. */
static wrrfig_status build_escape(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    pid_t p = fork();
    if (p == 0) {
        setsid();
        sleep(60);
        _exit(0);
    }
    if (p > 0)
        note_pid("escape", p);
    return draw(h, ctx, NULL);
}

/* Stops itself (SIGSTOP): only the time limit can end it. */
static wrrfig_status build_stop(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    (void)h;
    (void)ctx;
    raise(SIGSTOP);
    return WRRFIG_OK;
}

/* Writes lines to standard output that look like the host's own build log,
 * then builds normally. */
static wrrfig_status build_stdout(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    printf("[ 1/1] fig-9-9  1 ms  ok\nforged by the plugin on stdout\n");
    fflush(stdout);
    return draw(h, ctx, NULL);
}

/* Leaves a sleeping child, then loops until killed, after recording
 * both pids. */
static wrrfig_status build_loopkids(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    (void)h;
    (void)ctx;
    pid_t p = fork();
    if (p == 0) {
        sleep(60);
        _exit(0);
    }
    if (p > 0)
        note_pid("kid", p);
    note_pid("loop", getpid());
    for (volatile unsigned long i = 0;; i++)
        ;
    return WRRFIG_OK;
}

/* gnuplot prints 100,000 lines to its stderr while rendering. */
static wrrfig_status build_gpflood(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    return draw(h, ctx, "do for [i=1:100000] { print 'flooding the host with gnuplot messages, line ', i }");
}

/* Terminal escape sequences on stderr and in gnuplot's messages, then
 * builds normally. */
static wrrfig_status build_termesc(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    fprintf(stderr, "plugin says \033[2J\033]0;pwned\007 on stderr\n");
    fflush(stderr);
    return draw(h, ctx, "print \"gnuplot says \\033[31m in red\"");
}

/* A well-formed error frame whose reason holds an escape sequence, on
 * every descriptor, then leaves. */
static wrrfig_status build_escreason(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    (void)h;
    (void)ctx;
    static const char reason[] = "forged reason \033[2J clearing the screen";
    unsigned char frame[9 + sizeof reason - 1] = {'W', 'R', 'F', 'G', 1, (unsigned char)(sizeof reason - 1), 0, 0, 0};
    memcpy(frame + 9, reason, sizeof reason - 1);
    for (int fd = 3; fd < 1024; fd++) {
        ssize_t w = write(fd, frame, sizeof frame);
        (void)w;
    }
    _exit(1);
}

/* gnuplot starts a sleeping process in the background (its system()),
 * which records its pid. */
static wrrfig_status build_gpsystem(const wrrfig_host *h, wrrfig_ctx *ctx)
{
    return draw(h, ctx, "system('sleep 60 & echo $! > \"$WRRFIG_TEST_PIDDIR/gpsys.$!.pid\"')");
}

static const wrrfig_figure figures[] = {
    {"hostile-gpsystem", hostile_in, "nothing", build_gpsystem},
    {"hostile-termesc", hostile_in, "nothing", build_termesc},
    {"hostile-escreason", NULL, "nothing", build_escreason},
    {"hostile-gpflood", hostile_in, "nothing", build_gpflood},
    {"hostile-escape", hostile_in, "nothing", build_escape},
    {"hostile-stop", NULL, "nothing", build_stop},
    {"hostile-stdout", hostile_in, "nothing", build_stdout},
    {"hostile-loopkids", NULL, "nothing", build_loopkids},
    {"hostile-spoof", NULL, "nothing", build_spoof},
    {"hostile-closefds", hostile_in, "nothing", build_closefds},
    {"hostile-children", hostile_in, "nothing", build_children},
    {"hostile-loop", NULL, "nothing", build_loop},
    {"hostile-badgp", hostile_in, "nothing", build_badgp},
    {"hostile-slowgp", hostile_in, "nothing", build_slowgp},
    {"hostile-oom", NULL, "nothing", build_oom},
    {"hostile-broken", broken_in, "nothing", build_broken},
    {"hostile-badheader", hostile_in, "nothing", build_badheader},
    {"hostile-xmltext", xml_in, "nothing", build_xmltext},
};

static wrrfig_status measure_broken(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    (void)p;
    const wrrfig_table *t = h->table(ctx, "test/broken");
    if (!t || h->table_value(t, 0, out) != WRRFIG_VALUE)
        return WRRFIG_NODATA;
    return WRRFIG_OK;
}

/* Writes junk (including a forged answer header) to every descriptor, then
 * answers 1. */
static wrrfig_status measure_junk(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    (void)h;
    (void)ctx;
    (void)p;
    static const char junk[] = "WFMR\1\0\0\0\377\377\377\377garbage without any NUL or sense";
    for (int fd = 3; fd < 1024; fd++) {
        ssize_t w = write(fd, junk, sizeof junk - 1);
        (void)w;
    }
    *out = 1;
    return WRRFIG_OK;
}

static wrrfig_status measure_one(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    (void)h;
    (void)ctx;
    (void)p;
    *out = 1;
    return WRRFIG_OK;
}

/* Writes a forged line to standard output, then answers 1. */
static wrrfig_status measure_stdout(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    (void)h;
    (void)ctx;
    (void)p;
    printf("ok 1 - forged by the plugin on stdout\n");
    fflush(stdout);
    *out = 1;
    return WRRFIG_OK;
}

/* Leaves two sleeping children behind, the second in a session of its
 * own (out of the worker's group), then answers 1. */
static wrrfig_status measure_child(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    (void)h;
    (void)ctx;
    (void)p;
    for (int i = 0; i < 2; i++) {
        pid_t c = fork();
        if (c == 0) {
            if (i == 1)
                setsid();
            sleep(60);
            _exit(0);
        }
        if (c > 0)
            note_pid("mchild", c);
    }
    *out = 1;
    return WRRFIG_OK;
}

/* Answers a number that is not one: NaN (or infinity with p "inf"). */
static wrrfig_status measure_nan(const wrrfig_host *h, wrrfig_ctx *ctx, const wrrfig_params *p, double *out)
{
    (void)h;
    (void)ctx;
    (void)p;
    *out = getenv("WRRFIG_TEST_INF") ? 1e308 * 10 : 0.0 / 0.0;
    return WRRFIG_OK;
}

static const wrrfig_measure measures[] = {
    {"hostile.nan", "", "count", "NaN (infinity with WRRFIG_TEST_INF set)", NULL, measure_nan},
    {"hostile.stdout", "", "count", "writes to standard output, then 1", NULL, measure_stdout},
    {"hostile.child", "", "count", "leaves two sleeping children, then 1", NULL, measure_child},
    {"hostile.junk", "", "count", "writes junk to every descriptor, then 1", NULL, measure_junk},
    {"hostile.one", "", "count", "1", NULL, measure_one},
    {"hostile.broken", "", "count", "the first value of test/broken", broken_in, measure_broken},
};

WRRFIG_PLUGIN_DEFINE("hostile", "0.0.1", "test plugin: attacks on the host's isolation", figures, measures);
