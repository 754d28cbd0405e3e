#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
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

int cli_info(wf_app *a, int argc, char **argv)
{
    if (argc != 1 || !strcmp(argv[0], "--help") || !strcmp(argv[0], "-h")) {
        puts("usage: wrrfig info FIG\n"
             "What the figure shows, its inputs and their provenance.");
        return argc == 1 ? EXIT_OK : EXIT_USAGE;
    }
    const wf_figure *f = registry_figure(&a->reg, argv[0]);
    if (!f) {
        fprintf(stderr, "wrrfig info: no figure '%s' (see wrrfig list)\n", argv[0]);
        return EXIT_USAGE;
    }
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
