#include "host/kind.h"

#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

const char *kind_type_name(wrrfig_param_type t)
{
    static const char *const names[] = {"table", "layer", "text", "number", "list"};
    return (unsigned)t <= WRRFIG_PARAM_LIST ? names[t] : "?";
}

static bool is_input(wrrfig_param_type t) { return t == WRRFIG_PARAM_TABLE || t == WRRFIG_PARAM_LAYER; }

bool kind_table_name_ok(const char *name)
{
    if (!name || !*name || strlen(name) > 200)
        return false;
    bool seg_start = true;
    for (const char *p = name; *p; p++) {
        char c = *p;
        if (c == '/') {
            if (seg_start)
                return false; /* empty segment, leading '/' */
            seg_start = true;
            continue;
        }
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
                  (c == '.' && !seg_start);
        if (!ok)
            return false;
        seg_start = false;
    }
    return !seg_start;
}

static const wf_param *find_param(const wf_kind *k, const char *name)
{
    for (size_t i = 0; i < k->n_params; i++)
        if (strcmp(k->params[i].name, name) == 0)
            return &k->params[i];
    return NULL;
}

/* The type check of one value; NULL when it fits. */
static const char *type_problem(const wf_param *p, const cJSON *v)
{
    switch (p->type) {
    case WRRFIG_PARAM_TABLE:
    case WRRFIG_PARAM_LAYER:
        if (!cJSON_IsString(v))
            return "expected a table name (a string)";
        if (!kind_table_name_ok(v->valuestring))
            return "expected a table name such as \"cbs/37296ned\" (segments of letters, digits, '_', '-', '.', "
                   "joined by '/')";
        return NULL;
    case WRRFIG_PARAM_TEXT:
        if (cJSON_IsString(v))
            return NULL;
        if (cJSON_IsObject(v)) {
            for (const cJSON *c = v->child; c; c = c->next)
                if (!cJSON_IsString(c))
                    return "expected text: a string or {\"nl\": \"...\", \"en\": \"...\"} with string values";
            if (!cJSON_GetObjectItemCaseSensitive(v, "nl"))
                return "expected text: an {\"nl\", \"en\"} object needs at least \"nl\"";
            return NULL;
        }
        return "expected text: a string or {\"nl\": \"...\", \"en\": \"...\"}";
    case WRRFIG_PARAM_NUMBER: return cJSON_IsNumber(v) ? NULL : "expected a number";
    case WRRFIG_PARAM_LIST:
        if (!cJSON_IsArray(v))
            return "expected a list (a JSON array)";
        for (const cJSON *c = v->child; c; c = c->next)
            if (!cJSON_IsString(c) && !cJSON_IsNumber(c))
                return "expected a list of strings or numbers";
        return NULL;
    }
    return "unknown parameter type";
}

static void list_names(const wf_kind *k, bool inputs, strbuf *b)
{
    size_t n = 0;
    for (size_t i = 0; i < k->n_params; i++)
        if (is_input(k->params[i].type) == inputs)
            sb_printf(b, "%s%s", n++ ? ", " : "", k->params[i].name);
    if (!n)
        sb_puts(b, "none");
}

/* Checks one section ("inputs" or "params") of the spec. */
static int check_section(const wf_kind *k, const cJSON *spec, const char *file, const char *section, bool inputs,
                         cJSON *out, wf_error *err)
{
    const cJSON *sec = cJSON_GetObjectItemCaseSensitive(spec, section);
    if (!sec)
        return 0;
    if (!cJSON_IsObject(sec))
        return wf_errorf(err, "%s: $.%s: expected an object of %s (kind %s)", file, section,
                         inputs ? "table and layer names" : "parameters", k->id);
    for (const cJSON *v = sec->child; v; v = v->next) {
        const wf_param *p = find_param(k, v->string);
        if (!p || is_input(p->type) != inputs) {
            strbuf names = STRBUF_INIT;
            list_names(k, inputs, &names);
            if (p)
                wf_errorf(err, "%s: $.%s.%s: '%s' is a %s parameter of kind %s: give it in \"%s\"", file, section,
                          v->string, v->string, kind_type_name(p->type), k->id, inputs ? "params" : "inputs");
            else
                wf_errorf(err, "%s: $.%s.%s: kind %s has no such %s (expected one of: %s)", file, section, v->string,
                          k->id, inputs ? "input" : "parameter", names.s);
            sb_free(&names);
            return -1;
        }
        const char *why = type_problem(p, v);
        if (why)
            return wf_errorf(err, "%s: $.%s.%s: %s (kind %s: %s, %s)", file, section, v->string, why, k->id, p->name,
                             kind_type_name(p->type));
        cJSON_AddItemToObject(out, p->name, cJSON_Duplicate(v, 1));
    }
    return 0;
}

int kind_check_spec(const wf_kind *k, const cJSON *spec, const char *file, cJSON **params, char ***inputs,
                    wf_error *err)
{
    *params = NULL;
    *inputs = NULL;
    cJSON *out = cJSON_CreateObject();
    if (check_section(k, spec, file, "inputs", true, out, err) != 0 ||
        check_section(k, spec, file, "params", false, out, err) != 0) {
        cJSON_Delete(out);
        return -1;
    }
    const cJSON *needs = cJSON_GetObjectItemCaseSensitive(spec, "needs");
    if (needs && !cJSON_IsString(needs)) {
        cJSON_Delete(out);
        return wf_errorf(err, "%s: $.needs: expected a string (what to download when an input is absent)", file);
    }
    size_t n_in = 0;
    char **in = xcalloc(k->n_params + 1, sizeof *in);
    for (size_t i = 0; i < k->n_params; i++) {
        const wf_param *p = &k->params[i];
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(out, p->name);
        if (!v && !p->def) {
            for (size_t j = 0; j < n_in; j++)
                free(in[j]);
            free(in);
            cJSON_Delete(out);
            return wf_errorf(err, "%s: $.%s.%s: missing (kind %s requires this %s parameter: %s)", file,
                             is_input(p->type) ? "inputs" : "params", p->name, k->id, kind_type_name(p->type),
                             p->doc && *p->doc ? p->doc : "no description");
        }
        if (!v) {
            /* Defaults were checked against the type when the plugin loaded. */
            cJSON *d = cJSON_Parse(p->def);
            cJSON_AddItemToObject(out, p->name, d);
            v = d;
        }
        if (is_input(p->type))
            in[n_in++] = xstrdup(v->valuestring);
    }
    *params = out;
    *inputs = in;
    return 0;
}
