/* The command line as a user meets it: the command table, option parsing
 * (--opt=value, global options after the command, missing values, typos),
 * --help on stdout for every command, and the man page agreeing with every
 * command's --help in both directions (issues 10 and 17). */
#include "testutil.h"

#include <ctype.h>

#define MAN WF_SRC_DIR "/docs/wrrfig.1"

typedef struct names {
    char *v[128];
    size_t n;
} names;

static void names_add(names *s, const char *p, size_t len)
{
    for (size_t i = 0; i < s->n; i++)
        if (strlen(s->v[i]) == len && strncmp(s->v[i], p, len) == 0)
            return;
    if (s->n < 128)
        s->v[s->n++] = strndup(p, len);
}

static int names_has(const names *s, const char *x)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i], x) == 0)
            return 1;
    return 0;
}

static void names_free(names *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    s->n = 0;
}

/* The long option of each option line of a --help section ("  -o, --out DIR
 * ..." or "      --format LIST ..."), from the line after `header` to the
 * next blank line. */
static void help_options(const char *help, const char *header, names *out)
{
    const char *p = strstr(help, header);
    assert_non_null(p);
    p = strchr(p, '\n') + 1;
    while (*p && *p != '\n') {
        const char *eol = strchr(p, '\n');
        if (!eol)
            eol = p + strlen(p);
        if (strncmp(p, "  -", 3) == 0 || strncmp(p, "      --", 8) == 0) {
            const char *d = strstr(p, "--");
            if (d && d < eol) {
                d += 2;
                size_t len = 0;
                while (isalnum((unsigned char)d[len]) || d[len] == '-')
                    len++;
                names_add(out, d, len);
            }
        }
        p = *eol ? eol + 1 : eol;
    }
}

/* The man page's section that starts with the line `start` (".SS \"wrrfig
 * build" or ".SH GLOBAL OPTIONS"), up to the next .SS or .SH. Caller frees. */
static char *man_section(const char *man, const char *start)
{
    const char *p = strstr(man, start);
    if (!p)
        return NULL;
    const char *q = p + strlen(start);
    const char *end = q;
    for (;;) {
        end = strchr(end, '\n');
        if (!end || strncmp(end + 1, ".SS", 3) == 0 || strncmp(end + 1, ".SH", 3) == 0)
            break;
        end++;
    }
    return end ? strndup(p, (size_t)(end - p)) : strdup(p);
}

/* Long options on the .B tag lines of a man section (`\-\-no\-render`). */
static void man_options(const char *sec, names *out)
{
    const char *p = sec;
    while (p && *p) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        if (strncmp(p, ".B ", 3) == 0 || strncmp(p, ".B\\", 3) == 0) {
            char line[512];
            size_t k = 0;
            for (size_t i = 0; i < n && k + 1 < sizeof line; i++) {
                if (p[i] == '\\' && i + 1 < n && p[i + 1] == '-') {
                    line[k++] = '-';
                    i++;
                } else
                    line[k++] = p[i];
            }
            line[k] = '\0';
            for (char *d = strstr(line, "--"); d; d = strstr(d, "--")) {
                d += 2;
                size_t len = 0;
                while (isalnum((unsigned char)d[len]) || d[len] == '-')
                    len++;
                if (len)
                    names_add(out, d, len);
                d += len;
            }
        }
        p = eol ? eol + 1 : NULL;
    }
}

static int run(char **out, char **err, const char *first, ...)
{
    char *argv[32];
    int n = 0;
    argv[n++] = (char *)WF_BIN;
    va_list ap;
    va_start(ap, first);
    for (const char *s = first; s && n < 31; s = va_arg(ap, const char *))
        argv[n++] = (char *)s;
    va_end(ap);
    argv[n] = NULL;
    return tu_run(argv, out, err);
}

/* The commands listed by `wrrfig --help`. */
static void commands(names *cmds)
{
    char *out = NULL, *err = NULL;
    assert_int_equal(run(&out, &err, "--help", NULL), 0);
    const char *p = strstr(out, "commands:\n");
    assert_non_null(p);
    p += strlen("commands:\n");
    while (strncmp(p, "  ", 2) == 0) {
        p += 2;
        size_t len = strcspn(p, " ");
        names_add(cmds, p, len);
        p = strchr(p, '\n') + 1;
    }
    assert_true(cmds->n >= 6);
    free(out);
    free(err);
}

