/* The declarative option parser (cmd/options.c): values in every spelling,
 * repeatable options, callbacks, operands, "--", and global options mixed in
 * after the command. Runs wf_cmd_parse on a command without plugins. */
#include "testutil.h"

#include "cmd/cmd.h"
#include "cmd/options.h"

static int upper_only(const wf_option *opt, const char *value, wf_error *err)
{
    for (const char *p = value; *p; p++)
        if (*p < 'A' || *p > 'Z')
            return wf_errorf(err, "takes capitals, got '%s'", value);
    *(const char **)opt->value = value;
    return 0;
}

typedef struct parsed {
    int rc, ok, n_pos;
    char **pos;
    const char *out, *code;
    int jobs;
    bool flag;
    wf_strlist notes;
    wf_app a;
} parsed;

static const wf_usage usage = {"import", "[X...]", "A test command.\n", 0, -1, NULL};

static void parse(parsed *p, int argc, char **argv)
{
    memset(p, 0, sizeof *p);
    p->a.lang = "nl";
    p->a.timeout = 120;
    p->jobs = 1;
    const wf_option opts[] = {
        WF_OPT_STRING('o', "out", &p->out, "DIR", "out"),
        WF_OPT_INT('j', "jobs", &p->jobs, "N", 1, 8, "jobs"),
        WF_OPT_FLAG('f', "flag", &p->flag, "a flag"),
        WF_OPT_LIST(0, "note", &p->notes, "TEXT", "notes"),
        WF_OPT_CALLBACK(0, "code", &p->code, "CODE", upper_only, "capitals"),
        WF_OPT_END,
    };
    p->ok = wf_cmd_parse(&p->a, &usage, opts, argc, argv, &p->pos, &p->n_pos, &p->rc);
}

static void release(parsed *p)
{
    if (p->ok == 0)
        free(p->pos);
    free(p->notes.v);
    wf_app_release(&p->a);
}

static void test_spellings(void **state)
{
    (void)state;
    char *argv[] = {"a", "--out=/x", "-j3", "b", "--flag", "--note", "one", "--note=two", "--lang", "en",
                    "--timeout=5", "--code", "AB", "--", "--flag", NULL};
    parsed p;
    parse(&p, 15, argv);
    assert_int_equal(p.ok, 0);
    assert_string_equal(p.out, "/x");
    assert_int_equal(p.jobs, 3);
    assert_true(p.flag);
    assert_int_equal(p.notes.n, 2);
    assert_string_equal(p.notes.v[1], "two");
    assert_string_equal(p.a.lang, "en");
    assert_true(p.a.timeout == 5.0);
    assert_string_equal(p.code, "AB");
    assert_int_equal(p.n_pos, 3); /* a, b, and --flag after -- */
    assert_string_equal(p.pos[0], "a");
    assert_string_equal(p.pos[1], "b");
    assert_string_equal(p.pos[2], "--flag");
    assert_null(p.pos[3]);
    release(&p);
}

static void test_errors(void **state)
{
    (void)state;
    parsed p;
    char *a1[] = {"--code", "ab", NULL};
    parse(&p, 2, a1);
    assert_int_equal(p.ok, -1);
    assert_int_equal(p.rc, EXIT_USAGE);
    release(&p);
    char *a2[] = {"-j", "9", NULL};
    parse(&p, 2, a2);
    assert_int_equal(p.rc, EXIT_USAGE);
    release(&p);
    char *a3[] = {"--jobs", NULL};
    parse(&p, 1, a3);
    assert_int_equal(p.rc, EXIT_USAGE);
    release(&p);
    char *a4[] = {"-x", NULL};
    parse(&p, 1, a4);
    assert_int_equal(p.rc, EXIT_USAGE);
    release(&p);
    char *a5[] = {"--timeout", "-1", NULL};
    parse(&p, 2, a5);
    assert_int_equal(p.rc, EXIT_USAGE);
    release(&p);
    char *a6[] = {"x", "--help", NULL};
    parse(&p, 2, a6);
    assert_int_equal(p.ok, -1);
    assert_int_equal(p.rc, EXIT_OK);
    release(&p);
}

static void test_global_words(void **state)
{
    (void)state;
    char *argv[] = {"src", "--data", "d", "--data=e", "--name", "n", "--timeout", NULL};
    assert_int_equal(wf_global_option_words(7, argv, 0), 0);
    assert_int_equal(wf_global_option_words(7, argv, 1), 2);
    assert_int_equal(wf_global_option_words(7, argv, 3), 1);
    assert_int_equal(wf_global_option_words(7, argv, 4), 0);
    assert_int_equal(wf_global_option_words(7, argv, 6), 1); /* no value follows */
    char *flags[] = {"--no-builtin", "x", NULL};
    assert_int_equal(wf_global_option_words(2, flags, 0), 1); /* a flag takes no value */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spellings),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_global_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
