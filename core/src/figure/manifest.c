/* Figure manifests: <out>/<id>.json records status, inputs with their
 * provenance and sha256, spec, plugin, notes and outputs. */
#define _POSIX_C_SOURCE 200809L
#include "figure/manifest.h"

#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format/jsonfile.h"
#include "import/fetchable.h"
#include "util/fileio.h"
#include "util/sha256.h"
#include "util/strbuf.h"

char *figure_out_path(const char *dir, const char *id, const char *ext)
{
    strbuf b = STRBUF_INIT;
    sb_printf(&b, "%s/%s.%s", dir, id, ext);
    return sb_take(&b);
}

char *figure_json_text(cJSON *j)
{
    char *s = cJSON_Print(j);
    strbuf b = STRBUF_INIT;
    sb_puts(&b, s);
    sb_putc(&b, '\n');
    cJSON_free(s);
    return sb_take(&b);
}

int figure_write_json(const char *path, cJSON *j, wf_error *err)
{
    char *s = figure_json_text(j);
    int rc = atomic_write(path, s, strlen(s), err);
    free(s);
    return rc;
}

/* Outputs of an earlier build, which must not sit next to a manifest that
 * says the figure has no data or failed. */
static void remove_outputs(const char *out_dir, const char *id)
{
    static const char *const stale[] = {"gp", "csv", "svg", "pdf", "png", "md", "html"};
    for (size_t i = 0; i < sizeof stale / sizeof *stale; i++) {
        char *p = figure_out_path(out_dir, id, stale[i]);
        unlink(p);
        free(p);
    }
}

static void add_spec_info(cJSON *m, const wf_app *a, const char *id)
{
    strbuf p = STRBUF_INIT;
    const char *path = app_spec_path(a, id);
    if (path)
        sb_puts(&p, path);
    else
        sb_printf(&p, "%s/%s.json", a->figures_dir, id);
    char hex[65];
    cJSON *spec = cJSON_AddObjectToObject(m, "spec");
    cJSON_AddStringToObject(spec, "file", strrchr(p.s, '/') ? strrchr(p.s, '/') + 1 : p.s);
    cJSON_AddStringToObject(spec, "sha256", sha256_file_hex(p.s, hex) == 0 ? hex : "");
    sb_free(&p);
    /* A figure built from a kind records the kind and the parameters it was
     * built with (the spec's, checked, defaults filled in). */
    const wf_figure *f = registry_figure(&a->reg, id);
    if (f && f->kind) {
        cJSON_AddStringToObject(m, "kind", f->kind->id);
        cJSON_AddItemToObject(m, "params", cJSON_Duplicate(f->params, 1));
    }
}

/* The ids of the claims about this figure, from the registry's figure index
 * (data/claims/figure-index.json, kept in step with the registry by `wrrfig
 * check`). A build never loads the registry or runs a measure: the verdicts
 * are `wrrfig check`'s output (out/claims.json). No index: no claims known,
 * an empty list; an unreadable one is recorded, not fatal to the figure. */
static void add_claims(cJSON *m, const wf_app *a, const char *id)
{
    strbuf p = STRBUF_INIT;
    sb_printf(&p, "%s/claims/figure-index.json", a->data_dir);
    cJSON *ids = cJSON_CreateArray();
    if (file_exists(p.s)) {
        cJSON *idx = NULL;
        wf_error err;
        if (json_read_file(p.s, &idx, &err) != 0) {
            cJSON_AddStringToObject(m, "claims_error", err.msg);
        } else {
            const cJSON *figs = cJSON_GetObjectItemCaseSensitive(idx, "figures");
            const cJSON *list = cJSON_GetObjectItemCaseSensitive(figs, id), *it;
            cJSON_ArrayForEach(it, list)
            {
                if (cJSON_IsString(it))
                    cJSON_AddItemToArray(ids, cJSON_CreateString(it->valuestring));
            }
            cJSON_Delete(idx);
        }
    }
    cJSON_AddItemToObject(m, "claims", ids);
    sb_free(&p);
}

