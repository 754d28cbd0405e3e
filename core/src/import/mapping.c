#include "util/path.h"
#include "import/mapping.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/jsonfile.h"
#include "util/sha256.h"
#include "util/strbuf.h"

/* Every object in a mapping has a closed set of keys: a misspelt key is an
 * error rather than a silently ignored setting. */
static int check_keys(const cJSON *obj, const char *const *allowed, const char *file, const char *path,
                      wf_error *err)
{
    for (const cJSON *c = obj->child; c; c = c->next) {
        int ok = 0;
        for (size_t i = 0; allowed[i]; i++)
            if (strcmp(c->string, allowed[i]) == 0)
                ok = 1;
        if (!ok) {
            strbuf b = STRBUF_INIT;
            for (size_t i = 0; allowed[i]; i++)
                sb_printf(&b, "%s%s", i ? ", " : "", allowed[i]);
            wf_errorf(err, "%s: %s.%s: unknown key (expected one of: %s)", file, path, c->string, b.s);
            sb_free(&b);
            return -1;
        }
    }
    return 0;
}

/* Optional string member: absent is fine, another type is an error. */
static int opt_str(const cJSON *obj, const char *key, const char **out, const char *file, const char *path,
                   wf_error *err)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = NULL;
    if (!v)
        return 0;
    if (!cJSON_IsString(v) || v->valuestring[0] == '\0')
        return wf_errorf(err, "%s: %s.%s: expected a non-empty string", file, path, key);
    *out = v->valuestring;
    return 0;
}

static int req_str(const cJSON *obj, const char *key, const char **out, const char *file, const char *path,
                   wf_error *err)
{
    if (opt_str(obj, key, out, file, path, err) != 0)
        return -1;
    if (!*out)
        return wf_errorf(err, "%s: %s.%s: missing (expected a string)", file, path, key);
    return 0;
}

static int opt_bool(const cJSON *obj, const char *key, bool *out, const char *file, const char *path,
                    wf_error *err)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v)
        return 0;
    if (!cJSON_IsBool(v))
        return wf_errorf(err, "%s: %s.%s: expected true or false", file, path, key);
    *out = cJSON_IsTrue(v);
    return 0;
}

static int opt_sep(const cJSON *obj, const char *key, char *out, const char *file, const char *path,
                   wf_error *err)
{
    const char *s;
    if (opt_str(obj, key, &s, file, path, err) != 0)
        return -1;
    if (!s)
        return 0;
    if (strlen(s) != 1 || (s[0] != ',' && s[0] != ';' && s[0] != '\t' && s[0] != '|'))
        return wf_errorf(err, "%s: %s.%s: expected one of \",\" \";\" \"\\t\" \"|\"", file, path, key);
    *out = s[0];
    return 0;
}

/* Arrays of strings (keep, drop, ignore_columns, notes) and objects of
 * strings (labels, rename, constants) are checked once here. */
static int opt_str_array(const cJSON *obj, const char *key, const cJSON **out, const char *file,
                         const char *path, wf_error *err)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = NULL;
    if (!v)
        return 0;
    if (!cJSON_IsArray(v))
        return wf_errorf(err, "%s: %s.%s: expected an array of strings", file, path, key);
    int i = 0;
    for (const cJSON *c = v->child; c; c = c->next, i++)
        if (!cJSON_IsString(c))
            return wf_errorf(err, "%s: %s.%s[%d]: expected a string", file, path, key, i);
    *out = v;
    return 0;
}

static int opt_str_object(const cJSON *obj, const char *key, const cJSON **out, const char *file,
                          const char *path, wf_error *err)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = NULL;
    if (!v)
        return 0;
    if (!cJSON_IsObject(v))
        return wf_errorf(err, "%s: %s.%s: expected an object of strings", file, path, key);
    for (const cJSON *c = v->child; c; c = c->next)
        if (!cJSON_IsString(c))
            return wf_errorf(err, "%s: %s.%s.%s: expected a string", file, path, key, c->string);
    *out = v;
    return 0;
}

static int parse_format(const char *s, imp_format *f)
{
    if (strcmp(s, "cbs-csv") == 0)
        *f = IMP_CBS_CSV;
    else if (strcmp(s, "csv") == 0)
        *f = IMP_CSV;
    else if (strcmp(s, "odata-json") == 0)
        *f = IMP_ODATA_JSON;
    else if (strcmp(s, "json-records") == 0)
        *f = IMP_JSON_RECORDS;
    else if (strcmp(s, "odata-v4") == 0)
        *f = IMP_ODATA_V4;
    else
        return -1;
    return 0;
}

