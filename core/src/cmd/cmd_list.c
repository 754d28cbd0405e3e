#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/options.h"
#include "format/jsonfile.h"

static const char *spec_title(cJSON *spec, const char *lang)
{
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(spec, "title");
    if (cJSON_IsObject(t)) {
        const char *s = json_str(t, lang);
        return s ? s : json_str(t, "nl");
    }
    return cJSON_GetStringValue(t);
}

int cmd_list(wf_app *a, int argc, char **argv)
{
    static const wf_usage usage = {
        "list", "",
        "Lists the plugins, their figures and whether each figure's inputs are present:\n"
        "ready, or NO-DATA with the missing input and the table it needs.\n",
        0, 0, NULL};
    const wf_option opts[] = {WF_OPT_END};
    char **pos;
    int n_pos, rc;
    if (wf_cmd_parse(a, &usage, opts, argc, argv, &pos, &n_pos, &rc) != 0)
        return rc;
    free(pos);
    size_t ready = 0, nodata = 0;
    for (size_t p = 0; p < a->reg.n_plugins; p++) {
        const wf_plugin *pl = a->reg.plugins[p];
        printf("%s %s (ABI %u.%u) - %s\n", pl->name, pl->version, pl->abi_major, pl->abi_minor, pl->description);
        for (size_t i = 0; i < a->reg.n_figures; i++) {
            const wf_figure *f = &a->reg.figures[i];
            if (f->plugin != pl)
                continue;
            wf_error err;
            cJSON *spec = app_spec_load(a, f->id, &err);
            const char *title = spec ? spec_title(spec, a->lang) : NULL;
            const char *missing = first_missing_input(a, f->inputs);
            if (missing) {
                nodata++;
                printf("  %-18s NO-DATA  %s\n  %-18s          missing input '%s'; needs %s\n", f->id,
                       title ? title : "", "", missing, f->needs);
            } else {
                ready++;
                printf("  %-18s ready    %s\n", f->id, title ? title : "");
            }
            if (!spec)
                printf("  %-18s          (no figure spec: %s)\n", "", err.msg);
            cJSON_Delete(spec);
        }
    }
    printf("%zu figures: %zu ready, %zu NO-DATA; %zu measures\n", ready + nodata, ready, nodata,
           a->reg.n_measures);
    /* Specs that register nothing (no plugin, unknown kind, parameters that
     * do not fit the kind) are errors, not silently skipped. */
    size_t bad_specs = app_report_spec_problems(a);
    if (a->reg.n_refusals)
        return EXIT_PLUGINS;
    return bad_specs ? EXIT_FAILED : EXIT_OK;
}
