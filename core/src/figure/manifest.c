/* Figure manifests: <out>/<id>.json records status, inputs with their
 * provenance and sha256, spec, plugin, notes and outputs. */
#include "figure/manifest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format/jsonfile.h"
#include "util/fileio.h"
#include "util/sha256.h"
#include "util/strbuf.h"

char *figure_out_path(const char *dir, const char *id, const char *ext)
{
    strbuf b = STRBUF_INIT;
    sb_printf(&b, "%s/%s.%s", dir, id, ext);
    return sb_take(&b);
}

int figure_write_json(const char *path, cJSON *j, wf_error *err)
{
    char *s = cJSON_Print(j);
    strbuf b = STRBUF_INIT;
    sb_puts(&b, s);
    sb_putc(&b, '\n');
    cJSON_free(s);
    int rc = atomic_write(path, b.s, b.len, err);
    sb_free(&b);
    return rc;
}

static void add_spec_info(cJSON *m, const wf_app *a, const char *id)
{
    strbuf p = STRBUF_INIT;
    sb_printf(&p, "%s/%s.json", a->figures_dir, id);
    char hex[65];
    cJSON *spec = cJSON_AddObjectToObject(m, "spec");
    cJSON_AddStringToObject(spec, "file", strrchr(p.s, '/') ? strrchr(p.s, '/') + 1 : p.s);
    cJSON_AddStringToObject(spec, "sha256", sha256_file_hex(p.s, hex) == 0 ? hex : "");
    sb_free(&p);
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
    /* Outputs of an earlier build with data would otherwise sit next to a
     * manifest that says there is none. */
    static const char *const stale[] = {"gp", "csv", "svg", "pdf", "png", "md", "html"};
    for (size_t i = 0; i < sizeof stale / sizeof *stale; i++) {
        char *p = figure_out_path(o->out_dir, f->id, stale[i]);
        unlink(p);
        free(p);
    }
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "id", f->id);
    cJSON_AddStringToObject(m, "status", "no-data");
    cJSON_AddStringToObject(m, "missing_input", missing);
    cJSON_AddStringToObject(m, "needs", f->needs);
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
    for (size_t i = 0; i < c->n_tables; i++) {
        const wf_table *t = c->tables[i];
        cJSON *in = cJSON_CreateObject();
        cJSON_AddStringToObject(in, "name", t->name);
        cJSON_AddStringToObject(in, "file", strrchr(t->path, '/') ? strrchr(t->path, '/') + 1 : t->path);
        cJSON_AddStringToObject(in, "sha256", t->sha256);
        static const char *keys[] = {"source", "source_file", "source_sha256", "licence", "title"};
        for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
            const char *v = table_meta_get(t, keys[k]);
            if (v)
                cJSON_AddStringToObject(in, keys[k], v);
        }
        cJSON_AddItemToArray(inputs, in);
    }
    for (size_t i = 0; i < c->n_geo_inputs; i++) {
        /* "name\tfile\tsha256\tsource\tlicence" */
        static const char *keys[] = {"name", "file", "sha256", "source", "licence"};
        cJSON *in = cJSON_CreateObject();
        char *dup = xstrdup(c->geo_inputs[i]), *save = dup;
        for (size_t k = 0; k < 5 && save; k++) {
            char *tab = strchr(save, '\t');
            if (tab)
                *tab = '\0';
            cJSON_AddStringToObject(in, keys[k], save);
            save = tab ? tab + 1 : NULL;
        }
        free(dup);
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

