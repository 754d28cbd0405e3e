/* wrrfig refresh TABLE...: the report staff's job in one command. For each
 * table: with --fetch, download it first into a snapshot (core/src/fetch)
 * that its mapping reads; import it from its newest download (the mapping's
 * file pattern),
 * printing what the new release changes; then rebuild only the figures
 * whose cues changed (printing each cue), check the claims, and print what
 * changed against the previous build. */
#define _GNU_SOURCE /* memmem */
#include <ctype.h>
#include <curl/curl.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "cmd/options.h"
#include "data/table.h"
#include "diff/outdiff.h"
#include "fetch/snapshot.h"
#include "format/jsonfile.h"
#include "import/importer.h"
#include "util/fileio.h"
#include "util/proc.h"
#include "util/rmtree.h"
#include "util/strbuf.h"
#include "util/text.h"

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

/* The CBS table id whose snapshots a mapping reads ("file":
 * "snapshots/<id>/<pattern>/TypedDataSet.json" gives <id>), or NULL when its input
 * is something else; *file gets the input's file (both caller frees). *api
 * (may be NULL) gets the API whose download the mapping imports: v4 for
 * "odata-v4" (Observations), else v3. */
static char *snapshot_id(const char *mapping_path, char **file, fetch_api *api)
{
    cJSON *m = NULL;
    wf_error e;
    char *id = NULL;
    *file = NULL;
    if (json_read_file(mapping_path, &m, &e) != 0)
        return NULL;
    const cJSON *input = cJSON_GetObjectItemCaseSensitive(m, "input");
    const char *f = json_str(input, "file"), *format = json_str(input, "format");
    if (api)
        *api = format && strcmp(format, "odata-v4") == 0 ? FETCH_V4 : FETCH_V3;
    if (f) {
        *file = xstrdup(f);
        if (strncmp(f, "snapshots/", 10) == 0) {
            size_t n = strcspn(f + 10, "/");
            if (n > 0 && f[10 + n] == '/')
                id = xstrndup(f + 10, n);
        }
    }
    cJSON_Delete(m);
    if (id && !fetch_valid_table_id(id)) {
        free(id);
        id = NULL;
    }
    return id;
}

typedef struct fetched {
    char *id, *rel; /* the table id and its new snapshot, relative to the shared directory */
} fetched;

static void fetched_free(fetched *f, size_t n)
{
    for (size_t j = 0; j < n; j++) {
        free(f[j].id);
        free(f[j].rel);
    }
    free(f);
}

/* --fetch: downloads, before anything else changes, every table whose
 * mapping reads its snapshots, into <shared>/snapshots (where the mappings'
 * patterns look). A mapping that reads something else is refused: its
 * import would not see the download. Returns 0, or -1 (printed). */
static int fetch_all(const wf_app *a, char **tables, int n, const char *v3, const char *v4, fetched **out,
                     size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    if (!a->shared_dir) {
        fprintf(stderr, "wrrfig refresh: --fetch writes snapshots under the shared directory; give --shared DIR "
                        "(or set WRRFIG_SHARED)\n");
        return -1;
    }
    strbuf root = STRBUF_INIT;
    sb_printf(&root, "%s/snapshots", a->shared_dir);
    fetch_opts fo = {{300, 30, 4, 1000, (size_t)512 << 20}, FETCH_V3, v3, v4, root.s, 100000};
    int rc = 0;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    for (int i = 0; i < n && rc == 0; i++) {
        char **maps;
        size_t nm = find_mappings(a, tables[i], &maps);
        if (nm == 0) {
            fprintf(stderr, "wrrfig refresh: no mapping in %s/mappings imports a table '%s'\n", a->data_dir, tables[i]);
            rc = -1;
        }
        for (size_t k = 0; k < nm; k++) {
            char *file = NULL, *id = rc == 0 ? snapshot_id(maps[k], &file, &fo.api) : NULL;
            bool done = false;
            for (size_t j = 0; id && j < *n_out; j++)
                done = done || strcmp((*out)[j].id, id) == 0;
            if (rc == 0 && !id) {
                fprintf(stderr, "wrrfig refresh: --fetch: %s reads '%s', not a snapshot; a mapping imports a download "
                                "through \"file\": \"snapshots/<table>/*/TypedDataSet.json\" (docs/refresh.md)\n",
                        maps[k], file ? file : "(no input.file)");
                rc = -1;
            } else if (rc == 0 && !done) {
                strbuf log = STRBUF_INIT;
                char *dir = NULL;
                wf_error err = {{0}};
                if (fetch_table(&fo, id, &dir, &log, &err) != 0) {
                    char pre[160]; /* the message may quote a server's response */
                    snprintf(pre, sizeof pre, "wrrfig refresh: fetch %s: ", id);
                    text_print_safe(stderr, pre, err.msg);
                    rc = -1;
                } else {
                    const char *base = strrchr(dir, '/');
                    strbuf rel = STRBUF_INIT;
                    sb_printf(&rel, "snapshots/%s/%s/", id, base ? base + 1 : dir);
                    printf("fetch %s (%s) -> %s\n", id, fo.api == FETCH_V4 ? "v4" : "v3", dir);
                    *out = xrealloc(*out, (*n_out + 1) * sizeof **out);
                    (*out)[(*n_out)++] = (fetched){xstrdup(id), sb_take(&rel)};
                }
                free(dir);
                sb_free(&log);
            }
            free(id);
            free(file);
            free(maps[k]);
        }
        free(maps);
    }
    curl_global_cleanup();
    sb_free(&root);
    return rc;
}

