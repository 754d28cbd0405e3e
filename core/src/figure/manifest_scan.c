#include "figure/manifest_scan.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "format/jsonfile.h"
#include "util/strbuf.h"

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int figure_manifest_ids(const char *dir, bool (*skip)(void *ud, const char *stem), void *ud, char ***ids,
                        size_t *n)
{
    *ids = NULL;
    *n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 6 || e->d_name[0] == '.' || strcmp(e->d_name + len - 5, ".json") != 0)
            continue;
        char *stem = xstrndup(e->d_name, len - 5);
        if (skip && skip(ud, stem)) {
            free(stem);
            continue;
        }
        strbuf p = STRBUF_INIT;
        sb_printf(&p, "%s/%s", dir, e->d_name);
        cJSON *m = NULL;
        wf_error err;
        const char *id = json_read_file(p.s, &m, &err) == 0 && cJSON_IsObject(m) ? json_str(m, "id") : NULL;
        if (id && strcmp(id, stem) == 0 && cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(m, "plugin"))) {
            *ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
            (*ids)[(*n)++] = stem;
            stem = NULL;
        }
        free(stem);
        cJSON_Delete(m);
        sb_free(&p);
    }
    closedir(d);
    if (*n)
        qsort(*ids, *n, sizeof **ids, cmp_str);
    return 0;
}
