/* Progress, per-figure lines and the summary of `wrrfig build` (see
 * build_report.h). All output of the build command goes through here, so a
 * terminal never sees a warning written into the middle of the progress
 * line. */
#define _POSIX_C_SOURCE 200809L
#include "cmd/build_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "format/jsonfile.h"
#include "util/strbuf.h"

#define C_RED "\033[31;1m"
#define C_GREEN "\033[32m"
#define C_YELLOW "\033[33m"
#define C_OFF "\033[0m"

typedef struct nodata_group {
    const char *table;       /* the missing input (the figure's string) */
    strbuf figs;             /* "fig-1-2, fig-2-3" */
} nodata_group;

struct build_report {
    build_report_opts o;
    size_t ok, nodata, failed, done, total;
    bool line_shown;         /* a progress line is on the terminal */
    nodata_group *groups;
    size_t n_groups;
    size_t known;            /* known warnings not shown */
    strbuf known_figs;       /* the figures that had them */
    int id_width, table_width;
};

bool build_report_color_ok(int fd)
{
    const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
    if (nc && *nc)
        return false;
    if (term && strcmp(term, "dumb") == 0)
        return false;
    return isatty(fd) == 1;
}

build_report *build_report_new(const build_report_opts *o, size_t total)
{
    build_report *b = xcalloc(1, sizeof *b);
    b->o = *o;
    b->total = total;
    b->id_width = o->id_width > 0 ? o->id_width : 12;
    if (b->o.width < 20)
        b->o.width = 80;
    if (o->tty && !o->quiet && total > 0) {
        printf("building %zu figure%s ...", total, total == 1 ? "" : "s");
        fflush(stdout);
        b->line_shown = true;
    }
    return b;
}

static void clear_line(build_report *b)
{
    if (b->line_shown) {
        fputs("\r\033[K", stdout);
        fflush(stdout);
        b->line_shown = false;
    }
}

static void draw_progress(build_report *b, const char *last)
{
    if (!b->o.tty || b->o.quiet)
        return;
    char line[512];
    snprintf(line, sizeof line, "[%zu/%zu] %zu ok, %zu no-data, %zu failed  %s", b->done, b->total, b->ok,
             b->nodata, b->failed, last);
    size_t max = (size_t)b->o.width - 1;
    if (strlen(line) > max)
        line[max] = '\0';
    fputs("\r\033[K", stdout);
    fputs(line, stdout);
    fflush(stdout);
    b->line_shown = true;
}

/* The spec's known warnings: substrings that mark a warning as a known
 * inconsistency of the report. NULL when none (caller deletes the spec). */
static const cJSON *known_list(cJSON **spec, const wf_app *a, const char *id)
{
    wf_error err;
    *spec = app_spec_load(a, id, &err);
    const cJSON *k = *spec ? cJSON_GetObjectItemCaseSensitive(*spec, "known_warnings") : NULL;
    return cJSON_IsArray(k) ? k : NULL;
}

static bool is_known(const cJSON *known, const char *msg)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, known)
    {
        const char *m = json_str(it, "match");
        if (m && *m && strstr(msg, m))
            return true;
    }
    return false;
}

/* Prints the worker's stderr: lines that are known warnings are counted
 * (shown with --verbose); everything else goes to stderr as written. */
static void print_log(build_report *b, const wf_fig_result *r)
{
    if (!r->log || !*r->log)
        return;
    cJSON *spec = NULL;
    const cJSON *known = known_list(&spec, b->o.app, r->fig->id);
    size_t n_known = 0;
    const char *p = r->log;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        char *line = xstrndup(p, len);
        const char *w = strstr(line, "] warning: ");
        bool k = known && w && is_known(known, w + strlen("] warning: "));
        if (k)
            n_known++;
        if (len && (!k || b->o.verbose)) {
            clear_line(b);
            if (b->o.color_err && w)
                fprintf(stderr, "%.*s" C_YELLOW "warning" C_OFF "%s%s\n", (int)(w - line + 2), line,
                        w + strlen("] warning"), k ? " (known report inconsistency)" : "");
            else
                fprintf(stderr, "%s%s\n", line, k ? " (known report inconsistency)" : "");
            fflush(stderr);
        }
        free(line);
        p += len + (eol ? 1 : 0);
    }
    if (n_known) {
        b->known += n_known;
        if (b->known_figs.len)
            sb_puts(&b->known_figs, ", ");
        sb_puts(&b->known_figs, r->fig->id);
    }
    cJSON_Delete(spec);
}