static int parse_input(imp_mapping *m, const cJSON *in, const char *file, wf_error *err)
{
    static const char *const keys[] = {"format", "file", "files", "sep", "also_sep", "trim",
                                       "strip_stray_quotes", "properties", "records", NULL};
    if (!cJSON_IsObject(in))
        return wf_errorf(err, "%s: $.input: missing (expected an object)", file);
    if (check_keys(in, keys, file, "$.input", err) != 0)
        return -1;
    const char *fmt;
    if (req_str(in, "format", &fmt, file, "$.input", err) != 0)
        return -1;
    if (parse_format(fmt, &m->format) != 0)
        return wf_errorf(err, "%s: $.input.format: '%s' (expected cbs-csv, csv, odata-json, odata-v4 or json-records)",
                         file, fmt);
    m->sep = m->format == IMP_CBS_CSV ? ';' : ',';
    m->trim = 1;
    if (opt_sep(in, "sep", &m->sep, file, "$.input", err) != 0 ||
        opt_sep(in, "also_sep", &m->also_sep, file, "$.input", err) != 0 ||
        opt_bool(in, "trim", &m->trim, file, "$.input", err) != 0 ||
        opt_bool(in, "strip_stray_quotes", &m->strip_stray_quotes, file, "$.input", err) != 0 ||
        opt_str(in, "properties", &m->properties, file, "$.input", err) != 0 ||
        opt_str(in, "records", &m->records, file, "$.input", err) != 0)
        return -1;
    if (m->also_sep == m->sep)
        return wf_errorf(err, "%s: $.input.also_sep: equals sep", file);
    const char *one;
    if (opt_str(in, "file", &one, file, "$.input", err) != 0)
        return -1;
    const cJSON *many = cJSON_GetObjectItemCaseSensitive(in, "files");
    if ((one != NULL) == (many != NULL))
        return wf_errorf(err, "%s: $.input: expected exactly one of 'file' or 'files'", file);
    if (one) {
        m->files = xcalloc(1, sizeof *m->files);
        m->files[0].file = one;
        m->n_files = 1;
    } else {
        if (!cJSON_IsArray(many) || cJSON_GetArraySize(many) == 0)
            return wf_errorf(err, "%s: $.input.files: expected a non-empty array", file);
        m->n_files = (size_t)cJSON_GetArraySize(many);
        m->files = xcalloc(m->n_files, sizeof *m->files);
        size_t i = 0;
        for (const cJSON *f = many->child; f; f = f->next, i++) {
            static const char *const fkeys[] = {"file", "constants", NULL};
            char p[48];
            snprintf(p, sizeof p, "$.input.files[%zu]", i);
            if (!cJSON_IsObject(f))
                return wf_errorf(err, "%s: %s: expected an object with 'file'", file, p);
            if (check_keys(f, fkeys, file, p, err) != 0 || req_str(f, "file", &m->files[i].file, file, p, err) != 0 ||
                opt_str_object(f, "constants", &m->files[i].constants, file, p, err) != 0)
                return -1;
        }
    }
    if (m->format == IMP_ODATA_JSON && !m->properties)
        return wf_errorf(err, "%s: $.input.properties: missing (odata-json needs the DataProperties file)", file);
    if (m->format != IMP_ODATA_JSON && m->properties)
        return wf_errorf(err, "%s: $.input.properties: only for odata-json", file);
    if (m->format == IMP_JSON_RECORDS && !m->records)
        return wf_errorf(err, "%s: $.input.records: missing (json-records needs the member that holds the records)", file);
    if (m->format != IMP_JSON_RECORDS && m->records)
        return wf_errorf(err, "%s: $.input.records: only for json-records", file);
    return 0;
}

