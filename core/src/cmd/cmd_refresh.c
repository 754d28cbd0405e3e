/* wrrfig refresh TABLE...: the report staff's job in one command. For each
 * table: import it from its newest download (the mapping's file pattern),
 * printing what the new release changes; then rebuild only the figures
 * whose cues changed (printing each cue), check the claims, and print what
 * changed against the previous build. */
#define _GNU_SOURCE /* memmem */
#include <ctype.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "cmd/options.h"
#include "diff/outdiff.h"
#include "format/jsonfile.h"
#include "import/importer.h"
#include "util/fileio.h"
#include "util/proc.h"
#include "util/strbuf.h"

/* Does the mapping's table ("cbs/37296ned") match what the user typed
 * ("37296ned", "37296NED" or "cbs/37296ned")? */
static int table_matches(const char *table, const char *want)
{
    const char *slash = strrchr(table, '/');
    const char *stem = slash ? slash + 1 : table;
    return strcasecmp(table, want) == 0 || strcasecmp(stem, want) == 0;
}

/* Mapping files in <data>/mappings whose table matches (sorted). */
static size_t find_mappings(const wf_app *a, const char *want, char ***out)
{
    strbuf pat = STRBUF_INIT;
    sb_printf(&pat, "%s/mappings/*.json", a->data_dir);
    glob_t g;
    size_t n = 0;
    *out = NULL;
    if (glob(pat.s, 0, NULL, &g) == 0) {
        for (size_t i = 0; i < g.gl_pathc; i++) {
            cJSON *m = NULL;
            wf_error e;
            if (json_read_file(g.gl_pathv[i], &m, &e) == 0 && json_str(m, "table") &&
                table_matches(json_str(m, "table"), want)) {
                *out = xrealloc(*out, (n + 1) * sizeof **out);
                (*out)[n++] = xstrdup(g.gl_pathv[i]);
            }
            cJSON_Delete(m);
        }
        globfree(&g);
    }
    sb_free(&pat);
    return n;
}

/* Prints text, or with brief only its lines holding `keep` and its last
 * non-empty line (check's verdicts that differ and its summary). */
static void pass_through(const char *text, size_t len, FILE *to, const char *keep)
{
    if (!keep) {
        fwrite(text, 1, len, to);
        return;
    }
    const char *last = NULL, *last_end = NULL;
    for (const char *p = text; p < text + len;) {
        const char *e = memchr(p, '\n', (size_t)(text + len - p));
        if (!e)
            e = text + len;
        if (e > p) {
            last = p;
            last_end = e;
            if (memmem(p, (size_t)(e - p), keep, strlen(keep)))
                fprintf(to, "  %.*s\n", (int)(e - p), p);
        }
        p = e + 1;
    }
    if (last)
        fprintf(to, "  %.*s\n", (int)(last_end - last), last);
}

/* Runs this wrrfig again with the same global options and a command, its
 * output passed through (filtered by keep, see pass_through). Returns its
 * exit status. */