/* gnuplot's warnings for a figure that was built (also in its manifest). */
static void print_gnuplot(build_report *b, const wf_fig_result *r)
{
    if (!r->warnings || !*r->warnings || r->status != WRRFIG_OK)
        return;
    clear_line(b);
    char *w = xstrdup(r->warnings), *save = NULL;
    for (char *line = strtok_r(w, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
        fprintf(stderr, "wrrfig: [%s] gnuplot: %s\n", r->fig->id, line);
    fflush(stderr);
    free(w);
}

static void add_nodata(build_report *b, const wf_fig_result *r)
{
    const char *table = r->missing ? r->missing : "(see wrrfig info)";
    for (size_t i = 0; i < b->n_groups; i++)
        if (strcmp(b->groups[i].table, table) == 0) {
            sb_printf(&b->groups[i].figs, ", %s", r->fig->id);
            return;
        }
    b->groups = xrealloc(b->groups, (b->n_groups + 1) * sizeof *b->groups);
    nodata_group *g = &b->groups[b->n_groups++];
    g->table = table;
    if ((int)strlen(table) > b->table_width)
        b->table_width = (int)strlen(table);
    strbuf s = STRBUF_INIT;
    sb_puts(&s, r->fig->id);
    g->figs = s;
}

void build_report_line(build_report *b, const char *text);

void build_report_figure(void *ud, const wf_fig_result *r, size_t done, size_t total)
{
    build_report *b = ud;
    b->done = done;
    b->total = total;
    print_log(b, r);
    print_gnuplot(b, r);
    const char *col = "", *off = b->o.color_out ? C_OFF : "";
    strbuf what = STRBUF_INIT;
    if (r->status == WRRFIG_OK) {
        b->ok++;
        col = C_GREEN;
        sb_puts(&what, r->up_to_date ? "ok, up to date" : "ok");
    } else if (r->status == WRRFIG_NODATA) {
        b->nodata++;
        add_nodata(b, r);
        col = C_YELLOW;
        sb_printf(&what, "no-data: %s%s", r->missing ? r->missing : r->reason, r->up_to_date ? " (up to date)" : "");
    } else {
        b->failed++;
        col = C_RED;
        sb_printf(&what, "FAILED: %s", r->reason);
    }
    if (!b->o.color_out)
        col = "";
    char head[128];
    int w = (int)snprintf(NULL, 0, "%zu", total);
    snprintf(head, sizeof head, "[%*zu/%zu] %-*s %6.0f ms  ", w, done, total, b->id_width, r->fig->id, r->ms);
    bool failed = r->status != WRRFIG_OK && r->status != WRRFIG_NODATA;
    if (!b->o.tty) {
        /* A log: one line per figure on stdout (failures even with --quiet). */
        if (!b->o.quiet || failed) {
            printf("%s%s%s%s\n", head, col, sb_cstr(&what), off);
            fflush(stdout);
        }
        if (failed && !b->o.err_is_out)
            fprintf(stderr, "wrrfig: %s FAILED: %s\n", r->fig->id, r->reason);
    } else {
        if (failed || b->o.verbose) {
            /* Above the progress line; failures to stderr. */
            clear_line(b);
            FILE *f = failed ? stderr : stdout;
            if (failed && b->o.color_err)
                col = C_RED, off = C_OFF;
            fprintf(f, "%s%s%s%s\n", head, col, sb_cstr(&what), off);
            fflush(f);
        }
    }
    if (b->o.explain && (r->up_to_date || (r->cue && r->cue[0]))) {
        strbuf ex = STRBUF_INIT;
        sb_printf(&ex, "%s: %s%s", r->fig->id, r->up_to_date ? "" : "rebuilt: ", r->up_to_date ? "up to date" : r->cue);
        build_report_line(b, ex.s);
        sb_free(&ex);
    }
    if (b->o.tty)
        draw_progress(b, r->fig->id);
    sb_free(&what);
}

void build_report_line(build_report *b, const char *text)
{
    clear_line(b);
    printf("%s\n", text);
    fflush(stdout);
}

void build_report_summary(build_report *b, const wf_schedule_counts *c)
{
    clear_line(b);
    FILE *f = stdout;
    if (b->o.tty && b->n_groups && !b->o.quiet) {
        fprintf(f, "NO-DATA: %zu figure%s need%s a table that is not in the data directory:\n", b->nodata,
                b->nodata == 1 ? "" : "s", b->nodata == 1 ? "s" : "");
        for (size_t i = 0; i < b->n_groups; i++)
            fprintf(f, "  %-*s %s\n", b->table_width, b->groups[i].table, sb_cstr(&b->groups[i].figs));
        fputs("(wrrfig info FIG says what each table is and where it comes from)\n", f);
    }
    if (b->known && !b->o.verbose)
        fprintf(f, "%zu known report inconsistenc%s (%s), see `wrrfig check`; `build --verbose` shows them\n",
                b->known, b->known == 1 ? "y" : "ies", sb_cstr(&b->known_figs));
    const char *red = b->o.color_out && c->failed ? C_RED : "", *off = b->o.color_out && c->failed ? C_OFF : "";
    size_t total = c->ok + c->nodata + c->failed;
    fprintf(f, "%s%zu figure%s: %zu built, %zu no-data, %zu failed%s in %.1f s, outputs in %s/; %zu up to date, "
               "%zu rebuilt\n",
            red, total, total == 1 ? "" : "s", c->ok, c->nodata, c->failed, off, c->ms / 1000.0, b->o.out_dir,
            c->up_to_date, total - c->up_to_date);
    fflush(f);
}

void build_report_free(build_report *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n_groups; i++)
        sb_free(&b->groups[i].figs);
    free(b->groups);
    sb_free(&b->known_figs);
    free(b);
}