static int parse_labels_file(imp_labels_file *lf, const cJSON *o, const char *file, const char *path,
                             wf_error *err)
{
    static const char *const keys[] = {"file", "format", "sep", "key", "label", NULL};
    if (!cJSON_IsObject(o))
        return wf_errorf(err, "%s: %s: expected an object", file, path);
    if (check_keys(o, keys, file, path, err) != 0)
        return -1;
    const char *fmt;
    if (req_str(o, "file", &lf->file, file, path, err) != 0 || req_str(o, "format", &fmt, file, path, err) != 0)
        return -1;
    if (parse_format(fmt, &lf->format) != 0 || lf->format == IMP_CBS_CSV || lf->format == IMP_JSON_RECORDS ||
        lf->format == IMP_ODATA_V4)
        return wf_errorf(err, "%s: %s.format: '%s' (expected csv or odata-json)", file, path, fmt);
    lf->sep = ',';
    lf->key = "Key";
    lf->label = "Title";
    if (opt_sep(o, "sep", &lf->sep, file, path, err) != 0)
        return -1;
    const char *k, *l;
    if (opt_str(o, "key", &k, file, path, err) != 0 || opt_str(o, "label", &l, file, path, err) != 0)
        return -1;
    if (k)
        lf->key = k;
    if (l)
        lf->label = l;
    return 0;
}

static int parse_dims(imp_mapping *m, const cJSON *arr, const char *file, wf_error *err)
{
    static const char *const keys[] = {"column", "constant", "title", "name", "labels", "labels_en", "labels_file",
                                       "period_labels", "keep", "drop", "rename", "keep_titles", NULL};
    if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) == 0)
        return wf_errorf(err, "%s: $.dimensions: missing (expected a non-empty array)", file);
    m->n_dims = (size_t)cJSON_GetArraySize(arr);
    m->dims = xcalloc(m->n_dims, sizeof *m->dims);
    size_t i = 0;
    for (const cJSON *o = arr->child; o; o = o->next, i++) {
        imp_dim *d = &m->dims[i];
        snprintf(d->path, sizeof d->path, "$.dimensions[%zu]", i);
        if (!cJSON_IsObject(o))
            return wf_errorf(err, "%s: %s: expected an object", file, d->path);
        if (check_keys(o, keys, file, d->path, err) != 0 || opt_str(o, "column", &d->column, file, d->path, err) != 0 ||
            opt_str(o, "constant", &d->constant, file, d->path, err) != 0 ||
            opt_str(o, "name", &d->name, file, d->path, err) != 0 ||
            opt_str_object(o, "labels", &d->labels, file, d->path, err) != 0 ||
            opt_str_object(o, "labels_en", &d->labels_en, file, d->path, err) != 0 ||
            opt_bool(o, "period_labels", &d->period_labels, file, d->path, err) != 0 ||
            opt_str_array(o, "keep", &d->keep, file, d->path, err) != 0 ||
            opt_str_array(o, "drop", &d->drop, file, d->path, err) != 0 ||
            opt_str_object(o, "rename", &d->rename, file, d->path, err) != 0 ||
            opt_str(o, "title", &d->title, file, d->path, err) != 0 ||
            opt_str_object(o, "keep_titles", &d->keep_titles, file, d->path, err) != 0)
            return -1;
        if ((d->column != NULL) + (d->constant != NULL) + (d->title != NULL) != 1)
            return wf_errorf(err, "%s: %s: expected exactly one of 'column', 'title' or 'constant'", file, d->path);
        if (d->title && !d->name)
            return wf_errorf(err, "%s: %s.name: missing (a dimension selected by title needs its output name)", file,
                             d->path);
        if (d->keep_titles && (d->keep || d->drop || d->rename))
            return wf_errorf(err, "%s: %s.keep_titles: excludes 'keep', 'drop' and 'rename' (it keeps and renames)",
                             file, d->path);
        if (d->keep_titles && d->constant)
            return wf_errorf(err, "%s: %s.keep_titles: only for a column", file, d->path);
        if (!d->name)
            d->name = d->column ? d->column : d->constant;
        if (d->keep && d->drop)
            return wf_errorf(err, "%s: %s: 'keep' and 'drop' exclude each other", file, d->path);
        const cJSON *lf = cJSON_GetObjectItemCaseSensitive(o, "labels_file");
        if (lf) {
            char p[64];
            snprintf(p, sizeof p, "%s.labels_file", d->path);
            if (parse_labels_file(&d->labels_file, lf, file, p, err) != 0)
                return -1;
        }
        if (d->constant) {
            for (size_t f = 0; f < m->n_files; f++)
                if (!m->files[f].constants ||
                    !cJSON_GetObjectItemCaseSensitive(m->files[f].constants, d->constant))
                    return wf_errorf(err, "%s: $.input.files[%zu].constants: no value for constant '%s' (%s)", file,
                                     f, d->constant, d->path);
        }
        for (size_t j = 0; j < i; j++)
            if (strcmp(m->dims[j].name, d->name) == 0)
                return wf_errorf(err, "%s: %s.name: '%s' repeats %s", file, d->path, d->name, m->dims[j].path);
    }
    return 0;
}

