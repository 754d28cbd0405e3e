/* wrrfig help [COMMAND]: the overview, or one command's --help. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/options.h"
#include "util/suggest.h"

int cmd_help(wf_app *a, int argc, char **argv)
{
    static const wf_usage usage = {"help", "[COMMAND]", "Prints the overview of commands, or the help of one command.\n",
                                   0, 1, NULL};
    const wf_option opts[] = {WF_OPT_END};
    char **pos;
    int n, rc;
    if (wf_cmd_parse(a, &usage, opts, argc, argv, &pos, &n, &rc) != 0)
        return rc;
    if (n == 0) {
        free(pos);
        wf_print_main_usage(stdout);
        return EXIT_OK;
    }
    const wf_command *c = wf_command_find(pos[0]);
    if (!c) {
        const char *names[64];
        size_t k = 0;
        for (const wf_command *x = wf_commands; x->name && k < 64; x++)
            names[k++] = x->name;
        char hint[256];
        wf_suggest_text(pos[0], names, k, hint, sizeof hint);
        fprintf(stderr, "wrrfig help: '%s' is not a command%s (wrrfig --help lists them)\n", pos[0], hint);
        free(pos);
        return EXIT_USAGE;
    }
    free(pos);
    char help[] = "--help";
    char *args[] = {help, NULL};
    return c->fn(a, 1, args);
}
