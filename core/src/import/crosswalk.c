#include "import/crosswalk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/jsonfile.h"
#include "util/sha256.h"
#include "util/strbuf.h"

char *imp_crosswalk_path(const char *data_dir, const char *from, const char *to)
{
    strbuf b = STRBUF_INIT;
    sb_printf(&b, "%s/crosswalks/%s-to-%s.json", data_dir, from, to);
    return sb_take(&b);
}

static int load(const char *path, const imp_mapping *m, cJSON **out, wf_error *err)
{
    cJSON *x = NULL;
    if (json_read_file(path, &x, err) != 0)
        return -1;
    const char *from = json_str(x, "from"), *to = json_str(x, "to");
    const cJSON *codes = cJSON_GetObjectItemCaseSensitive(x, "codes");
    const cJSON *labels = cJSON_GetObjectItemCaseSensitive(x, "labels");
    const char *bad = !cJSON_IsObject(x)                              ? "$: expected an object"
                      : !from || !imp_classification_known(from)      ? "$.from: expected migratieachtergrond or herkomst"
                      : !to || !imp_classification_known(to)          ? "$.to: expected migratieachtergrond or herkomst"
                      : strcmp(from, to) == 0                         ? "$.to: equals $.from"
                      : !cJSON_IsObject(codes) || !codes->child       ? "$.codes: expected a non-empty object"
                      : labels && !cJSON_IsObject(labels)             ? "$.labels: expected an object"
                      : !json_str(x, "source")                        ? "$.source: missing (where the correspondence comes from)"
                                                                      : NULL;
    for (const cJSON *c = codes && !bad ? codes->child : NULL; c; c = c->next)
        if (!cJSON_IsString(c))
            bad = "$.codes: expected strings";
    if (bad) {
        cJSON_Delete(x);
        return wf_errorf(err, "%s: %s", path, bad);
    }
    if (strcmp(from, m->classification) != 0) {
        wf_errorf(err, "%s: $.crosswalk: %s recodes %s, but the mapping produces %s", m->path, path, from,
                  m->classification);
        cJSON_Delete(x);
        return -1;
    }
    *out = x;
    return 0;
}

int imp_crosswalk_apply(imp_mapping *m, cJSON **record, wf_error *err)
{
    *record = NULL;
    if (!m->crosswalk)
        return 0;
    imp_dim *d = NULL;
    for (size_t i = 0; i < m->n_dims; i++)
        if (strcmp(m->dims[i].name, m->crosswalk_dim) == 0)
            d = &m->dims[i];
    if (!d || !d->keep)
        return wf_errorf(err, "%s: $.crosswalk.dimension: '%s' needs 'keep' or 'keep_titles' (a crosswalk recodes "
                         "a listed set of codes, never whatever a download holds)", m->path, m->crosswalk_dim);
    strbuf p = STRBUF_INIT;
    const char *slash = strrchr(m->path, '/');
    if (slash)
        sb_printf(&p, "%.*s/../crosswalks/%s", (int)(slash - m->path), m->path, m->crosswalk);
    else
        sb_printf(&p, "../crosswalks/%s", m->crosswalk);
    cJSON *x = NULL;
    if (load(p.s, m, &x, err) != 0) {
        sb_free(&p);
        return -1;
    }
    char sha[65];
    sha256_file_hex(p.s, sha);
    sb_free(&p);
    if (!m->resolved) {
        m->resolved = cJSON_CreateObject();
        cJSON_AddArrayToObject(m->resolved, "strings");
        cJSON_AddArrayToObject(m->resolved, "objects");
    }
    const cJSON *codes = cJSON_GetObjectItemCaseSensitive(x, "codes");
    cJSON *rename = cJSON_CreateObject();
    int rc = 0;
    for (const cJSON *k = d->keep->child; k; k = k->next) {
        const cJSON *rn = d->rename ? cJSON_GetObjectItemCaseSensitive(d->rename, k->valuestring) : NULL;
        const char *code = rn ? rn->valuestring : k->valuestring;
        const cJSON *to = cJSON_GetObjectItemCaseSensitive(codes, code);
        if (!to) {
            rc = wf_errorf(err, "%s: $.crosswalk: code '%s' of dimension '%s' is not in crosswalks/%s (it maps %s codes "
                           "to %s)", m->path, code, d->name, m->crosswalk, json_str(x, "from"), json_str(x, "to"));
            break;
        }
        cJSON_AddStringToObject(rename, k->valuestring, to->valuestring);
    }
    cJSON *store = cJSON_GetObjectItemCaseSensitive(m->resolved, "objects");
    cJSON_AddItemToArray(store, rename);
    if (rc != 0) {
        cJSON_Delete(x);
        return -1;
    }
    d->rename = rename;
    /* Labels of the old codes no longer apply: the crosswalk's own do. */
    const cJSON *labels = cJSON_GetObjectItemCaseSensitive(x, "labels");
    if (labels) {
        cJSON *l = cJSON_Duplicate(labels, 1);
        cJSON_AddItemToArray(store, l);
        d->labels = l;
    } else {
        d->labels = NULL;
    }
    d->labels_en = NULL;
    d->labels_file.file = NULL;
    cJSON *r = cJSON_CreateObject();
    char rel[300];
    snprintf(rel, sizeof rel, "crosswalks/%s", m->crosswalk);
    cJSON_AddStringToObject(r, "file", rel);
    cJSON_AddStringToObject(r, "sha256", sha);
    cJSON_AddStringToObject(r, "from", json_str(x, "from"));
    cJSON_AddStringToObject(r, "to", json_str(x, "to"));
    cJSON_AddStringToObject(r, "dimension", d->name);
    cJSON_Delete(x);
    *record = r;
    return 0;
}

void imp_meta_declarations(const imp_mapping *m, cJSON *meta, const cJSON *crosswalk)
{
    const char *cls = crosswalk ? json_str(crosswalk, "to") : m->classification;
    if (cls)
        cJSON_AddStringToObject(meta, "classification", cls);
    if (crosswalk)
        cJSON_AddItemToObject(meta, "crosswalk", cJSON_Duplicate(crosswalk, 1));
    if (m->unverified) {
        cJSON_AddTrueToObject(meta, "unverified");
        cJSON_AddStringToObject(meta, "written_from", m->written_from);
    }
}