/* After the import of a fetched table: did it read the new snapshot? (A
 * pattern's newest match could be another file; then the refresh would
 * silently show an older release.) */
static int imported_snapshot(const wf_app *a, const char *table, const fetched *f, size_t n, const char *mapping)
{
    char *file = NULL, *id = snapshot_id(mapping, &file, NULL);
    int rc = 0;
    for (size_t j = 0; id && j < n; j++) {
        if (strcmp(f[j].id, id) != 0)
            continue;
        char *mp = table_meta_path(a->data_dir, table);
        cJSON *meta = NULL;
        wf_error e;
        const char *src = json_read_file(mp, &meta, &e) == 0 ? json_str(meta, "source_file") : NULL;
        if (!src || !strstr(src, f[j].rel)) {
            fprintf(stderr, "wrrfig refresh: --fetch: %s was imported from %s, not from the snapshot just fetched (%s)\n",
                    table, src ? src : "(unknown)", f[j].rel);
            rc = -1;
        }
        cJSON_Delete(meta);
        free(mp);
    }
    free(id);
    free(file);
    return rc;
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
    if (remove_tree(prev) != 0)
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
        "A new CBS release in one command: with --fetch first downloads each table (as wrrfig fetch: OData v3,\n"
        "or v4 for a mapping that imports v4 Observations) into a snapshot under <shared>/snapshots; imports\n"
        "each table (37296ned or cbs/37296ned) from its newest download (the mapping's file pattern under\n"
        "--shared), printing what the release changes; rebuilds\n"
        "only the figures whose cues changed (each cue printed); checks the claims; prints what changed\n"
        "against the previous build (wrrfig diff against <out>/.previous).\n"
        "Exit status 1 when the build failed or a claim verdict changed.\n",
        1, -1, NULL};
    const char *out = "out", *formats = "svg,pdf,png";
    const char *v3 = getenv("WRRFIG_CBS_V3_URL") && *getenv("WRRFIG_CBS_V3_URL") ? getenv("WRRFIG_CBS_V3_URL")
                                                                                  : "https://opendata.cbs.nl/ODataFeed/odata";
    const char *v4 = getenv("WRRFIG_CBS_V4_URL") && *getenv("WRRFIG_CBS_V4_URL") ? getenv("WRRFIG_CBS_V4_URL")
                                                                                  : "https://datasets.cbs.nl/odata/v1/CBS";
    bool do_fetch = false, latest = false;
    const wf_option opts[] = {
        WF_OPT_STRING('o', "out", &out, "DIR", "the build to refresh (default out)"),
        WF_OPT_STRING(0, "format", &formats, "LIST", "render formats for the rebuild (default svg,pdf,png)"),
        WF_OPT_FLAG(0, "fetch", &do_fetch, "download each table first into a snapshot its mapping reads (<shared>/snapshots)"),
        WF_OPT_FLAG(0, "latest", &latest, "rebuild with wrrfig build --latest (time series to the data's last period)"),
        WF_OPT_STRING(0, "v3-url", &v3, "URL", "with --fetch: the OData v3 base (default $WRRFIG_CBS_V3_URL or https://opendata.cbs.nl/ODataFeed/odata)"),
        WF_OPT_STRING(0, "v4-url", &v4, "URL", "with --fetch: the OData v4 base (default $WRRFIG_CBS_V4_URL or https://datasets.cbs.nl/odata/v1/CBS)"),
        WF_OPT_END,
    };
    char **pos;
    int n_pos, rc;
    if (wf_cmd_parse(a, &usage, opts, argc, argv, &pos, &n_pos, &rc) != 0)
        return rc;
    double t0 = now_ms();
    fetched *got = NULL;
    size_t n_got = 0;
    if (do_fetch && fetch_all(a, pos, n_pos, v3, v4, &got, &n_got) != 0) {
        free(pos);
        return EXIT_FAILED; /* nothing imported, the build untouched */
    }
    strbuf prev = STRBUF_INIT;
    sb_printf(&prev, "%s/.previous", out);
    wf_error err;
    if (make_dirs(out, &err) != 0 || keep_previous(out, prev.s) != 0) {
        fprintf(stderr, "wrrfig refresh: cannot keep the previous build in %s\n", prev.s);
        fetched_free(got, n_got);
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
                text_print_safe(stderr, "wrrfig refresh: import: ", ierr.msg); /* quotes source cells */
                failed = 1;
            } else {
                printf("import %s (%s)\n%s", name, maps[k], sb_cstr(&summary));
                if (n_got && imported_snapshot(a, name, got, n_got, maps[k]) != 0)
                    failed = 1;
            }
            sb_free(&summary);
            free(name);
            free(maps[k]);
        }
        free(maps);
    }
    fetched_free(got, n_got);
    if (failed) {
        sb_free(&prev);
        free(pos);
        return EXIT_FAILED;
    }
    char *build[] = {(char *)"build", (char *)"--out", (char *)out, (char *)"--format", (char *)formats,
                     (char *)"--explain", latest ? (char *)"--latest" : NULL, NULL};
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
