#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/figure_order.h"
#include "cmd/names.h"
#include "cmd/options.h"
#include "util/fileio.h"
#include "util/strbuf.h"
#include "util/suggest.h"
#include "format/jsonfile.h"
#include "data/table.h"

static void print_text(const cJSON *spec, const char *key, const char *label, const char *lang)
{
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(spec, key);
    if (cJSON_IsObject(t)) {
        const char *nl = json_str(t, "nl"), *en = json_str(t, "en");
        if (strcmp(lang, "en") == 0 && en)
            printf("%-10s %s\n", label, en);
        else if (nl)
            printf("%-10s %s\n", label, nl);
        if (strcmp(lang, "en") != 0 && en)
            printf("%-10s %s\n", "", en);
    } else if (cJSON_IsString(t)) {
        printf("%-10s %s\n", label, t->valuestring);
    }
}

static bool file_exists_meta(const wf_app *a, const char *name)
{
    char *mp = table_meta_path(a->data_dir, name);
    bool ok = file_exists(mp);
    free(mp);
    return ok;
}

static void print_meta(const char *indent, const cJSON *meta)
{
    static const char *keys[] = {"title", "source", "source_file", "source_sha256", "licence", "reference_period",
                                 "importer"};
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
        if (json_str(meta, keys[k]))
            printf("%s%-17s %s\n", indent, keys[k], json_str(meta, keys[k]));
}

/* wrrfig info TABLE: its sidecar and the figures that read it. */
static int table_info(const wf_app *a, const char *name)
{
    char *mp = table_meta_path(a->data_dir, name);
    cJSON *meta = NULL;
    wf_error err;
    int rc = EXIT_OK;
    printf("%-10s %s\n", "table", name);
    if (json_read_file(mp, &meta, &err) == 0) {
        print_meta("  ", meta);
    } else {
        printf("%-10s %s\n", "meta", err.msg);
        rc = EXIT_FAILED;
    }
    const wf_figure **figs = xcalloc(a->reg.n_figures + 1, sizeof *figs);
    size_t n = 0;
    for (size_t i = 0; i < a->reg.n_figures; i++)
        for (size_t k = 0; a->reg.figures[i].inputs && a->reg.figures[i].inputs[k]; k++)
            if (strcmp(a->reg.figures[i].inputs[k], name) == 0) {
                figs[n++] = &a->reg.figures[i];
                break;
            }
    wf_sort_figures(figs, n);
    for (size_t i = 0; i < n; i++)
        printf("%-10s %s\n", "read by", figs[i]->id);
    if (n == 0)
        printf("%-10s no figure (measures or other tables may)\n", "read by");
    free(figs);
    cJSON_Delete(meta);
    free(mp);
    return rc;
}

int cmd_info(wf_app *a, int argc, char **argv)
{
    static const wf_usage usage = {"info", "FIG|TABLE",
                                   "What a figure shows, its inputs and their provenance; or, for a table\n"
                                   "(cbs/37296ned), its provenance and the figures that read it.\n",
                                   1, 1, NULL};
    const wf_option opts[] = {WF_OPT_END};
    char **pos;
    int n_pos, rc;
    if (wf_cmd_parse(a, &usage, opts, argc, argv, &pos, &n_pos, &rc) != 0)
        return rc;
    const wf_figure *f = registry_figure(&a->reg, pos[0]);
    if (!f && (table_exists(a->data_dir, pos[0]) || file_exists_meta(a, pos[0]))) {
        rc = table_info(a, pos[0]);
        free(pos);
        return rc;
    }
    if (!f) {
        /* Suggest among figure ids and table names alike. */
        wf_names tables;
        wf_table_names(a->data_dir, &tables);
        const char **names = xcalloc(a->reg.n_figures + tables.n + 1, sizeof *names);
        size_t k = 0;
        for (size_t i = 0; i < a->reg.n_figures; i++)
            names[k++] = a->reg.figures[i].id;
        for (size_t i = 0; i < tables.n; i++)
            names[k++] = tables.v[i];
        char hint[256];
        wf_suggest_text(pos[0], names, k, hint, sizeof hint);
        fprintf(stderr, "wrrfig info: no figure or table '%s'%s (wrrfig list shows the figures, "
                        "wrrfig list --tables the tables)\n", pos[0], hint);
        free(names);
        wf_names_free(&tables);
        free(pos);
        return EXIT_USAGE;
    }
    free(pos);
    wf_error err;
    cJSON *spec = spec_load(a->figures_dir, f->id, &err);
    printf("%-10s %s\n%-10s %s %s\n", "figure", f->id, "plugin", f->plugin->name, f->plugin->version);
    if (spec) {
        print_text(spec, "title", "title", a->lang);
        print_text(spec, "chart", "chart", a->lang);
        print_text(spec, "source", "source", a->lang);
        const cJSON *rep = cJSON_GetObjectItemCaseSensitive(spec, "report");
        if (rep)
            printf("%-10s section %s, report lines %s\n", "report", json_str(rep, "section") ? json_str(rep, "section") : "?",
                   json_str(rep, "lines") ? json_str(rep, "lines") : "?");
        const cJSON *notes = cJSON_GetObjectItemCaseSensitive(spec, "notes"), *it;
        cJSON_ArrayForEach(it, notes)
        {
            const char *s = cJSON_IsObject(it) ? json_str(it, strcmp(a->lang, "en") ? "nl" : "en")
                                               : cJSON_GetStringValue(it);
            if (!s && cJSON_IsObject(it))
                s = json_str(it, "nl");
            if (s)
                printf("%-10s %s\n", "note", s);
        }
    } else {
        printf("%-10s %s\n", "spec", err.msg);
    }
    const char *missing = first_missing_input(a, f->inputs);
    printf("%-10s %s\n", "status", missing ? "NO-DATA" : "ready");
    if (missing)
        printf("%-10s %s\n", "needs", f->needs);
    for (size_t i = 0; f->inputs && f->inputs[i]; i++) {
        const char *name = f->inputs[i];
        if (!table_exists(a->data_dir, name)) {
            printf("input      %s: absent\n", name);
            continue;
        }
        char *mp = table_meta_path(a->data_dir, name);
        cJSON *meta = NULL;
        if (json_read_file(mp, &meta, &err) == 0) {
            printf("input      %s\n", name);
            print_meta("  ", meta);
        } else {
            printf("input      %s: %s\n", name, err.msg);
        }
        cJSON_Delete(meta);
        free(mp);
    }
    cJSON_Delete(spec);
    return EXIT_OK;
}
