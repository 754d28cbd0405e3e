/* Command-line options, declared once per command as a table (in the spirit
 * of git's parse-options.h). From that one declaration come the parsing
 * (`--opt value`, `--opt=value`, `-o value`, `--`), the messages ("--out
 * needs a value", "unknown option --fomat; did you mean --format?"), the
 * `--help` text (stdout, exit 0) and the man-page test
 * (tests/e2e/test_cli.c compares every command's --help with docs/wrrfig.1).
 *
 * A command declares its options and usage, then calls wf_cmd_parse:
 *
 *     const char *out = "out";
 *     bool quiet = false;
 *     const wf_option opts[] = {
 *         WF_OPT_STRING('o', "out", &out, "DIR", "where the outputs go (default out)"),
 *         WF_OPT_FLAG('q', "quiet", &quiet, "print errors and the summary only"),
 *         WF_OPT_END,
 *     };
 *     static const wf_usage usage = {"build", "[FIG...]", "Builds the named figures ...", 0, -1};
 *     char **pos; int n_pos, rc;
 *     if (wf_cmd_parse(a, &usage, opts, argc, argv, &pos, &n_pos, &rc) != 0)
 *         return rc;
 *     ... use pos[0..n_pos) ...; free(pos);
 *
 * The global options (--data, --plugins, --figures, --lang, --timeout, ...)
 * are accepted anywhere after the command too: wf_cmd_parse knows them, so a
 * command never declares them. Values point into argv (never freed). */
#ifndef WF_OPTIONS_H
#define WF_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "app.h"
#include "util/wf_error.h"

typedef enum wf_opt_kind {
    WF_OPTK_END = 0,
    WF_OPTK_FLAG,     /* bool *: set to true */
    WF_OPTK_STRING,   /* const char **: the value (last one wins) */
    WF_OPTK_INT,      /* int *: a whole number in [min, max] */
    WF_OPTK_SECONDS,  /* double *: a positive number */
    WF_OPTK_CHOICE,   /* const char **: one of choices (a NULL-terminated list) */
    WF_OPTK_LIST,     /* wf_strlist *: repeatable, each value appended */
    WF_OPTK_CALLBACK  /* cb(opt, value, err) for anything else; 0 or -1 with err */
} wf_opt_kind;

/* A growable list of strings pointing into argv; the caller frees v. */
typedef struct wf_strlist {
    const char **v;
    size_t n;
} wf_strlist;

typedef struct wf_option wf_option;
struct wf_option {
    wf_opt_kind kind;
    char short_name;               /* 0 when none */
    const char *name;              /* long name without the dashes */
    void *value;                   /* see wf_opt_kind */
    const char *arg;               /* placeholder in --help ("DIR"); NULL for flags */
    const char *help;              /* one line; "\n" continues on an indented line */
    long min, max;                 /* WF_OPTK_INT */
    const char *const *choices;    /* WF_OPTK_CHOICE */
    int (*cb)(const wf_option *opt, const char *value, wf_error *err); /* WF_OPTK_CALLBACK */
};

#define WF_OPT_FLAG(s, l, v, h) {WF_OPTK_FLAG, (s), (l), (v), NULL, (h), 0, 0, NULL, NULL}
#define WF_OPT_STRING(s, l, v, a, h) {WF_OPTK_STRING, (s), (l), (v), (a), (h), 0, 0, NULL, NULL}
#define WF_OPT_INT(s, l, v, a, lo, hi, h) {WF_OPTK_INT, (s), (l), (v), (a), (h), (lo), (hi), NULL, NULL}
#define WF_OPT_SECONDS(s, l, v, a, h) {WF_OPTK_SECONDS, (s), (l), (v), (a), (h), 0, 0, NULL, NULL}
#define WF_OPT_CHOICE(s, l, v, a, c, h) {WF_OPTK_CHOICE, (s), (l), (v), (a), (h), 0, 0, (c), NULL}
#define WF_OPT_LIST(s, l, v, a, h) {WF_OPTK_LIST, (s), (l), (v), (a), (h), 0, 0, NULL, NULL}
#define WF_OPT_CALLBACK(s, l, v, a, fn, h) {WF_OPTK_CALLBACK, (s), (l), (v), (a), (h), 0, 0, NULL, (fn)}
#define WF_OPT_END {WF_OPTK_END, 0, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL}

/* What `wrrfig CMD --help` says besides the options. */
typedef struct wf_usage {
    const char *command;      /* "build": the name in the command table */
    const char *synopsis;     /* the operands: "[FIG...]", "MAPPING.json..." */
    const char *description;  /* what the command does; lines end in "\n" */
    int min_args, max_args;   /* operands accepted; max -1 = any number */
    const char *exit_status;  /* NULL: the common exit codes */
} wf_usage;

/* Parses the words after the command name against the command's options and
 * the global ones. On success returns 0 with the operands, in order, in
 * (*pos)[0..*n_pos) (a NULL-terminated array the caller frees; the strings
 * are argv's). It then resolves the default directories and, when the
 * command's table entry says it needs plugins, loads them. Returns -1 when
 * the command must stop and return *rc: after --help (0, help on stdout), a
 * usage error (2, message on stderr) or no plugin loaded (3). argv is not
 * modified. */
int wf_cmd_parse(wf_app *a, const wf_usage *u, const wf_option *opts, int argc, char **argv, char ***pos,
                 int *n_pos, int *rc);

/* The global options, parsed into a. Used by main before the command and by
 * wf_cmd_parse after it. NULL-terminated by WF_OPT_END. */
const wf_option *wf_global_options(wf_app *a, wf_option storage[], size_t n);
#define WF_GLOBAL_OPTIONS_MAX 16

/* How many words a global option occupies at argv[i] (1 or 2), 0 when it is
 * not a global option. For commands that record their own command line
 * (import-geo) without the machine-specific global options. */
int wf_global_option_words(int argc, char **argv, int i);

/* Prints "  -o, --out DIR   help" lines for a table. */
void wf_print_options(FILE *f, const wf_option *opts);

/* Parses one option word (and maybe the next) at argv[*i] against the
 * tables; advances *i past its value. Returns 1 when a word was consumed as an
 * option, 0 when argv[*i] is an operand, -1 on a usage error (message
 * printed with prefix). `--` is reported as 2. Exposed for main.c. */
int wf_parse_one(const char *prefix, const wf_option *const *tables, size_t n_tables, int argc, char **argv,
                 int *i);

/* The one-line help of every command, for `wrrfig --help`. */
void wf_print_main_usage(FILE *f);

#endif
