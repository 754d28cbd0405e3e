#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/figure_order.h"
#include "cmd/names.h"
#include "cmd/options.h"
#include "util/strbuf.h"
#include "format/jsonfile.h"
#include "import/fetchable.h"

static const char *spec_title(cJSON *spec, const char *lang)
{
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(spec, "title");
    if (cJSON_IsObject(t)) {
        const char *s = json_str(t, lang);
        return s ? s : json_str(t, "nl");
    }
    return cJSON_GetStringValue(t);
}

/* Joins a title the spec breaks over lines ("...,\n1 januari 2017") into one. */
static void one_line(char *s)
{
    char *w = s;
    for (const char *r = s; *r; r++) {
        if (*r == '\n' || *r == '\r' || *r == '\t') {
            if (w > s && w[-1] != ' ')
                *w++ = ' ';
        } else if (!(*r == ' ' && w > s && w[-1] == ' ')) {
            *w++ = *r;
        }
    }
    *w = '\0';
}

int cmd_list(wf_app *a, int argc, char **argv)
{
    static const wf_usage usage = {
        "list", "",
        "Lists the plugins, then every figure in the report's order and whether its inputs are present:\n"
        "ready, or NO-DATA with the missing input, the table it needs, and whether `wrrfig fetch --needed`\n"
        "can fill it (the CBS table and its mapping) or what is missing. --ids, --tables and --mappings\n"
        "print bare names, one per line, for scripts and completion.\n",
        0, 0, NULL};
    bool ids = false, tables = false, mappings = false;
    const wf_option opts[] = {
        WF_OPT_FLAG(0, "ids", &ids, "only the figure ids, in the report's order"),
        WF_OPT_FLAG(0, "tables", &tables, "only the names of the tables in the data directory"),
        WF_OPT_FLAG(0, "mappings", &mappings, "only the names of the import mappings (wrrfig import NAME)"),
        WF_OPT_END,
    };
    char **pos;
    int n_pos, rc;
    if (wf_cmd_parse(a, &usage, opts, argc, argv, &pos, &n_pos, &rc) != 0)
        return rc;
    free(pos);
    if (tables || mappings) {
        wf_names n;
        if (tables)
            wf_table_names(a->data_dir, &n);
        else
            wf_mapping_names(a->data_dir, &n);
        for (size_t i = 0; i < n.n; i++)
            puts(n.v[i]);
        wf_names_free(&n);
        if (!ids)
            return EXIT_OK;
    }
    /* Plugins first, then every figure in the report's order (not the
     * plugins' order), one line each; titles that the spec wraps over lines
     * are joined so the columns hold. */
    int pw = 6, iw = 18; /* 18 wide (longer ids overflow it): scripts and tests read the columns */
    for (size_t p = 0; p < a->reg.n_plugins; p++)
        if ((int)strlen(a->reg.plugins[p]->name) > pw)
            pw = (int)strlen(a->reg.plugins[p]->name);
    const wf_figure **figs = xcalloc(a->reg.n_figures + 1, sizeof *figs);
    for (size_t i = 0; i < a->reg.n_figures; i++) {
        figs[i] = &a->reg.figures[i];
    }
    wf_sort_figures(figs, a->reg.n_figures);
    if (ids) {
        for (size_t i = 0; i < a->reg.n_figures; i++)
            puts(figs[i]->id);
        free(figs);
        return a->reg.n_refusals ? EXIT_PLUGINS : EXIT_OK;
    }
    printf("plugins:\n");
    for (size_t p = 0; p < a->reg.n_plugins; p++) {
        const wf_plugin *pl = a->reg.plugins[p];
        printf("  %s %s (ABI %u.%u) - %s\n", pl->name, pl->version, pl->abi_major, pl->abi_minor, pl->description);
    }
    printf("\nfigures, in the report's order:\n");
    size_t ready = 0, nodata = 0, fetchable = 0;
    imp_fetch_index ix;
    imp_fetch_index_load(a->data_dir, &ix);
    for (size_t i = 0; i < a->reg.n_figures; i++) {
        const wf_figure *f = figs[i];
        wf_error err;
        cJSON *spec = app_spec_load(a, f->id, &err);
        char *title = xstrdup(spec && spec_title(spec, a->lang) ? spec_title(spec, a->lang) : "");
        one_line(title);
        const char *missing = first_missing_input(a, f->inputs);
        if (missing)
            nodata++;
        else
            ready++;
        printf("  %-*s %-8s %-*s %s\n", iw, f->id, missing ? "NO-DATA" : "ready", pw, f->plugin->name, title);
        if (missing) {
            printf("  %-*s %-8s missing input '%s'; needs %s\n", iw, "", "", missing, f->needs);
            imp_fetchable fe;
            imp_figure_fetchable(&ix, a->data_dir, f->inputs, f->needs, &fe);
            if (fe.ok) {
                fetchable++;
                printf("  %-*s %-8s fetch can fill it:", iw, "", "");
                for (size_t k = 0; k < fe.n_via; k++)
                    printf("%s CBS %s (%s, mapping %s%s)", k ? ";" : "", fe.via[k]->cbs, fe.via[k]->api,
                           fe.via[k]->mapping, fe.via[k]->unverified ? ", unverified" : "");
                printf("\n");
            } else {
                printf("  %-*s %-8s fetch cannot fill it: %s\n", iw, "", "", fe.reason);
            }
        }
        if (!spec)
            printf("  %-*s %-8s (no figure spec: %s)\n", iw, "", "", err.msg);
        free(title);
        cJSON_Delete(spec);
    }
    free(figs);
    imp_fetch_index_free(&ix);
    printf("%zu figures: %zu ready, %zu NO-DATA (%zu of them fetch can fill); %zu measures\n", ready + nodata, ready,
           nodata, fetchable, a->reg.n_measures);
    /* Specs that register nothing (no plugin, unknown kind, parameters that
     * do not fit the kind) are errors, not silently skipped. */
    size_t bad_specs = app_report_spec_problems(a);
    if (a->reg.n_refusals)
        return EXIT_PLUGINS;
    return bad_specs ? EXIT_FAILED : EXIT_OK;
}
