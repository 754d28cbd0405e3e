#include "format/cbs_odata.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

/* One record member as the text a StatLine CSV would have held. Booleans,
 * arrays and objects (json-records only) keep their JSON text, so a mapping
 * that uses such a member as a value fails as non-numeric instead of
 * reading it as absent. */
static char *cell_text(const cJSON *v)
{
    if (cJSON_IsNull(v))
        return xstrdup(".");
    if (cJSON_IsString(v))
        return xstrdup_trimmed(v->valuestring);
    if (!cJSON_IsNumber(v)) {
        char *j = cJSON_PrintUnformatted(v);
        char *t = xstrdup(j ? j : "");
        cJSON_free(j);
        return t;
    }
    strbuf b = STRBUF_INIT;
    sb_double(&b, v->valuedouble);
    return sb_take(&b);
}

/* Records of vals (an array of objects that all have the members of the
 * first, in any order) as rows of text cells; `where` names the array in
 * messages ("$.value"). strict: members must be strings, numbers or null. */
static int records_to_doc(const cJSON *vals, const char *name, const char *where, int strict, csv_doc **out,
                          wf_error *err)
{
    if (!cJSON_IsArray(vals))
        return wf_errorf(err, "%s: %s: missing (expected an array of records)", name, where);
    size_t n_rec = (size_t)cJSON_GetArraySize(vals);
    if (n_rec == 0)
        return wf_errorf(err, "%s: %s: empty (expected at least one record)", name, where);
    const cJSON *first = vals->child;
    if (!cJSON_IsObject(first) || !first->child)
        return wf_errorf(err, "%s: %s[0]: expected a non-empty object", name, where);
    size_t n_cols = (size_t)cJSON_GetArraySize(first);
    csv_row *rows = xcalloc(n_rec + 1, sizeof *rows);
    rows[0].n = n_cols;
    rows[0].f = xcalloc(n_cols, sizeof *rows[0].f);
    rows[0].col = xcalloc(n_cols, sizeof *rows[0].col);
    size_t c = 0;
    for (const cJSON *m = first->child; m; m = m->next, c++) {
        rows[0].f[c] = xstrdup(m->string);
        rows[0].col[c] = c + 1;
    }
    size_t r = 1;
    for (const cJSON *rec = vals->child; rec; rec = rec->next, r++) {
        if (!cJSON_IsObject(rec) || (size_t)cJSON_GetArraySize(rec) != n_cols) {
            csv_rows_free(rows, r);
            return wf_errorf(err, "%s: %s[%zu]: expected an object with the %zu members of %s[0]", name, where,
                             r - 1, n_cols, where);
        }
        rows[r].n = n_cols;
        rows[r].line = r;
        rows[r].f = xcalloc(n_cols, sizeof *rows[r].f);
        rows[r].col = xcalloc(n_cols, sizeof *rows[r].col);
        for (c = 0; c < n_cols; c++) {
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(rec, rows[0].f[c]);
            if (!v || (strict && !(cJSON_IsNull(v) || cJSON_IsString(v) || cJSON_IsNumber(v)))) {
                wf_errorf(err, "%s: %s[%zu].%s: %s (expected a string, number or null)", name, where, r - 1,
                          rows[0].f[c], v ? "wrong type" : "missing");
                rows[r].n = c;
                csv_rows_free(rows, r + 1);
                return -1;
            }
            rows[r].f[c] = cell_text(v);
            rows[r].col[c] = c + 1;
        }
    }
    csv_doc *d = xmalloc(sizeof *d);
    d->n_rows = n_rec + 1;
    d->rows = rows;
    *out = d;
    return 0;
}

int odata_to_doc(const cJSON *dataset, const char *name, csv_doc **out, wf_error *err)
{
    const cJSON *vals = cJSON_GetObjectItemCaseSensitive(dataset, "value");
    if (!cJSON_IsArray(vals))
        return wf_errorf(err, "%s: $.value: missing (expected the array of records of a TypedDataSet)", name);
    return records_to_doc(vals, name, "$.value", 1, out, err);
}

int json_records_to_doc(const cJSON *doc, const char *member, const char *name, csv_doc **out, wf_error *err)
{
    char where[160];
    snprintf(where, sizeof where, "$.%s", member);
    return records_to_doc(cJSON_GetObjectItemCaseSensitive(doc, member), name, where, 0, out, err);
}

const cJSON *odata_properties(const cJSON *doc, const char *name, wf_error *err)
{
    const cJSON *vals = cJSON_GetObjectItemCaseSensitive(doc, "value");
    if (!cJSON_IsArray(vals)) {
        wf_errorf(err, "%s: $.value: missing (expected the array of a DataProperties document)", name);
        return NULL;
    }
    size_t i = 0;
    for (const cJSON *p = vals->child; p; p = p->next, i++) {
        const cJSON *k = cJSON_GetObjectItemCaseSensitive(p, "Key");
        if (!cJSON_IsObject(p) || !cJSON_IsString(k)) {
            wf_errorf(err, "%s: $.value[%zu].Key: missing (expected a string)", name, i);
            return NULL;
        }
    }
    return vals;
}

const char *odata_property(const cJSON *props, const char *key, const char *member)
{
    for (const cJSON *p = props ? props->child : NULL; p; p = p->next) {
        const cJSON *k = cJSON_GetObjectItemCaseSensitive(p, "Key");
        if (cJSON_IsString(k) && strcmp(k->valuestring, key) == 0) {
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(p, member);
            return cJSON_IsString(v) && v->valuestring[0] ? v->valuestring : NULL;
        }
    }
    return NULL;
}
