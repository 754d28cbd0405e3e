#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/jsonfile.h"
#include "util/strbuf.h"
#include "data/table.h"

int app_load_plugins(wf_app *a)
{
    if (registry_load_dir(&a->reg, a->plugin_dir) != 0) {
        fprintf(stderr, "wrrfig: cannot read plugin directory %s (set --plugins DIR)\n", a->plugin_dir);
        return EXIT_PLUGINS;
    }
    for (size_t i = 0; i < a->reg.n_refusals; i++)
        fprintf(stderr, "wrrfig: plugin refused: %s\n", a->reg.refusals[i]);
    if (a->reg.n_plugins == 0) {
        fprintf(stderr, "wrrfig: no plugins found in %s\n", a->plugin_dir);
        return EXIT_PLUGINS;
    }
    return a->reg.n_refusals ? EXIT_PLUGINS : 0;
}

cJSON *spec_load(const char *figures_dir, const char *id, wf_error *err)
{
    strbuf p = STRBUF_INIT;
    sb_printf(&p, "%s/%s.json", figures_dir, id);
    cJSON *j = NULL;
    if (json_read_file(p.s, &j, err) == 0 && !cJSON_IsObject(j)) {
        wf_errorf(err, "%s: $: expected an object", p.s);
        cJSON_Delete(j);
        j = NULL;
    }
    if (j) {
        const char *sid = json_str(j, "id");
        if (!sid || strcmp(sid, id) != 0) {
            wf_errorf(err, "%s: $.id: expected \"%s\"", p.s, id);
            cJSON_Delete(j);
            j = NULL;
        }
    }
    sb_free(&p);
    return j;
}

const char *first_missing_input(const wf_app *a, char *const *inputs)
{
    for (size_t i = 0; inputs && inputs[i]; i++)
        if (table_absent(a->data_dir, inputs[i]))
            return inputs[i];
    return NULL;
}
