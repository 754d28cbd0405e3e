/* The option parser behind every command (see options.h). */
#define _POSIX_C_SOURCE 200809L
#include "cmd/options.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "util/strbuf.h"
#include "util/suggest.h"

static const char *const lang_choices[] = {"nl", "en", NULL};

/* --plugins and --figures add a directory to a search path (app.h). */
static int add_dir(const wf_option *opt, const char *value, wf_error *err)
{
    (void)err;
    dirs_add(opt->value, value);
    return 0;
}

const wf_option *wf_global_options(wf_app *a, wf_option storage[], size_t n)
{
    const wf_option g[] = {
        WF_OPT_STRING(0, "data", &a->data_dir, "DIR",
                      "project data tables (default: the user data directory over the installed\n"
                      "or source tree's data/; see FILES in wrrfig(1))"),
        WF_OPT_CALLBACK(0, "plugins", &a->plugin_path, "DIR", add_dir,
                        "also load the plugins in DIR (repeatable; then $WRRFIG_PLUGIN_PATH, colon-separated),\n"
                        "after the built-in ones (../lib/wrrfig/plugins beside the binary, or build/plugins)"),
        WF_OPT_CALLBACK(0, "figures", &a->figures_path, "DIR", add_dir,
                        "also read the figure specs in DIR (repeatable; then $WRRFIG_FIGURES_PATH), after\n"
                        "the built-in ones (../share/wrrfig/figures beside the binary, or figures/)"),
        WF_OPT_FLAG(0, "no-builtin", &a->no_builtin,
                    "search only the --plugins/--figures directories, not the built-in ones"),
        WF_OPT_STRING(0, "shared", &a->shared_dir, "DIR",
                      "third-party downloads that import reads (default: $WRRFIG_SHARED, else\n"
                      "../shared/data beside the source tree; none for an installed copy)"),
        WF_OPT_CHOICE(0, "lang", &a->lang, "nl|en", lang_choices, "language of titles and labels (default nl)"),
        WF_OPT_SECONDS(0, "timeout", &a->timeout, "S", "seconds a figure build (and its render) may take (default 120)"),
        WF_OPT_END,
    };
    size_t k = sizeof g / sizeof *g;
    if (k > n)
        abort(); /* WF_GLOBAL_OPTIONS_MAX is too small: a programming error */
    memcpy(storage, g, sizeof g);
    return storage;
}

static const wf_option *find_long(const wf_option *const *tables, size_t n_tables, const char *name, size_t len)
{
    for (size_t t = 0; t < n_tables; t++)
        for (const wf_option *o = tables[t]; o->kind != WF_OPTK_END; o++)
            if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
                return o;
    return NULL;
}

static const wf_option *find_short(const wf_option *const *tables, size_t n_tables, char c)
{
    for (size_t t = 0; t < n_tables; t++)
        for (const wf_option *o = tables[t]; o->kind != WF_OPTK_END; o++)
            if (o->short_name && o->short_name == c)
                return o;
    return NULL;
}

int wf_global_option_words(int argc, char **argv, int i)
{
    wf_app dummy;
    memset(&dummy, 0, sizeof dummy);
    wf_option storage[WF_GLOBAL_OPTIONS_MAX];
    const wf_option *g = wf_global_options(&dummy, storage, WF_GLOBAL_OPTIONS_MAX);
    const char *w = argv[i];
    if (strncmp(w, "--", 2) != 0)
        return 0;
    const char *eq = strchr(w + 2, '=');
    size_t len = eq ? (size_t)(eq - (w + 2)) : strlen(w + 2);
    const wf_option *o = find_long(&g, 1, w + 2, len);
    if (!o)
        return 0;
    return (eq || o->kind == WF_OPTK_FLAG || i + 1 >= argc) ? 1 : 2;
}

/* "--jobs" or "-j" as the user wrote it, for messages. */
static void opt_label(const wf_option *o, int used_short, char *buf, size_t n)
{
    if (used_short)
        snprintf(buf, n, "-%c", o->short_name);
    else
        snprintf(buf, n, "--%s", o->name);
}

static void choices_text(const wf_option *o, strbuf *b)
{
    for (size_t k = 0; o->choices[k]; k++) {
        if (k)
            sb_puts(b, o->choices[k + 1] ? ", " : " or ");
        sb_puts(b, o->choices[k]);
    }
}

