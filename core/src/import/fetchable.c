#include "import/fetchable.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "data/mapping_files.h"
#include "data/table.h"
#include "import/mapping.h"
#include "util/strbuf.h"

void imp_fetch_index_load(const char *data_dir, imp_fetch_index *ix)
{
    wf_mapping_files files;
    wf_mapping_files_list(data_dir, &files);
    ix->n = files.n;
    ix->v = files.n ? xcalloc(files.n, sizeof *ix->v) : NULL;
    for (size_t i = 0; i < files.n; i++) {
        imp_fetch_entry *en = &ix->v[i];
        strbuf shown = STRBUF_INIT;
        sb_printf(&shown, "data/mappings/%s", files.v[i].file);
        en->mapping = sb_take(&shown);
        en->path = xstrdup(files.v[i].path);
        en->name = xstrdup(files.v[i].stem);
    }
    wf_mapping_files_free(&files);
    for (size_t i = 0; i < ix->n; i++) {
        imp_fetch_entry *en = &ix->v[i];
        imp_mapping *m = NULL;
        wf_error err = {{0}};
        if (imp_mapping_load(en->path, &m, &err) != 0) {
            en->problem = xstrdup(err.msg);
            continue;
        }
        en->table = xstrdup(m->table);
        char id[40];
        if (imp_mapping_snapshot_table(m, id, sizeof id)) {
            en->cbs = xstrdup(id);
            en->api = m->format == IMP_ODATA_V4 ? "v4" : "v3";
        }
        en->unverified = m->unverified;
        imp_mapping_free(m);
    }
}

void imp_fetch_index_free(imp_fetch_index *ix)
{
    for (size_t i = 0; i < ix->n; i++) {
        free(ix->v[i].mapping);
        free(ix->v[i].path);
        free(ix->v[i].name);
        free(ix->v[i].table);
        free(ix->v[i].cbs);
        free(ix->v[i].problem);
    }
    free(ix->v);
    ix->v = NULL;
    ix->n = 0;
}

size_t imp_cbs_ids_in(const char *text, char ids[][16], size_t max)
{
    size_t n = 0;
    for (const char *p = text; p && *p && n < max; p++) {
        if (!isdigit((unsigned char)*p) || (p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '.' ||
                                                         p[-1] == ',' || p[-1] == '/')))
            continue;
        size_t k = 0;
        while (isdigit((unsigned char)p[k]))
            k++;
        if (k != 5) {
            p += k - 1;
            continue;
        }
        size_t l = k;
        while (isalpha((unsigned char)p[l]) && l < 15)
            l++;
        if (isalnum((unsigned char)p[l]) || p[l] == '_' || (p[l] == '.' && isdigit((unsigned char)p[l + 1])) ||
            (p[l] == ',' && isdigit((unsigned char)p[l + 1]))) {
            p += l - 1;
            continue;
        }
        char id[16];
        memcpy(id, p, l);
        id[l] = '\0';
        /* "82809" and "82809NED" name one table: keep the longer form. */
        int dup = 0;
        for (size_t i = 0; i < n; i++)
            if (strncmp(ids[i], id, 5) == 0) {
                dup = 1;
                if (strlen(id) > strlen(ids[i]))
                    memcpy(ids[i], id, l + 1);
            }
        if (!dup)
            memcpy(ids[n++], id, l + 1);
        p += l - 1;
    }
    return n;
}

void imp_fetchable_for(const imp_fetch_index *ix, const char *table, const char *needs, imp_fetchable *out)
{
    memset(out, 0, sizeof *out);
    const imp_fetch_entry *file_based = NULL;
    for (size_t i = 0; i < ix->n; i++) {
        const imp_fetch_entry *en = &ix->v[i];
        if (!en->table || strcmp(en->table, table) != 0)
            continue;
        if (en->cbs) {
            out->ok = true;
            out->via[0] = en;
            out->n_via = 1;
            return;
        }
        file_based = en;
    }
    if (file_based) {
        snprintf(out->reason, sizeof out->reason,
                 "mapping %s imports %s from a file in the shared data, not from a CBS download (wrrfig import it)",
                 file_based->mapping, table);
        return;
    }
    strbuf b = STRBUF_INIT;
    sb_printf(&b, "no mapping in data/mappings/ produces %s", table);
    char ids[8][16];
    size_t n = needs ? imp_cbs_ids_in(needs, ids, 8) : 0;
    if (n == 0)
        sb_puts(&b, ", and the figure's needs name no CBS table id");
    for (size_t k = 0; k < n; k++) {
        const imp_fetch_entry *m = NULL;
        for (size_t i = 0; i < ix->n && !m; i++)
            if (ix->v[i].cbs && strcasecmp(ix->v[i].cbs, ids[k]) == 0)
                m = &ix->v[i];
        if (m)
            sb_printf(&b, "; %s fetches %s but produces %s", m->mapping, ids[k], m->table);
        else
            sb_printf(&b, "; no mapping fetches CBS %s", ids[k]);
    }
    snprintf(out->reason, sizeof out->reason, "%s", b.s);
    sb_free(&b);
}

void imp_figure_fetchable(const imp_fetch_index *ix, const char *data_dir, char *const *inputs, const char *needs,
                          imp_fetchable *out)
{
    memset(out, 0, sizeof *out);
    snprintf(out->reason, sizeof out->reason, "no input is absent");
    for (size_t i = 0; inputs && inputs[i]; i++) {
        if (!table_absent(data_dir, inputs[i]))
            continue;
        imp_fetchable one;
        imp_fetchable_for(ix, inputs[i], needs, &one);
        if (!one.ok) {
            *out = one;
            return;
        }
        int dup = 0;
        for (size_t k = 0; k < out->n_via; k++)
            if (out->via[k] == one.via[0])
                dup = 1;
        if (!dup && out->n_via < IMP_FETCH_MAX)
            out->via[out->n_via++] = one.via[0];
        out->ok = true;
    }
}

static cJSON *entry_json(const imp_fetch_entry *e)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "table", e->cbs);
    cJSON_AddStringToObject(o, "api", e->api);
    cJSON_AddStringToObject(o, "mapping", e->mapping);
    cJSON_AddBoolToObject(o, "unverified", e->unverified);
    return o;
}

cJSON *imp_fetchable_json(const imp_fetchable *f)
{
    if (!f->ok || f->n_via == 0)
        return cJSON_CreateFalse();
    cJSON *o = entry_json(f->via[0]);
    if (f->n_via > 1) {
        cJSON *also = cJSON_AddArrayToObject(o, "also");
        for (size_t k = 1; k < f->n_via; k++)
            cJSON_AddItemToArray(also, entry_json(f->via[k]));
    }
    return o;
}
