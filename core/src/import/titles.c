#include "import/titles.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/jsonfile.h"
#include "import/input.h"
#include "import/reader.h"

static char *rtrim_dup(const char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return xstrndup(s, n);
}

void imp_titled_from(const cJSON *doc, const char *key_member, const char *type_member, const char *type_has,
                     imp_titled *out)
{
    memset(out, 0, sizeof *out);
    const cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(doc, "value"))
    {
        const char *k = json_str(it, key_member), *t = json_str(it, "Title");
        if (!k || !t)
            continue;
        if (type_member) {
            const char *ty = json_str(it, type_member);
            if (!ty || !strstr(ty, type_has))
                continue;
        }
        out->key = xrealloc(out->key, (out->n + 1) * sizeof *out->key);
        out->title = xrealloc(out->title, (out->n + 1) * sizeof *out->title);
        out->key[out->n] = rtrim_dup(k);
        out->title[out->n] = rtrim_dup(t);
        out->n++;
    }
}

void imp_titled_free(imp_titled *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->key[i]);
        free(t->title[i]);
    }
    free(t->key);
    free(t->title);
    memset(t, 0, sizeof *t);
}

int imp_titled_find(const imp_titled *t, const char *title, const char **key, strbuf *why)
{
    char *want = rtrim_dup(title);
    size_t hits = 0, first = 0;
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->title[i], want) == 0) {
            if (hits++ == 0)
                first = i;
        }
    int rc = 0;
    if (hits == 1) {
        *key = t->key[first];
    } else if (hits == 0) {
        rc = 1;
        if (why) {
            sb_printf(why, "%zu title%s: ", t->n, t->n == 1 ? "" : "s");
            for (size_t i = 0; i < t->n && i < 12; i++)
                sb_printf(why, "%s'%s'", i ? ", " : "", t->title[i]);
            if (t->n > 12)
                sb_puts(why, ", ...");
        }
    } else {
        rc = 2;
        if (why) {
            size_t k = 0;
            for (size_t i = 0; i < t->n; i++)
                if (strcmp(t->title[i], want) == 0)
                    sb_printf(why, "%s%s", k++ ? ", " : "", t->key[i]);
        }
    }
    free(want);
    return rc;
}

/* The metadata of one snapshot: where it lies and what it holds. */
typedef struct meta {
    const imp_mapping *m;
    const char *shared;
    char *dir;          /* snapshot directory, relative to shared */
    int v4;
    imp_titled dims, topics;
    char *props_name;   /* the file dims and topics came from, for messages */
} meta;

static int load_json(const meta *mt, const char *name, cJSON **out, char **shown, wf_error *err)
{
    strbuf rel = STRBUF_INIT;
    sb_printf(&rel, "%s/%s", mt->dir, name);
    char *path = imp_join(mt->shared, rel.s);
    int rc = json_read_file(path, out, err);
    free(path);
    if (shown)
        *shown = sb_take(&rel);
    sb_free(&rel);
    return rc;
}