static int apply(const char *prefix, const wf_option *o, const char *label, const char *value)
{
    switch (o->kind) {
    case WF_OPTK_FLAG:
        *(bool *)o->value = true;
        return 0;
    case WF_OPTK_STRING:
        *(const char **)o->value = value;
        return 0;
    case WF_OPTK_INT: {
        char *end;
        errno = 0;
        long v = strtol(value, &end, 10);
        if (!*value || *end || errno || v < o->min || v > o->max) {
            fprintf(stderr, "%s: %s takes a whole number from %ld to %ld, got '%s'\n", prefix, label, o->min,
                    o->max, value);
            return -1;
        }
        *(int *)o->value = (int)v;
        return 0;
    }
    case WF_OPTK_SECONDS: {
        char *end;
        double v = strtod(value, &end);
        if (!*value || *end || !(v > 0) || v > 1e6) {
            fprintf(stderr, "%s: %s takes a positive number of seconds, got '%s'\n", prefix, label, value);
            return -1;
        }
        *(double *)o->value = v;
        return 0;
    }
    case WF_OPTK_CHOICE: {
        size_t k = 0;
        for (; o->choices[k]; k++)
            if (strcmp(o->choices[k], value) == 0) {
                *(const char **)o->value = o->choices[k];
                return 0;
            }
        strbuf b = STRBUF_INIT;
        choices_text(o, &b);
        char hint[256];
        wf_suggest_text(value, o->choices, k, hint, sizeof hint);
        fprintf(stderr, "%s: %s takes %s, got '%s'%s\n", prefix, label, sb_cstr(&b), value, hint);
        sb_free(&b);
        return -1;
    }
    case WF_OPTK_LIST: {
        wf_strlist *l = o->value;
        l->v = xrealloc(l->v, (l->n + 2) * sizeof *l->v);
        l->v[l->n++] = value;
        l->v[l->n] = NULL;
        return 0;
    }
    case WF_OPTK_CALLBACK: {
        wf_error err;
        err.msg[0] = '\0';
        if (o->cb(o, value, &err) != 0) {
            fprintf(stderr, "%s: %s: %s\n", prefix, label, err.msg);
            return -1;
        }
        return 0;
    }
    default:
        return -1;
    }
}

static void unknown_option(const char *prefix, const wf_option *const *tables, size_t n_tables, const char *word,
                           size_t len)
{
    size_t n = 0;
    for (size_t t = 0; t < n_tables; t++)
        for (const wf_option *o = tables[t]; o->kind != WF_OPTK_END; o++)
            n++;
    char **names = xcalloc(n + 1, sizeof *names);
    n = 0;
    for (size_t t = 0; t < n_tables; t++)
        for (const wf_option *o = tables[t]; o->kind != WF_OPTK_END; o++) {
            strbuf b = STRBUF_INIT;
            sb_printf(&b, "--%s", o->name);
            names[n++] = sb_take(&b);
        }
    char *w = xstrndup(word, len);
    char hint[256];
    wf_suggest_text(w, (const char *const *)names, n, hint, sizeof hint);
    fprintf(stderr, "%s: unknown option %s%s\n", prefix, w, hint);
    free(w);
    for (size_t k = 0; k < n; k++)
        free(names[k]);
    free(names);
}

int wf_parse_one(const char *prefix, const wf_option *const *tables, size_t n_tables, int argc, char **argv, int *i)
{
    const char *w = argv[*i];
    if (strcmp(w, "--") == 0)
        return 2;
    if (w[0] != '-' || w[1] == '\0')
        return 0;
    const wf_option *o;
    const char *value = NULL;
    int used_short = 0;
    if (w[1] == '-') {
        const char *eq = strchr(w + 2, '=');
        size_t len = eq ? (size_t)(eq - (w + 2)) : strlen(w + 2);
        if (!(o = find_long(tables, n_tables, w + 2, len))) {
            unknown_option(prefix, tables, n_tables, w, len + 2);
            return -1;
        }
        if (eq)
            value = eq + 1;
    } else {
        used_short = 1;
        if (!(o = find_short(tables, n_tables, w[1]))) {
            fprintf(stderr, "%s: unknown option %.2s\n", prefix, w);
            return -1;
        }
        if (w[2])
            value = w + 2; /* -j4 */
    }
    char label[64];
    opt_label(o, used_short, label, sizeof label);
    if (o->kind == WF_OPTK_FLAG) {
        if (value) {
            fprintf(stderr, "%s: %s takes no value\n", prefix, label);
            return -1;
        }
        return apply(prefix, o, label, NULL) == 0 ? 1 : -1;
    }
    if (!value) {
        /* The next word is the value, unless it is another known option:
         * `--out --format svg` is a missing value, not a directory named
         * "--format" (write --out=--format to mean that). */
        const char *next = *i + 1 < argc ? argv[*i + 1] : NULL;
        int next_is_opt = 0;
        if (next && strncmp(next, "--", 2) == 0) {
            const char *eq = strchr(next + 2, '=');
            size_t len = eq ? (size_t)(eq - (next + 2)) : strlen(next + 2);
            next_is_opt = find_long(tables, n_tables, next + 2, len) != NULL || strcmp(next, "--help") == 0;
        }
        if (!next || next_is_opt) {
            fprintf(stderr, "%s: %s needs a value (%s)%s%s\n", prefix, label, o->arg ? o->arg : "a value",
                    next_is_opt ? ", got the option " : "", next_is_opt ? next : "");
            return -1;
        }
        value = argv[++*i];
    }
    return apply(prefix, o, label, value) == 0 ? 1 : -1;
}

