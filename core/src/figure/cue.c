#define _POSIX_C_SOURCE 200809L
#include "figure/cue.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "data/table.h"
#include "figure/manifest.h"
#include "figure/manifest_scan.h"
#include "figure/period.h"
#include "format/jsonfile.h"
#include "util/fileio.h"
#include "util/sha256.h"
#include "util/strbuf.h"

void cue_memo_free(cue_memo *m)
{
    strset_free(&m->paths);
    free(m->sha);
    m->sha = NULL;
}

/* sha256 of a file, or "absent"; through the memo when there is one. */
static void add_file_hash(cJSON *o, const char *key, const char *path, cue_memo *memo)
{
    char hex[65];
    const char *h;
    if (memo) {
        size_t before = memo->paths.n, i = strset_index(&memo->paths, path);
        if (i == before) {
            memo->sha = xrealloc(memo->sha, memo->paths.cap * sizeof *memo->sha);
            snprintf(memo->sha[i], sizeof memo->sha[i], "%s", sha256_file_hex(path, hex) == 0 ? hex : "absent");
        }
        h = memo->sha[i];
    } else {
        h = sha256_file_hex(path, hex) == 0 ? hex : "absent";
    }
    cJSON_AddStringToObject(o, key, h);
}

cJSON *wf_cue_compute(const wf_app *a, const wf_figure *f, const build_opts *o)
{
    cJSON *c = cJSON_CreateObject();
    cJSON *in = cJSON_AddObjectToObject(c, "inputs");
    for (size_t i = 0; f->inputs && f->inputs[i]; i++) {
        cJSON *t = cJSON_AddObjectToObject(in, f->inputs[i]);
        static const char *const exts[] = {".csv", ".geojson", ".meta.json"};
        for (size_t k = 0; k < 3; k++) {
            strbuf p = STRBUF_INIT;
            sb_printf(&p, "%s/%s%s", a->data_dir, f->inputs[i], exts[k]);
            struct stat st;
            if (stat(p.s, &st) == 0)
                add_file_hash(t, exts[k] + 1, p.s, o->memo);
            sb_free(&p);
        }
    }
    /* The spec file the build reads (the figures path: built-in first). */
    const char *spec = app_spec_path(a, f->id);
    bool series = false; /* only a time series shows something else with --latest (figure/period.h) */
    if (spec) {
        add_file_hash(c, "spec", spec, NULL);
        series = specs_is_series(&a->specs, f->id);
    } else {
        cJSON_AddStringToObject(c, "spec", "absent");
    }
    cJSON *pl = cJSON_AddObjectToObject(c, "plugin");
    cJSON_AddStringToObject(pl, "name", f->plugin->name);
    cJSON_AddStringToObject(pl, "version", f->plugin->version);
    add_file_hash(pl, "build", f->plugin->path, o->memo);
    cJSON_AddStringToObject(c, "host", WRRFIG_VERSION);
    cJSON_AddStringToObject(c, "gnuplot", o->render && o->gnuplot_version ? o->gnuplot_version : "not run");
    cJSON *op = cJSON_AddObjectToObject(c, "options");
    /* render_formats: switching between png and png1x changes the PNG */
    cJSON_AddStringToObject(op, "formats", o->render ? (o->render_formats ? o->render_formats : o->formats) : "");
    cJSON_AddStringToObject(op, "lang", a->lang);
    /* --latest changes what a time series shows, and only that */
    if (series)
        cJSON_AddStringToObject(op, "period", fig_period_mode(o->latest));
    return c;
}

static char *cue_path(const build_opts *o, const char *id)
{
    strbuf p = STRBUF_INIT;
    sb_printf(&p, "%s/.cue/%s.json", o->out_dir, id);
    return sb_take(&p);
}