static void test_help_on_stdout(void **state)
{
    (void)state;
    names cmds = {{0}, 0};
    commands(&cmds);
    for (size_t i = 0; i < cmds.n; i++) {
        char *out = NULL, *err = NULL;
        int rc = run(&out, &err, cmds.v[i], "--help", NULL);
        if (rc != 0)
            fail_msg("wrrfig %s --help exits %d: %s", cmds.v[i], rc, err);
        char want[64];
        snprintf(want, sizeof want, "usage: wrrfig %s ", cmds.v[i]);
        assert_true(strncmp(out, want, strlen(want)) == 0);
        assert_string_equal(err, "");
        free(out);
        free(err);
        assert_int_equal(run(&out, &err, "help", cmds.v[i], NULL), 0);
        assert_true(strncmp(out, want, strlen(want)) == 0);
        free(out);
        free(err);
    }
    names_free(&cmds);
}

static void test_man_page_matches_help(void **state)
{
    (void)state;
    char *man = tu_read(MAN, NULL);
    assert_non_null(man);
    names cmds = {{0}, 0};
    commands(&cmds);
    names globals = {{0}, 0};
    char *top = NULL, *err = NULL;
    assert_int_equal(run(&top, &err, "--help", NULL), 0);
    help_options(top, "global options (before or after the command):", &globals);
    free(err);
    names man_globals = {{0}, 0};
    char *gsec = man_section(man, ".SH GLOBAL OPTIONS");
    assert_non_null(gsec);
    man_options(gsec, &man_globals);
    for (size_t i = 0; i < globals.n; i++)
        if (!names_has(&man_globals, globals.v[i]))
            fail_msg("global option --%s is not in GLOBAL OPTIONS of docs/wrrfig.1", globals.v[i]);
    for (size_t i = 0; i < man_globals.n; i++)
        if (!names_has(&globals, man_globals.v[i]))
            fail_msg("docs/wrrfig.1 documents global option --%s that wrrfig --help does not list", man_globals.v[i]);

    for (size_t c = 0; c < cmds.n; c++) {
        char *out = NULL;
        assert_int_equal(run(&out, &err, cmds.v[c], "--help", NULL), 0);
        free(err);
        names opts = {{0}, 0}, man_opts = {{0}, 0};
        help_options(out, "options:", &opts);
        char start[64];
        snprintf(start, sizeof start, ".SS \"wrrfig %s", cmds.v[c]);
        /* ".SS \"wrrfig import" must not match the import-geo section. */
        char *sec = NULL;
        for (const char *p = strstr(man, start); p; p = strstr(p + 1, start)) {
            char nx = p[strlen(start)];
            if (nx == '"' || nx == ' ') {
                sec = man_section(p, start);
                break;
            }
        }
        if (!sec)
            fail_msg("docs/wrrfig.1 has no section .SS \"wrrfig %s\"", cmds.v[c]);
        man_options(sec, &man_opts);
        for (size_t i = 0; i < opts.n; i++)
            if (strcmp(opts.v[i], "help") != 0 && !names_has(&man_opts, opts.v[i]))
                fail_msg("wrrfig %s --%s is not in docs/wrrfig.1", cmds.v[c], opts.v[i]);
        for (size_t i = 0; i < man_opts.n; i++)
            if (!names_has(&opts, man_opts.v[i]))
                fail_msg("docs/wrrfig.1 documents wrrfig %s --%s, which its --help does not list", cmds.v[c],
                         man_opts.v[i]);
        names_free(&opts);
        names_free(&man_opts);
        free(sec);
        free(out);
    }
    /* And the reverse for commands: every command section of the man page is a command. */
    for (const char *p = strstr(man, ".SS \"wrrfig "); p; p = strstr(p + 1, ".SS \"wrrfig ")) {
        const char *name = p + strlen(".SS \"wrrfig ");
        size_t len = strcspn(name, " \"\\");
        char *nm = strndup(name, len);
        if (!names_has(&cmds, nm))
            fail_msg("docs/wrrfig.1 documents a command '%s' that wrrfig --help does not list", nm);
        free(nm);
    }
    free(gsec);
    free(top);
    free(man);
    names_free(&globals);
    names_free(&man_globals);
    names_free(&cmds);
}

