#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims/check.h"
#include "claims/read.h"
#include "cmd/cmd.h"
#include "cmd/names.h"
#include "cmd/options.h"
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

static bool declares(char *const *inputs, const char *table)
{
    for (size_t i = 0; inputs && inputs[i]; i++)
        if (strcmp(inputs[i], table) == 0)
            return true;
    return false;
}

/* Does a claim's measure expression reference the measure (as a whole name,
 * "immigration.share" but not "immigration.share_eu")? */
static bool references(const char *expr, const char *measure)
{
    size_t n = strlen(measure);
    for (const char *p = expr; p && (p = strstr(p, measure)); p += n) {
        char before = p == expr ? ' ' : p[-1], after = p[n];
        bool word_before = before == '_' || before == '.' || (before >= 'a' && before <= 'z') || (before >= '0' && before <= '9');
        bool word_after = after == '_' || after == '.' || (after >= 'a' && after <= 'z') || (after >= '0' && after <= '9');
        if (!word_before && !word_after)
            return true;
    }
    return false;
}

/* wrrfig info TABLE: what uses a table (reverse dependencies): the figures
 * and measures that declare it, and the claims that rest on either. */
static int info_table(wf_app *a, const char *table)
{
    bool exists = table_exists(a->data_dir, table);
    printf("%-10s %s (%s)\n", "table", table, exists ? "present" : "absent");
    if (exists) {
        char *mp = table_meta_path(a->data_dir, table);
        cJSON *meta = NULL;
        wf_error err;
        if (json_read_file(mp, &meta, &err) == 0) {
            const cJSON *per = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(meta, "computed"), "periods");
            if (json_str(meta, "source_file"))
                printf("%-10s %s\n", "source", json_str(meta, "source_file"));
            if (per && json_str(per, "first"))
                printf("%-10s %s .. %s (%d periods)\n", "periods", json_str(per, "first"), json_str(per, "last"),
                       (int)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(per, "count")));
        }
        cJSON_Delete(meta);
        free(mp);
    }
    size_t nf = 0, nm = 0, nc = 0;
    for (size_t i = 0; i < a->reg.n_figures; i++)
        if (declares(a->reg.figures[i].inputs, table)) {
            printf("%-10s %s (plugin %s)\n", "figure", a->reg.figures[i].id, a->reg.figures[i].plugin->name);
            nf++;
        }
    for (size_t i = 0; i < a->reg.n_measures; i++)
        if (declares(a->reg.measures[i].inputs, table)) {
            printf("%-10s %s\n", "measure", a->reg.measures[i].name);
            nm++;
        }
    char *dir = claims_registry_dir(a);
    claim_set set = {NULL, 0};
    wf_errors errs = {NULL, 0, 0};
    claims_load_dir(dir, &set, &errs);
    for (size_t c = 0; c < set.n; c++) {
        const claim *cl = &set.v[c];
        const char *via = NULL;
        for (size_t i = 0; i < a->reg.n_measures && !via && cl->measure; i++)
            if (declares(a->reg.measures[i].inputs, table) && references(cl->measure, a->reg.measures[i].name))
                via = a->reg.measures[i].name;
        if (via) {
            printf("%-10s %s (measure %s)\n", "claim", cl->id, via);
            nc++;
        }
    }
    claim_set_free(&set);
    wf_errors_free(&errs);
    free(dir);
    printf("%-10s %zu figure%s, %zu measure%s, %zu claim%s use %s\n", "total", nf, nf == 1 ? "" : "s", nm,
           nm == 1 ? "" : "s", nc, nc == 1 ? "" : "s", table);
    return EXIT_OK;
}

static bool is_table_name(const wf_app *a, const char *name)
{
    if (table_exists(a->data_dir, name))
        return true;
    for (size_t i = 0; i < a->reg.n_figures; i++)
        if (declares(a->reg.figures[i].inputs, name))
            return true;
    for (size_t i = 0; i < a->reg.n_measures; i++)
        if (declares(a->reg.measures[i].inputs, name))
            return true;
    return false;
}

int cmd_info(wf_app *a, int argc, char **argv)
{
    static const wf_usage usage = {"info", "FIG|TABLE",
                                   "What the figure shows, its inputs and their provenance. For a table (cbs/37296ned):\n"
                                   "the figures, measures and claims that use it.\n",
                                   1, 1, NULL};
    const wf_option opts[] = {WF_OPT_END};
    char **pos;
    int n_pos, rc;
    if (wf_cmd_parse(a, &usage, opts, argc, argv, &pos, &n_pos, &rc) != 0)
        return rc;
    const wf_figure *f = registry_figure(&a->reg, pos[0]);
    if (!f && is_table_name(a, pos[0])) {
        int trc = info_table(a, pos[0]);
        free(pos);
        return trc;
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
    cJSON *spec = app_spec_load(a, f->id, &err);
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
            static const char *keys[] = {"title", "source", "source_file", "source_sha256", "licence",
                                         "reference_period", "importer"};
            for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
                if (json_str(meta, keys[k]))
                    printf("  %-17s %s\n", keys[k], json_str(meta, keys[k]));
        } else {
            printf("input      %s: %s\n", name, err.msg);
        }
        cJSON_Delete(meta);
        free(mp);
    }
    cJSON_Delete(spec);
    return EXIT_OK;
}