static int parse_melt(imp_mapping *m, const cJSON *o, const char *file, wf_error *err)
{
    static const char *const keys[] = {"dimension", "columns", NULL};
    static const char *const ckeys[] = {"column", "title", "code", "label", "label_en", "unit", NULL};
    if (!cJSON_IsObject(o))
        return wf_errorf(err, "%s: $.melt: expected an object", file);
    if (check_keys(o, keys, file, "$.melt", err) != 0 || req_str(o, "dimension", &m->melt_dim, file, "$.melt", err) != 0)
        return -1;
    const cJSON *cols = cJSON_GetObjectItemCaseSensitive(o, "columns");
    if (!cJSON_IsArray(cols) || cJSON_GetArraySize(cols) == 0)
        return wf_errorf(err, "%s: $.melt.columns: missing (expected a non-empty array)", file);
    m->n_melt = (size_t)cJSON_GetArraySize(cols);
    m->melt = xcalloc(m->n_melt, sizeof *m->melt);
    size_t i = 0;
    for (const cJSON *c = cols->child; c; c = c->next, i++) {
        imp_melt_col *mc = &m->melt[i];
        char p[48];
        snprintf(p, sizeof p, "$.melt.columns[%zu]", i);
        if (cJSON_IsString(c)) { /* shorthand: the column name is the code */
            mc->column = mc->code = c->valuestring;
            continue;
        }
        if (!cJSON_IsObject(c))
            return wf_errorf(err, "%s: %s: expected a column name or an object", file, p);
        if (check_keys(c, ckeys, file, p, err) != 0 || opt_str(c, "column", &mc->column, file, p, err) != 0 ||
            opt_str(c, "title", &mc->title, file, p, err) != 0 ||
            opt_str(c, "code", &mc->code, file, p, err) != 0 || opt_str(c, "label", &mc->label, file, p, err) != 0 ||
            opt_str(c, "label_en", &mc->label_en, file, p, err) != 0 || opt_str(c, "unit", &mc->unit, file, p, err) != 0)
            return -1;
        if ((mc->column != NULL) == (mc->title != NULL))
            return wf_errorf(err, "%s: %s: expected exactly one of 'column' or 'title'", file, p);
        if (mc->title && !mc->code)
            return wf_errorf(err, "%s: %s.code: missing (a topic selected by title needs its output code)", file, p);
        if (!mc->code)
            mc->code = mc->column;
    }
    for (size_t a = 0; a < m->n_melt; a++)
        for (size_t b = 0; b < a; b++) {
            if (m->melt[a].column && m->melt[b].column && strcmp(m->melt[a].column, m->melt[b].column) == 0)
                return wf_errorf(err, "%s: $.melt.columns[%zu]: column '%s' repeats [%zu]", file, a, m->melt[a].column, b);
            if (strcmp(m->melt[a].code, m->melt[b].code) == 0)
                return wf_errorf(err, "%s: $.melt.columns[%zu]: code '%s' repeats [%zu]", file, a, m->melt[a].code, b);
        }
    for (size_t d = 0; d < m->n_dims; d++)
        if (strcmp(m->dims[d].name, m->melt_dim) == 0)
            return wf_errorf(err, "%s: $.melt.dimension: '%s' is also %s", file, m->melt_dim, m->dims[d].path);
    return 0;
}

static int parse_value(imp_mapping *m, const cJSON *o, const char *file, wf_error *err)
{
    static const char *const keys[] = {"column", "title", "unit", "label", NULL};
    if (!cJSON_IsObject(o))
        return wf_errorf(err, "%s: $.value: expected an object", file);
    if (check_keys(o, keys, file, "$.value", err) != 0 || opt_str(o, "column", &m->value_col, file, "$.value", err) != 0 ||
        opt_str(o, "title", &m->value_title, file, "$.value", err) != 0 ||
        opt_str(o, "unit", &m->value_unit, file, "$.value", err) != 0 ||
        opt_str(o, "label", &m->value_label, file, "$.value", err) != 0)
        return -1;
    if ((m->value_col != NULL) == (m->value_title != NULL))
        return wf_errorf(err, "%s: $.value: expected exactly one of 'column' or 'title'", file);
    return 0;
}

bool imp_classification_known(const char *c)
{
    return strcmp(c, "migratieachtergrond") == 0 || strcmp(c, "herkomst") == 0;
}

