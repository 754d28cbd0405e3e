#include "app.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/jsonfile.h"
#include "util/strbuf.h"
#include "data/table.h"

void dirs_add(wf_dirs *d, const char *dir)
{
    if (!dir || !*dir)
        return;
    for (size_t i = 0; i < d->n; i++)
        if (strcmp(d->v[i], dir) == 0)
            return;
    d->v = xrealloc(d->v, (d->n + 2) * sizeof *d->v);
    d->v[d->n++] = xstrdup(dir);
    d->v[d->n] = NULL;
}

void dirs_add_list(wf_dirs *d, const char *list)
{
    for (const char *s = list; s && *s;) {
        const char *colon = strchr(s, ':');
        size_t n = colon ? (size_t)(colon - s) : strlen(s);
        char *one = xstrndup(s, n);
        dirs_add(d, one);
        free(one);
        s = colon ? colon + 1 : s + n;
    }
}

void dirs_free(wf_dirs *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->v[i]);
    free(d->v);
    d->v = NULL;
    d->n = 0;
}

static void full_path(const char *builtin, const wf_dirs *extra, wf_dirs *out)
{
    memset(out, 0, sizeof *out);
    dirs_add(out, builtin);
    for (size_t i = 0; i < extra->n; i++)
        dirs_add(out, extra->v[i]);
}

void app_plugin_dirs(const wf_app *a, wf_dirs *out) { full_path(a->plugin_dir, &a->plugin_path, out); }
void app_figure_dirs(const wf_app *a, wf_dirs *out) { full_path(a->figures_dir, &a->figures_path, out); }

int app_load_plugins(wf_app *a)
{
    wf_dirs dirs;
    app_plugin_dirs(a, &dirs);
    int rc = 0;
    for (size_t i = 0; i < dirs.n; i++)
        if (registry_load_dir(&a->reg, dirs.v[i]) != 0) {
            fprintf(stderr, "wrrfig: cannot read plugin directory %s (set --plugins DIR)\n", dirs.v[i]);
            rc = EXIT_PLUGINS;
        }
    for (size_t i = 0; i < a->reg.n_refusals; i++)
        fprintf(stderr, "wrrfig: plugin refused: %s\n", a->reg.refusals[i]);
    if (a->reg.n_plugins == 0) {
        fprintf(stderr, "wrrfig: no plugins found in %s\n", dirs.n ? dirs.v[0] : "(no plugin directory)");
        for (size_t i = 1; i < dirs.n; i++)
            fprintf(stderr, "wrrfig: nor in %s\n", dirs.v[i]);
        dirs_free(&dirs);
        return EXIT_PLUGINS;
    }
    dirs_free(&dirs);
    wf_dirs fdirs;
    app_figure_dirs(a, &fdirs);
    specs_scan(&a->specs, fdirs.v, fdirs.n);
    dirs_free(&fdirs);
    specs_instantiate(&a->specs, &a->reg);
    return rc ? rc : a->reg.n_refusals ? EXIT_PLUGINS : 0;
}

void app_free(wf_app *a)
{
    registry_free(&a->reg);
    specs_free(&a->specs);
    dirs_free(&a->plugin_path);
    dirs_free(&a->figures_path);
}

size_t app_report_spec_problems(const wf_app *a)
{
    for (size_t i = 0; i < a->specs.n_problems; i++)
        fprintf(stderr, "wrrfig: spec: %s\n", a->specs.problems[i]);
    return a->specs.n_problems;
}

const char *app_spec_path(const wf_app *a, const char *id) { return specs_path(&a->specs, id); }

/* A spec text: a string, or an object of strings by language
 * ({"nl": ..., "en": ...}). */
static bool spec_is_text(const cJSON *v)
{
    if (cJSON_IsString(v))
        return true;
    if (!cJSON_IsObject(v) || !v->child)
        return false;
    const cJSON *it;
    cJSON_ArrayForEach(it, v)
    {
        if (!cJSON_IsString(it))
            return false;
    }
    return true;
}

/* The texts the host itself reads from a spec have the right types: the
 * readers skip a value that is not a text, so a "title" of 5 drew the figure
 * titled with its id and a "notes" entry of the wrong type left the
 * manifest without that note, silently. (Texts a plugin reads are checked
 * by spec_text, which says where a text is missing.) */
static int spec_check_types(const cJSON *j, const char *path, wf_error *err)
{
    static const char *const texts[] = {"title", "title_template", "subtitle", "xlabel", "ylabel",
                                        "source", "alt", "chart"};
    static const char *const lists[] = {"notes", "footnotes"};
    const char *want = "expected a text (a string, or {\"nl\": ..., \"en\": ...} strings)";
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, texts[i]);
        if (v && !spec_is_text(v))
            return wf_errorf(err, "%s: $.%s: %s", path, texts[i], want);
    }
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, lists[i]), *it;
        if (!v)
            continue;
        if (!cJSON_IsArray(v))
            return wf_errorf(err, "%s: $.%s: expected an array of texts", path, lists[i]);
        int k = 0;
        cJSON_ArrayForEach(it, v)
        {
            if (!spec_is_text(it))
                return wf_errorf(err, "%s: $.%s[%d]: %s", path, lists[i], k, want);
            k++;
        }
    }
    const cJSON *pl = cJSON_GetObjectItemCaseSensitive(j, "plugin");
    if (pl && !cJSON_IsString(pl))
        return wf_errorf(err, "%s: $.plugin: expected a string (the plugin's name)", path);
    return 0;
}

cJSON *spec_load_file(const char *path, const char *id, wf_error *err)
{
    cJSON *j = NULL;
    if (json_read_file(path, &j, err) == 0 && !cJSON_IsObject(j)) {
        wf_errorf(err, "%s: $: expected an object", path);
        cJSON_Delete(j);
        j = NULL;
    }
    if (j) {
        const char *sid = json_str(j, "id");
        if (!sid || strcmp(sid, id) != 0) {
            wf_errorf(err, "%s: $.id: expected \"%s\"", path, id);
            cJSON_Delete(j);
            j = NULL;
        }
    }
    if (j && spec_check_types(j, path, err) != 0) {
        cJSON_Delete(j);
        j = NULL;
    }
    return j;
}

cJSON *spec_load(const char *figures_dir, const char *id, wf_error *err)
{
    strbuf p = STRBUF_INIT;
    sb_printf(&p, "%s/%s.json", figures_dir, id);
    cJSON *j = spec_load_file(p.s, id, err);
    sb_free(&p);
    return j;
}

cJSON *app_spec_load(const wf_app *a, const char *id, wf_error *err)
{
    const char *path = app_spec_path(a, id);
    if (path)
        return spec_load_file(path, id, err);
    /* Not indexed (the app was set up without app_load_plugins): the
     * built-in directory, with its usual error for an absent file. */
    if (a->figures_dir)
        return spec_load(a->figures_dir, id, err);
    wf_errorf(err, "no spec '%s.json' on the figures path", id);
    return NULL;
}

const char *first_missing_input(const wf_app *a, char *const *inputs)
{
    for (size_t i = 0; inputs && inputs[i]; i++)
        if (table_absent(a->data_dir, inputs[i]))
            return inputs[i];
    return NULL;
}