/* The first member that differs, as "input cbs/37296ned" or "spec". */
static void first_difference(const cJSON *old, const cJSON *now, char *why, size_t n)
{
    const cJSON *oi = cJSON_GetObjectItemCaseSensitive(old, "inputs"), *ni = cJSON_GetObjectItemCaseSensitive(now, "inputs");
    for (const cJSON *t = ni ? ni->child : NULL; t; t = t->next) {
        const cJSON *ot = cJSON_GetObjectItemCaseSensitive(oi, t->string);
        if (!ot) {
            snprintf(why, n, "new input %s", t->string);
            return;
        }
        if (!cJSON_Compare(ot, t, 1)) {
            const cJSON *h = cJSON_GetObjectItemCaseSensitive(t, "csv");
            if (!h)
                h = cJSON_GetObjectItemCaseSensitive(t, "geojson");
            const cJSON *oh = cJSON_GetObjectItemCaseSensitive(ot, h ? h->string : "csv");
            if (h && oh && cJSON_IsString(h) && cJSON_IsString(oh) && strcmp(h->valuestring, oh->valuestring) != 0)
                snprintf(why, n, "input %s changed (sha256 %.12s -> %.12s)", t->string, oh->valuestring,
                         h->valuestring);
            else
                snprintf(why, n, "input %s changed (its sidecar)", t->string);
            return;
        }
    }
    for (const cJSON *t = oi ? oi->child : NULL; t; t = t->next)
        if (!cJSON_GetObjectItemCaseSensitive(ni, t->string)) {
            snprintf(why, n, "input %s no longer declared", t->string);
            return;
        }
    static const char *const keys[] = {"spec", "plugin", "host", "gnuplot", "options"};
    static const char *const says[] = {"spec changed", "plugin changed (version or build)", "wrrfig version changed",
                                       "gnuplot version changed", "output options changed"};
    for (size_t k = 0; k < 5; k++)
        if (!cJSON_Compare(cJSON_GetObjectItemCaseSensitive(old, keys[k]), cJSON_GetObjectItemCaseSensitive(now, keys[k]), 1)) {
            const char *om = json_str(cJSON_GetObjectItemCaseSensitive(old, keys[k]), "period");
            const char *nm = json_str(cJSON_GetObjectItemCaseSensitive(now, keys[k]), "period");
            if (k == 4 && om && nm && strcmp(om, nm) != 0)
                snprintf(why, n, "period mode changed (%s -> %s)", om, nm);
            else
                snprintf(why, n, "%s", says[k]);
            return;
        }
    snprintf(why, n, "cues changed");
}

static bool output_missing(const build_opts *o, const char *id, bool nodata, char *why, size_t n)
{
    strbuf want = STRBUF_INIT;
    if (nodata)
        sb_puts(&want, "json");
    else
        sb_printf(&want, "gp csv json %s", o->render ? o->formats : "");
    char *save = NULL;
    bool missing = false;
    for (char *t = strtok_r(want.s, " ,", &save); t && !missing; t = strtok_r(NULL, " ,", &save)) {
        char *p = figure_out_path(o->out_dir, id, t);
        if (!file_exists(p)) {
            snprintf(why, n, "output %s.%s missing", id, t);
            missing = true;
        }
        free(p);
    }
    sb_free(&want);
    return missing;
}

bool wf_cue_up_to_date(const build_opts *o, const wf_figure *f, const cJSON *now, bool nodata, char *why, size_t n)
{
    char *p = cue_path(o, f->id);
    cJSON *file = NULL;
    wf_error err;
    bool ok = false;
    const cJSON *old = NULL;
    const char *result = NULL;
    if (!file_exists(p))
        snprintf(why, n, "no earlier build");
    else if (json_read_file(p, &file, &err) != 0 || !(old = cJSON_GetObjectItemCaseSensitive(file, "cues")) ||
             !(result = json_str(file, "result")))
        snprintf(why, n, "earlier cues unreadable");
    else if (!cJSON_Compare(old, now, 1))
        first_difference(old, now, why, n);
    else if (nodata != (strcmp(result, "no-data") == 0))
        snprintf(why, n, nodata ? "an input is now absent" : "was NO-DATA");
    else if (!output_missing(o, f->id, nodata, why, n))
        ok = true;
    cJSON_Delete(file);
    free(p);
    return ok;
}