static void test_readme_example_and_global_options_after_command(void **state)
{
    (void)state;
    char *dir = tu_tempdir("cli");
    char *out = NULL, *err = NULL;
    /* The README's example: --lang and --format after the command. */
    int rc = tu_wrrfig(&out, &err, "build", "tab-2-1", "--out", dir, "--format", "svg", "--lang", "en", NULL);
    if (rc != 0)
        fail_msg("exit %d: %s", rc, err);
    char *svg = tu_readf("%s/tab-2-1.svg", dir);
    assert_non_null(svg);
    assert_contains(svg, "Table 2.1"); /* English title */
    free(svg);
    free(out);
    free(err);
    /* --opt=value, and a global --timeout=S after the command */
    tu_rmrf(dir);
    char *d2 = tu_tempdir("cli2");
    char opt[300];
    snprintf(opt, sizeof opt, "--out=%s", d2);
    rc = tu_wrrfig(&out, &err, "build", "tab-2-1", opt, "--no-render", "--timeout=30", NULL);
    if (rc != 0)
        fail_msg("exit %d: %s", rc, err);
    char *gp = tu_readf("%s/tab-2-1.gp", d2);
    assert_non_null(gp);
    free(gp);
    free(out);
    free(err);
    tu_rmrf(d2);
    free(d2);
    free(dir);
}

static void test_usage_errors(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    assert_int_equal(tu_wrrfig(&out, &err, "build", "--out", NULL), 2);
    assert_contains(err, "wrrfig build: --out needs a value (DIR)");
    free(out);
    free(err);
    assert_int_equal(tu_wrrfig(&out, &err, "build", "--out", "--format", "svg", NULL), 2);
    assert_contains(err, "--out needs a value (DIR), got the option --format");
    free(out);
    free(err);
    assert_int_equal(tu_wrrfig(&out, &err, "build", "--fomat", "svg", NULL), 2);
    assert_contains(err, "unknown option --fomat; did you mean '--format'?");
    free(out);
    free(err);
    assert_int_equal(tu_wrrfig(&out, &err, "build", "--jobs", "0", NULL), 2);
    assert_contains(err, "--jobs takes a whole number from 1 to 256, got '0'");
    free(out);
    free(err);
    assert_int_equal(tu_wrrfig(&out, &err, "build", "--no-render=yes", NULL), 2);
    assert_contains(err, "--no-render takes no value");
    free(out);
    free(err);
    assert_int_equal(tu_wrrfig(&out, &err, "list", "--lang", "de", NULL), 2);
    assert_contains(err, "--lang takes nl or en, got 'de'");
    free(out);
    free(err);
    assert_int_equal(tu_wrrfig(&out, &err, "info", NULL), 2);
    assert_contains(err, "wrrfig info: missing FIG");
    free(out);
    free(err);
    assert_int_equal(tu_wrrfig(&out, &err, "list", "extra", NULL), 2);
    assert_contains(err, "wrrfig list: unexpected argument 'extra'");
    free(out);
    free(err);
    assert_int_equal(tu_wrrfig(&out, &err, "buidl", NULL), 2);
    assert_contains(err, "'buidl' is not a command; did you mean 'build'?");
    free(out);
    free(err);
    assert_int_equal(tu_wrrfig(&out, &err, "check", "--chapter", "12", NULL), 2);
    assert_contains(err, "--chapter 12: the registry has no claims for that chapter (chapters 0-9)");
    free(out);
    free(err);
    assert_int_equal(run(&out, &err, NULL), 2);
    assert_contains(err, "usage: wrrfig");
    free(out);
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_help_on_stdout),
        cmocka_unit_test(test_man_page_matches_help),
        cmocka_unit_test(test_readme_example_and_global_options_after_command),
        cmocka_unit_test(test_usage_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