void wf_print_options(FILE *f, const wf_option *opts)
{
    enum { COL = 24 };
    for (const wf_option *o = opts; o->kind != WF_OPTK_END; o++) {
        strbuf left = STRBUF_INIT;
        if (o->short_name)
            sb_printf(&left, "  -%c, --%s", o->short_name, o->name);
        else
            sb_printf(&left, "      --%s", o->name);
        if (o->arg)
            sb_printf(&left, " %s", o->arg);
        if (o->kind == WF_OPTK_LIST)
            sb_puts(&left, "...");
        fputs(sb_cstr(&left), f);
        if (left.len + 1 >= COL)
            fprintf(f, "\n%*s", COL, "");
        else
            fprintf(f, "%*s", (int)(COL - left.len), "");
        for (const char *h = o->help; *h; h++) {
            fputc(*h, f);
            if (*h == '\n')
                fprintf(f, "%*s", COL, "");
        }
        fputc('\n', f);
        sb_free(&left);
    }
}

static const char common_exit[] =
    "exit status: 0 ok; 1 something failed; 2 usage error; 3 a plugin was refused; 4 the environment\n"
    "lacks something (gnuplot, a writable output directory, an input directory; the message names it)\n";

static void print_global_options(FILE *f)
{
    wf_app dummy;
    memset(&dummy, 0, sizeof dummy);
    wf_option storage[WF_GLOBAL_OPTIONS_MAX];
    wf_print_options(f, wf_global_options(&dummy, storage, WF_GLOBAL_OPTIONS_MAX));
}

static void print_help(const wf_usage *u, const wf_option *opts)
{
    FILE *f = stdout;
    fprintf(f, "usage: wrrfig %s [options]%s%s\n\n", u->command, u->synopsis && *u->synopsis ? " " : "",
            u->synopsis ? u->synopsis : "");
    if (u->description)
        fprintf(f, "%s\n", u->description);
    fputs("options:\n", f);
    wf_print_options(f, opts);
    const wf_option help[] = {WF_OPT_FLAG('h', "help", NULL, "this help, on standard output"), WF_OPT_END};
    wf_print_options(f, help);
    fputc('\n', f);
    fputs("global options (before or after the command):\n", f);
    print_global_options(f);
    fputc('\n', f);
    fputs(u->exit_status ? u->exit_status : common_exit, f);
}

void wf_print_main_usage(FILE *f)
{
    fputs("usage: wrrfig [global options] COMMAND [options] [ARGS]\n\ncommands:\n", f);
    for (const wf_command *c = wf_commands; c->name; c++)
        fprintf(f, "  %-20s  %s\n", c->name, c->summary);
    fputs("\n'wrrfig COMMAND --help' (or 'wrrfig help COMMAND') describes a command and its options.\n\n"
          "global options (before or after the command):\n",
          f);
    print_global_options(f);
    const wf_option more[] = {WF_OPT_FLAG(0, "version", NULL, "the version and the plugin ABI"),
                              WF_OPT_FLAG('h', "help", NULL, "this help"), WF_OPT_END};
    wf_print_options(f, more);
    fputc('\n', f);
    fputs(common_exit, f);
}

int wf_cmd_parse(wf_app *a, const wf_usage *u, const wf_option *opts, int argc, char **argv, char ***pos,
                 int *n_pos, int *rc)
{
    char prefix[64];
    snprintf(prefix, sizeof prefix, "wrrfig %s", u->command);
    wf_option storage[WF_GLOBAL_OPTIONS_MAX];
    const wf_option *tables[2] = {opts, wf_global_options(a, storage, WF_GLOBAL_OPTIONS_MAX)};
    char **p = xcalloc((size_t)argc + 1, sizeof *p);
    int n = 0, only_operands = 0;
    for (int i = 0; i < argc; i++) {
        if (!only_operands && (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)) {
            print_help(u, opts);
            free(p);
            *rc = EXIT_OK;
            return -1;
        }
        int r = only_operands ? 0 : wf_parse_one(prefix, tables, 2, argc, argv, &i);
        if (r < 0) {
            fprintf(stderr, "(wrrfig %s --help lists the options)\n", u->command);
            free(p);
            *rc = EXIT_USAGE;
            return -1;
        }
        if (r == 2)
            only_operands = 1;
        else if (r == 0)
            p[n++] = argv[i];
    }
    if (n < u->min_args || (u->max_args >= 0 && n > u->max_args)) {
        if (n < u->min_args)
            fprintf(stderr, "%s: missing %s\nusage: wrrfig %s [options] %s\n", prefix, u->synopsis, u->command,
                    u->synopsis);
        else
            fprintf(stderr, "%s: unexpected argument '%s'\nusage: wrrfig %s [options]%s%s\n", prefix,
                    p[u->max_args], u->command, *u->synopsis ? " " : "", u->synopsis);
        free(p);
        *rc = EXIT_USAGE;
        return -1;
    }
    int r = wf_cmd_prepare(a, u->command);
    if (r != 0) {
        free(p);
        *rc = r;
        return -1;
    }
    *pos = p;
    *n_pos = n;
    return 0;
}
