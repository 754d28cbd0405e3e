#include "data/mapping_files.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

static int by_file(const void *a, const void *b)
{
    return strcmp(((const wf_mapping_file *)a)->file, ((const wf_mapping_file *)b)->file);
}

void wf_mapping_files_list(const char *data_dir, wf_mapping_files *out)
{
    out->v = NULL;
    out->n = 0;
    strbuf dir = STRBUF_INIT;
    sb_printf(&dir, "%s/mappings", data_dir);
    DIR *d = opendir(dir.s);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < 6 || strcmp(e->d_name + len - 5, ".json") != 0)
            continue;
        out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
        wf_mapping_file *f = &out->v[out->n++];
        f->stem = xstrndup(e->d_name, len - 5);
        f->file = xstrdup(e->d_name);
        strbuf p = STRBUF_INIT;
        sb_printf(&p, "%s/%s", dir.s, e->d_name);
        f->path = sb_take(&p);
    }
    if (d)
        closedir(d);
    sb_free(&dir);
    if (out->n)
        qsort(out->v, out->n, sizeof *out->v, by_file);
}

void wf_mapping_files_free(wf_mapping_files *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].stem);
        free(l->v[i].file);
        free(l->v[i].path);
    }
    free(l->v);
    l->v = NULL;
    l->n = 0;
}
