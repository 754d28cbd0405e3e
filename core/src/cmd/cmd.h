/* The command table, in the style of git's builtin/: one cmd_*.c per
 * command, each entry point taking the words after the command name and
 * returning an exit code (app.h).
 *
 * Adding a command: write core/src/cmd/cmd_NAME.c with
 *     int cmd_NAME(wf_app *a, int argc, char **argv)
 * that declares its options and calls wf_cmd_parse (cmd/options.h), declare
 * it below, and add ONE line to wf_commands[] in core/src/cmd/commands.c.
 * Then document it in docs/wrrfig.1: tests/e2e/test_cli.c checks that every
 * command and every option of its --help is there, and the reverse. Bash
 * completion needs nothing: it reads `wrrfig --help` and `wrrfig CMD --help`. */
#ifndef WF_CMD_H
#define WF_CMD_H

#include "app.h"

enum {
    WF_CMD_PLUGINS = 1u << 0,    /* wf_cmd_parse loads the plugins before the command runs */
    WF_CMD_WRITES_DATA = 1u << 1 /* writes tables: an installed copy uses the user data directory */
};

typedef struct wf_command {
    const char *name;
    int (*fn)(wf_app *a, int argc, char **argv);
    unsigned flags;          /* WF_CMD_* */
    const char *summary;     /* one line, for wrrfig --help */
} wf_command;

/* The table, ended by an entry with name NULL. */
extern const wf_command wf_commands[];

/* The entry named name, or NULL. */
const wf_command *wf_command_find(const char *name);

/* Called by wf_cmd_parse once the options are parsed: fills in the default
 * directories and loads the plugins when the command needs them (unless
 * they are loaded already, as in tests that call a command in-process).
 * Returns 0, or the exit code to stop with. */
int wf_cmd_prepare(wf_app *a, const char *command);

/* Frees what wf_cmd_prepare allocated (default directories, plugins). */
void wf_app_release(wf_app *a);

int cmd_list(wf_app *a, int argc, char **argv);
int cmd_build(wf_app *a, int argc, char **argv);
int cmd_info(wf_app *a, int argc, char **argv);
int cmd_check(wf_app *a, int argc, char **argv);
int cmd_import(wf_app *a, int argc, char **argv);
int cmd_import_geo(wf_app *a, int argc, char **argv);
int cmd_site(wf_app *a, int argc, char **argv);
int cmd_help(wf_app *a, int argc, char **argv);

#endif