/* "crosswalk": {"file": "herkomst-to-migratieachtergrond.json",
 * "dimension": "herkomst"}: a file name in <data>/crosswalks/ (no path). */
static int parse_crosswalk(imp_mapping *m, const cJSON *r, const char *file, wf_error *err)
{
    static const char *const keys[] = {"file", "dimension", NULL};
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(r, "crosswalk");
    if (!o)
        return 0;
    if (!cJSON_IsObject(o))
        return wf_errorf(err, "%s: $.crosswalk: expected an object with 'file' and 'dimension'", file);
    if (check_keys(o, keys, file, "$.crosswalk", err) != 0 ||
        req_str(o, "file", &m->crosswalk, file, "$.crosswalk", err) != 0 ||
        req_str(o, "dimension", &m->crosswalk_dim, file, "$.crosswalk", err) != 0)
        return -1;
    if (strchr(m->crosswalk, '/') || m->crosswalk[0] == '.')
        return wf_errorf(err, "%s: $.crosswalk.file: '%s' (expected a file name in data/crosswalks/)", file,
                         m->crosswalk);
    return 0;
}

bool imp_mapping_has_titles(const imp_mapping *m)
{
    if (m->value_title)
        return true;
    for (size_t i = 0; i < m->n_dims; i++)
        if (m->dims[i].title || m->dims[i].keep_titles)
            return true;
    for (size_t i = 0; i < m->n_melt; i++)
        if (m->melt[i].title)
            return true;
    return false;
}

const char *imp_mapping_snapshot_table(const imp_mapping *m, char *buf, size_t n)
{
    const char *f = m->n_files ? m->files[0].file : NULL;
    if (!f || strncmp(f, "snapshots/", 10) != 0)
        return NULL;
    const char *id = f + 10, *end = strchr(id, '/');
    if (!end || end == id || (size_t)(end - id) >= n)
        return NULL;
    memcpy(buf, id, (size_t)(end - id));
    buf[end - id] = '\0';
    for (const char *p = buf; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' ||
              *p == '-'))
            return NULL;
    return buf;
}

/* The table name becomes a path under data/: keep it to a safe alphabet. */
static int check_table_name(const char *name)
{
    const char *slash = strchr(name, '/');
    if (!slash || slash == name || !slash[1] || strchr(slash + 1, '/'))
        return -1;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' ||
              *p == '-' || *p == '/'))
            return -1;
    return 0;
}

