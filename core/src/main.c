/* wrrfig: rebuilds the figures of the WRR report "Samenleven in
 * verscheidenheid" (2020) from data. Global options, then a command from
 * the table in core/src/cmd/commands.c; global options may also follow the
 * command (cmd/options.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cmd/cmd.h"
#include "cmd/options.h"
#include "util/suggest.h"

static int unknown_command(const char *name)
{
    const char *names[64];
    size_t n = 0;
    for (const wf_command *c = wf_commands; c->name && n < 64; c++)
        names[n++] = c->name;
    char hint[256];
    wf_suggest_text(name, names, n, hint, sizeof hint);
    fprintf(stderr, "wrrfig: '%s' is not a command%s\n(wrrfig --help lists the commands)\n", name, hint);
    return EXIT_USAGE;
}

/* Parses the global options before the command and runs it; returns the
 * exit code. Everything a holds is released by main on every path. */
static int run(wf_app *a, int argc, char **argv)
{
    wf_option storage[WF_GLOBAL_OPTIONS_MAX];
    const wf_option *globals = wf_global_options(a, storage, WF_GLOBAL_OPTIONS_MAX);
    int i = 1;
    for (; i < argc; i++) {
        const char *o = argv[i];
        if (!strcmp(o, "--help") || !strcmp(o, "-h")) {
            wf_print_main_usage(stdout);
            return EXIT_OK;
        }
        if (!strcmp(o, "--version")) {
            printf("wrrfig %s (plugin ABI %d.%d)\n", WRRFIG_VERSION, WRRFIG_ABI_MAJOR, WRRFIG_ABI_MINOR);
            return EXIT_OK;
        }
        int r = wf_parse_one("wrrfig", &globals, 1, argc, argv, &i);
        if (r < 0) {
            fputs("(wrrfig --help lists the options)\n", stderr);
            return EXIT_USAGE;
        }
        if (r == 2) {
            i++;
            break;
        }
        if (r == 0)
            break;
    }
    if (i >= argc) {
        wf_print_main_usage(stderr);
        return EXIT_USAGE;
    }
    const wf_command *cmd = wf_command_find(argv[i]);
    if (!cmd)
        return unknown_command(argv[i]);
    int rc = cmd->fn(a, argc - i - 1, argv + i + 1);
    if (rc == EXIT_OK && a->plugin_rc)
        rc = a->plugin_rc;
    return rc;
}

int main(int argc, char **argv)
{
    wf_app a;
    memset(&a, 0, sizeof a);
    a.lang = "nl";
    a.timeout = 120;
    int rc = run(&a, argc, argv);
    wf_app_release(&a);
    return rc;
}
