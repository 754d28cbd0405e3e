#define _POSIX_C_SOURCE 200809L
#include "host/specs.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "format/jsonfile.h"
#include "host/kind.h"
#include "util/strbuf.h"

static void problem(wf_specs *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(wf_specs *s, const char *fmt, ...)
{
    strbuf b = STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&b, fmt, ap);
    va_end(ap);
    s->problems = xrealloc(s->problems, (s->n_problems + 1) * sizeof *s->problems);
    s->problems[s->n_problems++] = sb_take(&b);
}

static int cmp_spec(const void *a, const void *b) { return strcmp(((const wf_spec *)a)->id, ((const wf_spec *)b)->id); }
static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static const wf_spec *find(const wf_specs *s, const char *id)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i].id, id) == 0)
            return &s->v[i];
    return NULL;
}

const char *specs_path(const wf_specs *s, const char *id)
{
    const wf_spec *sp = find(s, id);
    return sp ? sp->path : NULL;
}

static void scan_dir(wf_specs *s, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len > 5 && strcmp(e->d_name + len - 5, ".json") == 0 && e->d_name[0] != '.') {
            names = xrealloc(names, (n + 1) * sizeof *names);
            names[n++] = xstrndup(e->d_name, len - 5);
        }
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        strbuf p = STRBUF_INIT;
        sb_printf(&p, "%s/%s.json", dir, names[i]);
        const char *other = specs_path(s, names[i]);
        if (other) {
            problem(s, "%s: duplicate spec id '%s': already given by %s (ignored)", p.s, names[i], other);
            sb_free(&p);
            free(names[i]);
            continue;
        }
        s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
        s->v[s->n].id = names[i];
        s->v[s->n].path = sb_take(&p);
        s->v[s->n].series = false; /* until specs_instantiate reads it */
        s->n++;
    }
    free(names);
}

void specs_scan(wf_specs *s, char *const *dirs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        bool seen = false; /* the same directory twice on the path is one directory */
        for (size_t j = 0; j < i; j++)
            seen |= strcmp(dirs[i], dirs[j]) == 0;
        if (!seen)
            scan_dir(s, dirs[i]);
    }
    if (s->n)
        qsort(s->v, s->n, sizeof *s->v, cmp_spec);
}

/* One kind spec: read, check, register. */
static void instantiate(wf_specs *s, wf_registry *r, const wf_spec *sp, const char *kind_id, const cJSON *spec)
{
    const wf_kind *k = registry_kind(r, kind_id);
    if (!k) {
        problem(s, "%s: $.kind: no plugin provides kind '%s'", sp->path, kind_id);
        return;
    }
    if (!registry_figure_id_ok(sp->id, k->plugin->name)) {
        problem(s, "%s: $.id: '%s' breaks the figure-id rule: expected fig-C-N, tab-C-N or kader-C-N (a report "
                   "figure, optionally -variant) or '%s-<name>'", sp->path, sp->id, k->plugin->name);
        return;
    }
    const wf_figure *fixed = registry_figure(r, sp->id);
    if (fixed) {
        problem(s, "%s: $.id: '%s' is already a figure of plugin '%s' (%s); a kind spec needs its own id", sp->path,
                sp->id, fixed->plugin->name, fixed->plugin->path);
        return;
    }
    wf_error err;
    cJSON *params;
    char **inputs;
    if (kind_check_spec(k, spec, sp->path, &params, &inputs, &err) != 0) {
        problem(s, "%s", err.msg);
        return;
    }
    const char *needs = json_str(spec, "needs");
    wf_figure f = {.id = xstrdup(sp->id),
                   .inputs = inputs,
                   .needs = xstrdup(needs ? needs : k->needs),
                   .doc = xstrdup(k->doc),
                   .plugin = k->plugin,
                   .build = k->build,
                   .kind = k,
                   .params = params};
    registry_add_figure(r, &f); /* the id was checked free above */
}

bool specs_is_series(const wf_specs *s, const char *id)
{
    const wf_spec *sp = find(s, id);
    return sp && sp->series;
}

void specs_instantiate(wf_specs *s, wf_registry *r)
{
    for (size_t i = 0; i < s->n; i++) {
        wf_spec *sp = &s->v[i];
        cJSON *spec = NULL;
        wf_error err;
        if (json_read_file(sp->path, &spec, &err) != 0) {
            problem(s, "%s", err.msg);
            continue;
        }
        const cJSON *kind = cJSON_GetObjectItemCaseSensitive(spec, "kind");
        const char *id = json_str(spec, "id");
        sp->series = cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(spec, "period"));
        if (!cJSON_IsObject(spec))
            problem(s, "%s: $: expected an object", sp->path);
        else if (!id || strcmp(id, sp->id) != 0)
            problem(s, "%s: $.id: expected \"%s\" (the file name)", sp->path, sp->id);
        else if (kind && !cJSON_IsString(kind))
            problem(s, "%s: $.kind: expected a kind id such as \"hhi.area-map\"", sp->path);
        else if (kind)
            instantiate(s, r, sp, kind->valuestring, spec);
        else if (!registry_figure(r, sp->id))
            problem(s, "%s: registers no figure: no loaded plugin has a figure '%s', and the spec names no \"kind\"",
                    sp->path, sp->id);
        cJSON_Delete(spec);
    }
}

void specs_free(wf_specs *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].id);
        free(s->v[i].path);
    }
    for (size_t i = 0; i < s->n_problems; i++)
        free(s->problems[i]);
    free(s->v);
    free(s->problems);
    memset(s, 0, sizeof *s);
}