static int meta_open(meta *mt, const imp_mapping *m, const char *shared, wf_error *err)
{
    memset(mt, 0, sizeof *mt);
    mt->m = m;
    mt->shared = shared;
    mt->v4 = m->format == IMP_ODATA_V4;
    char *rel = NULL;
    if (imp_input_resolve(shared, m->files[0].file, &rel, err) != 0)
        return wf_errorf(err, "%s: $.input: cannot find the data whose metadata the titles are looked up in (%s)",
                         m->path, m->files[0].file);
    char *slash = strrchr(rel, '/');
    mt->dir = slash ? xstrndup(rel, (size_t)(slash - rel)) : xstrdup(".");
    free(rel);
    cJSON *doc = NULL;
    if (mt->v4) {
        if (load_json(mt, "Dimensions.json", &doc, &mt->props_name, err) != 0)
            return -1;
        imp_titled_from(doc, "Identifier", NULL, NULL, &mt->dims);
        cJSON_Delete(doc);
        char *mc = NULL;
        if (load_json(mt, "MeasureCodes.json", &doc, &mc, err) != 0) {
            free(mc);
            return -1;
        }
        free(mc);
        imp_titled_from(doc, "Identifier", NULL, NULL, &mt->topics);
        cJSON_Delete(doc);
        return 0;
    }
    /* v3: the DataProperties file the mapping names (resolved), whose
     * Dimension entries are the dimensions and Topic entries the topics
     * (TopicGroups, which may share a topic's title, are not topics). */
    char *prel = NULL;
    if (imp_input_resolve(shared, m->properties, &prel, err) != 0)
        return -1;
    char *path = imp_join(shared, prel);
    int rc = json_read_file(path, &doc, err);
    free(path);
    mt->props_name = prel;
    if (rc != 0)
        return -1;
    imp_titled_from(doc, "Key", "Type", "Dimension", &mt->dims);
    imp_titled_from(doc, "Key", "Type", "Topic", &mt->topics);
    /* "Topic" also matches "TopicGroup": drop those entries again. */
    imp_titled groups;
    imp_titled_from(doc, "Key", "Type", "TopicGroup", &groups);
    for (size_t g = 0; g < groups.n; g++)
        for (size_t i = 0; i < mt->topics.n; i++)
            if (strcmp(mt->topics.key[i], groups.key[g]) == 0) {
                free(mt->topics.key[i]);
                free(mt->topics.title[i]);
                mt->topics.key[i] = mt->topics.key[mt->topics.n - 1];
                mt->topics.title[i] = mt->topics.title[mt->topics.n - 1];
                mt->topics.n--;
                break;
            }
    imp_titled_free(&groups);
    cJSON_Delete(doc);
    return 0;
}

static void meta_close(meta *mt)
{
    imp_titled_free(&mt->dims);
    imp_titled_free(&mt->topics);
    free(mt->dir);
    free(mt->props_name);
}

/* One lookup, with the message a failure gives. */
static int find(const imp_titled *t, const char *title, const char *what, const char *where, const char *jpath,
                const imp_mapping *m, const char **key, wf_error *err)
{
    strbuf why = STRBUF_INIT;
    int rc = imp_titled_find(t, title, key, &why);
    if (rc == 1)
        wf_errorf(err, "%s: %s: '%s' is not the title of any %s in %s (it has %s); a title must match exactly", m->path,
                  jpath, title, what, where, why.s ? why.s : "none");
    else if (rc == 2)
        wf_errorf(err, "%s: %s: '%s' is the title of more than one %s in %s (%s): select it by its key", m->path,
                  jpath, title, what, where, why.s);
    sb_free(&why);
    return rc == 0 ? 0 : -1;
}

static const char *own(imp_mapping *m, const char *s)
{
    cJSON *str = cJSON_CreateString(s);
    cJSON_AddItemToArray(cJSON_GetObjectItemCaseSensitive(m->resolved, "strings"), str);
    return str->valuestring;
}