int imp_mapping_load(const char *path, imp_mapping **out, wf_error *err)
{
    static const char *const keys[] = {"table", "title", "title_en", "source", "licence", "reference_period",
                                       "unit", "unit_dim", "notes", "input", "dimensions", "melt", "value",
                                       "ignore_columns", "ignore_other_columns", "unverified", "written_from",
                                       "classification", "crosswalk", NULL};
    imp_mapping *m = xcalloc(1, sizeof *m);
    m->path = xstrdup(path);
    const char *slash = strrchr(path, '/');
    m->base = xstrdup(slash ? slash + 1 : path);
    if (json_read_file(path, &m->root, err) != 0)
        goto fail;
    if (sha256_file_hex(path, m->sha256) != 0) {
        wf_errorf(err, "%s: cannot read", path);
        goto fail;
    }
    const cJSON *r = m->root;
    if (!cJSON_IsObject(r)) {
        wf_errorf(err, "%s: $: expected an object", path);
        goto fail;
    }
    const char *unit_dim;
    if (check_keys(r, keys, path, "$", err) != 0 || req_str(r, "table", &m->table, path, "$", err) != 0 ||
        req_str(r, "title", &m->title, path, "$", err) != 0 || opt_str(r, "title_en", &m->title_en, path, "$", err) != 0 ||
        req_str(r, "source", &m->source, path, "$", err) != 0 || req_str(r, "licence", &m->licence, path, "$", err) != 0 ||
        opt_str(r, "reference_period", &m->reference_period, path, "$", err) != 0 ||
        opt_str(r, "unit", &m->unit, path, "$", err) != 0 || opt_str(r, "unit_dim", &unit_dim, path, "$", err) != 0 ||
        opt_str_array(r, "notes", &m->notes, path, "$", err) != 0 ||
        opt_str_array(r, "ignore_columns", &m->ignore, path, "$", err) != 0 ||
        opt_bool(r, "ignore_other_columns", &m->ignore_other, path, "$", err) != 0 ||
        opt_bool(r, "unverified", &m->unverified, path, "$", err) != 0 ||
        opt_str(r, "written_from", &m->written_from, path, "$", err) != 0 ||
        opt_str(r, "classification", &m->classification, path, "$", err) != 0 ||
        parse_crosswalk(m, r, path, err) != 0)
        goto fail;
    if (m->unverified && !m->written_from) {
        wf_errorf(err, "%s: $.written_from: missing (an unverified mapping says what it was written from)", path);
        goto fail;
    }
    if (m->classification && !imp_classification_known(m->classification)) {
        wf_errorf(err, "%s: $.classification: '%s' (expected migratieachtergrond or herkomst)", path, m->classification);
        goto fail;
    }
    if (check_table_name(m->table) != 0) {
        wf_errorf(err, "%s: $.table: '%s' (expected <namespace>/<name> of letters, digits, _ and -)", path, m->table);
        goto fail;
    }
    if (parse_input(m, cJSON_GetObjectItemCaseSensitive(r, "input"), path, err) != 0 ||
        parse_dims(m, cJSON_GetObjectItemCaseSensitive(r, "dimensions"), path, err) != 0)
        goto fail;
    const cJSON *melt = cJSON_GetObjectItemCaseSensitive(r, "melt");
    const cJSON *value = cJSON_GetObjectItemCaseSensitive(r, "value");
    if ((melt != NULL) == (value != NULL)) {
        wf_errorf(err, "%s: $: expected exactly one of 'melt' (value columns become a dimension) or 'value' (one value column)",
                  path);
        goto fail;
    }
    if ((melt && parse_melt(m, melt, path, err) != 0) || (value && parse_value(m, value, path, err) != 0))
        goto fail;
    if (imp_mapping_has_titles(m) && m->format != IMP_ODATA_JSON && m->format != IMP_ODATA_V4) {
        wf_errorf(err, "%s: $.input.format: selecting by title needs the table's metadata: odata-json or odata-v4 "
                  "(a snapshot)", path);
        goto fail;
    }
    if (m->crosswalk) {
        size_t d = 0;
        while (d < m->n_dims && strcmp(m->dims[d].name, m->crosswalk_dim) != 0)
            d++;
        if (d == m->n_dims) {
            wf_errorf(err, "%s: $.crosswalk.dimension: '%s' is not an output dimension of the mapping", path,
                      m->crosswalk_dim);
            goto fail;
        }
        if (!m->classification) {
            wf_errorf(err, "%s: $.classification: missing (a crosswalk recodes from the mapping's classification)", path);
            goto fail;
        }
    }
    if (unit_dim && (!m->melt_dim || strcmp(unit_dim, m->melt_dim) != 0)) {
        wf_errorf(err, "%s: $.unit_dim: '%s' (units per code are given for the melt dimension only)", path, unit_dim);
        goto fail;
    }
    /* Files named by a mapping are read from the shared directory, never
     * beside or above it. */
    for (size_t i = 0; i < m->n_files; i++)
        if (!path_rel_safe(m->files[i].file)) {
            wf_errorf(err, "%s: $.input.file%s: '%s' (expected a relative path inside the shared directory: no "
                      "'..', not absolute)", path, m->n_files > 1 ? "s[]" : "", m->files[i].file);
            goto fail;
        }
    if (m->properties && !path_rel_safe(m->properties)) {
        wf_errorf(err, "%s: $.input.properties: '%s' (expected a relative path inside the shared directory)", path,
                  m->properties);
        goto fail;
    }
    for (size_t i = 0; i < m->n_dims; i++)
        if (m->dims[i].labels_file.file && !path_rel_safe(m->dims[i].labels_file.file)) {
            wf_errorf(err, "%s: $.dimensions[%zu].labels_file.file: '%s' (expected a relative path inside the "
                      "shared directory: no '..', not absolute)", path, i, m->dims[i].labels_file.file);
            goto fail;
        }
    *out = m;
    return 0;
fail:
    imp_mapping_free(m);
    return -1;
}

void imp_mapping_free(imp_mapping *m)
{
    if (!m)
        return;
    cJSON_Delete(m->root);
    cJSON_Delete(m->resolved);
    free(m->path);
    free(m->base);
    free(m->properties_resolved);
    for (size_t i = 0; m->files && i < m->n_files; i++)
        free(m->files[i].resolved);
    free(m->files);
    free(m->dims);
    free(m->melt);
    free(m);
}