void wf_cue_save(const build_opts *o, const char *id, const cJSON *now, int status)
{
    strbuf d = STRBUF_INIT;
    sb_printf(&d, "%s/.cue", o->out_dir);
    wf_error err;
    char *p = cue_path(o, id);
    cJSON *file = cJSON_CreateObject();
    cJSON_AddStringToObject(file, "result", status == WRRFIG_NODATA ? "no-data" : "ok");
    cJSON_AddItemToObject(file, "cues", cJSON_Duplicate(now, 1));
    if (make_dirs(d.s, &err) != 0 || figure_write_json(p, file, &err) != 0)
        fprintf(stderr, "wrrfig: %s: cannot save the build cues: %s\n", id, err.msg);
    cJSON_Delete(file);
    free(p);
    sb_free(&d);
}

void wf_cue_forget(const build_opts *o, const char *id)
{
    char *p = cue_path(o, id);
    unlink(p);
    free(p);
}

typedef struct known_ids {
    const char *const *ids;
    size_t n;
} known_ids;

static bool is_known(void *ud, const char *stem)
{
    const known_ids *k = ud;
    for (size_t i = 0; i < k->n; i++)
        if (strcmp(k->ids[i], stem) == 0)
            return true;
    return false;
}

size_t wf_orphans(const char *out_dir, const char *const *ids, size_t n, bool remove,
                  void (*fn)(void *ud, const char *id), void *ud)
{
    /* Only manifests of figures that do not exist any more; the known ones
     * are not even read. */
    known_ids known = {ids, n};
    char **found;
    size_t nf;
    if (figure_manifest_ids(out_dir, is_known, &known, &found, &nf) != 0)
        return 0;
    for (size_t i = 0; i < nf; i++) {
        if (remove) {
            static const char *const exts[] = {"gp", "csv", "svg", "pdf", "png", "md", "html", "json"};
            for (size_t k = 0; k < sizeof exts / sizeof *exts; k++) {
                char *p = figure_out_path(out_dir, found[i], exts[k]);
                unlink(p);
                free(p);
            }
            build_opts o = {.out_dir = out_dir, .formats = ""};
            wf_cue_forget(&o, found[i]);
        }
        if (fn)
            fn(ud, found[i]);
        free(found[i]);
    }
    free(found);
    return nf;
}

bool cue_begin(cue_state *s, const wf_app *a, const build_opts *o, const wf_figure *f, bool nodata)
{
    memset(s, 0, sizeof *s);
    s->o = o;
    s->f = f;
    s->now = wf_cue_compute(a, f, o);
    if (!o->incremental) {
        snprintf(s->why, sizeof s->why, "forced (--force)");
        return false;
    }
    s->up_to_date = wf_cue_up_to_date(o, f, s->now, nodata, s->why, sizeof s->why);
    if (s->up_to_date)
        snprintf(s->why, sizeof s->why, "up to date");
    else
        /* The outputs are about to change: a build killed after they did
         * but before cue_finish must not leave the old cues, which would
         * call the new outputs up to date for the old options (found by
         * the kill test). */
        wf_cue_forget(o, f->id);
    return s->up_to_date;
}

void cue_finish(cue_state *s, int status)
{
    if (!s->now || s->up_to_date)
        return;
    if (status == WRRFIG_OK || status == WRRFIG_NODATA)
        wf_cue_save(s->o, s->f->id, s->now, status);
    else
        wf_cue_forget(s->o, s->f->id);
}

void cue_state_free(cue_state *s)
{
    cJSON_Delete(s->now);
    s->now = NULL;
}