int figure_write_nodata_manifest(const wf_app *a, const wf_figure *f, const build_opts *o, const char *missing)
{
    remove_outputs(o->out_dir, f->id);
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "id", f->id);
    cJSON_AddStringToObject(m, "status", "no-data");
    cJSON_AddStringToObject(m, "missing_input", missing);
    cJSON_AddStringToObject(m, "needs", f->needs);
    /* Whether `wrrfig fetch --needed` can fill it, or what is missing. */
    imp_fetch_index own = {0};
    const imp_fetch_index *ix = o->fetch_index;
    if (!ix) {
        imp_fetch_index_load(a->data_dir, &own);
        ix = &own;
    }
    imp_fetchable fe;
    imp_figure_fetchable(ix, a->data_dir, f->inputs, f->needs, &fe);
    cJSON_AddItemToObject(m, "fetchable", imp_fetchable_json(&fe));
    if (!fe.ok)
        cJSON_AddStringToObject(m, "fetchable_reason", fe.reason);
    imp_fetch_index_free(&own);
    cJSON *pl = cJSON_AddObjectToObject(m, "plugin");
    cJSON_AddStringToObject(pl, "name", f->plugin->name);
    cJSON_AddStringToObject(pl, "version", f->plugin->version);
    add_spec_info(m, a, f->id);
    add_claims(m, a, f->id);
    char *path = figure_out_path(o->out_dir, f->id, "json");
    wf_error err;
    int rc = figure_write_json(path, m, &err);
    if (rc != 0)
        fprintf(stderr, "wrrfig: %s\n", err.msg);
    free(path);
    cJSON_Delete(m);
    return rc;
}

cJSON *figure_manifest(const wf_app *a, const wf_figure *f, const build_opts *o, wrrfig_ctx *c,
                       const char *title)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "id", f->id);
    cJSON_AddStringToObject(m, "status", "ok");
    cJSON_AddStringToObject(m, "title", title);
    cJSON_AddStringToObject(m, "lang", a->lang);
    cJSON *pl = cJSON_AddObjectToObject(m, "plugin");
    cJSON_AddStringToObject(pl, "name", f->plugin->name);
    cJSON_AddStringToObject(pl, "version", f->plugin->version);
    char abi[32];
    snprintf(abi, sizeof abi, "%u.%u", f->plugin->abi_major, f->plugin->abi_minor);
    cJSON_AddStringToObject(pl, "abi", abi);
    cJSON *host = cJSON_AddObjectToObject(m, "host");
    cJSON_AddStringToObject(host, "version", WRRFIG_VERSION);
    snprintf(abi, sizeof abi, "%d.%d", WRRFIG_ABI_MAJOR, WRRFIG_ABI_MINOR);
    cJSON_AddStringToObject(host, "abi", abi);
    cJSON_AddStringToObject(m, "gnuplot", o->gnuplot_version ? o->gnuplot_version : "not run");
    add_spec_info(m, a, f->id);
    cJSON *inputs = cJSON_AddArrayToObject(m, "inputs");
    for (size_t i = 0; i < c->inputs.n; i++) {
        const wf_input *r = &c->inputs.v[i];
        const char *keys[] = {"name", "file", "sha256", "source", "source_file", "source_sha256", "licence", "title"};
        const char *vals[] = {r->name, r->file, r->sha256, r->source, r->source_file, r->source_sha256, r->licence,
                              r->title};
        cJSON *in = cJSON_CreateObject();
        for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
            if (vals[k])
                cJSON_AddStringToObject(in, keys[k], vals[k]);
        cJSON_AddItemToArray(inputs, in);
    }
    /* Notes: the spec's (in the output language), then those the build added. */
    cJSON *notes = cJSON_AddArrayToObject(m, "notes");
    const cJSON *sn = cJSON_GetObjectItemCaseSensitive(c->spec, "notes");
    const cJSON *it;
    cJSON_ArrayForEach(it, sn)
    {
        const char *s = cJSON_IsObject(it) ? json_str(it, a->lang) : cJSON_GetStringValue(it);
        if (!s && cJSON_IsObject(it))
            s = json_str(it, "nl");
        if (s)
            cJSON_AddItemToArray(notes, cJSON_CreateString(s));
    }
    for (size_t i = 0; i < c->n_notes; i++)
        cJSON_AddItemToArray(notes, cJSON_CreateString(c->notes[i]));
    add_claims(m, a, f->id);
    cJSON *outs = cJSON_AddObjectToObject(m, "outputs");
    strbuf s = STRBUF_INIT;
    sb_printf(&s, "%s.gp", f->id);
    cJSON_AddStringToObject(outs, "script", s.s);
    s.len = 0;
    sb_printf(&s, "%s.csv", f->id);
    cJSON_AddStringToObject(outs, "data", s.s);
    sb_free(&s);
    cJSON *extra = cJSON_AddArrayToObject(outs, "extra");
    for (size_t i = 0; i < c->n_extra; i++) {
        strbuf e = STRBUF_INIT;
        sb_printf(&e, "%s.%s", f->id, c->extra_ext[i]);
        cJSON_AddItemToArray(extra, cJSON_CreateString(e.s));
        sb_free(&e);
    }
    char *fmts = xstrdup(o->render ? o->formats : "");
    cJSON *fa = cJSON_AddArrayToObject(outs, "rendered");
    for (char *tok = strtok(fmts, " ,"); tok; tok = strtok(NULL, " ,"))
        cJSON_AddItemToArray(fa, cJSON_CreateString(tok));
    free(fmts);
    return m;
}