static int resolve_categories(imp_mapping *m, imp_dim *d, const meta *mt, wf_error *err)
{
    /* v4's Measure "dimension" takes its codes from MeasureCodes. */
    const char *file = NULL;
    strbuf name = STRBUF_INIT;
    if (mt->v4 && strcmp(d->column, "Measure") == 0)
        sb_puts(&name, "MeasureCodes.json");
    else
        sb_printf(&name, "%s%s.json", d->column, mt->v4 ? "Codes" : "");
    cJSON *doc = NULL;
    char *shown = NULL;
    int rc = load_json(mt, name.s, &doc, &shown, err);
    sb_free(&name);
    if (rc != 0) {
        free(shown);
        return -1;
    }
    imp_titled codes;
    imp_titled_from(doc, mt->v4 ? "Identifier" : "Key", NULL, NULL, &codes);
    cJSON_Delete(doc);
    file = shown;
    cJSON *keep = cJSON_CreateArray(), *rename = cJSON_CreateObject();
    cJSON *labels = d->labels ? NULL : cJSON_CreateObject();
    rc = 0;
    for (const cJSON *c = d->keep_titles->child; c && rc == 0; c = c->next) {
        char jp[96];
        snprintf(jp, sizeof jp, "%s.keep_titles", d->path);
        const char *key;
        if (find(&codes, c->string, "category", file, jp, m, &key, err) != 0) {
            rc = -1;
            break;
        }
        if (cJSON_GetObjectItemCaseSensitive(rename, key)) {
            wf_errorf(err, "%s: %s: '%s' is selected twice", m->path, jp, c->string);
            rc = -1;
            break;
        }
        cJSON_AddItemToArray(keep, cJSON_CreateString(key));
        cJSON_AddStringToObject(rename, key, c->valuestring);
        if (labels && !cJSON_GetObjectItemCaseSensitive(labels, c->valuestring))
            cJSON_AddStringToObject(labels, c->valuestring, c->string);
    }
    imp_titled_free(&codes);
    free(shown);
    cJSON *store = cJSON_GetObjectItemCaseSensitive(m->resolved, "objects");
    cJSON_AddItemToArray(store, keep);
    cJSON_AddItemToArray(store, rename);
    d->keep = keep;
    d->rename = rename;
    if (labels) {
        cJSON_AddItemToArray(store, labels);
        d->labels = labels;
    }
    return rc;
}

int imp_titles_resolve(imp_mapping *m, const char *shared_dir, wf_error *err)
{
    if (!imp_mapping_has_titles(m))
        return 0;
    meta mt;
    if (meta_open(&mt, m, shared_dir, err) != 0) {
        meta_close(&mt);
        return -1;
    }
    if (!m->resolved) {
        m->resolved = cJSON_CreateObject();
        cJSON_AddArrayToObject(m->resolved, "strings");
        cJSON_AddArrayToObject(m->resolved, "objects");
    }
    int rc = 0;
    for (size_t i = 0; i < m->n_dims && rc == 0; i++) {
        imp_dim *d = &m->dims[i];
        if (d->title) {
            char jp[64];
            snprintf(jp, sizeof jp, "%s.title", d->path);
            const char *key;
            if (find(&mt.dims, d->title, "dimension", mt.props_name, jp, m, &key, err) != 0)
                rc = -1;
            else
                d->column = own(m, key);
        }
        if (rc == 0 && d->keep_titles)
            rc = resolve_categories(m, d, &mt, err);
    }
    for (size_t i = 0; i < m->n_melt && rc == 0; i++) {
        imp_melt_col *c = &m->melt[i];
        if (!c->title)
            continue;
        char jp[64];
        snprintf(jp, sizeof jp, "$.melt.columns[%zu].title", i);
        const char *key;
        if (find(&mt.topics, c->title, mt.v4 ? "measure" : "topic", mt.props_name, jp, m, &key, err) != 0)
            rc = -1;
        else
            c->column = own(m, key);
    }
    if (rc == 0 && m->value_title) {
        const char *key;
        if (find(&mt.topics, m->value_title, "topic", mt.props_name, "$.value.title", m, &key, err) != 0)
            rc = -1;
        else
            m->value_col = own(m, key);
    }
    /* Two titles that resolved to one column would map it twice. */
    for (size_t a = 0; a < m->n_melt && rc == 0; a++)
        for (size_t b = 0; b < a && rc == 0; b++)
            if (strcmp(m->melt[a].column, m->melt[b].column) == 0)
                rc = wf_errorf(err, "%s: $.melt.columns[%zu]: column '%s' repeats [%zu]", m->path, a,
                               m->melt[a].column, b);
    meta_close(&mt);
    return rc;
}
