/* Bash completion (scripts/wrrfig-completion.bash), sourced in a
 * non-interactive bash and driven through COMP_WORDS as bash would:
 * commands, options of the command, figure ids, table and mapping names,
 * option values (issue 17). */
#include "testutil.h"

/* The completions of the words (the last one is being completed), joined
 * by spaces. Caller frees. */
static char *complete(const char *words)
{
    char script[] = "/tmp/wrrfig-test-compl-XXXXXX";
    int fd = mkstemp(script);
    char body[4096];
    int n = snprintf(body, sizeof body,
                     "source '%s/scripts/wrrfig-completion.bash'\n"
                     "COMP_WORDS=('%s' --no-builtin --plugins '%s' --data '%s' --figures '%s' %s)\n"
                     "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                     "_wrrfig\n"
                     "echo \"${COMPREPLY[*]}\"\n",
                     WF_SRC_DIR, WF_BIN, WF_PLUGINS, WF_DATA, WF_FIGURES, words);
    if (write(fd, body, (size_t)n) != n)
        fail_msg("write failed");
    close(fd);
    char *argv[] = {(char *)"/bin/bash", script, NULL};
    char *out = NULL, *err = NULL;
    int rc = tu_run(argv, &out, &err);
    unlink(script);
    if (rc != 0)
        fail_msg("bash exited %d: %s", rc, err);
    free(err);
    size_t len = strlen(out);
    if (len && out[len - 1] == '\n')
        out[len - 1] = '\0';
    return out;
}

static void expect(const char *words, const char *want)
{
    char *got = complete(words);
    if (strcmp(got, want) != 0)
        fail_msg("completing [%s]: got [%s], expected [%s]", words, got, want);
    free(got);
}

static void test_commands_and_options(void **state)
{
    (void)state;
    expect("bu", "build");
    expect("im", "import import-geo");
    expect("build --no", "--no-render --no-builtin");
    expect("build --no-r", "--no-render");
    expect("check --cha", "--chapter");
    expect("--la", "--lang");
    expect("build --lang e", "en");
    expect("check --format t", "text tap");
    expect("help ch", "check");
}

static void test_names(void **state)
{
    (void)state;
    expect("build fig-2-1", "fig-2-1 fig-2-10 fig-2-11 fig-2-12 fig-2-12-report fig-2-13 fig-2-14 fig-2-14-report "
                            "fig-2-15 fig-2-15-2017 fig-2-15-report");
    expect("build tab-2", "tab-2-1");
    expect("info cbs/3729", "cbs/37296ned");
    expect("import 3729", "37296ned");
}

int main(void)
{
    if (system("command -v bash >/dev/null 2>&1") != 0)
        return 0;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_commands_and_options),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests_name("completion", tests, NULL, NULL);
}
