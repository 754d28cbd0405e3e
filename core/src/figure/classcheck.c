#include "figure/classcheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "format/jsonfile.h"
#include "import/crosswalk.h"
#include "import/mapping.h"
#include "util/strbuf.h"

int figure_classification_check(const char *data_dir, const cJSON *spec, char *const *inputs, wf_error *reason)
{
    const cJSON *want = cJSON_GetObjectItemCaseSensitive(spec, "classification");
    if (!want)
        return 0;
    if (!cJSON_IsString(want) || !imp_classification_known(want->valuestring))
        return wf_errorf(reason, "spec: $.classification: expected \"migratieachtergrond\" or \"herkomst\"");
    for (size_t i = 0; inputs && inputs[i]; i++) {
        strbuf p = STRBUF_INIT;
        sb_printf(&p, "%s/%s.meta.json", data_dir, inputs[i]);
        cJSON *meta = NULL;
        wf_error e;
        struct stat st;
        int have_meta = stat(p.s, &st) == 0 && json_read_file(p.s, &meta, &e) == 0;
        sb_free(&p);
        const char *have = have_meta ? json_str(meta, "classification") : NULL;
        if (have && strcmp(have, want->valuestring) != 0) {
            char *xw = imp_crosswalk_path(data_dir, have, want->valuestring);
            int exists = stat(xw, &st) == 0;
            wf_errorf(reason,
                      "input '%s' is classified by %s (its sidecar), but this figure expects %s: CBS's two "
                      "classifications are never mixed. Needs the crosswalk %s (%s), applied at import by the "
                      "mapping's \"crosswalk\"",
                      inputs[i], have, want->valuestring, xw,
                      exists ? "it exists: add it to the mapping and re-import" : "not there");
            free(xw);
            cJSON_Delete(meta);
            return -1;
        }
        cJSON_Delete(meta);
    }
    return 0;
}