int figure_write_failed_manifest(const wf_app *a, const wf_figure *f, const build_opts *o, const char *reason)
{
    remove_outputs(o->out_dir, f->id);
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "id", f->id);
    cJSON_AddStringToObject(m, "status", "failed");
    cJSON_AddStringToObject(m, "reason", reason);
    cJSON *pl = cJSON_AddObjectToObject(m, "plugin");
    cJSON_AddStringToObject(pl, "name", f->plugin->name);
    cJSON_AddStringToObject(pl, "version", f->plugin->version);
    add_spec_info(m, a, f->id);
    char *path = figure_out_path(o->out_dir, f->id, "json");
    wf_error err;
    int rc = figure_write_json(path, m, &err);
    if (rc != 0)
        fprintf(stderr, "wrrfig: %s\n", err.msg);
    free(path);
    cJSON_Delete(m);
    return rc;
}

int figure_manifest_stat(const char *out_dir, const char *id, wf_file_id *fid)
{
    char *p = figure_out_path(out_dir, id, "json");
    struct stat st;
    memset(fid, 0, sizeof *fid);
    int rc = stat(p, &st);
    free(p);
    if (rc != 0)
        return -1;
    fid->exists = true;
    fid->dev = (unsigned long long)st.st_dev;
    fid->ino = (unsigned long long)st.st_ino;
    fid->mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
    return 0;
}

static int output_complete(const char *out_dir, const char *name, char *why, size_t n)
{
    strbuf p = STRBUF_INIT;
    sb_printf(&p, "%s/%s", out_dir, name);
    struct stat st;
    int ok = stat(p.s, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
    if (!ok)
        snprintf(why, n, "output %s is missing or empty", name);
    sb_free(&p);
    return ok;
}

int figure_verify(const char *out_dir, const char *id, const wf_file_id *before, char *why, size_t n)
{
    wf_file_id now;
    if (figure_manifest_stat(out_dir, id, &now) != 0 ||
        (before->exists && now.dev == before->dev && now.ino == before->ino && now.mtime_ns == before->mtime_ns)) {
        snprintf(why, n, "no manifest was written");
        return -1;
    }
    char *p = figure_out_path(out_dir, id, "json");
    cJSON *m = NULL;
    wf_error err;
    int rc = json_read_file(p, &m, &err);
    free(p);
    if (rc != 0) {
        snprintf(why, n, "the manifest is unreadable: %s", err.msg);
        return -1;
    }
    const char *status = json_str(m, "status");
    int res = -1;
    if (status && strcmp(status, "no-data") == 0) {
        res = WRRFIG_NODATA;
    } else if (status && strcmp(status, "ok") == 0) {
        const cJSON *outs = cJSON_GetObjectItemCaseSensitive(m, "outputs");
        const char *script = json_str(outs, "script"), *data = json_str(outs, "data");
        res = WRRFIG_OK;
        if (!script || !data || !output_complete(out_dir, script, why, n) || !output_complete(out_dir, data, why, n))
            res = -1;
        const cJSON *it;
        cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(outs, "extra"))
        {
            if (res == WRRFIG_OK && (!cJSON_GetStringValue(it) ||
                                     !output_complete(out_dir, cJSON_GetStringValue(it), why, n)))
                res = -1;
        }
        cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(outs, "rendered"))
        {
            const char *fmt = cJSON_GetStringValue(it);
            if (res != WRRFIG_OK)
                break;
            strbuf name = STRBUF_INIT;
            sb_printf(&name, "%s.%s", id, fmt ? fmt : "");
            if (!fmt || !output_complete(out_dir, name.s, why, n))
                res = -1;
            sb_free(&name);
        }
        if (!script || !data)
            snprintf(why, n, "the manifest lists no script or data");
    } else {
        snprintf(why, n, "the manifest says status %s", status ? status : "(none)");
    }
    cJSON_Delete(m);
    return res;
}
