#include "format/jsonfile.h"

#include <stdlib.h>
#include <string.h>

#include "util/fileio.h"
#include "util/strbuf.h"

int json_parse(const char *text, size_t len, const char *name, cJSON **out, wf_error *err)
{
    const char *end = NULL;
    /* The process never calls setlocale, so cJSON's decimal point is '.'. */
    cJSON *j = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    const char *p = end;
    if (j) {
        while (p && p < text + len && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            p++;
        if (p && p < text + len && *p != '\0') {
            cJSON_Delete(j);
            j = NULL;
        }
    }
    if (!j) {
        if (!p || p < text || p > text + len)
            p = text + len;
        size_t line = 1, col = 1;
        for (const char *q = text; q < p; q++) {
            if (*q == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return wf_error_at(err, name, line, col, "invalid JSON here (or trailing data after the value)");
    }
    *out = j;
    return 0;
}

int json_read_file(const char *path, cJSON **out, wf_error *err)
{
    char *text;
    size_t len;
    if (read_file(path, &text, &len, err) != 0)
        return -1;
    int rc = json_parse(text, len, path, out, err);
    free(text);
    return rc;
}

const char *json_str(const cJSON *obj, const char *key)
{
    return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(obj, key));
}

int json_num(const cJSON *obj, const char *key, double *out)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!cJSON_IsNumber(it))
        return -1;
    *out = it->valuedouble;
    return 0;
}

const char *json_str_req(const cJSON *obj, const char *key, const char *file, const char *path,
                         wf_error *err)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!it) {
        wf_errorf(err, "%s: %s.%s: missing (expected a string)", file, path, key);
        return NULL;
    }
    if (!cJSON_IsString(it)) {
        wf_errorf(err, "%s: %s.%s: expected a string", file, path, key);
        return NULL;
    }
    return it->valuestring;
}

const cJSON *json_at(const cJSON *obj, const char *dotted)
{
    const cJSON *cur = obj;
    const char *p = dotted;
    while (cur && *p) {
        const char *dot = strchr(p, '.');
        size_t n = dot ? (size_t)(dot - p) : strlen(p);
        char *part = xstrndup(p, n);
        if (cJSON_IsArray(cur)) {
            char *endp;
            long idx = strtol(part, &endp, 10);
            cur = (*endp == '\0' && idx >= 0) ? cJSON_GetArrayItem(cur, (int)idx) : NULL;
        } else {
            cur = cJSON_GetObjectItemCaseSensitive(cur, part);
        }
        free(part);
        p += n;
        if (*p == '.')
            p++;
    }
    return cur;
}
