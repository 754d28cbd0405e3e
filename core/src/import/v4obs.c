#include "import/v4obs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

const char *v4_null_symbol(const char *attribute)
{
    if (!attribute)
        return ".";
    if (strcmp(attribute, "Impossible") == 0)
        return "";
    if (strstr(attribute, "Confidential") || strstr(attribute, "Secret") || strstr(attribute, "confidential"))
        return "x";
    return ".";
}

/* Members that are folded into Value rather than becoming columns. */
static int folded(const char *member)
{
    return strcmp(member, "ValueAttribute") == 0 || strcmp(member, "StringValue") == 0;
}

static char *value_cell(const cJSON *rec, size_t k, const char *name, wf_error *err)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(rec, "Value");
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(rec, "ValueAttribute");
    if (a && !cJSON_IsString(a) && !cJSON_IsNull(a)) {
        wf_errorf(err, "%s: $.value[%zu].ValueAttribute: expected a string", name, k);
        return NULL;
    }
    if (cJSON_IsNumber(v)) {
        strbuf b = STRBUF_INIT;
        sb_double(&b, v->valuedouble);
        return sb_take(&b);
    }
    if (!v || cJSON_IsNull(v))
        return xstrdup(v4_null_symbol(cJSON_IsString(a) ? a->valuestring : NULL));
    wf_errorf(err, "%s: $.value[%zu].Value: expected a number or null", name, k);
    return NULL;
}

int v4_observations_to_doc(const cJSON *doc, const char *name, csv_doc **out, wf_error *err)
{
    const cJSON *vals = cJSON_GetObjectItemCaseSensitive(doc, "value");
    if (!cJSON_IsArray(vals))
        return wf_errorf(err, "%s: $.value: missing (expected the array of Observations)", name);
    size_t n_rec = (size_t)cJSON_GetArraySize(vals);
    if (n_rec == 0)
        return wf_errorf(err, "%s: $.value: empty (expected at least one observation)", name);
    const cJSON *first = vals->child;
    if (!cJSON_IsObject(first))
        return wf_errorf(err, "%s: $.value[0]: expected an object", name);
    if (!cJSON_GetObjectItemCaseSensitive(first, "Measure"))
        return wf_errorf(err, "%s: $.value[0].Measure: missing (expected v4 Observations)", name);
    size_t n_cols = 0;
    for (const cJSON *m = first->child; m; m = m->next)
        if (!folded(m->string))
            n_cols++;
    if (!cJSON_GetObjectItemCaseSensitive(first, "Value"))
        n_cols++; /* an absent Value is a null one */
    csv_row *rows = xcalloc(n_rec + 1, sizeof *rows);
    rows[0].n = n_cols;
    rows[0].f = xcalloc(n_cols, sizeof *rows[0].f);
    rows[0].col = xcalloc(n_cols, sizeof *rows[0].col);
    size_t c = 0;
    for (const cJSON *m = first->child; m; m = m->next)
        if (!folded(m->string)) {
            rows[0].f[c] = xstrdup(m->string);
            rows[0].col[c] = c + 1;
            c++;
        }
    if (c < n_cols) {
        rows[0].f[c] = xstrdup("Value");
        rows[0].col[c] = c + 1;
    }
    size_t r = 1;
    for (const cJSON *rec = vals->child; rec; rec = rec->next, r++) {
        rows[r].line = r;
        rows[r].f = xcalloc(n_cols, sizeof *rows[r].f);
        rows[r].col = xcalloc(n_cols, sizeof *rows[r].col);
        if (!cJSON_IsObject(rec)) {
            csv_rows_free(rows, r + 1);
            return wf_errorf(err, "%s: $.value[%zu]: expected an object", name, r - 1);
        }
        size_t extra = 0;
        for (const cJSON *m = rec->child; m; m = m->next)
            if (!folded(m->string) && csv_header_index(&(csv_doc){1, rows}, m->string) < 0)
                extra++;
        if (extra) {
            csv_rows_free(rows, r + 1);
            return wf_errorf(err, "%s: $.value[%zu]: a member that $.value[0] does not have", name, r - 1);
        }
        for (c = 0; c < n_cols; c++) {
            const char *col = rows[0].f[c];
            char *cell;
            if (strcmp(col, "Value") == 0) {
                cell = value_cell(rec, r - 1, name, err);
            } else {
                const cJSON *v = cJSON_GetObjectItemCaseSensitive(rec, col);
                cell = NULL;
                if (cJSON_IsString(v))
                    cell = xstrdup_trimmed(v->valuestring);
                else if (cJSON_IsNumber(v)) {
                    strbuf b = STRBUF_INIT;
                    sb_double(&b, v->valuedouble);
                    cell = sb_take(&b);
                } else
                    wf_errorf(err, "%s: $.value[%zu].%s: %s (expected a string or number)", name, r - 1, col,
                              v ? "wrong type" : "missing");
            }
            if (!cell) {
                rows[r].n = c;
                csv_rows_free(rows, r + 1);
                return -1;
            }
            rows[r].f[c] = cell;
            rows[r].col[c] = c + 1;
            rows[r].n = c + 1;
        }
    }
    csv_doc *d = xmalloc(sizeof *d);
    d->n_rows = n_rec + 1;
    d->rows = rows;
    *out = d;
    return 0;
}
