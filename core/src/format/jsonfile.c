#include "format/jsonfile.h"

#include <stdlib.h>
#include <string.h>

#include "util/fileio.h"
#include "util/strbuf.h"
#include "util/text.h"

/* Decoded strings must be text too ("\u0007" is valid JSON), and a key
 * given twice is an error: cJSON would silently keep the first. */
static int check_values(const cJSON *j, const char *name, strbuf *path, wf_error *err)
{
    if (cJSON_IsString(j) && !text_valid(j->valuestring))
        return wf_errorf(err, "%s: %s: control character or invalid UTF-8 in a string", name, path->s);
    size_t mark = path->len;
    size_t idx = 0;
    for (const cJSON *c = j->child; c; c = c->next, idx++) {
        if (cJSON_IsObject(j)) {
            if (!text_valid(c->string))
                return wf_errorf(err, "%s: %s: control character or invalid UTF-8 in a key", name, path->s);
            for (const cJSON *d = j->child; d != c; d = d->next)
                if (strcmp(d->string, c->string) == 0)
                    return wf_errorf(err, "%s: %s.%s: duplicate key", name, path->s, c->string);
            sb_printf(path, ".%s", c->string);
        } else {
            sb_printf(path, "[%zu]", idx);
        }
        int rc = check_values(c, name, path, err);
        path->len = mark;
        path->s[mark] = '\0';
        if (rc != 0)
            return rc;
    }
    return 0;
}

int json_parse(const char *text, size_t len, const char *name, cJSON **out, wf_error *err)
{
    if (text_check(name, text, len, err) != 0)
        return -1;
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
    if (json_check_values(j, name, err) != 0) {
        cJSON_Delete(j);
        return -1;
    }
    *out = j;
    return 0;
}

int json_check_values(const cJSON *j, const char *name, wf_error *err)
{
    strbuf path = STRBUF_INIT;
    sb_putc(&path, '$');
    int rc = check_values(j, name, &path, err);
    sb_free(&path);
    return rc;
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