static int run_self(const wf_app *a, char *const *args, int timeout, const char *keep)
{
    char *argv[64];
    int n = 0;
    argv[n++] = (char *)"/proc/self/exe";
    /* The same search paths as this run (the built-in directories the child
     * finds itself, exactly as this process did). */
    if (a->no_builtin)
        argv[n++] = (char *)"--no-builtin";
    for (size_t i = 0; i < a->plugin_path.n && n < 40; i++) {
        argv[n++] = (char *)"--plugins";
        argv[n++] = a->plugin_path.v[i];
    }
    for (size_t i = 0; i < a->figures_path.n && n < 48; i++) {
        argv[n++] = (char *)"--figures";
        argv[n++] = a->figures_path.v[i];
    }
    char *globals[][2] = {{"--data", (char *)a->data_dir}, {"--lang", (char *)a->lang}};
    for (size_t i = 0; i < 2; i++)
        if (globals[i][1]) {
            argv[n++] = globals[i][0];
            argv[n++] = globals[i][1];
        }
    for (size_t i = 0; args[i] && n < 63; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    char outp[] = "/tmp/wrrfig-refresh-out-XXXXXX", errp[] = "/tmp/wrrfig-refresh-err-XXXXXX";
    int fo = mkstemp(outp), fe = mkstemp(errp);
    if (fo >= 0)
        close(fo);
    if (fe >= 0)
        close(fe);
    fflush(NULL);
    int rc = run_program(argv, outp, errp, timeout);
    char *text;
    size_t len;
    if (read_file(outp, &text, &len, NULL) == 0) {
        pass_through(text, len, stdout, keep);
        free(text);
    }
    if (read_file(errp, &text, &len, NULL) == 0) {
        fwrite(text, 1, len, stderr);
        free(text);
    }
    unlink(outp);
    unlink(errp);
    fflush(NULL);
    return rc;
}

/* Keeps what the diff needs of the previous build (manifests, CSVs,
 * renders, claims.json) in <out>/.previous. */
static int keep_previous(const char *out, const char *prev)
{
    char *rm[] = {(char *)"rm", (char *)"-rf", (char *)prev, NULL};
    if (run_program(rm, NULL, NULL, 60) != 0)
        return -1;
    wf_error err;
    if (make_dirs(prev, &err) != 0)
        return -1;
    strbuf pat = STRBUF_INIT;
    sb_printf(&pat, "%s/*", out);
    glob_t g;
    int rc = 0;
    if (glob(pat.s, 0, NULL, &g) == 0) {
        for (size_t i = 0; i < g.gl_pathc && rc == 0; i++) {
            const char *p = g.gl_pathv[i];
            size_t len = strlen(p);
            static const char *const keep[] = {".json", ".csv", ".svg"};
            for (size_t k = 0; k < 3; k++) {
                size_t el = strlen(keep[k]);
                if (len > el && strcmp(p + len - el, keep[k]) == 0) {
                    char *text;
                    size_t n;
                    strbuf dst = STRBUF_INIT;
                    sb_printf(&dst, "%s/%s", prev, strrchr(p, '/') + 1);
                    if (read_file(p, &text, &n, &err) != 0 || atomic_write(dst.s, text, n, &err) != 0)
                        rc = -1;
                    else
                        free(text);
                    sb_free(&dst);
                }
            }
        }
        globfree(&g);
    }
    sb_free(&pat);
    return rc;
}

int cmd_refresh(wf_app *a, int argc, char **argv)
{
    static const wf_usage usage = {
        "refresh", "TABLE...",
        "A new CBS release in one command: imports each table (37296ned or cbs/37296ned) from its newest\n"
        "download (the mapping's file pattern under --shared), printing what the release changes; rebuilds\n"
        "only the figures whose cues changed (each cue printed); checks the claims; prints what changed\n"
        "against the previous build (wrrfig diff against <out>/.previous).\n"
        "Exit status 1 when the build failed or a claim verdict changed.\n",
        1, -1, NULL};
    const char *out = "out", *formats = "svg,pdf,png";
    const wf_option opts[] = {
        WF_OPT_STRING('o', "out", &out, "DIR", "the build to refresh (default out)"),
        WF_OPT_STRING(0, "format", &formats, "LIST", "render formats for the rebuild (default svg,pdf,png)"),
        WF_OPT_END,
    };
    char **pos;
    int n_pos, rc;
    if (wf_cmd_parse(a, &usage, opts, argc, argv, &pos, &n_pos, &rc) != 0)
        return rc;
    double t0 = now_ms();
    strbuf prev = STRBUF_INIT;
    sb_printf(&prev, "%s/.previous", out);
    wf_error err;
    if (make_dirs(out, &err) != 0 || keep_previous(out, prev.s) != 0) {
        fprintf(stderr, "wrrfig refresh: cannot keep the previous build in %s\n", prev.s);
        sb_free(&prev);
        free(pos);
        return EXIT_ENV;
    }
    /* The verdicts of the previous build, for the diff of observed values:
     * checked now, on the data before the import, when it has none. */
    strbuf pc = STRBUF_INIT;
    sb_printf(&pc, "%s/claims.json", prev.s);
    if (!file_exists(pc.s)) {
        char *check0[] = {(char *)"check", (char *)"--out", prev.s, NULL};
        run_self(a, check0, 3600, "\001"); /* only its summary line */
    }
    sb_free(&pc);
    int failed = 0;
    for (int i = 0; i < n_pos && !failed; i++) {
        char **maps;
        size_t nm = find_mappings(a, pos[i], &maps);
        if (nm == 0) {
            fprintf(stderr, "wrrfig refresh: no mapping in %s/mappings imports a table '%s'\n", a->data_dir, pos[i]);
            failed = 1;
        }
        for (size_t k = 0; k < nm; k++) {
            wf_error ierr = {{0}};
            strbuf summary = STRBUF_INIT;
            char *name = NULL;
            int differs = 0;
            if (import_run_report(maps[k], a->shared_dir, a->data_dir, 0, &differs, &name, &summary, &ierr) != 0) {
                fprintf(stderr, "wrrfig refresh: import: %s\n", ierr.msg);
                failed = 1;
            } else {
                printf("import %s (%s)\n%s", name, maps[k], sb_cstr(&summary));
            }
            sb_free(&summary);
            free(name);
            free(maps[k]);
        }
        free(maps);
    }
    if (failed) {
        sb_free(&prev);
        free(pos);
        return EXIT_FAILED;
    }
    char *build[] = {(char *)"build", (char *)"--out", (char *)out, (char *)"--format", (char *)formats,
                     (char *)"--explain", NULL};
    int brc = run_self(a, build, 3600, NULL);
    char *check[] = {(char *)"check", (char *)"--out", (char *)out, NULL};
    printf("check (claims whose verdict differs from its expectation, and the summary):\n");
    int crc = run_self(a, check, 3600, "differs from expectation");
    printf("changes against the previous build:\n");
    od_result r;
    int drc = 0, flips = 0;
    if (od_compare(prev.s, out, 1e-9, &r, &err) != 0) {
        fprintf(stderr, "wrrfig refresh: diff: %s\n", err.msg);
        drc = 1;
    } else {
        strbuf b = STRBUF_INIT;
        od_print(&b, &r, 20);
        fputs(b.s, stdout);
        sb_free(&b);
        flips = r.n_verdicts_changed > 0;
        od_free(&r);
    }
    printf("wrrfig refresh: done in %.0f ms (build exit %d, check exit %d)\n", now_ms() - t0, brc, crc);
    sb_free(&prev);
    free(pos);
    /* As wrrfig diff: a claim verdict that changed is a failure to look at. */
    return (brc != 0 || drc != 0 || flips) ? EXIT_FAILED : EXIT_OK;
}
