#define _POSIX_C_SOURCE 200809L
#include "fakehost.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims/measure.h"
#include "data/table.h"
#include "format/jsonfile.h"
#include "host/ctx.h"
#include "host/kind.h"
#include "util/strbuf.h"

#ifndef WF_BUILD_DIR
#define WF_BUILD_DIR "build"
#endif

struct fh_host {
    char *data_dir;
    const char *lang;
    table_cache tables;          /* the test's tables, lent to each ctx */
    cJSON *spec;
    void **handles;
    char **names;
    size_t n_plugins;
    wrrfig_ctx c;                /* the last callback's context (kept for inspection) */
    bool have_ctx;
    cJSON *kind_params;
    char **kind_inputs;
    strbuf script, inputs;
    char message[1024];
};

fh_host *fh_new(const char *data_dir)
{
    fh_host *f = xcalloc(1, sizeof *f);
    f->data_dir = xstrdup(data_dir ? data_dir : "/nonexistent/fakehost-data");
    f->lang = "nl";
    return f;
}

static void release_ctx(fh_host *f)
{
    if (f->have_ctx)
        ctx_release(&f->c);
    f->have_ctx = false;
    cJSON_Delete(f->kind_params);
    f->kind_params = NULL;
    for (size_t i = 0; f->kind_inputs && f->kind_inputs[i]; i++)
        free(f->kind_inputs[i]);
    free(f->kind_inputs);
    f->kind_inputs = NULL;
}

void fh_free(fh_host *f)
{
    if (!f)
        return;
    release_ctx(f);
    table_cache_free(&f->tables);
    cJSON_Delete(f->spec);
    for (size_t i = 0; i < f->n_plugins; i++) {
        dlclose(f->handles[i]);
        free(f->names[i]);
    }
    free(f->handles);
    free(f->names);
    sb_free(&f->script);
    sb_free(&f->inputs);
    free(f->data_dir);
    free(f);
}

void fh_lang(fh_host *f, const char *lang) { f->lang = lang; }

void fh_table_meta(fh_host *f, const char *name, const char *csv, const char *meta_json)
{
    wf_table *t;
    wf_error err;
    if (table_from_text(name, csv, meta_json, &t, &err) != 0) {
        fprintf(stderr, "fakehost: table %s: %s\n", name, err.msg);
        abort(); /* a broken fixture is a bug in the test */
    }
    f->tables.t = xrealloc(f->tables.t, (f->tables.n + 1) * sizeof *f->tables.t);
    f->tables.t[f->tables.n++] = t;
}

void fh_table(fh_host *f, const char *name, const char *csv, const char *source)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "source", source);
    char *text = cJSON_PrintUnformatted(m);
    fh_table_meta(f, name, csv, text);
    free(text);
    cJSON_Delete(m);
}

void fh_spec(fh_host *f, const char *json)
{
    cJSON_Delete(f->spec);
    f->spec = cJSON_Parse(json);
    if (!f->spec) {
        fprintf(stderr, "fakehost: spec is not JSON: %.80s\n", json);
        abort();
    }
}

const wrrfig_plugin *fh_plugin(fh_host *f, const char *name)
{
    for (size_t i = 0; i < f->n_plugins; i++)
        if (strcmp(f->names[i], name) == 0)
            return dlsym(f->handles[i], WRRFIG_PLUGIN_SYMBOL_NAME);
    strbuf p = STRBUF_INIT;
    if (strchr(name, '/'))
        sb_puts(&p, name);
    else
        sb_printf(&p, "%s/plugins/%s.so", WF_BUILD_DIR, name);
    void *h = dlopen(p.s, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        fprintf(stderr, "fakehost: cannot load %s: %s\n", p.s, dlerror());
        abort();
    }
    sb_free(&p);
    f->handles = xrealloc(f->handles, (f->n_plugins + 1) * sizeof *f->handles);
    f->names = xrealloc(f->names, (f->n_plugins + 1) * sizeof *f->names);
    f->handles[f->n_plugins] = h;
    f->names[f->n_plugins++] = xstrdup(name);
    return dlsym(h, WRRFIG_PLUGIN_SYMBOL_NAME);
}

/* A fresh context for one callback, as the host sets it up. */
static wrrfig_ctx *begin(fh_host *f, const char *plugin, const char *item, const char *const *declared)
{
    release_ctx(f);
    ctx_init(&f->c, plugin, item, f->data_dir, f->lang);
    f->have_ctx = true;
    f->c.cache = &f->tables;
    f->c.spec = f->spec;
    f->c.declared = declared;
    f->c.quiet = true;
    f->message[0] = '\0';
    return &f->c;
}

static wrrfig_status finish(fh_host *f, wrrfig_status st)
{
    f->script.len = 0;
    sb_printf(&f->script, "%s%s", sb_cstr(&f->c.blocks), sb_cstr(&f->c.body));
    f->inputs.len = 0;
    for (size_t i = 0; i < f->c.inputs.n; i++)
        sb_printf(&f->inputs, "%s %s\n", f->c.inputs.v[i].name, f->c.inputs.v[i].sha256);
    if (!f->message[0])
        snprintf(f->message, sizeof f->message, "%s", f->c.last_msg);
    if (f->c.misuse || f->c.in_block)
        return WRRFIG_ERROR;
    return st;
}

wrrfig_status fh_measure(fh_host *f, const wrrfig_plugin *p, const char *ref, double *out)
{
    char *name = NULL, *ptext = NULL;
    if (measure_ref_split(ref, &name, &ptext) != 0) {
        snprintf(f->message, sizeof f->message, "malformed reference '%s'", ref);
        return WRRFIG_ERROR;
    }
    const wrrfig_measure *m = NULL;
    for (size_t i = 0; i < p->n_measures && !m; i++) {
        const wrrfig_measure *e = (const void *)((const char *)p->measures + i * p->measure_size);
        if (strcmp(e->name, name) == 0)
            m = e;
    }
    struct wrrfig_params params;
    wf_error err;
    wrrfig_status st = WRRFIG_ERROR;
    if (!m)
        snprintf(f->message, sizeof f->message, "plugin %s has no measure '%s'", p->name, name);
    else if (params_parse(ptext, &params, &err) != 0)
        snprintf(f->message, sizeof f->message, "%s", err.msg);
    else {
        wrrfig_ctx *c = begin(f, p->name, m->name, m->inputs);
        double v = 0;
        st = finish(f, m->eval(host_api(), c, &params, &v));
        if (st == WRRFIG_OK && out)
            *out = v;
        params_free(&params);
    }
    free(name);
    free(ptext);
    return st;
}

wrrfig_status fh_figure(fh_host *f, const wrrfig_plugin *p, const char *id)
{
    for (size_t i = 0; i < p->n_figures; i++) {
        const wrrfig_figure *e = (const void *)((const char *)p->figures + i * p->figure_size);
        if (strcmp(e->id, id) == 0) {
            wrrfig_ctx *c = begin(f, p->name, id, e->inputs);
            return finish(f, e->build(host_api(), c));
        }
    }
    snprintf(f->message, sizeof f->message, "plugin %s has no figure '%s'", p->name, id);
    return WRRFIG_ERROR;
}

wrrfig_status fh_kind(fh_host *f, const wrrfig_plugin *p, const char *kind)
{
    const wrrfig_kind *k = NULL;
    for (size_t i = 0; i < p->n_kinds && !k; i++) {
        const wrrfig_kind *e = (const void *)((const char *)p->kinds + i * p->kind_size);
        if (strcmp(e->id, kind) == 0)
            k = e;
    }
    if (!k || !f->spec) {
        snprintf(f->message, sizeof f->message, "%s", !k ? "no such kind" : "no spec (fh_spec)");
        return WRRFIG_ERROR;
    }
    /* The host's own check, on the registry's copy of the declaration. */
    wf_kind wk = {(char *)k->id, (char *)k->doc, (char *)k->needs, NULL, k->n_params, NULL, k->build};
    wk.params = xcalloc(k->n_params + 1, sizeof *wk.params);
    for (size_t i = 0; i < k->n_params; i++) {
        const wrrfig_param *e = (const void *)((const char *)k->params + i * k->param_size);
        wk.params[i] = (wf_param){(char *)e->name, e->type, (char *)e->def, (char *)e->doc};
    }
    release_ctx(f);
    cJSON *params;
    char **inputs;
    wf_error err;
    int rc = kind_check_spec(&wk, f->spec, "spec", &params, &inputs, &err);
    free(wk.params);
    if (rc != 0) {
        snprintf(f->message, sizeof f->message, "%s", err.msg);
        return WRRFIG_ERROR;
    }
    const char *id = json_str(f->spec, "id");
    wrrfig_ctx *c = begin(f, p->name, id ? id : kind, (const char *const *)inputs);
    f->kind_params = params;
    f->kind_inputs = inputs;
    c->kind_params = params;
    return finish(f, k->build(host_api(), c));
}

const char *fh_csv(const fh_host *f) { return f->have_ctx ? sb_cstr((strbuf *)&f->c.csv) : ""; }
const char *fh_script(const fh_host *f) { return sb_cstr((strbuf *)&f->script); }
const char *fh_message(const fh_host *f) { return f->message; }
size_t fh_notes(const fh_host *f) { return f->have_ctx ? f->c.n_notes : 0; }
const char *fh_note(const fh_host *f, size_t i) { return i < fh_notes(f) ? f->c.notes[i] : NULL; }
int fh_misuse(const fh_host *f) { return f->have_ctx ? f->c.misuse : 0; }
const char *fh_broken(const fh_host *f) { return f->have_ctx && f->c.broken ? f->c.broken_msg : NULL; }
const char *fh_inputs(const fh_host *f) { return sb_cstr((strbuf *)&f->inputs); }
